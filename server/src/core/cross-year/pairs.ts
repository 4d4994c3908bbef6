// Each report's report of the year before, among a set of reports (a folder, a
// workspace). Two reports for the same agency and year cannot be told apart:
// neither is compared, and both the pair and the year after hear why.

import { DETECTION_WINDOW, otherDocumentKind } from '../detect';
import { identityKey, placedIdentity, type ReportIdentity } from './identity';
import { sameReportKey } from './same-report';
import type { YearCandidate } from './types';

export type YearPair<K> =
  /** Compare with the previous year's report. */
  | { readonly kind: 'previous'; readonly previous: K }
  /** Several reports claim this agency and year (`others`), or the year before (`candidates`): no comparison. */
  | { readonly kind: 'ambiguous'; readonly year: number; readonly candidates: readonly K[] };

/** For every report that has a counterpart (or several) one year earlier, or a twin this year: what to do. */
export function pairByYear<K>(reports: ReadonlyMap<K, ReportIdentity>, sameOf: (key: K) => string | undefined = () => undefined): Map<K, YearPair<K>> {
  // Reports that are the same report (same-report.ts) are one candidate, not two.
  const distinct = (keys: readonly K[]): K[] => {
    // One report is distinct whatever its key: a key is asked for only where two could be the same report.
    if (keys.length < 2) return [...keys];
    const seen = new Set<string>();
    return keys.filter((k) => {
      const same = sameOf(k);
      if (same === undefined) return true;
      if (seen.has(same)) return false;
      seen.add(same);
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
  const related = agencyLinks([...reports.values()].map((i) => i.agency));
  // The agency's reports of another year: the same name, else the same name with or without its city or province before it.
  const ofYear = (identity: ReportIdentity, year: number): K[] | undefined =>
    byKey.get(identityKey({ agency: identity.agency, year })) ?? related(identity.agency).flatMap((agency) => byKey.get(identityKey({ agency, year })) ?? []);
  const out = new Map<K, YearPair<K>>();
  for (const [key, identity] of reports) {
    const twins = distinct(byKey.get(identityKey(identity))!);
    if (twins.length > 1) {
      // Said only where a comparison was to be made: with no year before or after, there is nothing to miss.
      if (ofYear(identity, identity.year - 1)?.length || ofYear(identity, identity.year + 1)?.length) {
        out.set(key, { kind: 'ambiguous', year: identity.year, candidates: twins });
      }
      continue;
    }
    const found = ofYear(identity, identity.year - 1);
    if (!found?.length) continue;
    const previous = distinct(found);
    out.set(key, previous.length === 1 ? { kind: 'previous', previous: previous[0]! } : { kind: 'ambiguous', year: identity.year - 1, candidates: previous });
  }
  return out;
}

/** What may stand before an agency's own name: its province, city, prefecture (江苏省淮安市, 苏州市). */
const DIVISIONS = /^(?:[^省市盟]{1,7}?(?:省|自治区|市|自治州|州|盟|地区))+$/;
/**
 * An own name never starts with a division's last character: `苏州市农业农村局` is not `苏州` before `市农业农村局` (another
 * city's bare name), `北京市通州区…` not `北京市通州` before `区…`.
 */
const DIVISION_END = /^[省市州盟区县旗]/;
/** The shorter name's length below which it names no one agency (`人民政府`). */
const MIN_OWN_NAME = 5;

/**
 * One agency: the same name, or withDivision. Asked of every report the editor's index holds on each keystroke: a
 * name that does not end the other's is told at once.
 */
export function sameAgency(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return longer.endsWith(shorter) && withDivision(a, b);
}

/**
 * One agency written with and without the divisions above it (`洪泽区人民政府` and
 * `淮安市洪泽区人民政府` in two years' titles): the longer name is the shorter
 * with a province or city before it. Any other change of name is not followed.
 */
export function withDivision(a: string, b: string): boolean {
  return a !== b && agencyLinks([a, b])(a).includes(b);
}

/**
 * For each name, the other names among `names` that withDivision relates to it, found through their suffixes
 * (a name's own name after a city or province) instead of comparing every pair: a folder of a thousand
 * agencies' reports is paired in linear time.
 */
export function agencyLinks(names: Iterable<string>): (name: string) => readonly string[] {
  const present = new Set(names);
  const links = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = links.get(a);
    if (!list) links.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const name of present) {
    for (let cut = 1; name.length - cut >= MIN_OWN_NAME; cut++) {
      const own = name.slice(cut);
      if (present.has(own) && !DIVISION_END.test(own) && DIVISIONS.test(name.slice(0, cut))) {
        link(name, own);
        link(own, name);
      }
    }
  }
  return (name) => links.get(name) ?? [];
}

/** The reports that say whose and which year they are, and each one's pair (pairs.ts). */
export function paired(reports: readonly YearCandidate[]) {
  const identities = new Map<string, ReportIdentity>();
  const byUri = new Map<string, YearCandidate>();
  for (const r of reports) {
    // A 解读 or 更正说明 names the report's agency and year in its title, but is no year of the report (detect.ts).
    if (r.report.notText || (r.text !== undefined && otherDocumentKind(r.text.slice(0, DETECTION_WINDOW)))) continue;
    const identity = r.identity ?? placedIdentity(r.report, r.uri);
    if (identity) identities.set(r.uri, identity);
    byUri.set(r.uri, r);
  }
  const same = new Map([...byUri].map(([uri, c]) => [uri, c.same ?? sameReportKey(c)]));
  return { identities, byUri, pairs: pairByYear(identities, (uri) => same.get(uri)) };
}
