// Line records → Report. Never throws: what it cannot read it leaves out of
// the model and says so through the tables' shape problems.
//
// Order of work: headings (short lines naming a section, not followed by
// numbers) → table anchors → one region per table, read by the layout's
// reader and aligned with the template → the rest is prose. Everything per
// line comes from the records' cached analysis, and paragraph texts from the
// lines' (an unmoved paragraph is the very object it was). Most keystrokes do
// not come here at all: patch-report.ts makes the next version of the model
// this builds, using the index it leaves.

import type { Artifact, Heading, Paragraph, Report, Section, Table, TableLayout } from '../model';
import { detectLayout, readCells, type TableLine } from '../tables/cells';
import { readTable2 } from '../tables/table2';
import { readTable3 } from '../tables/table3';
import { readTable4 } from '../tables/table4';
import { proseAfterTable } from '../tables/prose-line';
import { isDivFenceLine, isLoneBackslash } from '../text/debris';
import type { Line } from '../text/lines';
import { lineOf, type CachedParagraph, type DocumentLines } from './document-lines';
import type { LineInfo } from './line-info';
import { canonicalText } from '../caches';
import { nestSubItems } from './subitems';
import { shiftedRange } from '../report-delta';
import { findTitle } from './title';
import { bareNumeral, numeralHeading, placedHeading, readHeadingLine } from './headings';
import type { SectionId } from '../template';

const LOOKAHEAD = 3;
/** A heading at least this close to a template title is a heading even when numbers follow it. */
export const EXACT_TITLE = 0.999;

/**
 * Where the model's parts sit, by line: what an edit needs to find the parts
 * it touched without reading the whole document again (patch-report.ts).
 */
export interface AssemblyIndex {
  /** The line of each section's heading: sections[k].heading is on headingLines[k]. */
  readonly headingLines: readonly number[];
  /** Each table's lines [from, to), the table running from its anchor to the next heading or anchor. */
  readonly regions: readonly TableRegion[];
  /** 1 for the lines a table took. */
  readonly tableLine: Uint8Array;
  /**
   * The lines of the sections' sub-items, in order: the order in which a walk
   * of each section's tree (an item, then its children) meets them. Lines
   * only, no model objects: the index is shared by the versions an edit keeps
   * the structure of.
   */
  readonly subItemLines: Int32Array;
  /** For each section, the lines of each of its paragraphs. */
  readonly paragraphLines: readonly (readonly (readonly number[])[])[];
  /** For each section, the last line of each of its paragraphs (increasing), packed for the keystroke path. */
  readonly paragraphEnds: readonly Int32Array[];
  /** The second lines of the headings over two lines (joinSplitHeadings). */
  readonly headingTails: readonly number[];
}

export interface TableRegion {
  readonly kind: Table['kind'];
  readonly from: number;
  readonly to: number;
  /** The anchor's line: `from`, or the line after it where the anchor's cell opened its tag there (tagOpenedAbove). */
  readonly anchor: number;
}

export interface Assembly {
  readonly report: Report;
  readonly index: AssemblyIndex;
}

