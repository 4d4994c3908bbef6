// 表二: four blocks, each a caption (第二十条第（N）项), a header row and data
// rows. Blocks are found by their caption anywhere in a row's label text (PDF
// extractions split "第二十条 第（一）项" into two cells), rows by the end of
// their label text. A block's headers tell which edition of the template it
// follows (2021, or the 2019 trial form with other columns); a block without
// headers follows the table (2019 where anything in it is only in that form).

import type { Cell, HeaderLabel, ShapeProblem, Table2, Table2Block, TableLayout, TableRow } from '../model';
import { TABLE2_BLOCKS, TABLE2_LEGACY_COLUMNS, TABLE2_LEGACY_ROWS, table2Form, type Table2BlockSpec, type Table2ColumnSpec, type Table2Form } from '../template';
import { chineseNumeralValue, labelKey, toHalfWidth } from '../text/normalize';
import { similarity } from '../text/similarity';
import { alignmentProblem, alignValues } from './align';
import { unreadableDetail, type StreamCell } from './cells';
import { apartProblem, assembleRows, withoutColumnNumbers, candidateSpan, figuresApartFromLabels, furthestEnd, joinedKey, leafLabel, rowWithoutValues, rowSpan, suffixScore, unknownRow, NEAR_SUFFIX_MAX, type CandidateRow } from './rows';

// A caption's key: its fixed words, then the item's numeral. A key without the words holds no caption (lastCaption).
const CAPTION_WORDS = '第二十条第';
const CAPTION = new RegExp(`${CAPTION_WORDS}([一二三四五六七八九十]{1,2})项`, 'g');
const ROW_THRESHOLD = 0.75;
const COLUMN_THRESHOLD = 0.6;
/** How much better a header must fit one edition's column than the other's to say which edition the block follows. */
const EDITION_MARGIN = 0.2;

interface RowKey {
  block: Table2BlockSpec;
  rowId: string;
  /** The 2021 label (the 2019 one for a row only the trial form has). */
  label: string;
  key: string;
}

/**
 * Words only the 2019 form has (上一年项目数量, 政府集中采购, 第（九）项), not
 * within a 2021 label (处理决定数量 is within 本年处理决定数量).
 */
const TRIAL_SIGNS = [...TABLE2_LEGACY_COLUMNS, ...TABLE2_LEGACY_ROWS, ...TABLE2_BLOCKS.filter((b) => b.legacyOnly).map((b) => b.caption)].map(labelKey).filter((sign) =>
  !TABLE2_BLOCKS.some((b) => !b.legacyOnly && [...b.columns, ...b.rows].some((x) => labelKey(x.label).includes(sign))));

/** Each block's column labels and aliases as keys, in both forms (joinWrappedHeaders). */
const COLUMN_KEYS = new Map(TABLE2_BLOCKS.map((b) => [b, [...b.columns, ...b.trial.columns].flatMap((c) => [c.label, ...(c.aliases ?? [])]).map(labelKey)]));

const ROW_KEYS: RowKey[] = TABLE2_BLOCKS.flatMap((block) => {
  const keys = new Map<string, RowKey>();
  for (const r of [...block.rows, ...block.trial.rows]) {
    const modern = block.legacyOnly ? undefined : block.rows.find((m) => m.id === r.id);
    for (const label of [r.label, ...(r.aliases ?? [])]) {
      const key = labelKey(label);
      if (!keys.has(`${r.id}|${key}`)) keys.set(`${r.id}|${key}`, { block, rowId: r.id, label: modern?.label ?? r.label, key });
    }
  }
  return [...keys.values()];
});

// The most figures a 表二 row holds in either edition: more after one name are figures apart from their rows.
const TABLE2_MAX_COLUMNS = Math.max(...TABLE2_BLOCKS.flatMap((b) => [b.columns.length, b.trial.columns.length]));

