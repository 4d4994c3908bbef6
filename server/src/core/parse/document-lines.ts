// The document as line records plus line starts. A record (its text and its
// analysis) is shared between versions for as long as the line is unchanged,
// and by every line of the same text (a report parsed again, blank lines,
// repeated rows); the starts are recomputed arithmetically, so an edit costs
// the lines it touches plus one pass of additions.

import type { Paragraph } from '../model';
import type { TextView } from '../text/edit-ranges';
import { lineAtOffset, type Line } from '../text/lines';
import { memoByText } from '../caches';
import { Chunked } from './chunked';
import { sameElements } from '../arrays';
import { analyseLine, type CachedParagraph, type LineInfo } from './line-info';

// A line's record depends on its text alone: blank lines, repeated rows and a
// document opened again share it, and the line's own copy of its text with it
// (the key too: a slice as key would keep the whole document alive). One
// record for every such line, not one a line a parse: a report of 17,000 lines
// parsed again made as many records, and its parse took a fifth longer.
const analysed = memoByText(
  (slice): LineRecord => {
    const own = ownCopy(slice);
    return { text: own, info: analyseLine(own), built: undefined, builtFrom: undefined };
  },
  50_000,
  (_slice, known) => known.text,
);

export interface LineRecord {
  readonly text: string;
  readonly info: LineInfo;
  /**
   * The paragraph last built starting at this line, and what it was built
   * from (assemble.ts): kept on the record so that an unchanged paragraph is
   * found again without a lookup. A record is shared by the versions and the
   * documents that have the line; a paragraph is a value, so any one's built
   * from the same lines at the same place will do (paragraphOf checks both).
   */
  built: Paragraph | undefined;
  builtFrom: CachedParagraph | undefined;
}

export type { CachedParagraph } from './line-info';

/** Line start offsets, read only. */
export type LineStarts = Readonly<Int32Array>;

export interface DocumentLines extends TextView {
  /** The whole text; after an edit it is joined from the lines when first asked for. */
  readonly text: string;
  readonly length: number;
  /** The lines' records (shared in chunks between versions: chunked.ts). */
  readonly records: Chunked<LineRecord>;
  /** starts[i]: offset of line i (a typed array: each version has its own, copied in one memcpy). */
  readonly starts: LineStarts;
  /** The line break after line i: '\n', '\r\n', '\r', or '' for the last line. */
  readonly breaks: Chunked<string>;
}

/**
 * Lines whose text is joined only when something asks for it. Building the
 * new text from the old one on every keystroke would copy the whole document
 * (V8 flattens a string before slicing it): a large report would pay that
 * copy per keystroke, and most keystrokes never need the whole text.
 */
class Lines implements DocumentLines {
  private joined: string | undefined;
  readonly length: number;

  constructor(readonly records: Chunked<LineRecord>, readonly starts: LineStarts, readonly breaks: Chunked<string>, text?: string) {
    this.joined = text;
    const last = records.length - 1;
    this.length = text !== undefined ? text.length : last < 0 ? 0 : starts[last]! + records.at(last).text.length;
  }

  /** One character, read from its line without joining the text. */
  charAt(index: number): string {
    if (this.joined !== undefined) return this.joined.charAt(index);
    if (index < 0 || index >= this.length) return '';
    const k = lineAtOffset(this.starts, index);
    const line = this.records.at(k).text;
    const at = index - this.starts[k]!;
    return at < line.length ? line.charAt(at) : this.breaks.at(k).charAt(at - line.length);
  }

  /** A short slice is read from its lines; a long one joins the text. */
  slice(start: number, end: number = this.length): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const from = Math.max(0, Math.min(start < 0 ? this.length + start : start, this.length));
    const to = Math.max(0, Math.min(end < 0 ? this.length + end : end, this.length));
    if (to <= from) return '';
    if (to - from > 4096) return this.text.slice(from, to);
    let out = '';
    for (let k = lineAtOffset(this.starts, from); k < this.records.length && this.starts[k]! < to; k++) {
      const s = this.starts[k]!;
      out += (this.records.at(k).text + this.breaks.at(k)).slice(Math.max(0, from - s), to - s);
    }
    return out;
  }

  get text(): string {
    if (this.joined === undefined) {
      const parts: string[] = new Array(this.records.length * 2);
      for (let i = 0; i < this.records.length; i++) {
        parts[2 * i] = this.records.at(i).text;
        parts[2 * i + 1] = this.breaks.at(i);
      }
      this.joined = parts.join('');
    }
    return this.joined;
  }
}

