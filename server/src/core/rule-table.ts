// Every rule code the checker knows, with its name and default severity: a
// report's own rules and the cross-year ones. Settings, the CLI's --rule and
// .gov-report.json are checked against it; the docs have a page per entry.

import { CROSS_YEAR_INFO } from './cross-year';
import { RULES } from './rules/index';
import type { Severity } from './rules/types';

export interface RuleInfo {
  readonly code: string;
  readonly name: string;
  readonly defaultSeverity: Severity;
}

export const RULE_TABLE: readonly RuleInfo[] = [...RULES.map(({ code, name, defaultSeverity }) => ({ code, name, defaultSeverity })), ...CROSS_YEAR_INFO];
