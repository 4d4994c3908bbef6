// Python's html2text of a table whose cells hold paragraphs (`<td><p>…</p></td>`: LibreOffice's web page of a Word
// file, most portal pages pasted from Word). Each paragraph goes on lines of its own, so a row is no longer a line:
// the ` | ` between two cells stands alone on a line between blank lines, and the row's end (html2text's soft break,
// two spaces and a newline, written once for each of the paragraph's two newlines) leaves the last cell's line ending
// in two spaces and a line of spaces right after it. An empty cell is nothing but blank lines (or the spaces of a
// `<br>`) between two pipes. Read here as rows of cells, each cell its pieces (one a paragraph), so that an empty cell
// keeps its place in its row.

import type { Line } from '../text/lines';
import { isWhiteSpaceCode } from '../text/normalize';
import { isWhiteSpaceOnly } from '../text/numbers';
import type { Piece } from './dashed-columns';

// A line of only pipes (and spaces): the parting of two cells, or of several where an empty `<td>` held no paragraph.
const PIPES_ALONE = /^\s*\|(?:\s*\|)*\s*$/;
// The line's end of html2text's soft break (two spaces), after text or alone.
const SOFT_BREAK_END = / {2}$/;
// A rule under a header row (`---|---|---`).
const HEADER_RULE = /^\s*-{3}(?:\|-{3})*\s*$/;
// What it takes to be this layout: pipes alone between blank lines, and rows parted by soft breaks.
const MIN_PIPE_LINES = 3;
const MIN_ROW_ENDS = 2;
const PIPE_SHARE = 0.25;

/** A row of the table: its cells in order, each the pieces of its paragraphs (an empty cell's one piece is ''). */
export type PieceRow = Piece[][];

/**
 * Whether line `i` ends a row: a line of spaces right after a line that ends in html2text's soft break (no blank
 * line between them). A `<br>` inside a cell also ends its line in two spaces, but text goes on after it; an empty
 * paragraph's `<br>` is a line of spaces between blank lines.
 */
function endsRow(lines: readonly Line[], from: number, i: number): boolean {
  const text = lines[i]!.text;
  if (i <= from || text === '' || text.trim() !== '') return false;
  return SOFT_BREAK_END.test(lines[i - 1]!.text);
}

/** A line of pipes alone with a blank line on either side: where html2text parted two cells that hold paragraphs. */
function partsParagraphCells(lines: readonly Line[], from: number, to: number, i: number): boolean {
  if (i <= from || i + 1 >= to || !PIPES_ALONE.test(lines[i]!.text)) return false;
  return lines[i - 1]!.text.trim() === '' && lines[i + 1]!.text.trim() === '';
}

/** Whether the region is html2text's table of paragraph cells (see the head of this file). */
export function isParagraphPipeTable(lines: readonly Line[], from: number, to: number): boolean {
  let nonBlank = 0, pipeLines = 0, rowEnds = 0;
  for (let i = from; i < to; i++) {
    // Asked of every pipe table twice (detectLayout, readCells): each line read once by char code, the expressions
    // only where they may hold (pipes alone start with one, a row's end is a line of spaces).
    const text = lines[i]!.text;
    if (!isWhiteSpaceOnly(text)) {
      nonBlank++;
      if (firstShownIsPipe(text) && partsParagraphCells(lines, from, to, i)) pipeLines++;
    } else if (text !== '' && endsRow(lines, from, i)) rowEnds++;
  }
  return pipeLines >= MIN_PIPE_LINES && rowEnds >= MIN_ROW_ENDS && pipeLines >= nonBlank * PIPE_SHARE;
}

/** Whether the first character that is no white space is a pipe, as on a line of pipes alone. */
function firstShownIsPipe(text: string): boolean {
  let a = 0;
  while (a < text.length && isWhiteSpaceCode(text.charCodeAt(a))) a++;
  return text.charCodeAt(a) === 0x7c;
}

/** The region's rows, their cells parted by pipes and the rows by html2text's row ends. */
export function paragraphPipeRows(lines: readonly Line[], from: number, to: number): PieceRow[] {
  const rows: PieceRow[] = [];
  let row: PieceRow = [];
  let cell: Piece[] = [];
  // Where an empty cell stands: right after the pipe that opens it, or where its row starts.
  let cellStart = -1;
  const closeCell = (at: number): void => {
    row.push(cell.length > 0 ? cell : [{ text: '', start: cellStart >= 0 ? cellStart : at }]);
    cell = [];
  };
  const closeRow = (): void => {
    if (row.length > 0 || cell.length > 0) {
      closeCell(cellStart);
      rows.push(row);
    }
    row = [];
    cellStart = -1;
  };
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (endsRow(lines, from, i) || HEADER_RULE.test(line.text)) {
      closeRow();
      continue;
    }
    if (line.text.trim() === '') continue;
    if (row.length === 0 && cell.length === 0 && cellStart < 0) cellStart = line.start;
    let s = 0;
    for (;;) {
      const pipe = line.text.indexOf('|', s);
      const e = pipe < 0 ? line.text.length : pipe;
      const piece = trimmed(line, s, e);
      if (piece) cell.push(piece);
      if (pipe < 0) break;
      closeCell(line.start + pipe);
      cellStart = line.start + pipe + 1;
      s = pipe + 1;
    }
  }
  closeRow();
  return rows;
}

/** The text of `line` between `s` and `e`, white space off both ends; undefined when nothing is left. */
function trimmed(line: Line, s: number, e: number): Piece | undefined {
  const piece = line.text.slice(s, e);
  const text = piece.trim();
  if (text === '') return undefined;
  return { text, start: line.start + s + piece.indexOf(text) };
}