export function readTable2(cells: readonly StreamCell[], layout: TableLayout): { table: Table2; end: number } {
  const assembled = assembleRows(cells);
  // A row numbering the columns (栏次 1 2 3) is no data; 规章 1 2 3 is (its label names a row).
  const candidates = withoutColumnNumbers(assembled.rows, TABLE2_MAX_COLUMNS, (cand) => matchRow(joinedKey(cand.labels).key, undefined) !== undefined);
  const trailing = assembled.trailing;
  if (figuresApartFromLabels(candidates, TABLE2_MAX_COLUMNS)) {
    const { problem, range } = apartProblem(cells);
    return { table: { kind: 't2', range, layout, problems: [problem], legacy: false, blocks: [] }, end: range.end };
  }
  const blocks: Table2Block[] = [];
  const problems: ShapeProblem[] = [];
  /** Per block: how many headers fit the 2019 columns and how many the 2021 ones. */
  const editionVotes = new Map<Table2Block, { trial: number; modern: number }>();
  // The table has something only the 2019 form has: a block without headers that say otherwise is in that form.
  // Each candidate's label key, made once for this and for the reading below.
  const keyed = candidates.map((c) => joinedKey(c.labels));
  const looks2019 = keyed.some(({ key }) => TRIAL_SIGNS.some((sign) => key.includes(sign)));
  let current: Table2Block | undefined;
  let end = cells.length > 0 ? cells[0]!.range.end : 0;
  // A one-cell block's number read before its row's label (PDF text without -layout): waits for the label.
  let pending: { block: Table2Block; cand: CandidateRow } | undefined;
  const unknown = (cand: CandidateRow) =>
    problems.push({ kind: 'row-unknown', range: candidateSpan(cand), detail: unknownRow(cand) });
  for (let r = 0; r < candidates.length; r++) {
    const cand = candidates[r]!;
    if (pending) {
      const row = labelAfterValue(pending.block, pending.cand, cand.labels[0], problems);
      if (row) end = addRow(pending.block, row, end);
      else unknown(pending.cand);
      pending = undefined;
    }
    const { key, starts } = keyed[r]!;
    const caption = lastCaption(key);
    let headerFrom = 0;
    if (caption) {
      const spec = TABLE2_BLOCKS.find((b) => chineseNumeralValue(b.item) === caption.item);
      const firstCell = cellAt(starts, caption.index);
      const lastCell = cellAt(starts, caption.index + caption.length - 1);
      if (spec) {
        current = newBlock(spec, cand.labels.slice(firstCell, lastCell + 1), cand.labels[0]!.range.start, looks2019);
        blocks.push(current);
        end = Math.max(end, current.range.end);
      }
      headerFrom = lastCell + 1;
    }
    const match = matchRow(key, current);
    if (!match) {
      if (current && cand.values.length === 1 && caption && isOneCellBlock(current)) {
        // The row's label among the header words (行政许可 before 本年处理决定数量), or after the number.
        const named = cand.labels.slice(headerFrom).find((l) => ROW_KEYS.some((r) => r.block.id === current!.id && r.key === labelKey(l.text)));
        const row = named && labelAfterValue(current, cand, named, problems);
        if (row) end = addRow(current, row, end);
        else pending = { block: current, cand };
      } else if (current && cand.values.length > 0) unknown(cand);
      continue;
    }
    if (!current || current.id !== match.block.id) {
      // A block whose caption was lost starts at its first row.
      current = blocks.find((b) => b.id === match.block.id) ?? newBlock(match.block, [], (cand.labels[0] ?? cand.values[0])?.range.start ?? end, looks2019);
      if (!blocks.includes(current)) blocks.push(current);
    }
    const leaf = leafLabel(cand.labels, match.key, keyed[r]);
    const headerCells = [...cand.labels.slice(headerFrom, leaf.first), ...headerWordsBefore(cand.labels[leaf.first], leaf.range.start, match.block, headerFrom <= leaf.first)];
    if (headerCells.length > 0) readHeaders(current, match.block, headerCells, editionVotes);
    const form = table2Form(match.block, current.legacy);
    // Label-only cells before the leaf that name another row of this block: that row has no numbers.
    headerCells.forEach((c, k) => {
      const other = ROW_KEYS.find((r) => r.block.id === match.block.id && r.key === labelKey(c.text) && r.rowId !== match.rowId);
      // Its range reaches the block's and the table's (its label may end after the row read next: a wrapped label).
      if (other) end = addRow(current!, blankRow(other, formLabel(other, form), c, cand.emptiesAfter[headerFrom + k] ?? [], form.columns.length, problems), end);
    });
    const row = buildRow(match, formLabel(match, form), cand, leaf, form.columns, problems);
    end = addRow(current, row, end);
  }
  if (pending) {
    // The last block's label after its number, and nothing after it in the table.
    const row = labelAfterValue(pending.block, pending.cand, trailing[0], problems);
    if (row) end = addRow(pending.block, row, end);
    else unknown(pending.cand);
  }
  const start = cells.length > 0 ? cells[0]!.range.start : 0;
  if (blocks.length === 0) {
    problems.push({ kind: 'unreadable', range: { start, end: Math.max(start, end) }, detail: unreadableDetail(cells) });
  } else {
    for (const spec of TABLE2_BLOCKS) {
      const block = blocks.find((b) => b.id === spec.id);
      if (!block) {
        if (!spec.legacyOnly) problems.push({ kind: 'block-missing', range: { start, end: start }, detail: { what: 'missing-block', block: spec.caption } });
        continue;
      }
      for (const r of table2Form(spec, block.legacy).rows) {
        if (!block.rows.some((row) => row.id === r.id)) {
          problems.push({ kind: 'row-missing', range: { start: block.range.end, end: block.range.end }, detail: { what: 'missing-row', row: r.label, block: spec.caption } });
        }
      }
    }
  }
  return { table: { kind: 't2', range: { start, end: Math.max(start, end) }, layout, problems, legacy: looks2019 || blocks.some((b) => b.legacy), blocks }, end };
}

