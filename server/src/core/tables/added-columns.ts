// Columns an agency adds to a template's table of its own: a 备注 after the
// total, a 序号 before the row labels, a 法人小计 before the total. What they
// hold is not the template's and is not checked; left in, they make a grid's
// rows wider than the template's and their cells look like figures or labels
// (a note's text after a row's total reads as the next row's label, the
// subtotal as an eighth figure). Where the grid keeps every cell in its column,
// the header names such a column and places it: that cell is taken out of every
// row as wide as the header row, and the template's columns are read by their
// places as in any grid (grid.ts).

import type { TableLayout } from '../model';
import type { AddedColumnSpec } from '../template';
import type { StreamCell } from './cells';
import { GRID_LAYOUTS } from './grid';
import { isEmpty } from './rows';

/** What tells a table's added columns: their names and places (template.ts), and the table's own shape. */
export interface AddedColumnsOf {
  readonly added: readonly AddedColumnSpec[];
  /** The template's narrowest row of figures, in cells: its figures and one label cell, if it has row names. */
  readonly narrowest: number;
  /** The total column's name, that a subtotal stands before. */
  readonly total: string;
}

/**
 * The table's cells without those of the columns its header names as added, in a layout that keeps every cell in its
 * column. The cells themselves when no column was added (a table read as before).
 */
export function withoutAddedColumns(cells: readonly StreamCell[], layout: TableLayout, table: AddedColumnsOf): readonly StreamCell[] {
  if (!GRID_LAYOUTS.has(layout)) return cells;
  // An added column, named or not, makes some row wider than the template's narrowest (addedPlaces, unnamedSerialWidth,
  // paddedWidth): a table with none is its cells, and is not cut into rows.
  if (widestRow(cells) <= table.narrowest) return cells;
  const rows = rowsOf(cells);
  const firstFigures = rows.findIndex((row) => row.some((c) => c.kind === 'number'));
  if (firstFigures <= 0) return cells;
  const dropped = addedPlaces(rows.slice(0, firstFigures), rows.slice(firstFigures), table);
  const serial = unnamedSerialWidth(rows, firstFigures, table.narrowest);
  if (serial !== undefined && !dropped.get(serial)?.size) dropped.set(serial, new Set([0]));
  const padded = paddedWidth(rows, firstFigures, table);
  if (padded !== undefined && !dropped.has(padded)) dropped.set(padded, new Set([padded - 1]));
  if (dropped.size === 0) return cells;
  const out: StreamCell[] = [];
  for (const row of rows) {
    const places = dropped.get(row.length);
    const kept = places ? row.filter((_, i) => !places.has(i)) : row;
    // The row's first cell taken out (a 序号): the next one starts the row.
    kept.forEach((c, i) => out.push(i === 0 && !c.rowStart && row[0]!.rowStart ? { ...c, rowStart: true } : c));
  }
  return out;
}

/** How many cells the widest of the rows (rowsOf) has. */
function widestRow(cells: readonly StreamCell[]): number {
  let widest = 0;
  let width = 0;
  for (let i = 0; i < cells.length; i++) {
    if (i > 0 && cells[i]!.rowStart) {
      if (width > widest) widest = width;
      width = 0;
    }
    width++;
  }
  return width > widest ? width : widest;
}

/** The cells in rows, each from a cell that starts a row to the next (the first cell starts the first row). */
function rowsOf(cells: readonly StreamCell[]): StreamCell[][] {
  const rows: StreamCell[][] = [];
  for (const c of cells) {
    if (c.rowStart || rows.length === 0) rows.push([]);
    rows[rows.length - 1]!.push(c);
  }
  return rows;
}

/**
 * Where the header rows name an added column: per width of a header row, the places in rows that wide. Only a row as
 * wide as the template's columns, a label and the added column can name one (not a title line above the table).
 */
function addedPlaces(header: readonly StreamCell[][], body: readonly StreamCell[][], { added, narrowest, total }: AddedColumnsOf): Map<number, Set<number>> {
  const places = new Map<number, Set<number>>();
  for (const row of header) {
    if (row.length <= narrowest) continue;
    row.forEach((c, i) => {
      const spec = added.find((a) => a.names.includes(nameOf(c)));
      if (!spec || !standsAsSaid(spec, row.length, i, header, total)) return;
      if (spec.figuresOnly && body.some((r) => r.length === row.length && r[i]!.kind === 'text')) return;
      const set = places.get(row.length) ?? new Set<number>();
      places.set(row.length, set.add(i));
    });
  }
  return places;
}

/** Whether an added column's name at place `i` of a header row `width` cells wide stands where such a column does. */
function standsAsSaid(spec: AddedColumnSpec, width: number, i: number, header: readonly StreamCell[][], total: string): boolean {
  if (spec.stands === 'last') return i === width - 1;
  if (spec.stands === 'first') return i === 0;
  // A subtotal's name is a total's too: it is added only where the total column is named after it in the header.
  return header.some((row) => row.length === width && row.some((c, j) => j > i && nameOf(c) === total));
}

/**
 * The width of the rows of a 序号 column the header leaves unnamed: every row of figures that wide begins with the
 * figures 1, 2, 3 … in order (at least MIN_SERIAL of them), and every header row that wide begins with an empty cell.
 * A template's row begins with its label, never with a figure; a run of them counting up from 1 is no row's figures.
 */
function unnamedSerialWidth(rows: readonly StreamCell[][], firstFigures: number, narrowest: number): number | undefined {
  const width = rows[firstFigures]!.length;
  if (width <= narrowest) return undefined;
  if (rows.slice(0, firstFigures).some((row) => row.length === width && row[0]!.kind !== 'empty' && row[0]!.kind !== 'blank')) return undefined;
  let n = 0;
  for (const row of rows.slice(firstFigures)) {
    if (row.length !== width) continue;
    const first = row[0]!;
    if (first.kind !== 'number' || first.decimals !== 0 || first.value !== n + 1) return undefined;
    n++;
  }
  return n >= MIN_SERIAL ? width : undefined;
}

const MIN_SERIAL = 5;

/**
 * The width of rows padded with one empty cell after the total (an export's closing tab on the rows of figures, not on
 * the header): a header row ends in the total's name one cell narrower, and every row of figures that wide ends in an
 * empty cell (at least MIN_PADDED_ROWS of them). That cell holds nothing: taking it out loses nothing.
 */
function paddedWidth(rows: readonly StreamCell[][], firstFigures: number, { narrowest, total }: AddedColumnsOf): number | undefined {
  const named = rows.slice(0, firstFigures).filter((row) => row.length >= narrowest && nameOf(row[row.length - 1]!) === total);
  for (const header of named) {
    const width = header.length + 1;
    const body = rows.slice(firstFigures).filter((row) => row.length === width);
    const figures = body.filter((row) => row.some((c) => c.kind === 'number'));
    if (figures.length >= Math.min(MIN_PADDED_ROWS, rows.length - firstFigures) && figures.length > 0 && body.every((row) => isEmpty(row[width - 1]!))) return width;
  }
  return undefined;
}

const MIN_PADDED_ROWS = 3;

function nameOf(c: StreamCell): string {
  return c.kind === 'text' ? c.text.replace(/\s/g, '') : '';
}
