// Tables from the rules a page draws. Rules that touch make one table; the
// distinct x of its vertical rules and y of its horizontal rules cut it into
// an elementary grid; two neighbouring grid cells with no rule between them
// are one merged cell (a Word gridSpan/vMerge, an HTML colspan/rowspan). Text
// goes to the cell that holds it; a merged cell's text to its top-left
// position, the others stay empty (continuation cells).

import { toLines } from './lines';
import { TABLE3_GROUPS } from '../../template';
import type { Rule, TextPiece } from './types';

/** Rules this close (PDF units) are the same line: a doubled HTML border, a border drawn twice. */
const SNAP = 3;
/** A run that is one figure as a table cell holds it: 0, 12, 1,234, 5.5. */
export const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;

export interface RuledTable {
  /** Top to bottom boundaries (descending y) and left to right boundaries. */
  readonly ys: readonly number[];
  readonly xs: readonly number[];
  /** Per grid position: the id of the merged cell it belongs to. */
  readonly owner: readonly (readonly number[])[];
  /** Per merged cell id: its text (lines joined with \n), its top-left grid position and the pieces its text is made of. */
  readonly cells: ReadonlyMap<number, RuledCell>;
  /**
   * Per row boundary (ys[k], top to bottom) and column: no rule there. At the table's top edge, the cell above
   * is on the page before; under a row, the cell goes on (past the page's end, on the next page).
   */
  readonly openEdges: readonly (readonly boolean[])[];
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface RuledCell {
  readonly text: string;
  readonly row: number;
  readonly column: number;
  readonly pieces: readonly TextPiece[];
}

/** The tables of a page and the pieces outside them. */
export function ruledTables(pieces: readonly TextPiece[], horizontal: readonly Rule[], vertical: readonly Rule[]): { tables: RuledTable[]; rest: TextPiece[] } {
  const tables = components(horizontal, vertical)
    .map(({ h, v }) => gridOf(h, v))
    .filter((g): g is Grid => g !== undefined);
  const inside = new Map<Grid, TextPiece[]>();
  const rest: TextPiece[] = [];
  for (const piece of splitAtColumns(pieces, tables)) {
    const cx = piece.x + piece.width / 2;
    const cy = piece.y + piece.size * 0.3;
    const table = tables.find((t) => cx > t.left && cx < t.right && cy < t.top && cy > t.bottom);
    if (table) inside.set(table, [...(inside.get(table) ?? []), piece]);
    else rest.push(piece);
  }
  return { tables: tables.map((t) => fill(t, inside.get(t) ?? [])).sort((a, b) => b.top - a.top), rest };
}

interface Grid {
  xs: number[];
  ys: number[];
  h: Rule[];
  v: Rule[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Groups of rules that touch one another (union-find over crossings and overlaps), within `reach` (PDF units):
 * SNAP by default, as HTML's doubled borders leave the cells' boxes a hair apart.
 */
export function components(horizontal: readonly Rule[], vertical: readonly Rule[], reach = SNAP): { h: Rule[]; v: Rule[] }[] {
  const rules = [...horizontal.map((r) => ({ r, horizontal: true })), ...vertical.map((r) => ({ r, horizontal: false }))];
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touch = (a: Rule, b: Rule) => a.x1 - reach <= b.x2 && b.x1 - reach <= a.x2 && a.y1 - reach <= b.y2 && b.y1 - reach <= a.y2;
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (touch(rules[i]!.r, rules[j]!.r)) parent[find(i)] = find(j);
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  rules.forEach(({ r, horizontal: isH }, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (isH ? g.h : g.v).push(r);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

/** Whether the rules cut out a grid of two rows and two columns at least (a box or a lone row is no table of its own). */
export function cutsCells(h: readonly Rule[], v: readonly Rule[]): boolean {
  const grid = gridOf([...h], [...v]);
  return grid !== undefined && grid.xs.length >= 3 && grid.ys.length >= 3;
}

function gridOf(h: Rule[], v: Rule[]): Grid | undefined {
  const xs = snap(v.map((r) => r.x1));
  // A row cut by a page break has no rule on its open edge: its vertical rules still show how far it reaches.
  const reach = v.length ? [Math.min(...v.map((r) => r.y1)), Math.max(...v.map((r) => r.y2))] : [];
  const ys = snap([...h.map((r) => r.y1), ...reach]).reverse();
  // A table has at least two rows' edges and two columns' edges (an underline or a box is not one).
  if (xs.length < 2 || ys.length < 2 || xs.length * ys.length < 6) return undefined;
  return { xs, ys, h, v, top: ys[0]!, bottom: ys[ys.length - 1]!, left: xs[0]!, right: xs[xs.length - 1]! };
}

/** Distinct values, ascending, values within SNAP of the previous one merged into their mean. */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const value of sorted) {
    const last = out[out.length - 1];
    if (last && value - last[last.length - 1]! <= SNAP) last.push(value);
    else out.push([value]);
  }
  return out.map((group) => group.reduce((s, x) => s + x, 0) / group.length);
}

/** A piece that runs over a column boundary of a table (two cells' text in one run) cut there, by character. */
function splitAtColumns(pieces: readonly TextPiece[], tables: readonly Grid[]): TextPiece[] {
  return pieces.flatMap((piece) => {
    const table = tables.find((t) => piece.y < t.top && piece.y > t.bottom && piece.x < t.right && piece.x + piece.width > t.left);
    const chars = [...piece.text];
    if (!table || chars.length < 2) return [piece];
    const cuts = table.xs.filter((x) => x > piece.x + SNAP && x < piece.x + piece.width - SNAP);
    if (!cuts.length) return [piece];
    const perChar = piece.width / chars.length;
    const out: TextPiece[] = [];
    let from = 0;
    for (const x of [...cuts, piece.x + piece.width]) {
      const to = Math.min(chars.length, Math.max(from, Math.round((x - piece.x) / perChar)));
      const text = chars.slice(from, to).join('');
      if (text.trim()) out.push({ ...piece, text, x: piece.x + from * perChar, width: (to - from) * perChar, ...(from > 0 ? { continues: true } : {}) });
      from = to;
    }
    return out;
  });
}

function fill(grid: Grid, pieces: readonly TextPiece[]): RuledTable {
  const { xs, ys } = grid;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  // Where a rule parts two neighbouring positions: ruledRight[p] between p and p + 1, ruledBelow[p] between p and p + columns.
  const ruledRight: boolean[] = [];
  const ruledBelow: boolean[] = [];
  for (let r = 0; r < rows; r++) {
    const ymid = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < columns; c++) {
      const xmid = (xs[c]! + xs[c + 1]!) / 2;
      ruledRight.push(c + 1 < columns && covered(grid.v, 'vertical', xs[c + 1]!, ymid));
      ruledBelow.push(r + 1 < rows && covered(grid.h, 'horizontal', ys[r + 1]!, xmid));
    }
  }
  const placed = pieces.flatMap((piece) => {
    const c = indexIn(xs, piece.x + piece.width / 2, 1);
    const r = indexIn(ys, piece.y + piece.size * 0.3, -1);
    return r === undefined || c === undefined ? [] : [{ piece, p: r * columns + c }];
  });
  const debris = debrisRows(grid, placed.filter(({ piece }) => PLAIN_NUMBER.test(piece.text.trim())).map(({ p }) => Math.floor(p / columns)));
  for (let c = 0; debris > 0 && c < columns; c++) ruledBelow[(debris - 1) * columns + c] = true;
  // A run cut at a column boundary crossed it: the two positions are one cell, whatever else the rules say.
  const crossed = placed.flatMap(({ piece, p }): [number, number][] => (piece.continues && p % columns > 0 ? [[p - 1, p]] : []));
  // A number beside other text with no run across is two cells, drawn rule or not: Chromium leaves out some
  // vertical borders of LibreOffice's table cells (表三 "5.要求行政机关确认…" and its first four figures), and
  // a figure joined to its label, or to the next figure, would be read as neither.
  const crossedRight = new Set(crossed.map(([a]) => a));
  const held = new Map<number, 'number' | 'text'>();
  for (const { piece, p } of placed) if (held.get(p) !== 'number') held.set(p, PLAIN_NUMBER.test(piece.text.trim()) ? 'number' : 'text');
  for (let p = 0; p + 1 < rows * columns; p++) {
    if (p % columns + 1 === columns || ruledRight[p] || crossedRight.has(p)) continue;
    const [left, right] = [held.get(p), held.get(p + 1)];
    if (left && right && (left === 'number' || right === 'number')) ruledRight[p] = true;
  }
  let merged = mergedCells(rows, columns, ruledRight, ruledBelow, crossed);
  if (partClearBoundaries(columns, placed, merged, ruledRight)) merged = mergedCells(rows, columns, ruledRight, ruledBelow, crossed);
  const ownerOf = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => merged(r * columns + c)));
  const texts = new Map<number, TextPiece[]>();
  for (const { piece, p } of placed) {
    const id = merged(p);
    texts.set(id, [...(texts.get(id) ?? []), piece]);
  }
  const cells = new Map<number, RuledCell>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const id = ownerOf[r]![c]!;
      if (!cells.has(id)) cells.set(id, { text: cellLines(texts.get(id) ?? []), row: r, column: c, pieces: texts.get(id) ?? [] });
    }
  const openEdges = ys.map((y) => Array.from({ length: columns }, (_, c) => !covered(grid.h, 'horizontal', y, (xs[c]! + xs[c + 1]!) / 2)));
  return { ys, xs, owner: ownerOf, cells, openEdges, top: grid.top, bottom: grid.bottom, left: grid.left, right: grid.right };
}

