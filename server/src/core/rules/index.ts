// The rule registry and the check entry point: run every rule, apply the
// configured severities, never let one rule's failure hide the others.

import { messagesFor, type Lang } from '../i18n';
import type { Report } from '../model';
import { cellBlank, cellInvalid, cellPrecision, cellUnit } from './cells';
import { fileNotReport } from './file-not-report';
import { fileNotText } from './file-not-text';
import { reportBeforeTemplate, yearBeforeTemplate } from './report-before-template';
import { DETECTION_WINDOW, otherDocumentKind } from '../detect';
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
import type { TextView } from '../text/edit-ranges';
import { runRules, type ReportChanges } from './engine';
import type { Finding, Rule, RuleContext, RuleSeverities, Severity, SeveritySetting } from './types';

/** The rules of the 勾稽关系: one finding of theirs may stand for several (arithmetic.ts), so which of them run matters. */
const SUM_CODES = [sumRow, sumColumn, sumBalance, sumReview].map((r) => r.code);

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
  fileNotText,
  fileNotReport,
  reportBeforeTemplate,
];

const ALONE: ReadonlySet<Rule> = new Set([fileNotText, fileNotReport, reportBeforeTemplate]);

/**
 * Every enabled rule's findings, sorted. `text` may be an edited document's
 * lines, read where a rule needs them (not joined); `changes` says what
 * changed since the previous version, so that rules whose inputs did not
 * change are not run again (engine.ts).
 */
export function checkReport(report: Report, text: TextView, severities: RuleSeverities = {}, templateYear?: number, lang: Lang = 'zh', changes?: ReportChanges): Finding[] {
  // A file that is not text gets its one finding and nothing else (file-not-text.ts).
  // A document whose title says it is not the report (file-not-report.ts) gets that one finding.
  const other = !report.notText && otherDocumentKind(text.slice(0, DETECTION_WINDOW)) !== undefined;
  // A report on 2018 or before, in the 2008 format, gets its one finding (report-before-template.ts).
  const before = !report.notText && !other && yearBeforeTemplate(report) !== undefined;
  const only = report.notText ? fileNotText : other ? fileNotReport : before ? reportBeforeTemplate : undefined;
  // The rules that say what a document is run alone, and only when it is one (their own test would be asked twice).
  const rules = RULES.filter((rule) => severities[rule.code] !== 'off' && (only ? rule === only : !ALONE.has(rule)));
  // The sum rules that are off: a one-cell finding goes to a sum rule that runs (rules/arithmetic.ts).
  const sumsOff = SUM_CODES.filter((code) => severities[code] === 'off');
  const ctx: RuleContext = { report, text, templateYear, lang, enabled: new Set(rules.map((r) => r.code)) };
  // The findings depend on the template year, the language and which sum rules run, not on the severities (applied below).
  const byRule = runRules(rules, ctx, `${templateYear}|${lang}|${sumsOff.join(',')}`, changes, (rule, error) => [
    { code: rule.code, severity: 'information', range: { start: 0, end: 0 }, message: messagesFor(lang).rules.internalError(rule.code, String(error)) },
  ]);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = severities[rule.code];
    const severity = setting && setting !== 'off' ? toSeverity(setting) : undefined;
    for (const f of byRule.get(rule.code)!) findings.push(severity ? { ...f, severity } : f);
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
}

export function toSeverity(setting: Exclude<SeveritySetting, 'off'>): Severity {
  return setting === 'info' ? 'information' : setting;
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'off' || value === 'hint' || value === 'info' || value === 'information' || value === 'warning' || value === 'error';
}
