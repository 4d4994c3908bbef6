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

/** The text with every bookmark replaced by spaces, so offsets stay valid. */
export function blankBookmarks(text: string): string {
  return text.indexOf('[bookmark:') < 0 ? text : text.replace(BOOKMARK, (m) => ' '.repeat(m.length));
}
