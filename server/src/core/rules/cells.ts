// Rules on single cells: cell.blank, cell.invalid, cell.unit, cell.precision.

import { keepsPartRecords } from '../caches';
import { messagesFor, type Messages } from '../i18n';
import type { CellPlace } from '../i18n/types';
import type { Cell, Report, Table2Block, Table4, TableRow } from '../model';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS, table2Form, type Table2ValueKind } from '../template';
import { determinedBlanks, isBlank, reportIdentities, termValue, type Determination } from '../identities';
import { toHalfWidth } from '../text/normalize';
import { countWithUnit, noteMarkedFigure, ZERO_CHARACTER } from '../text/numbers';
import { finding, type Finding, type Rule } from './types';

interface TableCell {
  cell: Cell;
  /** Where it is, as data: the catalogs word it (the list is cached per report, whatever the language). */
  place: CellPlace;
  /** What its column holds (表三 and 表四: counts); a 表二 block is judged by the edition it follows. */
  kind: Table2ValueKind;
  /** The template's column label (表四: the group and the column). */
  column: string;
  statedDecimals?: number | undefined;
}

const cellsCache = new WeakMap<Report, TableCell[]>();

/** Every cell read with certainty, with where it is; built once per report for the four cell rules. */
function tableCells(report: Report): TableCell[] {
  let cells = cellsCache.get(report);
  if (!cells) cellsCache.set(report, (cells = collectCells(report)));
  return cells;
}

function collectCells(report: Report): TableCell[] {
  // Only cells read with certainty. Kept by the part of the model they come from: a keystroke in a figure
  // makes a new report whose other rows and blocks are the previous version's (parse/retyped-cell.ts).
  const out: TableCell[] = [];
  // Pushed one by one, not spread: a spread's arguments are copied once more.
  for (const block of report.tables.t2?.blocks ?? []) for (const c of partCells(block, blockCells)) out.push(c);
  for (const row of report.tables.t3?.rows ?? []) for (const c of partCells(row, t3RowCells)) out.push(c);
  if (report.tables.t4) for (const c of partCells(report.tables.t4, t4Cells)) out.push(c);
  return out;
}

const partCache = new WeakMap<object, TableCell[]>();

function partCells<P extends object>(part: P, collect: (part: P) => TableCell[]): TableCell[] {
  // A batch's report is checked once (caches.ts keepsPartRecords): no part's cells are asked for again.
  if (!keepsPartRecords()) return collect(part);
  let cells = partCache.get(part);
  if (!cells) partCache.set(part, (cells = collect(part)));
  return cells;
}

function blockCells(block: Table2Block): TableCell[] {
  const out: TableCell[] = [];
  const form = table2Form(TABLE2_BLOCKS.find((b) => b.id === block.id)!, block.legacy);
  for (const row of block.rows) {
    // One place object a row.
    const place: CellPlace = { table: 't2', label: form.rows.find((r) => r.id === row.id)?.label ?? row.label.text };
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i]!;
      if (cell.certain) out.push({ cell, place, kind: form.columns[i]?.kind ?? 'count', column: form.columns[i]?.label ?? '', statedDecimals: block.statedDecimals });
    }
  }
  return out;
}

function t3RowCells(row: TableRow): TableCell[] {
  const out: TableCell[] = [];
  const place: CellPlace = { table: 't3', label: row.label.text.trim() || row.id };
  for (let c = 0; c < row.cells.length; c++) {
    const cell = row.cells[c]!;
    if (cell.certain) out.push({ cell, place, kind: 'count', column: TABLE3_COLUMNS[c]?.label ?? '' });
  }
  return out;
}

function t4Cells(t4: Table4): TableCell[] {
  const out: TableCell[] = [];
  const place: CellPlace = { table: 't4' };
  for (let k = 0; k < t4.cells.length; k++) {
    const cell = t4.cells[k]!;
    if (cell.certain) out.push({ cell, place, kind: 'count', column: TABLE4_CELL_COLUMNS[k] ?? TABLE4_COLUMNS[k % TABLE4_COLUMNS.length]!.label });
  }
  return out;
}

