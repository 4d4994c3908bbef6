// One reader per text layout, all producing the same stream of cells in
// reading order. Row boundaries are kept where the layout has them (a line of
// a tab grid, a blank line between Word cells); the web layout has none, so
// its rows are inferred later from labels and numbers.

import type { Range, ShapeDetail, TableLayout } from '../model';
import { moveRange, type Move } from '../report-delta';
import { isPageNumberLine } from '../text/debris';
import { isDigitCode, isWhiteSpaceCode } from '../text/normalize';
import type { Line } from '../text/lines';
import { classifyCell, isWhiteSpaceOnly, plainInteger, type CellValueKind } from '../text/numbers';
import { htmlCells, holdsHtmlCells } from './html-cells';
import { labelBeforeFigure } from './label-figures';
import { tableBreaks } from './run-breaks';
import { dashedColumns, dashedPieces, fitsColumns, isDashedRule, type Extent, type Piece } from './dashed-columns';
import { isParagraphPipeTable, paragraphPipeRows } from './paragraph-pipes';

export interface StreamCell {
  kind: CellValueKind | 'empty';
  text: string;
  range: Range;
  value: number | undefined;
  decimals: number;
  /** First cell of a row, in layouts that delimit rows. */
  rowStart: boolean;
  /** Digits that ran together with the row's other values (split later, knowing the columns: glued.ts). */
  glued?: boolean;
  /** Where the cell starts on its line, in a text laid out in columns (pdf-rows): figures of one row on two lines compare by it. */
  x?: number;
  /** Where the cell starts on its line in characters, where `x` is set (pdftotext -layout gives a CJK character one column). */
  at?: number;
  /** The line the cell is on, where a line may hold several cells of a row or one (cell-per-paragraph). */
  line?: number;
  /** Alone on its line, in one cell a line (cell-lines): an empty line there is an empty cell. */
  alone?: boolean;
  /** Written by a converter that writes a spanning cell once (html2text's paragraph cells): the header lost its spans. */
  spansOnce?: boolean;
}

/**
 * Why a table of which nothing could be read is so: it holds no figure at all (no number, nor anything typed
 * where one goes), a template not filled in yet; or its figures fit nothing of the template.
 */
export function unreadableDetail(cells: readonly StreamCell[]): ShapeDetail {
  return cells.some((c) => c.kind === 'number' || c.kind === 'invalid') ? { what: 'unreadable' } : { what: 'no-figures' };
}

// The run of values that ends a row of a flattened page: digits, with the spaces, decimals and units the page had.
const TRAILING_RUN = /-?[0-9０-９][0-9０-９ \u3000\u00a0.．,，\-－]*(?:万元|元)?\s*$/;

// A line holding a label and numbers after it, or several numbers: a row, not a cell.
const SEVERAL_CELLS = /\S[\s\u3000]+[-0-9０-９]/;

// A line of one whole figure, as a page's number stands on its own line.
const LONE_FIGURE = /^\s*[1-9][0-9]{0,2}\s*$/;

// A row between pipes (`| a | b |`), or cells joined by ` | ` and ended by one (`a | b |`: HTML-to-text tools).
const PIPE_ROW = /^\s*\|.*\||\S\s*\|\s*$/;
// A pipe table's delimiter row (`|---|:--|`), or a rule of a table drawn in ASCII (`+----+`, `|--+--|`: links, pandoc's
// grid tables).
const PIPE_RULE = /^[\s|:+=\-—]+$/;
const RULE_PIECE = /^[-=+]+$/;
// A row of a pipe table written without its outer pipes (`a | b | c`: Python's html2text, and GFM allows it).
const BARE_PIPE_ROW = /[^\s|]\s*\|\s*[^\s|]/;
// A rule across a table's columns: runs of three or more dashes (or =) for several columns, or one long run.
const RULE_LINE = /^\s*(?:[-=]{3,}\s+){1,}[-=]{3,}\s*$|^\s*[-=]{8,}\s*$/;
// One cell closed by a pipe, or pipes alone (a blank cell, or a row padded to the table's width).
const PIPED_CELL = /^\s*(?:[^|\s][^|]*)?\|+\s*$/;

// What parts a box-drawn table's cells, and marks a line of one: a cell's bar, or a rule's corner or crossing.
const BOX_BAR = /[│┃║├┤┼┌┐└┘┬┴╟╢╫╠╣╬]/;
// A rule between rows: horizontal box lines (a cell that spans the rule keeps its text and bars on the same line).
const BOX_RULE = /[─━═]/;
// A rule of a grid table drawn in ASCII, corner to corner (`+-----+----+`, `+=====+`: pandoc's grid tables, for cells
// that hold paragraphs), and any line of only bars, corners and dashes inside one.
const GRID_RULE = /^\s*\+(?:[-=:]+\+)+\s*$/;
const GRID_RULE_LINE = /^\s*[+|][-=+:|\s]*[-=][-=+:|\s]*$/;

/** How a box-drawn table parts its cells and its rows: box-drawing characters, or ASCII (pandoc's grid tables). */
interface BoxAlphabet {
  readonly bar: RegExp;
  isRule(text: string): boolean;
}
const BOX_LINES: BoxAlphabet = { bar: BOX_BAR, isRule: (text) => BOX_RULE.test(text) };
const ASCII_GRID: BoxAlphabet = { bar: /\|/, isRule: (text) => GRID_RULE_LINE.test(text) };

/**
 * A line of a table's region with what the line reader made of it (parse/line-info.ts): its text with the debris
 * blanked (blankDebris) and whether that is a page's number. The readers take both from there, not again a line.
 */
export interface TableLine extends Line {
  readonly clean: string;
  readonly pageNumber: boolean;
}

