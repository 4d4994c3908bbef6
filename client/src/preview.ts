// "预览表格": a webview beside the report drawing 表二, 表三 and 表四 from the
// server's parse (govReport/tables), problems coloured, sums computed. It
// follows the text as you type (debounced), or only when it is saved when
// govReport.run is onSave (issue 19: the page must not move while typing),
// and the diagnostics as they change;
// clicking a cell puts the cursor on that cell in the text.

import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { layoutName, templateName } from './labels';
import { DEFAULT_STRINGS, renderPreviewBody, renderPreviewDocument, type PreviewStrings } from '../../server/src/core/features/previewHtml';
import { requestTables, type TablesAnswer } from './protocol';
import { runMode } from './runMode';

const VIEW_TYPE = 'govReport.tablesPreview';
const DEBOUNCE_MS = 300;
/** How long after a reveal the preview's late focus is undone. */
const FOCUS_SETTLE_MS = 1000;

function strings(): PreviewStrings {
  return {
    ...DEFAULT_STRINGS,
    loading: vscode.l10n.t('Reading the tables…'),
    noTables: vscode.l10n.t('No 表二, 表三 or 表四 found.'),
    // Short labels inside table cells: English alone where the editor runs in English (a bilingual
    // label does not fit a cell); Chinese from the zh-cn bundle.
    notFound: vscode.l10n.t('(not found)'),
    blank: vscode.l10n.t('(blank)'),
    lost: vscode.l10n.t('Cell lost in export'),
    uncertain: vscode.l10n.t('Column inferred (the row lost a cell in export): not used in sums'),
    expected: vscode.l10n.t('should be'),
    rowSum: vscode.l10n.t('Row sum (computed)'),
    leafSums: vscode.l10n.t('Sum of （一） to （六） (computed)'),
    balance: vscode.l10n.t('Balance: 一 + 二 (computed; should equal （七）总计 + 四)'),
    computedLabel: vscode.l10n.t('computed'),
    tableProblems: vscode.l10n.t('Problems in this table'),
    unknownSum: vscode.l10n.t('Uncertain cells: not computed'),
    lastYear: vscode.l10n.t('last year'),
  };
}

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const pos = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character) && (p as { line: number }).line >= 0 && (p as { character: number }).character >= 0;
  return typeof value === 'object' && value !== null && pos((value as { start?: unknown }).start) && pos((value as { end?: unknown }).end);
}

class TablePreview {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Requests answered out of order must not show an older text. */
  private sequence = 0;
  private disposed = false;
  /** Whether the page has tables yet: the first answer replaces the whole page, later ones are posted. */
  private filled = false;
  /** The body last drawn: an answer that draws the same is not posted (a redraw would drop a selection in the page). */
  private lastBody: string | undefined;
  private wasVisible = true;
  /** Gives the focus back to the editor if the preview takes it just after a reveal (keepFocusInEditor). */
  private focusGuard: vscode.Disposable | undefined;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
  ) {
    this.panel.webview.html = this.page(undefined);
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      this.panel.onDidChangeViewState(() => {
        // Shown again after being hidden: the page may have been dropped meanwhile; redraw it whole.
        if (this.panel.visible && !this.wasVisible) {
          this.filled = false;
          this.schedule(0);
        }
        this.wasVisible = this.panel.visible;
      }),
    );
  }

  private page(view: TablesAnswer | null | undefined): string {
    return renderPreviewDocument(view, { nonce: randomBytes(16).toString('base64'), title: this.panel.title, strings: strings(), ...(view ? { meta: this.meta(view) } : {}) });
  }

  private meta(view: TablesAnswer): string {
    return `${path.basename(this.uri.path)} · ${templateName({ template: view.template, legacy: { t2: !!view.t2?.legacy, t3: !!view.t3?.legacy } })} · ${layoutName(view.layout)}`;
  }

  schedule(delay = DEBOUNCE_MS): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async refresh(): Promise<void> {
    // Nothing to draw while hidden: the page is redrawn whole when shown again.
    if (!this.panel.visible) {
      this.filled = false;
      return;
    }
    const ticket = ++this.sequence;
    let view: TablesAnswer | null | undefined;
    try {
      view = await requestTables(this.client(), this.uri.toString());
    } catch (error) {
      console.warn(`[gov-report] tables: ${String(error)}`);
      return;
    }
    if (this.disposed || ticket !== this.sequence || view === undefined) return;
    // The first answer (or the first since the page was hidden) replaces the whole page.
    const body = renderPreviewBody(view, strings(), view ? this.meta(view) : undefined);
    if (!this.filled || !this.panel.visible) {
      this.filled = true;
      this.lastBody = body;
      this.panel.webview.html = this.page(view);
      return;
    }
    // Diagnostics change for many reasons (another file, a re-pull) that leave this page as it is.
    if (body === this.lastBody) return;
    this.lastBody = body;
    const delivered = await this.panel.webview.postMessage({ type: 'update', html: body });
    if (!delivered && !this.disposed) this.panel.webview.html = this.page(view);
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'reveal') return;
    const range = (message as { range?: unknown }).range;
    if (!isRange(range)) return;
    const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const doc = shown?.document ?? (await vscode.workspace.openTextDocument(this.uri));
    const column = shown?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    const selection = doc.validateRange(target);
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.keepFocusInEditor(doc, column);
  }

  /**
   * The click that sent a reveal also focused the preview, and VS Code learns of that focus from the webview
   * asynchronously: sometimes after the editor took it, and the preview became active again, with the cursor on
   * the cell but the keys going to the page. For a moment after a reveal, the editor takes the focus back once.
   */
  private keepFocusInEditor(doc: vscode.TextDocument, column: vscode.ViewColumn): void {
    this.focusGuard?.dispose();
    const guard = this.panel.onDidChangeViewState(() => {
      if (!this.panel.active) return;
      guard.dispose();
      void vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    });
    const timer = setTimeout(() => guard.dispose(), FOCUS_SETTLE_MS);
    this.focusGuard = { dispose: () => (clearTimeout(timer), guard.dispose()) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.focusGuard?.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDispose();
  }
}

export function registerTablePreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, onClient: vscode.Event<LanguageClient | undefined>): void {
  const previews = new Map<string, TablePreview>();

  const open = (uri?: vscode.Uri) => {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : editor?.document;
    if (!doc || doc.languageId !== 'gov-report') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
      return;
    }
    const key = doc.uri.toString();
    const existing = previews.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.schedule(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Tables: {0}', path.basename(doc.uri.path)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true },
    );
    const preview = new TablePreview(doc.uri, panel, client, () => previews.delete(key));
    previews.set(key, preview);
    preview.schedule(0);
  };

  const forUri = (uri: vscode.Uri) => previews.get(uri.toString());

  context.subscriptions.push(
    vscode.commands.registerCommand('govReport.previewTables', (uri?: unknown) => open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && runMode() === 'onType') forUri(e.document.uri)?.schedule();
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => forUri(doc.uri)?.schedule(0)),
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) forUri(uri)?.schedule();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => forUri(doc.uri)?.dispose()),
    onClient(() => previews.forEach((p) => p.schedule(0))),
    { dispose: () => [...previews.values()].forEach((p) => p.dispose()) },
  );
}
