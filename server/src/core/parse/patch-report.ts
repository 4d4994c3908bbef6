// The keystroke path: an edit that leaves the document's structure as it was
// (no heading, table anchor, blank line, sentence end, sub-item number, page
// number or bookmark appears or goes, no line break added or removed) changes
// only the paragraphs, sub-item titles and table it touched. Those are rebuilt;
// what lies before the edit is shared with the previous version as it is;
// what lies after it is a copy with its offsets moved by the edit's length
// (a section's paragraphs and sub-items are copied when first read:
// section-versions.ts). The previous version's model is never changed: both
// versions stay valid.
// Anything else returns undefined and the caller assembles the whole report again.

import type { Heading, Paragraph, Range, Report, Section, Table } from '../model';
import type { LineInfo } from './line-info';
import { EXACT_TITLE, followedByNumbers, lastContentEnd, MAX_HEADING_GAP, readSplitHeading, markTableLines, paragraphOf, readRegion, regionStart, tablesLayout, type Assembly, type AssemblyIndex } from './assemble';
import type { DocumentLines, LineWindow } from './document-lines';
import { movedStart, recordMovedWhole, recordSameLines, type Move, type RebuiltParagraph, type ReportDelta } from '../report-delta';
import { movedArtifact, Mover } from './move-parts';
import { retypedCell } from './retyped-cell';
import { nextSection, paragraphText, type ListStep, type SubItemText } from './section-versions';


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
    const now = after.records.at(i).info;
    if (was === now) {
      const touched = i >= editFirst && i <= editLast;
      // Same text, another line break (\r\n became \n): what follows moved, inside its paragraph too.
      if (!touched && window.oldBreaks[i - first] === after.breaks.at(i)) continue;
      // Headings and debris are not rebuilt on this path: a line of theirs must not be touched.
      if (now.heading || now.pageNumber || now.chrome || now.bookmarks.length > 0) return undefined;
      if ((now.numeralHeading || now.arabicHeading || now.parenPart) && index.headingLines.includes(i)) return undefined;
      changed.push(i);
      continue;
    }
    if (!sameStructure(was, now)) return undefined;
    // A heading placed by its numeral has no heading of its own in its line's analysis: its line is told here.
    if ((now.numeralHeading || now.arabicHeading || now.parenPart) && index.headingLines.includes(i)) return undefined;
    changed.push(i);
  }

  if (changed.length === 0) return undefined;
  // A heading over two lines (assemble.ts joinSplitHeadings) depends on the line after its first: read again.
  for (const i of changed) if (index.headingLines.includes(i) || mayCompleteHeading(after, index, i)) return undefined;
  const mover = new Mover({ movedFrom: editEnd, shift: delta, insertion: editStart === editEnd });
  // Tables on the changed lines are read again (they must keep the same lines); the others move.
  // The previous version's keys in its order (one shape for the tables object of every version), each replaced below.
  const tables: Report['tables'] = { ...prev.report.tables };
  const rereadTables = new Set<Table['kind']>();
  for (const region of index.regions) {
    // A table whose start depends on its anchor's line and the line before (assemble.ts regionStart): read afresh.
    if (changed.some((i) => i === region.anchor || i === region.anchor - 1) && regionStart(after, region.anchor) !== region.from) return undefined;
    if (!changed.some((i) => i >= region.from && i < region.to)) continue;
    const retyped = retypedFigure(prev.report.tables[region.kind], window, after, changed);
    if (retyped) {
      (tables as Record<Table['kind'], Table>)[region.kind] = retyped;
      rereadTables.add(region.kind);
      continue;
    }
    const { table, end } = readRegion(after, region, { typedIn: true });
    const marks = new Uint8Array(index.tableLine.length);
    markTableLines(after, region, end, marks);
    for (let i = region.from; i < region.to; i++) if (marks[i] !== index.tableLine[i]) return undefined;
    (tables as Record<Table['kind'], Table>)[region.kind] = table;
    rereadTables.add(region.kind);
  }
  for (const [k, t] of Object.entries(prev.report.tables) as [Table['kind'], Table][]) {
    if (!rereadTables.has(k)) (tables as Record<Table['kind'], Table>)[k] = mover.table(t);
  }

  const rebuilt = new Map<number, RebuiltParagraph>();
  let place = prev.report.preface.length;
  const sections = prev.report.sections.map((section, k) => {
    const next = patchSection(section, index, k, changed, window, after, mover, rebuilt, place);
    // The index counts the paragraphs: reading them would compute a section made by an earlier edit.
    place += index.paragraphLines[k]!.length;
    return next;
  });
  const artifacts = mover.list(prev.report.artifacts, movedArtifact);
  // The preface and the title lie before the first heading, before the edit: they neither change nor move.
  const report: Report = { ...prev.report, textLength: after.length, sections, tables, artifacts, layout: tablesLayout(tables) };
  // The index holds line numbers only, which this path keeps: it is shared.
  return { report, index, delta: { ...mover.move, paragraphs: rebuilt, tables: rereadTables } };
}

