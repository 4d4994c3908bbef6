// textDocument/diagnostic (LSP 3.17 pull). Always answers for the version that
// is current when the work starts, so a request that arrived before a later
// edit gets the edited text's result; a cancelled request gets the
// RequestCancelled error the client expects instead of a stale answer.

import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnostics, type ParsedDocument } from '../core/service';
import { uiLanguage } from './locale';
import type { ParseCache } from './parseCache';
import type { SettingsStore } from './settings';

export interface PullDeps {
  documents: TextDocuments<TextDocument>;
  cache: ParseCache;
  settings: SettingsStore;
  docsBase: string;
  /** Adds each finding's place in the original to a rendition's diagnostics (originals.ts). */
  placed?: (uri: string, parsed: ParsedDocument, items: Diagnostic[]) => Diagnostic[];
}

export const EMPTY_REPORT: DocumentDiagnosticReport = { kind: 'full', items: [] };

function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消 (request cancelled)');
}

export function pullDiagnosticsHandler(deps: PullDeps) {
  return async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    throwIfCancelled(token);
    const uri = params.textDocument.uri;
    if (!deps.documents.get(uri)) return EMPTY_REPORT;
    // Read before awaiting: if settings change meanwhile, the id is already stale.
    const generation = deps.settings.generation;
    const { rules, templateYear } = await deps.settings.for(uri);
    throwIfCancelled(token);
    const doc = deps.documents.get(uri);
    if (!doc) return EMPTY_REPORT;
    const entry = deps.cache.get(doc);
    const resultId = `${entry.serial}.${generation}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const items = diagnostics(entry.parsed, uri, { rules, templateYear, docsBase: deps.docsBase, lang: uiLanguage() });
    return { kind: 'full', resultId, items: deps.placed ? deps.placed(uri, entry.parsed, items) : items };
  };
}
