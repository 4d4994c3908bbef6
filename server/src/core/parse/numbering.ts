// The numbering at the start of a heading or sub-item: 一、 一 、 一. 1、 6.
// （一） (一) （1） (1), and 第一部分.

import type { Numbering, NumberingStyle } from '../model';
import { chineseNumeralValue, isDigitCode, isWhiteSpaceCode } from '../text/normalize';

/**
 * What precedes a heading's or sub-item's numbering: indentation, and the marks Markdown converters add
 * (`## 一、总体情况`, `**（一）…**`, pandoc's span `[…]{…}`). Read with readNumbering at the end of it.
 */
const MARKDOWN_LEAD = /^[\s\t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?[ \t]*/;

/** The length of MARKDOWN_LEAD at the start of `line`: 0 without the expression when the line starts with none of its characters (most lines). */
export function markdownLeadLength(line: string): number {
  const c = line.charCodeAt(0);
  if (!(c === 0x23 || c === 0x2a || c === 0x5f || c === 0x5b || isWhiteSpaceCode(c))) return 0;
  const lead = c === 0x5b ? 0 : MARKDOWN_LEAD.exec(line)![0].length;
  // pandoc's Markdown keeps a page's styled text as a span: `**[一、总体情况]{style="font-family:黑体"}**`.
  return line.charCodeAt(lead) === 0x5b && line.includes(']{', lead) ? lead + 1 : lead;
}

// The first characters a numbering can start with (PATTERNS below): （ ( 一…十 0-9 ０-９ 第.
const NUMBERING_FIRST = new Set(Array.from('（(一二三四五六七八九十0123456789０１２３４５６７８９第', (c) => c.charCodeAt(0)));

const PATTERNS: { style: NumberingStyle; re: RegExp }[] = [
  { style: 'paren-chinese', re: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*/ },
  { style: 'paren-arabic', re: /^[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*/ },
  { style: 'chinese', re: /^([一二三四五六七八九十]{1,3})\s*([、.．])\s*/ },
  { style: 'chinese', re: /^([一二三四五六七八九十]{1,3})(\s)\s*(?=\S)/ },
  // 第一部分 总体情况: the parts numbered as some reports number them (section.numbering offers 一、).
  { style: 'chinese', re: /^第([一二三四五六七八九十]{1,3})部分\s*([、.．:：]?)\s*/ },
  { style: 'arabic', re: /^([0-9０-９]{1,2})\s*([、.．])(?![0-9０-９])\s*/ },
];

export interface NumberingMatch {
  numbering: Numbering;
  /** Offset (in the line) where the text after the numbering starts. */
  restStart: number;
}

/** Reads the numbering at `from` in `line` (line-relative offsets); `lineStart` makes ranges absolute. */
export function readNumbering(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  // Most lines start with no numbering: told by their first character, without a copy and five expressions.
  const first = line.charCodeAt(from);
  if (!NUMBERING_FIRST.has(first)) return undefined;
  // A bracket or a figure first: only the bracketed or the Arabic patterns can match, read by char code (a sub-item's
  // （1） starts every other line of some reports) as the expressions read them.
  if (first === 0xff08 || first === 0x28) return parenNumbering(line, from, lineStart);
  if (isDigitCode(first)) return arabicNumbering(line, from, lineStart);
  return numberingByPatterns(line, from, lineStart);
}

/**
 * The numbering as PATTERNS read it: what readNumbering's readings by char code must equal (a test compares the two
 * on random lines), and its own reading of the other first characters.
 */
export function numberingByPatterns(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  const text = line.slice(from);
  for (const { style, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const digits = m[1]!;
    const ordinal = style === 'arabic' || style === 'paren-arabic' ? arabicValue(digits) : chineseNumeralValue(digits);
    if (ordinal === undefined || ordinal === 0) continue;
    const core = m[0].trimEnd();
    return {
      numbering: {
        text: core,
        range: { start: lineStart + from, end: lineStart + from + core.length },
        style,
        ordinal,
        separator: m[2] ?? '',
      },
      restStart: from + m[0].length,
    };
  }
  return undefined;
}

/** What Number() reads in figures of 0-9 and ０-９ (one or two of them). */
function arabicValue(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    value = value * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return value;
}

const CHINESE_NUMERAL_CHARS = new Set(Array.from('一二三四五六七八九十', (c) => c.charCodeAt(0)));

function skipWhiteSpace(line: string, i: number): number {
  while (i < line.length && isWhiteSpaceCode(line.charCodeAt(i))) i++;
  return i;
}

/**
 * PATTERNS' paren-chinese, then paren-arabic, at a bracket: [（(]\s*(numerals{1,3})\s*[）)]\s*. The numerals are
 * taken greedily: none of them is white space or a bracket, so the expression's backtracking finds no other match.
 */
function parenNumbering(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  const digitsStart = skipWhiteSpace(line, from + 1);
  const c = line.charCodeAt(digitsStart);
  const chinese = CHINESE_NUMERAL_CHARS.has(c);
  if (!chinese && !isDigitCode(c)) return undefined;
  const limit = chinese ? 3 : 2;
  let digitsEnd = digitsStart + 1;
  while (digitsEnd < line.length && digitsEnd - digitsStart < limit && (chinese ? CHINESE_NUMERAL_CHARS.has(line.charCodeAt(digitsEnd)) : isDigitCode(line.charCodeAt(digitsEnd)))) digitsEnd++;
  const close = skipWhiteSpace(line, digitsEnd);
  const b = line.charCodeAt(close);
  if (b !== 0xff09 && b !== 0x29) return undefined;
  const digits = line.slice(digitsStart, digitsEnd);
  const ordinal = chinese ? chineseNumeralValue(digits) : arabicValue(digits);
  // An ordinal the expression matched but that is no number (十十, 0): the next patterns need the other kind of numeral here.
  if (ordinal === undefined || ordinal === 0) return undefined;
  return matched(line, from, lineStart, close + 1, chinese ? 'paren-chinese' : 'paren-arabic', ordinal, '');
}

/** PATTERNS' arabic at a figure: ([0-9０-９]{1,2})\s*([、.．])(?![0-9０-９])\s*. */
function arabicNumbering(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  let digitsEnd = from + 1;
  if (digitsEnd < line.length && isDigitCode(line.charCodeAt(digitsEnd))) digitsEnd++;
  const markAt = skipWhiteSpace(line, digitsEnd);
  const mark = line.charCodeAt(markAt);
  if (mark !== 0x3001 && mark !== 0x2e && mark !== 0xff0e) return undefined;
  if (isDigitCode(line.charCodeAt(markAt + 1))) return undefined;
  const ordinal = arabicValue(line.slice(from, digitsEnd));
  if (ordinal === 0) return undefined;
  return matched(line, from, lineStart, markAt + 1, 'arabic', ordinal, line.charAt(markAt));
}

/** The match of a numbering from `from` to `coreEnd`, the white space after it skipped. */
function matched(line: string, from: number, lineStart: number, coreEnd: number, style: NumberingStyle, ordinal: number, separator: string): NumberingMatch {
  return {
    numbering: {
      text: line.slice(from, coreEnd),
      range: { start: lineStart + from, end: lineStart + coreEnd },
      style,
      ordinal,
      separator,
    },
    restStart: skipWhiteSpace(line, coreEnd),
  };
}
