// Section headings. A heading is a short line whose title matches (or nearly
// matches) one of the six template titles. Rows of 表三 also start with 一、
// 二、 三、 四、 but their titles match no section and they are followed by
// numbers, so they are never taken for headings.

import type { Heading } from '../model';
import { bestSectionMatch } from '../section-match';
import { markdownLeadLength, readNumbering } from './numbering';
import { namesTable3Label } from './table-labels';
import { isWhiteSpaceCode } from '../text/normalize';

const MAX_HEADING_LENGTH = 48;
const NUMBERED_THRESHOLD = 0.6;
const ARABIC_THRESHOLD = 0.75;

const MAY_END_IN_MARKUP = new Set([' ', '\t', '*', '_', '#', '}']);

/**
 * Where a heading's text ends before the markup Markdown converters close it with: a bold heading
 * (`**一、总体情况**`), a closed ATX heading (`## 一、总体情况 ##`), pandoc's span (`[一、总体情况]{style="…"}`).
 * Read backwards by hand: an expression anchored at the end is tried from every position of the line, and a
 * table line of long space runs (pandoc's) made that quadratic.
 */
function markupStart(rest: string): number {
  let end = rest.length;
  const skipBlanks = (): void => {
    while (end > 0 && (rest.charCodeAt(end - 1) === 0x20 || rest.charCodeAt(end - 1) === 0x09)) end--;
  };
  skipBlanks();
  while (end > 0 && rest.charCodeAt(end - 1) === 0x23) end--;
  skipBlanks();
  if (end >= 2 && (rest.startsWith('**', end - 2) || rest.startsWith('__', end - 2))) end -= 2;
  skipBlanks();
  if (end > 0 && rest.charCodeAt(end - 1) === 0x7d) {
    const open = rest.lastIndexOf(']{', end - 1);
    if (open >= 0 && !/[{}]/.test(rest.slice(open + 2, end - 1))) end = open;
  }
  skipBlanks();
  return end;
}

/**
 * Recognises a heading in one line (debris already blanked out); `lineStart`
 * is the line's document offset. Whether numbers follow (then it is a table
 * row) depends on the next lines and is decided in assemble.ts.
 */
export function recogniseHeading(line: string, lineStart: number): Heading | undefined {
  const from = markdownLeadLength(line);
  const rest = line.slice(from);
  // The expression is tried at every position of the line: only a line ending in markup or space needs it.
  const content = MAY_END_IN_MARKUP.has(rest.charAt(rest.length - 1)) ? rest.slice(0, markupStart(rest)) : rest;
  if (content.length === 0 || content.length > MAX_HEADING_LENGTH) return undefined;
  // A tab inside the line means table cells.
  if (content.trimEnd().includes('\t')) return undefined;
  const num = readNumbering(line, from, lineStart);
  if (num && (num.numbering.style === 'paren-chinese' || num.numbering.style === 'paren-arabic')) return undefined;
  const titleStart = num ? num.restStart : from;
  const rawTitle = line.slice(titleStart, from + content.length).trimEnd();
  const title = withoutTrailingFigures(rawTitle.replace(/[：:。.]+$/, ''));
  if (title.length === 0 || /[。；;]/.test(title)) return undefined;
  const style = num?.numbering.style ?? 'none';
  const threshold = style === 'chinese' ? NUMBERED_THRESHOLD : style === 'arabic' ? ARABIC_THRESHOLD : 0.95;
  // Asked with the threshold: most short lines are no title, and are told so without comparing in full.
  const match = bestSectionMatch(title, threshold);
  if (!match) return undefined;
  // A 表三 row (一、本年新收政府信息公开申请数量) is never a heading.
  if (namesTable3Label(title)) return undefined;
  if (style === 'arabic' && num!.numbering.ordinal !== match.id) return undefined;
  if (style === 'chinese' && num!.numbering.ordinal > 10) return undefined;
  return {
    range: { start: lineStart + from, end: lineStart + from + content.length },
    numbering: num?.numbering,
    title,
    titleRange: { start: lineStart + titleStart, end: lineStart + titleStart + title.length },
    sectionId: match.id,
    similarity: match.score,
  };
}

/** What may stand between a title and the figures after it, or between those figures, besides white space. */
const FIGURE_GLUE = new Set(Array.from('、,，.．', (c) => c.charCodeAt(0)));

/**
 * The title without figures after it: a page number, or a figure a saved page ran into the heading
 * (“政府信息公开行政复议、6”). No template title ends in one. Kept in the title, they made it read as another
 * title, and the fix that writes the template's title took in the next figure instead (“…行政诉讼情况、5”).
 * Read from the end, a character at a time: an expression of repeated groups would backtrack on long digit runs.
 */
function withoutTrailingFigures(title: string): string {
  let end = title.length;
  let digits = false;
  for (; end > 0; end--) {
    const c = title.charCodeAt(end - 1);
    const digit = (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
    if (!digit && !FIGURE_GLUE.has(c) && !isWhiteSpaceCode(c)) break;
    digits ||= digit;
  }
  return digits && end > 0 ? title.slice(0, end) : title;
}
