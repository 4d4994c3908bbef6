// The order of a table's columns as its header writes it. Reports copy the template's header, but some put 表三's
// 总计 second (自然人 | 总计 | 法人或其他组织), 表四's 总计 first in each group, or 复议后起诉 before 未经复议直接起诉;
// read by position, such a table's figures land in the wrong columns and every sum looks wrong.
//
// The header's column words are read in order, row by row where the layout parts rows (a PDF's line, a grid's row:
// a cell spanning several rows may stand on any of them, so only words on the same row are compared), else over the
// whole header. Only a clear sign counts as another order (总计 before 自然人, 复议后起诉 before 未经复议直接起诉…); a
// header mangled or missing reads as the template's, as before. Where the columns' order is read whole and the layout
// parts cells clearly, the figures are read by it (`order`); else the table's cells are uncertain.

import type { Range, TableLayout } from '../model';
import type { StreamCell } from './cells';

/**
 * What the header says of the columns: the template's order, or another one (`order[i]`: the template column of the
 * i-th column as written; undefined where it cannot be read whole). `parted`: the layout parts the header's cells, so
 * the order is the report's; elsewhere it may be the text's (pdftotext writes a merged header cell, 自然人 or 总计,
 * among the others in any order), and the finding says so.
 */
export type ColumnOrder = { reordered: false } | { reordered: true; order: readonly number[] | undefined; range: Range; parted: boolean };

const TEMPLATE: ColumnOrder = { reordered: false };

// Layouts whose header cells are parted clearly (a cell never wraps into the next one's words): their columns can be
// read by the header. One cell a paragraph, a PDF's rows and a flattened page only say that the order is not the template's.
const PARTED: ReadonlySet<TableLayout> = new Set(['tab-grid', 'pipe', 'cell-per-line', 'box', 'html']);
// Layouts with no row breaks in their header: the header's words are compared over the whole header.
const UNROWED: ReadonlySet<TableLayout> = new Set(['cell-per-paragraph', 'cell-lines', 'run-together']);

/** A column word: its pattern (a regular expression's source, with no capturing group) and its id. */
type Pattern = readonly [string, string];

/**
 * A table's column words as one scan: a global expression with one capturing group a word, in the patterns' order.
 * At each place the first word whose pattern matches there is taken, as trying the patterns in turn would; the scan
 * runs in the regular expression engine, not one `exec` a word and a character.
 */
interface ColumnWords {
  readonly scan: RegExp;
  readonly ids: readonly string[];
}

function columnWords(patterns: readonly Pattern[]): ColumnWords {
  return { scan: new RegExp(patterns.map(([source]) => `(${source})`).join('|'), 'g'), ids: patterns.map(([, id]) => id) };
}

/** Pushes onto `out` the column words of a header's text in their order, as ids. */
function pushTokens(text: string, words: ColumnWords, out: string[]): void {
  const { scan, ids } = words;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    out.push(ids[group - 1]!);
  }
}

/** The header's units (its rows, or the whole header), each the ids of its column words in order. */
function headerUnits(header: readonly StreamCell[], layout: TableLayout, words: ColumnWords): string[][] {
  const units: string[][] = [];
  let current: string[] | undefined;
  const rowed = !UNROWED.has(layout);
  for (const c of header) {
    // A row starts at its first cell, empty or not.
    if (!current || (c.rowStart && rowed)) {
      current = [];
      units.push(current);
    }
    // The column words are all ideographs: full-width ASCII (toHalfWidth) changes none of them; spaces inside a word
    // (自 然 人) are left out, the ideographic one included (\s matches it).
    if (c.kind === 'text') pushTokens(c.text.replace(/\s/g, ''), words, current);
  }
  return units.filter((u) => u.length > 0);
}

function headerRange(header: readonly StreamCell[]): Range {
  return { start: header[0]!.range.start, end: header[header.length - 1]!.range.end };
}

/** A table's column words, when a unit of its header stands in another order, and the columns' order read whole. */
interface HeaderReading {
  readonly words: ColumnWords;
  readonly reordered: (unit: readonly string[]) => boolean;
  readonly columns: (units: readonly string[][]) => number[] | undefined;
}

function headerOrder(header: readonly StreamCell[], layout: TableLayout, reading: HeaderReading): ColumnOrder {
  if (header.length === 0) return TEMPLATE;
  const units = headerUnits(header, layout, reading.words);
  if (!units.some(reading.reordered)) return TEMPLATE;
  const parted = PARTED.has(layout);
  return { reordered: true, order: parted ? reading.columns(units) : undefined, range: headerRange(header), parted };
}

// 表三: 自然人, the five 法人 columns (under 法人或其他组织) and 总计. 其他 followed by 组织 is a piece of the group's name.
const T3_WORDS = columnWords([
  ['法人(?:或其他组织|或其他|或)?', 'L'],
  ['自然人', '0'],
  ['商业企业', '1'],
  ['科研机构', '2'],
  ['社会公益(?:组织)?', '3'],
  ['法律服务(?:机构)?', '4'],
  ['其他(?!组织)', '5'],
  ['总计', '6'],
]);
const T3_WIDTH = 7;
const T3_PARTS = ['1', '2', '3', '4', '5'];

/** 表三's header (its cells before the first row's label) and what it says of the columns' order. */
export function table3Order(header: readonly StreamCell[], layout: TableLayout): ColumnOrder {
  return headerOrder(header, layout, { words: T3_WORDS, reordered: t3Reordered, columns: t3Columns });
}

