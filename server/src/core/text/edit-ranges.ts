// Ranges that edits need: a whole line with its line break, the document's
// line-break style.

import type { Range } from '../model';

/**
 * What the rules read of the whole text: a string is one, and so is an edited
 * document that has not joined its lines (parse/document-lines.ts).
 */
export interface TextView {
  readonly length: number;
  charAt(index: number): string;
  slice(start: number, end?: number): string;
}

/** The line holding `range`, from its first character through its line break. */
export function wholeLine(text: TextView, range: Range): Range {
  let start = range.start;
  while (start > 0 && text.charAt(start - 1) !== '\n' && text.charAt(start - 1) !== '\r') start--;
  let end = range.end;
  while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r') end++;
  if (text.charAt(end) === '\r') end++;
  if (text.charAt(end) === '\n' && text.charAt(end - 1) !== '\n') end++;
  return { start, end };
}

/** Whether nothing but white space surrounds `range` on its line. */
export function aloneOnLine(text: TextView, range: Range): boolean {
  const line = wholeLine(text, range);
  return text.slice(line.start, range.start).trim() === '' && text.slice(range.end, line.end).trim() === '';
}

export function lineBreakOf(text: TextView): string {
  // The first \n decides; a report's lines are short, so this stops early.
  let sawReturn = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') return i > 0 && text.charAt(i - 1) === '\r' ? '\r\n' : '\n';
    if (c === '\r') sawReturn = true;
  }
  return sawReturn ? '\r' : '\n';
}
