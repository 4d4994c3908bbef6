// readNumbering reads a numbering that starts with a bracket or a figure by char code (every other line of some
// reports is a sub-item's （1）), and the rest by the expressions in PATTERNS. The expressions are the specification:
// on random lines made of what numberings are made of, both readings must give the same answer.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { numberingByPatterns, readNumbering } from '../../../server/src/core/parse/numbering';

const PIECES = ['（', '(', '）', ')', '一', '二', '十', '九', '0', '1', '9', '０', '５', '第', '部分', ' ', '\t', '\u3000', '\u00a0', '、', '.', '．', '，', '：', ':', '。', '；', 'a', '情况', '属于国家秘密', '\n'];
const STARTS = ['', '（', '(', '1', '１', '一', '（ ', '12', '（1', '(十'];

function randomLines(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const lines: string[] = [];
  for (let k = 0; k < count; k++) {
    let line = STARTS[next(STARTS.length)]!;
    const length = 1 + next(10);
    for (let i = 0; i < length; i++) line += PIECES[next(PIECES.length)]!;
    lines.push(line);
  }
  return lines;
}

test('readNumbering reads as the expressions do, at every start', () => {
  let read = 0;
  for (const line of randomLines(40_000, 20261206)) {
    for (const from of [0, 1, 2]) {
      const expected = numberingByPatterns(line, from, 7);
      assert.deepEqual(readNumbering(line, from, 7), expected, `${JSON.stringify(line)} from ${from}`);
      if (expected) read++;
    }
  }
  // The lines are made so that many hold a numbering: the comparison is not only of two undefineds.
  assert.ok(read > 5_000, `only ${read} numberings read`);
});

test('readNumbering: the numberings of real headings and sub-items', () => {
  for (const line of ['（一）主动公开情况', '(1) 政策解读', '（ 12 ）事项', '1、总体情况', '１２．其他', '3.14', '10、', '（0）无', '(十十)', '第一部分 总体情况', '二 、 主动公开']) {
    assert.deepEqual(readNumbering(line, 0, 0), numberingByPatterns(line, 0, 0), line);
  }
  assert.equal(readNumbering('3.14', 0, 0), undefined);
  assert.equal(readNumbering('（1）政策解读', 0, 10)?.numbering.range.end, 13);
});
