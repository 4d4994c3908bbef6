// Groups a cell stream into candidate rows: the label cells read since the
// last numbers, then a run of value cells. Works the same for every layout.

import type { Cell, Range, ShapeDetail, ShapeProblem } from '../model';
import { labelKey } from '../text/normalize';
import { coverage } from '../text/similarity';
import type { StreamCell } from './cells';
import { countWithUnit } from '../text/numbers';

export interface CandidateRow {
  labels: StreamCell[];
  /** emptiesAfter[i]: the empty cells that follow labels[i] in the same row. */
  emptiesAfter: StreamCell[][];
  /** Value cells: numbers, placeholders, invalid values and interior blanks. */
  values: StreamCell[];
  /** Empty cells between the last label and the first value, in the same row. */
  leadingEmpties: StreamCell[];
  /** Empty cells after the last value, to the end of the row (merged cells, or blanks). */
  trailingEmpties: StreamCell[];
  /** Its figures may not all be its own (a lone figure that may be the next row's): no column is known (align.ts). */
  scattered?: boolean;
  /** Its figures come from two lines of a text laid out in columns, each placed by the header (header-columns.ts). */
  overLines?: boolean;
  /** In a layout that parts rows: how many cells the row its values stand in has, and where in it the first value is
   * (where a grid keeps its empty cells, a figure's column: grid.ts). */
  width?: number;
  at?: number;
}

export function assembleRows(cells: readonly StreamCell[]): { rows: CandidateRow[]; trailing: StreamCell[]; trailingEmpties: StreamCell[][] } {
  const rows: CandidateRow[] = [];
  // Where each row's first value is, and whether the stream marks where its rows start (more than its first cell: a
  // layout that parts rows), told in the same walk (every cell is looked at once): the rows are then placed.
  const valueStarts: number[] = [];
  let parted = false;
  let labels: StreamCell[] = [];
  let emptiesAfter: StreamCell[][] = [];
  let empties: StreamCell[] = [];
  let i = 0;
  while (i < cells.length) {
    const c = cells[i]!;
    if (i > 0 && c.rowStart) parted = true;
    if (c.kind === 'text') {
      labels.push(c);
      emptiesAfter.push((empties = []));
      i++;
      continue;
    }
    if (c.kind === 'empty' || c.kind === 'blank') {
      if (c.rowStart) empties = [];
      else empties.push(c);
      i++;
      continue;
    }
    const run: StreamCell[] = [c];
    let j = i + 1;
    // The run ends at a label or at a cell that starts a row (looked at again as the next run's first: parted then).
    while (j < cells.length && cells[j]!.kind !== 'text' && !cells[j]!.rowStart) run.push(cells[j++]!);
    const trailing: StreamCell[] = [];
    while (run.length > 0 && isEmpty(run[run.length - 1]!)) trailing.unshift(run.pop()!);
    const sameRow = c.rowStart ? [] : empties;
    const row: CandidateRow = { labels, emptiesAfter, values: run, leadingEmpties: sameRow, trailingEmpties: trailing };
    valueStarts.push(i);
    rows.push(row);
    labels = [];
    emptiesAfter = [];
    empties = [];
    i = j;
  }
  if (parted) for (let r = 0; r < rows.length; r++) placeInRow(rows[r]!, cells, valueStarts[r]!);
  return { rows, trailing: labels, trailingEmpties: emptiesAfter };
}

/** Sets the width of the row that cell `i` (the row's first value) stands in, and where in it the cell is. */
function placeInRow(row: CandidateRow, cells: readonly StreamCell[], i: number): void {
  let a = i;
  while (a > 0 && !cells[a]!.rowStart) a--;
  let b = i + 1;
  while (b < cells.length && !cells[b]!.rowStart) b++;
  row.width = b - a;
  row.at = i - a;
}

/**
 * Whether most figures stand in rows with no name: a table whose text came column by column or block by block (pdfminer
 * writes a PDF table's row names first, then its figures a line each). Read in order, the first figure would join the
 * last name and the rest no row; in a table read row by row a figure follows its row's name.
 */