function lastCaption(key: string): { item: number; index: number; length: number } | undefined {
  if (!key.includes(CAPTION_WORDS)) return undefined;
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

/** `at`: where a block without caption cells begins (an empty caption range there); `legacy`: the form until its headers say. */
function newBlock(spec: Table2BlockSpec, captionCells: StreamCell[], at: number, legacy: boolean): Table2Block {
  const first = captionCells[0];
  const last = captionCells[captionCells.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : { start: at, end: at };
  return { id: spec.id, caption: { text: captionCells.map((c) => c.text).join(''), range }, headers: [], rows: [], statedDecimals: undefined, legacy: !!spec.legacyOnly || legacy, range: { ...range } };
}

/** The row's label in the form its block follows (规范性文件 in 2019, 行政规范性文件 in 2021). */
/** How much a row of the block being read is preferred. */
function blockBonus(row: RowKey, current: Table2Block | undefined): number {
  return current && row.block.id === current.id ? 0.01 : 0;
}

function formLabel(row: RowKey, form: Table2Form): string {
  return form.rows.find((r) => r.id === row.rowId)?.label ?? row.label;
}

function matchRow(key: string, current: Table2Block | undefined): RowKey | undefined {
  // The best a key that ends the label scores: a near match scoring less is no match (suffixScore's coverage is a
  // longest common subsequence, the costly part of a match, and most labels end with a row's key).
  let exactBest = 0;
  for (const row of ROW_KEYS) if (row.key && key.endsWith(row.key)) exactBest = Math.max(exactBest, 1 + blockBonus(row, current));
  let best: { row: RowKey; score: number } | undefined;
  for (const row of ROW_KEYS) {
    const bonus = blockBonus(row, current);
    if (NEAR_SUFFIX_MAX + bonus < exactBest && !key.endsWith(row.key)) continue;
    const score = suffixScore(key, row.key) + bonus;
    if (score >= ROW_THRESHOLD && (!best || score > best.score || (score === best.score && row.key.length > best.row.key.length))) best = { row, score };
  }
  return best?.row;
}

/**
 * Reads header cells; a header that fits one edition's column clearly better
 * than the other's (本年新制作数量, 本年制发件数) is a vote for that edition,
 * one that fits both (处理决定数量, 本年处理决定数量) is not.
 */
function readHeaders(block: Table2Block, spec: Table2BlockSpec, cells: StreamCell[], editionVotes: Map<Table2Block, { trial: number; modern: number }>): void {
  const read: { cell: StreamCell; modern?: Table2ColumnSpec | undefined; trial?: Table2ColumnSpec | undefined }[] = [];
  // Columns named by an earlier header cell: a cell that names two alike (“本年新”, a label cut at its line break)
  // is the next one, in the header's order.
  const taken = { modern: new Set<Table2ColumnSpec>(), trial: new Set<Table2ColumnSpec>() };
  for (const c of joinWrappedHeaders(cells, COLUMN_KEYS.get(spec)!)) {
    const text = toHalfWidth(c.text);
    const precision = /保留\s*([0-9一二三四五六七八九])\s*位小数/.exec(text);
    if (precision) block.statedDecimals = /\d/.test(precision[1]!) ? Number(precision[1]) : chineseNumeralValue(precision[1]!);
    const key = labelKey(c.text);
    if (!key || key === '信息内容') continue;
    const modern = bestColumn(spec.columns, key, taken.modern);
    const trial = bestColumn(spec.trial.columns, key, taken.trial);
    if (!modern && !trial) continue;
    if (modern) taken.modern.add(modern.column);
    if (trial) taken.trial.add(trial.column);
    read.push({ cell: c, modern: modern?.column, trial: trial?.column });
    if (spec.legacyOnly) continue;
    const votes = editionVotes.get(block) ?? { trial: 0, modern: 0 };
    const margin = (trial?.score ?? 0) - (modern?.score ?? 0);
    if (margin >= EDITION_MARGIN) votes.trial++;
    else if (-margin >= EDITION_MARGIN) votes.modern++;
    editionVotes.set(block, votes);
  }
  const votes = editionVotes.get(block);
  if (votes && votes.trial !== votes.modern) block.legacy = votes.trial > votes.modern;
  for (const { cell, modern, trial } of read) {
    const column = block.legacy ? trial ?? modern : modern ?? trial;
    block.headers.push({ columnId: column!.id, text: cell.text, range: cell.range } satisfies HeaderLabel);
  }
}

/**
 * Header cells split at a label's line break, joined again. In a layout of one cell a line (a page's 本年新<br>制作数量,
 * written by a text export as two lines) the two halves are neighbours; in one laid out in columns (pandoc's
 * multiline tables, pdftotext -layout) each cut head stands on the header's first line and its tail on the next, in
 * the same order (本年 本年 现行有效件数 / 制发件数 废止件数). A head and a tail are joined where neither holds a whole
 * column label and together they hold one. A join over other cells spans lines, so table.label offers no fix on it.
 */
function joinWrappedHeaders(cells: readonly StreamCell[], labels: readonly string[]): StreamCell[] {
  const whole = (key: string) => labels.some((l) => key.includes(l));
  const cut = (c: StreamCell) => c.kind === 'text' && !whole(labelKey(c.text));
  const out: (StreamCell | undefined)[] = [];
  const heads: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const next = cells[i + 1];
    if (next && cut(c) && cut(next) && whole(labelKey(c.text + next.text))) {
      out.push({ ...c, text: c.text + next.text, range: { start: c.range.start, end: next.range.end } });
      i++;
      continue;
    }
    const head = heads.length > 0 ? out[heads[0]!] : undefined;
    if (head && cut(c) && whole(labelKey(head.text + c.text))) {
      out[heads.shift()!] = { ...head, text: head.text + c.text, range: { start: head.range.start, end: c.range.end } };
      continue;
    }
    if (cut(c) && labelKey(c.text) && labels.some((l) => l.startsWith(labelKey(c.text)))) heads.push(out.length);
    out.push(c);
  }
  return out.filter((c): c is StreamCell => c !== undefined);
}

/** Each column's label and aliases as keys, in that order (bestColumn): made once, not on every header cell read. */
const NAMING_KEYS = new Map<Table2ColumnSpec, readonly string[]>(
  TABLE2_BLOCKS.flatMap((b) => [...b.columns, ...b.trial.columns]).map((c) => [c, [c.label, ...(c.aliases ?? [])].map(labelKey)]),
);

/** The column `key` names best; of columns it names equally well, the first not `taken` yet. */
function bestColumn(columns: readonly Table2ColumnSpec[], key: string, taken: ReadonlySet<Table2ColumnSpec>): { column: Table2ColumnSpec; score: number } | undefined {
  let best: { column: Table2ColumnSpec; score: number } | undefined;
  for (const column of columns) {
    for (const k of NAMING_KEYS.get(column)!) {
      const score = key.startsWith(k) || k.startsWith(key) ? Math.max(0.8, similarity(key, k)) : similarity(key, k);
      if (score < COLUMN_THRESHOLD) continue;
      const tie = best !== undefined && Math.abs(score - best.score) < 1e-9;
      if (!best || (score > best.score && !tie) || (tie && taken.has(best.column) && !taken.has(column))) best = { column, score };
    }
  }
  return best;
}

/** `label`: the row's template label in its block's form; `columns`: that form's columns. */
// A block's caption as written, in the text of a cell.
const CAPTION_TEXT = /第二十条\s*第\s*[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]\s*项/;

/**
 * The header words run into the first row's label cell (a flattened page:
 * `信息内容本年制发件数本年废止件现行有效件数规范性文件`): the cell's text before
 * the row's label, cut at the block's column labels, so each header is read
 * (and a drifted one, such as 本年废止件, is seen).
 */
function headerWordsBefore(cell: StreamCell | undefined, leafStart: number, spec: Table2BlockSpec, afterCaption: boolean): StreamCell[] {
  if (!cell || leafStart <= cell.range.start) return [];
  const before = cell.text.slice(0, leafStart - cell.range.start);
  // The caption may stand in the same cell (第二十条第（一）项信息内容本年制发件数…规范性文件): the headers follow it.
  const caption = CAPTION_TEXT.exec(before);
  if (!caption && !afterCaption) return [];
  const skip = caption ? caption.index + caption[0].length : 0;
  const text = before.slice(skip);
  const base = cell.range.start + skip;
  // Labels are looked for with the spaces a page put inside them (本年新 制作数量) left out.
  const at: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    at.push(i);
    compact += text[i];
  }
  at.push(text.length);
  const found: { at: number; end: number }[] = [];
  for (const label of [...spec.columns, ...spec.trial.columns].map((c) => c.label).sort((a, b) => b.length - a.length)) {
    for (let k = compact.indexOf(label); k >= 0; k = compact.indexOf(label, k + 1)) {
      const span = { at: at[k]!, end: at[k + label.length - 1]! + 1 };
      if (!found.some((f) => span.at < f.end && span.end > f.at)) found.push(span);
    }
  }
  found.sort((a, b) => a.at - b.at);
  // The words between two known labels (or after the last) are a header too: a drifted one.
  const pieces: { at: number; end: number }[] = [];
  let last = /^\s*信息内容\s*/.exec(text)?.[0].length ?? 0;
  for (const f of [...found, { at: text.length, end: text.length }]) {
    if (f.at > last && text.slice(last, f.at).trim()) pieces.push({ at: last, end: f.at });
    if (f.end > f.at) pieces.push(f);
    last = Math.max(last, f.end);
  }
  return pieces.map(({ at, end }) => ({ kind: 'text', text: text.slice(at, end), range: { start: base + at, end: base + end }, value: undefined, decimals: 0, rowStart: false }));
}

