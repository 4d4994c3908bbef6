// The prose rules read text by char code and skip memo lookups that cost more
// than the work (issue 14's cold check). These tests hold the fast forms to the
// plain ones they replaced: the string-based scanner and bounds (written out
// here as the reference), the /\s/ class, a line's sentence end, and findings with cold caches against
// findings with warm ones, over the seeds, the shared corpus, the crawled pages
// and fuzzed paragraphs.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyseLine } from '../../../server/src/core/parse/line-info';
import { check, clearCaches, parseDocument } from '../../../server/src/core/service';
import { isWhiteSpaceCode, toHalfWidth } from '../../../server/src/core/text/normalize';
import {
  clauseEnd,
  clauseStart,
  isSentenceEnd,
  isSentenceEndAt,
  proseParagraphs,
  readProse,
  scanProseNumbers,
  sentenceEnd,
  sentenceStart,
  type ProseNumber,
} from '../../../server/src/core/text/prose-numbers';
import { fixtureFiles, sharedDir } from '../../helpers/fixtures';

const texts = (): { name: string; text: string }[] => [
  ...fixtureFiles().map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') })),
  ...readdirSync(sharedDir('crawled'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `crawled/${f}`, text: readFileSync(path.join(sharedDir('crawled'), f), 'utf8') })),
];

// ---------------------------------------------------------------- the reference: the scanner as it read strings

const R_UNITS = ['人次', '篇次', '件次', '批次', '场次', '条次', '户次', '个', '条', '件', '宗', '次', '篇', '项', '期', '场', '份', '家', '人', '名', '起', '例', '批', '封', '所', '户', '元', '部'];
const R_NOT_A_COUNT_AFTER: Readonly<Record<string, readonly string[]>> = {
  个: ['工作日', '自然日', '月', '小时', '百分点', '季度', '星期', '年', '日', '周'],
  人: ['民'],
  元: ['素'],
  部: ['门', '委', '署', '分', '位', '级', '长', '队', '室', '局', '厅', '办'],
};
const rDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const rLetter = (c: string | undefined) => c !== undefined && /[a-z]/i.test(c);
const rJoiner = (c: string | undefined) => c !== undefined && '-/:@_.#'.includes(c);
const rSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';

function referenceNumbers(raw: string): ProseNumber[] {
  const s = toHalfWidth(raw);
  const found: ProseNumber[] = [];
  const group = (at: number) => rDigit(s[at]) && rDigit(s[at + 1]) && rDigit(s[at + 2]) && !rDigit(s[at + 3]);
  const digitsFrom = (from: number, groups: boolean) => {
    let j = from;
    while (rDigit(s[j])) j++;
    if (!groups || j - from > 3) return j;
    const lead = j;
    while (s[j] === ',' && group(j + 1)) j += 4;
    if (j === lead) while (' \u00a0\u2009\u202f'.includes(s[j] ?? 'x') && group(j + 1)) j += 4;
    return j;
  };
  let i = 0;
  while (i < s.length) {
    if (!rDigit(s[i])) { i++; continue; }
    const start = i;
    let j = digitsFrom(i, true);
    let decimals = 0;
    if (s[j] === '.' && rDigit(s[j + 1])) {
      const k = digitsFrom(j + 1, false);
      decimals = k - j - 1;
      j = k;
    }
    // A colon after words opens what they announce ("如下：6件"); after a digit or a letter it joins (10:30).
    const colonAfterWords = s[start - 1] === ':' && !(rDigit(s[start - 2]) || rLetter(s[start - 2]) || rJoiner(s[start - 2]));
    if (rLetter(s[start - 1]) || (rJoiner(s[start - 1]) && !colonAfterWords) || rLetter(s[j]) || rJoiner(s[j])) {
      while (j < s.length && (rDigit(s[j]) || rLetter(s[j]) || rJoiner(s[j]))) j++;
      i = j;
      continue;
    }
    let value = Number(s.slice(start, j).replace(/[,\s]/g, ''));
    let lead = start;
    while (lead > 0 && rSpace(s[lead - 1])) lead--;
    const roughBefore = ['约', '近', '超过', '逾', '将近', '大约'].some((w) => s.endsWith(w, lead));
    const roughBelow = ['约', '近'].some((w) => s.endsWith(w, lead));
    let multiplier = 1;
    let plus = false;
    let k = j;
    let end = j;
    let spaces = 0;
    for (let steps = 0; steps < 4 && k < s.length; steps++) {
      const c = s[k]!;
      if (rSpace(c) && spaces < 2) { spaces++; k++; continue; }
      if ((c === '万' || c === '亿') && multiplier === 1) multiplier = c === '万' ? 1e4 : 1e8;
      else if ((c === '余' || c === '多') && !plus) plus = true;
      else break;
      k++;
      end = k;
    }
    let unit: string | undefined;
    if (!s.endsWith('第', lead)) {
      unit = s[k] === '%' ? '%' : R_UNITS.find((u) => s.startsWith(u, k));
      if (unit && R_NOT_A_COUNT_AFTER[unit]?.some((w) => s.startsWith(w, k + unit!.length))) unit = undefined;
    }
    value = multiplier === 1 ? value : Math.round(value * multiplier * 1e6) / 1e6;
    found.push({ value, start, end, unit, unitEnd: unit ? k + unit.length : end, approximate: roughBefore || plus, roughBelow, multiplier, decimals, written: s.slice(start, end).replace(/\s/g, '') });
    i = j;
  }
  return found;
}

