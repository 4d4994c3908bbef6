// Localised names shared by the status item and the table preview.

import * as vscode from 'vscode';
import type { ReportStatus } from './protocol';

export function layoutName(layout: ReportStatus['layout']): string {
  switch (layout) {
    case 'tab-grid': return vscode.l10n.t('tab grid');
    case 'cell-per-line': return vscode.l10n.t('one cell per line');
    case 'cell-per-paragraph': return vscode.l10n.t('one cell per paragraph');
    case 'cell-lines': return vscode.l10n.t('one cell per line, no blank lines');
    case 'run-together': return vscode.l10n.t('web page on one line');
    case 'pdf-rows': return vscode.l10n.t('PDF text');
    case 'pipe': return vscode.l10n.t('pipe table');
    case 'html': return vscode.l10n.t('HTML table');
    case 'box': return vscode.l10n.t('table drawn in box lines');
    default: return vscode.l10n.t('no table found');
  }
}

export function templateName(status: Pick<ReportStatus, 'template' | 'legacy'>): string {
  if (status.template === 2021) return vscode.l10n.t('2021 template');
  const parts = [status.legacy.t2 ? vscode.l10n.t('表二') : undefined, status.legacy.t3 ? vscode.l10n.t('表三（六）') : undefined].filter((p): p is string => !!p);
  return vscode.l10n.t('2019 layout: {0}', parts.join(vscode.l10n.t(', ')));
}
