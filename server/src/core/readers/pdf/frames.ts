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
// their text is read as the page's lines. A page without such a frame keeps its rules as they are.

import { components, cutsCells } from './grid';
import type { Rule, TextPiece } from './types';

/**
 * Rules this close (PDF units) meet: a box's sides at its corners, the rules of a table drawn with collapsed
 * borders. A table inside a cell stands off the cell's border by the padding and the two borders' halves (about
 * 1 unit when printed at full size, 0.6 at 60 %): two boxes.
 */
const MEET = 0.3;
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

/** The page's rules without its layout frames: the report's tables that stand inside a frame keep theirs. */
export function withoutLayoutFrames(pieces: readonly TextPiece[], horizontal: readonly Rule[], vertical: readonly Rule[]): { horizontal: readonly Rule[]; vertical: readonly Rule[] } {
  const kept: { horizontal: Rule[]; vertical: Rule[] } = { horizontal: [], vertical: [] };
  let framed = false;
  for (const group of components(horizontal, vertical)) {
    const keep = framedTables(group, pieces) ?? [group];
    framed ||= keep.length !== 1 || keep[0] !== group;
    for (const box of keep) {
      kept.horizontal.push(...box.h);
      kept.vertical.push(...box.v);
    }
  }
  // Untouched (the same rules in the same order) where the page has no frame.
  return framed ? kept : { horizontal, vertical };
}

/**
 * The tables of a group of rules that is a frame with tables inside, or undefined when it is no frame. Its boxes
 * (rules that meet) that cut cells on their own are grids; the innermost grids are the tables; a box holding one
 * is a frame's cell (or the layout table's box). The group is a frame when sentences stand beside its tables: inside
 * the group's bounds, in no table, and in no box but those that hold a table (a navigation cell's words are in a
 * box of their own; the article's are in the cell that holds the tables, or, on a page the cell runs over, between
 * its two sides, which a page break leaves unjoined). A table's own text is in its cells.
 */
function framedTables(group: { h: Rule[]; v: Rule[] }, pieces: readonly TextPiece[]): Box[] | undefined {
  const boxes = components(group.h, group.v, MEET).map(boxOf);
  const grids = boxes.filter((box) => cutsCells(box.h, box.v));
  const holds_ = (box: Box) => grids.some((grid) => grid !== box && within(grid, box));
  const tables = grids.filter((grid) => !holds_(grid));
  if (!tables.length) return undefined;
  const bounds = boxOf(group);
  const beside = (piece: TextPiece) => holds(bounds, piece) && !tables.some((t) => holds(t, piece)) && boxes.every((box) => !holds(box, piece) || holds_(box));
  // Sentences, as an article's paragraphs hold: a table's block titles (LibreOffice draws 表二's `第二十条第（一）项`
  // rows in the table's box, its blocks as boxes inside it) are no page.
  if (!pieces.some((piece) => SENTENCE.test(piece.text) && beside(piece))) return undefined;
  // What the tables hold stays with them (a box drawn in a cell); the frame, its other cells and its sides go.
  return boxes.filter((box) => tables.some((table) => box === table || within(box, table))).map((box) => (tables.includes(box) ? withSides(box) : box));
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
