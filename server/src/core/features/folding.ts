// Folding ranges: each section, each sub-item that spans lines, each table.

import { FoldingRange } from 'vscode-languageserver-types';
import type { Range, Report, Section } from '../model';
import { contentEnd, subItemExtents } from '../outline';
import { linesKeyOf } from '../report-delta';
import type { TextView } from '../text/edit-ranges';
import type { LineIndex } from '../text/lines';

export function foldingRanges(report: Report, text: TextView, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  // A loop, not push(...): a section may hold more sub-items than a call takes arguments.
  for (const s of report.sections) for (const r of sectionRanges(s, text, index)) out.push(r);
  for (const t of [report.tables.t2, report.tables.t3, report.tables.t4]) if (t) add(out, t.range, index);
  return dedupe(out);
}

function add(out: FoldingRange[], r: Range, index: LineIndex): void {
  const start = index.positionAt(r.start).line;
  const end = index.positionAt(r.end).line;
  if (end > start) out.push(FoldingRange.create(start, end));
}

/**
 * A section's ranges, kept by its lines' key (linesKeyOf): a section shared with the version before, or made anew
 * by a keystroke (the same lines, each blank or not as before), folds as it did. Ranges are whole lines (the client
 * folds lines only), so a keystroke within a line cannot move one.
 */
const keptSections = new WeakMap<object, readonly FoldingRange[]>();

function sectionRanges(s: Section, text: TextView, index: LineIndex): readonly FoldingRange[] {
  const key = linesKeyOf(s);
  const kept = keptSections.get(key);
  if (kept) return kept;
  const out: FoldingRange[] = [];
  add(out, s.range, index);
  // An item folds from its line to its text's last line (the Outline's range): a one-line item does not fold.
  for (const extent of subItemExtents(s)) add(out, { start: extent.item.range.start, end: contentEnd(s, extent, text) }, index);
  keptSections.set(key, out);
  return out;
}

/**
 * At most `limit` ranges, as the client asks (VS Code: 5,000, `editor.foldingMaximumRegions`; it cuts the rest
 * itself the same way, so they need not be sent): the outer levels whole, a section before its sub-items, then
 * the next level in document order, so what is cut is the deepest. `ranges` in document order (foldingRanges'
 * order); the answer keeps that order.
 */
export function limitFoldingRanges(ranges: FoldingRange[], limit: number | undefined): FoldingRange[] {
  if (limit === undefined || !Number.isInteger(limit) || limit < 0 || ranges.length <= limit) return ranges;
  // Depth by a stack of the enclosing ranges' ends (sorted by start, longer first: a parent comes before its children).
  const depth = new Uint32Array(ranges.length);
  const ends: number[] = [];
  const perDepth: number[] = [];
  ranges.forEach((r, k) => {
    while (ends.length > 0 && ends[ends.length - 1]! < r.startLine) ends.pop();
    depth[k] = ends.length;
    perDepth[ends.length] = (perDepth[ends.length] ?? 0) + 1;
    ends.push(r.endLine);
  });
  // The deepest level kept whole, and how many of the next level fit.
  let whole = -1;
  let taken = 0;
  while (whole + 1 < perDepth.length && taken + perDepth[whole + 1]! <= limit) taken += perDepth[++whole]!;
  let room = limit - taken;
  return ranges.filter((_, k) => depth[k]! <= whole || (depth[k] === whole + 1 && room-- > 0));
}

/** In document order (by start, the longer first), each range once: equal ranges are adjacent once sorted. */
function dedupe(ranges: FoldingRange[]): FoldingRange[] {
  // Nearly sorted already (sections in order, the tables after them): the sort finds the runs.
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const out: FoldingRange[] = [];
  let last: FoldingRange | undefined;
  for (const r of ranges) {
    if (last && last.startLine === r.startLine && last.endLine === r.endLine) continue;
    out.push(r);
    last = r;
  }
  return out;
}
