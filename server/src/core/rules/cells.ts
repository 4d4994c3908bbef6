// Rules on single cells: cell.blank, cell.invalid, cell.unit, cell.precision.

import type { Cell, Report } from '../model';
import { TABLE2_BLOCKS } from '../template';
import { evaluate, involves, reportIdentities, requiredValue } from '../identities';
import { toHalfWidth } from '../text/normalize';
import { finding, type Finding, type Rule } from './types';

interface TableCell {
  cell: Cell;
  where: string;
  money: boolean;
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
    const spec = TABLE2_BLOCKS.find((b) => b.id === block.id)!;
    for (const row of block.rows) {
      const label = spec.rows.find((r) => r.id === row.id)?.label ?? row.label.text;
      row.cells.forEach((cell) => out.push({ cell, where: `表二“${label}”`, money: !!spec.money, statedDecimals: block.statedDecimals }));
    }
  }
  for (const row of report.tables.t3?.rows ?? []) row.cells.forEach((cell) => out.push({ cell, where: `表三“${row.label.text.trim() || row.id}”`, money: false }));
  report.tables.t4?.cells.forEach((cell) => out.push({ cell, where: '表四', money: false }));
  return out.filter((c) => c.cell.certain);
}

export const cellBlank: Rule = {
  code: 'cell.blank',
  name: '应填数字的单元格为空',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report }) {
    return tableCells(report)
      .filter(({ cell }) => cell.kind === 'blank' || cell.kind === 'placeholder')
      .map(({ cell, where }) => {
        const value = determinedValue(report, cell);
        const title = value === undefined ? '填写 0' : `填写 ${value}（由勾稽关系确定）`;
        return finding(cellBlank, cell.range, `${where}中有单元格${cell.kind === 'blank' ? '为空' : `填写为“${cell.text}”`}，模板要求填写数字（没有则填 0）。`, {
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
  check({ report }) {
    const out: Finding[] = [];
    for (const { cell, where, money } of tableCells(report)) {
      if (money && isUnitProblem(cell)) continue; // cell.unit's
      if (cell.kind === 'invalid') {
        const negative = /^\s*[-−－]/.test(cell.text);
        out.push(finding(cellInvalid, cell.range, negative ? `${where}中的“${cell.text}”是负数，${money ? '金额' : '件数'}不能为负。` : `${where}中的“${cell.text}”不是一个数字：单元格只应填写数字，说明文字请写在正文中。`));
      } else if (cell.kind === 'number' && !money && cell.decimals > 0) {
        out.push(finding(cellInvalid, cell.range, `${where}中的“${cell.text}”带有小数，件数应为整数。`));
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
  check({ report }) {
    return tableCells(report)
      .filter(({ cell, money }) => money && isUnitProblem(cell))
      .map(({ cell }) => {
        const yuan = Number(/\d+(?:\.\d+)?/.exec(toHalfWidth(cell.text).replace(/,/g, ''))?.[0]);
        return finding(cellUnit, cell.range, `收费金额单位应为万元，“${cell.text}”以元为单位${Number.isFinite(yuan) ? `（折合 ${formatWan(yuan / 10000)} 万元）` : ''}。`);
      });
  },
};

export const cellPrecision: Rule = {
  code: 'cell.precision',
  name: '小数位数与表头不符',
  defaultSeverity: 'hint',
  inputs: ['tables'],
  check({ report }) {
    return tableCells(report)
      .filter(({ cell, money, statedDecimals }) => money && statedDecimals !== undefined && cell.kind === 'number' && cell.value !== 0 && cell.decimals !== statedDecimals)
      .map(({ cell, statedDecimals }) => {
        const fixed = cell.value!.toFixed(statedDecimals);
        // Rounding away digits, or dropping thousands separators, is not ours to decide.
        const safe = cell.decimals < statedDecimals! && !cell.text.includes(',');
        return finding(cellPrecision, cell.range, `表头要求保留${statedDecimals}位小数，“${cell.text}”有 ${cell.decimals} 位。`, safe ? { fix: { title: `改为 ${fixed}`, edits: [{ range: cell.range, newText: fixed }] } } : {});
      });
  },
};

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
