// Lines of a document and the offset <-> (line, character) mapping used at
// the protocol edge. Offsets and characters are UTF-16 code units, as in LSP.

import type { Range } from '../model';
import type { TextView } from './edit-ranges';

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, line break excluded. */
  end: number;
  text: string;
}

/** Splits on \r\n, \r and \n alike; the last line may be empty. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: n, text: text.slice(start, n) });
  return lines;
}

/** The line holding `offset`, given the lines' start offsets in order: the last one starting at or before it. */
export function lineAtOffset(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Position {
  line: number;
  character: number;
}

/**
 * Positions of offsets in a text of known line starts: all a finding's place needs, without the text itself
 * (the CLI keeps this for every report of a folder until the cross-year pass).
 */
export class LinePositions {
  /** `text` is read for its length only. */
  constructor(
    protected readonly text: { readonly length: number },
    protected readonly starts: ArrayLike<number>,
  ) {}

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lineAtOffset(this.starts, clamped);
    return { line, character: clamped - this.starts[line]! };
  }

  /** Whether `position` is where `offset` is (what positionAt gives), in constant time: no search. */
  isAt(offset: number, position: Position): boolean {
    const { line, character } = position;
    if (line < 0 || line >= this.starts.length || character < 0) return false;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    if (this.starts[line]! + character !== clamped) return false;
    // positionAt takes the last line starting at or before the offset.
    return line + 1 >= this.starts.length || this.starts[line + 1]! > clamped;
  }

  rangeOf(range: Range): { start: Position; end: Position } {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }
}

/** Positions both ways: a position back to its offset reads the line breaks of the text. */
export class LineIndex extends LinePositions {
  /**
   * `text` may be an edited document's lines (read a character at a time,
   * never joined); `starts` are the line start offsets, which the parser has.
   */
  constructor(
    protected override readonly text: TextView,
    starts: ArrayLike<number>,
  ) {
    super(text, starts);
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    let lineEnd = next;
    if (position.line + 1 < this.starts.length) {
      // Step back over the break that ends this line: \n, \r or \r\n.
      if (this.text.charAt(lineEnd - 1) === '\n') lineEnd--;
      if (lineEnd > start && this.text.charAt(lineEnd - 1) === '\r') lineEnd--;
    }
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }
}