/** The table after digits typed within one of its figures, without reading it again (retyped-cell.ts); else undefined. */
function retypedFigure(table: Table | undefined, window: LineWindow, after: DocumentLines, changed: readonly number[]): Table | undefined {
  const [editFirst, editLast] = window.editLines;
  if (!table || changed.length !== 1 || editFirst !== editLast || changed[0] !== editFirst) return undefined;
  const line = { text: after.records.at(editFirst).text, start: after.starts[editFirst]! };
  return retypedCell(table, { start: window.editStart, end: window.editEnd, shift: window.delta }, line);
}

/**
 * Line i is the second line of a heading over two lines (assemble.ts joinSplitHeadings), or is one now: the line
 * before it (a blank line between or none) and it read as one heading.
 */
function mayCompleteHeading(doc: DocumentLines, index: AssemblyIndex, i: number): boolean {
  if (index.headingTails.includes(i)) return true;
  let k = i - 1;
  while (k >= 0 && k >= i - 1 - MAX_HEADING_GAP && doc.records.at(k).info.blank) k--;
  if (k < 0 || k < i - 1 - MAX_HEADING_GAP) return false;
  const info = doc.records.at(k).info;
  // Most lines are no heading's first line: told without reading the two lines.
  if (!info.numberingOnly && !info.numeralHeading && !(info.heading && info.heading.similarity < EXACT_TITLE)) return false;
  return readSplitHeading(doc, k, acceptedHeading(doc, k), (j) => acceptedHeading(doc, j)) !== undefined;
}

/** The heading a line's own analysis gives, where assemble.ts takes it (not a table row's label). */
function acceptedHeading(doc: DocumentLines, i: number): Heading | undefined {
  const h = doc.records.at(i).info.heading;
  return h && (h.similarity >= EXACT_TITLE || !followedByNumbers(doc, i)) ? h : undefined;
}

/** What decides headings, tables, paragraphs and debris is the same on both versions of the line. */
function sameStructure(a: LineInfo, b: LineInfo): boolean {
  // A heading-like line with numbers after its first cell is a table row (一、本年新收…\t5\t…), not a
  // heading, before and after: typing in its cells keeps the structure. Any other heading-like line does not.
  if (a.heading || b.heading) {
    if (!a.heading || !b.heading || !a.numbersAfterFirstCell || !b.numbersAfterFirstCell) return false;
    if (a.heading.similarity >= EXACT_TITLE || b.heading.similarity >= EXACT_TITLE) return false;
  }
  // A line that may be a part's heading by its numeral decides the parts as a heading does (assemble.ts placeByNumeral).
  // So does a line numbered 1. to 6. shaped as a heading; its numbered neighbours (sub-items, compared below) tell a list's items from it.
  if (a.numeralHeading !== b.numeralHeading || a.arabicHeading !== b.arabicHeading || a.parenPart !== b.parenPart || a.numberingOnly !== b.numberingOnly) return false;
  // Where each table starts depends on which lines are anchors of which table, not on their text.
  if (a.anchor !== b.anchor) return false;
  if (a.pageNumber || b.pageNumber || a.chrome || b.chrome || a.bookmarks.length || b.bookmarks.length) return false;
  if (a.blank !== b.blank || a.endsSentence !== b.endsSentence || a.endsClause !== b.endsClause || a.isNumber !== b.isNumber) return false;
  if (!a.subItem || !b.subItem) return a.subItem === b.subItem;
  const x = a.subItem.numbering;
  const y = b.subItem.numbering;
  return x.text === y.text && x.style === y.style && x.ordinal === y.ordinal && x.separator === y.separator && x.range.start === y.range.start && x.range.end === y.range.end;
}

