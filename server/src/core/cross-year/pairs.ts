// Each report's report of the year before, among a set of reports (a folder, a
// workspace). Two reports for the same agency and year cannot be told apart:
// neither is compared, and both the pair and the year after hear why.

import { identityKey, type ReportIdentity } from './identity';

export type YearPair<K> =
  /** Compare with the previous year's report. */
  | { readonly kind: 'previous'; readonly previous: K }
  /** Several reports claim this agency and year (`others`), or the year before (`candidates`): no comparison. */
  | { readonly kind: 'ambiguous'; readonly year: number; readonly candidates: readonly K[] };

/** For every report that has a counterpart (or several) one year earlier, or a twin this year: what to do. */
export function pairByYear<K>(reports: ReadonlyMap<K, ReportIdentity>): Map<K, YearPair<K>> {
  const byKey = new Map<string, K[]>();
  for (const [key, identity] of reports) {
    const k = identityKey(identity);
    const list = byKey.get(k);
    if (list) list.push(key);
    else byKey.set(k, [key]);
  }
  const out = new Map<K, YearPair<K>>();
  for (const [key, identity] of reports) {
    const twins = byKey.get(identityKey(identity))!;
    if (twins.length > 1) {
      out.set(key, { kind: 'ambiguous', year: identity.year, candidates: twins });
      continue;
    }
    const previous = byKey.get(identityKey({ agency: identity.agency, year: identity.year - 1 }));
    if (!previous) continue;
    out.set(key, previous.length === 1 ? { kind: 'previous', previous: previous[0]! } : { kind: 'ambiguous', year: identity.year - 1, candidates: previous });
  }
  return out;
}
