// A header that puts the columns in another order than the template's (表三's 总计 second, 表四's 总计 first in each
// group, 复议后起诉 before 未经复议直接起诉): read by position, every sum looked wrong (false errors) or two groups were
// silently swapped. Where the layout parts the header's cells clearly the figures are read by the header; elsewhere the
// table is uncertain, with one table.shape warning. A header in the template's order reads as before.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import type { TableLayout } from '../../../server/src/core/model';
import { renderTable, table3Rows } from '../../../server/src/core/template-text';
import { ALL_LAYOUTS, buildReport, validT3, validT4 } from '../../helpers/build-report';

const HEADINGS = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'];
const REMAPPED: TableLayout[] = ['tab-grid', 'cell-per-line', 'pipe'];

/** The report with section n's table (3 or 4) replaced by `rows` rendered in `layout`. */
function withTable(layout: TableLayout, n: 3 | 4, rows: string[][]): string {
  const text = buildReport({ layout });
  const a = text.indexOf(HEADINGS[n - 2]!);
  const b = text.indexOf(HEADINGS[n - 1]!);
  return `${text.slice(0, a)}${HEADINGS[n - 2]}\n\n${renderTable(layout, rows).join('\n')}\n\n${text.slice(b)}`;
}

const findings = (text: string) => check(parseDocument(text));
const messages = (text: string) => findings(text).map((f) => `${f.severity} ${f.code}: ${f.message}`);

/** 表三 with 总计 second: 自然人 | 总计 | 法人或其他组织, each row's figures in that order. */
function t3TotalSecond(change?: (values: Record<string, number[]>) => void): string[][] {
  const values = validT3();
  change?.(values);
  const written: Record<string, number[]> = {};
  for (const [id, v] of Object.entries(values)) written[id] = [v[0]!, v[6]!, ...v.slice(1, 6)];
  const rows = table3Rows(written);
  rows.splice(1, 2, ['自然人', '总计', '法人或其他组织'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  return rows;
}

const FIVE = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const TOTAL_FIRST = ['总计', '结果维持', '结果纠正', '其他结果', '尚未审结'];

/** 表四 with 总计 first in each group, its figures in that order. */
function t4TotalFirst(values = validT4()): string[][] {
  const v = values.map(String);
  const group = (g: number) => [v[g * 5 + 4]!, ...v.slice(g * 5, g * 5 + 4)];
  return [['行政复议', '行政诉讼'], [...TOTAL_FIRST, '未经复议直接起诉', '复议后起诉'], [...TOTAL_FIRST, ...TOTAL_FIRST], [...group(0), ...group(1), ...group(2)]];
}

/** 表四 with 复议后起诉 before 未经复议直接起诉, its figures in that order. */
function t4SuitsSwapped(): string[][] {
  const v = validT4().map(String);
  return [['行政复议', '行政诉讼'], [...FIVE, '复议后起诉', '未经复议直接起诉'], [...FIVE, ...FIVE], [...v.slice(0, 5), ...v.slice(10), ...v.slice(5, 10)]];
}

function assertOneColumnsWarning(text: string): void {
  const all = findings(text);
  assert.deepEqual(all.filter((f) => f.severity === 'error').map((f) => f.message), []);
  const shape = all.filter((f) => f.code === 'table.shape');
  assert.equal(shape.length, 1, messages(text).join('\n'));
  assert.match(shape[0]!.message, /各列的顺序与模板不同，或在文本中被打乱/);
}

describe('columns in another order than the template', () => {
  for (const layout of ALL_LAYOUTS) {
    const remapped = REMAPPED.includes(layout);
    it(`${layout}: 表三 with 总计 second gives no sum error`, () => {
      const text = withTable(layout, 3, t3TotalSecond());
      const t3 = parseDocument(text).report.tables.t3!;
      if (remapped) {
        assert.deepEqual(messages(text), []);
        assert.deepEqual(t3.rows.find((r) => r.id === 'new')!.cells.map((c) => c.value), validT3().new);
        assert.ok(t3.rows.every((r) => r.cells.every((c) => c.certain)));
      } else {
        assertOneColumnsWarning(text);
        assert.ok(t3.rows.every((r) => r.cells.every((c) => !c.certain)));
      }
    });

    it(`${layout}: 表四 with 总计 first in each group gives no sum error`, () => {
      const text = withTable(layout, 4, t4TotalFirst());
      const t4 = parseDocument(text).report.tables.t4!;
      if (remapped) {
        assert.deepEqual(messages(text), []);
        assert.deepEqual(t4.cells.map((c) => c.value), validT4());
        assert.ok(t4.certain);
      } else {
        assertOneColumnsWarning(text);
        assert.ok(!t4.certain && t4.cells.every((c) => !c.certain));
      }
    });

    it(`${layout}: 表四 with 复议后起诉 first is not read swapped`, () => {
      const text = withTable(layout, 4, t4SuitsSwapped());
      const t4 = parseDocument(text).report.tables.t4!;
      if (remapped) {
        assert.deepEqual(messages(text), []);
        assert.deepEqual(t4.cells.map((c) => c.value), validT4());
      } else {
        assertOneColumnsWarning(text);
        assert.ok(!t4.certain);
      }
    });

    it(`${layout}: the template's order reads as before`, () => {
      const text = buildReport({ layout });
      assert.deepEqual(messages(text), []);
      const { t3, t4 } = parseDocument(text).report.tables;
      assert.deepEqual(t3!.rows.find((r) => r.id === 'new')!.cells.map((c) => c.value), validT3().new);
      assert.ok(t3!.rows.every((r) => r.cells.every((c) => c.certain)));
      assert.deepEqual(t4!.cells.map((c) => c.value), validT4());
      assert.ok(t4!.certain);
    });
  }

  for (const layout of REMAPPED) {
    it(`${layout}: a wrong total in 表三 read by its header is still an error, at the total`, () => {
      const text = withTable(layout, 3, t3TotalSecond((v) => { v.carried = [...v.carried!.slice(0, 6), v.carried![6]! + 7]; }));
      const errors = findings(text).filter((f) => f.severity === 'error' && f.code === 'sum.row');
      assert.equal(errors.length, 1, messages(text).join('\n'));
      const row = parseDocument(text).report.tables.t3!.rows.find((r) => r.id === 'carried')!;
      assert.deepEqual(errors[0]!.range, row.cells[6]!.range);
      assert.equal(text.slice(errors[0]!.range.start, errors[0]!.range.end), String(validT3().carried![6]! + 7));
      assert.match(errors[0]!.message, /上年结转/);
    });

    it(`${layout}: a wrong total in 表四 read by its header is still an error, at the total`, () => {
      const values = validT4();
      values[9] = values[9]! + 4; // 未经复议直接起诉's 总计
      const text = withTable(layout, 4, t4TotalFirst(values));
      const errors = findings(text).filter((f) => f.severity === 'error' && f.code === 'sum.review');
      assert.equal(errors.length, 1, messages(text).join('\n'));
      assert.match(errors[0]!.message, /未经复议直接起诉/);
      assert.deepEqual(errors[0]!.range, parseDocument(text).report.tables.t4!.cells[9]!.range);
    });
  }
});
