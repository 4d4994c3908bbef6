// The custom requests the client sends (server/src/lsp/customRequests.ts) and
// their answers. Types only come from the server side: nothing of the core is
// bundled into the client but core/detect.ts.

import type { CancellationToken } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  CHECK_TEXT_REQUEST,
  NEW_REPORT_REQUEST,
  READ_ORIGINAL_REQUEST,
  STATUS_REQUEST,
  TABLES_REQUEST,
  type NewReportParams,
  type ReadOriginalAnswer,
  type StatusAnswer,
  type TablesAnswer,
} from '../../server/src/lsp/protocol';

export type { ReadOriginalAnswer, ReportStatus, StatusAnswer, TablesAnswer, TablesView } from '../../server/src/lsp/protocol';

/** Undefined while the server is not running (starting, restarting, stopped). */
export async function request<R>(client: LanguageClient | undefined, method: string, params: object, token?: CancellationToken): Promise<R | undefined> {
  if (!client?.isRunning()) return undefined;
  return token ? client.sendRequest<R>(method, params, token) : client.sendRequest<R>(method, params);
}

export function requestStatus(client: LanguageClient | undefined, uri: string): Promise<StatusAnswer | null | undefined> {
  return request<StatusAnswer | null>(client, STATUS_REQUEST, { uri });
}

export function requestTables(client: LanguageClient | undefined, uri: string): Promise<TablesAnswer | null | undefined> {
  return request<TablesAnswer | null>(client, TABLES_REQUEST, { uri });
}

/** The problems of a file that is not open; null when nothing of a report is in it, undefined when not answered. */
export function requestCheckText(client: LanguageClient | undefined, uri: string, text: string, token?: CancellationToken): Promise<Diagnostic[] | null | undefined> {
  return request<Diagnostic[] | null>(client, CHECK_TEXT_REQUEST, { uri, text }, token);
}

/** An original's rendition from the server's readers; `rendition`: the URI it is shown under (for the hover's place). */
export function requestReadOriginal(client: LanguageClient | undefined, params: { uri: string; name: string; data: string; rendition?: string }, token?: CancellationToken): Promise<ReadOriginalAnswer | undefined> {
  return request<ReadOriginalAnswer>(client, READ_ORIGINAL_REQUEST, params, token);
}

/** The text of a new report on the template (the server holds the template). */
export function requestNewReport(client: LanguageClient | undefined, params: NewReportParams): Promise<string | undefined> {
  return request<string>(client, NEW_REPORT_REQUEST, params);
}
