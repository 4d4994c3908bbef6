// A page laid out in a ruled table: a portal's style rules every cell of the table that lays out its page
// (`td{border:1px solid}`: navigation, article and sidebar cells), and a browser prints it so. The report's own
// tables sit inside the article cell, a cell's padding off its border: closer than the reach that makes rules
// one table (grid.ts), so the frame and the tables in it were one "table" and the article (its headings, its
// paragraphs, 表二/表三/表四) the text of its cells: parts "missing", 表三's figures apart from its rows.
//
// The frame is told by what it holds, not by where it stands: a box of rules that meet (a cell's border; a
// layout drawn with collapsed borders is one box) holding a grid of its own (a table inside the cell) and
// text beside that grid (the article's headings and paragraphs). A table's cell holds text, not another
// table with text around it. Such a group of rules keeps only the boxes inside its frames (the report's
// tables, read as tables); the frames and the layout's other cells (navigation, sidebar, banner) go, and
// their text is read as the page's lines. A page without such a frame keeps its rules as they are.

import { components, cutsCells } from './grid';
import type { Rule, TextPiece } from './types';

/**
 * Rules this close (PDF units) meet: a box's sides at its corners, the rules of a table drawn with collapsed
 * borders. A table inside a cell stands off the cell's border by the padding and the two borders' halves (about
 * 1 unit when printed at full size, 0.6 at 60 %): two boxes.
 */
const MEET = 0.3;
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
 * is a frame's cell (or the layout table's box). The group is a frame when text stands beside its tables: inside
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
  if (!pieces.some(beside)) return undefined;
  // What the tables hold stays with them (a box drawn in a cell); the frame, its other cells and its sides go.
  return boxes.filter((box) => tables.some((table) => box === table || within(box, table)));
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