/** `tableLayout`: the layout of every table, when the reader of a rendition knows it (readers/). */
export function assemble(doc: DocumentLines, tableLayout?: TableLayout): Assembly {
  const { records, starts } = doc;
  const n = records.length;
  const info = (i: number) => records.at(i).info;

  const headingAt = new Map<number, Heading>();
  // What each line is (lineBits), read here once: the passes below go over these, not over the lines' analyses again.
  const bits = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const line = info(i);
    let b = lineBits(line);
    const h = line.heading;
    // A table row can only nearly match a section title: an exact title (or accepted variant)
    // is a heading even when a number (a PDF page number, say) follows it.
    if (h && (h.similarity >= EXACT_TITLE || !followedByNumbers(doc, i))) {
      headingAt.set(i, shiftHeading(h, starts[i]!));
      b |= HEADING;
    }
    bits[i] = b;
  }
  const split = joinSplitHeadings(doc, headingAt, bits);
  dropContents(doc, headingAt);
  dropSubHeadings(doc, headingAt);
  if (headingAt.size === 0) placeParenthesised(doc, headingAt);
  placeByNumeral(doc, headingAt, split);
  // The second lines of headings over two lines: the heading's, not a paragraph's.
  const headingTail = new Uint8Array(n);
  const headingTails: number[] = [];
  for (const [line, tail] of split.tails) {
    if (!headingAt.has(line)) continue;
    headingTail[tail] = 1;
    headingTails.push(tail);
  }
  const headingLines = [...headingAt.keys()].sort((a, b) => a - b);

  // Tables: each runs from its anchor to the next heading or anchor.
  const anchors = firstAnchors(doc, headingAt, bits);
  const tables: Report['tables'] = {};
  const tableLine = new Uint8Array(n);
  const regions: TableRegion[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const { kind, line } = anchors[a]!;
    const next = anchors[a + 1];
    const to = Math.min(headingLines.find((h) => h > line) ?? n, next ? regionStart(doc, next.line) : n);
    const region = { kind, from: regionStart(doc, line), to, anchor: line };
    const { table, end } = readRegion(doc, region, { layout: tableLayout });
    (tables as Record<Table['kind'], Table>)[kind] = table;
    regions.push(region);
    markTableLines(doc, region, end, tableLine);
  }

  // Indexed by line, in one pass over the lines' analyses (the artifacts too): arrays beat maps and closures on this
  // per-keystroke path. skipped: the lines no paragraph takes (page numbers, web chrome, tables' lines, headings'
  // second lines).
  const artifacts: Artifact[] = [];
  const headingLine = new Uint8Array(n);
  for (const h of headingLines) headingLine[h] = 1;
  const skipped = new Uint8Array(n);
  const subItemAt = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i]!;
    if ((b & (BOOKMARKS | DEBRIS)) !== 0) addArtifacts(doc, i, tableLine, artifacts);
    if ((b & DEBRIS) !== 0 || tableLine[i] === 1 || headingTail[i] === 1) skipped[i] = 1;
    else if ((b & SUB_ITEM) !== 0 && headingLine[i] === 0) subItemAt[i] = 1;
  }

  const firstHeading = headingLines[0] ?? n;
  const joinOverBlank = doubleSpaced(bits, firstHeading, n, skipped, headingLine, subItemAt);
  const paragraphLines: number[][][] = [];
  const sections: Section[] = headingLines.map((h, k) => {
    const to = headingLines[k + 1] ?? n;
    const heading = headingAt.get(h)!;
    // Each line with a sub-item: its analysis (what it reads as, and the item placed from it last) and where it starts.
    const items: LineInfo[] = [];
    const at: number[] = [];
    for (let i = h + 1; i < to; i++) {
      if (!subItemAt[i]) continue;
      items.push(info(i));
      at.push(starts[i]!);
    }
    const lines: number[][] = [];
    paragraphLines.push(lines);
    return {
      heading,
      range: { start: heading.range.start, end: lastContentEnd(doc, h, to) },
      subItems: nestSubItems(items, at),
      // The part's first words on its heading's line are its first paragraph (line-info.ts headingRest).
      paragraphs: buildParagraphs(doc, ownHeadingRest(doc, h, heading) ? h : (split.tails.get(h) ?? h) + 1, to, bits, skipped, subItemAt, joinOverBlank, lines),
    };
  });

  const prefaceLines: Line[] = [];
  for (let i = 0; i < firstHeading; i++) prefaceLines.push(lineOf(doc, i));
  const title = findTitle(prefaceLines, 0, prefaceLines.length);
  // The title is a paragraph of its own: the lines before and after it are never joined to it (a title and the
  // text under it with no blank line between, as a Word export or a printed page has them, lost that text).
  const titleLines = title ? prefaceLines.flatMap((l, i) => (l.start < title.range.end && l.start + l.text.length > title.range.start ? [i] : [])) : [];
  const preface = titleLines.length
    ? [...buildParagraphs(doc, 0, titleLines[0]!, bits, skipped, subItemAt, joinOverBlank), ...buildParagraphs(doc, titleLines[titleLines.length - 1]! + 1, firstHeading, bits, skipped, subItemAt, joinOverBlank)]
    : buildParagraphs(doc, 0, firstHeading, bits, skipped, subItemAt, joinOverBlank).filter((p) => !title || p.range.end <= title.range.start || p.range.start >= title.range.end);
  const report: Report = { textLength: doc.length, title, preface, sections, tables, artifacts, layout: tablesLayout(tables) };
  const paragraphEnds = paragraphLines.map((lines) => {
    const ends = new Int32Array(lines.length);
    for (let p = 0; p < lines.length; p++) ends[p] = lines[p]![lines[p]!.length - 1]!;
    return ends;
  });
  const withItem: number[] = [];
  for (let i = firstHeading + 1; i < n; i++) if (subItemAt[i]) withItem.push(i);
  return { report, index: { headingLines, regions, tableLine, subItemLines: Int32Array.from(withItem), paragraphLines, paragraphEnds, headingTails } };
}

export interface ReadRegionOptions {
  /** The layout the region is known to use (a rendition says it); found from its lines otherwise. */
  readonly layout?: TableLayout | undefined;
  /**
   * The table is read again for a keystroke in it: 表三 then keeps how each row was read, so that the next
   * keystrokes in its figures read one row (parse/retyped-cell.ts). A report only opened keeps none.
   */
  readonly typedIn?: boolean;
}

/** A region's line as its cells are read: a line of Markdown that shows nothing is blank (spaces: offsets hold). */
function blankedLine(line: TableLine): TableLine {
  const blank = ' '.repeat(line.text.length);
  // Its clean text too: the cell readers read that (tableLineOf), not the text.
  return { ...line, text: blank, clean: blank, pageNumber: false };
}

