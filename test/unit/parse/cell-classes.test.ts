// classifyCell (text/numbers.ts) reads the commonest cells by char code: a plain integer, a label's words with no
// digit, white space alone. The expressions (classifyCellByExpressions) are the specification: on random cells made of
// what cells are made of, and on the cells the char-code readings take, both must give the same answer.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { classifyCell, classifyCellByExpressions } from '../../../server/src/core/text/numbers';
import { seededRandom } from '../../helpers/random';

// Words of labels and of the placeholders and changes written in words; figures, marks, white space.
const PIECES = [
  '本年', '新收', '情况', '其他', '无', '空', '待', '填', '定', '补', '〇', '○', '零', '增', '减', '加', '少', '件', '万', '元',
  '人', '次', '属于', '0', '1', '5', '9', '12', '０', '５', ' ', '\t', '\u3000', '\u00a0', '\n', ',', '，', '.', '．',
  '、', '-', '—', '－', '−', '/', '／', '\\', '×', '…', '~', 'X', 'x', 'O', 'o', '【', '】', '[', ']', '_', '*', '※', '①',
  '²', '+', '%', 'a',
];

function randomCells(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const cells: string[] = [];
  for (let k = 0; k < count; k++) {
    let cell = '';
    const length = Math.floor(random() * 7);
    for (let i = 0; i < length; i++) cell += PIECES[Math.floor(random() * PIECES.length)]!;
    cells.push(cell);
  }
  return cells;
}

test('classifyCell reads as the expressions do', () => {
  const kinds = new Map<string, number>();
  for (const cell of randomCells(60_000, 20261206)) {
    const read = classifyCell(cell);
    assert.deepEqual(read, classifyCellByExpressions(cell), JSON.stringify(cell));
    kinds.set(read.kind, (kinds.get(read.kind) ?? 0) + 1);
  }
  // The cells are made so that every kind comes up often: the comparison is not only of texts.
  for (const kind of ['number', 'blank', 'placeholder', 'invalid', 'text']) assert.ok((kinds.get(kind) ?? 0) > 300, `${kind}: ${kinds.get(kind)}`);
});

test('classifyCell: the cells its char-code readings take, and those next to them', () => {
  for (const cell of ['本年新收政府信息公开申请数量', '总计', '其他', '待定', ' 待补 ', '待 填', '5万元件', '3人次件件', '增加12', '2.属于国家秘密', '待填', '待填写', '无无无', ' 无 ', '\u3000', '', ' \t\u00a0', '本年增3', '1.属于国家秘密', '３其他', '零零零', 'XX本年']) {
    assert.deepEqual(classifyCell(cell), classifyCellByExpressions(cell), JSON.stringify(cell));
  }
});
