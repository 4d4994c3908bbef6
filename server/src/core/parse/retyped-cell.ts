// The commonest keystroke in a table: digits typed into, over or out of one
// figure of 表三 (12 → 123, 7 → 6). Read again, the table would come out the
// same but for that figure's row and the offsets after it, so it is not read
// again: that row alone is (from the cells it was read from, the figure
// retyped: tables/table3.ts readRowAgain), and the other rows are shared, or
// moved when the figure's length changed. The incremental tests and the fuzz
// hold this path to a full parse.
//
// It applies only where the rest of the table does not depend on the figure:
// - layouts that part cells by tabs, pipes or spaces, never by what a cell
//   holds ('run-together' splits digits by the row's sums); in
//   'cell-per-line', where a line without a leading tab joins the cell before
//   when it reads as text (cells.ts), only a line that starts with a tab or
//   holds the figure alone;
// - a figure of plain ASCII digits before and after, so the edit neither adds
//   nor removes a separator, a sign or a decimal point, and the cell stays a
//   number: which cells make up each row does not change;
// - the row read again keeps its extent and raises a shape problem exactly
//   when it did before (a row that lost a column may read as exact once its
//   sum breaks): the table's extent and its list of problems stay in place;
// - 表三 only: 表二's values are read per column (a change may be negative, a
//   purchase has its unit) and 表四's reading order may be told by its sums.

import type { Table, Table3, TableLayout } from '../model';
import { moveRange, type Move } from '../report-delta';
import { movedStreamCell, type StreamCell } from '../tables/cells';
import { candidateOf, readRowAgain, retypedRow, rowSource } from '../tables/table3';
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

// Layouts whose cells are delimited, by tabs, pipes or spaces or by a line or paragraph of their own, so that digits
// typed in a figure cannot join it to a neighbour: not a flattened page's runs of digits (cell-per-line is further
// held to a line that starts with a tab or holds the figure alone, below).
const DELIMITED_CELLS: ReadonlySet<TableLayout> = new Set(['tab-grid', 'pipe', 'pdf-rows', 'cell-per-paragraph', 'cell-lines', 'cell-per-line']);

/** `table` after an edit that only retyped digits of one of its figures; undefined when it must be read again. */
export function retypedCell(table: Table, edit: TypedEdit, line: EditedLine): Table3 | undefined {
  if (table.kind !== 't3' || !DELIMITED_CELLS.has(table.layout)) return undefined;
  const r = table.rows.findIndex((row) => row.range.start <= edit.start && edit.end <= row.range.end);
  const old = table.rows[r];
  const source = old && rowSource(table, r);
  if (!source) return undefined;
  const cand = candidateOf(source);
  const k = cand.values.findIndex((v) => v.range.start <= edit.start && edit.end <= v.range.end);
  const figure = cand.values[k];
  if (!figure || figure.kind !== 'number' || figure.glued || figure.text.length !== figure.range.end - figure.range.start || plainInteger(figure.text) === undefined) return undefined;
  const from = figure.range.start - line.start;
  const to = figure.range.end + edit.shift - line.start;
  if (from < 0 || to > line.text.length || to <= from) return undefined;
  const text = line.text.slice(from, to);
  const value = plainInteger(text);
  if (value === undefined) return undefined;
  if (table.layout === 'cell-per-line' && !line.text.startsWith('\t') && line.text.trim() !== text) return undefined;

  // Everything from the edit's end on moves, ends there included: the figure, its row and the table grow or
  // shrink with what was typed at the figure's end (an insertion elsewhere keeps a range ending where it is).
  const move: Move = { movedFrom: edit.end, shift: edit.shift, insertion: false };
  // As tables/cells.ts makes a figure of plain digits.
  const typed: StreamCell = { kind: 'number', text, range: { start: figure.range.start, end: figure.range.end + edit.shift }, value, decimals: 0, rowStart: figure.rowStart };
  if (figure.alone) typed.alone = true;
  if (figure.spansOnce) typed.spansOnce = true;
  const values = cand.values.map((v, i) => (i === k ? typed : i > k ? movedStreamCell(v, move) : v));
  const trailingEmpties = cand.trailingEmpties.map((v) => movedStreamCell(v, move));
  const again = readRowAgain(source, { ...cand, values, trailingEmpties });
  const { row, problem } = again;
  const extent = moveRange(old.range, move);
  if (row.range.start !== extent.start || row.range.end !== extent.end || !problem !== source.problemIndex < 0 || source.problemIndex >= table.problems.length) return undefined;

  const moved = new Mover(move).table(table) as Table3;
  const rows = moved.rows.slice();
  rows[r] = row;
  let problems = moved.problems;
  if (problem) {
    // The row's problem, at its place in the list (whose order the move kept).
    problems = problems.slice();
    problems[source.problemIndex] = problem;
  }
  // Made as tables/table3.ts makes a table (the same shape: the rules read many tables).
  const retyped: Table3 = { kind: 't3', range: moved.range, layout: moved.layout, problems, legacy: moved.legacy, rows };
  retypedRow(table, retyped, r, again.source, edit.shift);
  return retyped;
}