export function figuresApartFromLabels(rows: readonly CandidateRow[], columns: number): boolean {
  let all = 0;
  let apart = 0;
  for (const row of rows) {
    let figures = 0;
    for (const v of row.values) if (v.kind === 'number') figures++;
    all += figures;
    apart += row.labels.length === 0 ? figures : Math.max(0, figures - columns);
  }
  return apart >= MIN_FIGURES_APART && apart * 2 >= all;
}

// More than a row's figures wrapped onto a line of their own (表二's rows have up to three).
const MIN_FIGURES_APART = 4;

/** A table none of whose figures can be told its row (figuresApartFromLabels): one problem over its cells, no rows. */
export function apartProblem(cells: readonly StreamCell[]): { problem: ShapeProblem; range: Range } {
  let end = cells[0]!.range.end;
  for (const c of cells) if (c.kind === 'number') end = Math.max(end, c.range.end);
  const range = { start: cells[0]!.range.start, end };
  return { problem: { kind: 'unreadable', range, detail: { what: 'figures-apart' } }, range };
}

/**
 * From the first to the last character of a row's labels and values. Not the first label to the last value: a
 * box-drawn row's label pieces on its later lines come after its figures in the text.
 */
/**
 * A row's span: its label and its values, whichever comes first (a label wrapped onto the line after the row's
 * figures, as a text browser's box table has it, ends after them).
 */
export function rowSpan(label: Range, values: readonly StreamCell[]): Range {
  const first = values[0];
  const last = values[values.length - 1];
  return { start: Math.min(label.start, first?.range.start ?? label.start), end: Math.max(label.end, last?.range.end ?? label.end) };
}

export function candidateSpan(cand: CandidateRow): Range {
  let start = Infinity;
  let end = -Infinity;
  for (const c of [...cand.labels, ...cand.values]) {
    start = Math.min(start, c.range.start);
    end = Math.max(end, c.range.end);
  }
  return { start, end };
}

export function isEmpty(c: StreamCell): boolean {
  return c.kind === 'empty' || c.kind === 'blank';
}

/** The label cells' keys concatenated, with the offset in the key where each cell starts. */
export interface JoinedKey {
  key: string;
  starts: number[];
}

export function joinedKey(labels: readonly StreamCell[]): JoinedKey {
  let key = '';
  const starts: number[] = [];
  for (const l of labels) {
    starts.push(key.length);
    key += labelKey(l.text);
  }
  return { key, starts };
}

export interface LabelMatch<T> {
  item: T;
  score: number;
  /** Index of the first label cell that makes up the matched label. */
  firstCell: number;
}

/**
 * Scores how well the end of a row's label text names `key`: 1 for an exact
 * suffix, otherwise how much of the key appears in order in the tail, always
 * less than 1: “其他处理总计” (a blank （六） row's label before （七）'s) holds
 * all of “其他处理” in its tail, but it ends with “总计”.
 */
export function suffixScore(joined: string, key: string): number {
  if (!key) return 0;
  if (joined.endsWith(key)) return 1;
  const tail = joined.slice(Math.max(0, joined.length - key.length - 3));
  const cov = coverage(key, tail);
  // Penalise tails much longer than the key (another label in front of it).
  return NEAR_SUFFIX_MAX * cov * Math.min(1, (key.length + 2) / Math.max(tail.length, 1));
}

/**
 * The most suffixScore gives a key that does not end the text (its coverage and its length factor are at most 1): a
 * row whose key ends the label outscores every near match, and a reader can leave them unscored.
 */
export const NEAR_SUFFIX_MAX = 0.99;

/**
 * The label cells (from the end) that cover the matched key: their range and
 * text. A near match (suffixScore) may end a few characters before the row's
 * text does: the leaf then reaches back to the cells the key was found in,
 * never just a trailing cell the key is not in (a damaged value such as “-六4”
 * after “（七）总计” is not the row's label).
 */
