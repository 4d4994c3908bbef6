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

/** The report with every range in the document's offsets. */
export function mapReport(report: Report, rendition: Rendition, documentLength: number): Report {
  const mapped = remap(report, rendition.toOriginal) as Report;
  return { ...mapped, textLength: documentLength };
}

function remap(value: unknown, to: (offset: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => remap(v, to));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (isRange(obj)) return { start: to(obj.start), end: to(obj.end) } satisfies Range;
  if (isParagraph(obj)) return remapParagraph(obj, to);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) out[key] = remap(obj[key], to);
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
function remapParagraph(p: Paragraph, to: (offset: number) => number): Paragraph {
  const start = to(p.range.start);
  return {
    range: { start, end: to(p.range.end) },
    text: p.text,
    segments: p.segments.map((s) => ({ at: s.at, offset: to(p.range.start + s.offset) - start })),
  };
}
