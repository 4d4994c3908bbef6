// The cell layer (tables/cells.ts) tells some things by char code before it runs the expressions that say them: a
// line that may hold rows one after another (ranTogether asks tableBreaks only about those), a label that may end in a
// figure (labelBeforeFigure asked only about a text ending in a digit). The expressions are the specification: on
// random lines made of what table lines are made of, the readings must be the expressions'.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ranTogether } from '../../../server/src/core/tables/cells';
import { labelBeforeFigure } from '../../../server/src/core/tables/label-figures';
import { tableBreaks } from '../../../server/src/core/tables/run-breaks';
import type { Line } from '../../../server/src/core/text/lines';
import { seededRandom } from '../../helpers/random';

// Labels, anchors, figures, the marks after figures that tableBreaks reads, brackets, quotes, white space.
const PIECES = [
  '本年新收', '规章', '其他', '总计', '第二十条第（五）项', '（本列数据的勾稽关系为：第一项）', '申请人情况', '行政复议', '行政诉讼',
  '0', '1', '12', '305', '０', '５', ' ', '  ', '\t', '\u3000', '\u00a0', '.', '．', '、', '-', '元', '万元', '年', '件', '位小数',
  '（', '(', '“', '）', ')', '”', '》', 'a', '|',
];

const pick = (random: () => number, of: readonly string[]): string => of[Math.floor(random() * of.length)]!;

/** Rows one after another as html-to-text writes them: a label, white space or none, figures, white space or none. */
function rowsLine(random: () => number): string {
  let line = '';
  for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
    line += pick(random, ['本年新收', '规章', '（三）不予公开', '“其他”', '行政复议', '1.属于', '']) + pick(random, ['', ' ', '  ', '\u3000', '\t']);
    line += pick(random, ['0', '12 3', '5 0 0', '１２', '3元', '2万元', '7.5', '2022年', '3件', '0 1', '']) + pick(random, ['', ' ', '         ', '\u00a0', '.']);
  }
  return line;
}

function randomLine(random: () => number): string {
  if (random() < 0.5) return rowsLine(random);
  let line = '';
  const length = Math.floor(random() * 14);
  for (let i = 0; i < length; i++) line += PIECES[Math.floor(random() * PIECES.length)]!;
  return line;
}

const GLUED_FIGURE = /[\u4e00-\u9fff）)”》][0-9０-９]+(?![0-9０-９]*(?:[.．、]\s*[^\d\s]|[年月日号条项件个页次]))/g;
const LABEL_START = /^[\u4e00-\u9fff（(“]/;

/** ranTogether as the expressions say it: every line's breaks listed, each tested by LABEL_START. */
function ranTogetherByExpressions(lines: readonly Line[]): boolean {
  let glued = 0;
  for (const { text: t } of lines) {
    GLUED_FIGURE.lastIndex = 0;
    while (GLUED_FIGURE.exec(t)) if (++glued >= 3) return true;
    const ends: number[] = [];
    tableBreaks(t, 0, t.length, ends);
    if (ends.filter((b) => b > 0 && b < t.length && LABEL_START.test(t.slice(b, b + 8).trimStart())).length >= 3) return true;
  }
  return false;
}

test('ranTogether reads as the expressions do', () => {
  const random = seededRandom(20261207);
  let yes = 0;
  for (let k = 0; k < 20_000; k++) {
    // One or two lines: a glued figure counts over the region's lines, rows after rows on one.
    const lines: Line[] = [];
    for (let n = 1 + Math.floor(random() * 2), start = 0; n > 0; n--) {
      const text = randomLine(random);
      lines.push({ start, end: start + text.length, text });
      start += text.length + 1;
    }
    const expected = ranTogetherByExpressions(lines);
    assert.equal(ranTogether(lines, 0, lines.length), expected, JSON.stringify(lines.map((l) => l.text)));
    if (expected) yes++;
  }
  // Both answers come up often: the comparison is not only of lines that hold no table.
  assert.ok(yes > 1_000 && yes < 19_000, `${yes} run together`);
});

test('labelBeforeFigure finds nothing in a text that does not end in a digit', () => {
  const random = seededRandom(20261208);
  for (let k = 0; k < 20_000; k++) {
    const text = randomLine(random) + ['规章', '其他', ' ', '.', '５', '1'][Math.floor(random() * 6)]!;
    if (!/[0-9０-９]$/.test(text)) assert.equal(labelBeforeFigure(text), undefined, JSON.stringify(text));
  }
  assert.equal(labelBeforeFigure('规章5'), 2);
});
