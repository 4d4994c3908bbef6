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
  return decodeHTML(text.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * The cells of one line's HTML, in order. A cell runs from its <td> or <th> to the next table tag (its close, or
 * the next cell or row when it is left open, as tag soup does); a cell still open at the line's end ends there.
 */
export function htmlCells(text: string): HtmlCell[] {
  const cells: HtmlCell[] = [];
  // Where the open cell's content starts. The text starts inside a cell: a table's anchor is the shown text of its
  // first cell, and a Word-made page writes that text on a line after its <td>.
  let open = 0;
  let implicit = true; // the cell the text starts in, which holds something only where the anchor is its text
  let rowStart = true;
  const close = (end: number): void => {
    if (open < 0) return;
    const cell = cellOf(text, open, end, rowStart);
    if (!implicit || cell.text !== '') {
      cells.push(cell);
      rowStart = false;
    }
    implicit = false;
    open = -1;
  };
  TABLE_TAG.lastIndex = 0;
  for (let m = TABLE_TAG.exec(text); m; m = TABLE_TAG.exec(text)) {
    close(m.index);
    const tag = m[0];
    if (/^<tr\b/i.test(tag)) rowStart = true;
    else if (CELL_OPEN.test(tag)) open = m.index + tag.length;
  }
  close(text.length);
  return cells;
}

/** One cell's shown text, and the span of the line from its first shown character to its last. */
function cellOf(line: string, from: number, to: number, rowStart: boolean): HtmlCell {
  // A tag left open at the cell's end (`&nbsp;<span` whose rest is gone: the next <td> then reads inside it) shows
  // nothing: the cell ends before it, so an empty cell's place, where a fix writes its figure, is shown text.
  const all = line.slice(from, to);
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