export function leafLabel(labels: readonly StreamCell[], matched: string, joined?: JoinedKey): { text: string; range: Range; first: number } {
  if (labels.length === 0) return { text: '', range: { start: 0, end: 0 }, first: 0 };
  // `joined`: the labels' joinedKey, where the reader made it to match them.
  const { key, starts } = joined ?? joinedKey(labels);
  // The cells' tails are suffixes of the key: where the key ends with the matched label, a tail long enough ends with
  // it too; where it does not, none does, and only a tail's coverage of the label can cover it.
  const exact = key.endsWith(matched);
  const wanted = exact ? 1 : coverage(matched, key.slice(Math.max(0, key.length - matched.length - 3)));
  let first = labels.length - 1;
  while (first > 0 && !(key.length - starts[first]! >= matched.length && (exact || coverage(matched, key.slice(starts[first]!)) >= wanted - 1e-9))) first--;
  let text = labels[first]!.text;
  for (let i = first + 1; i < labels.length; i++) text += labels[i]!.text;
  const range = { start: labels[first]!.range.start, end: labels[labels.length - 1]!.range.end };
  // One cell holding more than the label (a flattened page runs the header into the first row's label): only its tail is the label.
  if (first === labels.length - 1 && exact && labelKey(text).length > matched.length + 2) {
    const from = suffixStart(text, matched);
    // A cell wrapped over lines (cells.ts continueCell) is joined without its line breaks: an index into its text is
    // no offset into the document (it fell inside a \r\n once). Its range stays whole; only one line's cell is cut.
    const oneLine = range.end - range.start === text.length;
    if (from > 0) return { text: text.slice(from), range: oneLine ? { start: range.start + from, end: range.end } : range, first };
  }
  return { text, range, first };
}

/** Where the shortest tail of `text` whose key is `key` begins, numbering and brackets included (0: none shorter). */
function suffixStart(text: string, key: string): number {
  for (let p = 1; p < text.length; p++) if (labelKey(text.slice(p)) === key) return p;
  return 0;
}

/**
 * A blank or a placeholder has no value: it is an unknown, not 0 (identities.ts determines it where it can). A count
 * written with its unit (5件) keeps its figure for the sums; it is invalid only in its writing (cell.invalid).
 */
export function toCell(c: StreamCell, certain: boolean): Cell {
  const kind = c.kind === 'empty' || c.kind === 'blank' ? 'blank' : c.kind === 'text' ? 'invalid' : c.kind;
  return { kind, text: c.text, range: c.range, value: kind === 'number' ? c.value : kind === 'invalid' ? unitCountValue(c.text) : undefined, decimals: c.decimals, certain };
}

function unitCountValue(text: string): number | undefined {
  const figure = countWithUnit(text);
  return figure === undefined ? undefined : Number(figure.replace(/,/g, ''));
}

/** `end`, or the end of the furthest of `cells` that stands in the text (a missing cell stands nowhere). */
export function furthestEnd(end: number, cells: readonly Cell[]): number {
  for (const c of cells) if (c.kind !== 'missing' && c.range.end > end) end = c.range.end;
  return end;
}

export function missingCell(at: number): Cell {
  return { kind: 'missing', text: '', range: { start: at, end: at }, value: undefined, decimals: 0, certain: false };
}

