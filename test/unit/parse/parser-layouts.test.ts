// The same report rendered in each of the five layouts parses to the same
// model, and a valid report produces no diagnostic at all.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import type { TableLayout } from '../../../server/src/core/model';
import { ALL_LAYOUTS, buildReport, pipesAsConverted, validT3, validT4 } from '../../helpers/build-report';
import { readFixture } from '../../helpers/fixtures';
import { assertAllInside } from '../../helpers/invariants';

// Distinct values in every column so a shifted column cannot pass.
const t3 = {
  new: [10, 1, 2, 3, 4, 5, 25],
  carried: [1, 0, 0, 0, 0, 1, 2],
  public: [5, 1, 0, 0, 0, 0, 6],
  partial: [1, 0, 1, 0, 0, 0, 2],
  'deny.1': [1, 0, 0, 0, 0, 0, 1],
  'unable.1': [2, 0, 1, 3, 0, 0, 6],
  'refuse.2': [1, 0, 0, 0, 4, 0, 5],
  'other.3': [0, 0, 0, 0, 0, 5, 5],
  total: [10, 1, 2, 3, 4, 5, 25],
  forward: [1, 0, 0, 0, 0, 1, 2],
};
const t4 = [1, 2, 3, 4, 10, 0, 1, 0, 1, 2, 5, 0, 0, 0, 5];

const data = { t3, t4, t2: { rules: [1, 0, 3], normative: [2, 1, 9], fees: ['12.3456'] } };


describe('parser: every layout gives the same model', () => {
  const cases: [string, TableLayout, string][] = [
    ...ALL_LAYOUTS.map((layout): [string, TableLayout, string] => [layout, layout, buildReport({ layout, ...data })]),
    ['pipes as HTML-to-text tools write them (a | b |)', 'pipe', pipesAsConverted(buildReport({ layout: 'pipe', ...data }))],
  ];
  for (const [name, layout, text] of cases) {
    it(name, () => {
      const doc = parseDocument(text);
      const r = doc.report;
      assert.equal(r.layout, layout);
      assert.deepEqual(r.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
      assert.equal(r.title?.year, 2022);
      const t3m = r.tables.t3!;
      assert.equal(t3m.rows.length, 25, 'all 25 data rows of 表三 (21 outcome rows, 一, 二, （七）, 四)');
      for (const row of t3m.rows) {
        const expected = (t3 as Record<string, number[]>)[row.id] ?? [0, 0, 0, 0, 0, 0, 0];
        assert.deepEqual(row.cells.map((c) => c.value), expected, `row ${row.id}`);
        assert.equal(row.alignment, 'exact', `row ${row.id}`);
      }
      assert.deepEqual(r.tables.t4!.cells.map((c) => c.value), t4);
      const item1 = r.tables.t2!.blocks.find((b) => b.id === 'item1')!;
      assert.deepEqual(item1.rows.map((row) => row.cells.map((c) => c.value)), [[1, 0, 3], [2, 1, 9]]);
      const fees = r.tables.t2!.blocks.find((b) => b.id === 'item8')!.rows[0]!.cells[0]!;
      assert.equal(fees.value, 12.3456);
      assert.equal(fees.decimals, 4);
      // Every cell range holds exactly the cell's text.
      for (const row of t3m.rows) for (const c of row.cells) assert.equal(text.slice(c.range.start, c.range.end), c.text);
      assert.deepEqual(check(doc).map((f) => `${f.code}: ${f.message}`), []);
    });
  }

  it('pipes as HTML-to-text tools write them: a wrong total is one error, at its figure', () => {
    // （七）总计 under the page's merged 三、本年度办理结果: its first cell is empty.
    const text = pipesAsConverted(buildReport({ layout: 'pipe', t3: { ...validT3(), total: [4, 1, 0, 0, 0, 0, 6] } })).replace('\n（七）总计 |', '\n | （七）总计 |');
    assert.ok(text.includes('\n | （七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 6 |'));
    const errors = check(parseDocument(text)).filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), ['sum.row']);
    const line = text.slice(text.lastIndexOf('\n', errors[0]!.range.start) + 1, text.indexOf('\n', errors[0]!.range.start));
    assert.deepEqual([line.startsWith(' | （七）总计'), text.slice(errors[0]!.range.start, errors[0]!.range.end)], [true, '6']);
  });

  it('the default built report is valid', () => {
    assert.deepEqual(validT3().total, [4, 1, 0, 0, 0, 0, 5]);
    assert.equal(validT4().length, 15);
    assert.deepEqual(check(parseDocument(buildReport())).map((f) => f.code), []);
  });
});

