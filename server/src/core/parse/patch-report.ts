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
  /** Sub-items whose title changed (same objects, rewritten). */
  readonly subItems: ReadonlySet<SubItem>;
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

  const changed: number[] = [];
  for (let i = first; i <= oldLast; i++) {
    const was = window.oldRecords[i - first]!.info;
    const now = after.records[i]!.info;
    if (was === now) {
      // Same text, another line break (\r\n became \n): what follows moved, inside its paragraph too.
      if (window.oldBreaks[i - first] !== after.breaks[i]) changed.push(i);
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
  for (const [k, t] of Object.entries(prev.report.tables) as [Table['kind'], Table][]) if (!rereadTables.has(k)) mover.deep(t);
  const rebuilt = new Map<Paragraph, SectionId>();
  const replaced: Paragraph[] = [];
  prev.report.sections.forEach((section, k) => moveSection(section, index, k, changed, after, mover, rebuilt, replaced));
  moveSubItems(index, first, mover, subItems);
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
  return { report, index, delta: { ...move, paragraphs: rebuilt, replaced, subItems, tables: rereadTables } };
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
  for (; p < paragraphs.length; p++) mover.range(paragraphs[p]!.range);
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

function moveSubItems(index: AssemblyIndex, first: number, mover: Mover, rewritten: ReadonlySet<SubItem>): void {
  // Sub-items on lines before the window end before the edit.
  const lines = index.subItemLines;
  for (let k = firstEndingAtOrAfter(lines, first); k < lines.length; k++) {
    const item = index.subItemAt[lines[k]!]!;
    if (rewritten.size > 0 && rewritten.has(item)) continue;
    mover.range(item.range);
    mover.range(item.titleRange);
    mover.range(item.numbering.range);
  }
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

/** Moves ranges in place (movedRange), each Range object once. */
class Mover {
  private readonly seen = new Set<Range>();
  constructor(private readonly move: Move) {}

  range(r: Range): void {
    if (this.move.shift === 0) return;
    const end = movedEnd(r, this.move);
    r.start = movedStart(r, this.move);
    r.end = end;
  }

  /** Every Range inside a small structure (a table), shared ones once. */
  deep(value: unknown): void {
    if (this.move.shift === 0 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const v of value) this.deep(v);
      return;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
      if (this.seen.has(o as unknown as Range)) return;
      this.seen.add(o as unknown as Range);
      this.range(o as unknown as Range);
      return;
    }
    for (const key in o) this.deep(o[key]);
  }
}
