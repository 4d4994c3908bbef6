// A document's pages → blocks in reading order. Lines make paragraphs: a line
// that fills the text width and is followed by one at the left margin goes on
// into it (also over a page break), and so does a short line whose successor's
// first word could not have fitted after it (a run of figures wrapped whole);
// an indented line, a short line's other successors, a change of font size, or
// a numbered line after a finished sentence starts a new one. A table that ends a
// page and one that starts the next with the same columns are one table; a
// merged cell cut by the page break (no rule on its top edge) is one cell.
// A part's heading on the baseline of a column beside the body (a portal page
// printed whole: its navigation) is a line of its own.

import type { Block } from '../blocks';
import type { RuledTable } from './grid';
import { isCjk, lineOf, type Line } from './lines';
import { TableBuilder } from './table-builder';
import type { LaneOf } from './lanes';

export interface LaidOutPage {
  readonly page: number;
  readonly lines: readonly Line[];
  readonly tables: readonly RuledTable[];
  /** A page in a layout frame: the lane each place is read in (pdf/lanes.ts), lanes one after the other. */
  readonly laneOf?: LaneOf;
  /** The lines of a column of items beside the body (pdf/side-column.ts): read before the report, each on its own. */
  readonly aside?: readonly Line[];
}

/** `page` names the place; `index` counts the laid-out pages (two to a sheet printed with two pages on it). */
type Item = { kind: 'line'; line: Line; page: number; index: number } | { kind: 'table'; table: RuledTable; page: number; index: number };

export function assemble(pages: readonly LaidOutPage[]): Block[] {
  const margins = textMargins(pages.flatMap((p) => p.lines));
  const items: Item[] = pages.flatMap(({ page, lines, tables, laneOf }, index) => {
    const onPage: Item[] = [...headingsApart(lines).map((line) => ({ kind: 'line' as const, line, page, index })), ...tables.map((table) => ({ kind: 'table' as const, table, page, index }))];
    const lane = (item: Item) => (laneOf ? laneOf(...middle(item)) : 0);
    return onPage.sort((a, b) => lane(a) - lane(b) || top(b) - top(a));
  });
  const blocks: Block[] = [];
  let paragraphs = 0;
  // A side column's items are no part of the report: before it, as a page's navigation stands in its text.
  for (const { page, aside } of pages) {
    for (const line of aside ?? []) blocks.push({ kind: 'paragraph', text: line.text, place: { page, paragraph: ++paragraphs } });
  }
  let paragraph: { lines: Line[]; page: number } | undefined;
  let table: TableBuilder | undefined;
  let tables = 0;
  const endParagraph = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: joinLines(paragraph.lines), place: { page: paragraph.page, paragraph: ++paragraphs } });
    paragraph = undefined;
  };
  const endTable = () => {
    if (table) blocks.push(table.block());
    table = undefined;
  };
  let previous: Item | undefined;
  for (const item of items) {
    if (item.kind === 'table') {
      endParagraph();
      if (!(table && previous?.kind === 'table' && item.index === previous.index + 1 && table.continueWith(item.table, item.page))) {
        endTable();
        table = new TableBuilder(item.table, item.page, ++tables);
      }
    } else {
      endTable();
      if (paragraph && continues(paragraph.lines, item.line, margins, item.index !== previous?.index)) paragraph.lines.push(item.line);
      else {
        endParagraph();
        paragraph = { lines: [item.line], page: item.page };
      }
    }
    previous = item;
  }
  endParagraph();
  endTable();
  return blocks;
}

const top = (item: Item) => (item.kind === 'line' ? item.line.y + item.line.size : item.table.top);
/** Where an item stands, as a piece's place is taken (its middle; a line's a little above its baseline). */
const middle = (item: Item): [number, number] =>
  item.kind === 'line' ? [(item.line.left + item.line.right) / 2, item.line.y + item.line.size * 0.3] : [(item.table.left + item.table.right) / 2, (item.table.top + item.table.bottom) / 2];

interface Margins {
  readonly left: number;
  readonly right: number;
}

/** The body text's left edge (the most common line start) and right edge (where full lines end). */
function textMargins(lines: readonly Line[]): Margins {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.left), (counts.get(Math.round(line.left)) ?? 0) + 1);
  const left = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  return { left, right };
}

/** A gutter between a column beside the body and the body is at least this many font sizes wide. */
const GUTTER = 3;
/** What a column beside the body holds on one line: a link's or a phone number's words, not a paragraph. */
const MAX_ASIDE_CHARS = 24;
/** A part's heading: its numeral, then 、. */
const PART_HEADING = /^[一二三四五六七八九十]\s*、/;

/**
 * A part's heading on the baseline of a column beside the body (a portal page printed whole: its navigation beside
 * the report) is a line of its own: run into the column's words (`12345政务服务便民热线一、总体情况`) it was no
 * heading, and its part was "missing". Only a heading after a gutter, past a few words: the column's lines elsewhere
 * stay as they are (where the body's margin stands cannot be told on a page of tables and short paragraphs).
 */
