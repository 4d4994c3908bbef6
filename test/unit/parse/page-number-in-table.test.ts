// A page's number left alone on a line inside a table (`4` at a page break) is no figure of it: read as one, 表三 had
// a row "not in the template" and 表四 sixteen figures, shifted. Only where rows are parted by the layout and the
// number stands between whole rows; a figure a short row wrapped onto its own line stays that row's.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import type { TableLayout } from '../../../server/src/core/model';
import { buildReport } from '../../helpers/build-report';

const findings = (text: string) => check(parseDocument(text)).map((f) => `${f.severity} ${f.code}: ${f.message}`);
const r = (n: number, b = 0) => [n, b, 0, 0, 0, 0, n + b];
const T3 = { new: r(20, 2), carried: r(2), public: r(5), partial: r(2), 'deny.1': r(1), 'deny.3': r(1, 1), 'unable.1': r(3), 'unable.2': r(1), 'refuse.2': r(2), 'other.1': r(2), 'other.3': r(1, 1), total: r(18, 2), forward: r(4) };
const T4 = [3, 1, 1, 0, 5, 2, 0, 0, 1, 3, 0, 1, 0, 0, 1];
const ROW_LAYOUTS: TableLayout[] = ['tab-grid', 'cell-per-line', 'pdf-rows', 'pipe'];

/** `4` on a line of its own before the line (the row, in one cell a line) where `label` is. */
function pageBefore(text: string, label: string, layout: TableLayout): string {
  const i = text.indexOf(label);
  const at = layout === 'cell-per-line' || layout === 'pipe' ? text.lastIndexOf('\n', i) + 1 : text.lastIndexOf('\n', i - 1) + 1;
  return `${text.slice(0, at)}4\n${text.slice(at)}`;
}

describe('tables: a page number alone on a line', () => {
  for (const layout of ROW_LAYOUTS) {
    for (const label of ['（四）无法提供', '2.其他法律']) {
      it(`${layout}: 表三, before ${label}`, () => {
        const text = pageBefore(buildReport({ layout, t3: T3 }), label, layout);
        assert.deepEqual(findings(text), []);
      });
    }
    it(`${layout}: 表三, a wrong total stays an error`, () => {
      const text = pageBefore(buildReport({ layout, t3: { ...T3, 'unable.1': [3, 0, 0, 0, 0, 0, 4] } }), '（四）无法提供', layout);
      const f = findings(text);
      assert.ok(f.some((x) => x.startsWith('error sum.')), f.join('\n'));
      assert.ok(!f.some((x) => x.includes('table.shape')), f.join('\n'));
    });
  }
  for (const layout of ['tab-grid', 'pipe'] as TableLayout[]) {
    it(`${layout}: 表四, before its row of 15`, () => {
      const text = buildReport({ layout, t4: T4 });
      const data = layout === 'pipe' ? '| 3 | 1' : '3\t1\t1';
      const i = text.indexOf(data, text.indexOf('四、政府信息公开行政复议'));
      const paged = `${text.slice(0, i)}4\n${text.slice(i)}`;
      assert.deepEqual(parseDocument(paged).report.tables.t4!.cells.map((c) => c.value), T4);
      assert.deepEqual(findings(paged), []);
    });
  }
  it('tab-grid: a figure a row short of one wrapped onto its own line is the row’s', () => {
    const text = buildReport({ t3: T3 }).replace(/(2\.没有现成信息需要另行制作(?:\t\d+){6})\t1\n/, '$1\n1\n');
    assert.deepEqual(parseDocument(text).report.tables.t3!.rows.find((x) => x.id === 'unable.2')!.cells.map((c) => c.value), T3['unable.2']);
  });
  it('cell-per-paragraph: a lone figure is a cell (no row is parted there): still a warning, no error', () => {
    const text = pageBefore(buildReport({ layout: 'cell-per-paragraph', t3: T3 }), '（四）无法提供', 'cell-per-paragraph');
    const f = findings(text);
    assert.ok(f.some((x) => x.startsWith('warning table.shape')), f.join('\n'));
    assert.ok(!f.some((x) => x.startsWith('error')), f.join('\n'));
  });
});
