// The 勾稽关系 of a report as data: every identity "Σ left = Σ right" over
// table cells. Rules report the broken ones, hovers show the ones a cell takes
// part in, and the repair solver looks for the one cell that mends them all.

import type { Cell, Report } from './model';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE3_TOTAL_COLUMN, TABLE4_COLUMNS, TABLE4_GROUPS } from './template';

export type IdentityKind = 't3.row' | 't3.column' | 't3.balance' | 't4.group';

export interface Term {
  label: string;
  cell: Cell;
}

export interface Identity {
  kind: IdentityKind;
  /** What the identity is about: "一、本年新收…" for a row, "自然人" for a column, "行政复议" for a group. */
  subject: string;
  left: Term[];
  right: Term[];
}

export interface Evaluation {
  identity: Identity;
  left: number;
  right: number;
  holds: boolean;
}

/** Short row label for messages: "（二）部分公开（区分处理的…）" loses its note. */
export function t3ShortLabel(id: string): string {
  const label = TABLE3_ROWS.find((r) => r.id === id)?.label ?? id;
  return label.replace(/（区分处理的[^）]*）$/, '');
}

const cache = new WeakMap<Report, Identity[]>();

/** Memoised per report, so rules, hovers and repairs share the same Identity objects. */
export function reportIdentities(report: Report): Identity[] {
  let identities = cache.get(report);
  if (!identities) cache.set(report, (identities = [...table3Identities(report), ...table4Identities(report)]));
  return identities;
}

function table3Identities(report: Report): Identity[] {
  const t3 = report.tables.t3;
  if (!t3) return [];
  const out: Identity[] = [];
  const columns = TABLE3_COLUMNS.map((c) => c.label);
  const row = (id: string) => t3.rows.find((r) => r.id === id);
  for (const r of t3.rows) {
    const total = r.cells[TABLE3_TOTAL_COLUMN];
    if (!total) continue;
    out.push({
      kind: 't3.row',
      subject: t3ShortLabel(r.id),
      left: [{ label: '总计', cell: total }],
      right: r.cells.slice(0, TABLE3_TOTAL_COLUMN).map((cell, c) => ({ label: columns[c]!, cell })),
    });
  }
  const totalRow = row('total');
  const outcomeIds = new Set(TABLE3_ROWS.filter((r) => r.outcome && (t3.legacy ? !r.id.startsWith('other.') : r.id !== 'other')).map((r) => r.id));
  const leaves = t3.rows.filter((r) => outcomeIds.has(r.id));
  // A missing or unrecognised leaf row would make a correct total look wrong.
  const leavesComplete = leaves.length === outcomeIds.size && !t3.problems.some((p) => p.kind === 'row-unknown');
  const [received, carried, forward] = ['new', 'carried', 'forward'].map(row);
  columns.forEach((column, c) => {
    if (totalRow?.cells[c] && leavesComplete) {
      out.push({
        kind: 't3.column',
        subject: column,
        left: [{ label: '（七）总计', cell: totalRow.cells[c]! }],
        right: leaves.filter((l) => l.cells[c]).map((l) => ({ label: t3ShortLabel(l.id), cell: l.cells[c]! })),
      });
    }
    if (received?.cells[c] && carried?.cells[c] && totalRow?.cells[c] && forward?.cells[c]) {
      out.push({
        kind: 't3.balance',
        subject: column,
        left: [{ label: '一', cell: received.cells[c]! }, { label: '二', cell: carried.cells[c]! }],
        right: [{ label: '（七）', cell: totalRow.cells[c]! }, { label: '四', cell: forward.cells[c]! }],
      });
    }
  });
  return out;
}

function table4Identities(report: Report): Identity[] {
  const t4 = report.tables.t4;
  if (!t4) return [];
  const width = TABLE4_COLUMNS.length;
  return TABLE4_GROUPS.flatMap((g, k) => {
    const cells = t4.cells.slice(k * width, k * width + width);
    if (cells.length < width) return [];
    return [{
      kind: 't4.group' as const,
      subject: g.parent ? `${g.parent}（${g.label}）` : g.label,
      left: [{ label: '总计', cell: cells[width - 1]! }],
      right: cells.slice(0, width - 1).map((cell, c) => ({ label: TABLE4_COLUMNS[c]!.label, cell })),
    }];
  });
}

/** Value for arithmetic, or undefined when the cell cannot take part (guessed, lost, not a number). */
export function termValue(cell: Cell): number | undefined {
  return cell.certain ? cell.value : undefined;
}

/** Undefined when some cell cannot be read with certainty: such identities are never reported. */
export function evaluate(identity: Identity): Evaluation | undefined {
  const left = sum(identity.left);
  const right = sum(identity.right);
  if (left === undefined || right === undefined) return undefined;
  return { identity, left, right, holds: left === right };
}

function sum(terms: Term[]): number | undefined {
  let s = 0;
  for (const t of terms) {
    const v = termValue(t.cell);
    if (v === undefined) return undefined;
    s += v;
  }
  return Math.round(s * 1e6) / 1e6;
}

export function involves(identity: Identity, cell: Cell): boolean {
  return identity.left.some((t) => t.cell === cell) || identity.right.some((t) => t.cell === cell);
}

/** The value `cell` must take for `identity` to hold, the other cells kept. */
export function requiredValue(identity: Identity, cell: Cell): number | undefined {
  const onLeft = identity.left.some((t) => t.cell === cell);
  const others = (terms: Term[]) => sum(terms.filter((t) => t.cell !== cell));
  const same = others(onLeft ? identity.left : identity.right);
  const opposite = sum(onLeft ? identity.right : identity.left);
  if (same === undefined || opposite === undefined) return undefined;
  return Math.round((opposite - same) * 1e6) / 1e6;
}
