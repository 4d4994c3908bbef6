// textDocument/diagnostic (LSP 3.17 pull). Always answers for the version that
// is current when the work starts, so a request that arrived before a later
// edit gets the edited text's result; a cancelled request gets the
// RequestCancelled error the client expects instead of a stale answer.

import {
  type CancellationToken,
  type DocumentDiagnosticParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnostics, fnv1a, type ParsedDocument, type Finding } from '../core/service';
import { uiLanguage } from './locale';
import type { ParseCache } from './parseCache';
import { SentDiagnostics } from './sentDiagnostics';
import type { ServerSettings, SettingsStore } from './settings';
import { throwIfCancelled } from './cancel';

export interface PullDeps {
  documents: TextDocuments<TextDocument>;
  cache: ParseCache;
  settings: SettingsStore;
  docsBase: string;
  /** Adds each finding's place in the original to a rendition's diagnostics (originals.ts). */
  placed?: (uri: string, parsed: ParsedDocument, items: Diagnostic[]) => Diagnostic[];
  /** Year against year (crossYear.ts): what the findings depend on in other files, and the findings. */
  crossYear?: CrossYearSource;
}

export interface CrossYearSource {
  /** Equal keys, equal findings: part of the result id, so a change in last year's file is never answered 'unchanged'. */
  key(uri: string, parsed: ParsedDocument): string;
  findings(uri: string, parsed: ParsedDocument, rules: ServerSettings['rules']): Promise<Finding[]>;
}

export const EMPTY_REPORT: DocumentDiagnosticReport = { kind: 'full', items: [] };


export function pullDiagnosticsHandler(deps: PullDeps) {
  const sent = new SentDiagnostics();
  return async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    throwIfCancelled(token);
    const uri = params.textDocument.uri;
    if (!deps.documents.get(uri)) return EMPTY_REPORT;
    // Read before awaiting: if settings change meanwhile, the id is already stale.
    const generation = deps.settings.generation;
    const { rules, templateYear, crossYear } = await deps.settings.for(uri);
    throwIfCancelled(token);
    const doc = deps.documents.get(uri);
    if (!doc) return EMPTY_REPORT;
    const entry = deps.cache.get(doc);
    const years = crossYear === false ? undefined : deps.crossYear;
    const yearsKey = years ? years.key(uri, entry.parsed) : '';
    const resultId = `${entry.serial}.${generation}${yearsKey ? `.${hash(yearsKey)}` : ''}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const also = yearsKey && years ? await years.findings(uri, entry.parsed, rules) : [];
    throwIfCancelled(token);
    const items = diagnostics(entry.parsed, uri, { rules, templateYear, docsBase: deps.docsBase, lang: uiLanguage(), also, converter: sent.converterFor(doc, deps.docsBase) });
    return sent.answer(doc, params.previousResultId, resultId, deps.placed ? deps.placed(uri, entry.parsed, items) : items);
  };
}

/** A short, stable digest of a key (FNV-1a): result ids stay small however many files a key names. */
function hash(text: string): string {
  return fnv1a(text).toString(36);
}
