// The keystroke path: an edit that leaves the document's structure as it was
// (no heading, table anchor, blank line, sentence end, sub-item number, page
// number or bookmark appears or goes, no line break added or removed) changes
// only the paragraphs, sub-item titles and table it touched. Those are rebuilt
// and every other part of the model is moved by the edit's length, in place:
// no new object for the thousands of paragraphs after the edit. Anything else
// returns undefined and the caller assembles the whole report again.
//
// In place means the previous version's model is the new one's: updateDocument
// takes the previous version over (service.ts).

import type { Heading, Paragraph, Range, Report, Section, SubItem, Table } from '../model';
import type { SectionId } from '../template';
import type { LineInfo } from './line-info';
import { EXACT_TITLE, lastContentEnd, markTableLines, paragraphOf, readRegion, tablesLayout, type Assembly, type AssemblyIndex } from './assemble';
import type { DocumentLines, LineWindow } from './document-lines';

/** What a patched report changed, for the rules to re-check only that (rules/index.ts). */
export interface ReportDelta {
  /** Offsets from here on (previous coordinates) moved by `shift` (see movedRange). */
  readonly movedFrom: number;
  readonly shift: number;
  /** Text was only inserted (at movedFrom), nothing replaced. */
  readonly insertion: boolean;
  /** The paragraphs rebuilt (new objects) and their sections; every other paragraph is the same object, moved. */
  readonly paragraphs: ReadonlyMap<Paragraph, SectionId>;
  /** The paragraphs they replaced (as they were). */
  readonly replaced: readonly Paragraph[];
  /** Tables read again (new objects). */
  readonly tables: ReadonlySet<Table['kind']>;
}

export interface PatchedAssembly extends Assembly {
  readonly delta: ReportDelta;
}

export function patchReport(prev: Assembly, after: DocumentLines, window: LineWindow): PatchedAssembly | undefined {
  const { first, oldLast, newLast, editStart, editEnd, delta } = window;
  const { index } = prev;
  if (oldLast !== newLast) return undefined;
  const firstHeading = index.headingLines[0];
  // The preface holds the title, whose reading looks at the lines around it: not worth a fast path.
  if (firstHeading === undefined || first <= firstHeading) return undefined;

  // Changed: every line the edit's range touches (even one typed over with the same text: what
  // follows on it may have moved), and any other line of the window whose text or break changed.
  const [editFirst, editLast] = window.editLines;
  const changed: number[] = [];
  for (let i = first; i <= oldLast; i++) {
    const was = window.oldRecords[i - first]!.info;
    const now = after.records[i]!.info;
    if (was === now) {
      const touched = i >= editFirst && i <= editLast;
      // Same text, another line break (\r\n became \n): what follows moved, inside its paragraph too.
      if (!touched && window.oldBreaks[i - first] === after.breaks[i]) continue;
      // Headings and debris are not rebuilt on this path: a line of theirs must not be touched.
      if (now.heading || now.pageNumber || now.chrome || now.bookmarks.length > 0) return undefined;
      changed.push(i);
      continue;
    }
    if (!sameStructure(was, now)) return undefined;
    changed.push(i);
  }

  if (changed.length === 0) return undefined;
  // Tables on the changed lines are read again; they must keep the same lines.
  const tables: Report['tables'] = { ...prev.report.tables };
  const rereadTables = new Set<Table['kind']>();
  for (const region of index.regions) {
    if (!changed.some((i) => i >= region.from && i < region.to)) continue;
    const { table, end } = readRegion(after, region);
    const marks = new Uint8Array(index.tableLine.length);
    markTableLines(after, region, end, marks);
    for (let i = region.from; i < region.to; i++) if (marks[i] !== index.tableLine[i]) return undefined;
    (tables as Record<Table['kind'], Table>)[region.kind] = table;
    rereadTables.add(region.kind);
  }

  // From here on the previous model is changed in place.
  const move: Move = { movedFrom: editEnd, shift: delta, insertion: editStart === editEnd };
  const mover = new Mover(move);
  const subItems = new Set<SubItem>();
  for (const i of changed) {
    const item = index.subItemAt[i];
    if (item) {
      rewriteSubItem(item, after.records[i]!.info.subItem!, after.starts[i]!);
      subItems.add(item);
    }
  }
  for (const [k, t] of Object.entries(prev.report.tables) as [Table['kind'], Table][]) if (!rereadTables.has(k)) for (const r of rangesOf(t)) mover.range(r);
  const rebuilt = new Map<Paragraph, SectionId>();
  const replaced: Paragraph[] = [];
  prev.report.sections.forEach((section, k) => moveSection(section, index, k, changed, after, mover, rebuilt, replaced));
  moveSubItems(index, first, oldLast, mover, subItems);
  for (const a of prev.report.artifacts) mover.range(a.range);
  for (const p of prev.report.preface) mover.range(p.range);
  if (prev.report.title) {
    mover.range(prev.report.title.range);
    if (prev.report.title.yearRange) mover.range(prev.report.title.yearRange);
  }
  prev.report.sections.forEach((section, k) => {
    const to = index.headingLines[k + 1] ?? after.records.length;
    section.range.end = lastContentEnd(after, index.headingLines[k]!, to);
  });

  const report: Report = { ...prev.report, textLength: after.length, tables, layout: tablesLayout(tables) };
  return { report, index, delta: { ...move, paragraphs: rebuilt, replaced, tables: rereadTables } };
}