export function spanOf(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

/**
 * A template row whose label was found with no numbers after it: its empty
 * cells (when the layout kept at least one per column) become blank cells;
 * otherwise the cells are missing, and that is a shape problem, not blanks.
 * More empty cells than columns are an export's closing tab, the cell a
 * label merged over two columns left (a web page's colspan), or, where one
 * cell is a line, the next row's merged cells before its label: the row is
 * blank either way, and its first cells are taken; in a grid (`fromEnd`) the empty cells run to the row's end, and
 * its last are the columns.
 */
export function rowWithoutValues(label: StreamCell, empties: readonly StreamCell[], columns: number, fromEnd = false): { cells: Cell[]; exact: boolean } {
  if (empties.length >= columns) return { cells: (fromEnd ? empties.slice(empties.length - columns) : empties.slice(0, columns)).map((e) => toCell(e, true)), exact: true };
  return { cells: Array.from({ length: columns }, () => missingCell(label.range.end)), exact: false };
}

/**
 * The values a row that numbers the table's columns begins with (栏次 1 2 3 … under the header, as many printed forms
 * have it): the figures 1 to `columns` in order, or a whole row of 1 to k (k ≥ MIN_COLUMN_NUMBERS); 0 when it is no
 * such row. Read as data, 表四's 1 … 15 took the place of its figures (three false sums); a row of them never fits a
 * table with totals (1 + 2 + … + 6 is not 7).
 */
export function columnNumbersAtStart(values: readonly StreamCell[], columns: number): number {
  let k = 0;
  while (k < values.length && k < columns && values[k]!.kind === 'number' && values[k]!.value === k + 1 && values[k]!.decimals === 0) k++;
  return k >= MIN_COLUMN_NUMBERS && (k === columns || k === values.length) ? k : 0;
}

const MIN_COLUMN_NUMBERS = 3;

/**
 * The candidate rows without a row of column numbers (columnNumbersAtStart) whose label names no row of the table
 * (`namesRow`: 规章 1 2 3 is 表二's figures): its numbers are dropped, and its label cells (栏次, the header's words) go
 * on in front of the next row's, as a header row's do. Figures after the numbers in the same run (a layout with no
 * row breaks, one cell a paragraph) stay the row's.
 */
export function withoutColumnNumbers(candidates: readonly CandidateRow[], columns: number, namesRow: (cand: CandidateRow) => boolean): CandidateRow[] {
  // The figures are looked at first: most rows number no columns, and naming a row costs a match over the template's labels.
  return withoutLeadingFigures(candidates, (cand) => {
    const numbers = columnNumbersAtStart(cand.values, columns);
    return numbers === 0 || namesRow(cand) ? 0 : numbers;
  });
}

/**
 * A row that is one whole figure alone on its line, with no label and no empty cell beside it: what a page's number
 * left inside a table looks like (a PDF's or a printed page's `4`). Only a layout that parts rows can tell it: in one
 * cell a paragraph every figure stands alone.
 */
export function loneFigure(cand: CandidateRow): boolean {
  if (cand.values.length !== 1 || cand.leadingEmpties.length > 0 || cand.trailingEmpties.length > 0) return false;
  const v = cand.values[0]!;
  return v.rowStart && v.kind === 'number' && v.decimals === 0 && v.value !== undefined && v.value >= 1 && v.value <= MAX_PAGE_NUMBER;
}

const MAX_PAGE_NUMBER = 999;

/**
 * The candidate rows without the page numbers `isPageNumber` tells among them (k: the candidate's index): dropped, their
 * label cells (a header's words above the number) going on in front of the next row's.
 */
export function withoutPageNumbers(candidates: readonly CandidateRow[], isPageNumber: (k: number) => boolean): CandidateRow[] {
  return withoutLeadingFigures(candidates, (_, k) => (isPageNumber(k) ? Number.POSITIVE_INFINITY : 0));
}

/**
 * The candidate rows, each without as many figures at its start as `drop` says (k: the candidate's index). A row left
 * with none is dropped, its label cells going on in front of the next row's.
 */
function withoutLeadingFigures(candidates: readonly CandidateRow[], drop: (cand: CandidateRow, k: number) => number): CandidateRow[] {
  const out: CandidateRow[] = [];
  let carried: Pick<CandidateRow, 'labels' | 'emptiesAfter'> | undefined;
  for (let k = 0; k < candidates.length; k++) {
    const cand = candidates[k]!;
    const own = carried ? { ...cand, labels: [...carried.labels, ...cand.labels], emptiesAfter: [...carried.emptiesAfter, ...cand.emptiesAfter] } : cand;
    carried = undefined;
    const figures = drop(cand, k);
    if (figures === 0) out.push(own);
    else if (figures < own.values.length) out.push({ ...own, values: own.values.slice(figures), leadingEmpties: [] });
    else carried = { labels: own.labels, emptiesAfter: own.emptiesAfter };
  }
  return out;
}

/** A row no template row matches, as a shape problem says it: its label, or its figures when it has none. */
export function unknownRow(cand: CandidateRow): ShapeDetail {
  const text = cand.labels.map((l) => l.text).join('');
  if (text.trim()) return { what: 'unknown-row', text };
  return { what: 'unknown-row', text: '', figures: cand.values.map((v) => v.text.trim()).filter(Boolean).slice(0, MAX_FIGURES_SAID).join(' ') };
}

/** How many figures of a row with no label a message quotes. */
const MAX_FIGURES_SAID = 9;