function headingsApart(lines: readonly Line[]): Line[] {
  return lines.flatMap((line) => {
    const k = line.pieces.findIndex((p, i) => {
      // A numeral's glyph may be a piece of its own (`一` / `、总体情况`).
      if (i === 0 || !PART_HEADING.test(p.text + (line.pieces[i + 1]?.text ?? ''))) return false;
      const before = line.pieces.slice(0, i);
      const end = Math.max(...before.map((q) => q.x + q.width));
      return p.x - end >= GUTTER * line.size && before.reduce((n, q) => n + q.text.length, 0) <= MAX_ASIDE_CHARS;
    });
    return k > 0 ? [lineOf(line.pieces.slice(0, k)), lineOf(line.pieces.slice(k))] : [line];
  });
}

/** Gaps between a line's pieces this many font sizes wide are between the columns of a table without rules. */
const COLUMN_GAP = 1.5;

/** A row of a table the page draws no rules for: text in several columns, far apart. */
function isColumnRow(line: Line): boolean {
  let gaps = 0;
  for (let i = 1; i < line.pieces.length && gaps < 2; i++) {
    const left = line.pieces[i - 1]!;
    if (line.pieces[i]!.x - (left.x + left.width) > COLUMN_GAP * line.size) gaps++;
  }
  return gaps >= 2;
}

/** A line's start this many font sizes in from the margin is set apart (centred), not a paragraph's first-line indent. */
const CENTRED = 4;

/** The last character of a finished sentence. */
const SENTENCE_END = /[。！？!?]\s*$/;
/** A heading's or a list item's numbering at a line's start: 一、 （一） (1) 1、 1. (not 1.5). */
const NUMBERED_START = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*(?:[、．]|\.(?!\d)))/;

function continues(lines: readonly Line[], line: Line, margins: Margins, overPageBreak: boolean): boolean {
  const before = lines[lines.length - 1]!;
  // Rows of a table without rules fill the width too: each stays a line of its own (read as PDF text rows).
  if (isColumnRow(before) || isColumnRow(line)) return false;
  // Where paragraphs have no first-line indent (a page printed from text or the web), a full line that ends a
  // sentence and a numbered line after it are two paragraphs: “…止。” / “1、 总体情况” was read as one. Unless the
  // paragraph numbers its own sentences and this is the next number, wrapped to the line's start (`…（2）重大建设项
  // 目。…条。` / `（3）公共资源配置。…`): a heading of its own, it mixed its numbering with the part's sub-items.
  if (SENTENCE_END.test(before.text) && NUMBERED_START.test(line.text) && !numbersGoOn(lines, line)) return false;
  const size = Math.max(before.size, line.size);
  if (Math.abs(before.size - line.size) > 0.15 * size) return false;
  // A line set far in from the margin on its own (a centred title, in the body's font) goes on into no line at the
  // margin: on a page no wider line sets the right margin, the title looked full and took `一、总体情况` into it.
  if (lines.length === 1 && before.left > margins.left + CENTRED * size && line.left <= margins.left + 0.5 * size) return false;
  // A short line ends its paragraph, unless the next line's first word would not have fitted after it: a page printed
  // from text wraps a run of figures or Latin letters whole, leaving the line before it short (a crawled page's
  // `…收到申请` / `1000000二、…`).
  if (before.right < margins.right - 1.5 * size && !(wrappedBefore(line, margins.right - before.right) && !SENTENCE_END.test(before.text))) return false;
  if (line.left > margins.left + 0.5 * size) return false; // an indented line starts one
  return overPageBreak || before.y - line.y < 2.5 * size;
}

/** A line starting `（N）` where the paragraph's lines hold `（N-1）` after their start: its sentences' numbering goes on. */
function numbersGoOn(lines: readonly Line[], line: Line): boolean {
  const n = INLINE_NUMBER.exec(line.text);
  if (!n) return false;
  const previous = `${Number(n[1]) - 1}`;
  return lines.some((l, i) => {
    const at = l.text.search(new RegExp(`[（(]\\s*${previous}\\s*[）)]`));
    return at > 0 || (at === 0 && i > 0);
  });
}

const INLINE_NUMBER = /^\s*[（(]\s*(\d{1,2})\s*[）)]/;

/**
 * The line's first word (a run of figures, Latin letters and their marks, as a layout keeps whole; an opening bracket
 * with the character after it) is wider than `room`: it could not have stood at the end of the line before. A Chinese
 * character is a word of its own, and one fits wherever a line ends short of the margin by more than a character.
 */
function wrappedBefore(line: Line, room: number): boolean {
  const first = line.pieces[0];
  if (!first || first.text.length === 0) return false;
  const run = WORD_START.exec(first.text)?.[0].length ?? 0;
  // An opening bracket or quote never ends a line: it goes down with the character after it (`第二十条第` / `（一）项`).
  const word = run >= MIN_WORD ? run : OPENING.test(first.text) ? 2 : 0;
  return word > 0 && (first.width / first.text.length) * word > room;
}

const WORD_START = /^[0-9A-Za-z.,:%/()\-]+/;
/** Shorter runs fit at a line's end as often as not: only a run this long tells a wrap. */
const MIN_WORD = 3;
const OPENING = /^[（(“‘《〈【〔「『]\S/;

/** A paragraph's lines as one text: no space where a CJK line wrapped, one elsewhere. */
function joinLines(lines: readonly Line[]): string {
  return lines.reduce((text, line) => (!text ? line.text : isCjk(text.slice(-1)) || isCjk(line.text[0] ?? '') ? text + line.text : `${text} ${line.text}`), '');
}
