// 表四: a header of merged cells and one row of 15 numbers (three groups of
// five). Layouts differ only in how the 15 are laid out, so the values are
// taken in reading order.

import type { Table4, TableLayout } from '../model';
import { TABLE4_ADDED_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../template';
import { withoutAddedColumns, type AddedColumnsOf } from './added-columns';
import { unreadableDetail, type StreamCell } from './cells';
import { outOfColumnOrder, rowSumHolds } from './align';
import { chooseReading, readingsOf, runText } from './glued';
import { inTemplateOrder, table4Order, type ColumnOrder } from './column-order';
import { assembleRows, isEmpty, loneFigure, missingCell, toCell, withoutColumnNumbers, withoutPageNumbers, type CandidateRow } from './rows';
import { GRID_LAYOUTS, onePerLine, wholeRow } from './grid';
import { cellsByColumns, groupsOverColumns, headerColumns } from './header-columns';

export const TABLE4_SIZE = TABLE4_GROUPS.length * TABLE4_COLUMNS.length;

const ADDED_TO_TABLE4: AddedColumnsOf = { added: TABLE4_ADDED_COLUMNS, narrowest: TABLE4_SIZE, total: TABLE4_COLUMNS[TABLE4_COLUMNS.length - 1]!.label };

/**
 * 表四 from its region's cells in `layout`. `inColumns`: the region's cells read as laid out in columns of spaces, where
 * the layout found was one cell a line (a text browser's dump: its header's lines hold words and no figures, so they
 * read as single cells); a table short of figures so is read by its header's columns where they place its row.
 */
export function readTable4(stream: readonly StreamCell[], layout: TableLayout, inColumns?: () => StreamCell[]): { table: Table4; end: number } {
  const read = readTable4As(stream, layout, false)!;
  if (!inColumns || !ONE_CELL_A_LINE.has(layout) || read.table.problems[0]?.kind !== 'values-count') return read;
  return readTable4As(inColumns(), 'pdf-rows', true) ?? read;
}

const ONE_CELL_A_LINE: ReadonlySet<TableLayout> = new Set(['cell-lines', 'cell-per-paragraph']);

/** 表四 read in `layout`; with `byHeaderOnly`, undefined unless its row was placed by the header's columns. */
function readTable4As(stream: readonly StreamCell[], layout: TableLayout, byHeaderOnly: boolean): { table: Table4; end: number } | undefined {
  // Columns the agency added (项目 over 件数, 序号, 备注) are no cells of the template's table.
  const cells = withoutAddedColumns(stream, layout, ADDED_TO_TABLE4);
  // A row numbering the 15 columns is no data: 表四 has no row names, so none of its rows names a template row.
  const numbered = withoutColumnNumbers(assembleRows(cells).rows, TABLE4_SIZE, () => false);
  // A page's number on a line of its own right before the row of 15 (loneFigure): no figure of the table.
  const rows = withoutPageNumbers(numbered, (k) => loneFigure(numbered[k]!) && numbered[k + 1]?.values.length === TABLE4_SIZE);
  const values: StreamCell[] = [];
  let last: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (values.length >= TABLE4_SIZE) break;
    values.push(...row.values);
    last = row;
  }
  // Blank cells at the end of the row (复议后起诉 often has no case): kept when the row's cells are the 15 with them.
  // An export's closing tab is one more empty cell, never one of the 15.
  const placed = values.length >= TABLE4_SIZE ? undefined : GRID_LAYOUTS.has(layout) ? rowByPlace(cells, rows) : layout === 'cell-lines' ? linesByPlace(rows) : layout === 'pdf-rows' ? rowByHeader(cells, rows) : undefined;
  if (byHeaderOnly && !(placed && layout === 'pdf-rows')) return undefined;
  if (placed) values.splice(0, values.length, ...placed);
  else if (last && values.length < TABLE4_SIZE && values.length + last.trailingEmpties.length >= TABLE4_SIZE) {
    values.push(...last.trailingEmpties.slice(0, TABLE4_SIZE - values.length));
  }
  const start = cells.length > 0 ? cells[0]!.range.start : 0;
  // The header: the cells before the first figure.
  const columns = table4Order(values.length > 0 ? cells.slice(0, Math.max(0, cells.indexOf(values[0]!))) : [], layout);
  if (values.some((v) => v.glued)) return withColumnOrder(runTogether(values, start, layout), columns);
  const written = values.slice(0, TABLE4_SIZE);
  // A header that puts the columns in another order, read whole: the figures taken by it.
  const used = columns.reordered && columns.order && written.length === TABLE4_SIZE ? inTemplateOrder(written, columns.order) : written;
  // PDF text may list a table's cells in another order than its columns (header words between the numbers).
  // Figures over two lines of a text laid out in columns, a later one left of an earlier one: not read in column order.
  // A row placed by the header's columns is in their order by how it was read (its blanks are no cells of the stream).
  const byHeader = placed !== undefined && layout === 'pdf-rows';
  const orderKnown = byHeader || (!outOfColumnOrder(written) && (inColumnOrder(cells, written) || groupsHold(used.map((v) => toCell(v, true).value))));
  const certain = values.length === TABLE4_SIZE && orderKnown;
  const end = written.length > 0 ? written[written.length - 1]!.range.end : cells.length > 0 ? cells[0]!.range.end : start;
  const tableCells = used.map((v) => toCell(v, certain));
  while (tableCells.length < TABLE4_SIZE) tableCells.push(missingCell(end));
  const problems: Table4['problems'] = [];
  if (values.length === 0) {
    problems.push({ kind: 'unreadable', range: { start, end }, detail: unreadableDetail(cells) });
  } else if (values.length === TABLE4_SIZE && !orderKnown) {
    problems.push({ kind: 'unreadable', range: { start: values[0]!.range.start, end }, detail: { what: 'order-unknown' } });
  } else if (!certain) {
    problems.push({ kind: 'values-count', range: { start: values[0]!.range.start, end }, detail: { what: 'values-count', found: values.length, expected: TABLE4_SIZE } });
  }
  return withColumnOrder({ table: { kind: 't4', range: { start, end }, layout, problems, legacy: false, cells: tableCells, certain }, end }, columns);
}