/** Reads one table from its region of lines, in the layout the region uses. */
export function readRegion(doc: DocumentLines, { kind, from, to }: TableRegion, { layout: knownLayout, typedIn = false }: ReadRegionOptions = {}): { table: Table; end: number } {
  const region: TableLine[] = [];
  // The table ends before a paragraph of prose after it (tables/prose-line.ts): its figures are the text's, not cells.
  const last = proseAfterTable((i) => doc.records.at(i).info.clean, from, to);
  for (let i = from; i < last; i++) {
    const line = tableLineOf(doc, i);
    region.push(isDivFenceLine(line.text) ? blankedLine(line) : line);
  }
  const layout = knownLayout ?? detectLayout(region, 0, region.length);
  // In pandoc's table of columns a backslash alone is an empty paragraph after the table (text/debris.ts
  // isLoneBackslash), no row; where cells stand a line each it is a cell's blank mark, and is read.
  if (layout === 'box') for (let k = 0; k < region.length; k++) if (isLoneBackslash(region[k]!.text)) region[k] = blankedLine(region[k]!);
  const cells = readCells(region, 0, region.length, layout);
  if (kind === 't3') return readTable3(cells, layout, typedIn);
  if (kind === 't4') return readTable4(cells, layout, knownLayout ? undefined : () => readCells(region, 0, region.length, 'pdf-rows'));
  return readTable2(cells, layout);
}

/** Line i with its clean text and page-number reading from its record (line-info.ts): the cell readers' input. */
function tableLineOf(doc: DocumentLines, i: number): TableLine {
  const start = doc.starts[i]!;
  const { text, info } = doc.records.at(i);
  return { start, end: start + text.length, text, clean: info.clean, pageNumber: info.pageNumber };
}

/**
 * Where a table anchored on `line` starts: the line before, where the anchor's cell opened its tag there and its
 * attributes run onto the anchor's line (pandoc wraps a long `<td colspan="3"` / `rowspan="3">…`). The cell's spans
 * then place the table's columns (tables/html-cells.ts).
 */
export function regionStart(doc: DocumentLines, line: number): number {
  if (line === 0) return line;
  const text = doc.records.at(line).text;
  const gt = text.indexOf('>');
  if (gt < 0 || text.lastIndexOf('<', gt) >= 0 || !/=/.test(text.slice(0, gt))) return line;
  const above = doc.records.at(line - 1).text;
  const lt = above.lastIndexOf('<');
  return lt >= 0 && above.indexOf('>', lt) < 0 && /^<t[dh]\b/i.test(above.slice(lt)) ? line - 1 : line;
}

/** Marks the lines of the region up to where the table ended; the rest of the region is prose. */
export function markTableLines(doc: DocumentLines, { from, to }: TableRegion, end: number, into: Uint8Array): void {
  for (let i = from; i < to && doc.starts[i]! <= end; i++) into[i] = 1;
}

/** The table layout that most of the report's tables use (ties: the first table's). */
export function tablesLayout(tables: Report['tables']): TableLayout | undefined {
  const inOrder = [tables.t2, tables.t3, tables.t4].filter((t) => t !== undefined).sort((a, b) => a.range.start - b.range.start);
  return mostCommon(inOrder.map((t) => t.layout));
}

/**
 * A part whose title matched no template title, found by its numeral where it belongs (一、基本情况 before
 * 二、主动公开政府信息情况): the one line numbered so (LineInfo.numeralHeading) between the headings of the parts
 * before and after it. Not where that stretch holds a line numbered as another part (a list 一、二、三、 is a
 * part's items, not its heading), nor on a table row. Without it the part was "missing", an error on a report
 * that has it.
 */
function placeByNumeral(doc: DocumentLines, headingAt: Map<number, Heading>, split: SplitHeadings): void {
  const n = doc.records.length;
  const lineOfPart = new Map<number, number>();
  for (const [line, h] of headingAt) if (!lineOfPart.has(h.sectionId) || line < lineOfPart.get(h.sectionId)!) lineOfPart.set(h.sectionId, line);
  const arabic = arabicNumbered(headingAt);
  for (let k = 1; k <= 6; k++) {
    if (lineOfPart.has(k)) continue;
    let before = -1;
    let after = n;
    for (const [id, line] of lineOfPart) {
      if (id < k) before = Math.max(before, line);
      else after = Math.min(after, line);
    }
    let found = -1;
    for (let i = before + 1; i < after; i++) {
      const ordinal = split.numerals.get(i)?.ordinal ?? doc.records.at(i).info.numeralHeading;
      if (ordinal === 0 || headingAt.has(i)) continue;
      if (ordinal !== k || found >= 0) {
        found = -1;
        break;
      }
      found = i;
    }
    if (found < 0 && arabic) {
      const line = byArabicNumeral(doc, headingAt, k, before + 1, after);
      const heading = line >= 0 ? placedHeading(doc.records.at(line).info.clean, doc.starts[line]!, k as SectionId) : undefined;
      if (heading) {
        headingAt.set(line, heading);
        lineOfPart.set(k, line);
      }
      continue;
    }
    if (found < 0) continue;
    const joined = split.numerals.get(found);
    const heading = joined ? joined.heading(k as SectionId) : placedHeading(doc.records.at(found).info.clean, doc.starts[found]!, k as SectionId);
    if (!heading || (!joined && followedByNumbers(doc, found))) continue;
    headingAt.set(found, heading);
    lineOfPart.set(k, found);
  }
}

/**
 * The report's parts are numbered with Arabic numerals (1.总体情况 2.主动公开政府信息情况): at least MIN_ARABIC_PARTS
 * headings so numbered, each with its own part's numeral, and more than those numbered with Chinese numerals. Only
 * then may a line numbered 1. to 6. be a part's heading by its numeral (byArabicNumeral): elsewhere 1. numbers items.
 */