/**
 * Rules where a merged cell's text parts at a column boundary of the table: text on both sides of it and no run across
 * it (a run crossing a boundary is cut there, its right part marked `continues`), in a cell that is no rectangle: a
 * merged cell is one, so such a cell was joined through borders the page did not draw (text beside text in a rectangle,
 * a header's `申请人` `情况` run apart, is one cell's). Chromium draws no border between a
 * 表三 group's rowspan label and its items' labels on some pages: the group's cell joined every other item's label
 * (`1.属于国家秘密 3.危及“三安全一稳定” （三）不予公开 5.… 7.…`). True when a rule was added.
 */
function partClearBoundaries(columns: number, placed: readonly { piece: TextPiece; p: number }[], merged: (p: number) => number, ruledRight: boolean[]): boolean {
  const byCell = new Map<number, { piece: TextPiece; p: number }[]>();
  for (const item of placed) {
    const id = merged(item.p);
    const list = byCell.get(id);
    if (list) list.push(item);
    else byCell.set(id, [item]);
  }
  const column = (q: number) => q % columns;
  const shaped = shapesOf(ruledRight.length, columns, merged);
  // Per cell, the boundaries (after column c) its text parts at.
  const parting = new Map<number, Set<number>>();
  for (let p = 0; p < ruledRight.length; p++) {
    const c = column(p);
    if (c + 1 === columns || ruledRight[p] || merged(p) !== merged(p + 1) || shaped.get(merged(p)) || parting.get(merged(p))?.has(c)) continue;
    const items = byCell.get(merged(p)) ?? [];
    const crossed = items.some(({ piece, p: q }) => piece.continues && column(q) === c + 1);
    if (crossed || !items.some(({ p: q }) => column(q) <= c) || !items.some(({ p: q }) => column(q) > c)) continue;
    parting.set(merged(p), (parting.get(merged(p)) ?? new Set()).add(c));
  }
  // The rule goes down the cell's whole side at that boundary: a row of it that did not join across joins no more.
  for (let p = 0; p < ruledRight.length; p++) if (parting.get(merged(p))?.has(column(p))) ruledRight[p] = true;
  return parting.size > 0;
}

