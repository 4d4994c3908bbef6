// "新建年度报告": asks for the agency and the year, then opens a new untitled
// report on the 2021 template. The server writes the text (the template lives
// there); the client only asks and shows.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestNewReport } from './protocol';

export function registerNewReportCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govReport.newReport', async () => {
      const agency = await vscode.window.showInputBox({ title: vscode.l10n.t('New Annual Report'), prompt: vscode.l10n.t('Agency name (e.g. 某某市某某局)'), value: '', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the agency name')) });
      if (!agency) return;
      const lastYear = String(new Date().getFullYear() - 1);
      const year = await vscode.window.showInputBox({ title: vscode.l10n.t('New Annual Report'), prompt: vscode.l10n.t('Report year'), value: lastYear, ignoreFocusOut: true, validateInput: (v) => (/^20\d\d$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a four-digit year, such as 2025')) });
      if (!year) return;
      const content = await requestNewReport(client(), { year: Number(year), agency: agency.trim() });
      if (content === undefined) return void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running: no report was created.'));
      const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content });
      await vscode.window.showTextDocument(doc);
    }),
  );
}
