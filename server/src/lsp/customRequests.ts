// The editor extras' custom requests (client/src: status item, table preview,
// workspace check). Each is a few lines over the core, like the standard
// handlers; all go through guardRequest, so a failure answers null / [].
//
//   govReport/status    { uri }        → ReportStatus (+ uri, version) | null
//   govReport/tables    { uri }        → TablesView (+ uri, version) | null
//   govReport/checkText { uri, text }  → Diagnostic[], or null when nothing of a report is in it (a file that is not open)

import { ErrorCodes, ResponseError, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { diagnostics, holdsReportBody, parseDocument, status, tables, type LastYearCell, type ParsedDocument, type Finding, type RuleSeverities } from '../core/service';
import { guardRequest } from './guard';
import { CHECK_TEXT_REQUEST, STATUS_REQUEST, TABLES_REQUEST, type StatusAnswer, type TablesAnswer } from './protocol';
import { uiLanguage } from './locale';
import type { SettingsStore } from './settings';
import { throwIfCancelled } from './cancel';


/** A report is tens of kilobytes; anything this large is not one, and is not parsed. */
export const MAX_CHECK_TEXT = 5_000_000;

export interface OpenDocument {
  version: number;
  parsed: ParsedDocument;
}

export interface CustomRequestDeps {
  /** The latest parse of an open document, or undefined when it is not open. */
  open(uri: string): OpenDocument | undefined;
  settings: SettingsStore;
  docsBase: string;
  /** Adds each finding's place in the original to a rendition's diagnostics (originals.ts). */
  placed?: (uri: string, parsed: ParsedDocument, items: Diagnostic[]) => Diagnostic[];
  /** Year against year for the table preview: last year's findings and figures beside the cells. */
  lastYear?: (uri: string, parsed: ParsedDocument, rules: RuleSeverities) => Promise<{ findings: Finding[]; cells: LastYearCell[] }>;
}


function uriOf(params: unknown): string {
  const uri = typeof params === 'object' && params !== null ? (params as { uri?: unknown }).uri : undefined;
  if (typeof uri !== 'string' || uri.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, '缺少文档 uri (missing uri)');
  return uri;
}


export function registerCustomRequests(connection: Connection, deps: CustomRequestDeps): void {
  const log = connection.console;

  connection.onRequest(STATUS_REQUEST, guardRequest(log, STATUS_REQUEST, () => null, async (params: unknown, token): Promise<StatusAnswer | null> => {
    const uri = uriOf(params);
    const { templateYear } = await deps.settings.for(uri);
    throwIfCancelled(token);
    const doc = deps.open(uri);
    if (!doc) return null;
    return { uri, version: doc.version, ...status(doc.parsed, { templateYear }) };
  }));

  connection.onRequest(TABLES_REQUEST, guardRequest(log, TABLES_REQUEST, () => null, async (params: unknown, token): Promise<TablesAnswer | null> => {
    const uri = uriOf(params);
    const { rules, templateYear, crossYear } = await deps.settings.for(uri);
    throwIfCancelled(token);
    const doc = deps.open(uri);
    if (!doc) return null;
    const years = crossYear !== false && deps.lastYear ? await deps.lastYear(uri, doc.parsed, rules) : undefined;
    throwIfCancelled(token);
    return { uri, version: doc.version, ...tables(doc.parsed, { rules, templateYear, lang: uiLanguage(), ...(years ? { also: years.findings, lastYear: years.cells } : {}) }) };
  }));

  connection.onRequest(CHECK_TEXT_REQUEST, guardRequest(log, CHECK_TEXT_REQUEST, () => [], async (params: unknown, token): Promise<Diagnostic[] | null> => {
    const uri = uriOf(params);
    const text = (params as { text?: unknown }).text;
    if (typeof text !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, '缺少文本 (missing text)');
    if (text.length > MAX_CHECK_TEXT) throw new ResponseError(ErrorCodes.InvalidParams, `文本过大（${text.length} 个字符），不像年度报告，已跳过 (text too large, skipped)`);
    // Settings are cached per uri for open documents; a workspace pass must not fill the cache.
    const { rules, templateYear } = await (deps.open(uri) ? deps.settings.for(uri) : deps.settings.forClosed(uri));
    throwIfCancelled(token);
    const parsed = parseDocument(text);
    // A workspace pass walks folders as the CLI does: a page that only names the report is none (report-body.ts).
    if (!holdsReportBody(parsed.report)) return null;
    const items = diagnostics(parsed, uri, { rules, templateYear, docsBase: deps.docsBase, lang: uiLanguage() });
    return deps.placed ? deps.placed(uri, parsed, items) : items;
  }));
}
