// Shared by the 勾稽关系 rules: one rule per kind of identity, reporting the
// broken ones at the cell the identity is about, with the repair when the
// solver finds exactly one cell that mends every broken identity.

import type { Cell, Report } from '../model';
import { evaluate, reportIdentities, type Evaluation, type Identity, type IdentityKind, type Term } from '../identities';
import { findRepairs, repairFor } from '../repair';
import { finding, type Finding, type Fix, type Related, type Rule, type Severity } from './types';

export interface IdentityRuleSpec {
  code: string;
  name: string;
  kind: IdentityKind;
  defaultSeverity?: Severity;
  /** The cell the finding points at. */
  target(identity: Identity): Cell;
  message(e: Evaluation): string;
  related(identity: Identity): Related[];
}

export function identityRule(spec: IdentityRuleSpec): Rule {
  const rule: Rule = {
    code: spec.code,
    name: spec.name,
    defaultSeverity: spec.defaultSeverity ?? 'error',
    inputs: ['tables'],
    check({ report }) {
      const out: Finding[] = [];
      for (const identity of reportIdentities(report)) {
        if (identity.kind !== spec.kind) continue;
        const e = evaluate(identity);
        if (!e || e.holds) continue;
        const fix = repairFix(report, identity);
        out.push(finding(rule, spec.target(identity).range, spec.message(e), { related: spec.related(identity), ...(fix ? { fix } : {}) }));
      }
      return out;
    },
  };
  return rule;
}

/** The repair of the group of broken identities this one belongs to, as a fix. */
function repairFix(report: Report, identity: Identity): Fix | undefined {
  const answer = repairFor(findRepairs(report), identity);
  if (answer?.kind !== 'unique') return undefined;
  const { cell, value } = answer.repair;
  return { title: `将“${cell.text || '（空）'}”改为 ${value}（使相关勾稽关系成立）`, edits: [{ range: cell.range, newText: String(value) }] };
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
