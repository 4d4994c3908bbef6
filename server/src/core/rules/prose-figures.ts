// The table figures prose restates: a 表三 row (or row group) in the 总计
// column, a 表四 总计. A figure exists only when every cell behind it was read
// with certainty; a guessed column must never produce a contradiction.

import type { Cell, Report } from '../model';
import { TABLE3_GROUPS, TABLE3_ROWS, TABLE3_TOTAL_COLUMN } from '../template';
import type { Related } from './types';

export type Table3Figure = 'new' | 'carried' | 'newAndCarried' | 'total' | 'forward' | 'public' | 'partial' | 'deny' | 'unable' | 'refuse' | 'other';
export type Table4Figure = 'review' | 'suit';
export type FigureId = Table3Figure | Table4Figure;

export interface Figure {
  value: number;
  /** What the figure is: 表三“一、本年新收政府信息公开申请数量”总计. */
  name: string;
  /** The name with the value, for messages: 表三“一、本年新收政府信息公开申请数量”总计为 95. */
  describe: string;
  related: Related[];
}

const ROW_FIGURES: Partial<Record<Table3Figure, string>> = { new: 'new', carried: 'carried', total: 'total', forward: 'forward', public: 'public', partial: 'partial' };
const GROUP_FIGURES: Partial<Record<Table3Figure, string>> = { deny: 'deny', unable: 'unable', refuse: 'refuse', other: 'other' };

export function figureOf(report: Report, id: FigureId): Figure | undefined {
  if (id === 'review' || id === 'suit') return table4Figure(report, id);
  return table3Figure(report, id);
}

function table3Figure(report: Report, id: Table3Figure): Figure | undefined {
  if (id === 'newAndCarried') {
    const parts = [rowTotal(report, 'new'), rowTotal(report, 'carried')];
    if (!parts.every(isDefined)) return undefined;
    return combine(parts, `表三“${rowLabel('new')}”与“${rowLabel('carried')}”总计之和`);
  }
  const rowId = ROW_FIGURES[id];
  if (rowId) {
    const cell = rowTotal(report, rowId);
    return cell && combine([cell], `表三“${rowLabel(rowId)}”${rowId === 'total' ? '' : '总计'}`);
  }
  const groupId = GROUP_FIGURES[id]!;
  const rows = report.tables.t3?.rows.filter((r) => (groupId === 'other' && r.id === 'other') || TABLE3_ROWS.find((s) => s.id === r.id)?.group === groupId) ?? [];
  // A group with a row missing would give a partial sum: no figure then.
  const expected = rows.some((r) => r.id === 'other') ? 1 : TABLE3_ROWS.filter((s) => s.group === groupId).length;
  if (rows.length !== expected) return undefined;
  const cells = rows.map((r) => certainCell(r.cells[TABLE3_TOTAL_COLUMN], `表三“${rowLabel(r.id)}”总计`));
  if (!cells.every(isDefined)) return undefined;
  const label = TABLE3_GROUPS.find((g) => g.id === groupId)?.label ?? groupId;
  return combine(cells, cells.length === 1 ? `表三“${label}”总计` : `表三“${label}”各项总计之和`);
}

function table4Figure(report: Report, id: Table4Figure): Figure | undefined {
  const t4 = report.tables.t4;
  if (!t4 || !t4.certain || t4.cells.length !== 15) return undefined;
  if (id === 'review') {
    const cell = certainCell(t4.cells[4], '表四“行政复议”总计');
    return cell && combine([cell], '表四“行政复议”总计');
  }
  const cells = [certainCell(t4.cells[9], '表四“未经复议直接起诉”总计'), certainCell(t4.cells[14], '表四“复议后起诉”总计')];
  if (!cells.every(isDefined)) return undefined;
  return combine(cells, '表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计之和');
}

interface NamedCell {
  cell: Cell;
  value: number;
  name: string;
}

function rowTotal(report: Report, rowId: string): NamedCell | undefined {
  const row = report.tables.t3?.rows.find((r) => r.id === rowId);
  return certainCell(row?.cells[TABLE3_TOTAL_COLUMN], `表三“${rowLabel(rowId)}”总计`);
}

function certainCell(cell: Cell | undefined, name: string): NamedCell | undefined {
  return cell && cell.certain && cell.value !== undefined ? { cell, value: cell.value, name } : undefined;
}

function combine(cells: readonly NamedCell[], name: string): Figure {
  const value = cells.reduce((sum, c) => sum + c.value, 0);
  return { value, name, describe: `${name}为 ${value}`, related: cells.map((c) => ({ range: c.cell.range, message: `${c.name}：${c.value}` })) };
}

function rowLabel(rowId: string): string {
  return TABLE3_ROWS.find((r) => r.id === rowId)?.label ?? rowId;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
