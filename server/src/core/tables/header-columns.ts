// A table laid out in columns of spaces (a text browser's dump of a web page:
// w3m, elinks, links; pdftotext -layout) leaves no mark for an empty cell, so a
// row whose 0s were left blank has fewer figures than columns. Its header still
// names the columns where they stand: each name, written over one line or
// wrapped over several (自然 / 人), spans a range of display columns, and a
// figure belongs to the column its own extent falls in. Where the header names
// the template's columns once each, in order, and every row of figures on one
// line falls clearly into them, a row's figures are placed by those columns and
// the columns with no figure are blanks, not cells lost in export.

import { displayColumn, type StreamCell } from './cells';
import type { CandidateRow } from './rows';

/** How a text laid out in columns counts a character: CJK as two columns (a text browser), or one (pdftotext -layout). */
export type ColumnMetric = 'x' | 'at';

/** A column of the header: from its first display column to one past its last. */
export interface ColumnSpan {
  readonly from: number;
  readonly to: number;
}

/** The template's columns as the header places them, in the metric they were found in. */
export interface HeaderColumns {
  readonly spans: readonly ColumnSpan[];
  readonly metric: ColumnMetric;
}

// How far (in columns) a figure may stand from its header cell and still be its: a figure right of a short name, or a
// wide character counted one column off.
const TOLERANCE = 2;

interface Piece extends ColumnSpan {
  readonly text: string;
  /** Where its line starts in the text: pieces of one line share it, later lines have larger ones. */
  readonly line: number;
}

/**
 * The columns the header cells `header` name, where each of `names` (the template's columns in order: 表三's 自然人 …
 * 总计) is found once at its place, left to right, no two overlapping, and every row of `rows` whose
 * figures stand on one line places them (placeByColumns): first counting a CJK character as two columns, else as one.
 * Else undefined: the table is read by its figures' order, as before.
 */
export function headerColumns(header: readonly StreamCell[], rows: readonly CandidateRow[], names: readonly string[]): HeaderColumns | undefined {
  for (const metric of ['x', 'at'] as const) {
    const spans = namedSpans(header, names, metric);
    if (!spans) continue;
    const columns = { spans, metric };
    const lines = rows.filter((r) => r.values.length > 0 && oneLine(r.values));
    if (lines.length > 0 && lines.every((r) => placeByColumns(r.values, columns) !== undefined)) return columns;
  }
  return undefined;
}

/**
 * Whether the header names each of `groups` (表四's 行政复议 / 未经复议直接起诉 / 复议后起诉) once, left to right, each over
 * its own run of `perGroup` columns of `columns` (its span overlapping theirs and no other group's): a header whose
 * groups stand in another order is not read by its leaf names alone.
 */
export function groupsOverColumns(header: readonly StreamCell[], columns: HeaderColumns, groups: readonly string[], perGroup: number): boolean {
  const spans = namedSpans(header, groups, columns.metric);
  if (!spans || columns.spans.length !== groups.length * perGroup) return false;
  return spans.every((g, k) => {
    const own = columns.spans.slice(k * perGroup, (k + 1) * perGroup);
    const others = columns.spans.filter((_, j) => Math.floor(j / perGroup) !== k);
    const overlaps = (s: ColumnSpan) => s.from < g.to && g.from < s.to;
    return own.some(overlaps) && !others.some(overlaps);
  });
}

/** The spans of `names` in the header, in the order of `names`; undefined unless each is found once in that order. */
function namedSpans(header: readonly StreamCell[], names: readonly string[], metric: ColumnMetric): ColumnSpan[] | undefined {
  const pieces = piecesOf(header, metric);
  const found: { name: string; span: ColumnSpan }[] = [];
  const used = new Set<Piece>();
  for (const p of pieces) {
    if (used.has(p)) continue;
    const chain = nameFrom(p, pieces, used, names);
    if (!chain) continue;
    for (const q of chain.pieces) used.add(q);
    found.push({ name: chain.name, span: chain.span });
  }
  found.sort((a, b) => a.span.from - b.span.from);
  if (found.length !== names.length || found.some((f, k) => f.name !== names[k])) return undefined;
  for (let k = 1; k < found.length; k++) if (found[k]!.span.from < found[k - 1]!.span.to) return undefined;
  return found.map((f) => f.span);
}

/**
 * The name that piece `p` starts: `p` alone, or `p` and the pieces under it, each the nearest on a later line that
 * overlaps those before (a header cell wrapped over lines: 自然 / 人, 结果维 / 持), while their words start a name.
 */
