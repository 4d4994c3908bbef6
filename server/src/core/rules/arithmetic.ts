// Shared helpers for the 勾稽关系 rules: an identity "total = a + b + …"
// over cells, checked only when every cell was read with certainty.

import type { Cell } from '../model';
import type { Related } from './types';

export interface Term {
  label: string;
  cell: Cell;
}

export interface IdentityResult {
  expected: number;
  actual: number;
  terms: Term[];
}

/** Value for arithmetic, or undefined when the cell cannot take part (guessed, lost, not a number). */
export function valueOf(cell: Cell | undefined): number | undefined {
  if (!cell || !cell.certain) return undefined;
  return cell.value;
}

/** Checks total = Σ parts. Returns undefined when it holds or cannot be checked. */
export function brokenSum(total: Term, parts: Term[]): IdentityResult | undefined {
  const t = valueOf(total.cell);
  if (t === undefined) return undefined;
  let sum = 0;
  for (const p of parts) {
    const v = valueOf(p.cell);
    if (v === undefined) return undefined;
    sum += v;
  }
  sum = round(sum);
  return sum === round(t) ? undefined : { expected: sum, actual: t, terms: parts };
}

/** "自然人 32 + 商业企业 0 + …" */
export function describeTerms(terms: Term[]): string {
  return terms.map((t) => `${t.label} ${formatValue(t.cell)}`).join(' + ');
}

export function formatValue(cell: Cell): string {
  if (cell.kind === 'blank') return '（空）0';
  if (cell.kind === 'placeholder') return `“${cell.text}”0`;
  return String(cell.value);
}

export function relatedTerms(terms: Term[], role: string): Related[] {
  return terms.map((t) => ({ range: t.cell.range, message: `${role}：${t.label} = ${formatValue(t.cell)}` }));
}

/** Sums of money have decimals; avoid 0.1 + 0.2 artefacts. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