function arabicNumbered(headingAt: ReadonlyMap<number, Heading>): boolean {
  let arabic = 0;
  let chinese = 0;
  for (const h of headingAt.values()) {
    if (h.numbering?.style === 'arabic' && h.numbering.ordinal === h.sectionId) arabic++;
    else if (h.numbering?.style === 'chinese') chinese++;
  }
  return arabic >= MIN_ARABIC_PARTS && arabic > chinese;
}

const MIN_ARABIC_PARTS = 2;

/**
 * In a report whose parts are numbered 1. to 6. (arabicNumbered), the line of lines [from, to) that is part k's
 * heading by its Arabic numeral (LineInfo.arabicHeading: 1.基本情况 where part 1's title matched no template
 * title), or -1. Lines numbered 1. 2. 3. in sequence are a part's items, not headings: a line shaped as a heading
 * whose numbered neighbour in the stretch (the line numbered before or after it) continues the count with it is
 * one of them. Of the other lines shaped as headings (a table row, followed by figures, is none), the stretch must
 * hold exactly one, numbered k: two, or one numbered as another part, and none is taken.
 */
function byArabicNumeral(doc: DocumentLines, headingAt: ReadonlyMap<number, Heading>, k: number, from: number, to: number): number {
  let found = -1;
  let count = 0;
  // The last line numbered with an Arabic numeral so far, its numeral, and whether it is a lone heading-shaped line yet.
  let last = -1;
  let lastOrdinal = 0;
  let lastAlone = false;
  const settle = (): void => {
    if (!lastAlone) return;
    count++;
    found = doc.records.at(last).info.arabicHeading === k ? last : -1;
  };
  for (let i = from; i < to && count <= 1; i++) {
    if (headingAt.has(i)) continue;
    const info = doc.records.at(i).info;
    const ordinal = info.arabicHeading || (info.subItem?.numbering.style === 'arabic' ? info.subItem.numbering.ordinal : 0);
    if (ordinal === 0) continue;
    const continues = last >= 0 && ordinal === lastOrdinal + 1;
    if (lastAlone && continues) lastAlone = false;
    settle();
    last = i;
    lastOrdinal = ordinal;
    lastAlone = info.arabicHeading > 0 && !continues && !followedByNumbers(doc, i);
  }
  settle();
  return count === 1 ? found : -1;
}

/**
 * Headings over two lines, read as one: a part's numbering alone on its line and its title on the next (第一部分 /
 * 总体情况, as a printed report centres a part's heading on two lines), or a heading wrapped before its title's end
 * (四、政府信息公开行政复议、 / 行政诉讼情况), a blank line between them or none. Read apart, the numbering was no
 * heading and the title one unnumbered (six section.numbering warnings whose fix wrote 一、 under 第一部分), or the
 * title no part's (缺少第一部分), and a wrapped heading's title fix left its tail written twice.
 *
 * The two lines are read as one line would be (readHeadingLine): a heading alone, not followed by figures. After a
 * heading, the second line must bring the title nearer the template's title (a wrap): else it is the part's first
 * words. A title no part's after a numbering alone may still be its numeral's part (placeByNumeral).
 */
function joinSplitHeadings(doc: DocumentLines, headingAt: Map<number, Heading>, bits: Uint16Array): SplitHeadings {
  const tails = new Map<number, number>();
  const numerals = new Map<number, SplitNumeral>();
  // One closure for the whole pass, reading the map as this loop changes it.
  const headingOf = (j: number): Heading | undefined => headingAt.get(j);
  for (let i = 0; i < doc.records.length; i++) {
    // Neither a heading (a line becomes one here only at its own turn) nor a numeral of a part: readSplitHeading's
    // first test says no.
    if ((bits[i]! & (HEADING | PART_NUMERAL)) === 0) continue;
    const split = readSplitHeading(doc, i, headingAt.get(i), headingOf);
    if (!split) continue;
    tails.set(i, split.tail);
    if (split.numeral) {
      numerals.set(i, split.numeral);
      continue;
    }
    headingAt.delete(split.tail);
    headingAt.set(i, split.heading!);
  }
  return { tails, numerals };
}

/**
 * The heading lines i and the next line make together (joinSplitHeadings), if they make one: `own` is line i's
 * heading, `headingOf` gives a line's own heading. Its heading, or how to place it by its numeral.
 */