describe('parser: traps', () => {
  it('表三 rows starting with 一、 二、 三、 四、 are not headings', () => {
    const r = parseDocument(buildReport()).report;
    assert.deepEqual(r.sections.map((s) => s.heading.title), ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项']);
  });

  it('full-width digits, thousands separators and stray spaces are numbers', () => {
    const text = buildReport({ t2: { licensing: ['１２３'], penalty: ['1,234'], coercion: [' 7 '] } });
    const block5 = parseDocument(text).report.tables.t2!.blocks;
    assert.equal(block5.find((b) => b.id === 'item5')!.rows[0]!.cells[0]!.value, 123);
    const item6 = block5.find((b) => b.id === 'item6')!;
    assert.deepEqual(item6.rows.map((r) => r.cells[0]!.value), [1234, 7]);
  });

  it('CRLF and CR line ends parse like LF, with ranges into the original text', () => {
    const lf = buildReport();
    for (const eol of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, eol);
      const doc = parseDocument(text);
      assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
      const total = doc.report.tables.t3!.rows.find((r) => r.id === 'total')!.cells[6]!;
      assert.equal(text.slice(total.range.start, total.range.end), '5');
      assert.deepEqual(check(doc).map((f) => f.code), []);
    }
  });

  it('a cell wrapped over lines, with words before a row label: the label keeps a range inside the text (mixed line ends; the long fuzz)', () => {
    // A wrapped cell is joined without its line break, so an index into its text is no offset: cut there, the
    // label of “申请” / “万结转下年度继续办理” (pasted with Windows line ends) began between \r and \n.
    const seed = readFixture('seeds/002_1e78f43606d75d41.txt');
    // After the first value of 表三's “3.要求提供公开出版物” row.
    const lines = seed.split('\n');
    const row = lines.findIndex((l) => l.includes('3.要求提供公开出版物'));
    assert.ok(row > 0 && /^\t\s*0$/.test(lines[row + 1]!), 'seed 002 has the row and its first value');
    const text = [...lines.slice(0, row + 2), '申请\r\n万结转下年度继续办理', ...lines.slice(row + 2)].join('\n');
    assertAllInside(text);
    for (const row of parseDocument(text).report.tables.t3!.rows) {
      const { start, end } = row.label.range;
      assert.ok(!(text[start - 1] === '\r' && text[start] === '\n'), `${row.label.text}: its range starts inside a line break`);
      assert.ok(text.slice(start, end).replace(/\s/g, '').endsWith(row.label.text.replace(/\s/g, '')), `${row.label.text}: its range holds it`);
    }
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['', '\n\n\n', '一、', '\t\t\t', '三、本年度办理结果\t1\t2', '行政复议\n1 2 3', '第二十条第（一）项', '|||', '\u0000\u0001', '𠀀𠀁'.repeat(100)]) {
      const doc = parseDocument(text);
      check(doc);
    }
  });
});

describe('parser: PDF text without -layout, 表二', () => {
  const fees = (text: string) => parseDocument(text).report.tables.t2?.blocks.find((b) => b.id === 'item8')?.rows[0]?.cells[0]?.text;

  it('a one-cell block whose number comes before its label, or with words between, is read; the block stays inside its table', () => {
    const base = buildReport({ layout: 'cell-per-paragraph' });
    const cases = [
      base.replace('行政事业性收费\n\n7.5', '7.5\n\n行政事业性收费'), // the number first (pdftotext)
      base.replace('行政事业性收费\n\n7.5', '行政事业性收费\n\t新区公安分局\n7.5'), // words of another cell between (found by the long fuzz)
      base.replace('本年收费金额（单位：万元）\n\n行政事业性收费\n\n7.5', '行政事业性收费\n\n本年收费金额（单位：万元）\n\n7.5'), // the label among the header words
    ];
    for (const text of cases) {
      assert.equal(fees(text), '7.5', text.slice(text.indexOf('第二十条第（八）项'), text.indexOf('三、收到')));
      assertAllInside(text);
      assert.deepEqual(check(parseDocument(text)).filter((f) => f.code === 'table.shape'), []);
    }
  });
});
