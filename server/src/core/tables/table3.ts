// 表三: aligns candidate rows with the template's 21 leaf rows (19 in the
// 2019 form of （六）). Rows are matched in template order by the end of
// their label text, so group labels in front (三、本年度办理结果 （三）不予公开)
// and labels wrapped over lines or written vertically do not matter.

import type { ShapeProblem, Table3, TableLayout, TableRow } from '../model';
import { TABLE3_ADDED_COLUMNS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE3_TOTAL_COLUMN, type Table3RowSpec } from '../template';
import { labelKey, openNoteStart, toHalfWidth, trailingNoteStart, withoutNote } from '../text/normalize';
import { movedStreamCell, unreadableDetail, type StreamCell } from './cells';
import type { Move } from '../report-delta';
import { alignmentProblem, alignValues, type Alignment } from './align';
import { apartProblem, assembleRows, loneFigure, withoutColumnNumbers, withoutPageNumbers, candidateSpan, figuresApartFromLabels, furthestEnd, joinedKey, leafLabel, rowWithoutValues, rowSpan, suffixScore, unknownRow, type CandidateRow, type JoinedKey } from './rows';
import { memoByText } from '../caches';
import { placingOf, type Placing } from './grid';
import { emptyCellAt, headerColumns, labelRestBelow, labelsByColumn, rowOverTwoLines, type ColumnMetric } from './header-columns';
import { withoutAddedColumns, type AddedColumnsOf } from './added-columns';
import { inTemplateOrder, table3Order, type ColumnOrder } from './column-order';

const MATCH_THRESHOLD = 0.75;
const WINDOW = 10;

interface KeyedRow {
  spec: Table3RowSpec;
  keys: string[];
}

const KEYED: KeyedRow[] = TABLE3_ROWS.map((spec) => ({
  spec,
  // The label without its note (（二）部分公开's （区分处理的，只计这一情形，不计其他情形）) names the row too: reports leave
  // the note out or word it otherwise (labelWithoutNote).
  keys: [...new Set([spec.label, withoutNote(spec.label), ...(spec.aliases ?? [])].map(labelKey))],
}));