export function readSplitHeading(doc: DocumentLines, i: number, own: Heading | undefined, headingOf: (j: number) => Heading | undefined): { tail: number; heading?: Heading; numeral?: SplitNumeral } | undefined {
  const head = doc.records.at(i).info;
  // The part a wrapped first line names: its heading's, else its numeral's (四、政府信息公开 names no part itself).
  const part = own ? (own.numbering !== undefined && own.similarity < EXACT_TITLE && !head.headingRest ? own.sectionId : 0) : head.numeralHeading;
  if (!head.numberingOnly && part === 0) return undefined;
  const j = nextTextLine(doc, i);
  if (j < 0) return undefined;
  // A second line that is a heading by itself is its own, unless it is the same part's title with no numbering and
  // the two lines read nearer that title together: a title wrapped inside a word ("三、收" / "到和处理政府信息公开申请
  // 情况"), as section.title's fix writes the template's words back over such a wrap.
  const tailHeading = part > 0 ? headingOf(j) : undefined;
  if (tailHeading && (tailHeading.numbering !== undefined || tailHeading.sectionId !== part)) return undefined;
  const tail = doc.records.at(j).info;
  // A table's caption or header line (申请人情况) starts the table: a title fix written over it took its words.
  if (tail.pageNumber || tail.chrome || tail.subItem || tail.numberingOnly || tail.anchor || tail.contentEnd - tail.contentStart > MAX_HEADING_TAIL || followedByNumbers(doc, j)) return undefined;
  const headText = head.clean.slice(0, head.contentEnd);
  // A numeral alone with no mark (a badge's: headings.ts bareNumeral) is read with a space after it, as the page
  // shows it beside its title, and only with its part's title.
  const bare = head.numberingOnly !== 0 && bareNumeral(headText) !== 0;
  const glue = bare ? ' ' : '';
  const text = headText + glue + tail.clean.slice(tail.contentStart, tail.contentEnd);
  const at = offsetsOf(doc, i, j, headText.length + glue.length);
  const { heading, restStart } = readHeadingLine(text, 0);
  if (bare) {
    const own = heading !== undefined && restStart === 0 && heading.sectionId === head.numberingOnly && heading.numbering?.ordinal === head.numberingOnly;
    return own ? { tail: j, heading: mappedHeading(heading, at) } : undefined;
  }
  // After a heading, or a numbered title no part's, the second line must bring the title near its part's: a wrap.
  if (heading && restStart === 0 && (part === 0 || (heading.sectionId === part && heading.similarity >= WRAPPED_TITLE && heading.similarity > (own?.similarity ?? 0) && heading.similarity > (tailHeading?.similarity ?? 0)))) {
    return { tail: j, heading: mappedHeading(heading, at) };
  }
  const ordinal = head.numberingOnly ? numeralHeading(text) : 0;
  if (ordinal === 0 || ordinal !== head.numberingOnly || headingOf(j) !== undefined) return undefined;
  return { tail: j, numeral: { ordinal, heading: (id) => { const h = placedHeading(text, 0, id); return h && mappedHeading(h, at); } } };
}

/** Headings over two lines: the second line of each (by its first), and those found by their numeral alone. */
interface SplitHeadings {
  readonly tails: ReadonlyMap<number, number>;
  readonly numerals: ReadonlyMap<number, SplitNumeral>;
}

interface SplitNumeral {
  readonly ordinal: number;
  readonly heading: (id: SectionId) => Heading | undefined;
}

/** How near the template's title a heading wrapped over two lines must read whole: else the second line is the part's words. */
const WRAPPED_TITLE = 0.9;
/** The longest second line of a heading: what is left of a part's title. */
const MAX_HEADING_TAIL = 30;
/** Blank lines a heading's two lines may have between them. */
export const MAX_HEADING_GAP = 1;

/** The next line with text after line i, with at most MAX_HEADING_GAP blank lines between; else -1. */
function nextTextLine(doc: DocumentLines, i: number): number {
  for (let k = i + 1; k < doc.records.length && k <= i + 1 + MAX_HEADING_GAP; k++) if (!doc.records.at(k).info.blank) return k;
  return -1;
}

/** Document offsets of offsets in the joined text of lines i (its first `cut` characters) and j (its content). */
function offsetsOf(doc: DocumentLines, i: number, j: number, cut: number): { start: (o: number) => number; end: (o: number) => number } {
  const first = doc.starts[i]!;
  const second = doc.starts[j]! + doc.records.at(j).info.contentStart - cut;
  return { start: (o) => (o < cut ? first + o : second + o), end: (o) => (o <= cut ? first + o : second + o) };
}

function mappedHeading(h: Heading, at: ReturnType<typeof offsetsOf>): Heading {
  const range = (r: { start: number; end: number }) => ({ start: at.start(r.start), end: at.end(r.end) });
  return { ...h, range: range(h.range), titleRange: range(h.titleRange), numbering: h.numbering && { ...h.numbering, range: range(h.numbering.range) } };
}

/**
 * A table of contents (目录, then the parts' headings, with or without page numbers): headings one after another,
 * nothing between them, in order, whose parts all have headings again after them. They are the contents, not the
 * parts: read as parts, each was "empty" and each part after "duplicated" (eleven findings on a correct report).
 */
function dropContents(doc: DocumentLines, headingAt: Map<number, Heading>): void {
  if (headingAt.size < 2 * MIN_CONTENTS) return;
  const lines = [...headingAt.keys()].sort((a, b) => a - b);
  // The last heading line of each part: a run's parts all come again when each one's last line lies after the run.
  const lastOf = new Map<number, number>();
  for (const i of lines) lastOf.set(headingAt.get(i)!.sectionId, i);
  // Nothing but blank lines, page numbers or web chrome between two lines.
  const adjacent = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) {
      const info = doc.records.at(i).info;
      if (!info.blank && !info.pageNumber && !info.chrome) return false;
    }
    return true;
  };
  let from = 0;
  while (from < lines.length) {
    let to = from + 1;
    while (to < lines.length && adjacent(lines[to - 1]!, lines[to]!) && headingAt.get(lines[to]!)!.sectionId > headingAt.get(lines[to - 1]!)!.sectionId) to++;
    const run = lines.slice(from, to);
    const end = run[run.length - 1]!;
    if (run.length >= MIN_CONTENTS && run.every((i) => lastOf.get(headingAt.get(i)!.sectionId)! > end)) {
      for (const i of run) headingAt.delete(i);
      return;
    }
    from = to;
  }
}