export function detectLayout(lines: TableLine[], from: number, to: number): TableLayout {
  let boxLines = 0;
  let gridRules = 0;
  let nonBlank = 0, pipes = 0, pipedCells = 0, htmlLines = 0, tabLines = 0, leadingTabOnly = 0, blankGaps = 0, blankLines = 0, singleCells = 0, adjacent = 0, prevBlank = false, seen = false;
  // Gaps between cells of other than one blank line (none, or a run): one cell a paragraph parts every two by one.
  let run = 0, unevenGaps = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (isWhiteSpaceOnly(t)) {
      if (seen) {
        prevBlank = true;
        blankLines++;
        run++;
      }
      continue;
    }
    // The line reader's answer where the text is its clean text (no debris: nearly every line), else the text's own.
    if (t === line.clean ? line.pageNumber : isPageNumberLine(t)) continue;
    nonBlank++;
    if (seen && prevBlank) blankGaps++;
    if (seen && !prevBlank) adjacent++;
    if (seen && run !== 1) unevenGaps++;
    run = 0;
    prevBlank = false;
    seen = true;
    if (BOX_BAR.test(t)) boxLines++;
    if (t.includes('+') && GRID_RULE.test(t)) gridRules++;
    // The pipe expressions all need a pipe; most lines of most tables have none.
    if (t.includes('|')) {
      if (PIPE_ROW.test(t) || BARE_PIPE_ROW.test(t)) pipes++;
      if (PIPED_CELL.test(t)) pipedCells++;
    }
    if (t.includes('<') && holdsHtmlCells(t)) htmlLines++;
    // SEVERAL_CELLS reads from a non-space to a figure: the same on the line as on the line trimmed.
    const tab = t.indexOf('\t');
    if (tab < 0) {
      if (!SEVERAL_CELLS.test(t)) singleCells++;
    } else {
      tabLines++;
      if (tab === 0 && t.indexOf('\t', 1) < 0) leadingTabOnly++;
    }
  }
  if (nonBlank === 0) return 'pdf-rows';
  if (boxLines >= nonBlank * 0.5) return 'box';
  // A grid table has a rule between every two rows; a text browser's ASCII table only its frame (read as pipes).
  if (gridRules >= 2 && gridRules >= nonBlank * 0.25) return 'box';
  // A table left as HTML (turndown keeps a table without a header row so): its first line holds its tags, or many do.
  if (holdsHtmlCells(lines[from]!.text) || htmlLines >= nonBlank * 0.3) return 'html';
  // html2text's table whose cells hold paragraphs: cells between pipes alone on their lines, rows parted by its soft
  // breaks (paragraph-pipes.ts). A pipe table by its rows, an empty cell in its place.
  // Its lines of pipes alone are piped cells too (PIPED_CELL): a region with none is asked nothing.
  if (pipedCells > 0 && isParagraphPipeTable(lines, from, to)) return 'pipe';
  // One cell a line, each closed by a pipe (`规章 |`, `0 |`, `|` for a blank): a converter's table whose cells held
  // paragraphs. Rows are found by their labels, as in the text tools' one cell a line.
  if (pipedCells >= nonBlank * 0.8) return 'cell-lines';
  if (pipes >= nonBlank * 0.5) return 'pipe';
  // pandoc's simple or multiline table: a rule of dashes marks its columns, an empty cell is spaces in its column. Read
  // as a drawn table whose bars are the gaps between the dashes (readDashedCells).
  if (dashedColumns(lines, from, to)) return 'box';
  if (tabLines >= nonBlank * 0.3) return leadingTabOnly >= tabLines * 0.6 ? 'cell-per-line' : 'tab-grid';
  if (ranTogether(lines, from, to)) return 'run-together';
  // One cell a line, cells mostly next to each other (what HTML-to-text tools write): a blank line there is an empty
  // cell, so blank lines are few or come in runs (a row of empty cells), never one between every two cells.
  const blanksAreCells = blankGaps <= nonBlank * 0.1 || blankLines >= 2 * blankGaps;
  // With most cells empty (a writer's 0s left blank: LibreOffice's text of the Word table), few cells stand next to
  // each other, but the gaps between them are of every length, not the one blank line of one cell a paragraph.
  const cellsNextOrApart = adjacent >= nonBlank * 0.3 || (adjacent >= nonBlank * 0.15 && unevenGaps >= (nonBlank - 1) * 0.5);
  if (singleCells >= nonBlank * 0.8 && cellsNextOrApart && blanksAreCells) return 'cell-lines';
  if (blankGaps >= (nonBlank - 1) * 0.6 || singleCells >= nonBlank * 0.8) return 'cell-per-paragraph';
  return 'pdf-rows';
}

