// What the client can do decides how we answer: pull or push diagnostics,
// configuration requests or pushed settings, nested or flat symbols.

import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../core/service';
import { SHOW_RULE_DOCS_COMMAND } from './ruleActions';

export interface ClientFeatures {
  /** textDocument/diagnostic: otherwise we publish diagnostics ourselves. */
  readonly pullDiagnostics: boolean;
  /** workspace/diagnostic/refresh: how to re-pull after a settings change. */
  readonly diagnosticRefresh: boolean;
  /** workspace/configuration: otherwise settings come with didChangeConfiguration. */
  readonly configuration: boolean;
  readonly hierarchicalSymbols: boolean;
  /** codeAction/resolve of `edit`: actions are sent without their edits, made when one is chosen. */
  readonly codeActionResolve: boolean;
  /** workspace/didChangeWatchedFiles by dynamic registration: the server watches .gov-report.json itself. */
  readonly watchedFiles?: boolean;
  /** window/showDocument: "查看规则说明" opens the rule's page. */
  readonly showDocument?: boolean;
  /** A WorkspaceEdit may create a file (documentChanges with CreateFile): "关闭此规则" where no config file is yet. */
  readonly createFiles?: boolean;
  /** The most folding ranges the client takes (VS Code: 5,000); more are cut, the deepest first. */
  readonly foldingRangeLimit?: number;
}

export function clientFeatures(caps: ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
    configuration: !!caps.workspace?.configuration,
    hierarchicalSymbols: !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    codeActionResolve: !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') && !!caps.textDocument.codeAction.dataSupport,
    watchedFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    showDocument: !!caps.window?.showDocument?.support,
    createFiles: !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create'),
    ...(caps.textDocument?.foldingRange?.rangeLimit !== undefined ? { foldingRangeLimit: caps.textDocument.foldingRange.rangeLimit } : {}),
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    // didSave (without the text) is asked for so that a client checking on save (govReport.run: onSave)
    // has a save to pull diagnostics on; the server itself does nothing with it.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    documentSymbolProvider: { label: '政府信息公开年报' },
    foldingRangeProvider: true,
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: features.codeActionResolve },
    // "查看规则说明" (ruleActions.ts): the server opens the page with window/showDocument.
    ...(features.showDocument ? { executeCommandProvider: { commands: [SHOW_RULE_DOCS_COMMAND] } } : {}),
    // A report is also read against the same agency's report of the year before (issue 15): an edit in
    // one file can change another's findings. No workspace pass: the client keeps workspace results.
    ...(features.pullDiagnostics ? { diagnosticProvider: { identifier: 'gov-report', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
  };
}
