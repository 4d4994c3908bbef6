// Check results → what the user reads: text lines (1-based line:column, as
// editors and terminals show them) or JSON (zero-based UTF-16, as in LSP).

import { messagesFor, type Lang } from '../core/i18n';
import type { Finding, Severity } from '../core/rules/types';
import type { LineIndex, Position } from '../core/text/lines';

export interface ReportedDiagnostic {
  range: { start: Position; end: Position };
  severity: Severity;
  code: string;
  message: string;
}

export interface FileResult {
  file: string;
  diagnostics: ReportedDiagnostic[];
}

export interface RunSummary {
  /** Walked .txt files that did not look like a report. */
  skipped: number;
  /** Paths that could not be read or checked (already explained on stderr). */
  notChecked: number;
}

export function toReported(finding: Finding, lines: LineIndex): ReportedDiagnostic {
  return { range: lines.rangeOf(finding.range), severity: finding.severity, code: finding.code, message: finding.message };
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(results, null, 2) + '\n';
}

/** `lang`: the language of the summary line (the messages are already in it). */
export function formatText(results: readonly FileResult[], summary: RunSummary, lang: Lang = 'zh'): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const { line, character } = d.range.start;
      // One problem per line: a message with a line break would split it.
      lines.push(`${file}:${line + 1}:${character + 1}  ${d.severity}  ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}  ${d.code}`);
    }
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(results, summary, lang));
  return lines.join('\n') + '\n';
}

function summaryLine(results: readonly FileResult[], summary: RunSummary, lang: Lang): string {
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