/**
 * A table whose header puts the columns in another order than the template's and could not be read by it (its order
 * not read whole, a layout whose header cells may run into each other, not 15 figures): no figure is known to be in
 * its column, and the header's order is the one problem told.
 */
function withColumnOrder(read: { table: Table4; end: number }, columns: ColumnOrder): { table: Table4; end: number } {
  if (!columns.reordered || (columns.order && read.table.cells.length === TABLE4_SIZE && read.table.problems.length === 0)) return read;
  const { table } = read;
  const cells = table.cells.map((c) => ({ ...c, certain: false }));
  return { table: { ...table, cells, certain: false, problems: [{ kind: 'columns-order', range: columns.range, detail: { what: 'columns-order', parted: columns.parted } }] }, end: read.end };
}

/**
 * The row of figures as its 15 cells, where it is exactly 15 cells wide in a layout that keeps empty cells (a Word
 * table's text; a Word file or a web page read): every cell is a column's, the empty ones before its first figure too
 * (行政复议 with no case, its 0s left blank). Else undefined.
 */
function rowByPlace(cells: readonly StreamCell[], rows: readonly CandidateRow[]): StreamCell[] | undefined {
  const row = rows.find((r) => r.values.length > 0);
  const line = row && wholeRow(cells, row, TABLE4_SIZE);
  // A row ending with an empty cell is 复议后起诉 with no case, all five empty; an empty total after figures is a row
  // moved one cell left, its first cell lost and its end padded.
  if (!line || !isEmpty(line[TABLE4_SIZE - 1]!)) return line;
  return line.slice(TABLE4_SIZE - TABLE4_COLUMNS.length).every(isEmpty) ? line : undefined;
}

// The header's 15 columns by name, and its three groups over them (template.ts).
const COLUMN_NAMES = TABLE4_GROUPS.flatMap(() => TABLE4_COLUMNS.map((c) => c.label));
const GROUP_NAMES = TABLE4_GROUPS.map((g) => g.label);

/**
 * A table laid out in columns of spaces (a text browser's dump of a web page): an empty cell leaves no mark, so a row
 * with 行政复议 left blank has fewer figures than 15. Where the header names the template's 15 columns in order, under
 * its three groups in order, and the one row of figures places each in one of them (header-columns.ts), the row is
 * its figures in their columns and blanks in the others. Else undefined.
 */
