// The façade the LSP glue and the CLI call. Pure: text in, answers out.

import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-types';
import { codeActions, type CodeActionQuery } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { documentSymbols } from './features/symbols';
import { formatTables } from './features/tablesText';
import type { Report } from './model';
import { parseReport } from './parse/parse';
import { checkReport } from './rules';
import type { Finding, RuleSeverities } from './rules/types';
import { renderNewReport, type NewReportOptions } from './template-text';
import { LineIndex } from './text/lines';

export interface ParsedDocument {
  readonly text: string;
  readonly report: Report;
  readonly lines: LineIndex;
}

export interface CheckOptions {
  rules?: RuleSeverities;
}

export function parseDocument(text: string): ParsedDocument {
  return { text, report: parseReport(text), lines: new LineIndex(text) };
}

export function check(doc: ParsedDocument, options: CheckOptions = {}): Finding[] {
  return checkReport(doc.report, doc.text, options.rules);
}

export function diagnostics(doc: ParsedDocument, uri: string, options: CheckOptions & { docsBase?: string } = {}): Diagnostic[] {
  return toDiagnostics(check(doc, options), doc.lines, uri, options.docsBase);
}

export function symbols(doc: ParsedDocument): DocumentSymbol[] {
  return documentSymbols(doc.report, doc.text, doc.lines);
}

export function folding(doc: ParsedDocument): FoldingRange[] {
  return foldingRanges(doc.report, doc.lines);
}

export function tablesAsText(doc: ParsedDocument): string {
  return formatTables(doc.report);
}

export { looksLikeReport } from './detect';

export function hover(doc: ParsedDocument, offset: number): Hover | undefined {
  return hoverAt(doc.report, doc.lines, offset);
}

/** Quick fixes and fix-all for a range (offsets) of the document. */
export function actions(doc: ParsedDocument, query: CodeActionQuery, options: CheckOptions & { docsBase?: string } = {}): CodeAction[] {
  return codeActions(check(doc, options), doc.lines, query, options.docsBase);
}

/** A new report on the 2021 template, tables zero-filled, prose as placeholders. */
export function newReport(options: NewReportOptions): string {
  return renderNewReport(options);
}

export { FIX_ALL_KIND } from './features/codeActions';

/** One edit, in the coordinates of the text it applies to (LSP incremental sync, as offsets). */
export interface TextChange {
  range: { start: number; end: number };
  text: string;
}

/**
 * The document after `changes` (applied in order, each in the coordinates left
 * by the previous one). Reuses what the edits did not touch; the result equals
 * parseDocument(newText).
 */
export function updateDocument(prev: ParsedDocument, changes: readonly TextChange[]): ParsedDocument {
  let text = prev.text;
  for (const c of changes) text = text.slice(0, c.range.start) + c.text + text.slice(c.range.end);
  return parseDocument(text);
}
