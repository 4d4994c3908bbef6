// Rules from a table drawn as filled boxes. Old CMS pages draw their tables as
// `<table cellspacing="1" bgcolor="#ccc">` with white cells (`<td bgcolor="#fff">`):
// no borders at all, the lines a reader sees are the table's background showing
// in the 1px gaps between the cells' boxes. A print (Chromium's "Save as PDF")
// draws no rule then, only a filled box for the table and one per cell over it.
// Such cells tile their backdrop, each one's edges a gap of a hair from a
// neighbour's or the backdrop's; their edges are the table's rules. A banner, a
// shaded paragraph or a chart's bars over a panel do not tile what they sit on.

import type { Rule } from './types';

/** A filled axis-aligned rectangle (PDF units, y upwards), in paint order. */
export interface FilledBox {
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
}

/**
 * The widest gap between two cells' boxes that is still a drawn line: cellspacing 1–3 px (0.75–2.25 units).
 * Within grid.ts's SNAP, so the two edges beside a gap are one rule there.
 */
const MAX_GAP = 2.5;
/** Fewer cells than this is a box on a box (a framed note, a button), not a table. */
const MIN_CELLS = 6;
/** …and they cover at least this share of their outline (a table's background shows only in the gaps). */
const MIN_COVER = 0.8;
/** Boxes looked at per page: beyond this the page is a drawing, and finding backdrops (quadratic) is not tried. */
const MAX_BOXES = 2000;

/** The edges of every set of cell boxes that tiles a backdrop box painted under them, as rules. */
export function rulesFromCellFills(boxes: readonly FilledBox[]): { horizontal: Rule[]; vertical: Rule[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  if (boxes.length > MAX_BOXES) return { horizontal, vertical };
  for (let i = 0; i < boxes.length; i++) {
    const backdrop = boxes[i]!;
    const cells = tilingCells(boxes.slice(i + 1).filter((b) => within(b, backdrop) && area(b) < 0.9 * area(backdrop)));
    if (cells.length < MIN_CELLS) continue;
    const outline = outlineOf(cells);
    if (!spansBackdrop(outline, backdrop) || coveredArea(cells) < MIN_COVER * area(outline)) continue;
    for (const box of cells) addEdges(box, horizontal, vertical);
  }
  return { horizontal, vertical };
}

/**
 * The boxes whose four edges each face, a gap of at most MAX_GAP away, another such box or the outline of them
 * all. The outline, not the backdrop's edge: where a page break moved a table's next row to the next page,
 * the backdrop runs on under the empty rest of the page.
 */
function tilingCells(inside: readonly FilledBox[]): FilledBox[] {
  let cells = [...inside];
  // Dropping a box can leave a neighbour facing nothing: repeat until no box is dropped.
  for (;;) {
    if (cells.length < MIN_CELLS) return [];
    const outline = outlineOf(cells);
    const kept = cells.filter((c) => edgesFaced(c, outline, cells));
    if (kept.length === cells.length) return kept;
    cells = kept;
  }
}

function edgesFaced(c: FilledBox, outline: FilledBox, cells: readonly FilledBox[]): boolean {
  const besideRows = (d: FilledBox) => d.bottom < c.top && c.bottom < d.top;
  const besideColumns = (d: FilledBox) => d.left < c.right && c.left < d.right;
  const left = near(c.left, outline.left) || cells.some((d) => d !== c && besideRows(d) && near(c.left, d.right));
  const right = near(outline.right, c.right) || cells.some((d) => d !== c && besideRows(d) && near(d.left, c.right));
  const bottom = near(c.bottom, outline.bottom) || cells.some((d) => d !== c && besideColumns(d) && near(c.bottom, d.top));
  const top = near(outline.top, c.top) || cells.some((d) => d !== c && besideColumns(d) && near(d.bottom, c.top));
  return left && right && bottom && top;
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

/** Tiling cells do not overlap (each faces its neighbours across a gap), so their areas add up. */
function coveredArea(cells: readonly FilledBox[]): number {
  return cells.reduce((sum, c) => sum + area(c), 0);
}

function addEdges(b: FilledBox, horizontal: Rule[], vertical: Rule[]): void {
  horizontal.push({ x1: b.left, y1: b.top, x2: b.right, y2: b.top }, { x1: b.left, y1: b.bottom, x2: b.right, y2: b.bottom });
  vertical.push({ x1: b.left, y1: b.bottom, x2: b.left, y2: b.top }, { x1: b.right, y1: b.bottom, x2: b.right, y2: b.top });
}
