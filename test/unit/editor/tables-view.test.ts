// The table preview's data (core/features/tablesView.ts): on every real report
// the values are the ones read by hand (test/expected), each cell's range
// holds its text, findings sit on the cells they are about, and the computed
// sums are those of the 勾稽关系.
// Run: node --import tsx --test test/unit/editor/tables-view.test.ts

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { CellView, TablesView } from '../../../server/src/core/features/tablesView';
import { touches } from '../../../server/src/core/features/tablesView';
import { parseDocument, tables } from '../../../server/src/core/service';
import { buildReport, validT3 } from '../../helpers/build-report';
import { readFixture } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXPECTED = path.join(ROOT, 'test', 'expected');

interface Expected {
  file: string;
  t2: Record<string, Record<string, number[]>>;
  /** A row that lost a cell in export is { note, printed }: the values as printed. */
  t3: { layout2019Other: boolean; rows: Record<string, number[] | { printed: number[] }> };
  t4: number[];
}

function viewOf(text: string, rules = {}): TablesView {
  return tables(parseDocument(text), { rules });
}

/** The document text an LSP range covers. */
function textAt(text: string, range: CellView['range']): string {
  const lines = text.split(/\r\n|\r|\n/);
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.replace(/\r\n/g, '\n').slice(offset(range.start), offset(range.end));
}

describe('the view of every real report matches the values read by hand', () => {
  for (const name of readdirSync(EXPECTED).filter((f) => f.endsWith('.json'))) {
    const expected = JSON.parse(readFileSync(path.join(EXPECTED, name), 'utf8')) as Expected;
    const text = readFixture(expected.file);
    test(expected.file, () => {
      const view = viewOf(text);
      const t3 = view.t3!;
      assert.equal(t3.legacy, expected.t3.layout2019Other);
      for (const [id, values] of Object.entries(expected.t3.rows)) {
        const row = t3.rows.find((r) => r.id === id);
        assert.ok(row?.found, `表三 row ${id} found`);
        if (Array.isArray(values)) assert.deepEqual(row.cells.map((c) => c.value), values, `表三 ${id}`);
        // A row that lost a cell in export: the printed values, in order, around the lost one.
        else assert.deepEqual(row.cells.filter((c) => c.kind !== 'missing').map((c) => c.value), values.printed, `表三 ${id}`);
      }
      assert.deepEqual(view.t4!.groups.flatMap((g) => g.cells.map((c) => c.value)), expected.t4);
      for (const [blockId, rows] of Object.entries(expected.t2)) {
        const block = view.t2!.blocks.find((b) => b.id === blockId)!;
        for (const [rowId, values] of Object.entries(rows)) assert.deepEqual(block.rows.find((r) => r.id === rowId)!.cells.map((c) => c.value), values, `表二 ${blockId} ${rowId}`);
      }
      // Every cell with text points at that text (what a click in the preview selects).
      const cells = [...t3.rows.flatMap((r) => r.cells), ...view.t4!.groups.flatMap((g) => g.cells), ...view.t2!.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells))];
      for (const c of cells.filter((c) => c.kind === 'number')) assert.equal(textAt(text, c.range), c.text);
      // A label may wrap over lines (PDF text): the same characters, line breaks aside.
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      for (const r of t3.rows.filter((r) => r.found)) assert.equal(squeeze(textAt(text, r.label.range!)), squeeze(r.label.written));
    });
  }
});

