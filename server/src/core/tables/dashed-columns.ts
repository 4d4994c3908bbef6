// pandoc's simple and multiline tables (`pandoc -t markdown` or `-t plain` of a Word table with no span it must keep):
// no bar parts the cells, a rule of dashes does. Each column's extent is its run of dashes (pandoc's simple_tables and
// multiline_tables), every cell's text stands within its column's extent, and an empty cell is spaces there. Extents
// are display columns: pandoc lays a CJK character out two wide.

/** A column's extent on its line, in display columns: [from, to). */
export interface Extent {
  readonly from: number;
  readonly to: number;
}

/** A cell's text on one line and where it starts in the document (an empty cell's: where its column starts). */
export interface Piece {
  text: string;
  start: number;
  /** Where the piece's text ends in the line, when that is not start + text.length (markup taken out of the text). */
  end?: number;
}

// A rule of two or more runs of dashes parted by spaces: the columns' extents.
const COLUMN_RULE = /^ *-{2,}(?: +-{2,})+ *$/;
// Any rule of the table: the column rule, or the full-width run of dashes over and under a multiline table with a header.
const ANY_RULE = /^ *-{3,}(?: +-{2,})* *$/;

/** Share of the lines with text (rules aside) that must stand within the columns for the region to be such a table. */
const FITTING_SHARE = 0.8;
const MIN_FITTING_LINES = 2;

/** Whether a line is one of the table's rules (no cells). */
export function isDashedRule(text: string): boolean {
  return ANY_RULE.test(text);
}

/** The column extents of a rule line, or undefined where it is none. */
function extentsOf(text: string): Extent[] | undefined {
  if (!COLUMN_RULE.test(text)) return undefined;
  const extents: Extent[] = [];
  // The rule is ASCII: its character index is its display column.
  for (const m of text.matchAll(/-+/g)) extents.push({ from: m.index, to: m.index + m[0].length });
  return extents;
}

/** Display column of each character's start, and of the line's end (a CJK character is two wide). */
function displayStarts(text: string): number[] {
  const at = new Array<number>(text.length + 1);
  let x = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = x;
    x += text.charCodeAt(i) >= 0x1100 ? 2 : 1;
  }
  at[text.length] = x;
  return at;
}

/**
 * Whether a line's text stands within the columns: no run of text starts left of the first column or crosses the
 * spaces between two columns (a paragraph's line does, a table's never).
 */
export function fitsColumns(text: string, extents: readonly Extent[]): boolean {
  const at = displayStarts(text);
  for (const m of text.matchAll(/\S+/g)) {
    const from = at[m.index]!;
    const to = at[m.index + m[0].length]!;
    if (from < extents[0]!.from) return false;
    for (let k = 0; k + 1 < extents.length; k++) {
      if (from < extents[k + 1]!.from && to > extents[k]!.to) return false;
    }
  }
  return true;
}

/**
 * The region's columns, where it holds such a table: a column rule, with most of the region's other lines with text
 * standing within its columns. Else undefined.
 */
export function dashedColumns(lines: readonly { text: string }[], from: number, to: number): Extent[] | undefined {
  let extents: Extent[] | undefined;
  for (let i = from; i < to && !extents; i++) extents = extentsOf(lines[i]!.text);
  if (!extents) return undefined;
  let text = 0;
  let fitting = 0;
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text;
    if (t.trim() === '' || ANY_RULE.test(t)) continue;
    text++;
    if (fitsColumns(t, extents)) fitting++;
  }
  return fitting >= MIN_FITTING_LINES && fitting >= text * FITTING_SHARE ? extents : undefined;
}

/**
 * A line's cells, one a column: the text from the column's start to the next column's (the first from the line's
 * start), trimmed, without pandoc's hard line break (a `\` ending the piece of a cell wrapped over lines).
 */
export function dashedPieces(text: string, lineStart: number, extents: readonly Extent[]): Piece[] {
  const at = displayStarts(text);
  // The character index where each column starts.
  const starts = extents.map((e, k) => (k === 0 ? 0 : indexAt(at, e.from)));
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! : text.length;
    let a = s;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a && text[b - 1] === '\\') b--;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    return { text: text.slice(a, b), start: lineStart + (a < b ? a : Math.min(s, text.length)) };
  });
}

/** The first character index at or right of display column `x` (the line's length where it ends before it). */
function indexAt(at: readonly number[], x: number): number {
  let i = 0;
  while (i < at.length - 1 && at[i]! < x) i++;
  return i;
}
