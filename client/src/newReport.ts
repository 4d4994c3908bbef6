// "新建年度报告": asks for the agency and the year, then opens a new untitled
// report on the 2021 template. The server writes the text (the template lives
// there); the client only asks and shows.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerNewReportCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govReport.newReport', async () => {
      const agency = await vscode.window.showInputBox({ title: vscode.l10n.t('新建年度报告 (New Annual Report)'), prompt: vscode.l10n.t('机关名称（如：某某市某某局） (Agency name)'), value: '', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('请填写机关名称 (Enter the agency name)')) });
      if (!agency) return;
      const lastYear = String(new Date().getFullYear() - 1);
      const year = await vscode.window.showInputBox({ title: vscode.l10n.t('新建年度报告 (New Annual Report)'), prompt: vscode.l10n.t('报告年度 (Report year)'), value: lastYear, ignoreFocusOut: true, validateInput: (v) => (/^20\d\d$/.test(v.trim()) ? undefined : vscode.l10n.t('请填写四位年份，如 2025 (Enter a four-digit year)')) });
      if (!year) return;
      const running = client();
      if (!running) return void vscode.window.showErrorMessage(vscode.l10n.t('语言服务器未启动，无法新建报告。 (The language server is not running.)'));
      const content = await running.sendRequest<string>('govReport/newReport', { year: Number(year), agency: agency.trim() });
      const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content });
      await vscode.window.showTextDocument(doc);
    }),
  );
}