/** Parts listed one after another that make a table of contents: fewer could be parts a writer left empty. */
const MIN_CONTENTS = 3;

/**
 * A part's sub-headings and captions that name a part: a heading line of a part that has a better heading of its own
 * (numbered with the part's numeral where this one is not, or else nearer the template's title), sitting inside
 * another part or its own, and either unnumbered (下一步工作 inside 五, a table's caption 收到和处理政府信息公开申请情况
 * under 三's heading, 主动公开政府信息情况 inside 一) or numbered in a sequence of items restarting at 一 inside the
 * part it sits in (五's 一、存在的主要问题 二、改进情况; 一's 一、主动公开情况 二、依申请公开情况 三、政府信息管理情况).
 * They are words of the part they sit in, not parts: read as parts, each was a duplicate, misnumbered, and left the
 * part before it empty. A part written twice with its numbering is still two (section.duplicate), and a line
 * numbered as the part after the one it sits in (四、 after 三, titled as 六) may be a part misnumbered or mistitled.
 */
function dropSubHeadings(doc: DocumentLines, headingAt: Map<number, Heading>): void {
  const best = new Map<SectionId, [number, Heading]>();
  for (const [line, h] of headingAt) {
    const had = best.get(h.sectionId);
    if (!had || betterHeading(h, line, had[1], had[0])) best.set(h.sectionId, [line, h]);
  }
  if (best.size === headingAt.size) return;
  const lines = [...headingAt.keys()].sort((a, b) => a - b);
  let inPart: SectionId | undefined;
  // The numeral of the last item numbered 一、二、… in the part so far (0: none yet).
  let item = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const h = headingAt.get(line)!;
    const [bestLine, own] = best.get(h.sectionId)!;
    if (line !== bestLine && isSubHeading(h, own, inPart, item)) {
      headingAt.delete(line);
      if (h.numbering) item = h.numbering.ordinal;
    } else {
      inPart = h.sectionId;
      item = 0;
    }
    // The part's items numbered as parts but titled as none (三、政府信息管理情况), up to the next heading.
    const next = lines[k + 1] ?? doc.records.length;
    for (let i = line + 1; i < next; i++) item = doc.records.at(i).info.numeralHeading || item;
  }
}

/** Heading a (on line la) is its part's rather than b (on line lb): numbered with the part's numeral, then nearer its title, then first. */
function betterHeading(a: Heading, la: number, b: Heading, lb: number): boolean {
  const na = ownNumeral(a);
  const nb = ownNumeral(b);
  if (na !== nb) return na;
  if (a.similarity !== b.similarity) return a.similarity > b.similarity;
  return la < lb;
}

function ownNumeral(h: Heading): boolean {
  return h.numbering !== undefined && h.numbering.ordinal === h.sectionId;
}

/**
 * Heading h, not its part's best heading `own`, inside part `inPart` after items numbered up to `item`, is a
 * sub-heading: unnumbered, or the next item of a sequence restarting at 一 in the part (and no higher than its part,
 * or, numbered as its part, less like the template's title than the part's heading).
 */
function isSubHeading(h: Heading, own: Heading, inPart: SectionId | undefined, item: number): boolean {
  if (inPart === undefined || !ownNumeral(own)) return false;
  if (h.numbering === undefined) return true;
  const ordinal = h.numbering.ordinal;
  if (h.numbering.style !== 'chinese' || ordinal !== item + 1) return false;
  return ordinal < h.sectionId || (ownNumeral(h) && inPart !== h.sectionId && h.similarity < own.similarity);
}

/**
 * A report with no part heading whose parts are numbered in brackets (（一）总体情况 … （六）其他需要报告的事项): its
 * lines titled as the parts, with their parts' numerals (LineInfo.parenPart), in order, at least MIN_PAREN_PARTS of
 * them. Elsewhere such lines are sub-items (a part's items often name another part's subject).
 */
function placeParenthesised(doc: DocumentLines, headingAt: Map<number, Heading>): void {
  const lines: [number, SectionId][] = [];
  for (let i = 0; i < doc.records.length; i++) {
    const part = doc.records.at(i).info.parenPart;
    if (part === 0 || (lines.length && part <= lines[lines.length - 1]![1]) || followedByNumbers(doc, i)) continue;
    lines.push([i, part as SectionId]);
  }
  if (lines.length < MIN_PAREN_PARTS) return;
  for (const [i, part] of lines) {
    const heading = placedHeading(doc.records.at(i).info.clean, doc.starts[i]!, part);
    if (heading) headingAt.set(i, heading);
  }
}

const MIN_PAREN_PARTS = 3;

/** A heading-like line is a table row when numbers follow it (on the line or the next lines). */
export function followedByNumbers(doc: DocumentLines, i: number): boolean {
  if (doc.records.at(i).info.numbersAfterFirstCell) return true;
  for (let k = i + 1; k < doc.records.length && k <= i + LOOKAHEAD; k++) {
    const next = doc.records.at(k).info;
    if (next.pageNumber || next.blank) continue;
    return next.isNumber;
  }
  return false;
}

