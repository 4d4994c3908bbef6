// Year against year in `check` (issue 15), where the reports are. What the
// cross-year pass reads of a report (YearData: its compared rows, its text's
// length and line starts) stays in the thread that checked it; the main thread pairs the
// reports from their identities alone (pairByYear; a same-report key is made
// only for a report that shares its agency and year with another), and each
// thread compares the pairs whose reports it holds. Sending every model
// to the main thread cost more than the comparisons (issue 15's 10 % bound).
// A pair whose two years were checked in different threads is compared where
// this year's report is, last year's lent to it (check-pool.ts).

import path from 'node:path';
import { checkYearPair, describePlace, LinePositions, parseDocument, sameReportKey, unpackYear, type Finding, type Lang, type ReportIdentity, type RuleSeverities, type YearAgainst, type YearCandidate } from '../core/service';
import type { CheckOutcome, CheckTask, YearData } from './check-file';
import { originalLocation, toReported, type ReportedDiagnostic, type ReportedRelated } from './format';
import { readInput } from './read';

/** A checked report's part in the pass: which file, its settings, whose and which year, what is compared. */
export interface KeptYear {
  readonly file: string;
  readonly rules: RuleSeverities;
  readonly identity: ReportIdentity;
  readonly data: YearData;
}

/** One report to read against another (or to be told why not), by the index of its file in the run. */
export type YearJob =
  | { readonly index: number; readonly kind: 'previous'; readonly previous: number; readonly year: number }
  | { readonly index: number; readonly kind: 'ambiguous'; readonly year: number; readonly names: readonly string[] };

export class YearKeeper {
  private readonly kept = new Map<number, KeptYear>();

  /** Keeps a checked report's year data here; what is left of the outcome crosses to the main thread. */
  keepFrom(index: number, task: CheckTask, outcome: CheckOutcome): CheckOutcome {
    if (outcome.kind !== 'checked' || !outcome.year) return outcome;
    const { year, ...rest } = outcome;
    if (rest.identity && task.rules !== 'invalid') this.kept.set(index, { file: task.path, rules: task.rules, identity: rest.identity, data: year });
    return rest;
  }

  /**
   * The same-report keys of these reports (same-report.ts), asked only for reports that share an agency and
   * year with another, which are rare: made from every figure of the report, which is not kept (only the
   * compared rows are), so the file is read again. One that cannot be read has none (it counts as distinct).
   */
  async sameKeys(indices: readonly number[]): Promise<[number, string | undefined][]> {
    const out: [number, string | undefined][] = [];
    for (const index of indices) {
      const kept = this.kept.get(index);
      out.push([index, kept ? await sameKeyOf(kept.file) : undefined]);
    }
    return out;
  }

  has(index: number): boolean {
    return this.kept.has(index);
  }

  /** What another thread needs to compare its reports with these (plain data: it crosses threads). */
  lend(indices: readonly number[]): [number, KeptYear][] {
    return indices.flatMap((i) => (this.kept.has(i) ? [[i, this.kept.get(i)!] as [number, KeptYear]] : []));
  }

  /** Each job's findings as the output reports them, with the other file's place as related. */
  compare(jobs: readonly YearJob[], lang: Lang, lent: readonly [number, KeptYear][] = []): [number, ReportedDiagnostic[]][] {
    const years = new Map(this.kept);
    for (const [i, year] of lent) years.set(i, year);
    const candidates = new Map<number, YearCandidate>();
    const byFile = new Map<string, Placed>();
    const candidate = (index: number): YearCandidate => {
      let c = candidates.get(index);
      if (!c) {
        const year = years.get(index)!;
        const { file, identity, data } = year;
        const report = data.original ? data.report : unpackYear(data.packed);
        c = { uri: file, name: path.basename(file), report, lines: new LinePositions({ length: data.textLength }, data.lineStarts), identity };
        candidates.set(index, c);
        byFile.set(file, { year, doc: c });
      }
      return c;
    };
    const out: [number, ReportedDiagnostic[]][] = [];
    for (const job of jobs) {
      const current = years.get(job.index);
      if (!current || (job.kind === 'previous' && !years.has(job.previous))) continue;
      const against: YearAgainst = job.kind === 'previous' ? { kind: 'previous', year: job.year, previous: candidate(job.previous) } : job;
      const here = candidate(job.index);
      const findings = checkYearPair(here, against, { lang, rules: current.rules });
      if (findings.length) out.push([job.index, findings.map((f) => reported({ year: current, doc: here }, f, byFile, lang))]);
    }
    return out;
  }
}

async function sameKeyOf(file: string): Promise<string | undefined> {
  try {
    const { text } = await readInput(file);
    const doc = parseDocument(text);
    return sameReportKey({ uri: file, name: file, report: doc.report, lines: doc.lines, text: doc.text });
  } catch {
    return undefined;
  }
}

/** A report of the pass with its line index, made once a call. */
interface Placed {
  readonly year: KeptYear;
  readonly doc: YearCandidate;
}

function reported(entry: Placed, f: Finding, byFile: ReadonlyMap<string, Placed>, lang: Lang): ReportedDiagnostic {
  const related: ReportedRelated[] = (f.related ?? []).map((r) => {
    const other = r.elsewhere ? byFile.get(r.elsewhere.uri) : entry;
    const original = other ? placeIn(other, r.range, lang) : undefined;
    const at = r.elsewhere ? { file: r.elsewhere.uri, range: { start: r.elsewhere.start, end: r.elsewhere.end } } : { range: entry.doc.lines.rangeOf(r.range) };
    return { ...at, message: r.message, ...(original ? { original } : {}) };
  });
  return { ...toReported(f, entry.doc.lines, placeIn(entry, f.range, lang)), related };
}

/** Where a range is in the original file (a PDF's page and cell), for a report read from one. */
function placeIn({ year, doc }: Placed, range: Finding['range'], lang: Lang) {
  const { original } = year.data;
  if (!original) return undefined;
  return originalLocation(original.format, describePlace(doc, original.rendition, range, { lang }));
}
