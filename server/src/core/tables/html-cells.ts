// A table left as HTML inside a text: turndown's GFM plugin (as save-as-Markdown tools run it) keeps a table whose
// first row is no header row as its HTML, on one line of the Markdown, and Word-made pages have no <th>. The cells
// are read where they stand in the tags, so that a finding and a fix fall on a figure's own digits.

import { decodeHTML } from 'entities';

/** A cell of the HTML: its text as shown, and where that text stands in the line (from its first to its last character). */
export interface HtmlCell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The first cell of a <tr>. */
  readonly rowStart: boolean;
}

const TABLE_TAG = /<\/?(?:table|tbody|thead|tfoot|tr|td|th)\b[^>]*>/gi;
const CELL_OPEN = /^<t[dh]\b/i;
const TAG = /<[^>]*>/g;
const ENTITY_SPACE = /^&(?:nbsp|#160|#xa0|ensp|emsp|thinsp|#12288);/i;

/** Whether a line holds a table's cells or rows as HTML (an opening or closing <td>, <th> or <tr>). */
export function holdsHtmlCells(text: string): boolean {
  return /<\/?t[dhr][\s>]/i.test(text);
}

/** Whether a line holds HTML tags at all (a cell's paragraph on a line of its own, as a Word-made page writes it). */
export function holdsTags(text: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(text);
}

/** The text a line shows with its tags taken out (what a reader sees of a table's first cells: its anchor). */
export function shownText(text: string): string {
  return decodeHTML(withoutTagTail(text).replace(TAG, tagGap)).replace(/\s+/g, ' ').trim();
}

/**
 * What a tag leaves between the texts on either side, as a browser shows them: nothing for an inline element's
 * (a figure the editor kept in two runs, `<span>8</span><span>5</span>`, shows 85), a space for the others. Read as a
 * space, such a figure was two (表二's 行政许可 "有 2 个数" in turndown's Markdown of a WeChat article).
 */
function tagGap(tag: string): string {
  return INLINE_TAG.test(tag) ? '' : ' ';
}

const INLINE_TAG = /^<\/?(?:span|font|strong|b|em|i|u|s|a|sup|sub|small|big|ins|mark|strike|o:p)[\s>/]/i;

/**
 * The end of a tag begun on the line before: attributes and its `>` (pandoc wraps its Markdown's lines inside a tag,
 * `<p><span` then `style="font-size:12px">行政复议</span>`, where a page's cells hold styled runs, as WeChat's do).
 * Read as text, the attributes were the cell's: 表四's first cell, its anchor, was no 行政复议 and the table "missing".
 */
const TAG_TAIL = /^\s*[a-z][\w:-]*(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]*))?(?:\s+[a-z][\w:-]*(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]*))?)*\s*\/?>/i;

/** `text` with a tag's end at its start blanked (the same length, so offsets hold). */
function withoutTagTail(text: string): string {
  const tail = TAG_TAIL.exec(text);
  return tail ? ' '.repeat(tail[0].length) + text.slice(tail[0].length) : text;
}

/**
 * The cells of one line's HTML, in order. A cell runs from its <td> or <th> to the next table tag (its close, or
 * the next cell or row when it is left open, as tag soup does); a cell still open at the line's end ends there.
 * Spans are laid out as a browser lays them out (SpanGrid): every row is as wide as the grid it stands in.
 */
export function htmlCells(text: string): HtmlCell[] {
  const cells: HtmlCell[] = [];
  const spans = new SpanGrid();
  // Where the open cell's content starts. The text starts inside a cell: a table's anchor is the shown text of its
  // first cell, and a Word-made page writes that text on a line after its <td>.
  let open = 0;
  let openTag = '';
  let implicit = true; // the cell the text starts in, which holds something only where the anchor is its text
  let rowStart = true;
  let rowOpen = 0; // where the row's cells start: the end of its <tr>
  const push = (cell: HtmlCell): void => {
    cells.push(cell);
    rowStart = false;
  };
  const rowEnd = (): number => (cells.length > 0 && !rowStart ? cells[cells.length - 1]!.end : rowOpen);
  const fillRowEnd = (): void => {
    for (let k = spans.endRow(); k > 0; k--) push(filler(rowEnd(), rowStart));
  };
  const close = (end: number): void => {
    if (open < 0) return;
    const cell = cellOf(text, open, end, rowStart);
    if (!implicit || cell.text !== '') {
      for (let k = spans.coveredBefore(); k > 0; k--) push(filler(rowEnd(), rowStart));
      push({ ...cell, rowStart });
      for (let k = spans.place(spanOf(openTag, 'colspan'), spanOf(openTag, 'rowspan')); k > 0; k--) push(filler(cell.end, false));
    }
    implicit = false;
    open = -1;
  };
  TABLE_TAG.lastIndex = 0;
  for (let m = TABLE_TAG.exec(text); m; m = TABLE_TAG.exec(text)) {
    close(m.index);
    const tag = m[0];
    if (/^<tr\b/i.test(tag)) {
      fillRowEnd();
      rowStart = true;
      rowOpen = m.index + tag.length;
    } else if (/^<\/table\b/i.test(tag)) {
      fillRowEnd();
      spans.reset();
    } else if (/^<table\b/i.test(tag)) spans.reset();
    else if (CELL_OPEN.test(tag)) {
      open = m.index + tag.length;
      openTag = tag;
    }
  }
  close(text.length);
  fillRowEnd();
  return cells;
}

