// Plain-text files that read as an annual report switch to the gov-report
// language, which starts the language server for them. Only the opening is
// read (looksLikeReport looks no further), so large files cost nothing.

import * as vscode from 'vscode';
import { DETECTION_WINDOW, looksLikeReport } from '../../server/src/core/detect';

// The schemes the language client serves; others (git:, output:) keep their mode.
const SCHEMES = new Set(['file', 'untitled']);

function detect(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext' || !SCHEMES.has(doc.uri.scheme)) return;
  if (!vscode.workspace.getConfiguration('govReport', doc).get<boolean>('detectInPlainText', true)) return;
  const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(DETECTION_WINDOW)));
  if (!looksLikeReport(head)) return;
  vscode.languages.setTextDocumentLanguage(doc, 'gov-report').then(undefined, (error: unknown) => {
    console.warn(`[gov-report] 无法切换语言模式 (could not switch language mode): ${String(error)}`);
  });
}

export function registerReportDetection(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  for (const doc of vscode.workspace.textDocuments) detect(doc);
}
