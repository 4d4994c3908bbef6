// Where a part's title ends on a page flattened to one line (flattened.ts), where nothing but its words can
// tell: a crawler runs a heading into the text after it (`一、基本情况2022年，我局…`), or keeps the block's end as a
// space. Titles end with a few words (情况, 概况, 打算, 事项…), or at a space, a figure, a bracket or punctuation.

/** Words a part's title ends with, as writers word them (基本情况, 工作概况, 问题与打算, 其他). */
const TITLE_FINAL = /情况|概况|概述|措施|打算|计划|安排|事项|其他|不足|问题|建议|思路/g;
/** Words that join two halves of a title (问题及改进措施): the title goes on to the next final word. */
const TITLE_JOIN = new Set(Array.from('及和与、并'));
const TITLE_FINAL_AT = new RegExp(TITLE_FINAL.source, 'y');
/** What ends a title that runs into the text after it. */
const TITLE_BOUND = /[\s\d０-９（(【\[。，,；;：:！？]/;
/** The longest title looked for after a part's numbering (as a heading line's, headings.ts). */
const MAX_NUMERAL_TITLE = 24;
/** A title with no final word, ended by a figure or a bracket, at most this long (一、工作回顾2023年…). */
const MAX_PLAIN_TITLE = 12;

/**
 * Where the title after a part's numbering ends on a flattened line, or undefined when it cannot be told: at a
 * space, a figure, a bracket or punctuation within MAX_NUMERAL_TITLE characters, and before that at the first word
 * a title ends with, unless a joining word follows it (基本情况 in 基本情况我局…; 问题及改进措施 whole).
 */
export function numeralTitleEnd(line: string, from: number): number | undefined {
  const limit = Math.min(line.length, from + MAX_NUMERAL_TITLE);
  let bound = from;
  while (bound < limit && !TITLE_BOUND.test(line.charAt(bound))) bound++;
  const closed = bound < limit || bound === line.length;
  const end = finalWordEnd(line, from, bound);
  if (end !== undefined) return end;
  if (!closed || bound === from) return undefined;
  // No final word: a short title a space ends, or a figure or bracket.
  return bound - from <= MAX_PLAIN_TITLE ? bound : undefined;
}

/**
 * The end of line[from…to)'s first word a title ends with that no joining word or other such word follows
 * (基本情况 in 基本情况我局…; 问题及改进措施 and 其他情况 whole), or undefined.
 */
export function finalWordEnd(line: string, from: number, to: number): number | undefined {
  const candidate = line.slice(from, to);
  TITLE_FINAL.lastIndex = 0;
  for (let m = TITLE_FINAL.exec(candidate); m; m = TITLE_FINAL.exec(candidate)) {
    const end = m.index + m[0].length;
    if (!TITLE_JOIN.has(candidate.charAt(end)) && !startsFinalWord(candidate, end)) return from + end;
  }
  return undefined;
}

function startsFinalWord(text: string, at: number): boolean {
  TITLE_FINAL_AT.lastIndex = at;
  return TITLE_FINAL_AT.test(text);
}


/**
 * A title goes on past its best match to the word it ends with where the line shows it going on: a joining word
 * (存在的主要问题及 is the start of 存在的主要问题及下一步工作打算), the word itself (存在的问题和改进 goes on to
 * 措施), or a space, figure or bracket right after that word (其他 in 六、其他情况 2023年…). The rest had read as
 * the part's first words.
 */
export function continuedTitleEnd(line: string, from: number, end: number): number {
  const longer = numeralTitleEnd(line, from);
  if (longer === undefined || longer <= end) return end;
  const joined = TITLE_JOIN.has(line.charAt(end - 1)) || TITLE_JOIN.has(line.charAt(end)) || startsFinalWord(line, end);
  return joined || longer === line.length || TITLE_BOUND.test(line.charAt(longer)) ? longer : end;
}
