// A page laid out in a ruled table: a portal's style rules every cell of the table that lays out its page
// (`td{border:1px solid}`: navigation, article and sidebar cells), and a browser prints it so. The report's own
// tables sit inside the article cell, a cell's padding off its border: closer than the reach that makes rules
// one table (grid.ts), so the frame and the tables in it were one "table" and the article (its headings, its
// paragraphs, 表二/表三/表四) the text of its cells: parts "missing", 表三's figures apart from its rows.
//
// The frame is told by what it holds, not by where it stands. Rules that meet make boxes (a cell's border; a
// table drawn with collapsed borders is one box); a box that cuts cells on its own is a grid, and the innermost
// grids are tables. Rules that reach one another (one "table" to grid.ts) are a frame when sentences stand beside
// their tables: in no table and in no box but one that holds a table (the article's cell, the layout's box, or on
// a page the article runs over, between its two sides, which the page break leaves unjoined). A table's cells hold
// its text, and the block titles LibreOffice draws in 表二's box beside its blocks are no sentences. A frame keeps
// its tables' rules only: the frame, the layout's other cells (navigation, sidebar, banner) and its sides go, and
// their text is read as the page's lines. The frame runs over pages: on the next one, a group drawing its sides
// where they stood goes on as the frame (a page of 表三's rows and a heading holds no sentence; the article's last
// part may hold no table). A page without such a frame keeps its rules as they are.

import { components, cutsCells } from './grid';
import type { Rule, TextPiece } from './types';

/**
 * Rules this close (PDF units) meet: a box's sides at its corners, the rules of a table drawn with collapsed
 * borders. A table inside a cell stands off the cell's border by the padding and the two borders' halves (about
 * 1 unit when printed at full size, 0.6 at 60 %): two boxes.
 */
const MEET = 0.3;
/** A frame's side on the next page stands where it stood (PDF units). */
const SIDE = MEET;
/** A sentence's end. */
const SENTENCE = /[。！？]/;
/** A box lies within another when it is inside its edges by this much at worst (a page break cuts both at one height). */
const EDGE = 3;

interface Box {
  readonly h: readonly Rule[];
  readonly v: readonly Rule[];
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
}

/**
 * The page's rules without its layout frames: the report's tables that stand inside a frame keep theirs. `sides` are
 * the frames' vertical rules (the next page's frame is told by them; lanes.ts keeps the frame's cells apart by them).
 */
export function withoutLayoutFrames(
  pieces: readonly TextPiece[],
  horizontal: readonly Rule[],
  vertical: readonly Rule[],
  sidesBefore: readonly number[] = [],
): { horizontal: readonly Rule[]; vertical: readonly Rule[]; sides: readonly Rule[] } {
  const groups = components(horizontal, vertical).map((group) => ({ group, boxes: components(group.h, group.v, MEET).map(boxOf) }));
  const page = pageBoxes(groups.flatMap((g) => g.boxes));
  const kept: { horizontal: Rule[]; vertical: Rule[] } = { horizontal: [], vertical: [] };
  const sides: Rule[] = [];
  let framed = false;
  for (const { group, boxes } of groups) {
    // On the page after a frame's, a group drawing its sides is the frame going on: text beside its tables tells it
    // (a page of 表三's rows and a part's heading holds no sentence), and so do sentences where it holds no table.
    const going = drawsSides(group, sidesBefore);
    const frame = isFrame(group, boxes, page, pieces, !going) || (going && proseGoesOn(group, page, pieces, sidesBefore));
    // A box drawing the frame's sides is the frame's, even where it cuts cells (a layout drawn with collapsed borders).
    const tables = going ? page.tables.filter((table) => !table.v.some((rule) => onSide(rule, sidesBefore))) : page.tables;
    framed ||= frame;
    // The frame's sides: the cells that hold a table, and lone rules (a cell a page break left open at both ends).
    if (frame) sides.push(...boxes.filter((box) => !box.h.length || (!tables.includes(box) && page.holdsTable(box))).flatMap((box) => box.v));
    // A frame keeps its tables, what they hold (a box drawn in a cell) and what else stands in the article's cell (a
    // table's rows that cut no cells of their own: a header row the page ends with); the frame, its other cells (the
    // navigation's, the sidebar's) and its sides go.
    const article = boxes.filter((box) => !tables.includes(box) && page.holdsTable(box) && !boxes.some((inner) => inner !== box && within(inner, box) && page.holdsTable(inner)));
    const kept_ = (box: Box) => tables.some((table) => box === table || within(box, table)) || (box.h.length > 0 && !page.holdsTable(box) && article.some((cell) => within(box, cell)));
    const keep = frame ? boxes.filter(kept_).map((box) => (tables.includes(box) ? withSides(box) : box)) : [group];
    for (const box of keep) {
      kept.horizontal.push(...box.h);
      kept.vertical.push(...box.v);
    }
  }
  // Untouched (the same rules in the same order) where the page has no frame.
  return framed ? { ...kept, sides } : { horizontal, vertical, sides };
}

/** The page's boxes, its tables (the innermost grids) and whether a box holds a table. */
interface PageBoxes {
  readonly boxes: readonly Box[];
  readonly tables: readonly Box[];
  readonly holdsTable: (box: Box) => boolean;
}