function rowByHeader(cells: readonly StreamCell[], rows: readonly CandidateRow[]): StreamCell[] | undefined {
  const withFigures = rows.filter((r) => r.values.length > 0);
  if (withFigures.length !== 1) return undefined;
  const row = withFigures[0]!;
  const header = cells.slice(0, cells.indexOf(row.values[0]!));
  const columns = headerColumns(header, [row], COLUMN_NAMES);
  if (!columns || !groupsOverColumns(header, columns, GROUP_NAMES, TABLE4_COLUMNS.length)) return undefined;
  return cellsByColumns(row.values, columns);
}

/**
 * One cell a line, an empty cell an empty line (LibreOffice's text of a Word table): the row of figures as the empty
 * lines after the header, its figures and as many of the empty lines after them as the 15 lack. Else undefined.
 * The export writes blank lines after the table too (before the next part), so the empty lines after the last figure
 * may be more than the row's empty cells: they are taken only up to the 15, and only where the last figure is a
 * group's total, so that the groups after it are wholly empty (复议后起诉 with no case). A last figure in another
 * column is a row that lost a cell (its total would be empty): it is left to be warned.
 */
function linesByPlace(rows: readonly CandidateRow[]): StreamCell[] | undefined {
  const row = rows.find((r) => r.values.length > 0);
  if (!row || row !== rows[rows.length - 1] || row.labels.length === 0) return undefined;
  const written = [...row.leadingEmpties, ...row.values];
  const lacking = TABLE4_SIZE - written.length;
  if (lacking < 0 || lacking > row.trailingEmpties.length) return undefined;
  const line = [...written, ...row.trailingEmpties.slice(0, lacking)];
  if (!onePerLine(line)) return undefined;
  return lacking === 0 || written.length % TABLE4_COLUMNS.length === 0 ? line : undefined;
}

/** The five totals of 表四 hold: each group's last cell is the sum of its first four. */
function groupsHold(values: readonly (number | undefined)[]): boolean {
  for (let g = 0; g < TABLE4_GROUPS.length; g++) {
    if (!rowSumHolds(values.slice(g * TABLE4_COLUMNS.length, (g + 1) * TABLE4_COLUMNS.length), TABLE4_COLUMNS.length - 1)) return false;
  }
  return true;
}

/** 表四 of a flattened page: its 15 numbers as one run of digits (glued.ts). */
function runTogether(values: StreamCell[], start: number, layout: TableLayout): { table: Table4; end: number } {
  const { reading, only } = chooseReading(readingsOf(values, TABLE4_SIZE), groupsHold, values.length === TABLE4_SIZE);
  const end = values[values.length - 1]!.range.end;
  const used = reading ?? only;
  const tableCells = used ? used.map((c) => toCell(c, !!reading)) : Array.from({ length: TABLE4_SIZE }, () => missingCell(end));
  const problems: Table4['problems'] = reading
    ? []
    : [{ kind: 'row-run-together', range: { start: values[0]!.range.start, end }, detail: { what: 'run-together', row: '', digits: runText(values), ...(only ? { reading: only.map((c) => c.text).join(' | ') } : {}) } }];
  return { table: { kind: 't4', range: { start, end }, layout, problems, legacy: false, cells: tableCells, certain: !!reading }, end };
}

const TOTAL_LABEL = '总计';

/**
 * The numbers are in the columns' order: no header words between them, but
 * for a 总计 written right before a group's total (a header cell that
 * wrapped onto the numbers' line). Words of the header among the numbers
 * mean the text was extracted block by block, in an order that is not the
 * table's (poppler's pdftotext without -layout).
 */
function inColumnOrder(cells: readonly StreamCell[], values: readonly StreamCell[]): boolean {
  if (values.length === 0) return true;
  const first = cells.indexOf(values[0]!);
  const last = cells.indexOf(values[values.length - 1]!);
  let k = 0;
  for (let i = first; i <= last; i++) {
    const c = cells[i]!;
    if (c === values[k]) { k++; continue; }
    if (c.kind !== 'text') continue;
    if (c.text.replace(/\s/g, '') !== TOTAL_LABEL || k % TABLE4_COLUMNS.length !== TABLE4_COLUMNS.length - 1) return false;
  }
  return true;
}
