// A typing session as a list of one-character edits: digits of 表三 cells
// changed in place, or a character inserted into prose. Each edit is in the
// coordinates left by the previous one (as an editor sends them), and the
// places jump around the whole document.

import type { Range } from '../../server/src/core/model';
import type { ParsedDocument, TextChange } from '../../server/src/core/service';

/** 'line-break': Enter pressed inside a prose paragraph (the structure changes: a full assembly). */
export type KeystrokeKind = 'cell' | 'prose' | 'line-break';

export interface Keystroke {
  kind: KeystrokeKind;
  change: TextChange;
}

const INSERTED = '的';
const GOLDEN = 0.6180339887498949;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** Well-spread fractions in [0, 1): k-th term of the golden-ratio sequence. */
function spread(k: number, shift = 0): number {
  const x = (k + 1) * GOLDEN + shift;
  return x - Math.floor(x);
}

/** Offsets of the last digit of every numeric 表三 cell. */
function cellDigits(doc: ParsedDocument): number[] {
  const rows = doc.report.tables.t3?.rows ?? [];
  return rows
    .flatMap((row) => row.cells)
    .filter((cell) => cell.kind === 'number' && isDigit(doc.text[cell.range.end - 1]))
    .map((cell) => cell.range.end - 1);
}

/** The prose paragraphs' ranges (preface and sections), long enough to type into. */
function proseRanges(doc: ParsedDocument): Range[] {
  const paragraphs = [...doc.report.preface, ...doc.report.sections.flatMap((s) => s.paragraphs)];
  return paragraphs.map((p) => p.range).filter((r) => r.end - r.start >= 4);
}

/** An insertion point inside the paragraph that does not split a number or a line break. */
function insertionPoint(text: string, range: Range, fraction: number): number {
  const length = range.end - range.start;
  const first = Math.floor(fraction * length);
  for (let k = 0; k < length; k++) {
    const at = range.start + ((first + k) % length);
    if (!isDigit(text[at - 1]) && !isDigit(text[at]) && !isBreak(text[at - 1]) && !isBreak(text[at])) return at;
  }
  return range.start + first;
}

/**
 * `count` keystrokes cycling through `kinds` (a 'cell' keystroke falls back to
 * prose when the document has no numeric 表三 cell).
 */
export function typingScript(doc: ParsedDocument, kinds: readonly KeystrokeKind[], count: number): Keystroke[] {
  const cells = cellDigits(doc);
  const paragraphs = proseRanges(doc);
  if (paragraphs.length === 0 && cells.length === 0) throw new Error('nothing to type into: no prose paragraph and no 表三 cell');
  // Offsets below are in the original text; insertions so far shift them.
  const inserted: number[] = [];
  const current = (original: number): number => original + inserted.filter((p) => p <= original).length;
  const digits = new Map<number, string>();
  const script: Keystroke[] = [];
  for (let k = 0; k < count; k++) {
    let kind = kinds[k % kinds.length]!;
    if (kind === 'cell' && cells.length === 0) kind = 'prose';
    if (kind !== 'cell' && paragraphs.length === 0) kind = 'cell';
    if (kind === 'cell') {
      const original = cells[Math.floor(spread(k) * cells.length)]!;
      const digit = digits.get(original) ?? doc.text[original]!;
      const next = String((Number(digit) + 1) % 10);
      digits.set(original, next);
      const at = current(original);
      script.push({ kind, change: { range: { start: at, end: at + 1 }, text: next } });
    } else {
      const range = paragraphs[Math.floor(spread(k) * paragraphs.length)]!;
      const original = insertionPoint(doc.text, range, spread(k, 0.5));
      const at = current(original);
      inserted.push(original);
      script.push({ kind, change: { range: { start: at, end: at }, text: kind === 'line-break' ? '\n' : INSERTED } });
    }
  }
  return script;
}
