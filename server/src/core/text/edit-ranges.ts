// Ranges that edits need: a whole line with its line break, the document's
// line-break style.

import type { Range } from '../model';

/** The line holding `range`, from its first character through its line break. */
export function wholeLine(text: string, range: Range): Range {
  let start = range.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = range.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n' && text[end - 1] !== '\n') end++;
  return { start, end };
}

/** Whether nothing but white space surrounds `range` on its line. */
export function aloneOnLine(text: string, range: Range): boolean {
  const line = wholeLine(text, range);
  return text.slice(line.start, range.start).trim() === '' && text.slice(range.end, line.end).trim() === '';
}

export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  if (i > 0 && text[i - 1] === '\r') return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}
