// Tables a page prints without ruling lines (a portal's table styled with no
// borders, printed to PDF): the rules are inferred from where the text stands,
// and pdf/grid.ts then reads the cells exactly as it reads a ruled table.
//
// A *value row* is a line that ends in two or more figures standing apart (a
// label, then numbers and nothing else: `行政规范性文件2 0 9`, where the
// browser ran the label and the first figure into one text run). Consecutive
// value rows whose figures fall into the same columns are one table: the
// columns are where the figures stand (a column is the span its figures
// cover, overlapping from row to row, so left, centred and right alignment
// all work), the rows are cut halfway between the value rows' baselines, so
// a label wrapped over lines above and below its figures stays in its row.
// Left of the figures, a label column starts wherever label text of several
// rows starts (表三's 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密);
// a label that runs over such a start (一、本年新收…, colspan) makes its row's
// cells there one merged cell. Header lines above the first value row and
// text below the last stay lines. Precision first: when the figures of a row
// do not fit the columns one to one, or a column stands in one row only, no
// table is inferred and the lines are read as before.

import { isCjk, toLines, type Line } from './lines';
import type { Rule, TextPiece } from './types';

/** A figure (a count, an amount, a signed change) or a placeholder for none. */
const FIGURE = /^[+-]?\d+(?:\.\d+)?$|^[-—–/／]$/;
/** Figures of one row stand at least this many font sizes apart (table cells, not a number in a sentence). */
const FIGURE_GAP = 0.8;
/** A label piece starting this many font sizes after the previous one starts a new label cell. */
const LABEL_GAP = 0.5;
/** Lines of one table stand at most this many font sizes apart (a row of three wrapped lines, its figures in the middle). */
const TABLE_GAP = 3;
/** Lines of a page beyond which no table is inferred (an A4 page holds about 50 lines of body text). */
const MAX_LINES = 400;
/** Label columns beyond the first that a table may have (表三 has two more: its group labels' and its rows'). */
const MAX_LABEL_COLUMNS = 4;
/** A row alone is a table when this many figures stand apart in it. */
const LONE_ROW_FIGURES = 3;
/** A label's wrapped line stands at most this many font sizes under the line before it. */
const WRAPPED_LINE = 1.6;
/** Starts within this many units are one label column's edge. */
const SAME_START = 2;

interface Token {
  readonly text: string;
  readonly left: number;
  readonly right: number;
}

interface ValueRow {
  readonly line: Line;
  readonly figures: readonly Token[];
}

interface Region {
  readonly rows: ValueRow[];
  /** The figures' span over all rows (kept as rows are added: a page of many rows stays linear). */
  left: number;
  right: number;
  /** Lines between the value rows that hold label text only (wrapped labels, merged group labels). */
  readonly labels: Line[];
}

/** Per page, the rules of the tables its text forms without any drawn (none when no table is inferred with confidence). */
export function inferredRules(pages: readonly (readonly TextPiece[])[]): { horizontal: Rule[]; vertical: Rule[] }[] {
  const found = pages.map((pieces) => {
    const lines = toLines(pieces);
    // A page of more lines than a printed page holds is no report's page (a hostile file): nothing is inferred on it.
    return lines.length > MAX_LINES ? [] : regions(lines).map((region) => ({ region, columns: figureColumns(region.rows) }));
  });
  // A table on its own: figures of two or more rows in two or more columns.
  // Or one row of three or more figures standing apart (表四's fifteen): no sentence writes numbers that way.
  const confirmed = found.map((onPage) =>
    onPage.filter(({ region, columns }) => columns && ((region.rows.length >= 2 && columns.filter((c) => c.rows.size >= 2).length >= 2) || (region.rows.length === 1 && columns.length >= LONE_ROW_FIGURES))),
  );
  const inColumn = columnIndex(confirmed.flat().flatMap(({ columns }) => columns!));
  // A smaller run (表二's 行政许可 812, a row of one figure glued to its label) is a table only where its figures stand in
  // columns a table of the document has (the same table's columns on the page before), and its labels are labels
  // (short, no sentence punctuation): not a sentence's number.
  return found.map((onPage, p) => {
    const fitting = onPage.filter(
      (f) =>
        !confirmed[p]!.includes(f) &&
        f.columns?.every(inColumn) &&
        f.region.rows.every((r) => LABEL.test(labelText(r))),
    );
    const horizontal: Rule[] = [];
    const vertical: Rule[] = [];
    for (const { region, columns } of [...confirmed[p]!, ...fitting]) {
      const rules = rulesOf(region, columns!);
      horizontal.push(...rules.horizontal);
      vertical.push(...rules.vertical);
    }
    return { horizontal, vertical };
  });
}

