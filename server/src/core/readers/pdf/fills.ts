// Rules from a table drawn as filled boxes. Old CMS pages draw their tables as
// `<table cellspacing="1" bgcolor="#ccc">` with white cells (`<td bgcolor="#fff">`):
// no borders at all, the lines a reader sees are the table's background showing
// in the 1px gaps between the cells' boxes. A print (Chromium's "Save as PDF")
// draws no rule then, only a filled box for the table and one per cell over it.
// Such cells tile their backdrop, each one's edges a gap of a hair from a
// neighbour's or the backdrop's; their edges are the table's rules. A banner, a
// shaded paragraph or a chart's bars over a panel do not tile what they sit on.

import type { Box, Rule } from './types';

/** A filled axis-aligned rectangle (PDF units, y upwards), in paint order. */
export type FilledBox = Box;

/**
 * The widest gap between two cells' boxes that is still a drawn line: cellspacing 1–3 px (0.75–2.25 units).
 * Within grid.ts's SNAP, so the two edges beside a gap are one rule there.
 */
const MAX_GAP = 2.5;
/**
 * Fewer cells than this is a box on a box (a framed note, a button), not a table. Two: a table's last row
 * a page break moved to the next page is a table's part of its own there (表二's 第二十条第（八）项 block).
 */
const MIN_CELLS = 2;
/** …and they cover at least this share of their outline (a table's background shows only in the gaps). */
const MIN_COVER = 0.8;
/** Boxes looked at per page: beyond this the page is a drawing, and finding backdrops (quadratic) is not tried. */
const MAX_BOXES = 600;

/** The edges of every set of cell boxes that tiles a backdrop box painted under them, as rules. */
export function rulesFromCellFills(boxes: readonly FilledBox[]): { horizontal: Rule[]; vertical: Rule[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  if (boxes.length > MAX_BOXES) return { horizontal, vertical };
  for (let i = 0; i < boxes.length; i++) {
    const backdrop = boxes[i]!;
    const cells = tilingCells(boxes.slice(i + 1).filter((b) => within(b, backdrop) && area(b) < 0.9 * area(backdrop)));
    if (cells.length < MIN_CELLS || !sideBySide(cells) || overlapping(cells)) continue;
    const outline = outlineOf(cells);
    if (!spansBackdrop(outline, backdrop) || coveredArea(cells) < MIN_COVER * area(outline)) continue;
    for (const box of cells) addEdges(box, horizontal, vertical);
  }
  return { horizontal, vertical };
}

/**
 * The boxes that face another one across a gap of at most MAX_GAP (a neighbour in the row or the column).
 * Not all four edges: a cell cut by a page break, or a rowspan cell Chromium paints only as tall as its text,
 * leaves the backdrop showing under part of an edge.
 */
function tilingCells(inside: readonly FilledBox[]): FilledBox[] {
  return inside.filter((c) => inside.some((d) => d !== c && faces(c, d)));
}

/** `d` is beside `c` in its row or its column, a gap away. */
function faces(c: FilledBox, d: FilledBox): boolean {
  const besideRows = d.bottom < c.top && c.bottom < d.top;
  const besideColumns = d.left < c.right && c.left < d.right;
  return (besideRows && (near(c.left, d.right) || near(d.left, c.right))) || (besideColumns && (near(c.bottom, d.top) || near(d.bottom, c.top)));
}

/** At least two cells in one row, a gap apart: boxes stacked in one column are shaded paragraphs or a list. */
function sideBySide(cells: readonly FilledBox[]): boolean {
  return cells.some((c) => cells.some((d) => d !== c && d.bottom < c.top && c.bottom < d.top && near(d.left, c.right)));
}

/** Cells of a table never overlap; boxes that do are a drawing's parts (and their areas would not add up). */
function overlapping(cells: readonly FilledBox[]): boolean {
  const over = (a: FilledBox, b: FilledBox) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom) > 0.5;
  return cells.some((c, i) => cells.some((d, j) => j > i && over(c, d)));
}

/** `a` lies a gap of at most MAX_GAP after `b` (a hair of overlap allowed: rounding). */
function near(a: number, b: number): boolean {
  return a - b >= -0.5 && a - b <= MAX_GAP;
}

/** The cells reach the backdrop's left and right edges and its top or bottom one (a table's part on a page runs to one of them). */
function spansBackdrop(outline: FilledBox, backdrop: FilledBox): boolean {
  const sides = near(outline.left, backdrop.left) && near(backdrop.right, outline.right);
  return sides && (near(backdrop.top, outline.top) || near(outline.bottom, backdrop.bottom));
}

function outlineOf(cells: readonly FilledBox[]): FilledBox {
  return {
    left: Math.min(...cells.map((c) => c.left)),
    right: Math.max(...cells.map((c) => c.right)),
    bottom: Math.min(...cells.map((c) => c.bottom)),
    top: Math.max(...cells.map((c) => c.top)),
  };
}

function within(b: FilledBox, outer: FilledBox): boolean {
  return b.left >= outer.left - 0.5 && b.right <= outer.right + 0.5 && b.bottom >= outer.bottom - 0.5 && b.top <= outer.top + 0.5;
}

function area(b: FilledBox): number {
  return (b.right - b.left) * (b.top - b.bottom);
}

/** The cells do not overlap (`overlapping`), so their areas add up. */
function coveredArea(cells: readonly FilledBox[]): number {
  return cells.reduce((sum, c) => sum + area(c), 0);
}

function addEdges(b: FilledBox, horizontal: Rule[], vertical: Rule[]): void {
  horizontal.push({ x1: b.left, y1: b.top, x2: b.right, y2: b.top }, { x1: b.left, y1: b.bottom, x2: b.right, y2: b.bottom });
  vertical.push({ x1: b.left, y1: b.bottom, x2: b.left, y2: b.top }, { x1: b.right, y1: b.bottom, x2: b.right, y2: b.top });
}
