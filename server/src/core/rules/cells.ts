// Rules on single cells: cell.blank, cell.invalid, cell.unit, cell.precision.

import { messagesFor, type Messages } from '../i18n';
import type { CellPlace } from '../i18n/types';
import type { Cell, Report } from '../model';
import { TABLE2_BLOCKS, table2Form, type Table2ValueKind } from '../template';
import { evaluate, involves, reportIdentities, requiredValue } from '../identities';
import { toHalfWidth } from '../text/normalize';
import { finding, type Finding, type Rule } from './types';

interface TableCell {
  cell: Cell;
  /** Where it is, as data: the catalogs word it (the list is cached per report, whatever the language). */
  place: CellPlace;
  /** What its column holds (表三 and 表四: counts); a 表二 block is judged by the edition it follows. */
  kind: Table2ValueKind;
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
  const out: TableCell[] = [];
  for (const block of report.tables.t2?.blocks ?? []) {
    const form = table2Form(TABLE2_BLOCKS.find((b) => b.id === block.id)!, block.legacy);
    for (const row of block.rows) {
      const label = form.rows.find((r) => r.id === row.id)?.label ?? row.label.text;
      row.cells.forEach((cell, i) => out.push({ cell, place: { table: 't2', label }, kind: form.columns[i]?.kind ?? 'count', statedDecimals: block.statedDecimals }));
    }
  }
  for (const row of report.tables.t3?.rows ?? []) row.cells.forEach((cell) => out.push({ cell, place: { table: 't3', label: row.label.text.trim() || row.id }, kind: 'count' }));
  report.tables.t4?.cells.forEach((cell) => out.push({ cell, place: { table: 't4' }, kind: 'count' }));
  return out.filter((c) => c.cell.certain);
}

export const cellBlank: Rule = {
  code: 'cell.blank',
  name: '应填数字的单元格为空',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    return tableCells(report)
      .filter(({ cell }) => cell.kind === 'blank' || cell.kind === 'placeholder')
      .map(({ cell, place }) => {
        const value = determinedValue(report, cell);
        const title = value === undefined ? m['cell.blank'].fillZero : m['cell.blank'].fill(value);
        return finding(cellBlank, cell.range, m['cell.blank'].message(where(m, place), cell), {
          fix: { title, edits: [{ range: cell.range, newText: String(value ?? 0) }] },
        });
      });
  },
};

export const cellInvalid: Rule = {
  code: 'cell.invalid',
  name: '单元格不是合法的数',
  defaultSeverity: 'error',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    const says = m['cell.invalid'];
    const out: Finding[] = [];
    for (const { cell, place, kind } of tableCells(report)) {
      if (kind === 'fee' && isUnitProblem(cell)) continue; // cell.unit's
      if (cell.kind === 'invalid') {
        const negative = /^\s*[-−－]/.test(cell.text);
        out.push(finding(cellInvalid, cell.range, negative ? says.negative(where(m, place), cell.text, kind === 'fee' || kind === 'amount') : says.notNumber(where(m, place), cell.text)));
      } else if (cell.kind === 'number' && (kind === 'count' || kind === 'change') && cell.decimals > 0) {
        out.push(finding(cellInvalid, cell.range, says.decimals(where(m, place), cell.text)));
      }
    }
    return out;
  },
};

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

/**
 * The value the identities a blank cell takes part in determine (a blank total
 * is its row's sum), when they all agree; otherwise undefined (the fix writes 0).
 */
function determinedValue(report: Report, cell: Cell): number | undefined {
  const values = reportIdentities(report)
    .filter((i) => involves(i, cell) && evaluate(i) !== undefined)
    .map((i) => requiredValue(i, cell));
  const first = values[0];
  if (first === undefined || first < 0 || !Number.isInteger(first) || values.some((v) => v !== first)) return undefined;
  return first;
}
