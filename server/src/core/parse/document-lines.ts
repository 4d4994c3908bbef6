// The document as line records plus line starts. A record (its text and its
// analysis) is shared between versions for as long as the line is unchanged;
// the starts are recomputed arithmetically, so an edit costs the lines it
// touches plus one pass of additions.

import type { Paragraph } from '../model';
import type { Line } from '../text/lines';
import { analyseLine, type LineInfo } from './line-info';

export interface LineRecord {
  readonly text: string;
  readonly info: LineInfo;
  /**
   * The paragraph last built starting at this line (assemble.ts): kept on the
   * record itself so that finding it again costs no lookup on the keystroke path.
   */
  paragraph?: CachedParagraph;
}

export interface CachedParagraph {
  readonly records: readonly LineRecord[];
  readonly breaks: readonly number[];
  readonly text: string;
  /** Segments relative to the paragraph's first character. */
  readonly segments: readonly { at: number; offset: number }[];
  /** The paragraph last built from these lines: reused while it has not moved. */
  last: Paragraph | undefined;
}

export interface DocumentLines {
  readonly text: string;
  readonly records: readonly LineRecord[];
  /** starts[i]: offset of line i. */
  readonly starts: readonly number[];
  /** Length of the line break after line i (0 for the last line). */
  readonly breaks: readonly number[];
}

export interface TextChange {
  range: { start: number; end: number };
  text: string;
}

export function readLines(text: string): DocumentLines {
  const records: LineRecord[] = [];
  const starts: number[] = [];
  const breaks: number[] = [];
  splitInto(text, 0, text.length, records, starts, breaks, true);
  return { text, records, starts, breaks };
}

/** Applies one change, re-reading only the lines it touches. */
export function patchLines(prev: DocumentLines, change: TextChange): DocumentLines {
  const { start, end } = change.range;
  const text = prev.text.slice(0, start) + change.text + prev.text.slice(end);
  const delta = change.text.length - (end - start);
  // The touched lines: from the one holding `start` to the one holding `end`,
  // one more on each side (a \r\n can be split or joined by the edit).
  const first = Math.max(0, lineAt(prev.starts, start) - 1);
  const last = Math.min(prev.records.length - 1, lineAt(prev.starts, end) + 1);
  const from = prev.starts[first]!;
  const oldTo = last + 1 < prev.records.length ? prev.starts[last + 1]! : prev.text.length;
  const to = oldTo + delta;
  const records: LineRecord[] = prev.records.slice(0, first);
  const starts: number[] = prev.starts.slice(0, first);
  const breaks: number[] = prev.breaks.slice(0, first);
  const atEnd = last + 1 >= prev.records.length;
  splitInto(text, from, to, records, starts, breaks, atEnd, prev.records, first, last);
  for (let i = last + 1; i < prev.records.length; i++) {
    records.push(prev.records[i]!);
    starts.push(prev.starts[i]! + delta);
    breaks.push(prev.breaks[i]!);
  }
  return { text, records, starts, breaks };
}

/** Line i of the document as a Line (absolute offsets). */
export function lineOf(doc: DocumentLines, i: number): Line {
  const start = doc.starts[i]!;
  const text = doc.records[i]!.text;
  return { start, end: start + text.length, text };
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Splits text[from, to) into lines. When the region ends at the end of the
 * document the last line is kept even if empty. Old records whose text is
 * unchanged are reused (their analysis with them).
 */
function splitInto(
  text: string, from: number, to: number,
  records: LineRecord[], starts: number[], breaks: number[], atDocumentEnd: boolean,
  oldRecords?: readonly LineRecord[], oldFirst = 0, oldLast = -1,
): void {
  let lineStart = from;
  const reuse = new Map<string, LineRecord>();
  if (oldRecords) for (let k = oldFirst; k <= oldLast; k++) reuse.set(oldRecords[k]!.text, oldRecords[k]!);
  const push = (s: number, e: number, br: number) => {
    const lineText = ownCopy(text.slice(s, e));
    records.push(reuse.get(lineText) ?? { text: lineText, info: analyseLine(lineText) });
    starts.push(s);
    breaks.push(br);
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const br = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      push(lineStart, i, br);
      i += br - 1;
      lineStart = i + 1;
    }
  }
  if (lineStart < to || atDocumentEnd) push(lineStart, to, 0);
}

/**
 * A slice of a string may be kept by V8 as a view into the whole string; a
 * line record outlives its document version, so it must hold its own copy or
 * every version of the document would stay in memory. Concatenating and
 * slicing again forces a flat string of the line's size.
 */
function ownCopy(slice: string): string {
  return slice.length < 13 ? slice : (' ' + slice).slice(1);
}
