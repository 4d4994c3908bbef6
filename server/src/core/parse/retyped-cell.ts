// The commonest keystroke in a table: digits typed into, over or out of one
// figure of 表三 (12 → 123, 7 → 6). Read again, the table would come out the
// same but for that cell and the offsets after it, so it is not read again:
// the previous version's rows are shared (or moved, when the figure's length
// changed) and the one cell is made anew, with what the full read would give
// it. The incremental tests hold this path to a full parse.
//
// It applies only where the read does not depend on the figures:
// - a row whose values matched the columns one for one (alignment 'exact'
//   with as many values as cells): rows with fewer values are aligned by
//   their sums (align.ts), rows that ran together are split by them (glued.ts);
// - layouts that part cells by tabs, pipes or spaces, never by what a cell
//   holds ('run-together' splits digits); in 'cell-per-line', where a line
//   without a leading tab joins the cell before when it reads as text
//   (cells.ts), only a line that starts with a tab or holds the figure alone;
// - a figure of plain ASCII digits before and after, so the edit neither adds
//   nor removes a separator, a sign or a decimal point;
// - 表三 only: 表二's values are read per column (a change may be negative, a
//   purchase has its unit) and 表四's reading order may be told by its sums.

import type { Cell, Table, Table3, TableLayout } from '../model';
import { plainInteger } from '../text/numbers';
import { Mover } from './move-parts';

/** The edit, in the previous version's offsets: [start, end) replaced, the text's length changed by `shift`. */
export interface TypedEdit {
  readonly start: number;
  readonly end: number;
  readonly shift: number;
}

/** The edited line as it is now: its text and where it starts (the same offset as before: the edit is inside it). */
export interface EditedLine {
  readonly text: string;
  readonly start: number;
}

const CELLS_PARTED_BY_SEPARATORS: ReadonlySet<TableLayout> = new Set(['tab-grid', 'pipe', 'pdf-rows', 'cell-per-paragraph', 'cell-lines', 'cell-per-line']);

/** `table` after an edit that only retyped digits of one of its figures; undefined when it must be read again. */
export function retypedCell(table: Table, edit: TypedEdit, line: EditedLine): Table3 | undefined {
  if (table.kind !== 't3' || !CELLS_PARTED_BY_SEPARATORS.has(table.layout)) return undefined;
  const found = figureHolding(table, edit);
  if (!found) return undefined;
  const { row: r, cell: c } = found;
  const cell = table.rows[r]!.cells[c]!;
  const from = cell.range.start - line.start;
  const to = cell.range.end + edit.shift - line.start;
  if (from < 0 || to > line.text.length || to <= from) return undefined;
  const text = line.text.slice(from, to);
  const value = plainInteger(text);
  if (value === undefined) return undefined;
  if (table.layout === 'cell-per-line' && !line.text.startsWith('\t') && line.text.trim() !== text) return undefined;
  // Everything from the edit's end on moves, ends there included: the figure, its row and the table grow or
  // shrink with what was typed at the figure's end (an insertion elsewhere keeps a range ending where it is).
  const moved = new Mover({ movedFrom: edit.end, shift: edit.shift, insertion: false }).table(table) as Table3;
  const row = moved.rows[r]!;
  const cells = row.cells.slice();
  // As tables/rows.ts toCell makes a figure of an exact row.
  const typed: Cell = { kind: 'number', text, range: { start: cell.range.start, end: cell.range.end + edit.shift }, value, decimals: 0, certain: true };
  cells[c] = typed;
  const rows = moved.rows.slice();
  rows[r] = { ...row, cells };
  return { ...moved, rows };
}

/** The row and cell of the plain figure, in a row read without its sums, whose range holds the whole edit. */
function figureHolding(table: Table3, edit: TypedEdit): { row: number; cell: number } | undefined {
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.range.end < edit.start || row.range.start > edit.end) continue;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c]!;
      if (cell.range.start > edit.start || cell.range.end < edit.end) continue;
      const plain = cell.kind === 'number' && cell.certain && cell.text.length === cell.range.end - cell.range.start && plainInteger(cell.text) !== undefined;
      const readWithoutSums = row.alignment === 'exact' && row.foundValues === row.cells.length;
      return plain && readWithoutSums ? { row: r, cell: c } : undefined;
    }
  }
  return undefined;
}
