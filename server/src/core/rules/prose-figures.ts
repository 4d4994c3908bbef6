// The table figures prose restates: a 表三 row (or row group) in the 总计
// column, a 表四 总计, a 表二 cell, or several of one table added ("予以公开及
// 部分公开 42 件"). A figure exists only when every cell behind it was read
// with certainty and holds a number; a guessed column must never produce a
// contradiction. A blank cell stands for the value the identities determine,
// else there is no figure.

import type { Messages } from '../i18n';
import type { FigureName } from '../i18n/types';
import type { Cell, Range, Report } from '../model';
import { cellValue, isBlank } from '../identities';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_GROUPS, TABLE3_LEGAL_PERSON_GROUP, TABLE3_ROWS, TABLE3_TOTAL_COLUMN, table2Form } from '../template';
import { MAX_RELATED, type Related } from './types';

export type Table3Figure = 'new' | 'carried' | 'total' | 'forward' | 'public' | 'partial' | 'deny' | 'unable' | 'refuse' | 'other' | ApplicantFigure;
/** 表三 一 or 二 in the 自然人 column, or its five 法人或其他组织 columns added. */
export type ApplicantFigure = `${'new' | 'carried'}:${'natural' | 'organisations'}`;
export type Table4Figure = 'review' | 'suit';
/** A 表二 cell: row id, then column id (template.ts); made, published and publishedTotal are the 2019 trial form's columns. */
export type Table2Figure = `${'rules' | 'normative'}.${'issued' | 'repealed' | 'inForce' | 'made' | 'published' | 'publishedTotal'}` | `${'licensing' | 'penalty' | 'coercion'}.decisions`;
export type FigureId = Table3Figure | Table4Figure | Table2Figure;
/** Figures of one table whose sum a prose count states (most often just one). */
export type Reading = readonly FigureId[];

export interface Figure {
  value: number;
  /** What the figure is, as data (表三“一、本年新收政府信息公开申请数量”总计): the catalogs word it. */
  name: FigureName;
  /** The cells behind it. */
  parts: NamedCell[];
  /** How a sum of several figures names this one: the row, group or column label. */
  label: string;
}

export interface NamedCell {
  cell: Cell;
  value: number;
  name: FigureName;
}

const ROW_FIGURES: Partial<Record<Table3Figure, string>> = { new: 'new', carried: 'carried', total: 'total', forward: 'forward', public: 'public', partial: 'partial' };
const GROUP_FIGURES: Partial<Record<Table3Figure, string>> = { deny: 'deny', unable: 'unable', refuse: 'refuse', other: 'other' };

/** The figure a reading names: one figure, or several of the same table added. */
export function figureOf(report: Report, reading: FigureId | Reading): Figure | undefined {
  const ids = typeof reading === 'string' ? [reading] : reading;
  const figures = ids.map((id) => singleFigure(report, id));
  if (!figures.every(isDefined) || figures.length === 0) return undefined;
  if (figures.length === 1) return figures[0];
  const first = ids[0]!;
  const table = isTable2(first) ? 't2' : first === 'review' || first === 'suit' ? 't4' : 't3';
  const column = isTable2(first) ? columnLabel(first) : isApplicant(first) ? applicantColumn(first) : undefined;
  const name: FigureName = { kind: 'sum', table, labels: figures.map((f) => f.label), ...(column ? { column } : {}) };
  return { value: figures.reduce((sum, f) => sum + f.value, 0), name, parts: figures.flatMap((f) => f.parts), label: name.labels.join('+') };
}

function singleFigure(report: Report, id: FigureId): Figure | undefined {
  if (isTable2(id)) return table2Figure(report, id);
  if (id === 'review' || id === 'suit') return table4Figure(report, id);
  if (isApplicant(id)) return applicantFigure(report, id);
  return table3Figure(report, id);
}

function isTable2(id: FigureId): id is Table2Figure {
  return id.includes('.');
}

function isApplicant(id: FigureId): id is ApplicantFigure {
  return id.includes(':');
}

/** The figure's cells as related locations: 表三“一、…”总计：95; of a group's many cells, the non-zero ones, at most MAX_RELATED. */
export function figureRelated(figure: Figure, m: Messages): Related[] {
  // Past five cells, the non-zero ones help find the mistake; when every one is 0, the first five still show where the figure is.
  const nonZero = figure.parts.filter((c) => c.value !== 0);
  const parts = figure.parts.length > MAX_RELATED ? (nonZero.length > 0 ? nonZero : figure.parts).slice(0, MAX_RELATED) : figure.parts;
  return parts.map((c) => ({ range: c.cell.range, message: m.figures.part(c.name, c.value) }));
}

/** A related location for a number the prose states itself. */
export function statedRelated(range: Range, count: string, m: Messages): Related {
  return { range, message: m.figures.part({ kind: 'stated' }, count) };
}

