// A column of short items beside the body on a page without a layout frame's rules (a portal page printed whole:
// its navigation on the left, its 相关信息 or other years' reports on the right, laid out by CSS). Its items stand
// on the body's baselines, and a line joined across the gutter ran them into the body's lines: a heading with a
// sidebar item after it was no heading (`三、收到和处理政府信息公开申请情况栏目27 第27期`: a part "missing", a false
// error), paragraphs took the items into their sentences, and the items' short lines made the body's lines look
// short or full. The column's pieces are read apart: its lines go before the report (pdf/assemble.ts), as a
// page's navigation does in its text, and the body's lines and margins are the body's alone.
//
// Told only where nothing else looks like it: a gutter no piece and no table crosses while the column lasts, on at
// least MIN_ITEMS lines the column's items beside the body's text, starting (right column) or the body starting
// (left column) at one x; the column's items short and worded (a table's column of figures is not one); the body
// beside it prose (lines of a sentence's length). A column told on a page goes on on the next at the same x (a long
// list beside the tables of part 二, with no prose beside it there).

import type { RuledTable } from './grid';
import { toLines, type Line } from './lines';
import type { TextPiece } from './types';

/**
 * The gutter between the column and the body is at least this many font sizes wide (a float beside the article is
 * often set 20 CSS pixels off it: about one and a half of its characters when printed).
 */
const GUTTER = 1.2;
/** A column's item on one line: a link's or a phone number's words, not a paragraph. */
const MAX_ITEM_CHARS = 24;
/** Lines that must show the column beside the body (split by its gutter) for a column to be told on its own page. */
const MIN_ITEMS = 3;
/** Lines of the body beside the column at least this long (characters): prose, not a table's cells. */
const PROSE_CHARS = 12;
/** Body lines of prose beside the column, for a column told on its own page. */
const MIN_PROSE_LINES = 3;
/** Items start within this distance (PDF units) of one x. */
const ALIGNED = 2;

const CJK_WORD = /[\u3400-\u9fff]/;
/** A part's heading, or a line that ends a sentence or a clause: the report's text, not a link. */
const REPORT_TEXT = /^[一二三四五六七八九十]{1,2}、|[。；，]$/;

/** A side column: its inner edge (the column's left edge on the right, the body's left edge on the left). */
export interface SideColumn {
  readonly side: 'left' | 'right';
  readonly edge: number;
}

/**
 * The page's side column, if one stands beside its body (or the one of the page before goes on here), and which
 * pieces stand in it.
 */
export function sideColumnOf(pieces: readonly TextPiece[], tables: readonly RuledTable[], before?: SideColumn): { column: SideColumn; holds: (piece: TextPiece) => boolean } | undefined {
  const lines = toLines(pieces);
  const candidates: [SideColumn, boolean][] = [];
  if (before) candidates.push([before, true]);
  for (const side of ['right', 'left'] as const) {
    const edge = sharedEdge(lines, side);
    if (edge !== undefined) candidates.push([{ side, edge }, false]);
  }
  for (const [column, carried] of candidates) {
    const extent = columnExtent(lines, tables, column, carried);
    if (!extent) continue;
    const { side, edge } = column;
    const { top, bottom } = extent;
    return { column, holds: (p) => p.y <= top && p.y >= bottom && (side === 'right' ? p.x >= edge - ALIGNED : p.x + p.width <= edge - ALIGNED) };
  }
  return undefined;
}