export function readCells(lines: TableLine[], from: number, to: number, layout: TableLayout): StreamCell[] {
  if (layout === 'html') return readHtmlCells(lines, from, to);
  if (layout === 'box') return readBoxCells(lines, from, to);
  if (layout === 'pipe' && isParagraphPipeTable(lines, from, to)) return withFiguresOffLabels(readParagraphPipeCells(lines, from, to));
  const cells: StreamCell[] = [];
  // One cell a line: where the table's last text is, and whether the empty lines after it are cells too.
  const lastContent = layout === 'cell-lines' ? lastContentLine(lines, from, to) : to - 1;
  const trailingBlanks = layout === 'cell-lines' && blanksAfterLastCell(lines, from, lastContent);
  let rowOpen = false; // cell-per-line: a row is open until a blank line; pipe: until a line ends with its pipe
  // Pipe rows without their outer pipes: each line a row, as no line's end tells a row from a cell broken over lines.
  const bare = layout === 'pipe' && withoutOuterPipes(lines, from, to);
  let cellClosed = true; // cell-lines: the line before closed its cell with a pipe (or there was none)
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    // The line reader blanked the debris; where no span markup was left out either, it told the page number too.
    const text = withoutSpanMarkup(line.clean);
    if (text === line.clean ? line.pageNumber : isPageNumberLine(text)) continue;
    const blank = isWhiteSpaceOnly(text);
    // A table's rule drawn in dashes (pandoc's plain and Markdown tables): no cells, not figures written as dashes.
    if (!blank && startsWithRuleMark(text) && RULE_LINE.test(text)) continue;
    switch (layout) {
      case 'tab-grid':
        if (!blank) pushSplit(cells, text, line.start, 'tab', true, true);
        break;
      case 'pipe':
        if (blank || PIPE_RULE.test(text)) {
          rowOpen = false;
          break;
        }
        // A page's number between two rows (`4` on a line of its own, no pipe): no cell, and no row for the next line
        // to go on.
        if (!rowOpen && !bare && LONE_FIGURE.test(text)) break;
        // A line break inside a cell (a <br> that a Markdown converter wrote as a hard break, two spaces and a
        // newline) leaves the row's line without its closing pipe: the next line goes on with that cell.
        if (bare) pushSplit(cells, text, line.start, 'pipe', true, true);
        else if (rowOpen && cells.length > 0) pushPipeContinuation(cells, text, line.start);
        else pushPipeRow(cells, text, line.start);
        rowOpen = !endsWithPipe(text);
        break;
      case 'cell-per-line':
        // A line holding only a tab is an empty cell (a blank figure, or a merged cell's position); only a line with
        // no tab parts rows.
        // A line holding a no-break space is a cell written blank (LibreOffice's text of a blank cell), not a row's end.
        if (blank && rowOpen && writtenBlank(text)) { cells.push(makeCell(text, line.start, false)); break; }
        if (blank && !text.includes('\t')) { rowOpen = false; break; }
        if (text.startsWith('\t')) {
          pushSplitBetween(cells, text, 1, text.length, line.start, 'tab', true, !rowOpen);
          rowOpen = true;
        } else if (rowOpen && cells.length > 0 && joinable(cells[cells.length - 1]!, text)) {
          continueCell(cells[cells.length - 1]!, text, line.start);
        } else {
          pushSplit(cells, text, line.start, 'tab', true, !rowOpen);
          rowOpen = true;
        }
        break;
      case 'cell-per-paragraph':
        // A paragraph of a no-break space (a page's <p>&nbsp;</p>, LibreOffice's text of a blank cell) is a cell written blank.
        if (!blank && noteSentence(text)) cells.push(makeCell(text, line.start, false));
        else if (!blank) {
          const first = cells.length;
          pushSplit(cells, text, line.start, 'space', false, false);
          for (let k = first; k < cells.length; k++) cells[k]!.line = i;
        } else if (writtenBlank(text) && cells.length > 0) cells.push(makeCell(text, line.start, false));
        break;
      case 'cell-lines':
        // Rows are found by their labels; a blank line after the first cell is an empty cell, up to the last cell,
        // and past it too where that last cell stood alone on its line (see blanksAfterLastCell).
        if (blank) {
          // A line holding a no-break space is a cell written blank (LibreOffice's text of a blank cell), a figure's
          // place; an empty line may part rows as well (LibreOffice writes one or two after each row).
          if (cells.length > 0 && (i < lastContent || trailingBlanks)) {
            const cell = makeCell(writtenBlank(text) ? text : '', line.start, false);
            cell.alone = true;
            cells.push(cell);
          }
        } else {
          const first = cells.length;
          if (endsWithPipe(text)) {
            pushPipedCell(cells, text, line.start, cellClosed);
            cellClosed = true;
          } else {
            if (noteSentence(text)) cells.push(makeCell(text, line.start, false));
            else pushSplit(cells, text, line.start, 'space', false, false);
            cellClosed = false;
          }
          // A cell alone on its line: a row read by its cells' places must have one a line (tables/grid.ts).
          if (cells.length === first + 1) cells[first]!.alone = true;
        }
        break;
      case 'pdf-rows':
        if (!blank && noteSentence(text)) cells.push(makeCell(text, line.start, true));
        else if (!blank) {
          const first = cells.length;
          pushSplit(cells, text, line.start, 'space', false, true);
          // Places compare only in a text laid out in columns (runs of spaces pad its cells: pdftotext -layout), not in
          // one whose cells a single space parts (a PDF viewer's copied text: a row's last figure may start the next line).
          if (LAID_OUT.test(text) || SPACED_WORDS.test(text)) {
            for (let k = first; k < cells.length; k++) {
              const cell = cells[k]!;
              cell.at = cell.range.start - line.start;
              cell.x = displayColumn(text, cell.at);
            }
          }
        }
        break;
      case 'run-together':
        if (!blank && noteSentence(text)) cells.push(makeCell(text, line.start, true));
        else if (!blank) pushRunTogetherRows(cells, text, line.start);
        break;
    }
  }
  if (cells.length > 0) cells[0]!.rowStart = true;
  // A flattened page's runs are split knowing the columns (glued.ts); elsewhere a figure run onto its label is a cell.
  return layout === 'run-together' ? cells : withFiguresOffLabels(cells);
}

/** The cells, each that is a row's label with its first figure run onto it split in two (label-figures.ts). */
function withFiguresOffLabels(cells: StreamCell[]): StreamCell[] {
  let out: StreamCell[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    // Only a text ending in a digit can end in a figure (label-figures.ts FIGURE_AT_END): most labels are asked nothing.
    const at = c.kind === 'text' && isDigitCode(c.text.charCodeAt(c.text.length - 1)) ? labelBeforeFigure(c.text) : undefined;
    if (at === undefined) {
      out?.push(c);
      continue;
    }
    out ??= cells.slice(0, i);
    // From the cell's end: a cell continued over lines holds its text without the line break its range spans.
    const figure = c.text.slice(at);
    const split = c.range.end - figure.length;
    out.push({ ...makeCell(c.text.slice(0, at), c.range.start, c.rowStart), range: { start: c.range.start, end: split } }, makeCell(figure, split, false));
  }
  return out ?? cells;
}

