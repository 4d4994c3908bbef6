// Numbers as they appear in table cells: ASCII or full-width digits,
// thousands separators, decimals. Anything else in a number cell is kept and
// classified so rules can say what is wrong with it.

import { isDigitCode, isWhiteSpaceCode, toHalfWidth } from './normalize';

export type CellValueKind = 'number' | 'blank' | 'placeholder' | 'invalid' | 'text';

export interface CellValue {
  kind: CellValueKind;
  value: number | undefined;
  decimals: number;
}

// 无 or 空 in a number cell means nothing was entered, like / or —; so do the marks writers type for it: dashes (the
// minus sign −, a dash typed twice with a space between: — —), a cross ×, a backslash, an ellipsis. A draft's marks
// for a figure still to come are no figure either: XX, empty brackets 【】, 待填, a line to write on (___).
const PLACEHOLDER = /^(?:[/\\\-—–－―−~～／×…]+(?: [/\\\-—–－―−~～／×…]+)*|无|空|[Xx]{1,4}|[【\[] ?[】\]]|待[填定补]|_{2,})$/;
const PLAIN_NUMBER = /^\+?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
// A number with a short unit or note stuck to it (10元, 5件, -3, 1.5万); not a
// numbered label such as 1.属于国家秘密 or 3.其他.
const VALUE_LIKE = /^[-+−]?\d[\d,.]*\s*[^\d\s]{0,3}$/;
const NUMBERED_LABEL = /^\d{1,2}\s*[.、]\s*[^\d\s]/;
// A short label numbered with a space for its dot (3 其他): words after the number that no unit begins (5 万元, 3 人次).
const SPACED_LABEL = /^\d{1,2}\s+[\u4e00-\u9fff]{2,3}$/;
const UNIT_START = /^\d{1,2}\s+[万亿余多件个条次宗份项人起部篇家元]/;
// Zero written as a character (〇, ○, 零, the letter O): the figure is clear, but it is no number (cell.invalid).
export const ZERO_CHARACTER = /^[〇○零Oo]$/;
// A change written in words (增3, 减12: the 2019 表二's 本年增/减) is a value, not a label.
const WORDED_CHANGE = /^([增减])[加少]?\s*(\d+)$/;

// A count with the unit writers add (5件, 12 条): the figure is clear, only the template's cells hold it alone.
const COUNT_WITH_UNIT = /^(\d{1,3}(?:,\d{3})+|\d+)\s*[件个条次宗份项人起部篇家]$/;

// A figure with a note mark after it ("39*", "12※", "5①", "7²"), the note under the table: the figure is clear. One
// mark: "**" is Markdown's bold left over, no note.
const NOTE_MARKED = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:[*※†‡]|[\u2460-\u2469]|[\u00b9\u00b2\u00b3\u2070-\u2079])$/;

/** The figure of a number written with a note mark ("39*" → "39"), else undefined. */
export function noteMarkedFigure(raw: string): string | undefined {
  return NOTE_MARKED.exec(toHalfWidth(raw).trim())?.[1];
}

/** The figure of a count written with its unit ("5件" → "5"), else undefined. */
export function countWithUnit(raw: string): string | undefined {
  return COUNT_WITH_UNIT.exec(toHalfWidth(raw).trim())?.[1];
}

export function classifyCell(raw: string): CellValue {
  // Most cells are a few ASCII digits: read by char code, without the normalising copies and the expressions below.
  const digits = plainInteger(raw);
  if (digits !== undefined) return { kind: 'number', value: digits, decimals: 0 };
  // Most others are a row's label or empty: told by char code too.
  return wordsOrBlank(raw) ?? classifyCellByExpressions(raw);
}

