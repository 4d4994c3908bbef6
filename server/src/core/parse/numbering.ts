// The numbering at the start of a heading or sub-item: 一、 一 、 一. 1、 6.
// （一） (一) （1） (1), and 第一部分.

import type { Numbering, NumberingStyle } from '../model';
import { chineseNumeralValue, isWhiteSpaceCode } from '../text/normalize';

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
  if (!NUMBERING_FIRST.has(line.charCodeAt(from))) return undefined;
  const text = line.slice(from);
  for (const { style, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const digits = m[1]!;
    const ordinal = style === 'arabic' || style === 'paren-arabic'
      ? Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
      : chineseNumeralValue(digits);
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