/**
 * A table left as HTML: the cells in its tags, read over the region's lines as one text (a Word-made page's cell
 * holds its paragraph on lines of its own); the text after the table (its section's prose) holds none.
 */
function readHtmlCells(lines: Line[], from: number, to: number): StreamCell[] {
  if (to <= from) return [];
  const base = lines[from]!.start;
  let joined = '';
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    // Line breaks stand where they were (one or two characters), so offsets in the joined text are the region's.
    joined += '\n'.repeat(Math.max(0, line.start - base - joined.length)) + line.text;
  }
  const cells = htmlCells(joined).map((c) => ({ ...makeCell(c.text, base + c.start, c.rowStart), range: { start: base + c.start, end: base + c.end } }));
  if (cells.length > 0) cells[0]!.rowStart = true;
  return cells;
}

/** Whether no row of a pipe table closes with a pipe: rows written `a | b | c`, with no pipe at either end. */
function withoutOuterPipes(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    // PIPE_RULE allows white space after the rule: the same on the line as on the line trimmed.
    const t = lines[i]!.text;
    if (endsWithPipe(t) && !PIPE_RULE.test(t)) return false;
  }
  return true;
}

/**
 * A table drawn in box-drawing characters, as w3m and links dump a page: a row is the lines between two rules, each
 * line its cells between bars; a cell that wrapped over the row's lines is read whole (its pieces joined), and a
 * figure stands alone in its cell. A cell that spans several rows shows on the rules between them: its text there is
 * a group's name (三、本年度办理结果) and is left out, as rows are told by their own labels.
 */
function readBoxCells(lines: Line[], from: number, to: number): StreamCell[] {
  let drawn = false;
  for (let i = from; i < to && !drawn; i++) drawn = BOX_BAR.test(lines[i]!.text) || BOX_RULE.test(lines[i]!.text);
  const dashed = drawn ? undefined : dashedColumns(lines, from, to);
  if (dashed) return readDashedCells(lines, from, to, dashed);
  const alphabet = drawn ? BOX_LINES : ASCII_GRID;
  const cells: StreamCell[] = [];
  let row: Line[] = [];
  const flush = () => {
    if (row.length > 0) pushBoxRow(cells, row.map((line) => boxPieces(line, alphabet)));
    row = [];
  };
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (isPageNumberLine(line.text)) continue;
    const rule = alphabet.isRule(line.text);
    if (line.text.trim() === '' || rule || !alphabet.bar.test(line.text)) {
      flush();
      // A line of text in the region that is no box line (a note under the table): its cells, as a PDF row's.
      if (line.text.trim() !== '' && !rule) pushSplit(cells, line.text, line.start, 'space', false, true);
      continue;
    }
    row.push(line);
  }
  flush();
  if (cells.length > 0) cells[0]!.rowStart = true;
  return cells;
}

/**
 * pandoc's simple or multiline table (dashed-columns.ts): each line's cells by the columns' extents. A multiline
 * table parts its rows by blank lines, a cell wrapped over the row's lines read whole; a simple one has a row a line.
 * A line of the region standing outside the columns (a note under the table) is read as a PDF row's cells.
 */
function readDashedCells(lines: Line[], from: number, to: number, extents: readonly Extent[]): StreamCell[] {
  const fits = (i: number) => !isPageNumberLine(lines[i]!.text) && lines[i]!.text.trim() !== '' && !isDashedRule(lines[i]!.text) && fitsColumns(lines[i]!.text, extents);
  const multiline = blankBetweenRows(lines, from, to, fits);
  const cells: StreamCell[] = [];
  let row: Line[] = [];
  const flush = () => {
    if (row.length > 0) pushBoxRow(cells, row.map((line) => withoutMarkdownPieces(line, dashedPieces(line.text, line.start, extents))));
    row = [];
  };
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (fits(i)) {
      row.push(line);
      if (!multiline) flush();
      continue;
    }
    flush();
    if (line.text.trim() !== '' && !isDashedRule(line.text) && !isPageNumberLine(line.text)) pushSplit(cells, line.text, line.start, 'space', false, true);
  }
  flush();
  if (cells.length > 0) cells[0]!.rowStart = true;
  return cells;
}

/** Whether a blank line stands between two of the table's lines: a multiline table, whose rows blank lines part. */
function blankBetweenRows(lines: readonly Line[], from: number, to: number, fits: (i: number) => boolean): boolean {
  let seen = false;
  let blank = false;
  for (let i = from; i < to; i++) {
    if (fits(i)) {
      if (seen && blank) return true;
      seen = true;
      blank = false;
    } else if (lines[i]!.text.trim() === '') blank = true;
  }
  return false;
}

/**
 * A line's pieces, each without pandoc's span markup (`[5]{style="…"}`) and the Markdown emphasis around it (`**5**`).
 * The columns are placed on the line as pandoc wrote it, markup and all: pandoc measured the markup's width too.
 */
function withoutMarkdownPieces(line: Line, pieces: readonly Piece[]): Piece[] {
  return pieces.map((p) => {
    if (p.text === '') return p;
    let a = p.start - line.start;
    let b = a + p.text.length;
    // Blanked to the same length, so offsets hold (withoutSpanMarkup).
    const text = line.text.slice(0, a) + withoutSpanMarkup(line.text.slice(a, b)) + line.text.slice(b);
    while (a < b && isWhiteSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isWhiteSpaceCode(text.charCodeAt(b - 1))) b--;
    [a, b] = withoutMarkdown(text, a, b);
    if (a >= b) return { text: '', start: p.start };
    const shown = joinedSpans(line.text.slice(a, b), text.slice(a, b));
    return shown === undefined ? { text: text.slice(a, b), start: line.start + a } : { text: shown, start: line.start + a, end: line.start + b };
  });
}