function firstAnchors(doc: DocumentLines, headingAt: ReadonlyMap<number, Heading>, bits: Uint16Array): { kind: Table['kind']; line: number }[] {
  const found = new Map<Table['kind'], number>();
  for (let i = 0; i < doc.records.length && found.size < 3; i++) {
    if ((bits[i]! & ANCHOR) === 0) continue;
    const kind = doc.records.at(i).info.anchor;
    if (kind && !found.has(kind) && !headingAt.has(i)) found.set(kind, i);
  }
  return [...found.entries()].map(([kind, line]) => ({ kind, line })).sort((a, b) => a.line - b.line);
}

/** Line i's artifacts (its bookmarks, then the line itself when it is web chrome or a page number), added in order. */
function addArtifacts(doc: DocumentLines, i: number, tableLine: Uint8Array, artifacts: Artifact[]): void {
  const rec = doc.records.at(i);
  const start = doc.starts[i]!;
  const { info } = rec;
  // Indexed: an iterator a line, for lists nearly always empty, was most of what this loop made.
  for (let b = 0; b < info.bookmarks.length; b++) {
    const [s, e] = info.bookmarks[b]!;
    artifacts.push({ kind: 'bookmark', range: { start: start + s, end: start + e }, text: rec.text.slice(s, e), interrupts: false });
  }
  if (!info.chrome && !info.pageNumber) return;
  const range = { start: start + info.contentStart, end: start + info.contentEnd };
  const text = info.clean.slice(info.contentStart, info.contentEnd);
  if (info.chrome) artifacts.push({ kind: 'web-chrome', range, text, interrupts: false });
  else artifacts.push({ kind: 'page-number', range, text, interrupts: tableLine[i] === 1 || interruptsSentence(doc, i) });
}

/** A page number between two halves of one sentence (the line before does not end it). */
function interruptsSentence(doc: DocumentLines, i: number): boolean {
  const quiet = (k: number) => doc.records.at(k).info.pageNumber || doc.records.at(k).info.blank;
  let k = i - 1;
  while (k >= 0 && quiet(k)) k--;
  let m = i + 1;
  while (m < doc.records.length && quiet(m)) m++;
  if (k < 0 || m >= doc.records.length) return false;
  return !doc.records.at(k).info.endsSentence;
}

// ------------------------------------------------------------------ paragraphs


/**
 * Prose paragraphs of lines [from, to). PDF extractions wrap sentences at a
 * fixed width, so lines are joined until one ends a sentence, a numbered item
 * starts or a blank line comes; page-number lines inside are skipped. Where
 * the extraction wrote a blank line after every line (doubleSpaced), a single
 * blank line parts paragraphs only after a line that ends a sentence; elsewhere
 * not after a line ending in a comma, which no paragraph ends with.
 */
function buildParagraphs(doc: DocumentLines, from: number, to: number, bits: Uint16Array, skipped: Uint8Array, subItemAt: Uint8Array, joinOverBlank: boolean, linesOut?: number[][]): Paragraph[] {
  const out: Paragraph[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length) {
      out.push(paragraphOf(doc, run));
      linesOut?.push(run);
    }
    run = [];
  };
  let prev = -1;
  let blanks = 0;
  for (let i = from; i < to; i++) {
    if (skipped[i] === 1) continue;
    if ((bits[i]! & BLANK) !== 0) { blanks++; continue; }
    if (prev >= 0) {
      const ended = (bits[prev]! & ENDS_SENTENCE) !== 0;
      const endsClause = (bits[prev]! & ENDS_CLAUSE) !== 0;
      // A line ending in a comma goes on over one blank line (a PDF's text that wrote one after a wrapped line).
      if (blanks > 1 || (blanks === 1 && !joinOverBlank && !endsClause) || ended || subItemAt[i]) flush();
    }
    blanks = 0;
    run.push(i);
    prev = i;
  }
  flush();
  return out;
}

/**
 * Whether the report's body was written with a blank line after every line (what MuPDF's text and pdfminer write of a
 * page whose line spacing is wide, as official documents' is): hardly two text lines next to each other, and nearly
 * every single blank line between two lines of prose falls inside a sentence, many times over. A typed or converted
 * report's blank lines part paragraphs, which end theirs (its page footers and heading rules end none, but are few).
 * Headings part the count. Read from which lines are blank, end a sentence, start an item or are skipped, as the
 * paragraphs themselves are, so an edit that keeps those (parse/patch-report.ts sameStructure) keeps this too.
 */
function doubleSpaced(bits: Uint16Array, from: number, to: number, skipped: Uint8Array, headingLine: Uint8Array, subItemAt: Uint8Array): boolean {
  let prev = -1, blanks = 0, text = 0, adjacent = 0, gaps = 0, open = 0;
  for (let i = from; i < to; i++) {
    if (skipped[i] === 1 || headingLine[i] === 1) { prev = -1; blanks = 0; continue; }
    if ((bits[i]! & BLANK) !== 0) { blanks++; continue; }
    text++;
    if (prev >= 0) {
      if (blanks === 0) adjacent++;
      else if (blanks === 1 && !subItemAt[prev] && !subItemAt[i]) {
        gaps++;
        if ((bits[prev]! & ENDS_SENTENCE) === 0) open++;
      }
    }
    blanks = 0;
    prev = i;
  }
  return adjacent * 20 <= text && open >= MIN_OPEN_GAPS && open * 5 >= gaps * 4;
}

