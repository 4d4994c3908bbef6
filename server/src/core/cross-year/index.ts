// Year against year (issue 15): each report beside the same agency's report of
// the year before, found among the reports at hand (a folder, a workspace).
// Pure: the caller reads the files and hands the parsed reports in.

import { messagesFor, type Lang } from '../i18n';
import { toSeverity } from '../rules/index';
import { finding, type Finding, type RuleSeverities } from '../rules/types';
import { crossYearAmbiguous } from './ambiguous';
import { crossYearCarried } from './carried-over';
import { crossYearInForce } from './in-force';
import { counterparts } from './counterparts';
import { paired } from './pairs';
import type { CrossYearRule, YearCandidate, YearDocument } from './types';

export type { YearCandidate } from './types';

export { placedIdentity, reportIdentity, type ReportIdentity } from './identity';
export { pairByYear, sameAgency, type YearPair } from './pairs';

export const CROSS_YEAR_RULES: readonly CrossYearRule[] = [crossYearCarried, crossYearInForce];
/** Every cross-year code, for the rule table (settings, docs, the CLI's --rule). */
export const CROSS_YEAR_INFO = [crossYearCarried, crossYearInForce, crossYearAmbiguous].map(({ code, name, defaultSeverity }) => ({ code, name, defaultSeverity }));


export interface CrossYearOptions {
  readonly lang?: Lang;
  readonly rules?: RuleSeverities;
}

/**
 * The cross-year findings of every report among `reports`, by URI (only those
 * that have any). A report with no agency or year in its title, or whose tables
 * were not read, simply has none: last year's file never causes an error here.
 */
export function checkAcrossYears(reports: readonly YearCandidate[], options: CrossYearOptions = {}): Map<string, Finding[]> {
  const { identities, byUri, pairs } = paired(reports);
  const out = new Map<string, Finding[]>();
  for (const [uri, pair] of pairs) {
    const against: YearAgainst =
      pair.kind === 'ambiguous'
        ? { kind: 'ambiguous', year: pair.year, names: pair.candidates.map((k) => byUri.get(k)!.name) }
        : { kind: 'previous', year: identities.get(uri)!.year, previous: byUri.get(pair.previous)! };
    const kept = checkYearPair(byUri.get(uri)!, against, options);
    if (kept.length) out.set(uri, kept);
  }
  return out;
}

/**
 * What one report is read against, once the reports are paired (pairByYear): last year's report (`year` is
 * this report's year), or nothing, because several reports claim this agency's `year` (the names of their files).
 */
export type YearAgainst =
  | { readonly kind: 'previous'; readonly year: number; readonly previous: YearCandidate }
  | { readonly kind: 'ambiguous'; readonly year: number; readonly names: readonly string[] };

/**
 * The cross-year findings of one report of a pair (checkAcrossYears does every pair of a set). For a caller
 * that pairs the reports itself, from their identities and same-report keys, where the reports are kept
 * apart (the CLI's worker threads each compare the pairs whose reports they hold).
 */
export function checkYearPair(current: YearCandidate, against: YearAgainst, options: CrossYearOptions = {}): Finding[] {
  const lang = options.lang ?? 'zh';
  let findings: Finding[];
  if (against.kind === 'ambiguous') {
    const at = current.report.title?.range ?? { start: 0, end: 0 };
    findings = [finding(crossYearAmbiguous, at, messagesFor(lang)['cross-year.ambiguous'].message(against.year, against.names))];
  } else {
    const { previous, year } = against;
    const doc = (c: YearCandidate, y: number): YearDocument => ({ report: c.report, lines: c.lines, uri: c.uri, name: c.name, year: y });
    const ctx = { current: doc(current, year), previous: doc(previous, year - 1), counterparts: safely(() => counterparts(current.report, previous.report)), lang };
    findings = CROSS_YEAR_RULES.flatMap((rule) => safely(() => rule.check(ctx)));
  }
  return withSeverities(findings, options.rules);
}

export { lastYearCells, lastYearHover, type LastYearCell } from './last-year-cells';
export { sameReportKey } from './same-report';
export { forYears, packYear, unpackYear, type PackedYear } from './year-pack';

/** The configured severities; a rule turned off gives nothing. (Exported for a caller whose files have different settings, as the CLI's.) */
export function withSeverities(findings: readonly Finding[], rules: RuleSeverities = {}): Finding[] {
  return findings.flatMap((f) => {
    const setting = rules[f.code];
    if (setting === 'off') return [];
    return setting ? [{ ...f, severity: toSeverity(setting) }] : [f];
  });
}

/** A rule that throws on a strange report gives no finding rather than taking the others down. */
function safely<T>(run: () => T[]): T[] {
  try {
    return run();
  } catch {
    return [];
  }
}
