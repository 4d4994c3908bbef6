// From a paragraph's joined text back to the document: index → offset.

import type { Paragraph, Range } from '../model';

export function offsetInParagraph(p: Paragraph, index: number): number {
  const segs = p.segments;
  if (segs.length === 0) return p.range.start;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.at <= index) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  return Math.min(p.range.start + seg.offset + Math.max(0, index - seg.at), p.range.end);
}

/** The document range of p.text[start, end). */
export function paragraphRange(p: Paragraph, start: number, end: number): Range {
  const last = Math.max(start, end - 1);
  return { start: offsetInParagraph(p, start), end: Math.min(offsetInParagraph(p, last) + 1, p.range.end) };
}