function pageBoxes(boxes: readonly Box[]): PageBoxes {
  const grids = boxes.filter((box) => cutsCells(box.h, box.v));
  const holdsGrid = (box: Box) => grids.some((grid) => grid !== box && within(grid, box));
  const tables = grids.filter((grid) => !holdsGrid(grid));
  return { boxes, tables, holdsTable: (box) => tables.some((table) => table !== box && within(table, box)) };
}

/**
 * A group of rules that reach one another is a frame when it holds a table (one of its boxes is one, or holds one: a
 * table inside the article's cell may stand off its sides, a group of its own) and sentences stand beside the
 * tables: inside the group's bounds, in no table, and in no box but those that hold a table (a navigation cell's
 * words are in a box of their own; the article's are in the cell that holds the tables, or, on a page the cell runs
 * over, between its two sides, which a page break leaves unjoined). A table's own text is in its cells.
 */
function isFrame(group: { h: Rule[]; v: Rule[] }, boxes: readonly Box[], page: PageBoxes, pieces: readonly TextPiece[], sentences: boolean): boolean {
  if (!boxes.some((box) => page.tables.includes(box) || page.holdsTable(box))) return false;
  const bounds = boxOf(group);
  const beside = (piece: TextPiece) => holds(bounds, piece) && !page.tables.some((t) => holds(t, piece)) && page.boxes.every((box) => !holds(box, piece) || page.holdsTable(box));
  // Sentences, as an article's paragraphs hold: a table's block titles (LibreOffice draws 表二's `第二十条第（一）项`
  // rows in the table's box, its blocks as boxes inside it) are no page.
  return pieces.some((piece) => (!sentences || SENTENCE.test(piece.text)) && beside(piece));
}

/** The group draws the sides of the page before's frame: two of its vertical rules where those stood. */
function drawsSides(group: { v: Rule[] }, sidesBefore: readonly number[]): boolean {
  const xs = new Set(group.v.filter((rule) => onSide(rule, sidesBefore)).map((rule) => Math.round(rule.x1 / EDGE)));
  return xs.size >= 2;
}

const onSide = (rule: Rule, sides: readonly number[]) => sides.some((x) => Math.abs(rule.x1 - x) <= SIDE);

/**
 * The frame going on with its prose (the article's last part, no table of its own on this page): sentences in the
 * group, in no box but those that draw the frame's sides (not in a navigation or footer cell of its own).
 */
function proseGoesOn(group: { h: Rule[]; v: Rule[] }, page: PageBoxes, pieces: readonly TextPiece[], sidesBefore: readonly number[]): boolean {
  const bounds = boxOf(group);
  const framing = (box: Box) => box.v.some((rule) => onSide(rule, sidesBefore));
  return pieces.some((piece) => SENTENCE.test(piece.text) && holds(bounds, piece) && page.boxes.every((box) => !holds(box, piece) || framing(box)));
}

/**
 * The table with a side where its rows' rules end past its last vertical rule: a page laid out wider than the paper
 * is cut at the print's edge, and the table's own border with it (its rows' rules end at the cut). Read with the
 * frame, the frame's cells lent the grid that edge; alone, the table's last column would fall outside it.
 */
function withSides(table: Box): Box {
  if (!table.v.length || !table.h.length) return table;
  const xs = table.v.map((r) => r.x1);
  const added: Rule[] = [];
  const left = Math.min(...table.h.map((r) => r.x1));
  const right = Math.max(...table.h.map((r) => r.x2));
  if (Math.min(...xs) - left > EDGE) added.push({ x1: left, y1: table.bottom, x2: left, y2: table.top });
  if (right - Math.max(...xs) > EDGE) added.push({ x1: right, y1: table.bottom, x2: right, y2: table.top });
  return added.length ? { ...table, v: [...table.v, ...added] } : table;
}

function boxOf(group: { h: Rule[]; v: Rule[] }): Box {
  const rules = [...group.h, ...group.v];
  return {
    h: group.h,
    v: group.v,
    left: Math.min(...rules.map((r) => r.x1)),
    right: Math.max(...rules.map((r) => r.x2)),
    bottom: Math.min(...rules.map((r) => r.y1)),
    top: Math.max(...rules.map((r) => r.y2)),
  };
}

/** Inside the other's edges and smaller: two boxes a hair apart (a cell in a one-cell table's border) hold each other's edges. */
function within(inner: Box, outer: Box): boolean {
  const inside = inner.left >= outer.left - EDGE && inner.right <= outer.right + EDGE && inner.bottom >= outer.bottom - EDGE && inner.top <= outer.top + EDGE;
  return inside && (inner.right - inner.left) * (inner.top - inner.bottom) < (outer.right - outer.left) * (outer.top - outer.bottom);
}

/** The piece's middle (as grid.ts places a piece in a cell) inside the box. */
function holds(box: Box, piece: TextPiece): boolean {
  const cx = piece.x + piece.width / 2;
  const cy = piece.y + piece.size * 0.3;
  return cx > box.left && cx < box.right && cy > box.bottom && cy < box.top;
}