/** `keepSources`: keep how each row was read (rowSource), for a table being typed in. */
export function readTable3(stream: readonly StreamCell[], layout: TableLayout, keepSources = false): { table: Table3; end: number } {
  // Columns the agency added (备注, 序号, 法人小计) are no cells of the template's table.
  const cells = withoutAddedColumns(stream, layout, ADDED_TO_TABLE3);
  const assembled = assembleRows(cells);
  const rowsRead = withSubtotalsApart(withLoneTotalsMarked(withoutPageNumbers3(withLabelTailsRejoined(withWrappedFiguresMarked(withFiguresRejoined(withNumberingRejoined(withoutColumnNumbers(assembled.rows, TABLE3_COLUMNS.length, namesTable3Row))))))));
  const header = headerCells(cells);
  const placing = withHeaderColumns(placingOf(cells, assembled.rows, layout, COLUMN_LABELS), header, rowsRead, layout);
  const candidates = placing.columns ? withLabelsByColumn(rowsRead, placing) : rowsRead;
  if (figuresApartFromLabels(candidates, TABLE3_COLUMNS.length)) {
    const { problem, range } = apartProblem(cells);
    return { table: { kind: 't3', range, layout, problems: [problem], legacy: false, rows: [] }, end: range.end };
  }
  const rows: TableRow[] = [];
  const problems: ShapeProblem[] = [];
  const columns = table3Order(header, layout);
  // Only for a table typed in: a report opened, or checked by the CLI, makes none; nor one whose columns are not in
  // the template's order (a figure retyped there is read with the table again).
  // Nor one placed by its header's columns: a figure retyped longer moves the figures after it on its line.
  const rowSources: (RowSource | undefined)[] | undefined = keepSources && !columns.reordered && !placing.columns ? [] : undefined;
  let pointer = 0;
  let end = cells.length > 0 ? cells[0]!.range.end : 0;
  // The template rows from..to (exclusive) whose label `cand`'s label cells name, but for those `skip` leaves out:
  // present, with no numbers. A label may end after the rows read so far (its last line in a box's next row): the
  // table holds it.
  const addEmptyRows = (from: number, to: number, cand: CandidateRow, key: string, skip: (row: KeyedRow) => boolean): void => {
    for (let k = from; k < to; k++) {
      const skipped = KEYED[k]!;
      if (skip(skipped) || !skipped.keys.some((sk) => namesRow(cand, key, sk))) continue;
      const empty = emptyRow(skipped, cand, problems, placing);
      rows.push(empty);
      rowSources?.push(undefined);
      end = Math.max(end, empty.range.end);
    }
  };
  for (let r = 0; r < candidates.length; r++) {
    const read = candidates[r]!;
    if (pointer >= KEYED.length) break;
    // Rows printed with no numbers at all (blank rows) pile their labels in front of the next row with numbers:
    // the row that has them may lie as many rows further on.
    const { cand, joined, best } = matchWithOrWithoutNote(read, pointer, WINDOW + read.labels.length);
    const { key } = joined;
    // A 2021 table's （六）其他处理 with figures of its own above its three sub-rows: the group's subtotal (as 小计), not
    // the 2019 form's single row (table.legacy, and the sub-rows "not in the template").
    if (best?.row.spec.id === 'other' && opensSubRows(candidates[r + 1])) {
      if (cand.values.length > 0) problems.push({ kind: 'row-unknown', range: candidateSpan(cand), detail: unknownRow(cand) });
      continue;
    }
    if (!best) {
      if (rows.length > 0 && cand.values.length > 0) {
        problems.push({ kind: 'row-unknown', range: candidateSpan(cand), detail: unknownRow(cand) });
      }
      continue;
    }
    // Template rows skipped over whose label is in this row's prefix: present, but with no numbers.
    const matched = best.row.spec;
    addEmptyRows(pointer, best.index, cand, key, (skipped) => isLegacyAlternative(skipped.spec, matched) || isGroupOfPresentRows(skipped, key));
    const before = problems.length;
    const row = buildRow(best.row.spec, cand, best.key, problems, columns, placing, joined);
    rowSources?.push({ cand, shift: 0, spec: best.row.spec, key: best.key, problemIndex: problems.length > before ? problems.length - 1 : -1, placing });
    rows.push(row);
    end = Math.max(end, row.range.end);
    pointer = best.index + 1;
    // The 2019 single （六） row replaces the three sub-rows (and the other way round).
    if (best.row.spec.id === 'other') pointer = indexOf('total');
  }
  // Rows after the last with figures, all their cells empty (四、结转下年度继续办理 with nothing carried over, its 0s
  // left blank): their labels end the table, with no row of figures after them to be read in front of.
  // Only where empty cells are kept as cells (in other layouts a label left over may be anything's).
  if ((placing.grid !== undefined || placing.emptiesAreCells || placing.columns) && rows.length > 0 && pointer < KEYED.length && assembled.trailing.length > 0) {
    const tail: CandidateRow = { labels: assembled.trailing, emptiesAfter: assembled.trailingEmpties, values: [], leadingEmpties: [], trailingEmpties: [] };
    addEmptyRows(pointer, KEYED.length, tail, joinedKey(tail.labels).key, (skipped) => skipped.spec.id === 'other');
  }
  const legacy = rows.some((r) => r.id === 'other');
  const expected = TABLE3_ROWS.filter((r) => (legacy ? !r.id.startsWith('other.') : r.id !== 'other'));
  const found = new Set(rows.map((r) => r.id));
  const missing = expected.filter((r) => !found.has(r.id));
  const start = cells.length > 0 ? cells[0]!.range.start : 0;
  if (rows.length === 0) {
    problems.push({ kind: 'unreadable', range: { start, end: Math.max(end, start) }, detail: unreadableDetail(cells) });
  } else {
    for (const m of missing) {
      const after = rows.filter((r) => TABLE3_ROWS.findIndex((t) => t.id === r.id) < TABLE3_ROWS.indexOf(m)).pop();
      const at = after ? after.range.end : rows[0]!.range.start;
      problems.push({ kind: 'row-missing', range: { start: at, end: at }, detail: { what: 'missing-row', row: m.label } });
    }
  }
  // Columns in another order than the template's that could not be read by the header: no figure is known to be in
  // its column, and that is the one problem told.
  const unordered = columns.reordered && !columns.order && rows.length > 0;
  const table: Table3 = unordered
    ? { kind: 't3', range: { start, end: Math.max(end, start) }, layout, problems: [{ kind: 'columns-order', range: columns.range, detail: { what: 'columns-order', parted: columns.parted } }], legacy, rows: rows.map(uncertainRow) }
    : { kind: 't3', range: { start, end: Math.max(end, start) }, layout, problems, legacy, rows };
  if (rowSources) sourcesOf.set(table, { rows: rowSources, shift: 0 });
  return { table, end };
}

// The header's cells that are also row labels (其他, 总计): after them, figures 1 … 7 number the columns.
const COLUMN_WORDS = new Set(TABLE3_COLUMNS.map((c) => c.label));

/** A row's label ends with a template row's (as the header's last cell, 其他 or 总计 written bare, does not). */
function namesTable3Row(cand: CandidateRow): boolean {
  const last = cand.labels[cand.labels.length - 1];
  if (!last || COLUMN_WORDS.has(toHalfWidth(last.text).replace(/\s/g, ''))) return false;
  const { key } = joinedKey(cand.labels);
  return KEYED.some((r) => r.keys.some((k) => key.endsWith(k)));
}