function nameFrom(p: Piece, pieces: readonly Piece[], used: ReadonlySet<Piece>, names: readonly string[]): { name: string; span: ColumnSpan; pieces: Piece[] } | undefined {
  const chain = [p];
  let text = p.text;
  let span: ColumnSpan = { from: p.from, to: p.to };
  while (names.some((n) => n.startsWith(text))) {
    if (names.includes(text)) return { name: text, span, pieces: chain };
    const line = chain[chain.length - 1]!.line;
    const below = pieces.filter((q) => q.line > line && !used.has(q) && q.from < span.to && span.from < q.to);
    if (below.length === 0) return undefined;
    const nearest = Math.min(...below.map((q) => q.line));
    const next = below.filter((q) => q.line === nearest);
    if (next.length !== 1) return undefined;
    chain.push(next[0]!);
    text += next[0]!.text;
    span = { from: Math.min(span.from, next[0]!.from), to: Math.max(span.to, next[0]!.to) };
  }
  return undefined;
}

/** The header's words with their places, in reading order (only cells whose place on their line is known). */
function piecesOf(header: readonly StreamCell[], metric: ColumnMetric): Piece[] {
  const pieces: Piece[] = [];
  for (const c of header) {
    if (c.kind !== 'text' || c.at === undefined || c[metric] === undefined) continue;
    const from = c[metric]!;
    pieces.push({ text: c.text.replace(/\s/g, ''), from, to: from + widthOf(c.text, metric), line: c.range.start - c.at });
  }
  return pieces;
}

/** Whether the cells stand on one line of the text. */
function oneLine(values: readonly StreamCell[]): boolean {
  const first = values[0]!;
  return values.every((v) => v.at !== undefined && v.range.start - v.at === first.range.start - first.at!);
}

/**
 * The column of each of a row's values, where they stand on one line and each falls clearly in one column (overlaps
 * exactly one, or else is within TOLERANCE of exactly one), left to right, none sharing a column (`overLines`: a row
 * joined from two lines, its figures in column order: rowOverTwoLines). Else undefined.
 */
export function placeByColumns(values: readonly StreamCell[], columns: HeaderColumns, overLines = false): number[] | undefined {
  if (values.length === 0 || values.length > columns.spans.length || (!overLines && !oneLine(values))) return undefined;
  const placed: number[] = [];
  for (const v of values) {
    const from = v[columns.metric];
    if (from === undefined) return undefined;
    const k = columnOf(from, from + widthOf(v.text, columns.metric), columns.spans);
    if (k === undefined || (placed.length > 0 && k <= placed[placed.length - 1]!)) return undefined;
    placed.push(k);
  }
  return placed;
}

/** The one column the extent [from, to) overlaps, else the one it is within TOLERANCE of; undefined when none or several. */
function columnOf(from: number, to: number, spans: readonly ColumnSpan[]): number | undefined {
  const overlapping = indexesWhere(spans, (s) => s.from < to && from < s.to);
  if (overlapping.length > 0) return overlapping.length === 1 ? overlapping[0] : undefined;
  const near = indexesWhere(spans, (s) => Math.max(s.from - to, from - s.to) < TOLERANCE);
  return near.length === 1 ? near[0] : undefined;
}

function indexesWhere(spans: readonly ColumnSpan[], test: (s: ColumnSpan) => boolean): number[] {
  const out: number[] = [];
  spans.forEach((s, k) => {
    if (test(s)) out.push(k);
  });
  return out;
}

/**
 * A row's values as the header's columns, each column its figure or, where it has none, an empty cell (a 0 left
 * blank) at the place of the next figure (after the last figure: at its end). Undefined where placeByColumns is.
 */
export function cellsByColumns(values: readonly StreamCell[], columns: HeaderColumns, overLines = false): StreamCell[] | undefined {
  const placed = placeByColumns(values, columns, overLines);
  if (!placed) return undefined;
  const out: StreamCell[] = [];
  let next = 0;
  for (let k = 0; k < columns.spans.length; k++) {
    if (placed[next] === k) {
      out.push(values[next++]!);
      continue;
    }
    const at = next < values.length ? values[next]!.range.start : values[values.length - 1]!.range.end;
    out.push(emptyCellAt(at));
  }
  return out;
}

/** An empty cell of no width at offset `at`, as cells.ts makes one. */
export function emptyCellAt(at: number): StreamCell {
  return { kind: 'empty', text: '', range: { start: at, end: at }, value: undefined, decimals: 0, rowStart: false };
}

/** How many columns `text` takes: a wide (CJK) character two in metric `x` (as cells.ts places it), one in `at`. */
function widthOf(text: string, metric: ColumnMetric): number {
  return metric === 'at' ? text.length : displayColumn(text, text.length);
}

/**
 * A row's label cells, where the table is laid out in columns, with each cell that stands left of a label wrapped over
 * lines, between two of its pieces, put before that label: a group's label written down its own column beside the leaf
 * labels (（六） / 其他处 / 理) comes line by line between the pieces of a leaf label, and cut it (2.申请人逾期未按收费通知要求
 * 理 缴纳费用…). A label's pieces are cells one after another that overlap on their lines; the cells moved keep their
 * order, and the last cell (the row's own label's end) never moves, nor a cell whose place is not known (alone on its
 * line at its start: cells.ts gives a place only on a line laid out). Undefined (the row as it is) where no cell moves.
 */