/** Per merged cell, whether it is a rectangle (every position of its bounding box its own). */
function shapesOf(count: number, columns: number, merged: (p: number) => number): Map<number, boolean> {
  const boxes = new Map<number, { top: number; bottom: number; left: number; right: number; size: number }>();
  for (let p = 0; p < count; p++) {
    const [r, c] = [Math.floor(p / columns), p % columns];
    const box = boxes.get(merged(p));
    if (!box) boxes.set(merged(p), { top: r, bottom: r, left: c, right: c, size: 1 });
    else Object.assign(box, { bottom: Math.max(box.bottom, r), left: Math.min(box.left, c), right: Math.max(box.right, c), size: box.size + 1 });
  }
  return new Map([...boxes].map(([id, b]) => [id, b.size === (b.bottom - b.top + 1) * (b.right - b.left + 1)]));
}

/**
 * How many rows at the table's top lie outside its drawn edges: the rest of a header row a page break cut in
 * Chromium's print (`企业 机构 组织 机构` at the next page's top, over the first row of figures). Its cells draw
 * the bottom borders of some columns only, and the row under it has no rule on its top, so the first row's label
 * was taken into the cell above. The table's left or right edge is not drawn beside these rows and is beside the
 * next one; none of them holds a figure. They end at the next row's top, whatever rules are missing there.
 */
