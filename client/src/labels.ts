// Localised names shared by the status item and the table preview.

import * as vscode from 'vscode';
import type { ReportStatus } from './protocol';

export function layoutName(layout: ReportStatus['layout']): string {
  switch (layout) {
    case 'tab-grid': return vscode.l10n.t('制表符表格 (tab grid)');
    case 'cell-per-line': return vscode.l10n.t('一格一行 (one cell per line)');
    case 'cell-per-paragraph': return vscode.l10n.t('一格一段 (one cell per paragraph)');
    case 'cell-lines': return vscode.l10n.t('一格一行，行间无空行 (one cell per line, no blank lines)');
    case 'run-together': return vscode.l10n.t('网页压成一行 (web page on one line)');
    case 'pdf-rows': return vscode.l10n.t('PDF 文本 (PDF text)');
    case 'pipe': return vscode.l10n.t('竖线表格 (pipe table)');
    default: return vscode.l10n.t('未识别到表格 (no table found)');
  }
}

export function templateName(status: Pick<ReportStatus, 'template' | 'legacy'>): string {
  if (status.template === 2021) return vscode.l10n.t('2021 版模板 (2021 template)');
  const parts = [status.legacy.t2 ? vscode.l10n.t('表二') : undefined, status.legacy.t3 ? vscode.l10n.t('表三（六）') : undefined].filter((p): p is string => !!p);
  return vscode.l10n.t('2019 版格式：{0} (2019 layout)', parts.join('、'));
}
