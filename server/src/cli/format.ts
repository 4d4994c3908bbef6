// Check results → what the user reads: text lines (1-based line:column, as
// editors and terminals show them) or JSON (zero-based UTF-16, as in LSP).
// A finding in an original (PDF, Word file, web page) is also told where it is
// in that file: the page and the cell, which the reviewer can look up.

import { messagesFor, type Lang, type TableKey, type OriginalKind, type OriginalPlace, type Finding, type Severity, type Range, type LinePositions, type Position } from '../core/service';
import type { ReviewFacts } from './review-facts';

export interface ReportedDiagnostic {
  range: { start: Position; end: Position };
  severity: Severity;
  code: string;
  message: string;
  /** For an original: where the finding is in it (the range above is the rendition's, `gov-report render`). */
  original?: OriginalLocation;
  /** The other places the finding names (the cells of a total; last year's cell, in another file). */
  related?: ReportedRelated[];
}

export interface ReportedRelated {
  /** Set when the place is in another file (last year's report): its path as the run named it. */
  file?: string;
  range: { start: Position; end: Position };
  message: string;
  original?: OriginalLocation;
}

/** Where a finding is in an original file; numbers 1-based, as the reader counted them. */
export interface OriginalLocation {
  format: OriginalKind;
  page?: number;
  /** The table among the original's tables, and the cell's grid row and column (merged cells expanded). */
  table?: number;
  row?: number;
  column?: number;
  /** A paragraph outside tables, counted in document order. */
  paragraph?: number;
  /** The template's names for the cell, when it is one the parser read (row and column labels as the template prints them). */
  template?: { table: TableKey; row?: string; column?: string };
  /** The place in words (`第 3 页，表三“（七）总计”行“总计”列`), as the text output shows it. */
  text: string;
}

export interface FileResult {
  file: string;
  /** 'text' for a text report, else the original's format (told by content, not name). */
  format: 'text' | OriginalKind;
  diagnostics: ReportedDiagnostic[];
  /** For the review page only (`--format html`): the report's agency, year, template and tables. */
  review?: ReviewFacts;
}

export interface RunSummary {
  /** Walked .txt files that did not look like a report. */
  skipped: number;
  /** Paths that could not be read or checked (already explained on stderr). */
  notChecked: number;
  /** Which, and why (as stderr said): the SARIF log and the review page name them. */
  unchecked?: readonly UncheckedPath[];
}

export interface UncheckedPath {
  readonly file: string;
  readonly message: string;
}

/**
 * `place`: for an original, where the finding is in it, or the function that tells where a range of its
 * rendition is (then its related places in the file are told too).
 */
export function toReported(finding: Finding, lines: LinePositions, place?: OriginalLocation | ((range: Range) => OriginalLocation)): ReportedDiagnostic {
  const reported: ReportedDiagnostic = { range: lines.rangeOf(finding.range), severity: finding.severity, code: finding.code, message: finding.message };
  const original = typeof place === 'function' ? place(finding.range) : place;
  const placeOf = typeof place === 'function' ? place : undefined;
  // Last year's places (elsewhere) are added by the cross-year pass, which knows the other file.
  const related = finding.related?.filter((r) => !r.elsewhere).map((r): ReportedRelated => {
    const base = { range: lines.rangeOf(r.range), message: r.message };
    const at = placeOf?.(r.range);
    return at ? { ...base, original: at } : base;
  });
  return { ...reported, ...(original ? { original } : {}), ...(related?.length ? { related } : {}) };
}

export function originalLocation(format: OriginalKind, place: OriginalPlace & { text: string }): OriginalLocation {
  const { origin, shown } = place;
  const template = shown.table ? { table: shown.table, ...(shown.row !== undefined ? { row: shown.row } : {}), ...(shown.column !== undefined ? { column: shown.column } : {}) } : undefined;
  return {
    format,
    ...(origin.page !== undefined ? { page: origin.page } : {}),
    ...(origin.table !== undefined ? { table: origin.table } : {}),
    ...(origin.row !== undefined ? { row: origin.row } : {}),
    ...(origin.column !== undefined ? { column: origin.column } : {}),
    ...(origin.paragraph !== undefined ? { paragraph: origin.paragraph } : {}),
    ...(template ? { template } : {}),
    text: place.text,
  };
}

/** The JSON output keeps its documented fields (gov-report --help): the review page's facts are left out. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(results.map(({ review: _review, ...shown }) => shown), null, 2) + '\n';
}

/** `lang`: the language of the summary line (the messages are already in it). */
export function formatText(results: readonly FileResult[], summary: RunSummary, lang: Lang = 'zh'): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const { line, character } = d.range.start;
      // An original's line:column would be the rendition's, which the user does not have open: the page and cell instead.
      const where = d.original?.text || `${line + 1}:${character + 1}`;
      // One problem per line: a message with a line break would split it.
      lines.push(`${file}:${where}  ${d.severity}  ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}  ${d.code}`);
    }
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(results, summary, lang));
  return lines.join('\n') + '\n';
}

export function summaryLine(results: readonly FileResult[], summary: RunSummary, lang: Lang): string {
  const count = (severity: Severity) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  return messagesFor(lang).cli.summary({
    files: results.length,
    errors: count('error'),
    warnings: count('warning'),
    information: count('information'),
    hints: count('hint'),
    skipped: summary.skipped,
    notChecked: summary.notChecked,
  });
}

export function countErrors(results: readonly FileResult[]): number {
  return results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
}

/** By file, then by position (then code, for a stable order). */
export function sortResults(results: FileResult[]): FileResult[] {
  const byPosition = (a: ReportedDiagnostic, b: ReportedDiagnostic) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  for (const r of results) r.diagnostics.sort(byPosition);
  return results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