/** A unit whose words clearly stand in another order than the template's. One walk over its ids, by their first places. */
function t3Reordered(unit: readonly string[]): boolean {
  let total = -1;
  let natural = -1;
  let group = -1;
  let firstPart = Infinity;
  // The five 法人 columns among themselves: each written once (none seen twice), and one before a column left of it.
  let seenParts = 0;
  let repeated = false;
  let descending = false;
  let lastPart = '';
  for (let k = 0; k < unit.length; k++) {
    const id = unit[k]!;
    if (id === '6') {
      if (total < 0) total = k;
    } else if (id === '0') {
      if (natural < 0) natural = k;
    } else if (id === 'L') {
      if (group < 0) group = k;
    } else {
      // '1' to '5': a 法人 column.
      if (firstPart === Infinity) firstPart = k;
      const bit = 1 << Number(id);
      if (seenParts & bit) repeated = true;
      seenParts |= bit;
      if (lastPart !== '' && id < lastPart) descending = true;
      lastPart = id;
    }
  }
  if (total >= 0 && natural > total) return true;
  if (total >= 0 && group > total) return true;
  if (total >= 0 && group < 0 && firstPart > total && firstPart !== Infinity) return true;
  if (natural >= 0 && ((group >= 0 && group < natural) || firstPart < natural)) return true;
  return !repeated && descending;
}

/** The columns' order read whole from the header, or undefined. */
function t3Columns(units: readonly string[][]): number[] | undefined {
  const top = units.find((u) => u.includes('6') && u.includes('0'));
  if (!top) return undefined;
  const fiveUnit = units.find((u) => u !== top && u.length === 5 && T3_PARTS.every((p) => u.includes(p)));
  const order: number[] = [];
  for (const id of top) {
    if (id === 'L') {
      if (!fiveUnit) return undefined;
      order.push(...fiveUnit.map(Number));
    } else if (!T3_PARTS.includes(id) || !top.includes('L')) order.push(Number(id));
  }
  return isPermutation(order, T3_WIDTH) && !isIdentity(order) ? order : undefined;
}

// 表四: the five columns of a group, and the two groups of 行政诉讼.
const T4_WORDS = columnWords([
  ['结果维持', '0'],
  ['结果纠正', '1'],
  ['其他结果', '2'],
  ['尚未审结', '3'],
  ['总计', '4'],
  ['(?:未经复议)?直接起诉', 'D'],
  ['复议后起诉', 'A'],
]);
const T4_COLUMNS = 5;
const T4_COLUMN_IDS = ['0', '1', '2', '3', '4'];

/** 表四's header (its cells before its first figure) and what it says of the 15 columns' order. */
export function table4Order(header: readonly StreamCell[], layout: TableLayout): ColumnOrder {
  return headerOrder(header, layout, { words: T4_WORDS, reordered: t4Reordered, columns: t4Columns });
}

function t4Reordered(unit: readonly string[]): boolean {
  const direct = unit.indexOf('D');
  const after = unit.indexOf('A');
  if (direct >= 0 && after >= 0 && after < direct) return true;
  const columns = unit.filter((id) => T4_COLUMN_IDS.includes(id));
  // 总计 first in a group: the row's first column word, with 结果维持 after it.
  if (columns[0] === '4' && columns.includes('0')) return true;
  return !inGroupOrder(columns) && groupPermutation(columns) !== undefined;
}

/** Whether the column words are the template's five in order, once a group (the common header): no permutation to make. */
function inGroupOrder(columns: readonly string[]): boolean {
  if (columns.length === 0 || columns.length % T4_COLUMNS !== 0 || columns.length > 3 * T4_COLUMNS) return false;
  for (let k = 0; k < columns.length; k++) if (columns[k] !== T4_COLUMN_IDS[k % T4_COLUMNS]) return false;
  return true;
}

/** The order of a group's five columns where a unit writes one to three groups each in the same order, else undefined. */
function groupPermutation(columns: readonly string[]): number[] | undefined {
  if (columns.length === 0 || columns.length % T4_COLUMNS !== 0 || columns.length > 3 * T4_COLUMNS) return undefined;
  const first = columns.slice(0, T4_COLUMNS).map(Number);
  if (!isPermutation(first, T4_COLUMNS)) return undefined;
  for (let k = T4_COLUMNS; k < columns.length; k++) if (Number(columns[k]) !== first[k % T4_COLUMNS]) return undefined;
  return first;
}

function t4Columns(units: readonly string[][]): number[] | undefined {
  let group: number[] | undefined;
  for (const u of units) {
    const p = groupPermutation(u.filter((id) => T4_COLUMN_IDS.includes(id)));
    if (!p) continue;
    if (group && group.join() !== p.join()) return undefined;
    group = p;
  }
  if (!group) return undefined;
  const suits = units.find((u) => u.includes('D') && u.includes('A'));
  // 行政复议 first, then the two groups of 行政诉讼 in the header's order.
  const groups = suits && suits.indexOf('A') < suits.indexOf('D') ? [0, 2, 1] : [0, 1, 2];
  const order = groups.flatMap((g) => group!.map((c) => g * T4_COLUMNS + c));
  return isIdentity(order) ? undefined : order;
}

function isPermutation(order: readonly number[], n: number): boolean {
  return order.length === n && new Set(order).size === n && order.every((k) => k >= 0 && k < n);
}

function isIdentity(order: readonly number[]): boolean {
  return order.every((k, i) => k === i);
}

/** `values` (as written) put in the template's columns by `order`. */
export function inTemplateOrder<T>(values: readonly T[], order: readonly number[]): T[] {
  const out = values.slice();
  order.forEach((column, i) => {
    if (i < values.length) out[column] = values[i]!;
  });
  return out;
}