describe('findings and computed sums in the view', () => {
  const read = readFixture;

  test('洪泽区 2023: the broken 表四 total carries the error, the computed sum and the repaired value', () => {
    const view = viewOf(read('corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt'));
    const review = view.t4!.groups.find((g) => g.id === 'review')!;
    const total = review.cells[4]!;
    assert.equal(total.text, '0');
    assert.deepEqual(total.problems.map((p) => [p.code, p.severity]), [['sum.review', 'error']]);
    assert.equal(total.expected, 11);
    assert.deepEqual(review.computed, { value: 11, against: 0, holds: false, formula: '结果维持 + 结果纠正 + 其他结果 + 尚未审结' });
    // 复议后起诉 5 + 0 + 0 + 0 with 总计 0: the 5 or the 0 may be wrong, so no value is proposed.
    const after = view.t4!.groups.find((g) => g.id === 'suitAfterReview')!;
    assert.equal(after.cells[4]!.problems[0]?.code, 'sum.review');
    assert.equal(after.cells[4]!.expected, null);
    assert.equal(after.computed?.holds, false);
    // The cells of the other groups are clean.
    assert.ok(view.t4!.groups.find((g) => g.id === 'suitDirect')!.cells.every((c) => c.problems.length === 0));
    // The label typo is on the label; the 2019 row on （六）; page numbers inside 表三 are the table's.
    const t3 = view.t3!;
    assert.deepEqual(t3.rows.find((r) => r.id === 'deny.2')!.label.problems.map((p) => p.code), ['table.label']);
    assert.deepEqual(t3.rows.find((r) => r.id === 'other')!.label.problems.map((p) => p.code), ['table.legacy']);
    assert.ok(t3.problems.some((p) => p.code === 'text.artifact'));
    assert.ok(!t3.rows.some((r) => r.id.startsWith('other.')), 'the 2019 form shows （六） as one row');
  });

  test('seed 001: rows that lost a cell in export carry the warning as a row, and no sum is claimed', () => {
    const view = viewOf(read('seeds/001_b514ee349c59fe59.txt'));
    const row = view.t3!.rows.find((r) => r.id === 'public')!;
    assert.equal(row.alignment, 'inferred');
    assert.deepEqual(row.problems.map((p) => p.code), ['table.shape']);
    assert.ok(row.cells.every((c) => c.problems.length === 0), 'the row warning is not repeated on each cell');
    assert.ok(row.cells.some((c) => c.kind === 'missing'));
    assert.deepEqual(row.computed && [row.computed.value, row.computed.holds], [null, null]);
    assert.equal(view.t3!.rows.find((r) => r.id === 'new')!.computed?.holds, true);
    // The fee header asks for 4 decimals; the hint is on the cell.
    const fee = view.t2!.blocks.find((b) => b.id === 'item8')!.rows[0]!.cells[0]!;
    assert.deepEqual(fee.problems.map((p) => p.code), ['cell.precision']);
  });

  test('seed 004: the truncated header 现行有效件 is flagged on its column', () => {
    const block = viewOf(read('seeds/004_8f491daf4ec9a00b.txt')).t2!.blocks.find((b) => b.id === 'item1')!;
    const column = block.columns[2]!;
    assert.equal(column.text, '现行有效件数');
    assert.equal(column.written, '现行有效件');
    assert.deepEqual(column.problems.map((p) => p.code), ['table.label']);
  });

  test('a broken 表三 cell: error on the cell, computed row and column sums, the one repair', () => {
    const t3 = validT3();
    t3['unable.1'] = [1, 1, 0, 0, 0, 0, 3]; // should be 2
    const view = viewOf(buildReport({ layout: 'cell-per-line', t3 }));
    const row = view.t3!.rows.find((r) => r.id === 'unable.1')!;
    const total = row.cells[6]!;
    assert.ok(total.problems.some((p) => p.severity === 'error'));
    assert.deepEqual(row.computed && [row.computed.value, row.computed.against, row.computed.holds], [2, 3, false]);
    assert.equal(total.expected, 2);
    assert.equal(view.t3!.leafSums[6]!.value, 6);
    assert.equal(view.t3!.leafSums[6]!.against, 5);
    assert.equal(view.t3!.balance[6]!.holds, true);
  });

  test('severities follow the user settings; a rule turned off leaves no mark', () => {
    const text = read('corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt');
    const total = (v: TablesView) => v.t4!.groups[0]!.cells[4]!;
    assert.equal(total(viewOf(text, { 'sum.review': 'warning' })).problems[0]!.severity, 'warning');
    assert.equal(total(viewOf(text, { 'sum.review': 'off' })).problems.length, 0);
  });

  test('missing template rows are listed as not found', () => {
    const t3 = validT3();
    const text = buildReport({ t3 }).replace(/^.*2\.重复申请.*\n?/m, '');
    const row = viewOf(text).t3!.rows.find((r) => r.id === 'refuse.2');
    assert.ok(row);
    assert.equal(row.found, false);
    assert.deepEqual(row.cells, []);
  });

  test('a report without tables gives an empty view', () => {
    assert.deepEqual(viewOf('一、总体情况\n\n无。\n'), { template: 2021, layout: null, t2: null, t3: null, t4: null });
  });

  test('touches: overlap, and empty ranges at or inside an edge', () => {
    assert.ok(touches({ start: 0, end: 5 }, { start: 4, end: 8 }));
    assert.ok(!touches({ start: 0, end: 5 }, { start: 5, end: 8 }));
    assert.ok(touches({ start: 5, end: 5 }, { start: 5, end: 8 }));
    assert.ok(touches({ start: 0, end: 5 }, { start: 5, end: 5 }));
    assert.ok(!touches({ start: 0, end: 4 }, { start: 5, end: 5 }));
  });
});
