// The language status item of a gov-report editor: the errors and warnings
// found, the sections and placeholders still to be written (section.empty at
// information level: never ✓ while something is unfilled), the template recognised (2021, or the 2019 layout of 表二 / 表三
// （六）) and the tables' text layout. Clicking it opens the Problems panel.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { layoutName, templateName } from './labels';
import { requestStatus, type StatusAnswer } from './protocol';

const SOURCE = 'gov-report';
/** The rule whose information-level findings are what is left to fill in (server/src/core/rules/section-empty.ts). */
const UNFILLED_CODE = 'section.empty';
const DEBOUNCE_MS = 300;

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Sections and placeholders still to be written. */
  unfilled: number;
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** The server's errors and warnings for a document (other extensions' diagnostics are not ours to count). */
export function countProblems(diagnostics: readonly vscode.Diagnostic[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  let unfilled = 0;
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    else if (d.severity === vscode.DiagnosticSeverity.Information && codeOf(d) === UNFILLED_CODE) unfilled++;
  }
  return { errors, warnings, unfilled };
}

/** The item's text: errors and warnings when there are any, what is left to fill in, ✓ only when neither. */
function statusText({ errors, warnings, unfilled }: ProblemCounts): string {
  const parts = [
    ...(errors + warnings > 0 ? [`$(error) ${errors}  $(warning) ${warnings}`] : []),
    ...(unfilled > 0 ? [`$(edit) ${vscode.l10n.t('{0} to fill in', unfilled)}`] : []),
  ];
  return parts.length ? parts.join('  ') : `$(check) ${vscode.l10n.t('No problems')}`;
}

/** What a screen reader says: plain words, no icon names. */
function statusLabel({ errors, warnings, unfilled }: ProblemCounts): string {
  const problems = vscode.l10n.t('{0} errors, {1} warnings', errors, warnings);
  return unfilled > 0 ? `${problems}; ${vscode.l10n.t('{0} sections or passages still to fill in', unfilled)}` : problems;
}

export function registerStatusItem(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, onClient: vscode.Event<LanguageClient | undefined>): void {
  const item = vscode.languages.createLanguageStatusItem('govReport.status', { language: 'gov-report' });
  item.name = vscode.l10n.t('Gov Report');
  item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
  item.text = vscode.l10n.t('Gov Report');
  const statuses = new Map<string, StatusAnswer>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const active = (): vscode.TextDocument | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'gov-report' ? doc : undefined;
  };

  const render = () => {
    const doc = active();
    if (!doc) return;
    const counts = countProblems(vscode.languages.getDiagnostics(doc.uri));
    const { errors, warnings } = counts;
    item.text = statusText(counts);
    item.accessibilityInformation = { label: statusLabel(counts) };
    item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    const status = statuses.get(doc.uri.toString());
    if (!status) {
      item.detail = statusLabel(counts);
      return;
    }
    const missing = (['t2', 't3', 't4'] as const).filter((t) => !status.tables[t]).map((t) => ({ t2: vscode.l10n.t('表二'), t3: vscode.l10n.t('表三'), t4: vscode.l10n.t('表四') })[t]);
    item.detail = [
      templateName(status),
      layoutName(status.layout),
      ...(missing.length ? [vscode.l10n.t('{0} not found', missing.join(vscode.l10n.t(', ')))] : []),
    ].join(' · ');
  };

  const refresh = async () => {
    const doc = active();
    if (!doc) return;
    // The spinner only until the first answer: later updates must not flicker as you type.
    item.busy = !statuses.has(doc.uri.toString());
    try {
      const answer = await requestStatus(client(), doc.uri.toString());
      if (answer) statuses.set(answer.uri, answer);
    } catch (error) {
      console.warn(`[gov-report] status: ${String(error)}`);
    } finally {
      item.busy = false;
      render();
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void refresh();
    }, DEBOUNCE_MS);
  };

  context.subscriptions.push(
    item,
    { dispose: () => timer !== undefined && clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(() => {
      render();
      schedule();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const doc = active();
      if (!doc || !e.uris.some((u) => u.toString() === doc.uri.toString())) return;
      render();
      // Diagnostics before any status: the document became a report after the editor changed.
      if (!statuses.has(doc.uri.toString())) schedule();
    }),
    // Detection switches a plain-text document to gov-report by closing and reopening it.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'gov-report') schedule();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === active() && e.contentChanges.length > 0) schedule();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => statuses.delete(doc.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('govReport.templateYear')) schedule();
    }),
    onClient(() => schedule()),
  );
  render();
  schedule();
}