// A few wrapped paragraphs' worth: a converted page's footer lines and heading rules give up to six.
const MIN_OPEN_GAPS = 8;

export function paragraphOf(doc: DocumentLines, lines: number[]): Paragraph {
  const first = doc.records.at(lines[0]!);
  const base = doc.starts[lines[0]!]! + first.info.contentStart;
  // This document's last paragraph here, else the last made from a line of this text (a document
  // opened again, or the same paragraph elsewhere): neither costs any string work.
  let cached = first.builtFrom;
  if (!cached || !sameLines(cached, doc, lines, base)) {
    cached = first.info.startsParagraph;
    if (!cached || !sameLines(cached, doc, lines, base)) {
      cached = makeParagraph(doc, lines, base);
      first.info.startsParagraph = cached;
    }
  }
  // The same lines at the same place: the very same object as before (an unmoved paragraph).
  if (first.builtFrom === cached && first.built?.range.start === base) return first.built;
  const lastSeg = cached.segments[cached.segments.length - 1]!;
  const paragraph: Paragraph = { range: { start: base, end: base + lastSeg.offset + (cached.text.length - lastSeg.at) }, text: cached.text, segments: cached.segments };
  first.built = paragraph;
  first.builtFrom = cached;
  return paragraph;
}

function makeParagraph(doc: DocumentLines, lines: readonly number[], base: number): CachedParagraph {
  // Plain loops over arrays sized once: one of these is made for every paragraph a report opened cold has.
  const count = lines.length;
  const infos = new Array<LineInfo>(count);
  const breaks = new Array<number>(count);
  const segments = new Array<{ at: number; offset: number }>(count);
  let text = '';
  for (let k = 0; k < count; k++) {
    const i = lines[k]!;
    const info = doc.records.at(i).info;
    const brk = doc.starts[i]! - base;
    infos[k] = info;
    breaks[k] = brk;
    segments[k] = { at: text.length, offset: brk + info.contentStart };
    text += info.clean.slice(info.contentStart, info.contentEnd);
  }
  // One line's text is kept with that line's analysis (startsParagraph), which every document with the line shares:
  // the canonical-text table would only hash it again. A text joined from lines is a new string each time.
  return { infos, breaks, text: count === 1 ? text : canonicalText(text), segments };
}

function sameLines(cached: CachedParagraph, doc: DocumentLines, lines: readonly number[], base: number): boolean {
  if (cached.infos.length !== lines.length) return false;
  for (let k = 0; k < lines.length; k++) {
    const i = lines[k]!;
    if (cached.infos[k] !== doc.records.at(i).info || cached.breaks[k] !== doc.starts[i]! - base) return false;
  }
  return true;
}

// ------------------------------------------------------------------ helpers

// What a line is, as assemble's passes over the lines read it (lineBits): one bit each, read from its analysis once.
const BLANK = 1;
const SUB_ITEM = 2;
/** A page number or web chrome: an artifact, and no paragraph's. */
const DEBRIS = 4;
const BOOKMARKS = 8;
const ENDS_SENTENCE = 16;
const ENDS_CLAUSE = 32;
/** Numbered as a part, or a numbering alone (readSplitHeading's lines). */
const PART_NUMERAL = 64;
const ANCHOR = 128;
/** Taken as a heading by assemble's first pass. */
const HEADING = 256;

function lineBits(info: LineInfo): number {
  return (
    (info.blank ? BLANK : 0) |
    (info.subItem ? SUB_ITEM : 0) |
    (info.pageNumber || info.chrome ? DEBRIS : 0) |
    (info.bookmarks.length > 0 ? BOOKMARKS : 0) |
    (info.endsSentence ? ENDS_SENTENCE : 0) |
    (info.endsClause ? ENDS_CLAUSE : 0) |
    (info.numberingOnly !== 0 || info.numeralHeading !== 0 ? PART_NUMERAL : 0) |
    (info.anchor ? ANCHOR : 0)
  );
}

function shiftHeading(h: Heading, d: number): Heading {
  const numbering = h.numbering && { ...h.numbering, range: shiftedRange(h.numbering.range, d) };
  return { ...h, range: shiftedRange(h.range, d), titleRange: shiftedRange(h.titleRange, d), numbering };
}


/** The heading on line h is the line's own (not one placed by its numeral) and has its part's first words after it. */
function ownHeadingRest(doc: DocumentLines, h: number, heading: Heading): boolean {
  const info = doc.records.at(h).info;
  return info.headingRest && info.heading !== undefined && info.heading.sectionId === heading.sectionId;
}

export function lastContentEnd(doc: DocumentLines, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const info = doc.records.at(i).info;
    if (!info.blank) return doc.starts[i]! + doc.records.at(i).text.trimEnd().length;
  }
  return doc.starts[from]! + doc.records.at(from).text.length;
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let count = 0;
  for (const [x, c] of counts) if (c > count) { best = x; count = c; }
  return best;
}
