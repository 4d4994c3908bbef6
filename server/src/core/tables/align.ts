// Aligns a row's values with the template's columns. A row that lost cells in
// export (a merged header confused the exporter) is the case to get right:
// when its last value is the sum of the others, the first is the first column
// and the last the total, and the lost cells must be zeros among the parts;
// that alignment is marked as inferred so no arithmetic error is built on it.

import type { Cell, Range, ShapeProblem } from '../model';
import { chooseReading, readingsOf, runText } from './glued';
import type { CandidateRow } from './rows';
import type { StreamCell } from './cells';
import { isEmpty, missingCell, toCell } from './rows';
import { cellsFromRowEnd, onePerLine, type Placing } from './grid';
import { cellsByColumns } from './header-columns';

export interface Alignment {
  cells: Cell[];
  alignment: 'exact' | 'inferred' | 'unaligned';
  /** Why the row is not exact, for its table's shape problem. */
  problem?: AlignmentProblem;
}

export interface AlignmentProblem {
  kind: 'row-cells' | 'row-inferred' | 'row-run-together';
  found: number;
  expected: number;
  fit: 'extra' | 'unaligned' | 'inferred' | 'scattered';
  /** Inferred: the lost cells are zeros. */
  zeros: boolean;
  /** Run together: the digits as written, and the only split of them when it breaks the row's sum. */
  digits?: string;
  reading?: string;
}

/**
 * `totalColumn`: index of the column that sums the others, if the row has one. `placing`: what the table's layout
 * tells of where cells stand (grid.ts).
 */
