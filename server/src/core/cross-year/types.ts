// A cross-year rule: one report read beside the same agency's report of the
// year before. Like a report's own rules, it says where, what and why, at the
// cell of this year's report, pointing at last year's cell in the other file.

import type { Lang } from '../i18n';
import type { Report } from '../model';
import type { Counterpart } from './counterparts';
import type { ReportIdentity } from './identity';
import type { Finding, Rule } from '../rules/types';
import type { LinePositions } from '../text/lines';

export interface YearDocument {
  readonly report: Report;
  readonly lines: LinePositions;
  readonly uri: string;
  /** How messages name the file (its base name). */
  readonly name: string;
  readonly year: number;
}

export interface CrossYearContext {
  readonly current: YearDocument;
  readonly previous: YearDocument;
  /** The cells of this year's report with one in last year's (counterparts.ts), found once for every rule. */
  readonly counterparts: readonly Counterpart[];
  readonly lang: Lang;
}

export interface CrossYearRule extends Pick<Rule, 'code' | 'name' | 'defaultSeverity'> {
  check(ctx: CrossYearContext): Finding[];
}

/** A report at hand (a file of the folder, an open document) with where it is. */
export interface YearCandidate {
  readonly uri: string;
  /** How messages name the file (its base name). */
  readonly name: string;
  readonly report: Report;
  readonly lines: LinePositions;
  /** The whole text, when known: copies of one text are one report, never two candidates. */
  readonly text?: string;
  /** Whose report for which year, when the caller read it already (identity.ts); else read from `report`. */
  readonly identity?: ReportIdentity;
  /** The same-report key (same-report.ts), when the caller made it from the whole report already. */
  readonly same?: string;
}
