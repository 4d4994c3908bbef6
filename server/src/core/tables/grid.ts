// A grid that kept every cell: a tab or pipe export of a Word table, a
// box-drawn table, the rendition of a Word file or a web page. Its rows are as
// wide as each other and end with their totals, so a figure's column is its
// place in its row, not its place among the row's figures: an empty first
// figure cell (a 0 the writer left blank) is a blank there, not a cell lost in
// export, and the empty cells before a row's first figure are not a label's
// padding. A row narrower than the others did lose a cell, and is read as one.

import type { TableLayout } from '../model';
import type { StreamCell } from './cells';
import type { CandidateRow } from './rows';
import type { HeaderColumns } from './header-columns';

/**
 * What a table's layout tells of where its cells stand: the width of the grid its rows stand in (gridWidth), or that
 * its empty cells are cells with no label's padding among them (one cell a line: `cell-lines`).
 */
export interface Placing {
  readonly grid?: number;
  readonly emptiesAreCells?: boolean;
  /** A text laid out in columns of spaces whose header names the template's columns: a figure's column is the header's
   * column it stands in (header-columns.ts). */
  readonly columns?: HeaderColumns;
}

/** How a table's cells are placed, in a table of `layout` whose rows are `rows` and whose columns are `columns`. */
export function placingOf(cells: readonly StreamCell[], rows: readonly CandidateRow[], layout: TableLayout, columns: readonly string[]): Placing {
  if (layout === 'cell-lines') return { emptiesAreCells: true };
  const grid = gridWidth(cells, rows, layout, columns);
  return grid === undefined ? {} : { grid };
}

/** Layouts whose rows keep their empty cells, one per column (HTML: its spans laid out as a browser does, html-cells.ts). */
export const GRID_LAYOUTS: ReadonlySet<TableLayout> = new Set(['tab-grid', 'pipe', 'box', 'html']);

/** Fewest rows of figures, and the share of them, that must be as wide as each other for the width to be the grid's. */
const MIN_GRID_ROWS = 3;
const GRID_SHARE = 2 / 3;

/**
 * The width of the grid a table's rows of figures stand in: most of them are that wide, every one of them that wide
 * ends in its total (endsInItsTotal), and a row of the header as wide names the columns in its last cells (headerHolds:
 * the total column ends the grid, no closing tab or note column after it, no column added). Else undefined: a row narrower than
 * the others lost a cell, whatever its right end looks like.
 */
export function gridWidth(cells: readonly StreamCell[], rows: readonly CandidateRow[], layout: TableLayout, columns: readonly string[]): number | undefined {
  if (!GRID_LAYOUTS.has(layout)) return undefined;
  const widths = new Map<number, number>();
  let placed = 0;
  for (const row of rows) {
    if (row.width === undefined) continue;
    placed++;
    widths.set(row.width, (widths.get(row.width) ?? 0) + 1);
  }
  let width = 0;
  let count = 0;
  for (const [w, n] of widths) if (n > count) [width, count] = [w, n];
  if (count < MIN_GRID_ROWS || count < placed * GRID_SHARE) return undefined;
  for (const row of rows) if (row.width === width && !endsInItsTotal(row)) return undefined;
  return headerHolds(cells, width, columns) || (width === columns.length + 1 && cells[0]?.spansOnce === true && headerWithoutSpans(cells, columns)) ? width : undefined;
}

/**
 * Whether a row's total stands in its last cell: a figure there, or a blank or placeholder (a total left empty, a
 * row of `/`) where its figures do not read as a whole row moved one cell left, their last the sum of the others (an
 * export that lost the row's first cell and padded its end).
 */
function endsInItsTotal(row: CandidateRow): boolean {
  const n = row.values.length;
  if (row.at! + n + row.trailingEmpties.length !== row.width) return false;
  if (row.trailingEmpties.length === 0 && row.values[n - 1]!.kind === 'number') return true;
  const figures = row.values.filter((v) => v.kind === 'number').map((v) => v.value!);
  if (figures.length < 2) return true;
  const last = figures[figures.length - 1]!;
  return figures.slice(0, -1).reduce((a, b) => a + b, 0) !== last;
}