export function alignValues(cand: CandidateRow, expected: number, totalColumn: number | undefined, placing: Placing = {}): Alignment {
  const values = cand.values;
  if (anyGlued(values)) return alignRunTogether(cand, expected, totalColumn);
  const n = values.length;
  // Figures over two lines of a page's text laid out in columns, a later one left of an earlier one (pdftotext -layout
  // of a tall row: a cell aligned at its top prints a line above the others): the order read is not the columns'.
  if (cand.scattered || outOfColumnOrder(values) || (n === expected && totalColumn !== undefined && unevenLines(values) && !rowSumHolds(knownValues(values), totalColumn))) {
    return { cells: values.slice(0, expected).map((v) => toCell(v, false)), alignment: 'unaligned', problem: { kind: 'row-cells', found: n, expected, fit: 'scattered', zeros: false } };
  }
  if (n === expected) return { cells: values.map((v) => toCell(v, true)), alignment: 'exact' };
  if (n > expected) {
    // Empty cells among the values that are exactly the extra ones: a value cell merged over two columns (a web
    // page's colspan, a Word grid span) leaves an empty cell after it. Without them the row fits.
    const filled = values.filter((v) => !isEmpty(v));
    if (filled.length === expected && rowSumMayHold(knownValues(filled), totalColumn)) return { cells: filled.map((v) => toCell(v, true)), alignment: 'exact' };
    return {
      cells: values.slice(0, expected).map((v) => toCell(v, false)),
      alignment: 'unaligned',
      problem: { kind: 'row-cells', found: n, expected, fit: 'extra', zeros: false },
    };
  }
  // A row laid out in columns under a header that names them: each figure is the column it stands in, the columns
  // with none blanks (an empty cell leaves no mark in such a text).
  const byHeader = placing.columns && placing.columns.spans.length === expected ? cellsByColumns(values, placing.columns, cand.overLines) : undefined;
  if (byHeader) return { cells: byHeader.map((v) => toCell(v, true)), alignment: 'exact' };
  // A row as wide as the grid lost no cell: its figures stand where their columns are, the empty ones blanks.
  const placed = placing.grid !== undefined ? cellsFromRowEnd(cand, expected, placing.grid) : undefined;
  if (placed) return { cells: placed.map((v) => toCell(v, true)), alignment: 'exact' };
  const nums = values.map(alignmentValue);
  const parts = nums.slice(0, -1);
  const sumHolds = n >= 2 && nums.every((x) => x !== undefined) && parts.reduce((a, b) => a! + b!, 0) === nums[n - 1];
  const empties = cand.leadingEmpties;
  const trailing = cand.trailingEmpties;
  const fromStart = n > 0 && n + empties.length === expected ? [...empties, ...values] : undefined;
  const toEnd = n > 0 && n + trailing.length >= expected ? [...values, ...trailing.slice(0, expected - n)] : undefined;
  // Both fit when a label's merged cell left an empty cell before the values and the row's last cell is blank
  // (a blank total): the end is taken only where the row's sum rules the start out and allows the end.
  const endOnly = !!fromStart && !!toEnd && !rowSumMayHold(knownValues(fromStart), totalColumn) && rowSumMayHold(knownValues(toEnd), totalColumn);
  // Blank cells at the start only where the row's sum could hold so: the known parts passing the known total rule it
  // out (a label's merged cell left the empty cell, and a column of figures is lost: a table cut at the page's edge).
  // One cell a line, an empty cell an empty line (LibreOffice's text of a Word table): a label merged over columns is
  // written once, so the empty cells right after it are figure cells, not its padding, though the figures add up.
  if (placing.emptiesAreCells && fromStart && cand.labels.length > 0 && onePerLine(fromStart)) return { cells: fromStart.map((v) => toCell(v, true)), alignment: 'exact' };
  if (!sumHolds && fromStart && !endOnly && rowSumMayHold(knownValues(fromStart), totalColumn)) {
    // Blank cells at the start of the row, where a number belongs.
    return { cells: fromStart.map((v) => toCell(v, true)), alignment: 'exact' };
  }
  if (!sumHolds && toEnd) {
    // Blank cells at the end of the row (a blank total); the rest are merged cells.
    return { cells: toEnd.map((v) => toCell(v, true)), alignment: 'exact' };
  }
  if (sumHolds && totalColumn === expected - 1) {
    const middle = values.slice(1, -1);
    const zeros = middle.every((v) => alignmentValue(v) === 0);
    const gapAt = values[n - 2]!.range.end;
    const lost: Cell[] = Array.from({ length: expected - n }, () => ({ ...missingCell(gapAt), value: zeros ? 0 : undefined }));
    return {
      cells: [toCell(values[0]!, false), ...middle.map((v) => toCell(v, false)), ...lost, toCell(values[n - 1]!, false)],
      alignment: 'inferred',
      problem: { kind: 'row-inferred', found: n, expected, fit: 'inferred', zeros },
    };
  }
  const at = n > 0 ? values[n - 1]!.range.end : 0;
  return {
    cells: [...values.map((v) => toCell(v, false)), ...Array.from({ length: expected - n }, () => missingCell(at))],
    alignment: 'unaligned',
    problem: { kind: 'row-cells', found: n, expected, fit: 'unaligned', zeros: false },
  };
}

/** Whether a value is a token of a run of digits (glued.ts). A loop, not `some`: every row of every table asks. */
function anyGlued(values: readonly StreamCell[]): boolean {
  for (const v of values) if (v.glued) return true;
  return false;
}

/**
 * A row whose values ran together: the one split of its digits into the
 * columns that its sum allows is certain; anything else is a shape problem,
 * and no arithmetic is built on it.
 */
function alignRunTogether(cand: CandidateRow, expected: number, totalColumn: number | undefined): Alignment {
  const holds = (v: readonly (number | undefined)[]) => totalColumn === undefined || rowSumHolds(v, totalColumn);
  const { reading, only } = chooseReading(readingsOf(cand.values, expected), holds, cand.values.length === expected);
  if (reading) return { cells: reading.map((c) => toCell(c, true)), alignment: 'exact' };
  const digits = runText(cand.values);
  const at = cand.values[cand.values.length - 1]!.range.end;
  const problem: AlignmentProblem = { kind: 'row-run-together', found: cand.values.length, expected, fit: 'unaligned', zeros: false, digits, ...(only ? { reading: only.map((c) => c.text).join(' | ') } : {}) };
  const cells = only ? only.map((c) => toCell(c, false)) : Array.from({ length: expected }, () => missingCell(at));
  return { cells, alignment: 'unaligned', problem };
}

