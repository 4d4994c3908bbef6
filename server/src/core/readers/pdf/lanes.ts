// The cells of a page's layout frame (pdf/frames.ts) read apart: the navigation's, the article's and the sidebar's
// words stand on the same baselines, and a line joined across the frame's sides ran a sidebar item into a heading
// (`一、总体情况禁放区域公告 2184`: no heading, part 一 "missing"). A frame's side with text on both of its sides parts
// the page into lanes, read one after the other: what stands above the sides first (the banner), then the side
// cells left to right, then the article (the lane with the most text, which goes on on the next page), what stands
// below the sides last (the footer).

import type { Rule, TextPiece } from './types';

/** Sides this close (PDF units) are one (a cell's border beside its neighbour's, a table's inside the cell). */
const SAME_SIDE = 3;

/** A piece's or a line's reading lane on its page: lower lanes are read first. */
export type LaneOf = (x: number, y: number) => number;

/** The lanes the frame's sides make of the page, or undefined where none of them parts text from text. */
export function lanesOf(pieces: readonly TextPiece[], sides: readonly Rule[]): LaneOf | undefined {
  const parting = sides.filter((side) => textOn(pieces, side, -1) && textOn(pieces, side, 1));
  if (!parting.length) return undefined;
  const top = Math.max(...parting.map((r) => r.y2));
  const bottom = Math.min(...parting.map((r) => r.y1));
  const groups = sideGroups(parting.map((r) => r.x1));
  const last = groups.length + 3;
  const lane = (x: number, y: number) => {
    if (y > top + SAME_SIDE) return 0;
    if (y < bottom - SAME_SIDE) return last;
    const left = new Set(parting.filter((r) => r.x1 < x && r.y1 - SAME_SIDE <= y && y <= r.y2 + SAME_SIDE).map((r) => groups.filter((g) => g <= r.x1).length));
    return 1 + left.size;
  };
  // The article's lane (the most text) is read after the side cells', just before the footer: it goes on on the
  // next page, and a table it ends the page with goes on there too.
  const chars = new Map<number, number>();
  for (const p of pieces) {
    const l = lane(p.x + p.width / 2, p.y + p.size * 0.3);
    if (l > 0 && l < last) chars.set(l, (chars.get(l) ?? 0) + p.text.length);
  }
  const article = [...chars].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return (x, y) => {
    const l = lane(x, y);
    return l === article ? last - 1 : l;
  };
}

/** The pieces, each lane's apart, lanes in reading order. */
export function piecesByLane(pieces: readonly TextPiece[], laneOf: LaneOf): TextPiece[][] {
  const lanes = new Map<number, TextPiece[]>();
  for (const piece of pieces) {
    const lane = laneOf(piece.x + piece.width / 2, piece.y + piece.size * 0.3);
    lanes.set(lane, [...(lanes.get(lane) ?? []), piece]);
  }
  return [...lanes].sort((a, b) => a[0] - b[0]).map(([, lane]) => lane);
}

/** Text beside the side, within its height: on its left (-1) or its right (1). */
function textOn(pieces: readonly TextPiece[], side: Rule, direction: -1 | 1): boolean {
  return pieces.some((p) => {
    const cx = p.x + p.width / 2;
    const cy = p.y + p.size * 0.3;
    return cy >= side.y1 && cy <= side.y2 && (direction < 0 ? cx < side.x1 - SAME_SIDE : cx > side.x1 + SAME_SIDE);
  });
}

/** Where each group of sides starts: a side within SAME_SIDE of the one before is of its group. */
function sideGroups(xs: readonly number[]): number[] {
  const groups: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const x of [...xs].sort((a, b) => a - b)) {
    if (x - previous > SAME_SIDE) groups.push(x);
    previous = x;
  }
  return groups;
}
