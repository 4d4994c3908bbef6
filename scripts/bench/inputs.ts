// The texts the benchmark runs on: the fixtures, pathological inputs, and the
// bare pass every checker has to beat (split into lines, one regex per line).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateLargeReport } from './generate';

export interface NamedText {
  name: string;
  text: string;
}

function textsIn(dir: string): NamedText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

export function seeds(root: string): NamedText[] {
  return textsIn(path.join(root, 'test', 'fixtures', 'seeds'));
}

/** The shared corpus is not committed: it sits beside the clone, in ../shared/corpus. */
export function corpus(root: string): NamedText[] {
  const dir = path.resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(dir)) throw new Error(`${dir} 不存在 (missing): check the shared real reports out beside the repository, as ../shared`);
  return textsIn(dir);
}

/** Web pages as a crawler saved them (../shared/crawled): the body on one line, cells run together. */
export function crawled(root: string): NamedText[] {
  const dir = path.resolve(root, '..', 'shared', 'crawled');
  if (!existsSync(dir)) throw new Error(`${dir} 不存在 (missing): check the shared real reports out beside the repository, as ../shared`);
  return textsIn(dir);
}

/** A report as a crawler saves its page: a header line, then every line of the body on one line, tabs dropped. */
export function flattenedPage(report: string): string {
  const body = report.split('\n').map((l) => l.replace(/\t+/g, '')).filter((l) => l.trim() !== '').join(' ');
  return `标题: 某某局2022年政府信息公开工作年度报告\n==================== 正文 ====================\n${body}`;
}

// A heading-like line: 一、 二． 十二. at the start.
const HEADING_LIKE = /^\s*[一二三四五六七八九十]+\s*[、.．]/;

/** The floor: split into lines and test one regular expression per line. */
export function barePass(text: string): number {
  let headings = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (HEADING_LIKE.test(line)) headings++;
  return headings;
}

export interface Pathological {
  name: string;
  /** The input at about `size` units (characters or lines, see `unit`). */
  make(size: number): string;
  unit: 'chars' | 'lines';
  size: number;
}

const HEADING = '一、总体情况';
// A 表三 row as seed 001 writes it (tab-separated, leading label).
const TABLE_ROW = '(七) 总计\t\t32\t0\t0\t0\t0\t0\t32\t';

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

function lines(line: string, count: number): string {
  return Array.from({ length: count }, () => line).join('\n');
}

export const PATHOLOGICAL: readonly Pathological[] = [
  { name: 'a web page flattened to one line (the generated report, read through its rendition)', make: (n) => flattenedPage(generateLargeReport(n)), unit: 'chars', size: 1_000_000 },
  { name: "one line: '二、主动公开' repeated (numberings that could start a part)", make: (n) => repeatTo('二、主动公开', n), unit: 'chars', size: 1_000_000 },
  { name: `one line: '${HEADING}' repeated, no line break`, make: (n) => repeatTo(HEADING, n), unit: 'chars', size: 1_000_000 },
  { name: "one line: digits and tabs ('12\\t' repeated)", make: (n) => repeatTo('12\t', n), unit: 'chars', size: 1_000_000 },
  { name: `lines that each look like a heading ('${HEADING}')`, make: (n) => lines(HEADING, n), unit: 'lines', size: 200_000 },
  { name: `lines that each look like a 表三 row ('${TABLE_ROW.replace(/\t/g, '\\t')}')`, make: (n) => lines(TABLE_ROW, n), unit: 'lines', size: 200_000 },
];
