// 表三's row labels as reports write them otherwise than the template, each still its row: read as no row, the row's
// figures were lost (table.shape) and the sums built without them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport } from '../../helpers/build-report';
import { classifyCell } from '../../../server/src/core/text/numbers';

const findings = (text: string) => check(parseDocument(text)).map((f) => `${f.severity} ${f.code}: ${f.message}`);
const rowValues = (text: string, id: string) => parseDocument(text).report.tables.t3!.rows.find((r) => r.id === id)?.cells.map((c) => c.value);

// Distinct figures in 部分公开, consistent with the rest.
const T3 = { public: [1, 0, 0, 0, 0, 0, 1], partial: [2, 1, 0, 0, 0, 0, 3], 'unable.1': [1, 0, 0, 0, 0, 0, 1], total: [4, 1, 0, 0, 0, 0, 5] };
const NOTE = '（区分处理的，只计这一情形，不计其他情形）';

describe('表三: 部分公开 with its note left out or worded otherwise', () => {
  for (const layout of ALL_LAYOUTS) {
    for (const note of ['', '（区分处理的，只计这一情形）', '(区分处理的只计这一情形)', '（区分处理的只计这一情形）']) {
      it(`${layout}: “（二）部分公开${note}”`, () => {
        const text = buildReport({ layout, t3: T3 }).replace(NOTE, note);
        assert.deepEqual(rowValues(text, 'partial'), T3.partial);
        assert.deepEqual(findings(text), []);
      });
    }
    it(`${layout}: without its note, a wrong total in the row stays an error`, () => {
      const text = buildReport({ layout, t3: { ...T3, partial: [2, 1, 0, 0, 0, 0, 4] } }).replace(NOTE, '');
      const f = findings(text);
      assert.ok(f.some((x) => x.startsWith('error sum.row')), f.join('\n'));
    });
  }
  it('another row with a note of its own (四、结转下年度继续办理（件）) is its row', () => {
    const text = buildReport({ t3: T3 }).replace('四、结转下年度继续办理', '四、结转下年度继续办理（件）');
    assert.deepEqual(rowValues(text, 'forward'), [1, 0, 0, 0, 0, 0, 1]);
  });
  it('a label that is not the row’s, with a note, is still unknown', () => {
    const f = findings(buildReport({ t3: T3 }).replace(`（二）部分公开${NOTE}`, '（二）部分办理（区分处理的）'));
    assert.ok(f.some((x) => x.includes('table.shape')), f.join('\n'));
  });
});

describe('表三: a leaf numbered “1. ” or “1 ” (its number parted from its words)', () => {
  const r = (n: number, b = 0) => [n, b, 0, 0, 0, 0, n + b];
  // Figures in rows of every group, so that a row lost or shifted shows.
  const t3 = { new: r(20, 2), carried: r(2), public: r(5), partial: r(2), 'deny.1': r(1), 'deny.3': r(1, 1), 'unable.1': r(3), 'unable.2': r(1), 'refuse.2': r(2), 'other.1': r(2), 'other.3': r(1, 1), total: r(18, 2), forward: r(4) };
  const renumber = (text: string, to: string) => text.replace(/([\s|])([1-8])\.(?=[\u4e00-\u9fa5])/g, `$1$2${to}`);
  for (const layout of ALL_LAYOUTS) {
    for (const [name, to] of [['“1. ”', '. '], ['“1 ”', ' ']] as const) {
      it(`${layout}: ${name}`, () => {
        const text = renumber(buildReport({ layout, t3 }), to);
        const read = parseDocument(text).report.tables.t3!;
        assert.equal(read.legacy, false);
        for (const [id, values] of Object.entries(t3)) assert.deepEqual(rowValues(text, id), values, id);
        assert.deepEqual(findings(text), []);
      });
    }
    it(`${layout}: “1. ”, a wrong total stays an error`, () => {
      const f = findings(renumber(buildReport({ layout, t3: { ...t3, 'deny.1': [1, 0, 0, 0, 0, 0, 2] } }), '. '));
      assert.ok(f.some((x) => x.startsWith('error sum.row')), f.join('\n'));
      assert.ok(!f.some((x) => x.includes('table.shape') || x.includes('table.legacy')), f.join('\n'));
    });
  }
  it('cell-per-line: “1.” on a line of its own before the words', () => {
    const text = buildReport({ layout: 'cell-per-line', t3 }).replace(/\t([1-8])\.(?=[\u4e00-\u9fa5])/g, '\t$1.\n\t');
    for (const [id, values] of Object.entries(t3)) assert.deepEqual(rowValues(text, id), values, id);
    assert.deepEqual(findings(text), []);
  });
  it('a number or unit after a space is still a figure (5 万元, 3 人次), a short label a label (3 其他)', () => {
    assert.equal(classifyCell('3 其他').kind, 'text');
    assert.equal(classifyCell('5 万元').kind, 'invalid');
    assert.equal(classifyCell('3 人次').kind, 'invalid');
    assert.equal(classifyCell('5 件').value, 5);
  });
});

describe('表三: （七）合计 for （七）总计', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: the total's row, read, with the template's word said`, () => {
      const text = buildReport({ layout, t3: T3 }).replace('（七）总计', '（七）合计');
      assert.deepEqual(rowValues(text, 'total'), T3.total);
      assert.deepEqual(findings(text), ['warning table.label: 标签“（七）合计”与模板不一致，应为“（七）总计”。']);
    });
    it(`${layout}: a wrong total under 合计 stays an error`, () => {
      const text = buildReport({ layout, t3: { ...T3, total: [4, 1, 0, 0, 0, 0, 6] } }).replace('（七）总计', '（七）合计');
      const f = findings(text);
      assert.ok(f.some((x) => x.startsWith('error sum.')), f.join('\n'));
      assert.ok(!f.some((x) => x.includes('table.shape')), f.join('\n'));
    });
  }
});