function table3Figure(report: Report, id: Table3Figure): Figure | undefined {
  const rowId = ROW_FIGURES[id];
  if (rowId) {
    const cell = rowTotal(report, rowId);
    return cell && combine([cell], rowId === 'total' ? { kind: 'row', label: rowLabel(rowId) } : t3Total(rowLabel(rowId)), rowLabel(rowId));
  }
  const groupId = GROUP_FIGURES[id]!;
  const rows = report.tables.t3?.rows.filter((r) => (groupId === 'other' && r.id === 'other') || TABLE3_ROWS.find((s) => s.id === r.id)?.group === groupId) ?? [];
  // A group with a row missing would give a partial sum: no figure then.
  const expected = rows.some((r) => r.id === 'other') ? 1 : TABLE3_ROWS.filter((s) => s.group === groupId).length;
  if (rows.length !== expected) return undefined;
  const cells = rows.map((r) => certainCell(report, r.cells[TABLE3_TOTAL_COLUMN], t3Total(rowLabel(r.id))));
  if (!cells.every(isDefined)) return undefined;
  const label = TABLE3_GROUPS.find((g) => g.id === groupId)?.label ?? groupId;
  return combine(cells, cells.length === 1 ? t3Total(label) : { kind: 'group', label }, label);
}

/** 表三 一 (or 二) by applicant, from a row read one value per column. */
function applicantFigure(report: Report, id: ApplicantFigure): Figure | undefined {
  const [rowId, who] = id.split(':') as [string, string];
  const row = report.tables.t3?.rows.find((r) => r.id === rowId);
  if (!row || row.alignment !== 'exact' || row.cells.length !== TABLE3_COLUMNS.length) return undefined;
  const columns = who === 'natural' ? [0] : [1, 2, 3, 4, 5];
  const label = rowLabel(rowId);
  const cells = columns.map((i) => certainCell(report, row.cells[i], { kind: 'applicants', row: label, column: TABLE3_COLUMNS[i]!.label }));
  if (!cells.every(isDefined)) return undefined;
  const column = applicantColumn(id);
  return combine(cells, { kind: 'applicants', row: label, column, ...(cells.length > 1 ? { columns: true } : {}) }, label);
}

function applicantColumn(id: ApplicantFigure): string {
  return id.endsWith(':natural') ? TABLE3_COLUMNS[0]!.label : TABLE3_LEGAL_PERSON_GROUP;
}

function table4Figure(report: Report, id: Table4Figure): Figure | undefined {
  const t4 = report.tables.t4;
  if (!t4 || !t4.certain || t4.cells.length !== 15) return undefined;
  const t4Total = (label: string): FigureName => ({ kind: 'total', table: 't4', label });
  if (id === 'review') {
    const cell = certainCell(report, t4.cells[4], t4Total('行政复议'));
    return cell && combine([cell], t4Total('行政复议'), '行政复议');
  }
  const cells = [certainCell(report, t4.cells[9], t4Total('未经复议直接起诉')), certainCell(report, t4.cells[14], t4Total('复议后起诉'))];
  if (!cells.every(isDefined)) return undefined;
  return combine(cells, { kind: 'suits' }, '行政诉讼');
}

/** A 表二 cell, in a row read one value per column, of a block in the form (2021 or 2019) the column belongs to. */
function table2Figure(report: Report, id: Table2Figure): Figure | undefined {
  const [rowId, columnId] = id.split('.') as [string, string];
  const spec = TABLE2_BLOCKS.find((b) => !b.legacyOnly && b.rows.some((r) => r.id === rowId))!;
  const block = report.tables.t2?.blocks.find((b) => b.id === spec.id);
  if (!block) return undefined;
  // The two forms' columns are other quantities (本年制发件数 is not 本年新制作数量).
  const form = table2Form(spec, block.legacy);
  const column = form.columns.findIndex((c) => c.id === columnId);
  const row = block.rows.find((r) => r.id === rowId);
  if (column < 0 || !row || row.alignment !== 'exact' || row.cells.length !== form.columns.length) return undefined;
  const rowName = form.rows.find((r) => r.id === rowId)!.label;
  const name: FigureName = { kind: 'cell', row: rowName, column: columnLabel(id) };
  const cell = certainCell(report, row.cells[column], name);
  return cell && combine([cell], name, rowName);
}

function columnLabel(id: Table2Figure): string {
  const columnId = id.split('.')[1];
  return TABLE2_BLOCKS.flatMap((b) => [...b.columns, ...b.trial.columns]).find((c) => c.id === columnId)!.label;
}

function t3Total(label: string): FigureName {
  return { kind: 'total', table: 't3', label };
}

function rowTotal(report: Report, rowId: string): NamedCell | undefined {
  const row = report.tables.t3?.rows.find((r) => r.id === rowId);
  return certainCell(report, row?.cells[TABLE3_TOTAL_COLUMN], t3Total(rowLabel(rowId)));
}

/** A number read with certainty, or a blank the identities determine: an invalid cell or an undetermined blank says nothing the prose could contradict. */
function certainCell(report: Report, cell: Cell | undefined, name: FigureName): NamedCell | undefined {
  if (!cell || (cell.kind !== 'number' && !isBlank(cell))) return undefined;
  const value = cellValue(report, cell);
  return value === undefined ? undefined : { cell, value, name };
}

function combine(cells: NamedCell[], name: FigureName, label: string): Figure {
  return { value: cells.reduce((sum, c) => sum + c.value, 0), name, parts: cells, label };
}

function rowLabel(rowId: string): string {
  return TABLE3_ROWS.find((r) => r.id === rowId)?.label ?? rowId;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
