// Numbers in prose: "主动公开信息 85 条", "1300余条", "4.5万条", "20.5%". A hand
// scanner rather than one big regular expression: it runs on every keystroke
// and must stay linear on any input. Years, dates, phone numbers, list markers
// and numbers without a counting unit ("12345政务服务便民热线") come back
// without a unit, so callers that need a count never take them.

import type { Paragraph, Report } from '../model';
import type { SectionId } from '../template';
import { memoByText } from '../caches';
import { toHalfWidth } from './normalize';
import { plainInteger } from './numbers';

export interface ProseNumber {
  /** The value with 万/亿 applied. */
  value: number;
  /** Text indices of the number as written: digits plus 万/亿/余 (not the unit). */
  start: number;
  end: number;
  /** A counting unit (条 件 人次 …), '%' for a percentage, undefined for anything else. */
  unit: string | undefined;
  /** Index just past the unit (= end when there is none). */
  unitEnd: number;
  /** 余/多 after the number or 约/近/超过 before it: the value is rough. */
  approximate: boolean;
  /** 约/近/将近 before it: the true value may also be below the written one. */
  roughBelow: boolean;
  /** 1, 1e4 (万) or 1e8 (亿). */
  multiplier: number;
  /** Decimal places as written (before the multiplier). */
  decimals: number;
  /** The number as written, half-width and without spaces: "4.5万", "100余". */
  written: string;
}

// Longest first: 人次 before 人, 篇次 before 篇.
const COUNT_UNITS = ['人次', '篇次', '件次', '批次', '场次', '条次', '户次', '个', '条', '件', '宗', '次', '篇', '项', '期', '场', '份', '家', '人', '名', '起', '例', '批', '封', '所', '户', '元', '部'];
// 5个工作日, 3个月, 2个百分点: 个 measures time or a rate here, not a count.
const NOT_A_COUNT_AFTER: Readonly<Record<string, readonly string[]>> = {
  个: ['工作日', '自然日', '月', '小时', '百分点', '季度', '星期', '年', '日', '周'],
  人: ['民'],
  元: ['素'],
  部: ['门', '委', '署', '分', '位', '级', '长', '队', '室', '局', '厅', '办'],
};
const ROUGH_BEFORE = ['约', '近', '超过', '逾', '将近', '大约'];
const BELOW_BEFORE = ['约', '近'];
const MAX_SPACES = 2;

// The scanner reads char codes: text[i] of a Chinese character makes a new one-character string, and
// every paragraph of a report is scanned when it is first seen.
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39; // NaN past the end: false
const isAsciiLetter = (c: number): boolean => {
  const folded = c | 0x20; // fold to lower case
  return folded >= 0x61 && folded <= 0x7a;
};
// Characters that glue digits into phone numbers, dates, codes, URLs, list markers (1.属于).
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x2f || c === 0x3a || c === 0x40 || c === 0x5f || c === 0x2e || c === 0x23; // - / : @ _ . #
/** A space within a line of prose as readProse gives it (half-width: no U+3000 is left). */
export const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0;
const code = (c: string): number => c.charCodeAt(0);
const [WAN, YI, YU, DUO, DI] = ['万', '亿', '余', '多', '第'].map(code) as [number, number, number, number, number];
// The last characters of ROUGH_BEFORE: only a number after one of them can be rough.
// Looked up in a table by char code (1: one of them), not a Set: asked before every number.
const ROUGH_LAST = new Uint8Array(0x10000);
for (const w of ROUGH_BEFORE) ROUGH_LAST[w.charCodeAt(w.length - 1)] = 1;

/** A piece of prose as the prose rules read it: half-width (same length, so indices stay valid) and its numbers. */
export interface ProseText {
  text: string;
  numbers: readonly ProseNumber[];
}

/** The half-width text and every number of a piece of prose, in order (computed once per text; shared: do not mutate). */
export const readProse: (rawText: string) => ProseText = memoByText((rawText: string): ProseText => {
  const text = toHalfWidth(rawText);
  return { text, numbers: scanNumbers(text) };
});

/** Every number in a piece of prose, in order (shared: do not mutate). */
export function scanProseNumbers(rawText: string): readonly ProseNumber[] {
  return readProse(rawText).numbers;
}

function scanNumbers(s: string): ProseNumber[] {
  const found: ProseNumber[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(s.charCodeAt(i))) { i++; continue; }
    const start = i;
    let j = readDigits(s, i);
    let decimals = 0;
    if (s.charCodeAt(j) === 0x2e && isDigit(s.charCodeAt(j + 1))) {
      const k = readDigits(s, j + 1, false);
      decimals = k - j - 1;
      j = k;
    }
    const prev = s.charCodeAt(start - 1);
    const next = s.charCodeAt(j);
    if (isAsciiLetter(prev) || (isJoiner(prev) && !colonAfterWords(s, start)) || isAsciiLetter(next) || isJoiner(next)) {
      i = skipToken(s, j); // part of a phone number, date, code or URL
      continue;
    }
    found.push(readTail(s, start, j, decimals));
    i = j;
  }
  return found;
}

