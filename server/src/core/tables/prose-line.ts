// A line of prose in a table's region: the region runs from the table's anchor to the next heading, and a report
// often goes on after its table with a paragraph that states the table's figures in words (本年度办结率100%，按期答复
// 率100%。). Read as cells, its figures joined the table's (a row read "with 3 numbers", a table read "run together"
// or "figures apart from their rows", its real errors no longer checked). The table ends before it.

import { isWhiteSpaceCode } from '../text/normalize';

// What ends a sentence. A table's cell does not end with one (its labels are names, its notes stand in brackets).
const SENTENCE_ENDS = '。！？!?';
// What may follow the end of a sentence: closing quotes and brackets (……办结。” / ……办结。）).
const CLOSERS = '”’」』）)】';
// What parts a sentence's clauses. A template label has some only inside its brackets (（区分处理的，只计这一情形，
// 不计其他情形）, （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）).
const CLAUSE_MARKS = '，；;';
const OPENING = '（(【[';
const CLOSING = '）)】]';
// Shorter than this a line is a cell, whatever its punctuation (无。, 同上。).
const MIN_SENTENCE = 12;
// A figure inside words with the unit or percent prose gives it (公开率100%，予以公开2件，), not a row's figures
// standing apart from their label.
const FIGURE_IN_WORDS = /[\u4e00-\u9fff][0-9０-９]+(?:[.．][0-9０-９]+)?\s?(?:%|％|件|个|条|次|人|项|万)/;

/**
 * A sentence of prose, not a row or cell of a table: a line with no tab or pipe (those part a row's cells), long,
 * whose clauses are parted by ， or ； outside brackets, and which ends as a sentence does or holds figures inside its
 * words (a sentence wrapped over lines ends on a later one).
 */
export function isProseLine(text: string): boolean {
  // The text trimmed, as bounds: every line of every table region comes here, most of them short cells.
  let a = 0;
  let b = text.length;
  while (a < b && isWhiteSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isWhiteSpaceCode(text.charCodeAt(b - 1))) b--;
  if (b - a < MIN_SENTENCE || text.includes('|')) return false;
  const tab = text.indexOf('\t', a);
  if (tab >= 0 && tab < b) return false;
  if (!clauseMarkOutsideBrackets(text, a, b)) return false;
  // FIGURE_IN_WORDS starts and ends on no white space: the same on the line as on the line trimmed.
  return endsAsSentence(text, a, b) || FIGURE_IN_WORDS.test(text);
}

/** Whether a clause mark (，；) stands outside every bracket of text[a, b): read by char code, once. */
function clauseMarkOutsideBrackets(text: string, a: number, b: number): boolean {
  let depth = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (holdsCode(OPENING, c)) depth++;
    else if (holdsCode(CLOSING, c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && holdsCode(CLAUSE_MARKS, c)) return true;
  }
  return false;
}

/** Whether text[a, b) (no white space at either end) ends as a sentence, closing quotes and brackets after its mark. */
function endsAsSentence(text: string, a: number, b: number): boolean {
  let i = b - 1;
  while (i > a && holdsCode(CLOSERS, text.charCodeAt(i))) i--;
  return holdsCode(SENTENCE_ENDS, text.charCodeAt(i));
}

/** Whether `chars` holds the character of code `c`: a set of a few marks read without a string made of `c`. */
function holdsCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/**
 * Where a table's lines end: before the first line of prose after its first line (the anchor). A line of prose
 * between a table's rows ends it too: what follows a paragraph is read as the part's text, not as the table's.
 */
export function proseAfterTable(texts: (i: number) => string, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const text = texts(i);
    if (isProseLine(text) || opensAnotherTable(text)) return i;
  }
  return to;
}

/**
 * A line that introduces or names a table of the report's own after the template's (`重点领域信息公开情况如下：`,
 * `重点领域信息公开统计表`): its rows were read as the template table's, each "not in the template". Short, no cell
 * marks, every bracket closed (a header note wrapped at its colon, `（本列数据的勾稽关系为：`, is the table's).
 */
function opensAnotherTable(text: string): boolean {
  // Both expressions end the text: a line that ends otherwise is no such line, told without a copy.
  let end = text.length;
  while (end > 0 && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  if (!holdsCode(ENDS_OF_INTRODUCTIONS, text.charCodeAt(end - 1))) return false;
  return opensAnotherTableWhole(text);
}

/** opensAnotherTable read whole, without its prefilter (exported as the specification the prefilter is tested against). */
export function opensAnotherTableWhole(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 6 || trimmed.length > 40 || trimmed.includes('\t') || trimmed.includes('|')) return false;
  if (!INTRODUCES.test(trimmed) && !CAPTION.test(trimmed)) return false;
  let depth = 0;
  for (const c of trimmed) depth += OPENING.includes(c) ? 1 : CLOSING.includes(c) ? -1 : 0;
  return depth === 0;
}

const INTRODUCES = /[\u4e00-\u9fff]{4}[：:]$/;
const CAPTION = /[\u4e00-\u9fff]{2}(?:统计|情况|一览|汇总|明细)表$/;
// The last characters INTRODUCES and CAPTION allow.
const ENDS_OF_INTRODUCTIONS = '：:表';