/** Whether a span overlaps one of the columns: their union as sorted disjoint intervals, searched by halves. */
function columnIndex(columns: readonly { left: number; right: number }[]): (span: { left: number; right: number }) => boolean {
  const union: { left: number; right: number }[] = [];
  for (const c of [...columns].sort((a, b) => a.left - b.left)) {
    const last = union[union.length - 1];
    if (last && c.left <= last.right) last.right = Math.max(last.right, c.right);
    else union.push({ left: c.left, right: c.right });
  }
  return (span) => {
    let lo = 0;
    let hi = union.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (union[mid]!.right < span.left) lo = mid + 1;
      else hi = mid;
    }
    return lo < union.length && union[lo]!.left <= span.right;
  };
}

/** A row label standing alone in a table row: a few ideographs (brackets allowed), no sentence punctuation. */
const LABEL = /^[\u3400-\u9fff（）()]{2,24}$/;

/** A value row's text before its figures. */
const labelText = (row: ValueRow) =>
  tokens(row.line)
    .filter((t) => t.right <= row.figures[0]!.left + 0.5)
    .map((t) => t.text)
    .join('');

/** A line's tokens with their x spans: pieces split at spaces, and a figure at a piece's end split off its label (`件2`). */
function tokens(line: Line): Token[] {
  const out: Token[] = [];
  for (const piece of line.pieces) {
    const chars = [...piece.text];
    const edges = charEdges(piece, chars);
    const push = (from: number, to: number) => out.push({ text: chars.slice(from, to).join(''), left: edges[from]!, right: edges[to]! });
    for (let i = 0; i < chars.length; ) {
      if (/\s/.test(chars[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < chars.length && !/\s/.test(chars[j]!)) j++;
      const word = chars.slice(i, j).join('');
      const trailing = /(?<=[^\d.+-])[+-]?\d+(?:\.\d+)?$/.exec(word);
      if (trailing) {
        const split = i + [...word.slice(0, trailing.index)].length;
        push(i, split);
        push(split, j);
      } else push(i, j);
      i = j;
    }
  }
  return out.sort((a, b) => a.left - b.left);
}

/**
 * Where each character of a run starts (and the last ends): ideographs and full-width forms one font size wide,
 * the rest sharing what is left (a run gives only its total width); evenly when that does not fit.
 */
function charEdges(piece: TextPiece, chars: readonly string[]): number[] {
  const wide = chars.filter(isCjk).length;
  const narrow = chars.length - wide;
  const rest = piece.width - wide * piece.size;
  const fits = wide > 0 && narrow > 0 && rest > 0 && rest / narrow <= piece.size;
  const widthOf = (ch: string) => (fits ? (isCjk(ch) ? piece.size : rest / narrow) : piece.width / Math.max(1, chars.length));
  const edges = [piece.x];
  for (const ch of chars) edges.push(edges[edges.length - 1]! + widthOf(ch));
  return edges;
}

/** The figures a line ends in, when it is a value row (two or more, apart, nothing but figures after the first). */
function valueRow(line: Line): ValueRow | undefined {
  const all = tokens(line);
  let first = all.length;
  while (first > 0 && FIGURE.test(all[first - 1]!.text)) first--;
  const figures = all.slice(first);
  if (!figures.some((f) => /\d/.test(f.text))) return undefined;
  for (let i = 1; i < figures.length; i++) if (figures[i]!.left - figures[i - 1]!.right < FIGURE_GAP * line.size) return undefined;
  // The label, if any, ends before the first figure.
  if (first > 0 && all[first - 1]!.right > figures[0]!.left + 0.5) return undefined;
  return { line, figures };
}

/** Runs of value rows, with the label-only lines between them; a line with text over the figures ends a run. */
function regions(lines: readonly Line[]): Region[] {
  const out: Region[] = [];
  let current: Region | undefined;
  let pending: Line[] = [];
  const close = () => {
    // The last row's label may wrap below its figures: the label lines right under it that start no row of their
    // own, start in the row labels' column (right of a group label's: 表三) and follow a line that filled it (a
    // caption or a note under the table is not a label's rest).
    if (current && pending.length) {
      const own = [...current.rows.map((r) => r.line), ...current.labels];
      const rowLabelsLeft = labelColumns(own, current.left).at(-1) ?? Number.NaN;
      const labelled = own.filter((l) => labelSegments(l, current!.left).length);
      let above = labelled.length ? labelSegments(labelled.reduce((a, b) => (b.y < a.y ? b : a)), current.left).at(-1) : undefined;
      let previous = current.rows[current.rows.length - 1]!.line;
      for (const line of pending) {
        if (ROW_NUMBERING.test(line.text) || previous.y - line.y > WRAPPED_LINE * line.size || !(line.left >= rowLabelsLeft - 1)) break;
        if (!above || above.right < current.left - WRAPPED_LINE * line.size) break;
        current.labels.push(line);
        previous = line;
        above = labelSegments(line, current.left).at(-1);
      }
    }
    if (current) out.push(current);
    current = undefined;
    pending = [];
  };
  for (const line of lines) {
    // A gap wider than a few lines (a paragraph's space, the rest of a page) ends a table.
    const above = pending.at(-1) ?? current?.rows.at(-1)!.line;
    if (above && above.y - line.y > TABLE_GAP * line.size) close();
    const row = valueRow(line);
    if (row) {
      if (current && figureLeft(current) <= row.figures[row.figures.length - 1]!.right && row.figures[0]!.left <= figureRight(current)) {
        current.labels.push(...pending);
        current.rows.push(row);
        current.left = Math.min(current.left, row.figures[0]!.left);
        current.right = Math.max(current.right, row.figures[row.figures.length - 1]!.right);
      } else {
        close();
        current = { rows: [row], labels: [], left: row.figures[0]!.left, right: row.figures[row.figures.length - 1]!.right };
      }
      pending = [];
      continue;
    }
    if (current && line.right <= figureLeft(current)) pending.push(line);
    else close();
  }
  close();
  return out;
}

const figureLeft = (region: Region) => region.left;
const figureRight = (region: Region) => region.right;

/** The spans of the figure columns: figures whose spans overlap (row to row) are one column. */
interface FigureColumn {
  left: number;
  right: number;
  /** The value rows (indexes) with a figure in it. */
  rows: Set<number>;
}

function figureColumns(rows: readonly ValueRow[]): FigureColumn[] | undefined {
  const spans = rows.flatMap((row, r) => row.figures.map((f) => ({ left: f.left, right: f.right, r }))).sort((a, b) => a.left - b.left);
  const columns: FigureColumn[] = [];
  for (const span of spans) {
    const last = columns[columns.length - 1];
    if (last && span.left <= last.right + 1) {
      if (last.rows.has(span.r)) return undefined; // two figures of one row in one column: not a grid
      last.right = Math.max(last.right, span.right);
      last.rows.add(span.r);
    } else {
      columns.push({ left: span.left, right: span.right, rows: new Set([span.r]) });
    }
  }
  return columns;
}

/** Numbering a table row's label starts with (一、 （三） 1.): a label line starting with it starts a row. */
const ROW_NUMBERING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d))/;

