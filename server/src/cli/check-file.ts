// One file of `check`, start to end: read it (an original through its reader,
// a text file decoded), decide whether it is a report, run the core, and say
// what came of it as plain data. The same function runs in the main thread and
// in the worker threads (check-pool.ts): what it returns crosses a thread as a
// structured clone, so it holds no class instance and no function.

import { DETECTION_WINDOW, otherDocumentKind, type Range, type Report, type RuleSeverities, boundCaches, check, compilationSpans, describePlace, forYears, holdsReportBody, looksLikeReport, packYear, type PackedYear, parseDocument, placedIdentity, type Lang, type OriginalKind, type OriginalRendition, type ReportIdentity, NotTextError } from '../core/service';
import { originalLocation, toReported, type FileResult } from './format';
import { cannotRead, internalError } from './messages';
import { OriginalProblemError, readInput, type ReadInput } from './read';
import { reviewFacts } from './review-facts';

/**
 * The core's memo tables in a batch of distinct reports: 2,000 entries each,
 * not the editor's 50,000. Over the throughput benchmark's 2,000 reports
 * (--jobs 1) this took the run from 4.45–4.62 s to 3.81–3.96 s and its peak
 * memory from 400–420 MB to 280–290 MB; 500, 1,000 and 5,000 did no better.
 */
const BATCH_CACHE_ENTRIES = 2000;

/** Called once by each thread that checks files (check.ts, check-worker.ts). */
export function startBatch(): void {
  boundCaches(BATCH_CACHE_ENTRIES);
}

export interface CheckTask {
  path: string;
  /** Named on the command line: checked even if it does not look like a report. */
  explicit: boolean;
  /** The nearest .gov-report.json's rules with --rule on top, or 'invalid' when that file is broken. */
  rules: RuleSeverities | 'invalid';
  lang: Lang;
  /** --template-year: the report year to assume when the title does not say (as the editor's govReport.templateYear). */
  templateYear?: number;
  /** Make the review page's facts (--format html). */
  review: boolean;
  /** Keep what the cross-year pass needs (a report whose title names its agency and year). */
  crossYear: boolean;
}

/**
 * What the cross-year pass reads of a report, kept until the pass: its compared rows, packed (packYear: a few
 * objects, not the model's hundred and more, for every report of the folder), and its text's length and line
 * starts for positions (not the text: the pass reads no character of it, and the text was half of what was kept).
 * An original keeps every table instead (forYears(report, true)): the places of its findings in the file are
 * told from them.
 */
export type YearData = { textLength: number; lineStarts: ArrayLike<number> } & (
  | { packed: PackedYear; original?: undefined }
  | { report: Report; original: { format: OriginalKind; rendition: OriginalRendition } }
);

export type CheckOutcome =
  /** Not a report (a binary file, an empty page, a note in a folder): counted as skipped. */
  | { kind: 'skipped' }
  /** Could not be read or checked: the message says why (stderr); exit 2. */
  | { kind: 'unreadable'; message: string }
  /** A report governed by a broken .gov-report.json: not checked. */
  | { kind: 'config-invalid' }
  /**
   * `identity`: whose report for which year, when its title says (the cross-year pass pairs by it).
   * `year`: what the pass reads of it, kept where the file was checked (year-keeper.ts); only the identity
   * crosses to the main thread, which pairs the reports by it.
   */
  | { kind: 'checked'; result: FileResult; identity?: ReportIdentity; year?: YearData };

export async function checkFile(task: CheckTask): Promise<CheckOutcome> {
  const { lang, templateYear } = task;
  let input: ReadInput;
  try {
    input = await readInput(task.path);
  } catch (error) {
    // A binary file in a folder is not a report: skipped like any other file that is not one. An original
    // its reader cannot read (a scanned PDF) may well be one: said, and the run ends with exit 2.
    // An original with no text at all (an empty page in a saved site) is no report either.
    const nothing = error instanceof NotTextError || (error instanceof OriginalProblemError && error.problem.kind === 'empty');
    if (nothing && !task.explicit) return { kind: 'skipped' };
    return { kind: 'unreadable', message: cannotRead(task.path, error, lang) };
  }
  // A folder may hold notes and exports besides reports; checking those
  // would only produce noise. A file named explicitly is always checked.
  const { text } = input;
  // A review page a run before wrote into the folder holds the reports' tables, but is no report.
  if (!task.explicit && (!looksLikeReport(text) || (input.kind === 'original' && input.ownPage))) return { kind: 'skipped' };
  if (task.rules === 'invalid') return { kind: 'config-invalid' };
  const { rules } = task;
  try {
    const doc = parseDocument(text);
    // Named in its opening, but nothing of a report found (the column's list of reports, a notice about them).
    if (!task.explicit && !holdsReportBody(doc.report)) return { kind: 'skipped' };
    const findings = check(doc, { rules, lang, templateYear });
    const review = task.review ? { review: reviewFacts(doc, { rules, lang, templateYear }) } : {};
    const original = input.kind === 'original' ? { format: input.format, rendition: input.rendition } : undefined;
    let result: FileResult;
    if (!original) result = { file: task.path, format: 'text', diagnostics: findings.map((f) => toReported(f, doc.lines)), ...review };
    else {
      const placeOf = (range: Range) => originalLocation(original.format, describePlace(doc, original.rendition, range, { lang }));
      result = { file: task.path, format: original.format, diagnostics: findings.map((f) => toReported(f, doc.lines, placeOf)), ...review };
    }
    // A compilation is several agencies' reports: none of them is the file's to pair with another year's.
    // Nor is a 解读 or 更正说明 named on the command line (its title names the report's agency and year).
    const identity = task.crossYear && !compilationSpans(doc) && !otherDocumentKind(text.slice(0, DETECTION_WINDOW)) ? placedIdentity(doc.report, task.path) : undefined;
    if (!identity) return { kind: 'checked', result };
    // What the pass reads, small enough to keep for every report (and to lend across threads): the compared rows.
    const at = { textLength: doc.text.length, lineStarts: doc.state.starts };
    const year: YearData = original ? { ...at, report: forYears(doc.report, true), original } : { ...at, packed: packYear(doc.report) };
    return { kind: 'checked', result, identity, year };
  } catch (error) {
    // A core bug on one file must not hide the verdict on the others.
    return { kind: 'unreadable', message: internalError(task.path, error) };
  }
}