/** A block of one row and one column (第二十条第（五）（八）项 of the 2021 form). */
function isOneCellBlock(block: Table2Block): boolean {
  const form = table2Form(TABLE2_BLOCKS.find((b) => b.id === block.id)!, block.legacy);
  return form.rows.length === 1 && form.columns.length === 1 && block.rows.length === 0;
}

/**
 * The row of a one-cell block whose label is not right before its number
 * (PDF text: after it, or among the header words): `label`, if it is exactly
 * that row's. The number is the block's only one, so it can belong to no
 * other cell.
 */
function labelAfterValue(block: Table2Block, cand: CandidateRow, label: StreamCell | undefined, problems: ShapeProblem[]): TableRow | undefined {
  if (!label) return undefined;
  const key = labelKey(label.text);
  const match = ROW_KEYS.find((r) => r.block.id === block.id && r.key === key);
  if (!match) return undefined;
  const form = table2Form(match.block, block.legacy);
  const row = buildRow(match, formLabel(match, form), { ...cand, labels: [label] }, { text: label.text, range: label.range }, form.columns, problems);
  const value = cand.values[0]!.range;
  return { ...row, range: { start: Math.min(value.start, label.range.start), end: Math.max(value.end, label.range.end) } };
}

/** Adds a row read out of order to its block; the block and the table (`end`) reach as far as it does. */
function addRow(block: Table2Block, row: TableRow, end: number): number {
  block.rows.push(row);
  block.range = { start: Math.min(block.range.start, row.range.start), end: Math.max(block.range.end, row.range.end) };
  return Math.max(end, row.range.end);
}