const TEXT: Readonly<CellValue> = Object.freeze({ kind: 'text', value: undefined, decimals: 0 });
const BLANK: Readonly<CellValue> = Object.freeze({ kind: 'blank', value: undefined, decimals: 0 });
// The most CJK ideographs any reading of classifyCellByExpressions but text allows: three in the unit or note after a
// figure (VALUE_LIKE); two in a placeholder (待填) or a change in words (增加3); none in a plain number.
const MOST_WORDS_OF_A_FIGURE = 3;
const WAIT = 0x5f85; // 待, the placeholder in words of two ideographs: 待填, 待定, 待补

/**
 * classifyCell of the cells that need no expression, by char code (else undefined): text where the cell holds more
 * ideographs than any other reading allows, or three (two but 待…) and no digit (ASCII or full-width), as a row's label
 * does (1.属于国家秘密, 总计); blank where it holds white space alone. A test compares both on random cells.
 */
function wordsOrBlank(raw: string): CellValue | undefined {
  let words = 0;
  let wait = false;
  let digit = false;
  let shown = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (++words > MOST_WORDS_OF_A_FIGURE) return TEXT;
      if (c === WAIT) wait = true;
    } else if (isDigitCode(c)) digit = true;
    else if (!shown && !isWhiteSpaceCode(c)) shown = true;
  }
  if (digit) return undefined;
  if (words === MOST_WORDS_OF_A_FIGURE || (words === 2 && !wait)) return TEXT;
  return words === 0 && !shown ? BLANK : undefined;
}

/** Nothing but white space (what trim() leaves empty; a blank cell's text), by char code: no trimmed copy. */
export function isWhiteSpaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWhiteSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** The cell's reading by the expressions: the specification of classifyCell (its readings by char code must equal it). */
export function classifyCellByExpressions(raw: string): CellValue {
  const text = toHalfWidth(raw).replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '') return BLANK;
  if (PLACEHOLDER.test(text)) return { kind: 'placeholder', value: undefined, decimals: 0 };
  const m = PLAIN_NUMBER.exec(text);
  if (m) return { kind: 'number', value: Number(text.replace(/[,+]/g, '')), decimals: m[1]?.length ?? 0 };
  if (VALUE_LIKE.test(text) && !NUMBERED_LABEL.test(text) && !(SPACED_LABEL.test(text) && !UNIT_START.test(text))) {
    const lead = /^[-+−]?\d+(?:\.\d+)?/.exec(text)!;
    return { kind: 'invalid', value: Number(lead[0].replace('−', '-')), decimals: 0 };
  }
  if (ZERO_CHARACTER.test(text)) return { kind: 'invalid', value: 0, decimals: 0 };
  const change = WORDED_CHANGE.exec(text);
  if (change) return { kind: 'invalid', value: (change[1] === '减' ? -1 : 1) * Number(change[2]), decimals: 0 };
  return TEXT;
}

// A thousands separator as a figure is written with it: ASCII or full-width comma between digit groups.
const GROUPED = /[0-9０-９]([,，])[0-9０-９]{3}(?![0-9０-９])/;
const FULL_WIDTH_DIGIT = /[０-９]/;

/**
 * A whole `value` written the way the cell `like` writes its figure, for a fix that replaces it: full-width digits
 * where it has them, its thousands separator where it groups digits (“1,234” → “1,235”, “１２” → “１３”). A fix changes
 * the figure only, not how the agency writes figures.
 */
export function writtenLike(like: string, value: number): string {
  let out = String(value);
  const separator = GROUPED.exec(like)?.[1];
  if (separator && Number.isInteger(value)) out = out.replace(/\B(?=(?:\d{3})+$)/g, separator);
  if (FULL_WIDTH_DIGIT.test(like)) out = out.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10));
  return out;
}

/**
 * The value of s[start, end) when it is 1 to 15 ASCII digits and nothing else (exact in a double), else
 * undefined: read by char code, where Number() of a slice would copy it first.
 */
export function plainInteger(s: string, start = 0, end = s.length): number | undefined {
  if (end <= start || end - start > 15) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined; // a group comma, a decimal point, anything else
    value = value * 10 + (c - 0x30);
  }
  return value;
}