/**
 * A colon after words opens what they announce ("办理结果如下：6件顺延至下年度办理", half-width here): the number is
 * read. After a digit or a letter it joins a time or an address (10:30, tel:12345).
 */
function colonAfterWords(s: string, start: number): boolean {
  if (s.charCodeAt(start - 1) !== 0x3a) return false;
  const before = s.charCodeAt(start - 2);
  return !(isDigit(before) || isAsciiLetter(before) || isJoiner(before));
}

/** `groups`: an integer part, which may have thousands groups (decimals have none). */
function readDigits(s: string, from: number, groups = true): number {
  let j = from;
  while (isDigit(s.charCodeAt(j))) j++;
  // Thousands groups (1,234) only after a 1–3 digit lead: "30条,积极" is a clause break.
  if (groups && j - from <= 3) {
    const lead = j;
    while (s.charCodeAt(j) === 0x2c && isGroupAt(s, j + 1)) j += 4;
    // Or a space as the separator, as typeset texts write it ("1 236件"): read as 236 it was a count not the table's.
    if (j === lead) while (isGroupSpace(s.charCodeAt(j)) && isGroupAt(s, j + 1)) j += 4;
  }
  return j;
}

/** Three digits at s[at], then no digit. */
function isGroupAt(s: string, at: number): boolean {
  return isDigit(s.charCodeAt(at)) && isDigit(s.charCodeAt(at + 1)) && isDigit(s.charCodeAt(at + 2)) && !isDigit(s.charCodeAt(at + 3));
}

// A space, a no-break space, a thin space or a narrow no-break space between thousands.
const isGroupSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;

function skipToken(s: string, from: number): number {
  let j = from;
  for (let c = s.charCodeAt(j); j < s.length && (isDigit(c) || isAsciiLetter(c) || isJoiner(c)); c = s.charCodeAt(++j));
  return j;
}

/** Reads 万/亿/余 and the unit after the digits s[start, digitsEnd). */
function readTail(s: string, start: number, digitsEnd: number, decimals: number): ProseNumber {
  let value = plainInteger(s, start, digitsEnd) ?? writtenValue(s.slice(start, digitsEnd));
  let multiplier = 1;
  const lead = skipSpacesBack(s, start);
  const mayBeRough = ROUGH_LAST[s.charCodeAt(lead - 1)] === 1; // NaN before the text: undefined
  const roughBefore = mayBeRough && ROUGH_BEFORE.some((w) => s.endsWith(w, lead));
  const roughBelow = mayBeRough && BELOW_BEFORE.some((w) => s.endsWith(w, lead));
  let plus = false; // 余/多
  let k = digitsEnd;
  let end = digitsEnd;
  let spaces = 0;
  let spaceWritten = false; // a space inside the number as written (4 万)
  for (let steps = 0; steps < 4 && k < s.length; steps++) {
    const c = s.charCodeAt(k);
    if (isSpace(c) && spaces < MAX_SPACES) { spaces++; k++; continue; }
    if ((c === WAN || c === YI) && multiplier === 1) multiplier = c === WAN ? 1e4 : 1e8;
    else if ((c === YU || c === DUO) && !plus) plus = true;
    else break;
    k++;
    end = k;
    spaceWritten = spaces > 0;
  }
  const ordinal = s.charCodeAt(lead - 1) === DI;
  const unit = ordinal ? undefined : unitAt(s, k);
  value = multiplier === 1 ? value : Math.round(value * multiplier * 1e6) / 1e6;
  const written = s.slice(start, end);
  // A space inside the number as written: before 万 (4 万) or between thousands (1 236); the latter needs five characters.
  const spaced = spaceWritten || (digitsEnd - start >= 5 && /\s/.test(written));
  return { value, start, end, unit, unitEnd: unit ? k + unit.length : end, approximate: roughBefore || plus, roughBelow, multiplier, decimals, written: spaced ? written.replace(/\s/g, '') : written };
}

/** A number with group commas or spaces, or decimals (1,234, 1 234 or 4.5), as written. */
function writtenValue(digits: string): number {
  return Number(digits.replace(/[,\s\u2009\u202f]/g, ''));
}

