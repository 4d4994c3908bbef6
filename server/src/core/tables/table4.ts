// 表四: a header of merged cells and one row of 15 numbers (three groups of
// five). Layouts differ only in how the 15 are laid out, so the values are
// taken in reading order.

import type { Table4, TableLayout } from '../model';
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../template';
import type { StreamCell } from './cells';
import { missingCell, toCell } from './rows';
import { assembleRows } from './rows';

export const TABLE4_SIZE = TABLE4_GROUPS.length * TABLE4_COLUMNS.length;

export function readTable4(cells: readonly StreamCell[], layout: TableLayout): { table: Table4; end: number } {
  const { rows } = assembleRows(cells);
  const values: StreamCell[] = [];
  for (const row of rows) {
    if (values.length >= TABLE4_SIZE) break;
    values.push(...row.values);
  }
  const start = cells.length > 0 ? cells[0]!.range.start : 0;
  const certain = values.length === TABLE4_SIZE;
  const used = values.slice(0, TABLE4_SIZE);
  const end = used.length > 0 ? used[used.length - 1]!.range.end : cells.length > 0 ? cells[0]!.range.end : start;
  const tableCells = used.map((v) => toCell(v, certain));
  while (tableCells.length < TABLE4_SIZE) tableCells.push(missingCell(end));
  const problems: Table4['problems'] = [];
  if (values.length === 0) {
    problems.push({ kind: 'unreadable', range: { start, end }, detail: { what: 'unreadable' } });
  } else if (!certain) {
    problems.push({ kind: 'values-count', range: { start: values[0]!.range.start, end }, detail: { what: 'values-count', found: values.length, expected: TABLE4_SIZE } });
  }
  return { table: { kind: 't4', range: { start, end }, layout, problems, legacy: false, cells: tableCells, certain }, end };
}
