// Tables a PDF prints without ruling lines (readers/pdf/unruled.ts), on text
// pieces placed as Chromium places a borderless table's: the rules inferred
// from the figures' columns and the labels, then cells read by grid.ts as for
// drawn rules; and what is not a table (a sentence's numbers, rows whose
// figures do not line up) left alone. The whole path on real prints is in
// corpus.test.ts (the `(chromium pdf, no borders)` renditions) and
// same-report-every-form.test.ts.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruledTables, type RuledTable } from '../../../server/src/core/readers/pdf/grid';
import { toLines } from '../../../server/src/core/readers/pdf/lines';
import { withoutRepeatedHeads } from '../../../server/src/core/readers/pdf/running';
import type { TextPiece } from '../../../server/src/core/readers/pdf/types';
import { inferredRules } from '../../../server/src/core/readers/pdf/unruled';

const SIZE = 12;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** A text run as pdf.js reports it: ideographs one em wide, digits 6.7 units (Noto's). */
const piece = (text: string, x: number, y: number): TextPiece => ({ text, x, y, size: SIZE, width: [...text].reduce((w, ch) => w + (CJK.test(ch) ? SIZE : 6.7), 0) });
/** A row: label pieces at their x, figures at the columns' left edges (left-aligned cells). */
const row = (y: number, labels: [string, number][], figures: (string | undefined)[], columns: number[]) => [
  ...labels.map(([text, x]) => piece(text, x, y)),
  ...figures.flatMap((f, i) => (f === undefined ? [] : [piece(f, columns[i]!, y)])),
];

function grids(pieces: TextPiece[]): { tables: string[][][]; rest: string[] } {
  const { horizontal, vertical } = inferredRules([pieces])[0]!;
  const { tables, rest } = ruledTables(pieces, horizontal, vertical);
  return { tables: tables.map(gridOf), rest: rest.map((p) => p.text) };
}

function gridOf(table: RuledTable): string[][] {
  return table.owner.map((cells, r) => cells.map((id, c) => {
    const cell = table.cells.get(id)!;
    return cell.row === r && cell.column === c ? cell.text.replace(/\n/g, '/') : '';
  }));
}

const T2 = [141, 213, 285];
const T3 = [388, 411, 429, 446, 475, 504, 521];

describe('tables printed without rules', () => {
  test('表二 rows: the cells by the figures’ columns; a label run into its first figure (`件2`) is cut there', () => {
    const pieces = [
      piece('第二十条第（一）项', 57, 389),
      ...row(353, [['规章', 57]], ['0', '0', '0'], T2),
      // Chromium writes the label and the first figure as one run when the label fills its column.
      piece('行', 57, 335), piece('政规范性', 69, 335), piece('文', 117, 335), piece('件2', 129, 335), piece('0', 213, 335), piece('9', 285, 335),
    ];
    const { tables, rest } = grids(pieces);
    assert.deepEqual(tables, [[['规章', '0', '0', '0'], ['行政规范性文件', '2', '0', '9']]]);
    assert.deepEqual(rest, ['第二十条第（一）项']);
  });

  test('表三: a label wrapped round its figures is one row; group labels are cells of their own column; a blank row keeps its place', () => {
    const pieces = [
      ...row(628, [['（一）予以公开', 120]], ['22', '3', '1', '0', '0', '1', '26'], T3),
      piece('（二）部分公开（区分处理的，只计这一情形，不', 120, 610),
      ...row(601, [], ['8', '1', '0', '0', '0', '0', '9'], T3),
      piece('计其他情形）', 120, 592),
      ...row(574, [['1.属于国家秘密', 178]], ['0', '0', '0', '0', '0', '0', '0'], T3),
      // A row with no figures at all: numbered, in the row labels' column.
      piece('2.其他法律行政法规禁止公开', 178, 556),
      ...row(538, [['（三）不', 120], ['3.危及“三安全一稳定”', 178]], ['0', '0', '0', '0', '0', '0', '0'], T3),
      ...row(520, [['予公开', 120], ['4.保护第三方合法权益', 178]], ['2', '0', '0', '0', '0', '0', '2'], T3),
    ];
    const [table] = grids(pieces).tables;
    assert.deepEqual(table!.map((r) => r.slice(0, 3)), [
      ['（一）予以公开', '', '22'],
      ['（二）部分公开（区分处理的，只计这一情形，不/计其他情形）', '', '8'],
      ['', '1.属于国家秘密', '0'],
      ['', '2.其他法律行政法规禁止公开', ''],
      ['（三）不', '3.危及“三安全一稳定”', '0'],
      ['予公开', '4.保护第三方合法权益', '2'],
    ]);
    assert.deepEqual(table![1]!.slice(2), ['8', '1', '0', '0', '0', '0', '9']);
    assert.deepEqual(table![3]!.slice(2), ['', '', '', '', '', '', '']);
  });

  test('表四 alone (one row of fifteen figures apart) is a table; one figure glued to a label is one only in a column of a table on the page', () => {
    const t4 = Array.from({ length: 15 }, (_, i) => 60 + i * 32);
    assert.deepEqual(grids(row(400, [], ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'], t4)).tables.length, 1);
    const fee = [piece('行', 57, 155), piece('政事业性收费0', 69, 155)];
    assert.deepEqual(grids(fee).tables, []);
    const withTable = grids([...row(353, [['规章', 57]], ['0', '0', '0'], T2), ...row(335, [['行政规范性文件', 57]], ['2', '0', '9'], T2), ...fee]).tables;
    assert.deepEqual(withTable[1], [['行政事业性收费', '0']]);
  });

  test('what is not a table stays text: a sentence’s numbers, figures that do not line up, one row of two figures', () => {
    const prose = [piece('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', 57, 545), piece('全年共受理申请46件，上年结转3件。', 57, 527)];
    assert.deepEqual(grids(prose).tables, []);
    // Two figures of one row where another row has one: no grid of columns.
    const ragged = [...row(353, [['规章', 57]], ['0', '0'], [141, 160]), ...row(335, [['行政规范性文件', 57]], ['21'], [141])];
    assert.deepEqual(grids(ragged).tables, []);
    assert.deepEqual(grids(row(353, [['行政事业性收费', 57]], ['3', '0'], T2)).tables, []);
    // More lines than a printed page holds (a hostile file): nothing is inferred, whatever they look like.
    assert.deepEqual(grids(Array.from({ length: 500 }, (_, r) => row(800 - r * 18, [['规章', 57]], ['1', '2', '3'], T2)).flat()).tables, []);
  });

  test('a <thead> line the browser repeats at the top of the next page goes, only when the page before ends in its table', () => {
    const head = piece('第二十条第（一）项', 57, 389);
    const rows = [...row(353, [['规章', 57]], ['0', '0', '0'], T2), ...row(335, [['行政规范性文件', 57]], ['2', '0', '9'], T2)];
    const tableOf = (pieces: TextPiece[]) => {
      const [rules] = inferredRules([pieces]);
      return ruledTables(pieces, rules!.horizontal, rules!.vertical);
    };
    const next = [piece('第二十条第（一）项', 57, 780), piece('第二十条第（五）项', 57, 760)];
    const first = tableOf([head, ...rows]);
    const kept = withoutRepeatedHeads([toLines(first.rest), toLines(next)], [first.tables, []]);
    assert.deepEqual(kept.map((lines) => lines.map((l) => l.text)), [['第二十条第（一）项'], ['第二十条第（五）项']]);
    // A line under the table: the page does not end in it, so nothing at the next page's top is its head.
    const notLast = tableOf([head, ...rows, piece('注：本表数据截至年底。', 57, 300)]);
    assert.deepEqual(withoutRepeatedHeads([toLines(notLast.rest), toLines(next)], [notLast.tables, []])[1]!.map((l) => l.text), ['第二十条第（一）项', '第二十条第（五）项']);
  });
});