/** 表四's cells in reading order, each named by its group and its column ("行政复议·结果维持"). */
const TABLE4_CELL_COLUMNS: readonly string[] = TABLE4_GROUPS.flatMap((group) =>
  TABLE4_COLUMNS.map((column) => `${group.parent ? `${group.parent}（${group.label}）` : group.label}·${column.label}`),
);

/**
 * More blank cells than this in one table are one finding for the table (a
 * report that follows "empty means 0" leaves dozens), not one per cell.
 */
const MANY_BLANKS = 3;
/** How many of the many blanks are listed as related locations. */
const LISTED_BLANKS = 5;

export const cellBlank: Rule = {
  code: 'cell.blank',
  name: '应填数字的单元格为空',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    const determined = determinedBlanks(report);
    const blanks = tableCells(report).filter(({ cell }) => isBlank(cell));
    return (['t2', 't3', 't4'] as const).flatMap((table) => {
      const inTable = blanks.filter((b) => b.place.table === table);
      if (inTable.length === 0) return [];
      if (inTable.length > MANY_BLANKS) return [manyBlanks(report, table, inTable, determined, m)];
      // "Fix all" applies every blank's fill at once: each 0 is offered only if all of them together break no sum either.
      const together = fillsKeepSums(report, new Map(inTable.map(({ cell }) => [cell, determined.get(cell)?.value ?? 0] as const)));
      return inTable.map((b) => oneBlank(report, b, determined.get(b.cell), together, m));
    });
  },
};

function oneBlank(report: Report, { cell, place, column }: TableCell, determined: Determination | undefined, together: boolean, m: Messages): Finding {
  const says = m['cell.blank'];
  if (!determined) {
    // 0 is offered only where it breaks no sum the other cells decide (a blank whose sums disagree on its value has none),
    // alone or with the table's other blanks filled.
    const fix = together && fillsKeepSums(report, new Map([[cell, 0]])) ? { fix: { title: says.fillZero, edits: [{ range: cell.range, newText: '0' }] } } : {};
    return finding(cellBlank, cell.range, says.message(where(m, place), column, cell), fix);
  }
  const { value, by } = determined;
  const total = by.left.length === 1 && by.left[0]!.cell === cell;
  return finding(cellBlank, cell.range, says.determined(where(m, place), column, cell, value, says.basis(by.kind, by.subject, total)), {
    fix: { title: says.fill(value), edits: [{ range: cell.range, newText: String(value) }] },
  });
}

/** One finding at the table's first blank, listing the first few, with a fix that fills them all. */
function manyBlanks(report: Report, table: 't2' | 't3' | 't4', blanks: TableCell[], determined: ReadonlyMap<Cell, Determination>, m: Messages): Finding {
  const says = m['cell.blank'];
  const more = Math.max(0, blanks.length - LISTED_BLANKS);
  const related = blanks.slice(0, LISTED_BLANKS).map(({ cell, place, column }) => ({ range: cell.range, message: says.manyPart(where(m, place), column, determined.get(cell)?.value) }));
  const fills = new Map(blanks.map(({ cell }) => [cell, determined.get(cell)?.value ?? 0] as const));
  const edits = blanks.map(({ cell }) => ({ range: cell.range, newText: String(fills.get(cell)) }));
  const safe = disjoint(edits) && fillsKeepSums(report, fills);
  return finding(cellBlank, blanks[0]!.cell.range, says.many(table, blanks.length, more), { related, ...(safe ? { fix: { title: says.fillAll(blanks.length), edits } } : {}) });
}

/**
 * Writing `fills` into the blanks breaks no sum: every identity they take part
 * in either still has an unknown or holds. (Such an identity could not be
 * evaluated before, so a break would be a new error made by the fix.)
 */
