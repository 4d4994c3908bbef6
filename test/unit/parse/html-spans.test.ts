// A table left as HTML with merged cells (pandoc's Markdown of a Word table): its rows laid out as a browser lays
// them out, every row as wide as the grid, so a figure's column is its place in its row (tables/grid.ts).
// Run: node --import tsx --test test/unit/parse/html-spans.test.ts

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlCells } from '../../../server/src/core/tables/html-cells';

const rows = (html: string): string[][] => {
  const out: string[][] = [];
  for (const c of htmlCells(html)) {
    if (c.rowStart || out.length === 0) out.push([]);
    out[out.length - 1]!.push(c.text);
  }
  return out;
};

test('a rowspan holds its column in the rows below, a colspan fills the columns after it', () => {
  const html = '<table><tr><td colspan="2" rowspan="2">甲</td><td>乙</td></tr><tr><td>1</td></tr><tr><td>丙</td><td rowspan="2">2</td><td>3</td></tr><tr><td>丁</td><td>4</td></tr></table>';
  assert.deepEqual(rows(html), [
    ['甲', '', '乙'],
    ['', '', '1'],
    ['丙', '2', '3'],
    ['丁', '', '4'],
  ]);
});

test('a column held after the row\'s last cell is an empty cell at the row\'s end', () => {
  assert.deepEqual(rows('<table><tr><td>甲</td><td rowspan="2">总计</td></tr><tr><td>乙</td></tr></table>'), [
    ['甲', '总计'],
    ['乙', ''],
  ]);
});

test('the added cells have no width and stand inside their row\'s text, in order', () => {
  const html = '<tr><td rowspan="2">甲</td><td colspan="2">1</td></tr>\n<tr><td>2</td><td>3</td></tr>';
  const cells = htmlCells(html);
  assert.equal(cells.length, 6);
  let last = 0;
  for (const c of cells) {
    assert.ok(c.start >= last && c.end >= c.start, JSON.stringify(c));
    if (c.text === '') assert.equal(c.start, c.end);
    last = c.end;
  }
  const row2 = html.indexOf('<tr>', 1);
  assert.ok(cells[3]!.rowStart && cells[3]!.start >= row2, 'the held cell is in the second row');
});

test('a table with no span reads as before: one cell a <td>', () => {
  const html = '<table><tr><td>一、本年新收</td><td></td><td>3</td></tr><tr><td>二、上年结转</td><td>1</td><td>1</td></tr></table>';
  assert.deepEqual(rows(html), [
    ['一、本年新收', '', '3'],
    ['二、上年结转', '1', '1'],
  ]);
});

test('a span too large to be a layout is read as none', () => {
  assert.deepEqual(rows('<tr><td colspan="100000">甲</td><td>1</td></tr>'), [['甲', '1']]);
});