function rulesOf(region: Region, columns: readonly FigureColumn[]): { horizontal: Rule[]; vertical: Rule[] } {
  const figuresLeft = columns[0]!.left;
  const lines = [...region.rows.map((r) => r.line), ...region.labels].sort((a, b) => b.y - a.y);
  const left = Math.min(...lines.map((l) => l.left)) - 1;
  const right = columns[columns.length - 1]!.right + 1;
  const figureEdges = [figuresLeft - 0.5, ...columns.slice(1).map((c, i) => (columns[i]!.right + c.left) / 2), right];
  const labelEdges = labelColumns(lines, figuresLeft);
  const rows = tableRows(lines, new Set(region.rows.map((r) => r.line)), figuresLeft, labelEdges[labelEdges.length - 1] ?? left);
  // Rows are cut halfway between the last line of one and the first of the next (at baseline + 0.3 of the size, as grid.ts places a piece).
  const mid = (line: Line) => line.y + 0.3 * line.size;
  const pitch = rows.length > 1 ? (mid(rows[0]![0]!) - mid(rows[rows.length - 1]!.at(-1)!)) / (lines.length - 1) : lines[0]!.size;
  const ys = [mid(rows[0]![0]!) + pitch / 2];
  for (let i = 1; i < rows.length; i++) ys.push((mid(rows[i - 1]!.at(-1)!) + mid(rows[i]![0]!)) / 2);
  ys.push(mid(rows[rows.length - 1]!.at(-1)!) - pitch / 2);
  const horizontal = ys.map((y) => ({ x1: left, y1: y, x2: right, y2: y }));
  const vertical: Rule[] = [left, ...figureEdges].map((x) => ({ x1: x, y1: ys[ys.length - 1]!, x2: x, y2: ys[0]! }));
  // A label column's edge is drawn in each row no label text runs over (a label spanning columns is one merged cell).
  for (const x of labelEdges)
    rows.forEach((row, r) => {
      if (!row.some((line) => line.pieces.some((p) => p.x < x - 1 && p.x + p.width > x + 1))) vertical.push({ x1: x, y1: ys[r + 1]!, x2: x, y2: ys[r]! });
    });
  return { horizontal, vertical };
}