export interface TextChange {
  range: { start: number; end: number };
  text: string;
}

export function readLines(text: string): DocumentLines {
  // Counted first: the starts are written straight into their typed array, not gathered in an array and copied.
  // (The records and breaks grow as before: an array made at its size is "holey" to the engine, and every
  // version's chunks are read in the one way.)
  const starts = new Int32Array(lineCount(text));
  const records: LineRecord[] = [];
  const breaks: string[] = [];
  splitInto(text, 0, records, starts, breaks, true);
  return new Lines(Chunked.of(records), starts, Chunked.of(breaks), text);
}

/** How many lines splitInto makes of a whole document: one more than its line breaks (\r\n is one). */
function lineCount(text: string): number {
  let breaks = 0;
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) breaks++;
      else if (c === 13) {
        breaks++;
        if (text.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return breaks + 1;
}

/**
 * The lines an edit re-read: [first, oldLast] in the previous version became
 * [first, newLast]; everything from `editEnd` (previous coordinates) on moved
 * by `delta`.
 */
export interface LineWindow {
  /** The records of lines [first, oldLast] before the edit, and their line breaks. */
  readonly oldRecords: readonly LineRecord[];
  readonly oldBreaks: readonly string[];
  readonly first: number;
  readonly oldLast: number;
  readonly newLast: number;
  readonly editStart: number;
  readonly editEnd: number;
  /** The lines (previous numbering) holding the edit's start and end. */
  readonly editLines: readonly [number, number];
  readonly delta: number;
}

/**
 * Applies one change, re-reading only the lines it touches. `prev` is left as
 * it was: the result has its own arrays (the records of unchanged lines are
 * shared; copying the arrays is a memcpy beside the additions the starts need
 * anyway).
 */
export function patchLines(prev: DocumentLines, change: TextChange): { lines: DocumentLines; window: LineWindow } {
  const { start, end } = change.range;
  const delta = change.text.length - (end - start);
  // The touched lines: from the one holding `start` to the one holding `end`,
  // one more on each side (a \r\n can be split or joined by the edit).
  const editLines = [lineAtOffset(prev.starts, start), lineAtOffset(prev.starts, end)] as const;
  const first = Math.max(0, editLines[0] - 1);
  const last = Math.min(prev.records.length - 1, editLines[1] + 1);
  const from = prev.starts[first]!;
  // The touched lines' text, from the records: the old document's text is never read.
  let old = '';
  for (let i = first; i <= last; i++) old += prev.records.at(i).text + prev.breaks.at(i);
  const region = old.slice(0, start - from) + change.text + old.slice(end - from);
  const midRecords: LineRecord[] = [];
  const midStarts: number[] = [];
  const midBreaks: string[] = [];
  splitInto(region, from, midRecords, midStarts, midBreaks, last + 1 >= prev.records.length, prev.records, first, last);
  const oldRecords = prev.records.slice(first, last + 1);
  const oldBreaks = prev.breaks.slice(first, last + 1);
  let records: Chunked<LineRecord>;
  let starts: LineStarts;
  let breaks: Chunked<string>;
  if (midRecords.length === oldRecords.length) {
    // As many lines as before (typing within lines): new versions that share all but the window's chunks.
    records = prev.records.with(first, midRecords);
    breaks = sameElements(midBreaks, oldBreaks) ? prev.breaks : prev.breaks.with(first, midBreaks);
    // A character typed over (a digit of a cell) moves no line: the starts are shared (no version writes to them).
    starts = delta === 0 && midStarts.every((s, k) => s === prev.starts[first + k]) ? prev.starts : movedStarts(prev.starts, first, last, midStarts, delta);
  } else {
    records = Chunked.of(prev.records.slice(0, first).concat(midRecords, prev.records.slice(last + 1)));
    breaks = Chunked.of(prev.breaks.slice(0, first).concat(midBreaks, prev.breaks.slice(last + 1)));
    starts = movedStarts(prev.starts, first, last, midStarts, delta);
  }
  const lines = new Lines(records, starts, breaks);
  return { lines, window: { first, oldLast: last, newLast: first + midRecords.length - 1, editStart: start, editEnd: end, editLines, delta, oldRecords, oldBreaks } };
}

/** The starts after lines [first, last] became lines starting at `midStarts`, and the text after them moved by `delta`. */
function movedStarts(prev: LineStarts, first: number, last: number, midStarts: readonly number[], delta: number): LineStarts {
  // A new array filled by set(), not slice(): slice() took several times as long on a 17,000-line report.
  const starts = new Int32Array(prev.length - (last - first + 1) + midStarts.length);
  starts.set(prev.subarray(0, first));
  starts.set(midStarts, first);
  starts.set(prev.subarray(last + 1), first + midStarts.length);
  if (delta !== 0) for (let i = first + midStarts.length; i < starts.length; i++) starts[i]! += delta;
  return starts;
}

/**
 * The lines, checked against the text the caller already has (an editor keeps
 * it): the same length, and the lines `window` re-read read the same in it.
 * Undefined when it does not agree. A string is kept as the lines' text; a
 * view of one (an editor's document that has not built its text) is only read
 * where the window is, and the text is joined from the lines if asked for.
 */
export function withText(lines: DocumentLines, text: string | TextView, window: LineWindow): DocumentLines | undefined {
  if (text.length !== lines.length) return undefined;
  for (let i = window.first; i <= window.newLast; i++) {
    const start = lines.starts[i]!;
    const line = lines.records.at(i).text + lines.breaks.at(i);
    if (text.slice(start, start + line.length) !== line) return undefined;
  }
  return new Lines(lines.records, lines.starts, lines.breaks, typeof text === 'string' ? text : undefined);
}

/** Line i of the document as a Line (absolute offsets). */
export function lineOf(doc: DocumentLines, i: number): Line {
  const start = doc.starts[i]!;
  const text = doc.records.at(i).text;
  return { start, end: start + text.length, text };
}

/**
 * Splits `source` (the document from offset `base` on, or a region of it)
 * into lines. At the end of the document the last line is kept even if empty.
 * Old records whose text is unchanged are reused (their analysis with them).
 */
function splitInto(
  source: string, base: number,
  records: LineRecord[], starts: number[] | Int32Array, breaks: string[], atDocumentEnd: boolean,
  oldRecords?: Chunked<LineRecord>, oldFirst = 0, oldLast = -1,
): void {
  let lineStart = 0;
  const reuse = new Map<string, LineRecord>();
  if (oldRecords) for (let k = oldFirst; k <= oldLast; k++) reuse.set(oldRecords.at(k).text, oldRecords.at(k));
  // Written by index: the typed starts readLines made at their size are filled, the arrays grow as by push.
  let n = 0;
  const push = (s: number, e: number, br: string) => {
    const slice = source.slice(s, e);
    const known = reuse.size > 0 ? reuse.get(slice) : undefined;
    // The memo's record holds its own copy of the text, not the slice: a slice would keep the whole source alive.
    records[n] = known ?? analysed(slice);
    starts[n] = base + s;
    breaks[n] = br;
    n++;
  };
  const to = source.length;
  if (source.indexOf('\r') < 0) {
    // No carriage return: the engine's own search finds each \n.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', lineStart)) {
      push(lineStart, i, '\n');
      lineStart = i + 1;
    }
  } else {
    for (let i = 0; i < to; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) {
        const br = c === 10 ? '\n' : source.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
        push(lineStart, i, br);
        i += br.length - 1;
        lineStart = i + 1;
      }
    }
  }
  if (lineStart < to || atDocumentEnd) push(lineStart, to, '');
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
