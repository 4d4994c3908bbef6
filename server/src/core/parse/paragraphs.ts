// Prose paragraphs. PDF extractions wrap sentences at a fixed width, so lines
// are joined until one ends a sentence; page-number lines inside are skipped.

import type { Paragraph } from '../model';
import type { Line } from '../text/lines';

const SENTENCE_END = /[。！？!?：:；;]\s*$/;

export function buildParagraphs(lines: readonly Line[], indexes: readonly number[], skip: (i: number) => boolean, startsItem: (i: number) => boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: { text: string; offsets: number[]; start: number; end: number } | undefined;
  let prev = -2;
  const flush = () => {
    if (current && current.text.trim()) paragraphs.push({ range: { start: current.start, end: current.end }, text: current.text, offsets: current.offsets });
    current = undefined;
  };
  for (const i of indexes) {
    const line = lines[i]!;
    if (skip(i)) continue;
    const content = line.text.trim();
    if (!content) { flush(); prev = i; continue; }
    const breakBefore = !current || i !== nextLine(prev, lines, skip) || SENTENCE_END.test(lines[prev]!.text) || startsItem(i);
    if (breakBefore) flush();
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.start + lead;
    if (!current) current = { text: '', offsets: [], start, end: start };
    for (let k = 0; k < content.length; k++) current.offsets.push(start + k);
    current.text += content;
    current.end = start + content.length;
    prev = i;
  }
  flush();
  return paragraphs;
}

/** The line after `prev`, skipping lines that do not count (page numbers). */
function nextLine(prev: number, lines: readonly Line[], skip: (i: number) => boolean): number {
  let i = prev + 1;
  while (i < lines.length && skip(i)) i++;
  return i;
}