function debrisRows(grid: Grid, figureRows: readonly number[]): number {
  const { xs, ys, v } = grid;
  const edged = (r: number) => {
    const ymid = (ys[r]! + ys[r + 1]!) / 2;
    return covered(v, 'vertical', xs[0]!, ymid) && covered(v, 'vertical', xs[xs.length - 1]!, ymid);
  };
  let k = 0;
  while (k + 1 < ys.length && !edged(k)) k++;
  return k + 1 < ys.length && !figureRows.some((r) => r < k) ? k : 0;
}

/**
 * The merged cells: neighbouring positions with no rule between them are one cell. Two groups are never
 * joined where a rule parts two of their positions: a merged cell has no rule inside it, so such a join
 * is a detour through a border the page failed to draw (Chromium leaves out the left border of
 * LibreOffice's 表三 "（七）总计" cell, which joined it, through the empty corner beside it, to the row
 * below). The positions a run of text crosses are joined first (`crossed`: no border can be between
 * them), so an empty position beside them goes with whichever cell it can still join. Each join looks at
 * the smaller group's positions only. Returns each position's cell id.
 */
function mergedCells(rows: number, columns: number, ruledRight: readonly boolean[], ruledBelow: readonly boolean[], crossed: readonly (readonly [number, number])[]): (p: number) => number {
  const count = rows * columns;
  const parent = Array.from({ length: count }, (_, i) => i);
  // Per group (by its root): its positions (made at its first join; a lone position has none) and its first one.
  const members: (number[] | undefined)[] = new Array(count);
  const first = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const positions = (root: number): number[] => members[root] ?? [root];
  const partedFrom = (p: number, other: number): boolean => {
    const c = p % columns;
    return (
      (c + 1 < columns && ruledRight[p]! && find(p + 1) === other) ||
      (c > 0 && ruledRight[p - 1]! && find(p - 1) === other) ||
      (p + columns < count && ruledBelow[p]! && find(p + columns) === other) ||
      (p >= columns && ruledBelow[p - columns]! && find(p - columns) === other)
    );
  };
  const join = (a: number, b: number) => {
    let [small, large] = [find(a), find(b)];
    if (small === large) return;
    if (positions(small).length > positions(large).length) [small, large] = [large, small];
    if (positions(small).some((p) => partedFrom(p, large))) return;
    parent[small] = large;
    const list = (members[large] ??= [large]);
    for (const p of positions(small)) list.push(p);
    members[small] = undefined;
    first[large] = Math.min(first[large]!, first[small]!);
  };
  for (const [a, b] of crossed) join(a, b);
  for (let p = 0; p < count; p++) {
    if (p % columns + 1 < columns && !ruledRight[p]) join(p, p + 1);
    if (p + columns < count && !ruledBelow[p]) join(p, p + columns);
  }
  // A cell's id is its first position in reading order.
  return (p) => first[find(p)]!;
}