/**
 * A page's number inside 表三 (`4` on a line of its own at a page break): a lone figure (loneFigure) between a row
 * with all its figures and a row with a label. A figure that a row short of one wrapped onto its own line was given
 * back to it before (withFiguresRejoined); anywhere else a lone figure stays, a row the template has not.
 */
function withoutPageNumbers3(candidates: readonly CandidateRow[]): CandidateRow[] {
  return withoutPageNumbers(candidates, (k) => {
    const cand = candidates[k]!;
    const prev = candidates[k - 1];
    const next = candidates[k + 1];
    return cand.labels.length === 0 && loneFigure(cand) && !!prev && prev.values.length === TABLE3_COLUMNS.length && !!next && next.labels.length > 0;
  });
}

/**
 * A leaf row's numbering parted from its label (`1. 属于国家秘密`, `1 属于国家秘密` where spaces part cells, or `1.` on a
 * line of its own): read as a figure, it ended a row of its own (the group's label with one figure: （六）其他处理 with
 * a figure was the 2019 form) and left the leaf's label without its number. A row whose only value is a number 1 to 9
 * (with or without its dot), before a row whose label is the leaf numbered so, gives that row its labels and the number
 * as a label cell.
 */
function withNumberingRejoined(read: readonly CandidateRow[]): CandidateRow[] {
  const candidates = [...read];
  const out: CandidateRow[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const cand = candidates[k]!;
    const next = candidates[k + 1];
    const last = cand.values[cand.values.length - 1];
    // Alone (the row before it ended with its figures, or a group's label stands before it), or one more than the
    // columns: in a layout with no row breaks the number joins the run of the row before's figures.
    const alone = cand.values.length === 1;
    const after = cand.values.length === TABLE3_COLUMNS.length + 1 && cand.trailingEmpties.length === 0;
    const number = last && (alone || after) ? leafNumber(last) : undefined;
    // A leaf whose label carries its numbering already (1.本机关不掌握…) takes none: the figure is the row's own (a
    // column more than the template's, 小计, ended the row before with it).
    if (!next || number === undefined || next.labels.length === 0 || !numbersLeaf(number, joinedKey(next.labels).key) || numbered(next.labels, number)) {
      out.push(cand);
      continue;
    }
    const numbering: StreamCell = { ...last!, kind: 'text', value: undefined, decimals: 0 };
    if (alone) {
      // Read on as the next row (its own last figure may number the row after it).
      candidates[k + 1] = { ...next, labels: [...cand.labels, numbering, ...next.labels], emptiesAfter: [...cand.emptiesAfter, [], ...next.emptiesAfter] };
    } else {
      out.push({ ...cand, values: cand.values.slice(0, -1) });
      candidates[k + 1] = { ...next, labels: [numbering, ...next.labels], emptiesAfter: [[], ...next.emptiesAfter] };
    }
  }
  return out;
}

/** Whether one of the label cells starts with the numbering `n` (1. 1、 1．). */
function numbered(labels: readonly StreamCell[], n: number): boolean {
  return labels.some((l) => new RegExp(`^\\s*${n}\\s*[.、．]`).test(toHalfWidth(l.text)));
}