/** An empty cell a span fills, at `at` with no width: no text of its own, and a place inside the row's text. */
function filler(at: number, rowStart: boolean): HtmlCell {
  return { text: '', start: at, end: at, rowStart };
}

// A span larger than any table's grid is a broken attribute, not a layout: read as no span.
const MAX_SPAN = 100;

/** A cell's colspan or rowspan as written in its tag: 1 where none, or none that reads. */
function spanOf(tag: string, name: 'colspan' | 'rowspan'): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(tag);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= MAX_SPAN ? n : 1;
}

/**
 * The columns of a table that cells spanning rows hold in the rows below them, as a browser lays a table out: a cell
 * stands in the first column its row has free, a colspan of n fills n columns, a rowspan of n its columns in the next
 * n−1 rows. Rows are told by their <tr>, so a table with no span reads as before: no cell is added.
 */
class SpanGrid {
  /** below[c]: how many rows under the current one column c is still held by a cell above. */
  private below: number[] = [];
  /** The rows still held in the current row, column by column. */
  private held: boolean[] = [];
  private column = 0;

  /** The columns held from above before the row's next cell: empty cells to put before it. */
  coveredBefore(): number {
    let n = 0;
    while (this.held[this.column]) {
      this.held[this.column] = false;
      this.column++;
      n++;
    }
    return n;
  }

  /** Places a cell of `colspan` × `rowspan` at the row's next free column; returns the empty cells to put after it. */
  place(colspan: number, rowspan: number): number {
    for (let k = 0; k < colspan; k++) {
      const c = this.column + k;
      this.held[c] = false;
      if (rowspan > 1) this.below[c] = Math.max(this.below[c] ?? 0, rowspan - 1);
    }
    this.column += colspan;
    return colspan - 1;
  }

  /**
   * Ends the row: the empty cells to put after its last cell, up to the last column held from above (a free column
   * before it shows as an empty place too, as in a browser). The next row is then laid out.
   */
  endRow(): number {
    let last = -1;
    for (let c = this.column; c < this.held.length; c++) if (this.held[c]) last = c;
    const fill = last < 0 ? 0 : last - this.column + 1;
    this.held = this.below.map((n) => n > 0);
    this.below = this.below.map((n) => Math.max(0, n - 1));
    this.column = 0;
    return fill;
  }

  reset(): void {
    this.below = [];
    this.held = [];
    this.column = 0;
  }
}

/** One cell's shown text, and the span of the line from its first shown character to its last. */
function cellOf(line: string, from: number, to: number, rowStart: boolean): HtmlCell {
  // A tag left open at the cell's end (`&nbsp;<span` whose rest is gone: the next <td> then reads inside it) shows
  // nothing: the cell ends before it, so an empty cell's place, where a fix writes its figure, is shown text.
  // The text's first cell may start inside a tag wrapped onto its line (withoutTagTail).
  const all = from === 0 ? withoutTagTail(line.slice(from, to)) : line.slice(from, to);
  const lt = all.lastIndexOf('<');
  const raw = lt >= 0 && all.indexOf('>', lt) < 0 ? all.slice(0, lt) : all;
  const text = shownText(raw.replace(/<br\s*\/?>/gi, ''));
  let start = -1;
  let end = -1;
  for (let i = 0; i < raw.length; ) {
    const c = raw.charCodeAt(i);
    if (c === 0x3c) {
      const gt = raw.indexOf('>', i);
      i = gt < 0 ? raw.length : gt + 1;
      continue;
    }
    const space = c === 0x26 ? ENTITY_SPACE.exec(raw.slice(i, i + 10)) : null;
    if (space) {
      i += space[0].length;
      continue;
    }
    // An entity is shown as one character but stands as several.
    const next = c === 0x26 ? entityEnd(raw, i) : i + 1;
    if (!/\s/.test(raw.charAt(i))) {
      if (start < 0) start = i;
      end = next;
    }
    i = next;
  }
  if (start < 0) return { text: '', start: from + raw.length, end: from + raw.length, rowStart };
  return { text, start: from + start, end: from + end, rowStart };
}

function entityEnd(raw: string, at: number): number {
  const semi = raw.indexOf(';', at);
  return semi > at && semi - at <= 10 ? semi + 1 : at + 1;
}
