// The open document as the server keeps it: a TextDocument whose edits do not
// build the new text. vscode-languageserver-textdocument's update reads a
// character of the text it has just concatenated, and V8 then copies (flattens)
// the whole document: 6 ms a keystroke on a 1,000,000-character report, more
// than the parse and every rule. Here the text is the last text built plus the
// edits made since, read through them; it is built when something asks for all
// of it (a fresh parse), or when the edits since pile up. The parse cache reads
// only the lines an edit touched (core updateDocument, a TextView), so a
// keystroke copies nothing as long as the document.
//
// As the library's documents do, update changes the document in place and
// returns it (the TextDocuments manager keeps the one object per uri).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { lineAtOffset } from '../core/service';

/** An edit, in offsets of the text before it. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Past this many edits since the text was last built, it is built again (reads walk every edit since). */
const MAX_EDITS = 64;
/** A paste of more lines than this is spliced in by a copy (a spread of that many arguments could overflow the stack). */
const MAX_SPREAD = 10_000;
const CR = 13;
const LF = 10;
const isBreak = (c: number): boolean => c === CR || c === LF;

export class EditedDocument implements TextDocument {
  /** The text before `edits`. */
  private built: string;
  private edits: Edit[] = [];
  /** Where each line starts, in the current text. */
  private starts: number[];
  private size: number;

  constructor(readonly uri: string, readonly languageId: string, private currentVersion: number, content: string) {
    this.built = content;
    this.size = content.length;
    this.starts = lineStarts(content, 0, true);
  }

  get version(): number {
    return this.currentVersion;
  }

  get length(): number {
    return this.size;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.whole();
  }

  /** The text in [start, end), read through the edits (the whole text is not built). */
  slice(start: number, end: number = this.size): string {
    const from = Math.max(0, Math.min(start, this.size));
    const to = Math.max(from, Math.min(end, this.size));
    return this.sliceAt(this.edits.length, from, to);
  }

  charAt(index: number): string {
    return index < 0 || index >= this.size ? '' : this.slice(index, index + 1);
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.size));
    const line = lineAtOffset(this.starts, at);
    return { line, character: this.beforeBreak(at, this.starts[line]!) - this.starts[line]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.size;
    if (position.line < 0) return 0;
    const start = this.starts[position.line]!;
    if (position.character <= 0) return start;
    return this.beforeBreak(Math.min(start + position.character, this.nextStart(position.line)), start);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= this.starts.length) {
      const last = this.starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - this.starts[last]! } };
    }
    const start = this.starts[line]!;
    return { start: { line, character: 0 }, end: { line, character: this.beforeBreak(this.nextStart(line), start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const next = this.nextStart(line);
    return this.slice(this.beforeBreak(next, this.starts[line]!), next);
  }

  /**
   * Applies the client's changes in order; `version` is the document's after them. `applied` hears each
   * as offsets in the text it was applied to (the parse is updated with the very same edits).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number, applied?: (start: number, end: number, text: string) => void): this {
    for (const change of changes) {
      const range = 'range' in change ? ordered(change.range) : undefined;
      const [start, end] = range ? [this.offsetAt(range.start), this.offsetAt(range.end)] : [0, this.size];
      applied?.(start, end, change.text);
      this.replace(start, end, change.text);
    }
    this.currentVersion = version;
    return this;
  }

  /** Replaces [start, end) (offsets of the current text) with `text`. */
  private replace(start: number, end: number, text: string): void {
    if (start === 0 && end === this.size) {
      this.built = text;
      this.edits = [];
      this.size = text.length;
      this.starts = lineStarts(text, 0, true);
      return;
    }
    // The lines around the edit are read again, from the start of the line before it to the end of the line
    // after: a \r\n that the edit splits or joins at either end is then counted right.
    const firstLine = Math.max(0, lineAtOffset(this.starts, start) - 1);
    const lastLine = Math.min(this.starts.length - 1, lineAtOffset(this.starts, end) + 1);
    const from = this.starts[firstLine]!;
    const delta = text.length - (end - start);
    const to = this.nextStart(lastLine) + delta;
    this.edits.push({ start, end, text });
    this.size += delta;
    if (this.edits.length > MAX_EDITS) this.whole();
    const region = lineStarts(this.slice(from, to), from, true);
    // The region ends where the line after it starts (kept below), or at the end of the text.
    if (lastLine + 1 < this.starts.length) while (region.length > 0 && region[region.length - 1]! >= to) region.pop();
    // In place, as the library's documents are: a keystroke copies no array as long as the document.
    if (region.length <= MAX_SPREAD) this.starts.splice(firstLine, lastLine - firstLine + 1, ...region);
    else this.starts = this.starts.slice(0, firstLine).concat(region, this.starts.slice(lastLine + 1));
    if (delta !== 0) for (let i = firstLine + region.length; i < this.starts.length; i++) this.starts[i]! += delta;
  }

  /** The whole text, built from the edits once. */
  private whole(): string {
    if (this.edits.length > 0) {
      this.built = this.sliceAt(this.edits.length, 0, this.size);
      this.edits = [];
    }
    return this.built;
  }

  /** [from, to) of the text after the first `k` edits. */
  private sliceAt(k: number, from: number, to: number): string {
    if (from >= to) return '';
    if (k === 0) return this.built.slice(from, to);
    const { start, end, text } = this.edits[k - 1]!;
    const insertedEnd = start + text.length;
    // Offsets after the inserted text stood `shift` further on before this edit.
    const shift = end - insertedEnd;
    let out = '';
    if (from < start) out += this.sliceAt(k - 1, from, Math.min(to, start));
    if (to > start && from < insertedEnd) out += text.slice(Math.max(from, start) - start, Math.min(to, insertedEnd) - start);
    if (to > insertedEnd) out += this.sliceAt(k - 1, Math.max(from, insertedEnd) + shift, to + shift);
    return out;
  }

  private nextStart(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.size;
  }

  /** `offset` moved back over the line break it follows, not past `lineStart`. */
  private beforeBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isBreak(this.slice(at - 1, at).charCodeAt(0))) at--;
    return at;
  }
}

/** Where lines start in `text` (at `base` in the document): after each \n, \r or \r\n, and at `base` when `atStart`. */
function lineStarts(text: string, base: number, atStart: boolean): number[] {
  const out = atStart ? [base] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isBreak(c)) continue;
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    out.push(base + i + 1);
  }
  return out;
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