/**
 * A cell's text with no gap where one of pandoc's spans follows another (`[8]{…}[5]{…}`: a figure the page kept in two
 * styled runs, shown as 85); undefined when it has no such seam. `written` is the cell as pandoc wrote it, `blanked`
 * the same with the spans' markup blanked (withoutSpanMarkup).
 */
function joinedSpans(written: string, blanked: string): string | undefined {
  if (!written.includes('}[')) return undefined;
  let out = '';
  let at = 0;
  SPAN_SEAM.lastIndex = 0;
  for (let m = SPAN_SEAM.exec(written); m; m = SPAN_SEAM.exec(written)) {
    out += blanked.slice(at, m.index);
    at = m.index + m[0].length;
  }
  return at === 0 ? undefined : out + blanked.slice(at);
}

/** Where one of pandoc's spans ends and the next starts, nothing between them. */
const SPAN_SEAM = /\]\{[^{}\n]*\}\[/g;

/** One row of a drawn table, from each of its lines' pieces (the k-th cell of every line: between bars, or in a column). */
function pushBoxRow(cells: StreamCell[], split: readonly (readonly Piece[])[]): void {
  const width = split[0]!.length;
  const columns = Array.from({ length: width }, (_, k) => split.map((pieces) => pieces[k]!));
  // Lines whose bars do not line up (a row drawn irregularly), or a cell with figures on two of its lines (two rows
  // with no rule between them): each line a row of its own, so that cells stay in the text's order.
  if (split.some((pieces) => pieces.length !== width) || columns.some((pieces) => !joinablePieces(pieces))) {
    for (const pieces of split) pushPieces(cells, pieces.map((p) => [p]));
    return;
  }
  pushPieces(cells, columns);
}

/**
 * html2text's table of paragraph cells, row by row (paragraph-pipes.ts): a cell of several paragraphs is one when they
 * are a label's words, each its own cell otherwise (two figures in one cell fit no column: the row reads short of none).
 */
function readParagraphPipeCells(lines: TableLine[], from: number, to: number): StreamCell[] {
  const cells: StreamCell[] = [];
  // A page editor's invisible characters blanked, as on every table line (blankDebris keeps the length).
  const shown = lines.slice(from, to).map((line) => ({ ...line, text: line.clean }));
  for (const row of paragraphPipeRows(shown, 0, shown.length)) {
    const columns = row.flatMap((pieces) => {
      const shown = pieces.map(withoutPieceMarkup);
      return joinablePieces(shown) ? [shown] : shown.map((p) => [p]);
    });
    const first = cells.length;
    pushPieces(cells, columns);
    startAtLastLabel(cells, first);
  }
  for (const c of cells) c.spansOnce = true;
  return cells;
}

/**
 * html2text writes a cell spanning rows in its first row only and a cell spanning columns once, so a row whose group's
 * label stands before its own (三、本年度办理结果 | （一）予以公开) is a cell wider than the rows under it. Its own label
 * starts the row, as in those rows: the group's label stays in front of it (rows.ts reads the labels before a row's
 * figures), and the rows of figures are as wide as each other (grid.ts).
 */
function startAtLastLabel(cells: StreamCell[], first: number): void {
  let k = first;
  while (k < cells.length && cells[k]!.kind === 'text') k++;
  if (k - first >= 2 && k < cells.length) cells[k - 1]!.rowStart = true;
}

/** A piece without a Markdown table cell's emphasis or escape (withoutMarkdown), its start moved to what is left. */
function withoutPieceMarkup(piece: Piece): Piece {
  const [a, b] = withoutMarkdown(piece.text, 0, piece.text.length);
  return a === 0 && b === piece.text.length ? piece : { text: piece.text.slice(a, b), start: piece.start + a };
}

/** A cell's pieces over its row's lines read as one text: none or one of them holds text, or all of them are words. */
function joinablePieces(pieces: readonly Piece[]): boolean {
  const filled = pieces.filter((p) => p.text !== '');
  // Digits on both sides of a line break are two figures ("其他；25" over "1"), never one the break cut: a converter
  // wraps at spaces. Joined, "251" would be a figure whose range spans the break, and a fix would remove the break.
  for (let k = 1; k < filled.length; k++) if (isDigitCode(filled[k - 1]!.text.charCodeAt(filled[k - 1]!.text.length - 1)) && isDigitCode(filled[k]!.text.charCodeAt(0))) return false;
  return filled.length <= 1 || makeCell(filled.map((p) => p.text).join(''), 0, false).kind === 'text';
}

/** A line's cells between bars, each trimmed (a grid table's Markdown emphasis too), with its offset (an empty cell's at its bar). */
function boxPieces(line: Line, alphabet: BoxAlphabet): Piece[] {
  const pieces: Piece[] = [];
  const text = line.text;
  let s = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !alphabet.bar.test(text[i]!)) continue;
    if (s >= 0) {
      let a = s;
      let b = i;
      while (a < b && isWhiteSpaceCode(text.charCodeAt(a))) a++;
      while (b > a && isWhiteSpaceCode(text.charCodeAt(b - 1))) b--;
      if (alphabet === ASCII_GRID) [a, b] = withoutMarkdown(text, a, b);
      pieces.push({ text: text.slice(a, b), start: line.start + (a < b ? a : s) });
    }
    s = i + 1;
  }
  return pieces;
}

