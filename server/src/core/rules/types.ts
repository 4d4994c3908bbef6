// What a rule is and what it reports. Rules see the Report model only (never a
// layout), and say where, what and why; severity can be changed per code.

import type { Lang } from '../i18n';
import type { Range, Report } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'info' | 'off';
export type RuleSeverities = Readonly<Record<string, SeveritySetting>>;

export interface Related {
  range: Range;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: Related[];
  /** The edit that repairs it, where the repair is unambiguous. */
  fix?: Fix;
}

export interface RuleContext {
  report: Report;
  text: string;
  /** The `govReport.templateYear` setting: the report year to assume when the title does not say. */
  templateYear?: number | undefined;
  /** The language of messages, related-location messages and fix titles. */
  lang: Lang;
}

export interface Rule {
  code: string;
  /** Chinese name shown in docs and listings (the catalogs' `names` hold it in each language). */
  name: string;
  defaultSeverity: Severity;
  check(ctx: RuleContext): Finding[];
}

export function finding(rule: Pick<Rule, 'code' | 'defaultSeverity'>, range: Range, message: string, extra: Partial<Finding> = {}): Finding {
  return { code: rule.code, severity: rule.defaultSeverity, range, message, ...extra };
}
