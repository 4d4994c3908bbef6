// 表二: four blocks, each a caption (第二十条第（N）项), a header row and data
// rows. Blocks are found by their caption anywhere in a row's label text (PDF
// extractions split "第二十条 第（一）项" into two cells), rows by the end of
// their label text.

import type { HeaderLabel, ShapeProblem, Table2, Table2Block, TableLayout, TableRow } from '../model';
import { TABLE2_BLOCKS, TABLE2_LEGACY_COLUMNS, TABLE2_LEGACY_ROWS, type Table2BlockSpec } from '../template';
import { chineseNumeralValue, labelKey, toHalfWidth } from '../text/normalize';
import { similarity } from '../text/similarity';
import { alignmentProblem, alignValues } from './align';
import type { StreamCell } from './cells';
import { assembleRows, joinedKey, leafLabel, rowWithoutValues, suffixScore, type CandidateRow } from './rows';

const CAPTION = /第二十条第([一二三四五六七八九十]{1,2})项/g;
const ROW_THRESHOLD = 0.75;
const LEGACY_COLUMN_KEYS = new Set(TABLE2_LEGACY_COLUMNS.map(labelKey));

interface RowKey { block: Table2BlockSpec; rowId: string; label: string; key: string }

const ROW_KEYS: RowKey[] = TABLE2_BLOCKS.flatMap((block) =>
  block.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])].map((label) => ({ block, rowId: r.id, label: r.label, key: labelKey(label) }))),
).concat(TABLE2_LEGACY_ROWS.map((label) => ({ block: TABLE2_BLOCKS[label === '政府集中采购' ? 4 : 1]!, rowId: label === '政府集中采购' ? 'procurement' : 'otherServices', label, key: labelKey(label) })));

export function readTable2(cells: readonly StreamCell[], layout: TableLayout): { table: Table2; end: number } {
  const { rows: candidates } = assembleRows(cells);
  const blocks: Table2Block[] = [];
  const problems: ShapeProblem[] = [];
  let legacy = false;
  let current: Table2Block | undefined;
  let end = cells.length > 0 ? cells[0]!.range.end : 0;
  for (const cand of candidates) {
    const { key, starts } = joinedKey(cand.labels);
    const caption = lastCaption(key);
    let headerFrom = 0;
    if (caption) {
      const spec = TABLE2_BLOCKS.find((b) => chineseNumeralValue(b.item) === caption.item);
      const firstCell = cellAt(starts, caption.index);
      const lastCell = cellAt(starts, caption.index + caption.length - 1);
      if (spec) {
        current = newBlock(spec, cand.labels.slice(firstCell, lastCell + 1), cand.labels[0]!.range.start);
        blocks.push(current);
        end = Math.max(end, current.range.end);
        if (spec.legacyOnly) legacy = true;
      }
      headerFrom = lastCell + 1;
    }
    const match = matchRow(key, current);
    if (!match) {
      if (current && cand.values.length > 0) {
        problems.push({ kind: 'row-unknown', range: { start: (cand.labels[0] ?? cand.values[0]!).range.start, end: cand.values[cand.values.length - 1]!.range.end }, detail: { what: 'unknown-row', text: cand.labels.map((l) => l.text).join('') } });
      }
      continue;
    }
    if (!current || current.id !== match.block.id) {
      // A block whose caption was lost starts at its first row.
      current = blocks.find((b) => b.id === match.block.id) ?? newBlock(match.block, [], (cand.labels[0] ?? cand.values[0])?.range.start ?? end);
      if (!blocks.includes(current)) blocks.push(current);
    }
    const leaf = leafLabel(cand.labels, match.key);
    const headerCells = cand.labels.slice(headerFrom, leaf.first);
    if (headerCells.length > 0) {
      readHeaders(current, match.block, headerCells);
      if (current.headers.some((h) => LEGACY_COLUMN_KEYS.has(labelKey(h.text)))) legacy = true;
    }
    // Label-only cells before the leaf that name another row of this block: that row has no numbers.
    headerCells.forEach((c, k) => {
      const other = ROW_KEYS.find((r) => r.block.id === match.block.id && r.key === labelKey(c.text) && r.rowId !== match.rowId);
      if (other) current!.rows.push(blankRow(other, c, cand.emptiesAfter[headerFrom + k] ?? [], match.block.columns.length, problems));
    });
    if (TABLE2_LEGACY_ROWS.includes(match.label)) legacy = true;
    const expected = legacy && current.headers.length > 0 ? current.headers.length : match.block.columns.length;
    const row = buildRow(match, cand, leaf, expected, problems);
    current.rows.push(row);
    current.range = { start: current.range.start, end: row.range.end };
    end = row.range.end;
  }
  const start = cells.length > 0 ? cells[0]!.range.start : 0;
  if (blocks.length === 0) {
    problems.push({ kind: 'unreadable', range: { start, end: Math.max(start, end) }, detail: { what: 'unreadable' } });
  } else {
    for (const spec of TABLE2_BLOCKS) {
      const block = blocks.find((b) => b.id === spec.id);
      if (!block) {
        if (!spec.legacyOnly) problems.push({ kind: 'block-missing', range: { start, end: start }, detail: { what: 'missing-block', block: spec.caption } });
        continue;
      }
      for (const r of spec.rows) {
        if (!block.rows.some((row) => row.id === r.id)) {
          problems.push({ kind: 'row-missing', range: { start: block.range.end, end: block.range.end }, detail: { what: 'missing-row', row: r.label, block: spec.caption } });
        }
      }
    }
  }
  return { table: { kind: 't2', range: { start, end: Math.max(start, end) }, layout, problems, legacy, blocks }, end };
}