function fillsKeepSums(report: Report, fills: ReadonlyMap<Cell, number>): boolean {
  for (const identity of reportIdentities(report)) {
    if (!identity.left.some((t) => fills.has(t.cell)) && !identity.right.some((t) => fills.has(t.cell))) continue;
    const side = (ts: readonly { cell: Cell }[]) => {
      let sum = 0;
      for (const t of ts) {
        const v = fills.get(t.cell) ?? termValue(t.cell, identity.determined);
        if (v === undefined) return undefined;
        sum += v;
      }
      return sum;
    };
    const left = side(identity.left);
    const right = side(identity.right);
    if (left !== undefined && right !== undefined && Math.abs(left - right) > 1e-6) return false;
  }
  return true;
}

/** Whether no two edits touch (two insertions at one offset, or side by side, would run together). */
function disjoint(edits: readonly { range: { start: number; end: number } }[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  return sorted.every((e, i) => i === 0 || e.range.start > sorted[i - 1]!.range.end);
}

export const cellInvalid: Rule = {
  code: 'cell.invalid',
  name: '单元格不是合法的数',
  defaultSeverity: 'error',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    const says = m['cell.invalid'];
    const out: Finding[] = [];
    const written: WrittenFigure[] = [];
    for (const c of tableCells(report)) {
      const { cell, place, kind } = c;
      if (kind === 'fee' && isUnitProblem(cell)) continue; // cell.unit's
      const plain = plainFigure(c);
      if (plain !== undefined) written.push({ ...c, plain, zero: cell.kind === 'invalid' && ZERO_CHARACTER.test(cell.text.trim()) });
      else if (cell.kind === 'invalid') {
        const negative = /^\s*[-−－]/.test(cell.text);
        out.push(finding(cellInvalid, cell.range, negative ? says.negative(where(m, place), cell.text, kind === 'fee' || kind === 'amount') : says.notNumber(where(m, place), cell.text)));
      } else if (cell.kind === 'number' && (kind === 'count' || kind === 'change') && cell.decimals > 0) {
        out.push(finding(cellInvalid, cell.range, says.decimals(where(m, place), cell.text)));
      }
    }
    for (const table of ['t2', 't3', 't4'] as const) {
      const inTable = written.filter((z) => z.place.table === table);
      if (inTable.length) out.push(writtenFigures(report, table, inTable, m));
    }
    return out;
  },
};

/** A cell whose figure is clear but not written as a plain number, with the plain number. */
interface WrittenFigure extends TableCell {
  plain: string;
  /** 0 written as a character: the one sort whose reading is a guess, so its fix must keep the sums. */
  zero: boolean;
}

// An amount with the header's own unit (7.5万元, 0万): 元 alone is cell.unit's.
const AMOUNT_WITH_UNIT = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元?$/;

/**
 * The plain number a cell means, when only its writing is off: 0 as a
 * character (〇 ○ 零 O), a count or an amount with its unit or a note mark (39*), a count with
 * zero decimals (5.00, as a spreadsheet's number format pastes it). Such a
 * cell keeps its value in every sum; anything else (3.5 件, a note) is no
 * figure, and undefined.
 */
function plainFigure({ cell, kind }: TableCell): string | undefined {
  // Asked of every cell read with certainty: a plain number (most cells) is told without copying its text.
  if (cell.kind !== 'invalid' && !(cell.kind === 'number' && kind === 'count' && cell.decimals > 0)) return undefined;
  const text = toHalfWidth(cell.text).trim();
  if (cell.kind === 'invalid') {
    if (ZERO_CHARACTER.test(text)) return '0';
    if (kind === 'count') return countWithUnit(text) ?? noteMarkedFigure(text);
    return kind === 'fee' || kind === 'amount' ? AMOUNT_WITH_UNIT.exec(text)?.[1] ?? noteMarkedFigure(text) : undefined;
  }
  if (cell.kind === 'number' && kind === 'count' && cell.decimals > 0 && /\.0+$/.test(text)) return text.replace(/\.0+$/, '');
  return undefined;
}

