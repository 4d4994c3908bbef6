// A rendition: text the parser reads in place of the document (a flattened
// page broken into lines; later, a Word file or PDF written out), and the map
// from its offsets back to the document's. The report parsed from the
// rendition is remapped as a whole, so rules, hovers, fixes and symbols all
// work in the document's own offsets and never see the rendition.

import type { Paragraph, Range, Report, TableLayout } from '../model';

export interface Rendition {
  readonly text: string;
  /** The document offset of a rendition offset (an inserted character maps to the one after it). */
  toOriginal(offset: number): number;
  /**
   * The document offset of a range's end, where it differs from toOriginal: after a dropped line break, a range
   * that ends at the break ends before it, not after (joinBreaks).
   */
  toOriginalEnd?(offset: number): number;
  /** The layout its tables are in, when the reader knows it better than a guess from the lines. */
  readonly tableLayout?: TableLayout | undefined;
}

/** `text` with a line break inserted before each offset of `at` (increasing, inside the text). */
export function insertBreaks(text: string, at: readonly number[], tableLayout?: TableLayout): Rendition {
  const parts: string[] = [];
  // inserted[k]: the rendition offset of the k-th inserted break.
  const inserted = new Int32Array(at.length);
  let last = 0;
  at.forEach((offset, k) => {
    parts.push(text.slice(last, offset), '\n');
    inserted[k] = offset + k;
    last = offset;
  });
  parts.push(text.slice(last));
  return {
    text: parts.join(''),
    tableLayout,
    toOriginal(offset: number): number {
      // How many breaks were inserted before `offset`.
      let lo = 0;
      let hi = inserted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (inserted[mid]! < offset) lo = mid + 1;
        else hi = mid;
      }
      return offset - lo;
    },
  };
}

/** A line break to drop from a text (joinBreaks): `start` to `end`, blank lines included, or kept as one space. */
export interface JoinedBreak {
  readonly start: number;
  readonly end: number;
  readonly space: boolean;
}

/**
 * `text` with each of `breaks` (increasing, apart) dropped, or replaced by one space where it stood for one. Range
 * ends map to before a dropped break, starts to after it, so a range never takes in the break it did not hold.
 */
export function joinBreaks(text: string, breaks: readonly JoinedBreak[]): Rendition {
  const parts: string[] = [];
  // For the k-th dropped character: the rendition offset of the character after it, and its document offset.
  const dropAt: number[] = [];
  let last = 0;
  let length = 0;
  for (const b of breaks) {
    parts.push(text.slice(last, b.start));
    length += b.start - last;
    const kept = b.space ? 1 : 0;
    if (b.space) parts.push(' ');
    length += kept;
    for (let k = b.start + kept; k < b.end; k++) dropAt.push(length);
    last = b.end;
  }
  parts.push(text.slice(last));
  const at = Int32Array.from(dropAt);
  const toOriginal = (offset: number): number => offset + countAtMost(at, offset);
  return {
    text: parts.join(''),
    toOriginal,
    toOriginalEnd: (offset: number) => (offset === 0 ? 0 : toOriginal(offset - 1) + 1),
  };
}

/** How many of the increasing `values` are at most `offset`. */
function countAtMost(values: Int32Array, offset: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `outer`, a rendition of `inner`'s text, as a rendition of the document `inner` was made from. */
export function composeRenditions(inner: Rendition, outer: Rendition): Rendition {
  const innerEnd = inner.toOriginalEnd ?? inner.toOriginal;
  const outerEnd = outer.toOriginalEnd ?? outer.toOriginal;
  return {
    text: outer.text,
    tableLayout: outer.tableLayout ?? inner.tableLayout,
    toOriginal: (offset) => inner.toOriginal(outer.toOriginal(offset)),
    toOriginalEnd: (offset) => innerEnd(outerEnd(offset)),
  };
}

/** The report with every range in the document's offsets. */
export function mapReport(report: Report, rendition: Rendition, documentLength: number): Report {
  const mapped = remap(report, rendition.toOriginal, rendition.toOriginalEnd ?? rendition.toOriginal) as Report;
  return { ...mapped, textLength: documentLength };
}

type OffsetMap = (offset: number) => number;

function remap(value: unknown, to: OffsetMap, toEnd: OffsetMap): unknown {
  if (Array.isArray(value)) return value.map((v) => remap(v, to, toEnd));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (isRange(obj)) return { start: to(obj.start), end: Math.max(to(obj.start), toEnd(obj.end)) } satisfies Range;
  if (isParagraph(obj)) return remapParagraph(obj, to, toEnd);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) out[key] = remap(obj[key], to, toEnd);
  return out;
}

function isRange(obj: Record<string, unknown>): obj is Record<string, unknown> & Range {
  const keys = Object.keys(obj);
  return keys.length === 2 && typeof obj.start === 'number' && typeof obj.end === 'number';
}

function isParagraph(obj: Record<string, unknown>): obj is Record<string, unknown> & Paragraph {
  return Array.isArray(obj.segments) && typeof obj.text === 'string' && typeof obj.range === 'object';
}

/** A paragraph's segments are relative to its start: each is mapped through the document offset it stands for. */
function remapParagraph(p: Paragraph, to: OffsetMap, toEnd: OffsetMap): Paragraph {
  const start = to(p.range.start);
  return {
    range: { start, end: Math.max(start, toEnd(p.range.end)) },
    text: p.text,
    segments: p.segments.map((s) => ({ at: s.at, offset: to(p.range.start + s.offset) - start })),
  };
}
