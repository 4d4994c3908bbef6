// Year against year in `check` (issue 15): after every file is checked alone,
// each report is read beside the same agency's report of the year before among
// the files of the run. Only reports whose title names an agency and a year
// are kept for it, and only their parse (the checked text is not held twice).

import { checkAcrossYears, describePlace, withSeverities, type ReportIdentity, type Lang, type OriginalKind, type OriginalRendition, type ParsedDocument, type YearCandidate, type Finding, type RuleSeverities } from '../core/service';
import path from 'node:path';
import { originalLocation, toReported, type FileResult, type ReportedRelated } from './format';

/** A checked file that may have a year before it among the others. */
export interface YearEntry {
  readonly result: FileResult;
  /** The parse's model and line index (all the pass reads; a worker's report arrives without the rest). */
  readonly doc: Pick<ParsedDocument, 'report' | 'lines' | 'text'>;
  readonly rules: RuleSeverities;
  readonly original?: { readonly format: OriginalKind; readonly rendition: OriginalRendition };
  /** Read where the report was checked: the model that crossed from a worker has no prose to read it from. */
  readonly identity: ReportIdentity;
  /** The same-report key, made where the whole report was (the model kept here holds only the compared rows). */
  readonly same?: string;
}

export class CrossYearRun {
  private readonly entries = new Map<string, YearEntry>();

  /** A report that says whose and which year it is (the rest cannot pair). */
  add(entry: YearEntry): void {
    this.entries.set(entry.result.file, entry);
  }

  /** Adds each report's cross-year findings to its result, with the other file's place as related. */
  finish(lang: Lang): void {
    if (this.entries.size < 2) return;
    const candidates: YearCandidate[] = [...this.entries].map(([file, e]) => ({ uri: file, name: path.basename(file), report: e.doc.report, lines: e.doc.lines, text: e.doc.text, identity: e.identity, ...(e.same !== undefined ? { same: e.same } : {}) }));
    for (const [file, findings] of checkAcrossYears(candidates, { lang })) {
      const entry = this.entries.get(file)!;
      for (const f of withSeverities(findings, entry.rules)) entry.result.diagnostics.push(this.reported(entry, f, lang));
    }
  }

  private reported(entry: YearEntry, f: Finding, lang: Lang) {
    const placeIn = (e: YearEntry, range: Finding['range']) => (e.original ? originalLocation(e.original.format, describePlace(e.doc, e.original.rendition, range, { lang })) : undefined);
    const related: ReportedRelated[] = (f.related ?? []).map((r) => {
      const other = r.elsewhere ? this.entries.get(r.elsewhere.uri) : entry;
      const original = other ? placeIn(other, r.range) : undefined;
      const at = r.elsewhere ? { file: r.elsewhere.uri, range: { start: r.elsewhere.start, end: r.elsewhere.end } } : { range: entry.doc.lines.rangeOf(r.range) };
      return { ...at, message: r.message, ...(original ? { original } : {}) };
    });
    return { ...toReported(f, entry.doc.lines, placeIn(entry, f.range)), related };
  }
}