/**
 * The table's lines (top to bottom) grouped into rows. A row starts at a value row with a label of its own,
 * or at a label line that starts a row (numbered, in the row labels' column: a blank row keeps its place).
 * A value row without a label of its own (figures centred beside a wrapped label) joins the row its label
 * started; other label lines (a wrapped label's rest, a merged group label's pieces) go on in the row above.
 */
function tableRows(lines: readonly Line[], valueLines: ReadonlySet<Line>, figuresLeft: number, rowLabelsLeft: number): Line[][] {
  const rows: { lines: Line[]; figures: boolean }[] = [];
  for (const line of lines) {
    const segments = labelSegments(line, figuresLeft);
    const last = segments[segments.length - 1];
    const numbered = !!last && ROW_NUMBERING.test(last.text) && last.right > rowLabelsLeft + 1;
    const current = rows[rows.length - 1];
    if (valueLines.has(line)) {
      const joins = current && !current.figures && (!last || !numbered);
      if (joins) {
        current.lines.push(line);
        current.figures = true;
      } else rows.push({ lines: [line], figures: true });
    } else if (numbered || !current) rows.push({ lines: [line], figures: false });
    else current.lines.push(line);
  }
  return rows.map((r) => r.lines);
}

/** A line's label text left of the figures, in pieces apart (a gap of half a font size or more parts two cells). */
function labelSegments(line: Line, figuresLeft: number): { text: string; left: number; right: number }[] {
  const out: { text: string; left: number; right: number }[] = [];
  for (const piece of line.pieces) {
    if (piece.x >= figuresLeft - 0.5) break;
    const last = out[out.length - 1];
    if (last && piece.x - last.right <= LABEL_GAP * piece.size) {
      last.text += piece.text;
      last.right = piece.x + piece.width;
    } else out.push({ text: piece.text.trim(), left: piece.x, right: piece.x + piece.width });
  }
  return out.filter((s) => s.text);
}

/**
 * Where label columns start, left of the figures: a start shared by label text of two or more lines, apart from the
 * table's left edge and the figures (an edge closer than 6 units to another would be snapped onto it by grid.ts).
 */
function labelColumns(lines: readonly Line[], figuresLeft: number): number[] {
  const left = Math.min(...lines.map((l) => l.left)) - 1;
  const starts = lines.flatMap((line) => labelSegments(line, figuresLeft).map((s) => s.left)).sort((a, b) => a - b);
  const edges: number[] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length >= 2) edges.push(group[0]! - 0.5);
    group = [];
  };
  for (const x of starts) {
    if (group.length && x - group[group.length - 1]! > SAME_START) flush();
    group.push(x);
  }
  flush();
  const kept = edges.filter((x) => x - left > 6 && figuresLeft - 0.5 - x > 6);
  // More label columns than a report's table has (表三: three) is no table's labels: read them as one column.
  return kept.length <= MAX_LABEL_COLUMNS ? kept : [];
}
