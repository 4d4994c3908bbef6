// Export debris: Word bookmarks, web page chrome, PDF page numbers.

import { isWhiteSpaceCode } from './normalize';

export const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;

const PAGE_NUMBER = /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?)\s*$/;

const CHROME_WORDS = new Set([
  '字号', '字号:', '字号：', '大', '中', '小', '打印', '【打印】', '关闭', '【关闭】', '关闭窗口', '语音播报', '简明问答', '图文解读',
  '分享', '分享到', '分享到:', '收藏', '【收藏】', '•', '|', '｜', '[', ']', '【', '】', '默认', '【大】', '【中】', '【小】',
]);

const LONGEST_CHROME_WORD = Math.max(...[...CHROME_WORDS].map((w) => w.length));

/** What parts a control bar's words: white space, | ｜ • ·. */
function isChromeSeparator(c: number): boolean {
  return c === 0x7c || c === 0xff5c || c === 0x2022 || c === 0xb7 || isWhiteSpaceCode(c);
}

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/**
 * A fenced div's mark in pandoc's Markdown (`::: {.section …}`, `:::`): the page's `<section>` or `<div>` around a
 * table, which shows nothing. In the table's region it was read as a row.
 */
export function isDivFenceLine(text: string): boolean {
  // Most lines end in neither : nor } (a fence with attributes ends in }), nor in white space.
  const c = text.charCodeAt(text.length - 1);
  if (c !== 0x3a && c !== 0x7d && !isWhiteSpaceCode(c)) return false;
  return DIV_FENCE.test(text);
}

const DIV_FENCE = /^[ \t]*:{3,}(?:[ \t]*\{[^{}\n]*\}|[ \t]+[\w.-]+)?[ \t]*$/;

/**
 * A line that is a backslash alone: in pandoc's Markdown a hard line break alone, an empty paragraph (`<p><br></p>`,
 * as UEditor and WeChat's editor leave one after a table); where a writer's cells stand a line each, the mark typed
 * for a blank cell. parse/assemble.ts tells which by the table's layout.
 */
export function isLoneBackslash(text: string): boolean {
  return text.trim() === '\\';
}

/** A line made only of web page controls (字号 · 打印 · 语音播报 | 简明问答 | 图文解读). */
export function isWebChromeLine(text: string): boolean {
  // Most lines are prose: their first word already is no control (no split, no array), and most are longer
  // than any control word (read by char code no further than the longest, and no lookup).
  let s = 0;
  while (s < text.length && isChromeSeparator(text.charCodeAt(s))) s++;
  if (s < text.length) {
    let e = s;
    while (e < text.length && e - s <= LONGEST_CHROME_WORD && !isChromeSeparator(text.charCodeAt(e))) e++;
    if (e - s > LONGEST_CHROME_WORD || !CHROME_WORDS.has(text.slice(s, e))) return false;
  }
  const tokens = text.split(/[\s|｜•·]+/).filter((t) => t.length > 0);
  // "• |" is a web page's control bar; a row of bare | is an empty pipe-table row.
  if (tokens.length === 0) return /[•]/.test(text);
  if (tokens.length === 1 && tokens[0]!.length === 1) return false;
  return tokens.every((t) => CHROME_WORDS.has(t));
}

/**
 * The text with every bookmark and every invisible character replaced by spaces, so offsets stay valid. A web
 * page's editor leaves zero-width spaces, joiners and soft hyphens around what was typed (`22\u200b` in a cell,
 * `予以\u200b公开` in a label): unseen in the page, they made a figure "no number" and a label "not the template's".
 */
export function blankDebris(text: string): string {
  const unmarked = text.indexOf('[bookmark:') < 0 ? text : text.replace(BOOKMARK, (m) => ' '.repeat(m.length));
  const visible = INVISIBLE_ONE.test(unmarked) ? unmarked.replace(INVISIBLE, ' ') : unmarked;
  return blankSpaceEntities(visible);
}

/**
 * The text with the space entities a crawler left undecoded (`0&nbsp;&nbsp;1`, `&#12288;`) written as spaces of their
 * length, as the page shows them: read as letters, they ran a table's cells together.
 */
export function blankSpaceEntities(text: string): string {
  return text.indexOf('&') < 0 ? text : text.replace(SPACE_ENTITY, (m) => ' '.repeat(m.length));
}

const SPACE_ENTITY = /&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#8194|#8195|#x2002|#x2003|#12288|#x3000);/gi;

// Zero-width space, non-joiner and joiner, the direction marks, the word joiner, the soft hyphen; and the control
// characters no page shows (LibreOffice writes U+0001 after each figure of a Word content control it saves as a web page:
// every such cell was "not a number"). Tab, line and page breaks are white space already; NUL tells a binary file.
/**
 * The invisible characters blankDebris blanks: soft hyphen, zero-width spaces and joiners, direction marks, word joiner,
 * control characters.
 */
export const INVISIBLE = /[\u0001-\u0008\u000e-\u001f\u007f\u00ad\u200b-\u200f\u2060]/g;
const INVISIBLE_ONE = /[\u0001-\u0008\u000e-\u001f\u007f\u00ad\u200b-\u200f\u2060]/;

/**
 * Whether blankDebris may change a text holding this code unit: `[` (a bookmark), `&` (a space entity), INVISIBLE's
 * characters. A text without any is its own clean text (parse/line-info.ts tells so in the pass it makes anyway); a
 * test asks blankDebris about every code unit, so INVISIBLE cannot grow without this.
 */
export function isDebrisCandidate(c: number): boolean {
  // Most characters of a report (Chinese ones) are past the last of them: one comparison.
  if (c > 0x2060) return false;
  return c === 0x5b || c === 0x26 || (c >= 0x01 && c <= 0x08) || (c >= 0x0e && c <= 0x1f) || c === 0x7f || c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0x2060;
}