function skipSpacesBack(s: string, index: number): number {
  let i = index;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

// Units by their first character's code, so finding the unit after a number is one lookup: a table by char code gives
// 1 + the index of the units starting with it in UNITS_BY_FIRST (0: none).
const UNITS_BY_FIRST: string[][] = [];
const UNITS_SLOT = new Uint8Array(0x10000);
for (const u of COUNT_UNITS) {
  if (UNITS_SLOT[code(u)] === 0) UNITS_SLOT[code(u)] = UNITS_BY_FIRST.push([]);
  UNITS_BY_FIRST[UNITS_SLOT[code(u)]! - 1]!.push(u);
}
const PERCENT = code('%');

function unitAt(s: string, k: number): string | undefined {
  const c = s.charCodeAt(k);
  if (c === PERCENT) return '%';
  const slot = UNITS_SLOT[c]; // NaN past the end: undefined
  if (!slot) return undefined;
  const candidates = UNITS_BY_FIRST[slot - 1]!;
  // Loops, not find/some with a closure: this runs for nearly every number.
  for (const unit of candidates) {
    if (!s.startsWith(unit, k)) continue;
    const after = NOT_A_COUNT_AFTER[unit];
    if (after) for (const w of after) if (s.startsWith(w, k + unit.length)) return undefined;
    return unit;
  }
  return undefined;
}

/** Units that count the same thing (申请 are counted in 件 or 宗). */
export function unitFamily(unit: string | undefined): string | undefined {
  return unit === '宗' ? '件' : unit;
}

/** Index of the first number starting at or after `index` (numbers are in text order). */
export function firstNumberFrom(numbers: readonly ProseNumber[], index: number): number {
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (numbers[mid]!.start < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Only punctuation between a total and its 其中: "872条。其中" "32件，其中" "85条（其中".
const LIST_TOTAL_GAP = /^[\s，,。；;：:（(]{0,3}$/;

// A change from last year right after a count ("5件，同比增加2件", "1256条，较上年减少44条", "比上年多2件").
const CHANGE_FROM_LAST_YEAR = /^[\s，,]{0,3}(?:同比|环比|(?:比|较|与)(?:上一?年度?|去年|上年同期|去年同期)(?:相比)?[\s，,]{0,2})(?:增加|减少|增长|下降|上升|多出|多|少)了?\s{0,2}$/;

/**
 * The total a 其中 at text index `at` breaks down: the count written right before it, or, when that count is
 * a change from last year ("收到申请5件，同比增加2件。其中…"), the count it changes.
 */
export function listTotal(text: string, numbers: readonly ProseNumber[], at: number): ProseNumber | undefined {
  // A bracketed note on the total ("办理申请6件（含上年结转1件），其中…"): the 其中 still breaks down the total.
  const end = noteOpening(text, at) ?? at;
  const k = firstNumberFrom(numbers, end) - 1;
  const total = numbers[k];
  if (!total || total.unitEnd > end || !total.unit) return undefined;
  if (!LIST_TOTAL_GAP.test(text.slice(total.unitEnd, end))) return undefined;
  const changed = numbers[k - 1];
  // A change in per cent ("1256条，同比增长8.2%，其中…") changes the count before it, whatever its unit.
  const sameKind = total.unit === '%' ? changed?.unit !== '%' : unitFamily(changed?.unit ?? '') === unitFamily(total.unit);
  if (changed && changed.unit && sameKind && CHANGE_FROM_LAST_YEAR.test(text.slice(changed.unitEnd, total.start))) return changed;
  return total.unit === '%' ? undefined : total;
}

const MAX_NOTE = 40;
const [OPEN_FULL, OPEN_HALF, CLOSE_FULL, CLOSE_HALF] = ['（', '(', '）', ')'].map(code) as [number, number, number, number];
const isNotePunctuation = (c: number): boolean => isSpace(c) || '，,。；;：:'.includes(String.fromCharCode(c));

/** Where the bracket opens that closes (before a little punctuation) right before text index `at`: "（含上年结转1件），". */
function noteOpening(text: string, at: number): number | undefined {
  let i = at - 1;
  while (i >= 0 && at - i <= 3 && isNotePunctuation(text.charCodeAt(i))) i--;
  const close = text.charCodeAt(i);
  if (close !== CLOSE_FULL && close !== CLOSE_HALF) return undefined;
  for (let j = i - 1; j >= 0 && i - j <= MAX_NOTE; j--) {
    const c = text.charCodeAt(j);
    if (c === OPEN_FULL || c === OPEN_HALF) return j;
    if (c === CLOSE_FULL || c === CLOSE_HALF || isSentenceEndAt(text, j)) return undefined;
  }
  return undefined;
}

// "在办理的6件申请中，", "新收的5件申请中，": a count of applications that names the set what follows is taken from.
const SET_OF_APPLICATIONS = /^\s{0,2}(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请(?:中|当中)\s{0,2}[，,：:]/;

/** The count naming the set ("在办理的6件申请中，") nearest before text index `at` and at or after `from`, if any. */
export function applicationSetBefore(text: string, numbers: readonly ProseNumber[], from: number, at: number): ProseNumber | undefined {
  for (let k = firstNumberFrom(numbers, at) - 1; k >= 0 && numbers[k]!.start >= from; k--) {
    const n = numbers[k]!;
    if (unitFamily(n.unit) === '件' && SET_OF_APPLICATIONS.test(text.slice(n.unitEnd, n.unitEnd + 16))) return n;
  }
  return undefined;
}

// ---------------------------------------------------------------- sentences and clauses

const SENTENCE_ENDS = '。！？!?\n';
const CLAUSE_ENDS = '。！？!?\n，,；;：:（()）';
const CLAUSE_LOOKBACK = 80;
// Sentences are only read for context words; the bound keeps every lookup O(1).
const SENTENCE_REACH = 300;

// What each character ends, by char code (a table: these run on every character they pass).
const ENDS_SENTENCE = 1;
const ENDS_CLAUSE = 2;
const ENDS = new Uint8Array(0x10000);
for (const c of SENTENCE_ENDS) ENDS[code(c)]! |= ENDS_SENTENCE;
for (const c of CLAUSE_ENDS) ENDS[code(c)]! |= ENDS_CLAUSE;

export function isSentenceEnd(c: string | undefined): boolean {
  return c !== undefined && SENTENCE_ENDS.includes(c);
}

/** Whether text[index] ends a sentence (false past either end). */
export function isSentenceEndAt(text: string, index: number): boolean {
  return (ENDS[text.charCodeAt(index)]! & ENDS_SENTENCE) !== 0; // NaN indexes nothing: undefined & 1 is 0
}

/** Index of the first sentence end in text[from, to), or `to` when there is none. */
export function nextSentenceEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isSentenceEndAt(text, i)) i++;
  return i;
}

/** Index of the first character of the sentence holding text[index] (at most 300 back). */
export function sentenceStart(text: string, index: number): number {
  const stop = Math.max(0, index - SENTENCE_REACH);
  let i = index;
  while (i > stop && !isSentenceEndAt(text, i - 1)) i--;
  return i;
}

/** Index just past the sentence holding text[index], its 。 included (at most 300 on). */
export function sentenceEnd(text: string, index: number): number {
  const stop = Math.min(text.length, index + SENTENCE_REACH);
  let i = index;
  while (i < stop && !isSentenceEndAt(text, i)) i++;
  return Math.min(text.length, i + 1);
}

/** Start of the clause that ends at `index`: after the last ， ； ： （ or sentence end, at most 80 back. */
export function clauseStart(text: string, index: number, extraEnds = ''): number {
  const stop = Math.max(0, index - CLAUSE_LOOKBACK);
  let i = index;
  if (extraEnds === '') {
    while (i > stop && (ENDS[text.charCodeAt(i - 1)]! & ENDS_CLAUSE) === 0) i--;
    return i;
  }
  const extra = extraEnds.length === 1 ? extraEnds.charCodeAt(0) : -1; // '、': compared as a code
  while (i > stop && (ENDS[text.charCodeAt(i - 1)]! & ENDS_CLAUSE) === 0 && (extra >= 0 ? text.charCodeAt(i - 1) !== extra : !extraEnds.includes(text[i - 1]!))) i--;
  return i;
}

/** Index just past the clause that starts at `index`. */
export function clauseEnd(text: string, index: number): number {
  const stop = Math.min(text.length, index + CLAUSE_LOOKBACK);
  let i = index;
  while (i < stop && (ENDS[text.charCodeAt(i)]! & ENDS_CLAUSE) === 0) i++;
  return i;
}

// ---------------------------------------------------------------- paragraphs and ranges

export interface ProseParagraph {
  paragraph: Paragraph;
  /** The template section the paragraph is in; undefined in the preface. */
  sectionId: SectionId | undefined;
}

const proseCache = new WeakMap<Report, readonly ProseParagraph[]>();

/** Every prose paragraph of the report: the preface, then each section's (computed once per report). */
export function proseParagraphs(report: Report): readonly ProseParagraph[] {
  let list = proseCache.get(report);
  if (!list) {
    list = [
      ...report.preface.map((paragraph) => ({ paragraph, sectionId: undefined })),
      ...report.sections.flatMap((s) => s.paragraphs.map((paragraph) => ({ paragraph, sectionId: s.heading.sectionId }))),
    ];
    proseCache.set(report, list);
  }
  return list;
}

export { paragraphRange } from './paragraph-offsets';

/** A count as the message shows it: "100余 条", "4.5万 条". */
export function describeCount(n: ProseNumber): string {
  return n.unit && n.unit !== '%' ? `${n.written} ${n.unit}` : n.written;
}
