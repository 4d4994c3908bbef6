// `govReport.run`: when the report is checked, as you type or when saved. The
// language client's pull options and the table preview both follow it.

import * as vscode from 'vscode';

export type RunMode = 'onType' | 'onSave';

export function runMode(): RunMode {
  return vscode.workspace.getConfiguration('govReport').get<string>('run') === 'onSave' ? 'onSave' : 'onType';
}