/** A row's cells from each cell's pieces over the row's lines: text joined, a figure on its own; the first starts the row. */
function pushPieces(cells: StreamCell[], columns: readonly (readonly Piece[])[]): void {
  const first = cells.length;
  for (const pieces of columns) {
    const filled = pieces.filter((p) => p.text !== '');
    if (filled.length === 0) {
      cells.push(makeCell('', pieces[0]!.start, false));
    } else if (filled.length === 1) {
      const piece = filled[0]!;
      const cell = makeCell(piece.text, piece.start, false);
      cells.push(piece.end === undefined ? cell : { ...cell, range: { start: cell.range.start, end: piece.end } });
    } else {
      // A cell wrapped over lines: a label's words, joined (joinablePieces).
      const cell = makeCell(filled.map((p) => p.text).join(''), filled[0]!.start, false);
      const last = filled[filled.length - 1]!;
      cells.push({ ...cell, range: { start: cell.range.start, end: last.end ?? last.start + last.text.length } });
    }
  }
  if (cells.length > first) cells[first]!.rowStart = true;
}

/** The last line of the region with text, or a written blank cell (from - 1 when there is none). */
function lastContentLine(lines: readonly Line[], from: number, to: number): number {
  let last = to - 1;
  while (last >= from && isWhiteSpaceOnly(lines[last]!.text) && !writtenBlank(lines[last]!.text)) last--;
  return last;
}

/**
 * One cell a line: whether the empty lines after the table's last cell are cells too. A text export that writes
 * each cell on its own line writes a blank one as an empty line, so a row whose last cells are blank (表四's blank
 * 复议后起诉 group) ends in empty lines that the blank line before the next part follows; its reader takes from
 * them only what the row is short of. Where the last cell shared its line with others (a row on one line, as PDF
 * text gives it), a cell that went missing may be anywhere in the row: the empty lines after it are the table's end.
 * A line holding a no-break or ideographic space is a written blank cell wherever it stands.
 */
function blanksAfterLastCell(lines: readonly Line[], from: number, lastContent: number): boolean {
  if (lastContent < from) return false;
  const last = lines[lastContent]!.text;
  return writtenBlank(last) || !/\S\s+\S/.test(last.trim());
}

/** A line of nothing but white space with a no-break or ideographic space in it: a cell holding a blank. */
function writtenBlank(text: string): boolean {
  let written = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpaceCode(c)) return false;
    if (c === 0xa0 || c === 0x3000) written = true;
  }
  return written;
}

/** Whether the last character that is no white space is a pipe: trimEnd().endsWith('|') without the copy. */
function endsWithPipe(text: string): boolean {
  let e = text.length;
  while (e > 0 && isWhiteSpaceCode(text.charCodeAt(e - 1))) e--;
  return e > 0 && text.charCodeAt(e - 1) === 0x7c;
}

/** Whether the first character that is no white space is a dash or =, as RULE_LINE's runs start (no other line can be one). */
function startsWithRuleMark(text: string): boolean {
  let a = 0;
  while (a < text.length && isWhiteSpaceCode(text.charCodeAt(a))) a++;
  const c = text.charCodeAt(a);
  return c === 0x2d || c === 0x3d;
}


const SPAN = /\[([^[\]{}]*)\]\{[^{}]*\}/g;

/**
 * pandoc's Markdown keeps a page's styled text as a span, `[5]{style="font-family:宋体"}`: its brackets and
 * attributes are blanked (the same length, so every offset holds), leaving the text a cell shows.
 */
function withoutSpanMarkup(text: string): string {
  if (!text.includes(']{')) return text;
  return text.replace(SPAN, (whole, inner: string) => ` ${inner}${' '.repeat(whole.length - inner.length - 1)}`);
}

/** RULE_PIECE's characters (- = +), by char code: a piece that starts with none is no rule, and is not copied to ask. */
function isRulePieceCode(c: number): boolean {
  return c === 0x2d || c === 0x3d || c === 0x2b;
}

/** What parts cells: every tab, every pipe, or every run of white space. */
type Separator = 'tab' | 'pipe' | 'space';

function isSeparator(sep: Separator, c: number): boolean {
  return sep === 'tab' ? c === 0x09 : sep === 'pipe' ? c === 0x7c : isWhiteSpaceCode(c);
}

/**
 * Splits `text` (starting at document offset `base`) into cells on `sep`, each
 * trimmed. By char code: every table line of every report comes here, and a
 * regular expression made a match array and two slices a cell.
 */
export function pushSplit(cells: StreamCell[], text: string, base: number, sep: Separator, keepEmpty: boolean, rowStart: boolean): void {
  pushSplitBetween(cells, text, 0, text.length, base, sep, keepEmpty, rowStart);
}

/**
 * pushSplit of text[from, to), where `base` is the document offset of text[0]: a row between its pipes, a line after
 * its leading tab, split where it stands, without a copy.
 */
function pushSplitBetween(cells: StreamCell[], text: string, from: number, to: number, base: number, sep: Separator, keepEmpty: boolean, rowStart: boolean): void {
  const pipe = sep === 'pipe';
  let first = true;
  let s = from;
  for (;;) {
    let e = s;
    while (e < to && !isSeparator(sep, text.charCodeAt(e))) e++;
    let a = s;
    let b = e;
    while (a < b && isWhiteSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isWhiteSpaceCode(text.charCodeAt(b - 1))) b--;
    if (pipe) {
      // Only a cell starting with \ * or _ has markup to leave out (withoutMarkdown): no pair made for the others.
      const mark = text.charCodeAt(a);
      if (mark === 0x5c || mark === 0x2a || mark === 0x5f) [a, b] = withoutMarkdown(text, a, b);
      // A rule under a cell that spans the columns beside it (`|行政复议 |------|`, a table drawn in ASCII): no cell.
      if (b - a >= 3 && isRulePieceCode(text.charCodeAt(a)) && RULE_PIECE.test(text.slice(a, b))) b = a;
    }
    if (a < b || keepEmpty) {
      cells.push(makeCell(text.slice(a, b), base + a, rowStart && first));
      first = false;
    }
    if (e >= to) return;
    s = e + 1;
    if (sep === 'space') while (s < to && isWhiteSpaceCode(text.charCodeAt(s))) s++;
  }
}