export function labelsByColumn(labels: readonly StreamCell[], emptiesAfter: readonly StreamCell[][], metric: ColumnMetric): { labels: StreamCell[]; emptiesAfter: StreamCell[][] } | undefined {
  if (labels.length < 3) return undefined;
  const extents = labels.map((l) => (l[metric] === undefined ? undefined : { from: l[metric]!, to: l[metric]! + widthOf(l.text, metric) }));
  const overlaps = (a: ColumnSpan | undefined, b: ColumnSpan) => !!a && a.from < b.to && b.from < a.to;
  const order: number[] = [];
  let column: ColumnSpan | undefined; // the first piece of the label being read
  let insertAt = 0; // where a cell moved goes: before that label, after the cells moved before it
  let moved = false;
  extents.forEach((e, i) => {
    const next = extents[i + 1];
    if (!e) {
      order.push(i);
    } else if (column && e.to <= column.from && overlaps(next, column)) {
      order.splice(insertAt++, 0, i);
      moved = true;
    } else if (column && overlaps(e, column)) {
      order.push(i);
    } else {
      column = e;
      insertAt = order.length;
      order.push(i);
    }
  });
  if (!moved) return undefined;
  return { labels: order.map((i) => labels[i]!), emptiesAfter: order.map((i) => emptiesAfter[i] ?? []) };
}

/**
 * Where a row's label wrapped past the line of its figures (elinks draws a tall row's figures on its first line: `1.申请
 * 人无正当理由逾期不补正、行   1   1   2` / `（六）  政机关不再处理其政府信息公开申请`), the index in `next`'s labels of the
 * label's rest: the first cell standing in the column of `prev`'s last label, every cell before it wholly left of that
 * column (a group's label written down its own column), and it not numbered (a row's own label). Else undefined.
 */
export function labelRestBelow(prev: CandidateRow, next: CandidateRow, metric: ColumnMetric): number | undefined {
  const last = prev.labels[prev.labels.length - 1];
  const from = last?.[metric];
  if (!last || from === undefined) return undefined;
  const column = { from, to: from + widthOf(last.text, metric) };
  for (let j = 0; j < next.labels.length; j++) {
    const cell = next.labels[j]!;
    const at = cell[metric];
    if (at === undefined) return undefined;
    if (at + widthOf(cell.text, metric) <= column.from) continue;
    return at < column.to && column.from < at + widthOf(cell.text, metric) && !NUMBERED_LABEL.test(cell.text) ? j : undefined;
  }
  return undefined;
}

// A row's own label starts with its numbering (1. （六） 一、): a line whose labels do not is a wrapped label's rest.
const NUMBERED_LABEL = /^\s*(?:[0-9０-９]+\s*[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/;

/**
 * One row from two candidate rows: a tall row whose figures a text browser drew on two of its lines (its total on
 * the first, its other figures on the second, as w3m and elinks align a cell of a wrapped row), the second line's
 * labels the rest of the first's label (none numbered). Only where each line's figures place by the header, in columns
 * the other line leaves empty, and the row's sum holds with its empty cells 0 (`totalColumn`): figures of two rows, each
 * short of cells, are not taken for one. Else undefined.
 */
export function rowOverTwoLines(a: CandidateRow, b: CandidateRow, columns: HeaderColumns, totalColumn: number): CandidateRow | undefined {
  if (a.labels.length === 0 || b.labels.length === 0 || a.values.length === 0 || b.values.length === 0) return undefined;
  if (b.labels.some((l) => NUMBERED_LABEL.test(l.text))) return undefined;
  const placedA = placeByColumns(a.values, columns);
  const placedB = placeByColumns(b.values, columns);
  if (!placedA || !placedB || placedA.some((k) => placedB.includes(k))) return undefined;
  const placed = [...a.values.map((v, i) => ({ k: placedA[i]!, v })), ...b.values.map((v, i) => ({ k: placedB[i]!, v }))].sort((x, y) => x.k - y.k);
  if (placed.some((p) => p.v.kind !== 'number')) return undefined;
  const total = placed.find((p) => p.k === totalColumn);
  const parts = placed.filter((p) => p.k !== totalColumn).reduce((sum, p) => sum + p.v.value!, 0);
  if (!total || total.v.value !== parts) return undefined;
  return {
    labels: [...a.labels, ...b.labels],
    emptiesAfter: [...a.emptiesAfter, ...b.emptiesAfter],
    values: placed.map((p) => p.v),
    leadingEmpties: [],
    trailingEmpties: [],
    overLines: true,
  };
}