/** The x most lines split at by a gutter, with a short item on the column's side, if MIN_ITEMS lines share it. */
function sharedEdge(lines: readonly Line[], side: 'left' | 'right'): number | undefined {
  const edges: number[] = [];
  for (const line of lines) {
    const pieces = line.pieces;
    let end = Number.NEGATIVE_INFINITY;
    for (let i = 1; i < pieces.length; i++) {
      end = Math.max(end, pieces[i - 1]!.x + pieces[i - 1]!.width);
      if (pieces[i]!.x - end < GUTTER * line.size) continue;
      const item = side === 'right' ? pieces.slice(i) : pieces.slice(0, i);
      if (textOf(item).length <= MAX_ITEM_CHARS) edges.push(pieces[i]!.x);
      break;
    }
  }
  // In x order, a window of ±ALIGNED around each edge (linear: a hostile page may hold thousands of lines).
  edges.sort((a, b) => a - b);
  let best: { edge: number; count: number } | undefined;
  let low = 0;
  let high = 0;
  for (const edge of edges) {
    while (edges[low]! < edge - ALIGNED) low++;
    while (high < edges.length && edges[high]! <= edge + ALIGNED) high++;
    if (!best || high - low > best.count) best = { edge, count: high - low };
  }
  return best && best.count >= MIN_ITEMS ? best.edge : undefined;
}

/**
 * Where the column stands (its items' top and bottom), if the page shows it: items on the column's side, short and
 * worded; nothing crossing the gutter between them; and, for a column told on this page, prose beside it.
 */
function columnExtent(lines: readonly Line[], tables: readonly RuledTable[], { side, edge }: SideColumn, carried: boolean): { top: number; bottom: number } | undefined {
  const onColumnSide = (p: TextPiece) => (side === 'right' ? p.x >= edge - ALIGNED : p.x + p.width <= edge - ALIGNED);
  // An item: a right column's starts at its edge; a left column's ends a gutter before the body.
  const isItemLine = (line: Line) => {
    const item = line.pieces.filter(onColumnSide);
    if (!item.length) return false;
    if (side === 'right') return Math.abs(item[0]!.x - edge) <= ALIGNED;
    return item.reduce((end, p) => Math.max(end, p.x + p.width), Number.NEGATIVE_INFINITY) <= edge - GUTTER * line.size;
  };
  const itemLines = lines.filter(isItemLine);
  if (!itemLines.length) return undefined;
  // From the items' own pieces: a line's baseline is its highest piece's, a little off the item's own.
  const itemPieces = itemLines.flatMap((l) => l.pieces.filter(onColumnSide));
  // Folded, not spread: a hostile page's pieces would pass the engine's argument limit.
  const top = itemPieces.reduce((y, p) => Math.max(y, p.y + p.size), Number.NEGATIVE_INFINITY);
  const bottom = itemPieces.reduce((y, p) => Math.min(y, p.y), Number.POSITIVE_INFINITY);
  const within = lines.filter((l) => l.pieces.some((p) => p.y <= top && p.y >= bottom));
  // Nothing crosses the gutter while the column lasts: a piece running from the body's side into it (a paragraph
  // wrapping under a short column, a table's row without rules) or a ruled table over it says the page is one text.
  const crosses = (left: number, right: number) => left < edge - ALIGNED && right > edge - ALIGNED;
  if (within.some((l) => l.pieces.some((p) => !onColumnSide(p) && crosses(p.x, p.x + p.width)))) return undefined;
  if (tables.some((t) => t.top >= bottom && t.bottom <= top && crosses(t.left, t.right))) return undefined;
  // The column's items are words (a table's last column holds figures), each short, and none the report's own (a
  // part's heading, a sentence's end: an article set in two columns of its own is not a column beside it).
  const items = within.map((l) => textOf(l.pieces.filter(onColumnSide))).filter((t) => t.length > 0);
  if (items.some((t) => t.length > MAX_ITEM_CHARS || REPORT_TEXT.test(t)) || items.filter((t) => CJK_WORD.test(t)).length * 2 < items.length) return undefined;
  if (carried) return { top, bottom };
  // Told on this page: the body beside it is prose.
  const prose = within.filter((l) => textOf(l.pieces.filter((p) => !onColumnSide(p))).length >= PROSE_CHARS);
  return prose.length >= MIN_PROSE_LINES ? { top, bottom } : undefined;
}

const textOf = (pieces: readonly TextPiece[]) => pieces.map((p) => p.text.trim()).join('');