/**
 * A Markdown table's cell without the markup around it, so that a figure is a figure and its place is the digits':
 * the emphasis of a bold cell (`**5**`, `__总计__`), and the backslash that escapes a sign starting a cell (`\-18`:
 * turndown escapes a leading minus, which Markdown would read as a list).
 */
function withoutMarkdown(text: string, a: number, b: number): [number, number] {
  if (text.charCodeAt(a) === 0x5c && b - a >= 3 && /^[-+][0-9]/.test(text.slice(a + 1, a + 3))) return [a + 1, b];
  const mark = text.charCodeAt(a);
  if (mark !== 0x2a && mark !== 0x5f) return [a, b];
  let n = 0;
  while (n < 3 && a + n < b && text.charCodeAt(a + n) === mark) n++;
  if (b - a <= 2 * n) return [a, b];
  for (let k = 1; k <= n; k++) if (text.charCodeAt(b - k) !== mark) return [a, b];
  a += n;
  b -= n;
  while (a < b && isWhiteSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isWhiteSpaceCode(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

// A figure stuck to the label before it (`规章000`, `审结总计110030000000000`), not a label's own numbering
// (`不予公开1.属于`) nor a date or count in words (`2022年`, `3件`).
const GLUED_FIGURE = /[\u4e00-\u9fff）)”》][0-9０-９]+(?![0-9０-９]*(?:[.．、]\s*[^\d\s]|[年月日号条项件个页次]))/g;
const MIN_GLUED_FIGURES = 3;
const MIN_ROWS_ON_A_LINE = 3;


/**
 * A table whose cells ran together, in a text whose other lines are laid out (html-to-text's default writes a
 * table's cells inline on one line; only a <br> breaks it): figures stuck to their labels, or rows one after
 * another on a line. Tab and pipe layouts are told first; a PDF row holds its figures after its label, on its own
 * line, apart from it.
 */
export function ranTogether(lines: readonly Line[], from: number, to: number): boolean {
  let glued = 0;
  for (let i = from; i < to; i++) {
    // Every line, however short: a keystroke in a figure keeps the layout (parse/retyped-cell.ts), so nothing a
    // figure's digits can change (a line's length, a leading 0) may decide it.
    const t = lines[i]!.text;
    GLUED_FIGURE.lastIndex = 0;
    while (GLUED_FIGURE.exec(t)) if (++glued >= MIN_GLUED_FIGURES) return true;
    // Rows one after another: a run of figures, then the next row's label (figures parted by tabs are one row).
    if (!mayHoldRowAfterRow(t)) continue;
    const ends: number[] = [];
    tableBreaks(t, 0, t.length, ends);
    let rows = 0;
    for (const b of ends) if (b > 0 && b < t.length && labelStartsNear(t, b) && ++rows >= MIN_ROWS_ON_A_LINE) return true;
  }
  return false;
}

/**
 * Whether tableBreaks may find a row's end on `t` that a label follows: a table anchor's words (every break after
 * one is its start or end), or a figure with nothing but white space between it and a label's first character (every
 * other break that a label follows ends a run of figures, or its unit 元 stuck to them). Most lines of a table laid
 * out in rows hold their figures after their words: no call, no list of breaks.
 */
function mayHoldRowAfterRow(t: string): boolean {
  let afterFigure = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isDigitCode(c)) afterFigure = true;
    else if (afterFigure && isLabelStartCode(c)) return true;
    else if (!isWhiteSpaceCode(c)) afterFigure = false;
  }
  for (const words of ANCHOR_WORDS) if (t.includes(words)) return true;
  return false;
}

// The words of each table anchor and of 表三's header note (run-breaks.ts TABLE_ANCHOR): where tableBreaks breaks
// other than after figures.
const ANCHOR_WORDS = ['第二十条', '本列数据的勾稽关系', '申请人情况', '行政复议'];

/** Whether a label starts the first character that is no white space in t[b, b + 8). */
function labelStartsNear(t: string, b: number): boolean {
  const end = Math.min(t.length, b + 8);
  let k = b;
  while (k < end && isWhiteSpaceCode(t.charCodeAt(k))) k++;
  return k < end && isLabelStartCode(t.charCodeAt(k));
}

/** A label's first character, by char code: an ideograph, an opening bracket or quote (/[\u4e00-\u9fff（(“]/). */
function isLabelStartCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || c === 0xff08 || c === 0x28 || c === 0x201c;
}

/** A line of a table whose cells ran together: cut where rows end (run-breaks.ts), each piece a row. */
function pushRunTogetherRows(cells: StreamCell[], text: string, base: number): void {
  const ends: number[] = [];
  tableBreaks(text, 0, text.length, ends);
  const cuts = [...new Set(ends.filter((b) => b > 0 && b < text.length))].sort((a, b) => a - b);
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > from) pushRunTogether(cells, text.slice(from, cut), base + from);
    from = cut;
  }
}

/** A row of a flattened page: label words, then one run of values whose digits may have run together. */
function pushRunTogether(cells: StreamCell[], text: string, base: number): void {
  const run = TRAILING_RUN.exec(text);
  const labelEnd = run ? run.index : text.length;
  const before = cells.length;
  // One label cell: a page's spaces fall anywhere (本年新 制作数量), so they part no words.
  const label = text.slice(0, labelEnd);
  if (label.trim()) cells.push(makeCell(label.trim(), base + label.length - label.trimStart().length, true));
  if (!run) return;
  const tokens: StreamCell[] = [];
  pushSplit(tokens, run[0], base + run.index, 'space', false, cells.length === before);
  for (const t of tokens) cells.push({ ...t, kind: 'number', value: undefined, decimals: 0, glued: true });
}

