// Shared by the 勾稽关系 rules: one rule per kind of identity, reporting the
// broken ones at the cell the identity is about, with the repair when the
// solver finds exactly one cell that mends every broken identity.

import type { Cell, Report } from '../model';
import { messagesFor, type Lang, type Messages } from '../i18n';
import { evaluate, identityValue, reportIdentities, type Evaluation, type Identity, type IdentityKind, type Term } from '../identities';
import { findRepairs, repairFor } from '../repair';
import { finding, type Finding, type Fix, type Related, type Rule, type Severity } from './types';

export interface IdentityRuleSpec {
  code: string;
  name: string;
  kind: IdentityKind;
  defaultSeverity?: Severity;
  /** The cell the finding points at. */
  target(identity: Identity): Cell;
  message(e: Evaluation, m: Messages): string;
  related(identity: Identity, m: Messages): Related[];
}

export function identityRule(spec: IdentityRuleSpec): Rule {
  const rule: Rule = {
    code: spec.code,
    name: spec.name,
    defaultSeverity: spec.defaultSeverity ?? 'error',
    inputs: ['tables'],
    check({ report, lang }) {
      const m = messagesFor(lang);
      const out: Finding[] = [];
      for (const identity of reportIdentities(report)) {
        if (identity.kind !== spec.kind) continue;
        // Not evaluated when a cell is unknown (an undetermined blank among them): nothing is claimed then.
        const e = evaluate(identity);
        if (!e || e.holds) continue;
        const fix = repairFix(report, identity, lang);
        out.push(finding(rule, spec.target(identity).range, spec.message(e, m), { related: spec.related(identity, m), ...(fix ? { fix } : {}) }));
      }
      return out;
    },
  };
  return rule;
}

/** The repair of the group of broken identities this one belongs to, as a fix. */
function repairFix(report: Report, identity: Identity, lang: Lang): Fix | undefined {
  const answer = repairFor(findRepairs(report, lang), identity);
  if (answer?.kind !== 'unique') return undefined;
  const { cell, value } = answer.repair;
  return { title: messagesFor(lang).sums.fix(cell.text, value), edits: [{ range: cell.range, newText: String(value) }] };
}

/** "自然人 32 + 商业企业 0 + …" (the identity is evaluated: every term has a value). */
export function describeTerms(identity: Identity, terms: Term[], m: Messages): string {
  return terms.map((t) => `${t.label} ${shownValue(identity, t, m)}`).join(' + ');
}

export function relatedTerms(identity: Identity, terms: Term[], role: string, m: Messages): Related[] {
  return terms.map((t) => ({ range: t.cell.range, message: m.sums.related(role, t.label, shownValue(identity, t, m)) }));
}

/** A term's value as a message shows it: a blank with the value determined for it. */
export function shownValue(identity: Identity, term: Term, m: Messages): string {
  return m.sums.value(term.cell, identityValue(identity, term.cell)!);
}