/** What decides headings, tables, paragraphs and debris is the same on both versions of the line. */
function sameStructure(a: LineInfo, b: LineInfo): boolean {
  // A heading-like line with numbers after its first cell is a table row (一、本年新收…\t5\t…), not a
  // heading, before and after: typing in its cells keeps the structure. Any other heading-like line does not.
  if (a.heading || b.heading) {
    if (!a.heading || !b.heading || !a.numbersAfterFirstCell || !b.numbersAfterFirstCell) return false;
    if (a.heading.similarity >= EXACT_TITLE || b.heading.similarity >= EXACT_TITLE) return false;
  }
  // Where each table starts depends on which lines are anchors of which table, not on their text.
  if (a.anchor !== b.anchor) return false;
  if (a.pageNumber || b.pageNumber || a.chrome || b.chrome || a.bookmarks.length || b.bookmarks.length) return false;
  if (a.blank !== b.blank || a.endsSentence !== b.endsSentence || a.isNumber !== b.isNumber) return false;
  if (!a.subItem || !b.subItem) return a.subItem === b.subItem;
  const x = a.subItem.numbering;
  const y = b.subItem.numbering;
  return x.text === y.text && x.style === y.style && x.ordinal === y.ordinal && x.separator === y.separator && x.range.start === y.range.start && x.range.end === y.range.end;
}

function rewriteSubItem(item: SubItem, fresh: SubItem, lineStart: number): void {
  item.title = fresh.title;
  item.range = { start: lineStart + fresh.range.start, end: lineStart + fresh.range.end };
  item.titleRange = { start: lineStart + fresh.titleRange.start, end: lineStart + fresh.titleRange.end };
  // The same numbering (sameStructure), but its line may have moved.
  item.numbering.range = { start: lineStart + fresh.numbering.range.start, end: lineStart + fresh.numbering.range.end };
}

