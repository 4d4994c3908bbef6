// A report whose writer left the 0s empty, saved as a web page by LibreOffice
// and dumped to text by a text browser (w3m, elinks, links: Debian packages,
// run here at test time): the browser lays 表三 out in columns of spaces, where
// an empty cell leaves no mark. Read by its figures' order, a row with an empty
// 自然人 "lost a cell in export" and its figures went one column left; read by
// the header's columns (tables/header-columns.ts), each figure is the column it
// stands under and the empty ones are blanks (ROBUSTNESS 204). 表四 likewise: its
// header's lines hold words and no figures, so the table read as one cell a line
// had 2 figures of 15; read by its header's two levels of columns (ROBUSTNESS 209).
// Run: node --import tsx --test test/unit/parse/column-dump-blanks.test.ts

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { converted, SOFFICE } from '../../corpus/libreoffice';
import { textBrowserDump } from '../../corpus/render';
import { table3RowsFor } from '../../../server/src/core/template';
import type { ReportData } from '../../helpers/build-report';
import { typedAsFresh } from '../../helpers/typed-as-fresh';
import { wordReport } from '../../helpers/word-report';
import { BLANK_T4, blankZerosReport } from '../../helpers/blank-zeros';

const data = blankZerosReport;

// The command each browser is run as (scripts/setup-tools.sh installs its Debian package).
const BROWSERS = { w3m: 'w3m', elinks: 'elinks', links: 'links2' } as const;

/** Why the test cannot run here: a tool it needs is not installed; false when all are. */
function missing(command: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  return found ? false : `${command} is not installed (scripts/setup-tools.sh installs it)`;
}

const dump = (d: ReportData, browser: keyof typeof BROWSERS): string => textBrowserDump(new TextDecoder().decode(converted(wordReport(d), 'html')), browser);

describe('a text browser\'s dump of a report with its 0s left empty: 表三 read by its header\'s columns', () => {
  for (const browser of Object.keys(BROWSERS) as (keyof typeof BROWSERS)[]) {
    const skip = missing(BROWSERS[browser]) || missing(SOFFICE);
    test(`${browser}: the rows with an empty 自然人 are read whole, no cell lost`, { skip }, () => {
      const doc = parseDocument(dump(data(3), browser));
      const t3 = doc.report.tables.t3;
      assert.ok(t3);
      const row = (id: string) => t3.rows.find((r) => r.id === id)!;
      assert.deepEqual(row('public').cells.map((c) => c.value ?? null), [null, 2, null, null, 1, null, 3]);
      assert.deepEqual(row('new').cells.map((c) => c.value ?? null), [null, 3, null, null, 1, null, 4]);
      for (const id of ['new', 'carried', 'public', 'partial', 'unable.1', 'total']) {
        assert.equal(row(id).alignment, 'exact', id);
        assert.ok(row(id).cells.every((c) => c.certain), id);
      }
      // No row of figures "lost a cell in export".
      assert.deepEqual(t3.problems.filter((p) => p.kind === 'row-cells' || p.kind === 'row-inferred'), []);
      assert.deepEqual(check(doc).filter((f) => f.code.startsWith('sum.')), []);
    });
    test(`${browser}: a wrong total beside the empty cells is said at its cell`, { skip }, () => {
      const sums = check(parseDocument(dump(data(4), browser))).filter((f) => f.code.startsWith('sum.'));
      assert.equal(sums.length, 1, sums.map((f) => f.message).join('\n'));
      assert.match(sums[0]!.message, /4 应为 3/);
    });
  }
});

describe('typing into a text browser\'s dump placed by its header', () => {
  const skip = missing('w3m') || missing(SOFFICE);
  test('a figure retyped longer, shorter and back: each step as a fresh parse', { skip }, () => {
    const text = dump(data(3), 'w3m');
    // （一）予以公开's 商业企业 2, the first figure after its label.
    const row = text.indexOf('（一）予以公开');
    const at = text.indexOf('2', row);
    typedAsFresh(parseDocument(text), [
      [at, at + 1, '12'],
      [at, at + 2, '3'],
      [at, at + 1, '2'],
    ]);
  });
});

// 表四 with no 行政复议 and 未经复议直接起诉's 结果维持 written `upheld` (1 is right; its 总计 is 1). A total written over
// its parts could be mended by a blank (never known to be 0), so the typo planted is a part over its total.
const withT4Upheld = (upheld: number): ReportData => {
  const t4 = [...BLANK_T4];
  t4[5] = upheld;
  return { ...data(3), t4 };
};