/** The cells' values for a sum: a number's value; a blank, a placeholder or anything else is unknown. */
function knownValues(cells: readonly StreamCell[]): (number | undefined)[] {
  return cells.map((c) => (c.kind === 'number' ? c.value : undefined));
}

/**
 * The row's sum can hold with its unknowns filled in (blanks, none below 0): the known parts do not pass a
 * known total, and equal it when every part is known. Always true without a total column or a known total.
 */
function rowSumMayHold(values: readonly (number | undefined)[], totalColumn: number | undefined): boolean {
  if (totalColumn === undefined || totalColumn >= values.length) return true;
  const total = values[totalColumn];
  if (total === undefined) return true;
  let sum = 0;
  let unknown = false;
  for (let i = 0; i < values.length; i++) {
    if (i === totalColumn) continue;
    const v = values[i];
    if (v === undefined) unknown = true;
    else sum += v;
  }
  return unknown ? sum <= total : sum === total;
}

/** The total column equals the sum of the others. */
export function rowSumHolds(values: readonly (number | undefined)[], totalColumn: number): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === totalColumn) continue;
    if (values[i] === undefined) return false;
    sum += values[i]!;
  }
  return values[totalColumn] === sum;
}

/** For guessing columns only, a placeholder counts as the 0 it usually stands for (the cells stay unknowns). */
function alignmentValue(c: StreamCell): number | undefined {
  return c.kind === 'number' ? c.value : c.kind === 'placeholder' || c.kind === 'blank' || c.kind === 'empty' ? 0 : undefined;
}

/** The table's shape problem for a row `row` (its template label) that did not align exactly. */
export function alignmentProblem(p: AlignmentProblem, row: string, range: Range): ShapeProblem {
  if (p.kind === 'row-run-together') return { kind: p.kind, range, detail: { what: 'run-together', row, digits: p.digits ?? '', ...(p.reading ? { reading: p.reading } : {}) } };
  return { kind: p.kind, range, detail: { what: 'values', row, found: p.found, expected: p.expected, fit: p.fit, zeros: p.zeros } };
}

/**
 * Whether figures of a row, read from a text laid out in columns (their places on their lines known: `x`), go back
 * left on a later line: the first line's figure stood right of the next line's. Within a line they are in order.
 */
export function outOfColumnOrder(values: readonly StreamCell[]): boolean {
  for (let k = 1; k < values.length; k++) {
    const a = values[k - 1]!.x;
    const b = values[k]!.x;
    if (a !== undefined && b !== undefined && b < a) return true;
  }
  return false;
}

/**
 * Whether a row's figures come from three lines or more, some holding more than one (`2 1`, `15 3 1`, `3`, `1`:
 * pdftotext's plain text of a page whose blank cells it dropped). Their count may match the columns by chance; only a
 * row whose sum holds is read so. A figure a line (one cell a paragraph) or a row on one line is the layout's own.
 */
function unevenLines(values: readonly StreamCell[]): boolean {
  let lines = 0;
  let several = false;
  let run = 0;
  for (let k = 0; k < values.length; k++) {
    const line = values[k]!.line;
    if (line === undefined) return false;
    if (k === 0 || line !== values[k - 1]!.line) {
      lines++;
      run = 1;
    } else if (++run >= 2) several = true;
  }
  return lines >= MIN_UNEVEN_LINES && several;
}

// A row wrapped once (its first columns on a line, the rest on the next: `1 2 0 0` / `0 0 2`) is read; figures from three
// lines or more are pieces of several rows.
const MIN_UNEVEN_LINES = 3;
