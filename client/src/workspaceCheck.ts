// "检查工作区中的年度报告": every *.txt in the workspace that reads as a report
// (or is named like one) is checked by the server (govReport/checkText) and
// its problems listed in the Problems panel; so is every web page, Word file
// and PDF, read through the server's readers (originals.ts), its problems
// listed against its rendition (a click opens it at the cell), with a cancellable progress
// notification and a summary. Open reports are the server's own business (it
// diagnoses them as you type): they are skipped, and a report opened later
// hides its workspace-check entry for the same reason. The results stay (issue
// 19): a checked report that is closed again is checked again from disk and
// listed, and one that changes on disk while closed is checked again.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DETECTION_WINDOW, looksLikeReport } from '../../server/src/core/detect';
import { isOriginalName, ORIGINAL_EXTENSIONS, OriginalError, readRendition, renditionUri } from './originals';
import { requestCheckText } from './protocol';
import { countProblems } from './statusItem';

/** Reports are tens of kilobytes; larger text files are something else. */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 10_000;
const NAME_PATTERN = /年度报告|年报/;
const FILE_PATTERN = `**/*.{txt,${ORIGINAL_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/** Whether a file is worth checking: its opening reads as a report, or its name says it is one. */
export function isReportCandidate(fileName: string, text: string): boolean {
  return NAME_PATTERN.test(path.basename(fileName)) || looksLikeReport(text.slice(0, DETECTION_WINDOW));
}

/** UTF-8 (with or without BOM), else GB18030 (which covers GBK), as the CLI reads files. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

function isOpenReport(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.languageId === 'gov-report' && d.uri.toString() === uri.toString());
}

/** What checking one file gave: its diagnostics, or why it was not checked. */
type FileResult = { diagnostics: vscode.Diagnostic[] } | { skipped: 'open' | 'not-a-report' } | { stopped: true };

export function registerWorkspaceCheck(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const collection = vscode.languages.createDiagnosticCollection('gov-report-workspace');
  /** The files the last workspace check covered: their results are kept up to date while they are closed. */
  const covered = new Set<string>();
  let running: vscode.CancellationTokenSource | undefined;
  // Only covered files are acted on; the pattern is the one the check collects.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');

  /** Reads one file, has the server check it and lists its problems (none listed while it is open). */
  const checkFile = async (file: vscode.Uri, stop?: vscode.CancellationToken): Promise<FileResult> => {
    // An original's problems are listed against its rendition, where they have a line and column.
    const original = isOriginalName(file.path);
    const uri = original ? renditionUri(file) : file;
    // Open: the server's; covered all the same, so that closing it brings its results back.
    if (isOpenReport(uri)) {
      covered.add(uri.toString());
      return { skipped: 'open' };
    }
    let text: string;
    if (original) text = await readRendition(client(), file, stop);
    else {
      const stat = await vscode.workspace.fs.stat(file);
      if (stat.size > MAX_REPORT_BYTES) return { skipped: 'not-a-report' };
      text = decodeText(await vscode.workspace.fs.readFile(file));
    }
    if (!isReportCandidate(file.path, text)) return { skipped: 'not-a-report' };
    const items = await requestCheckText(client(), uri.toString(), text, stop);
    if (items === undefined || stop?.isCancellationRequested) return { stopped: true };
    // Named in its opening, yet no report (the column's list of reports, a notice about them): as the CLI skips it.
    if (items === null) {
      collection.delete(uri);
      return { skipped: 'not-a-report' };
    }
    covered.add(uri.toString());
    // Opened while we were checking: the server has it now.
    if (isOpenReport(uri)) return { skipped: 'open' };
    const converter = client()?.protocol2CodeConverter;
    if (!converter) return { stopped: true };
    const diagnostics = await converter.asDiagnostics(items);
    if (isOpenReport(uri)) return { skipped: 'open' };
    collection.set(uri, diagnostics);
    return { diagnostics };
  };

  /** A covered file closed or changed on disk: checked again, quietly (a failure drops its stale entry). */
  const recheck = (uri: vscode.Uri): Promise<void> => {
    // Renditions of originals are read again when opened, not re-checked here.
    if (uri.scheme !== 'file' || !covered.has(uri.toString()) || isOpenReport(uri)) return Promise.resolve();
    return checkFile(uri).then(
      (result) => {
        if ('skipped' in result && result.skipped === 'not-a-report') collection.delete(uri);
      },
      (error: unknown) => {
        collection.delete(uri);
        console.warn(`[gov-report] workspace check of ${uri.toString()}: ${String(error)}`);
      },
    );
  };

  // A .gov-report.json created, changed or deleted (issue 16): the closed reports the check covered are
  // checked again, one after another; the server reads the config afresh for a file that is not open.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.gov-report.json');
  let configTimer: ReturnType<typeof setTimeout> | undefined;
  const recheckCovered = () => {
    // Saving a file can fire several events: one pass for them all.
    clearTimeout(configTimer);
    configTimer = setTimeout(() => {
      void (async () => {
        for (const key of [...covered]) await recheck(vscode.Uri.parse(key));
      })();
    }, 300);
  };

  const run = async () => {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder or workspace first.'));
      return;
    }
    const server = client();
    if (!server?.isRunning()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running: nothing was checked.'));
      return;
    }
    running?.cancel();
    const own = new vscode.CancellationTokenSource();
    running = own;
    collection.clear();
    covered.clear();
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking annual reports'), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => own.cancel());
        const stop = own.token;
        progress.report({ message: vscode.l10n.t('Finding files…') });
        const files = (await vscode.workspace.findFiles(FILE_PATTERN, '**/node_modules/**', MAX_FILES, stop)).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
        let checked = 0;
        let skippedOpen = 0;
        let errors = 0;
        let warnings = 0;
        let withProblems = 0;
        const failed: string[] = [];
        for (const [k, file] of files.entries()) {
          if (stop.isCancellationRequested) break;
          progress.report({ message: `${k + 1}/${files.length} ${path.basename(file.path)}`, increment: 100 / Math.max(files.length, 1) });
          try {
            const result = await checkFile(file, stop);
            if ('stopped' in result) break;
            if ('skipped' in result) {
              if (result.skipped === 'open') skippedOpen++;
              continue;
            }
            const { diagnostics } = result;
            checked++;
            const counts = countProblems(diagnostics);
            errors += counts.errors;
            warnings += counts.warnings;
            if (diagnostics.length) withProblems++;
          } catch (error) {
            if (stop.isCancellationRequested) break;
            failed.push(error instanceof OriginalError ? error.message : `${path.basename(file.path)}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        return { checked, skippedOpen, errors, warnings, withProblems, failed, cancelled: stop.isCancellationRequested };
      },
    );
    if (running === own) running = undefined;
    own.dispose();

    const parts = [
      summary.cancelled
        ? vscode.l10n.t('Cancelled after {0} reports: {1} errors, {2} warnings.', summary.checked, summary.errors, summary.warnings)
        : vscode.l10n.t('Checked {0} reports: {1} errors, {2} warnings.', summary.checked, summary.errors, summary.warnings),
      ...(summary.skippedOpen ? [vscode.l10n.t('{0} open reports are checked as you type.', summary.skippedOpen)] : []),
      ...(summary.failed.length ? [vscode.l10n.t('{0} files could not be read: {1}', summary.failed.length, summary.failed.slice(0, 3).join('；'))] : []),
    ];
    const show = vscode.l10n.t('Show Problems');
    const message = parts.join(' ');
    const pick = summary.errors + summary.warnings > 0 || summary.withProblems > 0
      ? await vscode.window.showWarningMessage(message, show)
      : await vscode.window.showInformationMessage(message);
    if (pick === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  };

  context.subscriptions.push(
    collection,
    vscode.commands.registerCommand('govReport.checkWorkspace', run),
    // An opened report is diagnosed by the server; keep no second copy of its problems while it is open.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'gov-report') collection.delete(doc.uri);
    }),
    // Closed again (the server's diagnostics go with it): its problems come back, as the file on disk is now.
    vscode.workspace.onDidCloseTextDocument((doc) => recheck(doc.uri)),
    watcher,
    watcher.onDidChange(recheck),
    watcher.onDidCreate(recheck),
    watcher.onDidDelete((uri) => {
      covered.delete(uri.toString());
      collection.delete(uri);
    }),
    configWatcher,
    configWatcher.onDidChange(recheckCovered),
    configWatcher.onDidCreate(recheckCovered),
    configWatcher.onDidDelete(recheckCovered),
    { dispose: () => clearTimeout(configTimer) },
    { dispose: () => running?.cancel() },
  );
}
