// A 表三 row the page break cut, each part drawn with its rules (LibreOffice and Word printing a Word table): the
// figures and the label's first words above the break (`2.申请人逾期未按`), the rest of the label alone at the next
// page's top (`收费通知要求缴纳费用、…`). Read as two rows, the first was "not in the template" (a warning) and its
// figures unchecked. Found by three helpers (large governments' reports, portal pages printed, a county's originals).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuledCell, RuledTable } from '../../../server/src/core/readers/pdf/grid';
import { TableBuilder } from '../../../server/src/core/readers/pdf/table-builder';

const XS = [50, 100, 300, 340, 380, 420, 460, 500, 540, 580];

/** A part of a table on one page: its rows' cells (one cell per column), every edge ruled. */
function part(rows: readonly (readonly string[])[], top: number): RuledTable {
  const owner = rows.map((_, r) => XS.slice(0, -1).map((_, c) => r * 100 + c));
  const cells = new Map<number, RuledCell>();
  rows.forEach((row, r) => row.forEach((text, c) => cells.set(r * 100 + c, { text, row: r, column: c, pieces: [] })));
  const ys = rows.map((_, r) => top - 20 * r).concat(top - 20 * rows.length);
  return { ys, xs: XS, owner, cells, openEdges: ys.map(() => XS.slice(0, -1).map(() => false)), top, bottom: ys[ys.length - 1]!, left: XS[0]!, right: XS[XS.length - 1]! };
}

const figures = ['3', '0', '0', '0', '0', '0', '3'];
const blank = ['', '', '', '', '', '', ''];

function rowsOf(pages: readonly RuledTable[]): string[][] {
  const builder = new TableBuilder(pages[0]!, 1, 1);
  pages.slice(1).forEach((p, k) => assert.ok(builder.continueWith(p, k + 2)));
  const block = builder.block();
  assert.equal(block.kind, 'table');
  // A row whose words all went up stays as an empty row (its places keep their numbers); the tables' reader skips it.
  return block.kind === 'table' ? block.rows.map((r) => r.map((c) => c.text)).filter((r) => r.some((t) => t)) : [];
}

describe('pdf reader: a 表三 row cut by a page break', () => {
  it('the rest of a cut label joins the row above, whose figures it had', () => {
    const rows = rowsOf([
      part([['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...figures], ['', '2.申请人逾期未按', ...figures]], 700),
      part([['', '收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...blank], ['', '3.其他', ...figures]], 780),
    ]);
    assert.deepEqual(rows.map((r) => r[1]), ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按\n收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']);
    assert.deepEqual(rows[1]!.slice(2), figures);
  });
  it('a row of words that is no label\'s rest, or a whole label, stays a row of its own', () => {
    // A group's label at the next page's top (its sub-rows follow): a label of its own, not the rest of 3.其他.
    const group = rowsOf([part([['（四）无法提供', '3.其他', ...figures]], 700), part([['（五）不予处理', '', ...blank], ['', '1.信访举报投诉类申请', ...figures]], 780)]);
    assert.equal(group.length, 3);
    // The row above ends a whole label: what follows is not its rest.
    const whole = rowsOf([part([['', '1.属于国家秘密', ...figures]], 700), part([['', '其他法律行政法规禁止公开', ...blank]], 780)]);
    assert.equal(whole.length, 2);
    // A row with a figure is a row.
    const figured = rowsOf([part([['', '2.申请人逾期未按', ...figures]], 700), part([['', '收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '1', '', '', '', '', '', '']], 780)]);
    assert.equal(figured.length, 2);
  });
});