function buildRow(match: RowKey, label: string, cand: CandidateRow, leaf: { text: string; range: { start: number; end: number } }, columns: readonly Table2ColumnSpec[], problems: ShapeProblem[]): TableRow {
  const range = rowSpan(leaf.range, cand.values);
  // A figure in a cell merged across the block's columns, written once a column by the tool that made the text
  // (python-docx's row.cells, pandas' read_html): one figure.
  const values = columns.length === 1 && copiesOfOne(cand.values) ? cand.values.slice(0, 1) : cand.values;
  const aligned = alignValues(values === cand.values ? cand : { ...cand, values }, columns.length, undefined);
  if (aligned.problem) problems.push(alignmentProblem(aligned.problem, label, range));
  const cells = aligned.cells.map((c, i) => readAs(c, columns[i]?.kind));
  // The row holds all its cells, blank ones after the last value included (a blank total).
  const cellsEnd = furthestEnd(range.end, cells);
  return { id: match.rowId, label: { text: leaf.text, range: leaf.range }, cells, alignment: aligned.alignment, foundValues: values.length, range: { start: range.start, end: cellsEnd } };
}

/** Several values, all the same figure as written: one cell's copies. */
function copiesOfOne(values: readonly StreamCell[]): boolean {
  if (values.length < 2 || values[0]!.kind !== 'number') return false;
  const text = values[0]!.text.trim();
  return values.every((v) => v.kind === 'number' && v.text.trim() === text);
}