function moveSection(
  section: Section, index: AssemblyIndex, k: number, changed: readonly number[], after: DocumentLines,
  mover: Mover, rebuilt: Map<Paragraph, SectionId>, replaced: Paragraph[],
): void {
  moveHeading(section.heading, mover);
  mover.range(section.range);
  const lines = index.paragraphLines[k]!;
  const ends = index.paragraphEnds[k]!;
  const lo = changed[0]!;
  const hi = changed[changed.length - 1]!;
  const paragraphs = section.paragraphs;
  // Paragraphs that end before the changed lines neither move nor change.
  let p = firstEndingAtOrAfter(ends, lo);
  for (; p < paragraphs.length && lines[p]![0]! <= hi; p++) {
    // Reaches over the changed lines (possibly across a table): rebuilt.
    replaced.push(paragraphs[p]!);
    paragraphs[p] = paragraphOf(after, lines[p] as number[]);
    rebuilt.set(paragraphs[p]!, section.heading.sectionId);
  }
  // The rest start after the changed lines, so after the edit: they move whole.
  mover.after(paragraphs, p);
}

function firstEndingAtOrAfter(ends: Int32Array, line: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function moveHeading(h: Heading, mover: Mover): void {
  mover.range(h.range);
  mover.range(h.titleRange);
  if (h.numbering) mover.range(h.numbering.range);
}

function moveSubItems(index: AssemblyIndex, first: number, oldLast: number, mover: Mover, rewritten: ReadonlySet<SubItem>): void {
  // Sub-items on lines before the window end before the edit; those after it move whole.
  const lines = index.subItemLines;
  const d = mover.shift;
  if (d === 0) return;
  for (let k = firstEndingAtOrAfter(lines, first); k < lines.length; k++) {
    const item = index.subItemAt[lines[k]!]!;
    if (rewritten.size > 0 && rewritten.has(item)) continue;
    if (lines[k]! > oldLast) {
      item.range.start += d;
      item.range.end += d;
      item.titleRange.start += d;
      item.titleRange.end += d;
      item.numbering.range.start += d;
      item.numbering.range.end += d;
    } else {
      mover.range(item.range);
      mover.range(item.titleRange);
      mover.range(item.numbering.range);
    }
  }
}

// Every Range object of a table, once each: a table that only moves is moved
// on every keystroke after it, and its ranges do not change between reads.
const tableRanges = new WeakMap<Table, Range[]>();

function rangesOf(table: Table): Range[] {
  let list = tableRanges.get(table);
  if (!list) {
    const seen = new Set<Range>();
    collectRanges(table, seen);
    list = [...seen];
    tableRanges.set(table, list);
  }
  return list;
}

function collectRanges(value: unknown, into: Set<Range>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) collectRanges(v, into);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
    into.add(o as unknown as Range);
    return;
  }
  for (const key in o) collectRanges(o[key], into);
}

export type Move = Pick<ReportDelta, 'movedFrom' | 'shift' | 'insertion'>;

/**
 * Where a range of the previous version is after the edit. Offsets from the
 * edit's end on move; a range that ends just where text is inserted does not
 * take it in (the inserted text is after its last character), but an empty
 * range there moves whole.
 */
export function movedRange(r: Range, m: Move): Range {
  return { start: movedStart(r, m), end: movedEnd(r, m) };
}

function movedStart(r: Range, m: Move): number {
  return r.start >= m.movedFrom ? r.start + m.shift : r.start;
}

function movedEnd(r: Range, m: Move): number {
  const moves = m.insertion ? r.end > m.movedFrom || (r.end === m.movedFrom && r.start === r.end) : r.end >= m.movedFrom;
  return moves ? r.end + m.shift : r.end;
}

/** Moves ranges in place (movedRange). */
class Mover {
  constructor(private readonly move: Move) {}

  get shift(): number {
    return this.move.shift;
  }

  range(r: Range): void {
    if (this.move.shift === 0) return;
    const end = movedEnd(r, this.move);
    r.start = movedStart(r, this.move);
    r.end = end;
  }

  /** Paragraphs from index `from` on, all of which start after the edit: moved whole. */
  after(paragraphs: readonly Paragraph[], from: number): void {
    const d = this.move.shift;
    if (d === 0) return;
    for (let p = from; p < paragraphs.length; p++) {
      const r = paragraphs[p]!.range;
      r.start += d;
      r.end += d;
    }
  }
}