/**
 * Whether a row of the header (the cells before the first figure) is `width` cells wide and names the template's first
 * and last columns (`columns`: 自然人 … 总计) where the row's last cells are those columns: no column added among them
 * (an agency's 法人小计), none in another order.
 */
function headerHolds(cells: readonly StreamCell[], width: number, columns: readonly string[]): boolean {
  const named = (c: StreamCell | undefined, label: string) => c?.kind === 'text' && c.text.replace(/\s/g, '') === label;
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const c = cells[i];
    if (!c || c.rowStart) {
      if (i - start === width && named(cells[i - 1], columns[columns.length - 1]!) && named(cells[i - columns.length], columns[0]!)) return true;
      start = i;
    }
    if (!c || c.kind === 'number') return false;
  }
  return false;
}

/** The header's rows (the cells before the first figure), each its cells' names without white space. */
function headerRows(cells: readonly StreamCell[]): string[][] {
  const rows: string[][] = [];
  for (const c of cells) {
    if (c.kind === 'number') break;
    if (c.rowStart || rows.length === 0) rows.push([]);
    rows[rows.length - 1]!.push(c.kind === 'text' ? c.text.replace(/\s/g, '') : '');
  }
  return rows;
}

/**
 * Whether the header is the template's written with its spans lost, in a text whose converter writes a spanning cell
 * once (StreamCell.spansOnce: Python's html2text of cells holding paragraphs; other layouts are read as before): a row ending in the first column, the group over the middle ones and the last column
 * (自然人 | 法人或其他组织 | 总计), then a row of exactly the middle columns in order. Its rows are then a label and the
 * columns, no column added (one would stand in one of those rows).
 */
function headerWithoutSpans(cells: readonly StreamCell[], columns: readonly string[]): boolean {
  const rows = headerRows(cells);
  const middle = columns.slice(1, -1);
  return rows.some((row, r) => {
    const next = rows[r + 1];
    const n = row.length;
    return n >= 3 && row[n - 3] === columns[0] && row[n - 1] === columns[columns.length - 1] &&
      next !== undefined && next.length === middle.length && next.every((name, k) => name === middle[k]);
  });
}

/**
 * A row's figure cells read from its end: its last `figures` cells, where it is as wide as the grid, its values run to
 * its end and the empty cells before its first value hold the rest of them (read after its label). Else undefined.
 */
export function cellsFromRowEnd(row: CandidateRow, figures: number, width: number): StreamCell[] | undefined {
  if (row.width !== width || row.at === undefined) return undefined;
  const n = row.values.length;
  if (row.at + n + row.trailingEmpties.length !== row.width) return undefined;
  const before = figures - n - row.trailingEmpties.length;
  if (before < 0 || before > row.leadingEmpties.length) return undefined;
  return [...row.leadingEmpties.slice(row.leadingEmpties.length - before), ...row.values, ...row.trailingEmpties];
}

/** The row of figures as `figures` cells, where it is exactly that wide and holds no label. Else undefined. */
export function wholeRow(cells: readonly StreamCell[], row: CandidateRow, figures: number): StreamCell[] | undefined {
  if (row.width !== figures || row.at === undefined || row.at + row.values.length + row.trailingEmpties.length !== figures) return undefined;
  const first = cells.indexOf(row.values[0]!) - row.at;
  const line = cells.slice(first, first + figures);
  return line.length === figures && !line.some((c) => c.kind === 'text') ? line : undefined;
}

/** Whether each of the cells stands alone on its line (one cell a line: an empty line is then an empty cell). */
export function onePerLine(cells: readonly StreamCell[]): boolean {
  return cells.every((c) => c.alone === true);
}