/** A signed whole number (-18, +3, 减12, 增3): the 2019 本年增/减. */
const CHANGE = /^([-+−]|[增减][加少]?)?\s*(\d+)$/;
/** A purchase total with the unit it is written in (73802895.90元, 2059.2090万元). */
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(?:万元|元|万)$/;

/**
 * A value of a column that is not a plain count: a change is a number even
 * when negative; a purchase total keeps the unit it is written in (its value
 * is the number as written, in that unit).
 */
function readAs(cell: Cell, kind: Table2ColumnSpec['kind'] | undefined): Cell {
  if (cell.kind !== 'invalid') return cell;
  const text = toHalfWidth(cell.text).trim();
  if (kind === 'change') {
    const m = CHANGE.exec(text);
    if (m) return { ...cell, kind: 'number', value: (/^[-−减]/.test(m[1] ?? '') ? -1 : 1) * Number(m[2]), decimals: 0 };
  }
  if (kind === 'amount') {
    const m = AMOUNT.exec(text);
    if (m) return { ...cell, kind: 'number', value: Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`), decimals: m[2]?.length ?? 0 };
  }
  return cell;
}

function blankRow(row: RowKey, label: string, cell: StreamCell, empties: readonly StreamCell[], columns: number, problems: ShapeProblem[]): TableRow {
  const { cells, exact } = rowWithoutValues(cell, empties, columns);
  if (!exact) problems.push({ kind: 'row-cells', range: cell.range, detail: { what: 'no-values', row: label } });
  const end = cells[cells.length - 1]!.range.end;
  return { id: row.rowId, label: { text: cell.text, range: cell.range }, cells, alignment: exact ? 'exact' : 'unaligned', foundValues: 0, range: { start: cell.range.start, end: Math.max(end, cell.range.end) } };
}