const SENTENCE_ENDS = '。！？!?\n';
const CLAUSE_ENDS = '。！？!?\n，,；;：:（()）';
const referenceBounds = (text: string, index: number): number[] => {
  let a = index;
  while (a > Math.max(0, index - 300) && !SENTENCE_ENDS.includes(text[a - 1] ?? '\u0000')) a--;
  let b = index;
  while (b < Math.min(text.length, index + 300) && !SENTENCE_ENDS.includes(text[b]!)) b++;
  let c = index;
  while (c > Math.max(0, index - 80) && !CLAUSE_ENDS.includes(text[c - 1] ?? '\u0000')) c--;
  let d = index;
  while (d > Math.max(0, index - 80) && !CLAUSE_ENDS.includes(text[d - 1] ?? '\u0000') && !'、'.includes(text[d - 1] ?? '\u0000')) d--;
  let e = index;
  while (e < Math.min(text.length, index + 80) && !CLAUSE_ENDS.includes(text[e]!)) e++;
  return [a, Math.min(text.length, b + 1), c, d, e];
};
const bounds = (text: string, index: number): number[] => [sentenceStart(text, index), sentenceEnd(text, index), clauseStart(text, index), clauseStart(text, index, '、'), clauseEnd(text, index)];

// ---------------------------------------------------------------- fuzzed prose

const WORDS = ['1 234', '1\u00a0234', '12 3456', '收到', '申请', '其中', '包括', '主要有', '等', '共', '约', '近', '超过', '余', '多', '万', '亿', '第', '件', '条', '个', '个月', '人', '人次', '部门', '%', '％', '，', '。', '、', '；', '：', '（', '）', '(', ')', '！', '\n', ' ', '\u00a0', '\u3000', '-', '/', '.', ',', 'a', 'Z', '１２', '３', '0', '7', '12', '1,234', '4.5', '05', '2023年', '12345678901234567'];

function fuzzed(count: number): string[] {
  let seed = 20260101;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  return Array.from({ length: count }, () => {
    let s = '';
    for (let n = 2 + Math.floor(rnd() * 40); n > 0; n--) s += rnd() < 0.35 ? String(Math.floor(rnd() * 3000)) : WORDS[Math.floor(rnd() * WORDS.length)]!;
    return s;
  });
}

describe('prose scanning by char code', () => {
  test('isWhiteSpaceCode is /\\s/ and isSentenceEndAt is isSentenceEnd, for every UTF-16 code', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isWhiteSpaceCode(c), /\s/.test(ch), `U+${c.toString(16)}`);
      assert.equal(isSentenceEndAt(ch, 0), isSentenceEnd(ch), `U+${c.toString(16)}`);
    }
    assert.equal(isSentenceEndAt('。', 1), false);
    assert.equal(isSentenceEndAt('。', -1), false);
  });

  test('numbers, sentence and clause bounds: as the string-based reference reads them, on real and fuzzed prose', () => {
    const paragraphs = texts().flatMap(({ text }) => proseParagraphs(parseDocument(text).report).map((p) => p.paragraph.text));
    assert.ok(paragraphs.length > 100, 'the fixtures give prose to compare');
    let numbers = 0;
    for (const p of [...paragraphs, ...fuzzed(3000)]) {
      const expected = referenceNumbers(p);
      numbers += expected.length;
      assert.deepEqual(scanProseNumbers(p), expected, p);
      assert.equal(readProse(p).text, toHalfWidth(p));
      for (const index of [0, 1, p.length >> 1, p.length - 1, p.length, p.length + 3]) assert.deepEqual(bounds(p, index), referenceBounds(p, index), `${p} @${index}`);
    }
    assert.ok(numbers > 1000, 'the texts hold numbers to compare');
  });

  test('a line ends a sentence as /[。！？!?：:；;]\\s*$/ says', () => {
    const lines = [...texts().flatMap(({ text }) => text.split('\n')), ...fuzzed(2000), '', ' ', '。', '。 \u3000', '：\t', 'a。b', '；\u2028'];
    for (const line of lines) assert.equal(analyseLine(line).endsSentence, /[。！？!?：:；;]\s*$/.test(line), JSON.stringify(line));
  });
});

describe('findings do not depend on the caches', () => {
  test('cold (caches cleared) and warm (after every other text) give the same findings', () => {
    const all = texts();
    const cold = all.map(({ text }) => {
      clearCaches();
      return JSON.stringify(check(parseDocument(text)));
    });
    all.forEach(({ text }) => check(parseDocument(text)));
    all.forEach(({ name, text }, k) => assert.equal(JSON.stringify(check(parseDocument(text))), cold[k], name));
  });
});