/** A rule at `at` (within SNAP) that runs past `along` (the middle of a cell's edge). */
function covered(rules: readonly Rule[], direction: 'vertical' | 'horizontal', at: number, along: number): boolean {
  return rules.some((r) =>
    direction === 'vertical' ? Math.abs(r.x1 - at) <= SNAP && r.y1 - SNAP <= along && along <= r.y2 + SNAP : Math.abs(r.y1 - at) <= SNAP && r.x1 - SNAP <= along && along <= r.x2 + SNAP,
  );
}

/** The interval of sorted boundaries (ascending when order is 1, descending when -1) that holds value. */
function indexIn(bounds: readonly number[], value: number, order: 1 | -1): number | undefined {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = order === 1 ? [bounds[i]!, bounds[i + 1]!] : [bounds[i + 1]!, bounds[i]!];
    if (value >= a && value <= b) return i;
  }
  return undefined;
}

/**
 * A cell's text, its lines parted by line breaks; a figure wrapped in its narrow cell (the template's 总计 cell: `1020`
 * over `0`) is one figure, as the page shows it. Read with a break, the cell held two numbers and its row a figure short.
 */
export function cellLines(pieces: readonly TextPiece[]): string {
  const beside = groupBesideItem(pieces);
  if (beside) return `${cellLines(beside[0])}\n${cellLines(beside[1])}`;
  const lines = toLines(pieces).map((l) => l.text);
  return lines.length > 1 && lines.every((l) => DIGITS_ONLY.test(l)) ? lines.join('') : lines.join('\n');
}

/**
 * A 表三 group label set beside an item's label in one box, their lines side by side (`（六）其` `2.申请人逾期未按…缴纳` /
 * `他处理` `费用、…`): the two, each whole. Chromium draws no border beside a group's rowspan cell on some pages, so the
 * group's label and the item in its middle row are one cell there, and read line by line they interleave. Only where
 * the left text is a group's label whole and the right one starts with an item's number.
 */
function groupBesideItem(pieces: readonly TextPiece[]): [TextPiece[], TextPiece[]] | undefined {
  if (pieces.length < 3) return undefined;
  const byX = [...pieces].sort((a, b) => a.x - b.x);
  let right = Number.NEGATIVE_INFINITY;
  for (let k = 0; k + 1 < byX.length; k++) {
    right = Math.max(right, byX[k]!.x + byX[k]!.width);
    if (right >= byX[k + 1]!.x) continue;
    const [left, rest] = [byX.slice(0, k + 1), byX.slice(k + 1)];
    const leftText = toLines(left).map((l) => l.text).join('').replace(/\s+/g, '');
    if (!GROUP_LABELS.has(leftText) || !ITEM_START.test(toLines(rest)[0]!.text)) continue;
    // Interleaved: a line holds words of both (else the lines, top to bottom, already keep each whole).
    return toLines(pieces).some((l) => l.pieces.some((p) => left.includes(p)) && l.pieces.some((p) => rest.includes(p))) ? [left, rest] : undefined;
  }
  return undefined;
}

const GROUP_LABELS: ReadonlySet<string> = new Set(TABLE3_GROUPS.filter((g) => g.parent).map((g) => g.label));
const ITEM_START = /^\d+[.．、]/;

const DIGITS_ONLY = /^[0-9]+$/;
