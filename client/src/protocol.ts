// The custom requests the client sends (server/src/lsp/customRequests.ts) and
// their answers. Types only come from the server side: nothing of the core is
// bundled into the client but core/detect.ts.

import type { CancellationToken } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ReportStatus } from '../../server/src/core/features/status';
import type { TablesView } from '../../server/src/core/features/tablesView';
import type { ReadOriginalAnswer } from '../../server/src/lsp/originals';

export type { ReadOriginalAnswer, ReportStatus, TablesView };
export type StatusAnswer = ReportStatus & { uri: string; version: number };
export type TablesAnswer = TablesView & { uri: string; version: number };

export const STATUS_REQUEST = 'govReport/status';
export const TABLES_REQUEST = 'govReport/tables';
export const CHECK_TEXT_REQUEST = 'govReport/checkText';

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

export function requestCheckText(client: LanguageClient | undefined, uri: string, text: string, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
  return request<Diagnostic[]>(client, CHECK_TEXT_REQUEST, { uri, text }, token);
}

export const READ_ORIGINAL_REQUEST = 'govReport/readOriginal';

/** An original's rendition from the server's readers; `rendition`: the URI it is shown under (for the hover's place). */
export function requestReadOriginal(client: LanguageClient | undefined, params: { uri: string; name: string; data: string; rendition?: string }, token?: CancellationToken): Promise<ReadOriginalAnswer | undefined> {
  return request<ReadOriginalAnswer>(client, READ_ORIGINAL_REQUEST, params, token);
}