/** The number of a cell that may be a leaf's numbering (1 to 9, a dot or 、 after it or not), else undefined. */
function leafNumber(c: StreamCell): number | undefined {
  if (c.kind !== 'number' && c.kind !== 'invalid') return undefined;
  const m = /^([1-9])\s*[.、．]?$/.exec(toHalfWidth(c.text).trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * A row's last figure alone on a line after the row's other figures, in a text laid out in columns (pdftotext
 * -layout): the 总计 cell of a tall row printed at its top stands a line above its row, so the lone figure may be the
 * next row's as well as this one's. Read as this row's, （七）总计 "was 1, should be 41" on a correct table. Such a row,
 * and the next when it is a figure short, are marked scattered: no column is known of them (align.ts).
 */
function withLoneTotalsMarked(candidates: readonly CandidateRow[]): CandidateRow[] {
  const out = [...candidates];
  for (let k = 0; k < out.length; k++) {
    const { values } = out[k]!;
    const last = values[values.length - 1];
    const before = values[values.length - 2];
    if (!last || !before || last.x === undefined || !last.rowStart) continue;
    if (values.length !== TABLE3_COLUMNS.length) continue;
    out[k] = { ...out[k]!, scattered: true };
    const next = out[k + 1];
    if (next && next.labels.length > 0 && next.values.length === TABLE3_COLUMNS.length - 1) out[k + 1] = { ...next, scattered: true };
  }
  return out;
}

/** Whether a label (its key) is the one of a leaf row numbered `n` (1.属于国家秘密 for 1). */
function numbersLeaf(n: number, key: string): boolean {
  return KEYED.some((r) => r.spec.label.startsWith(`${n}.`) && r.keys.some((k) => k.length > SHORT_KEY - 3 && key.endsWith(k)));
}

/**
 * A row's figures broken over two lines (a PDF viewer's copied text ends a line inside a row: `0 0 0 0 0 0` then
 * `0`): a row short of the template's columns followed at once by figures with no label, exactly as many as it
 * lacks, takes them. Otherwise the row read short (a cell "lost"), and the figures as a row of their own.
 */
function withFiguresRejoined(candidates: readonly CandidateRow[]): CandidateRow[] {
  const out: CandidateRow[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const cand = candidates[k]!;
    const next = candidates[k + 1];
    const short = TABLE3_COLUMNS.length - cand.values.length;
    if (next && cand.labels.length > 0 && short > 0 && next.labels.length === 0 && next.values.length === short && cand.trailingEmpties.length === 0 && next.leadingEmpties.length === 0) {
      out.push({ ...cand, values: [...cand.values, ...next.values], trailingEmpties: next.trailingEmpties });
      k++;
    } else out.push(cand);
  }
  return out;
}

/** The candidate is the 2021 form's first （六） sub-row (1.申请人无正当理由逾期不补正…), by its label alone. */
function opensSubRows(next: CandidateRow | undefined): boolean {
  if (!next || next.labels.length === 0) return false;
  const first = indexOf('other.1');
  const match = bestMatch(joinedKey(next.labels).key, first, 1);
  return !!match?.exact && match.row.spec.id === 'other.1';
}

/**
 * A figure too wide for its narrow cell wrapped inside it (pdftotext -layout of a Word table: `102` over `0` for 1020):
 * its last digits alone on the next line, starting under the figure (in the same character column). Read apart, the
 * row's 总计 "was 102, should be 1020" on a correct table, and the digits were a row of their own. The row is marked
 * scattered (none of its sums is checked: which digits are whose is not known for sure) and the digits go with it. Not
 * where the next row is a figure short: the lone figure may be its 总计 printed a line above it (withLoneTotalsMarked).
 */
function withWrappedFiguresMarked(candidates: readonly CandidateRow[]): CandidateRow[] {
  const out: CandidateRow[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const cand = candidates[k]!;
    const prev = out[out.length - 1];
    const lone = cand.labels.length === 0 && cand.values.length === 1 ? cand.values[0]! : undefined;
    const next = candidates[k + 1];
    const nextShort = !!next && next.labels.length > 0 && next.values.length === TABLE3_COLUMNS.length - 1;
    if (prev && lone?.at !== undefined && lone.kind === 'number' && WRAPPED_DIGITS.test(lone.text) && !nextShort && prev.values.length === TABLE3_COLUMNS.length && prev.values.some((v) => under(lone, v))) {
      out[out.length - 1] = { ...prev, scattered: true };
      continue;
    }
    out.push(cand);
  }
  return out;
}

const WRAPPED_DIGITS = /^[0-9]{1,3}$/;

/** `lone` starts within the characters of figure `above` (both placed on their lines). */
function under(lone: StreamCell, above: StreamCell): boolean {
  return above.kind === 'number' && above.at !== undefined && lone.at! >= above.at && lone.at! < above.at + above.text.length;
}

/**
 * The end of a row's label wrapped past its figures onto a line of its own (a PDF row whose label cell wraps one
 * line more than its rule allows: `…政府信息公开申` / `请`): a row's label that ends a template label only with the
 * next row's first label cell takes that cell, when the next row keeps a label of its own. Otherwise the cell
 * opened the next row's label, and the row's own was called cut (table.label).
 */
function withLabelTailsRejoined(candidates: readonly CandidateRow[]): CandidateRow[] {
  const out: CandidateRow[] = [];
  for (const cand of candidates) {
    const prev = out[out.length - 1];
    const tail = cand.labels[0];
    // A template label that begins in the row's label and ends with the tail (not one the tail is all of: a row's own
    // label after a row whose label is complete).
    if (prev && prev.values.length > 0 && cand.labels.length >= 2 && tail && labelKey(tail.text).length <= MAX_LABEL_TAIL && endsLabelBegun(prev.labels, tail)) {
      // The empty cells beside the tail are its line's, not the row's (the row's figures stand on the line before).
      out[out.length - 1] = { ...prev, labels: [...prev.labels, tail], emptiesAfter: [...prev.emptiesAfter, []] };
      out.push({ ...cand, labels: cand.labels.slice(1), emptiesAfter: cand.emptiesAfter.slice(1) });
      continue;
    }
    out.push(cand);
  }
  return out;
}

/**
 * A subtotal row an agency added under a group (（三）不予公开小计) after rows left blank: the blank rows' labels piled in
 * front of it go on in front of the next row's, as in front of any row with figures (they are the template's rows,
 * read there with no numbers: no row "missing"); the subtotal keeps its own label cell, no template row.
 */
function withSubtotalsApart(candidates: readonly CandidateRow[]): CandidateRow[] {
  const out = [...candidates];
  for (let k = 0; k + 1 < out.length; k++) {
    const cand = out[k]!;
    const n = cand.labels.length;
    if (n < 2 || !namesSubtotal(labelKey(cand.labels[n - 1]!.text))) continue;
    const next = out[k + 1]!;
    out[k] = { ...cand, labels: cand.labels.slice(n - 1), emptiesAfter: cand.emptiesAfter.slice(n - 1) };
    out[k + 1] = { ...next, labels: [...cand.labels.slice(0, n - 1), ...next.labels], emptiesAfter: [...cand.emptiesAfter.slice(0, n - 1), ...next.emptiesAfter] };
  }
  return out;
}

// Not （七）合计, the total's own variant: 合计 only after a group's name.
const SUBTOTAL_ENDS = ['小计', '公开合计', '提供合计', '处理合计'];

/** Whether a label's key names a subtotal an agency added (it ends with one of SUBTOTAL_ENDS). */
function namesSubtotal(key: string): boolean {
  for (const end of SUBTOTAL_ENDS) if (key.endsWith(end)) return true;
  return false;
}

/** The most characters a label's wrapped end on a line of its own may have. */
const MAX_LABEL_TAIL = 12;

/**
 * A skipped row's label is in the row's label cells: anywhere in their text for a long label (a label wrapped over
 * cells), but a short one (“其他”) must end a cell: inside another label (“（六）其他处理”) it names no row.
 */
function namesRow(cand: CandidateRow, key: string, rowKey: string): boolean {
  if (rowKey.length > SHORT_KEY) return key.includes(rowKey);
  return cand.labels.some((l) => labelKey(l.text).endsWith(rowKey));
}

function indexOf(id: string): number {
  return KEYED.findIndex((k) => k.spec.id === id);
}

function isLegacyAlternative(skipped: Table3RowSpec, matched: Table3RowSpec): boolean {
  return skipped.id === 'other' && matched.id.startsWith('other.');
}

/** The 2019 single （六） row named in front of its 2021 sub-rows is their group label, not a row without numbers. */
function isGroupOfPresentRows(skipped: KeyedRow, key: string): boolean {
  return skipped.spec.id === 'other' && KEYED.some((k) => k.spec.id.startsWith('other.') && k.keys.some((sk) => key.includes(sk) && sk.length > SHORT_KEY));
}

/** A row key this short (“其他”) may stand inside another row's label, so it names a row only where it ends a cell. */
const SHORT_KEY = 4;

type Match = { row: KeyedRow; index: number; key: string; keyLength: number; exact: boolean };

// The answer depends on the label and the position alone; typing in a cell
// re-reads the table, and its 25 rows' labels have not changed.
const MAX_MATCHES_KNOWN = 5_000;
const knownMatches = memoByText((memoKey: string) => {
  const [pointer, window] = memoKey.split('|', 2).map(Number) as [number, number];
  return searchMatch(memoKey.slice(memoKey.indexOf('|', memoKey.indexOf('|') + 1) + 1), pointer, window);
}, MAX_MATCHES_KNOWN);

/**
 * The template row a candidate's label names: as written, or, where that is no exact match, without the note in
 * brackets that ends its label (（二）部分公开（区分处理的只计这一情形）, a note worded otherwise than the template's);
 * the candidate the row is then read from has the note out of its label.
 */
function matchWithOrWithoutNote(cand: CandidateRow, pointer: number, window: number): { cand: CandidateRow; joined: JoinedKey; best: Match | undefined } {
  const joined = joinedKey(cand.labels);
  // A subtotal an agency added under a group (（六）其他处理小计): no template row. Read as one, it was the 2019 form's
  // single （六） row (table.legacy on a 2021 table).
  if (namesSubtotal(joined.key)) return { cand, joined, best: undefined };
  const best = bestMatch(joined.key, pointer, window);
  if (best?.exact) return { cand, joined, best };
  const bare = labelWithoutNote(cand);
  if (!bare) return { cand, joined, best };
  const bareJoined = joinedKey(bare.labels);
  const bareBest = bareJoined.key ? bestMatch(bareJoined.key, pointer, window) : undefined;
  return bareBest?.exact ? { cand: bare, joined: bareJoined, best: bareBest } : { cand, joined, best };
}

/**
 * The candidate with the note in brackets that ends its last label cell (or opens there, cut where the cell wrapped)
 * left out of its label (a cell that is only the note is left out whole, the empty cells after it following the cell before); undefined where it has none.
 */
function labelWithoutNote(cand: CandidateRow): CandidateRow | undefined {
  const n = cand.labels.length;
  const last = cand.labels[n - 1];
  if (!last) return undefined;
  // A note left open where the cell wrapped goes too: its rest is on a line of its own.
  const closed = trailingNoteStart(last.text);
  const at = closed >= 0 ? closed : openNoteStart(last.text);
  if (at < 0) return undefined;
  const kept = last.text.slice(0, at).trimEnd();
  if (kept === '') {
    if (n < 2) return undefined;
    const emptiesAfter = cand.emptiesAfter.slice(0, n - 1);
    emptiesAfter[n - 2] = [...emptiesAfter[n - 2]!, ...cand.emptiesAfter[n - 1]!];
    return { ...cand, labels: cand.labels.slice(0, n - 1), emptiesAfter };
  }
  // The cell's range keeps its start; its end is the kept words' (a cell wrapped over lines keeps its range whole).
  const oneLine = last.range.end - last.range.start === last.text.length;
  const range = oneLine ? { start: last.range.start, end: last.range.start + kept.length } : last.range;
  return { ...cand, labels: [...cand.labels.slice(0, n - 1), { ...last, text: kept, range }] };
}

function bestMatch(key: string, pointer: number, window: number): Match | undefined {
  return knownMatches(`${pointer}|${window}|${key}`);
}

function searchMatch(key: string, pointer: number, window: number): Match | undefined {
  let best: { row: KeyedRow; index: number; key: string; keyLength: number; score: number } | undefined;
  const last = Math.min(KEYED.length, pointer + window);
  // Where a row's key ends the label, no near match (at most rows.ts NEAR_SUFFIX_MAX) can be the best: only keys that end it
  // are scored, and no longest common subsequence is computed.
  let anyExact = false;
  for (let i = pointer; i < last && !anyExact; i++) for (const k of KEYED[i]!.keys) if (k && key.endsWith(k)) anyExact = true;
  for (let i = pointer; i < last; i++) {
    const row = KEYED[i]!;
    for (const k of row.keys) {
      if (anyExact && !key.endsWith(k)) continue;
      const score = suffixScore(key, k);
      // Prefer the longer key on ties: "其他" is a suffix of many things.
      if (score >= MATCH_THRESHOLD && (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && k.length > best.keyLength))) {
        best = { row, index: i, key: k, keyLength: k.length, score };
      }
    }
  }
  return best && { row: best.row, index: best.index, key: best.key, keyLength: best.keyLength, exact: best.score === 1 };
}

/**
 * How a row was read, for reading it alone again when only its figures
 * changed (parse/retyped-cell.ts): its candidate row of cells, the template
 * row it matched and by which key, and where the shape problem its alignment
 * raised is in the table's list. Kept beside a table read again for a
 * keystroke (readTable3's keepSources), not in the model, for as long as the
 * table lives.
 */
export interface RowSource {
  /** The candidate as it was read; its offsets are `shift` behind the row's (the row moved since). */
  readonly cand: CandidateRow;
  readonly shift: number;
  readonly spec: Table3RowSpec;
  readonly key: string;
  /** Where the shape problem its alignment raised is in the table's list (-1: none). */
  readonly problemIndex: number;
  /** Where the table's layout places cells (grid.ts). */
  readonly placing: Placing;
}

/** A table's row sources, index by index with its rows (undefined: a row the text has no numbers for), all `shift` behind. */
interface TableSources {
  readonly rows: readonly (RowSource | undefined)[];
  readonly shift: number;
}

// One record a table (not a row): a keystroke above the table moves it whole, which costs one record, not one a row.
const sourcesOf = new WeakMap<Table3, TableSources>();

/** How row `r` of `table` was read, at the offsets of the row now; undefined if it was not read from a candidate row. */
export function rowSource(table: Table3, r: number): RowSource | undefined {
  const record = sourcesOf.get(table);
  const source = record?.rows[r];
  return source && record.shift !== 0 ? { ...source, shift: source.shift + record.shift } : source;
}

/** The candidate row `source` was read from, at the offsets of its row now. */
export function candidateOf(source: RowSource): CandidateRow {
  const { cand, shift } = source;
  if (shift === 0) return cand;
  // Every cell moves by `shift`: a move of everything from offset 0 on.
  const whole: Move = { movedFrom: 0, shift, insertion: false };
  const move = (c: StreamCell): StreamCell => movedStreamCell(c, whole);
  return {
    labels: cand.labels.map(move),
    emptiesAfter: cand.emptiesAfter.map((empties) => empties.map(move)),
    values: cand.values.map(move),
    leadingEmpties: cand.leadingEmpties.map(move),
    trailingEmpties: cand.trailingEmpties.map(move),
    ...(cand.width !== undefined ? { width: cand.width, at: cand.at } : {}),
  };
}

/** `after` is `before` moved whole by `shift` (parse/move-parts.ts): its rows keep their sources. */
export function movedWhole(before: Table3, after: Table3, shift: number): void {
  const record = sourcesOf.get(before);
  if (record) sourcesOf.set(after, { rows: record.rows, shift: record.shift + shift });
}

/**
 * `after` is `before` with row `r` read again from `source` (retyped-cell.ts),
 * the rows after it moved by `shift`.
 */
export function retypedRow(before: Table3, after: Table3, r: number, source: RowSource, shift: number): void {
  const record = sourcesOf.get(before);
  if (!record) return;
  const rows = record.rows.map((s, k) => (s === undefined || k < r ? s : k === r ? { ...source, shift: source.shift - record.shift } : { ...s, shift: s.shift + shift }));
  sourcesOf.set(after, { rows, shift: record.shift });
}

/**
 * A row's cells in the template's columns where the header put them in another order and was read whole: a row with
 * one figure to each column is read by it; any other is uncertain (its alignment assumed the template's order).
 */
function readByHeader(aligned: Alignment, cand: CandidateRow, columns: ColumnOrder | undefined): Alignment {
  if (!columns?.reordered || !columns.order) return aligned;
  if (aligned.alignment === 'exact' && cand.values.length === TABLE3_COLUMNS.length) return { ...aligned, cells: inTemplateOrder(aligned.cells, columns.order) };
  return { ...aligned, cells: aligned.cells.map((c) => ({ ...c, certain: false })) };
}

/** The row `source` describes, read again from `cand` (its candidate, at the row's offsets, with figures retyped), its shape problem, and its source now. */
export function readRowAgain(source: RowSource, cand: CandidateRow): { row: TableRow; problem: ShapeProblem | undefined; source: RowSource } {
  const problems: ShapeProblem[] = [];
  const row = buildRow(source.spec, cand, source.key, problems, undefined, source.placing);
  const problem = problems[0];
  return { row, problem, source: { ...source, cand, shift: 0, problemIndex: problem ? source.problemIndex : -1 } };
}

function uncertainRow(row: TableRow): TableRow {
  return { ...row, cells: row.cells.map((c) => ({ ...c, certain: false })) };
}

/**
 * The placing, with the header's columns where the table is laid out in columns of spaces (pdf-rows: a text browser's
 * dump, pdftotext -layout) and its header names them (header-columns.ts); no grid is then found.
 */
function withHeaderColumns(placing: Placing, header: readonly StreamCell[], candidates: readonly CandidateRow[], layout: TableLayout): Placing {
  if (layout !== 'pdf-rows' || placing.grid !== undefined) return placing;
  const columns = headerColumns(header, candidates, COLUMN_LABELS);
  return columns ? { ...placing, columns } : placing;
}

/**
 * The candidate rows of a table placed by its header's columns: a row whose figures stand on two lines joined
 * (rowOverTwoLines), and each one's labels with a group's label pieces out of the leaf labels they cut (labelsByColumn).
 */
function withLabelsByColumn(candidates: readonly CandidateRow[], placing: Placing): CandidateRow[] {
  const columns = placing.columns;
  if (!columns) return [...candidates];
  const joined: CandidateRow[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const next = candidates[k + 1];
    const row = next && rowOverTwoLines(candidates[k]!, next, columns, TABLE3_TOTAL_COLUMN);
    joined.push(row ?? candidates[k]!);
    if (row) k++;
  }
  return withLabelRestsRejoined(joined, columns.metric).map((cand) => {
    const byColumn = labelsByColumn(cand.labels, cand.emptiesAfter, columns.metric);
    return byColumn ? { ...cand, ...byColumn } : cand;
  });
}

/**
 * A row's label whose rest the text browser drew on the lines after its figures (labelRestBelow), in the next row's
 * labels beside a group's label: taken back where the row's label then ends a template label it only began (as
 * withLabelTailsRejoined, of any length: the rest's column says whose it is).
 */
function withLabelRestsRejoined(candidates: readonly CandidateRow[], metric: ColumnMetric): CandidateRow[] {
  const out = [...candidates];
  for (let k = 0; k + 1 < out.length; k++) {
    const prev = out[k]!;
    const next = out[k + 1]!;
    if (prev.values.length === 0) continue;
    const j = labelRestBelow(prev, next, metric);
    if (j === undefined || !endsLabelBegun(prev.labels, next.labels[j]!)) continue;
    out[k] = { ...prev, labels: [...prev.labels, next.labels[j]!], emptiesAfter: [...prev.emptiesAfter, []] };
    out[k + 1] = { ...next, labels: next.labels.filter((_, i) => i !== j), emptiesAfter: next.emptiesAfter.filter((_, i) => i !== j) };
  }
  return out;
}

/** Whether `tail` after `labels` ends a template label that begins in them and that they do not end already. */
function endsLabelBegun(labels: readonly StreamCell[], tail: StreamCell): boolean {
  const before = joinedKey(labels).key;
  const after = before + labelKey(tail.text);
  for (const row of KEYED) {
    for (const k of row.keys) if (k.length > SHORT_KEY && after.endsWith(k) && after.length - k.length < before.length && !before.endsWith(k)) return true;
  }
  return false;
}

// The words that start 表三's first rows: the header is what stands before them.
const FIRST_ROW_WORDS = /新收|上年结转/;

/**
 * 表三's header: its cells before the first row's label (the part of a cell before it, where a flattened page ran the
 * header and the label together) or before its first figure.
 */
const COLUMN_LABELS = TABLE3_COLUMNS.map((c) => c.label);
const ADDED_TO_TABLE3: AddedColumnsOf = { added: TABLE3_ADDED_COLUMNS, narrowest: TABLE3_COLUMNS.length + 1, total: TABLE3_COLUMNS[TABLE3_TOTAL_COLUMN]!.label };

function headerCells(cells: readonly StreamCell[]): StreamCell[] {
  const header: StreamCell[] = [];
  for (const c of cells) {
    if (c.kind === 'number') break;
    const at = c.kind === 'text' ? c.text.search(FIRST_ROW_WORDS) : -1;
    if (at >= 0) {
      if (at > 0) header.push({ ...c, text: c.text.slice(0, at), range: { start: c.range.start, end: c.range.start + at } });
      break;
    }
    header.push(c);
  }
  return header;
}

/** `joined`: the candidate's label key, where the reading made it to match the row. */
function buildRow(spec: Table3RowSpec, cand: CandidateRow, matchedKey: string, problems: ShapeProblem[], columns?: ColumnOrder, placing: Placing = {}, joined?: JoinedKey): TableRow {
  const leaf = leafLabel(cand.labels, matchedKey, joined);
  const aligned = readByHeader(alignValues(cand, TABLE3_COLUMNS.length, TABLE3_TOTAL_COLUMN, placing), cand, columns);
  const range = rowSpan(leaf.range, cand.values);
  if (aligned.problem) problems.push(alignmentProblem(aligned.problem, spec.label, range));
  // The row holds all its cells, blank ones after the last value included (a blank total).
  const cellsEnd = furthestEnd(range.end, aligned.cells);
  return { id: spec.id, label: { text: leaf.text, range: leaf.range }, cells: aligned.cells, alignment: aligned.alignment, foundValues: cand.values.length, range: { start: range.start, end: cellsEnd } };
}

/**
 * The label at `index` wrapped onto the label cells after it, as one cell, where they end a key of the row: a PDF's
 * text writes each line of a cell as a cell (`1.申请人无正当理由逾期不补正、行政机关` / `不再处理其政府信息公开申请`),
 * and a row with no figures has nothing between them. Else undefined.
 */
function wrappedLabel(cand: CandidateRow, index: number, keys: readonly string[]): StreamCell | undefined {
  const first = cand.labels[index];
  if (!first) return undefined;
  let joined = labelKey(first.text);
  let text = first.text;
  for (let j = index + 1; j < cand.labels.length && j <= index + MAX_WRAPPED_LINES; j++) {
    if ((cand.emptiesAfter[j - 1]?.length ?? 0) > 0) return undefined;
    const next = cand.labels[j]!;
    joined += labelKey(next.text);
    text += next.text;
    if (keys.some((k) => joined.endsWith(k))) return { ...first, text, range: { start: first.range.start, end: next.range.end } };
  }
  return undefined;
}

/** The most lines after its first a 表三 label's cell wraps onto (the longest label, in a narrow column). */
const MAX_WRAPPED_LINES = 3;

function emptyRow(row: KeyedRow, cand: CandidateRow, problems: ShapeProblem[], placing: Placing): TableRow {
  // The row's label sits in front of the next row's label, with no numbers after it: the cell that ends with one of
  // its keys, else the first that holds the start of its label (several rows share a start: 属于行政执法案卷, 属于行政查询事项).
  const head = row.keys[0]!.slice(0, 4);
  const named = cand.labels.findIndex((l) => row.keys.some((k) => labelKey(l.text).endsWith(k)));
  const index = named >= 0 ? named : Math.max(0, cand.labels.findIndex((l) => labelKey(l.text).includes(head)));
  const cell = named < 0 ? wrappedLabel(cand, index, row.keys) ?? cand.labels[index]! : cand.labels[index]!;
  const last = cell === cand.labels[index] ? index : cand.labels.findIndex((l) => l.range.end === cell.range.end);
  // In a grid the empty cells after a row's label run to its end: the last of them are its columns.
  // Under a header that places the columns, a row with no figure on its line has all its cells blank.
  const empties = placing.columns ? TABLE3_COLUMNS.map(() => emptyCellAt(cell.range.end)) : cand.emptiesAfter[last] ?? [];
  const { cells, exact } = rowWithoutValues(cell, empties, TABLE3_COLUMNS.length, placing.grid !== undefined);
  if (!exact) problems.push({ kind: 'row-cells', range: cell.range, detail: { what: 'no-values', row: row.spec.label } });
  const end = cells[cells.length - 1]!.range.end;
  return { id: row.spec.id, label: { text: cell.text, range: cell.range }, cells, alignment: exact ? 'exact' : 'unaligned', foundValues: 0, range: { start: cell.range.start, end: Math.max(end, cell.range.end) } };
}