/**
 * A row between pipes: `| a | b |`, or as HTML-to-text tools write a table row, its cells joined by ` | ` with one
 * after the last (`a | b |`; a row whose first cell is empty then starts with `| `).
 */
function pushPipeRow(cells: StreamCell[], text: string, base: number): void {
  const close = text.lastIndexOf('|');
  let open = 0;
  while (open < text.length && isWhiteSpaceCode(text.charCodeAt(open))) open++;
  if (text.charCodeAt(open) !== 0x7c) open = -1;
  pushSplitBetween(cells, text, open + 1, close > open ? close : text.length, base, 'pipe', true, true);
}

/**
 * A line of a converter that writes one cell a line and closes each with a pipe (`规章 |`). A pipe alone is a blank
 * cell after a closed one, and closes the cell of the line before where that line had no pipe of its own (another
 * converter writes the pipe on the next line: `规章` / `|`). Two or more pipes alone pad a row to the table's width:
 * no cells. Every such line closes a cell.
 */
function pushPipedCell(cells: StreamCell[], text: string, base: number, previousClosed: boolean): void {
  const pipe = text.lastIndexOf('|');
  const body = text.slice(0, pipe);
  if (/[^|\s]/.test(body)) {
    // A line of several cells among them (`a | b |`) keeps them.
    pushSplit(cells, body, base, body.includes('|') ? 'pipe' : 'space', false, false);
  } else if (!body.includes('|') && previousClosed && cells.length > 0) {
    cells.push(makeCell('', base + pipe, false));
  }
}

/** The rest of a pipe row after a line break inside its last cell: that cell goes on, then the row's next cells. */
function pushPipeContinuation(cells: StreamCell[], text: string, base: number): void {
  const close = endsWithPipe(text) ? text.lastIndexOf('|') : text.length;
  const rest: StreamCell[] = [];
  pushSplitBetween(rest, text, 0, close, base, 'pipe', true, false);
  const last = cells[cells.length - 1]!;
  const first = rest.shift();
  if (first && first.kind !== 'empty' && joinable(last, first.text)) continueCell(last, first.text, first.range.start);
  else if (first) rest.unshift(first);
  cells.push(...rest);
}

/**
 * Only label text wraps: a line without a leading tab after a number, or a
 * number after a label, is a cell of its own. Joined, "0" and "5" would read
 * as 05, a value that is nowhere in the text, spanning a line break.
 */
function joinable(cell: StreamCell, text: string): boolean {
  if (cell.kind === 'empty') return true;
  return cell.kind === 'text' && classifyCell(text).kind === 'text';
}

/** A Word cell wrapped onto a line without a leading tab ("本年" / "制发件数"). */
function continueCell(cell: StreamCell, text: string, base: number): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const joined = cell.kind === 'empty' ? trimmed : cell.text + trimmed;
  const start = cell.kind === 'empty' ? base + (text.length - text.trimStart().length) : cell.range.start;
  const end = base + text.trimEnd().length;
  Object.assign(cell, makeCell(joined, start, cell.rowStart), { range: { start, end } });
}

/** The same cell at `range` (a keystroke moved it), made in makeCell's shape. */
export function cellAt(c: StreamCell, range: Range): StreamCell {
  const moved: StreamCell = { kind: c.kind, text: c.text, range, value: c.value, decimals: c.decimals, rowStart: c.rowStart };
  if (c.alone) moved.alone = true;
  if (c.spansOnce) moved.spansOnce = true;
  return moved;
}

/** The cell after `move` (itself when the move leaves it where it is): a row kept to be read again after a keystroke. */
export function movedStreamCell(c: StreamCell, move: Move): StreamCell {
  const range = moveRange(c.range, move);
  return range === c.range ? c : cellAt(c, range);
}

function makeCell(text: string, start: number, rowStart: boolean): StreamCell {
  // Most cells are a few digits: their value read here, no reading object made for them (classifyCell's first reading).
  const digits = plainInteger(text);
  if (digits !== undefined) return { kind: 'number', text, range: { start, end: start + text.length }, value: digits, decimals: 0, rowStart };
  const c = classifyCell(text);
  return {
    kind: text === '' ? 'empty' : c.kind,
    text,
    range: { start, end: start + text.length },
    value: c.value,
    decimals: c.decimals,
    rowStart,
  };
}

// A sentence: words, then a full stop (。！？); or a date (2023 年 12 月 31 日).
const SENTENCE_END = /[。！？]\s*$/;
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月/;
const MIN_NOTE_WORDS = 4;

/**
 * A line of a table's region that is a note, not cells: a sentence, or a date ("数据统计截至 2023 年 12 月 31 日。",
 * under 表四 in pdftotext's text). Parted at its spaces as cells are, its year and day were read as figures of the table.
 */
function noteSentence(text: string): boolean {
  if (!SENTENCE_END.test(text) && !DATE.test(text)) return false;
  let words = 0;
  for (let i = 0; i < text.length && words < MIN_NOTE_WORDS; i++) if (isCjk(text.charCodeAt(i))) words++;
  return words >= MIN_NOTE_WORDS;
}

const isCjk = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

const LAID_OUT = / {3}/;
// A line of words every two parted by two spaces or more, as w3m parts a header row of narrow columns (结果  结果  其他):
// laid out in columns too, where it starts at the line's start (no run of three spaces).
const SPACED_WORDS = /^\S+(?: {2,}\S+)+\s*$/;

/** The display column of text index `at` of a line: a wide (CJK) character takes two, as a text laid out in columns draws it. */
export function displayColumn(text: string, at: number): number {
  let x = 0;
  for (let i = 0; i < at && i < text.length; i++) x += text.charCodeAt(i) >= 0x1100 ? 2 : 1;
  return x;
}
