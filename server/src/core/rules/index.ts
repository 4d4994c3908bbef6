// The rule registry and the check entry point: run every rule, apply the
// configured severities, never let one rule's failure hide the others.

import { messagesFor, type Lang } from '../i18n';
import type { Report } from '../model';
import { cellBlank, cellInvalid, cellPrecision, cellUnit } from './cells';
import { prefaceSections } from './preface-sections';
import { prosePercent } from './prose-percent';
import { proseSum } from './prose-sum';
import { proseTable } from './prose-table';
import { sectionEmpty } from './section-empty';
import { sectionMissing } from './section-missing';
import { sectionNumbering } from './section-numbering';
import { sectionDuplicate, sectionOrder } from './section-order';
import { sectionTitle } from './section-title';
import { sumBalance } from './sum-balance';
import { sumColumn } from './sum-column';
import { sumInForce } from './sum-in-force';
import { sumReview } from './sum-review';
import { sumRow } from './sum-row';
import { tableLabel } from './table-label';
import { tableLegacy } from './table-legacy';
import { tableMissing } from './table-missing';
import { tableShape } from './table-shape';
import { textArtifact } from './text-artifact';
import { yearMismatch } from './year-mismatch';
import type { Finding, Rule, RuleSeverities, Severity, SeveritySetting } from './types';

export const RULES: readonly Rule[] = [
  sumRow,
  sumColumn,
  sumBalance,
  sumReview,
  sumInForce,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionNumbering,
  sectionTitle,
  sectionEmpty,
  tableMissing,
  tableShape,
  tableLabel,
  tableLegacy,
  cellBlank,
  cellInvalid,
  cellUnit,
  cellPrecision,
  textArtifact,
  yearMismatch,
  prefaceSections,
  proseSum,
  proseTable,
  prosePercent,
];

export function checkReport(report: Report, text: string, severities: RuleSeverities = {}, templateYear?: number, lang: Lang = 'zh'): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = severities[rule.code];
    if (setting === 'off') continue;
    let found: Finding[];
    try {
      found = rule.check({ report, text, templateYear, lang });
    } catch (error) {
      // A rule bug must not take the other rules (or the editor) down with it.
      found = [{ code: rule.code, severity: 'information', range: { start: 0, end: 0 }, message: messagesFor(lang).rules.internalError(rule.code, String(error)) }];
    }
    const severity = setting ? toSeverity(setting) : undefined;
    for (const f of found) findings.push(severity ? { ...f, severity } : f);
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
}

export function toSeverity(setting: Exclude<SeveritySetting, 'off'>): Severity {
  return setting === 'info' ? 'information' : setting;
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'off' || value === 'hint' || value === 'info' || value === 'information' || value === 'warning' || value === 'error';
}
