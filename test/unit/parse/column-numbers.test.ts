// A row that numbers a table's columns (栏次 1 2 3 …, under the header of many printed forms) is no data: read as
// 表四's figures it put 1 … 15 in their place (three false sum errors), in 表二 it was a row "not in the template".

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import type { TableLayout } from '../../../server/src/core/model';
import { renderTable, table2Rows, table3Rows, table4Rows } from '../../../server/src/core/template-text';
import { ALL_LAYOUTS, buildReport, validT3, HEADINGS } from '../../helpers/build-report';

const findings = (text: string) => check(parseDocument(text)).map((f) => `${f.severity} ${f.code}: ${f.message}`);
const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

/** The report with the table of part `part` (2, 3, 4) replaced by `rows`, rendered in `layout`. */
function withTable(layout: TableLayout, part: 2 | 3 | 4, rows: string[][], data: Parameters<typeof buildReport>[0] = {}): string {
  const text = buildReport({ ...data, layout });
  const a = text.indexOf(HEADINGS[part - 1]!);
  const b = text.indexOf(HEADINGS[part]!);
  return `${text.slice(0, a)}${HEADINGS[part - 1]}\n\n${renderTable(layout, rows).join('\n')}\n\n${text.slice(b)}`;
}

const T4 = [3, 1, 1, 0, 5, 2, 0, 0, 1, 3, 0, 1, 0, 0, 1];

describe('tables: a row of column numbers is not data', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: 表四 with 1 … 15 under its header`, () => {
      const rows = table4Rows(T4);
      rows.splice(rows.length - 1, 0, numbers(15));
      const r = parseDocument(withTable(layout, 4, rows, { t4: T4 }));
      assert.deepEqual(r.report.tables.t4!.cells.map((c) => c.value), T4);
      assert.deepEqual(findings(withTable(layout, 4, rows, { t4: T4 })), []);
    });
    it(`${layout}: 表四 with 栏次 1 … 15 between its header rows`, () => {
      const rows = table4Rows(T4);
      rows.splice(1, 0, ['栏次', ...numbers(15)]);
      assert.deepEqual(findings(withTable(layout, 4, rows, { t4: T4 })), []);
    });
    it(`${layout}: 表四 with column numbers keeps a real wrong total`, () => {
      const wrong = [...T4.slice(0, 4), 6, ...T4.slice(5)];
      const rows = table4Rows(wrong);
      rows.splice(rows.length - 1, 0, numbers(15));
      const f = findings(withTable(layout, 4, rows, { t4: wrong }));
      assert.deepEqual(f.filter((x) => x.startsWith('error')).length, 1, f.join('\n'));
      assert.match(f.join('\n'), /error sum\.review: 实为 6，应为 5/);
    });
    it(`${layout}: 表二 with 栏次 1 2 3 under 第二十条第（一）项's header`, () => {
      const rows = table2Rows({ rules: [0, 0, 0], normative: [1, 0, 5], licensing: [85], penalty: [5990], coercion: [565], fees: [7.5] });
      rows.splice(2, 0, ['栏次', ...numbers(3)]);
      assert.deepEqual(findings(withTable(layout, 2, rows)), []);
    });
    it(`${layout}: 表二's 规章 1 2 3 is the row's figures`, () => {
      const r = parseDocument(buildReport({ layout, t2: { rules: [1, 2, 3] } })).report;
      assert.deepEqual(r.tables.t2!.blocks[0]!.rows.find((x) => x.id === 'rules')!.cells.map((c) => c.value), [1, 2, 3]);
    });
    it(`${layout}: 表三 with the header and 1 … 7 again before （四）`, () => {
      const rows = table3Rows(validT3());
      const at = rows.findIndex((r) => r.some((c) => c.startsWith('（四）')));
      rows.splice(at, 0, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], numbers(7));
      assert.deepEqual(findings(withTable(layout, 3, rows)), []);
    });
    it(`${layout}: 表三's row of 1 … 7 under a row label is that row's (a wrong total)`, () => {
      const f = findings(buildReport({ layout, t3: { public: [1, 2, 3, 4, 5, 6, 7] } }));
      assert.ok(f.some((x) => x.startsWith('error sum.row')), f.join('\n'));
    });
  }
});