/**
 * Figures written otherwise than as plain numbers in one table: one finding, a
 * warning (each figure is clear), listing the cells, with the fix that writes
 * each plainly. 0 as a character has its own wording, and its fix is offered
 * only where 0 breaks no sum.
 */
function writtenFigures(report: Report, table: 't2' | 't3' | 't4', cells: readonly WrittenFigure[], m: Messages): Finding {
  const says = m['cell.invalid'];
  const first = cells[0]!;
  const edits = cells.map(({ cell, plain }) => ({ range: cell.range, newText: plain }));
  const zeros = cells.filter((c) => c.zero);
  const safe = disjoint(edits) && (zeros.length === 0 || fillsKeepSums(report, new Map(zeros.map(({ cell }) => [cell, 0] as const))));
  const allZeros = zeros.length === cells.length;
  const title = allZeros ? says.writeZero(cells.length) : says.writePlain(cells.length, first.plain);
  const fix = safe ? { fix: { title, edits } } : {};
  const text = first.cell.text.trim();
  if (cells.length === 1) {
    const message = allZeros ? says.zeroCharacter(where(m, first.place), text) : says.plainOne(where(m, first.place), text, first.plain);
    return finding(cellInvalid, first.cell.range, message, { severity: 'warning', ...fix });
  }
  const listed = cells.slice(0, LISTED_BLANKS);
  const more = cells.length - listed.length;
  const related = listed.map(({ cell, place, column, plain }) => ({
    range: cell.range,
    message: allZeros ? says.zeroPart(where(m, place), column, cell.text.trim()) : says.plainPart(where(m, place), column, cell.text.trim(), plain),
  }));
  const message = allZeros ? says.zeroCharacters(table, cells.length, text, more) : says.plainMany(table, cells.length, text, first.plain, more);
  return finding(cellInvalid, first.cell.range, message, { severity: 'warning', related, ...fix });
}

export const cellUnit: Rule = {
  code: 'cell.unit',
  name: '收费金额单位错误',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['cell.unit'];
    return tableCells(report)
      .filter(({ cell, kind }) => kind === 'fee' && isUnitProblem(cell))
      .map(({ cell }) => {
        const yuan = Number(/\d+(?:\.\d+)?/.exec(toHalfWidth(cell.text).replace(/,/g, ''))?.[0]);
        return finding(cellUnit, cell.range, m.message(cell.text, Number.isFinite(yuan) ? formatWan(yuan / 10000) : undefined));
      });
  },
};

export const cellPrecision: Rule = {
  code: 'cell.precision',
  name: '小数位数与表头不符',
  defaultSeverity: 'hint',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['cell.precision'];
    return tableCells(report)
      .filter(({ cell, kind, statedDecimals }) => kind === 'fee' && statedDecimals !== undefined && cell.kind === 'number' && cell.value !== 0 && cell.decimals !== statedDecimals)
      .map(({ cell, statedDecimals }) => {
        const fixed = cell.value!.toFixed(statedDecimals);
        // Rounding away digits, or dropping thousands separators, is not ours to decide.
        const safe = cell.decimals < statedDecimals! && !cell.text.includes(',');
        return finding(cellPrecision, cell.range, m.message(statedDecimals!, cell.text, cell.decimals), safe ? { fix: { title: m.fix(fixed), edits: [{ range: cell.range, newText: fixed }] } } : {});
      });
  },
};

function where(m: Messages, place: CellPlace): string {
  return m.cells.where(place);
}

/** A money cell written in 元 instead of 万元. */
function isUnitProblem(cell: Cell): boolean {
  const t = toHalfWidth(cell.text);
  return /元/.test(t) && !/万元/.test(t);
}

function formatWan(x: number): string {
  return String(Math.round(x * 10000) / 10000);
}
