// The table figures prose restates: a 表三 row (or row group) in the 总计
// column, a 表四 总计. A figure exists only when every cell behind it was read
// with certainty; a guessed column must never produce a contradiction. A blank
// cell stands for the value the identities determine, else there is no figure.

import type { Messages } from '../i18n';
import type { FigureName } from '../i18n/types';
import type { Cell, Range, Report } from '../model';
import { cellValue } from '../identities';
import { TABLE3_GROUPS, TABLE3_ROWS, TABLE3_TOTAL_COLUMN } from '../template';
import type { Related } from './types';

export type Table3Figure = 'new' | 'carried' | 'newAndCarried' | 'total' | 'forward' | 'public' | 'partial' | 'deny' | 'unable' | 'refuse' | 'other';
export type Table4Figure = 'review' | 'suit';
export type FigureId = Table3Figure | Table4Figure;

export interface Figure {
  value: number;
  /** What the figure is, as data (表三“一、本年新收政府信息公开申请数量”总计): the catalogs word it. */
  name: FigureName;
  /** The cells behind it. */
  parts: NamedCell[];
}

export interface NamedCell {
  cell: Cell;
  value: number;
  name: FigureName;
}

const ROW_FIGURES: Partial<Record<Table3Figure, string>> = { new: 'new', carried: 'carried', total: 'total', forward: 'forward', public: 'public', partial: 'partial' };
const GROUP_FIGURES: Partial<Record<Table3Figure, string>> = { deny: 'deny', unable: 'unable', refuse: 'refuse', other: 'other' };

export function figureOf(report: Report, id: FigureId): Figure | undefined {
  if (id === 'review' || id === 'suit') return table4Figure(report, id);
  return table3Figure(report, id);
}

/** The figure's cells as related locations: 表三“一、…”总计：95. */
export function figureRelated(figure: Figure, m: Messages): Related[] {
  return figure.parts.map((c) => ({ range: c.cell.range, message: m.figures.part(c.name, c.value) }));
}

/** A related location for a number the prose states itself. */
export function statedRelated(range: Range, count: string, m: Messages): Related {
  return { range, message: m.figures.part({ kind: 'stated' }, count) };
}

function table3Figure(report: Report, id: Table3Figure): Figure | undefined {
  if (id === 'newAndCarried') {
    const parts = [rowTotal(report, 'new'), rowTotal(report, 'carried')];
    if (!parts.every(isDefined)) return undefined;
    return combine(parts, { kind: 'pair', labels: [rowLabel('new'), rowLabel('carried')] });
  }
  const rowId = ROW_FIGURES[id];
  if (rowId) {
    const cell = rowTotal(report, rowId);
    return cell && combine([cell], rowId === 'total' ? { kind: 'row', label: rowLabel(rowId) } : t3Total(rowLabel(rowId)));
  }
  const groupId = GROUP_FIGURES[id]!;
  const rows = report.tables.t3?.rows.filter((r) => (groupId === 'other' && r.id === 'other') || TABLE3_ROWS.find((s) => s.id === r.id)?.group === groupId) ?? [];
  // A group with a row missing would give a partial sum: no figure then.
  const expected = rows.some((r) => r.id === 'other') ? 1 : TABLE3_ROWS.filter((s) => s.group === groupId).length;
  if (rows.length !== expected) return undefined;
  const cells = rows.map((r) => certainCell(report, r.cells[TABLE3_TOTAL_COLUMN], t3Total(rowLabel(r.id))));
  if (!cells.every(isDefined)) return undefined;
  const label = TABLE3_GROUPS.find((g) => g.id === groupId)?.label ?? groupId;
  return combine(cells, cells.length === 1 ? t3Total(label) : { kind: 'group', label });
}

function table4Figure(report: Report, id: Table4Figure): Figure | undefined {
  const t4 = report.tables.t4;
  if (!t4 || !t4.certain || t4.cells.length !== 15) return undefined;
  const t4Total = (label: string): FigureName => ({ kind: 'total', table: 't4', label });
  if (id === 'review') {
    const cell = certainCell(report, t4.cells[4], t4Total('行政复议'));
    return cell && combine([cell], t4Total('行政复议'));
  }
  const cells = [certainCell(report, t4.cells[9], t4Total('未经复议直接起诉')), certainCell(report, t4.cells[14], t4Total('复议后起诉'))];
  if (!cells.every(isDefined)) return undefined;
  return combine(cells, { kind: 'suits' });
}

function t3Total(label: string): FigureName {
  return { kind: 'total', table: 't3', label };
}

function rowTotal(report: Report, rowId: string): NamedCell | undefined {
  const row = report.tables.t3?.rows.find((r) => r.id === rowId);
  return certainCell(report, row?.cells[TABLE3_TOTAL_COLUMN], t3Total(rowLabel(rowId)));
}

function certainCell(report: Report, cell: Cell | undefined, name: FigureName): NamedCell | undefined {
  const value = cell && cellValue(report, cell);
  return value === undefined ? undefined : { cell: cell!, value, name };
}

function combine(cells: NamedCell[], name: FigureName): Figure {
  return { value: cells.reduce((sum, c) => sum + c.value, 0), name, parts: cells };
}

function rowLabel(rowId: string): string {
  return TABLE3_ROWS.find((r) => r.id === rowId)?.label ?? rowId;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
