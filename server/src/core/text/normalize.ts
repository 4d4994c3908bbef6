// Label normalisation: the same label is spelled with full- or half-width
// brackets, stray spaces, 、 or . after a number, wrapped over lines. Matching
// works on a key with all of that removed.

import { memoByText } from '../caches';

/** Full-width ASCII variants (！ to ～) and the ideographic space to ASCII. */
const WIDE = /[\uff01-\uff5e\u3000]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000]/g;

export function toHalfWidth(text: string): string {
  // Most text has no full-width ASCII at all: return it untouched.
  if (!WIDE.test(text)) return text;
  return text.replace(WIDE_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
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
  // A wrapped label can carry its group and leaf numbering in one cell: strip repeatedly.
  for (let k = 0; k < 3; k++) {
    const m = NUMBERING_PREFIX.exec(s);
    if (!m || m[0].length === s.length) break;
    s = s.slice(m[0].length);
  }
  return s.replace(PUNCTUATION, '');
}
