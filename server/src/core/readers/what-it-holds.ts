// What a reader's blocks hold, told before they are checked: how many part headings (which of a saved page's frames
// holds the report), and whether they are pictures with a title at most (a report of pictures is not checked).

import type { Block } from './blocks';
import { DETECTION_WINDOW, otherDocumentKind } from '../detect';
import { recogniseHeading } from '../parse/headings';
import { IMAGE_TEXT } from '../text/images';

/** Less text than this besides the pictures is a title and a date, not a report. */
const MIN_REPORT_TEXT = 200;

/** How many paragraphs are a part's heading. */
export function partHeadings(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.kind === 'paragraph' && recogniseHeading(b.text.trim(), 0)) n++;
  return n;
}

/**
 * How many pictures stand for the report when it is pictures with a report's title at most (scanned pages pasted
 * into a page or a Word file): checked, it would be "all six parts missing". 0 otherwise: a part's heading in the
 * text is a short report with pictures in it, and a page of photographs with no report's title is no report (the
 * folder walk skips it as before).
 */
export function picturesOnly(blocks: readonly Block[]): number {
  const pictures = blocks.filter((b) => b.kind === 'paragraph' && b.text === IMAGE_TEXT).length;
  if (pictures === 0 || textLength(blocks) >= MIN_REPORT_TEXT || partHeadings(blocks) > 0) return 0;
  const words = blocks.flatMap((b) => (b.kind === 'paragraph' && b.text !== IMAGE_TEXT ? [b.text] : []));
  // "一图读懂｜…年度报告" in pictures is the report's graphic summary, not the report (detect.ts): no report of pictures.
  if (otherDocumentKind(words.join('\n').slice(0, DETECTION_WINDOW))) return 0;
  return words.some((text) => /年度报告|年报/.test(text)) ? pictures : 0;
}

/** Characters of text besides the pictures' marks and white space. */
export function textLength(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') n += b.text === IMAGE_TEXT ? 0 : b.text.replace(/\s/g, '').length;
    else for (const row of b.rows) for (const cell of row) n += cell.text.replace(/\s/g, '').length;
  }
  return n;
}
