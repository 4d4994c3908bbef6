// Each report's report of the year before, among a set of reports (a folder, a
// workspace). Two reports for the same agency and year cannot be told apart:
// neither is compared, and both the pair and the year after hear why.

import { identityKey, reportIdentity, type ReportIdentity } from './identity';
import type { YearCandidate } from './types';

export type YearPair<K> =
  /** Compare with the previous year's report. */
  | { readonly kind: 'previous'; readonly previous: K }
  /** Several reports claim this agency and year (`others`), or the year before (`candidates`): no comparison. */
  | { readonly kind: 'ambiguous'; readonly year: number; readonly candidates: readonly K[] };

/** For every report that has a counterpart (or several) one year earlier, or a twin this year: what to do. */
export function pairByYear<K>(reports: ReadonlyMap<K, ReportIdentity>, textOf: (key: K) => string | undefined = () => undefined): Map<K, YearPair<K>> {
  // Copies of one text (a file and its open editor, a download saved twice) are one report, not two candidates.
  const distinct = (keys: readonly K[]): K[] => {
    const seen = new Set<string>();
    return keys.filter((k) => {
      const text = textOf(k);
      if (text === undefined) return true;
      if (seen.has(text)) return false;
      seen.add(text);
      return true;
    });
  };
  const byKey = new Map<string, K[]>();
  for (const [key, identity] of reports) {
    const k = identityKey(identity);
    const list = byKey.get(k);
    if (list) list.push(key);
    else byKey.set(k, [key]);
  }
  const out = new Map<K, YearPair<K>>();
  for (const [key, identity] of reports) {
    const twins = distinct(byKey.get(identityKey(identity))!);
    if (twins.length > 1) {
      out.set(key, { kind: 'ambiguous', year: identity.year, candidates: twins });
      continue;
    }
    const found = byKey.get(identityKey({ agency: identity.agency, year: identity.year - 1 }));
    if (!found) continue;
    const previous = distinct(found);
    out.set(key, previous.length === 1 ? { kind: 'previous', previous: previous[0]! } : { kind: 'ambiguous', year: identity.year - 1, candidates: previous });
  }
  return out;
}

/** The reports that say whose and which year they are, and each one's pair (pairs.ts). */
export function paired(reports: readonly YearCandidate[]) {
  const identities = new Map<string, ReportIdentity>();
  const byUri = new Map<string, YearCandidate>();
  for (const r of reports) {
    if (r.report.notText) continue;
    const identity = reportIdentity(r.report);
    if (identity) identities.set(r.uri, identity);
    byUri.set(r.uri, r);
  }
  return { identities, byUri, pairs: pairByYear(identities, (uri) => byUri.get(uri)?.text) };
}