/**
 * Section k after the edit: the same object when it lies wholly before the
 * changed lines; else a new section whose heading and range are moved now and
 * whose paragraphs and sub-items (the rebuilt ones new, the rest moved) are
 * made when read (section-versions.ts).
 */
function patchSection(
  section: Section, index: AssemblyIndex, k: number, changed: readonly number[], window: LineWindow, after: DocumentLines,
  mover: Mover, rebuilt: Map<number, RebuiltParagraph>, place: number,
): Section {
  const headingLine = index.headingLines[k]!;
  const to = index.headingLines[k + 1] ?? after.records.length;
  // A section whose lines all come before the first changed line ends before the edit: it is shared.
  if (to <= changed[0]!) return section;
  const heading = mover.heading(section.heading);
  const start = movedStart(section.range, mover.move);
  const end = lastContentEnd(after, headingLine, to);
  const range = start === section.range.start && end === section.range.end ? section.range : { start, end };
  const paragraphs = rebuiltParagraphs(section, index.paragraphLines[k]!, index.paragraphEnds[k]!, changed, after, mover.move, rebuilt, place);
  const subItems = rereadSubItems(index, headingLine, to, changed, window, after, mover.move);
  const next = nextSection(section, heading, range, { paragraphs, subItems });
  // Its lines all come after the changed ones: the same lines and text, only its offsets moved.
  if (headingLine > changed[changed.length - 1]!) recordMovedWhole(next, section);
  else recordSameLines(next, section);
  return next;
}

/** The paragraphs that reach over the changed lines (possibly across a table), built again, by index. */
function rebuiltParagraphs(
  section: Section, lines: readonly (readonly number[])[], ends: Int32Array, changed: readonly number[], after: DocumentLines,
  move: Move, rebuilt: Map<number, RebuiltParagraph>, place: number,
): ListStep<Paragraph> {
  const out = new Map<number, Paragraph>();
  const hi = changed[changed.length - 1]!;
  // Paragraphs that end before the changed lines neither move nor change; those that start after them move whole.
  const from = firstAtOrAfter(ends, changed[0]!);
  let p = from;
  for (; p < lines.length && lines[p]![0]! <= hi; p++) {
    const paragraph = paragraphOf(after, lines[p] as number[]);
    out.set(p, paragraph);
    rebuilt.set(place + p, { paragraph, wasText: paragraphText(section, p), sectionId: section.heading.sectionId });
  }
  return { move, rebuilt: out, windowFrom: from, wholeFrom: p };
}

/**
 * The sub-items on the changed lines, read again, by their index in the
 * section's line order; those on the window's other lines move by
 * movedRange, those after the window move whole.
 */
function rereadSubItems(index: AssemblyIndex, headingLine: number, to: number, changed: readonly number[], window: LineWindow, after: DocumentLines, move: Move): ListStep<SubItemText> {
  const out = new Map<number, SubItemText>();
  const lines = index.subItemLines;
  const first = firstAtOrAfter(lines, headingLine);
  for (const line of changed) {
    if (line >= to) break;
    if (line <= headingLine) continue;
    const at = firstAtOrAfter(lines, line);
    if (lines[at] !== line) continue;
    const fresh = after.records.at(line).info.subItem!;
    const lineStart = after.starts[line]!;
    const shifted = (r: Range): Range => ({ start: lineStart + r.start, end: lineStart + r.end });
    out.set(at - first, { title: fresh.title, range: shifted(fresh.range), titleRange: shifted(fresh.titleRange), numberingRange: shifted(fresh.numbering.range) });
  }
  const windowFrom = Math.max(0, firstAtOrAfter(lines, window.first) - first);
  const wholeFrom = Math.max(windowFrom, firstAtOrAfter(lines, window.oldLast + 1) - first);
  return { move, rebuilt: out, windowFrom, wholeFrom };
}

function firstAtOrAfter(ends: Int32Array, line: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
