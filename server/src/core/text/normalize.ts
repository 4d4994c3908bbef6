// Label normalisation: the same label is spelled with full- or half-width
// brackets, stray spaces, 、 or . after a number, wrapped over lines. Matching
// works on a key with all of that removed.

import { memoByText } from '../caches';

/** Full-width ASCII variants (！ to ～) and the ideographic space to ASCII. */
export function toHalfWidth(text: string): string {
  // Chinese prose is full of ，：（）: a loop over char codes, not a replace calling back for each one.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) {
      out += text.slice(from, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      from = i + 1;
    }
  }
  // Most lines have no full-width ASCII at all: returned untouched.
  return from === 0 ? text : out + text.slice(from);
}

/** 0-9 and ０-９, by char code (NaN past a text's end: false). */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** What /\s/ matches, by char code: white space and line terminators. */
export function isWhiteSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20; undefined for anything else. */
export function chineseNumeralValue(text: string): number | undefined {
  if (!text) return undefined;
  if (text.length === 1) return text === '十' ? 10 : CHINESE_DIGITS[text];
  const ten = text.indexOf('十');
  if (ten < 0) return undefined;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[text.slice(0, ten)];
  const unitText = text.slice(ten + 1);
  const units = unitText === '' ? 0 : CHINESE_DIGITS[unitText];
  if (tens === undefined || units === undefined || text.length > 3) return undefined;
  return tens * 10 + units;
}

/**
 * A year written digit by digit in Chinese numerals, as formal titles write it (二〇二三年, 二○二三 with a circle, 二零二三,
 * 二O二三 with a letter).
 * As a regular expression source, to be matched before 年.
 */
export const CHINESE_YEAR = '(?:一九|二[〇○零ＯO])[〇○零ＯO一二三四五六七八九]{2}';
const WHOLE_CHINESE_YEAR = new RegExp(`^${CHINESE_YEAR}$`);
// The letter O too: writers type 二O二三 (and toHalfWidth makes Ｏ an O).
const YEAR_DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二〇二三 → 2023 (CHINESE_YEAR); undefined for anything else. */
export function chineseYearValue(text: string): number | undefined {
  if (!WHOLE_CHINESE_YEAR.test(text)) return undefined;
  return Number(Array.from(text, (c) => YEAR_DIGITS[c]).join(''));
}

const PUNCTUATION = /[\s()[\]{}<>《》〈〉【】:;,.!?'"“”‘’、。，：；！？·•|/\\\-—–_~…]/g;
const NUMBERING_PREFIX = /^\s*(?:\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*[、.]|\d{1,2}\s*[、.](?!\d))\s*/;

/** A matching key for one cell or line of label text: no numbering prefix, no punctuation or spaces. */
// Memoised for label-sized text: a table is read again on every keystroke in it, with the same labels.
const knownLabelKey = memoByText(computeLabelKey, 10_000);
const MAX_MEMO_LABEL = 200;

export function labelKey(text: string): string {
  return text.length <= MAX_MEMO_LABEL ? knownLabelKey(text) : computeLabelKey(text);
}

function computeLabelKey(text: string): string {
  let s = toHalfWidth(text).replace(/\[bookmark:[^\]]*\]/g, '');
  // Markdown emphasis around a label (**第二十条第（一）项**, as HTML-to-Markdown tools write a bold cell), before
  // the numbering it would hide.
  if (s.includes('*')) s = s.replace(/\*+/g, '');
  // A wrapped label can carry its group and leaf numbering in one cell: strip repeatedly.
  for (let k = 0; k < 3; k++) {
    const m = NUMBERING_PREFIX.exec(s);
    if (!m || m[0].length === s.length) break;
    s = s.slice(m[0].length);
  }
  return s.replace(PUNCTUATION, '');
}

const NOTE_OPENING = '（(【[';
const NOTE_CLOSING = '）)】]';

/**
 * Where a label's note in brackets at its end begins (（区分处理的，只计这一情形，不计其他情形）: the template's
 * explanation, not the row's name), or -1 where the text does not end with one. A note wholly inside the text's
 * last brackets: no bracket between its opening and its end. Read by char code from the end.
 */
export function trailingNoteStart(text: string): number {
  let end = text.length;
  while (end > 0 && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === 0 || !NOTE_CLOSING.includes(text[end - 1]!)) return -1;
  for (let i = end - 2; i >= 0; i--) {
    const c = text[i]!;
    if (NOTE_OPENING.includes(c)) return i;
    if (NOTE_CLOSING.includes(c)) return -1;
  }
  return -1;
}

/**
 * Where a note in brackets opens and is not closed by the text's end (a label cut where its cell wrapped:
 * `（二）部分公开（区分处理的，只计这一情`, the rest on a line of its own), or -1.
 */
export function openNoteStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (NOTE_CLOSING.includes(c)) return -1;
    if (NOTE_OPENING.includes(c)) return i;
  }
  return -1;
}

/** The label without its note in brackets at its end (trailingNoteStart), trimmed; the label itself where it has none. */
export function withoutNote(label: string): string {
  const at = trailingNoteStart(label);
  return at < 0 ? label : label.slice(0, at).trimEnd();
}