function lastCaption(key: string): { item: number; index: number; length: number } | undefined {
  let last: RegExpExecArray | null = null;
  CAPTION.lastIndex = 0;
  for (let m = CAPTION.exec(key); m; m = CAPTION.exec(key)) last = m;
  if (!last) return undefined;
  const item = chineseNumeralValue(last[1]!);
  return item === undefined ? undefined : { item, index: last.index, length: last[0].length };
}

function cellAt(starts: number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

/** `at`: where a block without caption cells begins (an empty caption range there). */
function newBlock(spec: Table2BlockSpec, captionCells: StreamCell[], at: number): Table2Block {
  const first = captionCells[0];
  const last = captionCells[captionCells.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : { start: at, end: at };
  return { id: spec.id, caption: { text: captionCells.map((c) => c.text).join(''), range }, headers: [], rows: [], statedDecimals: undefined, range: { ...range } };
}

function matchRow(key: string, current: Table2Block | undefined): RowKey | undefined {
  let best: { row: RowKey; score: number } | undefined;
  for (const row of ROW_KEYS) {
    let score = suffixScore(key, row.key);
    if (current && row.block.id === current.id) score += 0.01; // prefer the block being read
    if (score >= ROW_THRESHOLD && (!best || score > best.score || (score === best.score && row.key.length > best.row.key.length))) best = { row, score };
  }
  return best?.row;
}

function readHeaders(block: Table2Block, spec: Table2BlockSpec, cells: StreamCell[]): void {
  for (const c of cells) {
    const text = toHalfWidth(c.text);
    const precision = /保留\s*([0-9一二三四五六七八九])\s*位小数/.exec(text);
    if (precision) block.statedDecimals = /\d/.test(precision[1]!) ? Number(precision[1]) : chineseNumeralValue(precision[1]!);
    const key = labelKey(c.text);
    if (!key || key === '信息内容') continue;
    if (LEGACY_COLUMN_KEYS.has(key)) {
      block.headers.push({ columnId: `legacy:${key}`, text: c.text, range: c.range });
      continue;
    }
    const column = bestColumn(spec, key);
    if (column) block.headers.push({ columnId: column, text: c.text, range: c.range } satisfies HeaderLabel);
  }
}

function bestColumn(spec: Table2BlockSpec, key: string): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const col of spec.columns) {
    for (const label of [col.label, ...(col.aliases ?? [])]) {
      const k = labelKey(label);
      const score = key.startsWith(k) || k.startsWith(key) ? Math.max(0.8, similarity(key, k)) : similarity(key, k);
      if (score >= 0.6 && (!best || score > best.score)) best = { id: col.id, score };
    }
  }
  return best?.id;
}

function buildRow(match: RowKey, cand: CandidateRow, leaf: { text: string; range: { start: number; end: number } }, expected: number, problems: ShapeProblem[]): TableRow {
  const last = cand.values[cand.values.length - 1];
  const range = { start: leaf.range.start, end: last ? last.range.end : leaf.range.end };
  const aligned = alignValues(cand, expected, undefined);
  if (aligned.problem) problems.push(alignmentProblem(aligned.problem, match.label, range));
  // The row holds all its cells, blank ones after the last value included (a blank total).
  const cellsEnd = Math.max(range.end, ...aligned.cells.filter((c) => c.kind !== 'missing').map((c) => c.range.end));
  return { id: match.rowId, label: { text: leaf.text, range: leaf.range }, cells: aligned.cells, alignment: aligned.alignment, foundValues: cand.values.length, range: { start: range.start, end: cellsEnd } };
}

function blankRow(row: RowKey, label: StreamCell, empties: readonly StreamCell[], columns: number, problems: ShapeProblem[]): TableRow {
  const { cells, exact } = rowWithoutValues(label, empties, columns);
  if (!exact) problems.push({ kind: 'row-cells', range: label.range, detail: { what: 'no-values', row: row.label } });
  const end = cells[cells.length - 1]!.range.end;
  return { id: row.rowId, label: { text: label.text, range: label.range }, cells, alignment: exact ? 'exact' : 'unaligned', foundValues: 0, range: { start: label.range.start, end: Math.max(end, label.range.end) } };
}