describe('a text browser\'s dump of a report with its 0s left empty: 表四 read by its header\'s columns', () => {
  for (const browser of Object.keys(BROWSERS) as (keyof typeof BROWSERS)[]) {
    const skip = missing(BROWSERS[browser]) || missing(SOFFICE);
    test(`${browser}: 行政复议 and 复议后起诉 empty, each figure in its column`, { skip }, () => {
      const doc = parseDocument(dump(data(3), browser));
      const t4 = doc.report.tables.t4;
      assert.ok(t4);
      assert.deepEqual(t4.cells.map((c) => c.value ?? null), BLANK_T4.map((v) => (v === '' ? null : v)));
      assert.ok(t4.certain);
      assert.deepEqual(t4.problems, []);
      assert.deepEqual(check(doc).filter((f) => f.code !== 'cell.blank'), []);
    });
    test(`${browser}: a 结果维持 of 未经复议直接起诉 over its 总计 is said`, { skip }, () => {
      const doc = parseDocument(dump(withT4Upheld(3), browser));
      const sums = check(doc).filter((f) => f.code.startsWith('sum.'));
      assert.equal(sums.length, 1, sums.map((f) => f.message).join('\n'));
      assert.match(sums[0]!.message, /已填各项之和 3，已超过总计 1：表四“行政诉讼（未经复议直接起诉）”/);
      assert.deepEqual(doc.report.tables.t4!.problems, []);
    });
  }
  const skip = missing('w3m') || missing(SOFFICE);
  test('w3m: typing into 表四\'s figures, each step as a fresh parse', { skip }, () => {
    const text = dump(data(3), 'w3m');
    const header = text.indexOf('复议后起诉');
    // 未经复议直接起诉's 结果维持 1, the first figure after the header.
    const at = text.indexOf('1', header);
    typedAsFresh(parseDocument(text), [
      [at, at + 1, '12'],
      [at, at + 2, ''],
      [at, at, '1'],
    ]);
  });
});

// A city's figures (three-digit totals), its 0s left empty: elinks narrows 表三's label column so that （六）1's label
// wraps past its figures, its rest on the next line beside the group's label (`1.申请人无正当理由逾期不补正、行  1  1  2` /
// `（六）  政机关不再处理其政府信息公开申请`), which was read as the next row's label: "无法对应到模板" (ROBUSTNESS 209).
// `other1Total`: （六）1's 总计 (2 is right).
const CITY_T3: readonly (readonly number[])[] = [
  [401, 125, 5, 6, 52, 22, 611], [0, 0, 0, 0, 0, 0, 0], [238, 58, 2, 2, 27, 14, 341], [92, 23, 0, 0, 7, 3, 125],
  [1, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 1], [2, 1, 0, 0, 0, 1, 4], [0, 0, 0, 0, 0, 0, 0],
  [15, 2, 0, 0, 1, 1, 19], [2, 0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 0, 0], [38, 0, 3, 2, 12, 1, 56], [2, 7, 0, 0, 2, 1, 12],
  [0, 0, 0, 0, 0, 0, 0], [0, 2, 0, 1, 1, 1, 5], [2, 3, 0, 1, 1, 0, 7], [2, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1],
  [2, 0, 0, 0, 0, 0, 2], [1, 1, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 0, 2], [0, 28, 0, 0, 1, 0, 29], [401, 125, 5, 6, 52, 22, 611],
  [0, 0, 0, 0, 0, 0, 0],
];
const blankZero = (v: number): number | string => (v === 0 ? '' : v);
const cityReport = (other1Total: number): ReportData => {
  const t3 = Object.fromEntries(table3RowsFor(false).map((r, k) => [r.id, CITY_T3[k]!.map(blankZero)]));
  t3['other.1']![6] = other1Total;
  return { agency: '某某市人民政府', year: 2024, t3, t4: [0, 0, 0, 0, 0, 3, 2, 0, 2, 7, 2, 1, 1, 2, 6].map(blankZero) };
};

describe('elinks: a row\'s label wrapped past its figures, its rest beside the group\'s label', () => {
  const skip = missing('elinks') || missing(SOFFICE);
  test('（六）1 read whole, with its figures, and no row unknown or missing', { skip }, () => {
    const text = dump(cityReport(2), 'elinks');
    // The dump as the defect has it: the label's rest on the line after its figures.
    assert.match(text, /1\.申请人无正当理由逾期不补正、行\s+1\s+1\s+2\n\s*（六）\s+政机关不再处理/);
    const doc = parseDocument(text);
    const t3 = doc.report.tables.t3!;
    const row = t3.rows.find((r) => r.id === 'other.1')!;
    assert.deepEqual(row.cells.map((c) => c.value ?? null), [1, 1, null, null, null, null, 2]);
    assert.deepEqual(t3.problems, []);
    assert.deepEqual(check(doc).filter((f) => f.code !== 'cell.blank'), []);
  });
  test('a wrong 总计 of （六）1 is said at its cell', { skip }, () => {
    const sums = check(parseDocument(dump(cityReport(3), 'elinks'))).filter((f) => f.code.startsWith('sum.'));
    assert.equal(sums.length, 1, sums.map((f) => f.message).join('\n'));
    assert.match(sums[0]!.message, /3 应为 2/);
  });
  test('typing into the row and its label\'s rest: each step as a fresh parse', { skip }, () => {
    const text = dump(cityReport(2), 'elinks');
    const label = text.indexOf('1.申请人无正当理由逾期不补正');
    const total = text.indexOf('2', text.indexOf('1', text.indexOf('1', label + 2) + 1) + 1);
    const rest = text.indexOf('政机关不再处理其政府信息公开申请');
    typedAsFresh(parseDocument(text), [
      [total, total + 1, '12'],
      [total, total + 2, '2'],
      [rest, rest + 1, ''],
      [rest, rest, '政'],
    ]);
  });
});
