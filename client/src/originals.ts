// Originals in the editor (issue 13): a web page, Word file or PDF report is
// shown as its rendition (the text the checker reads: paragraphs one a line,
// table rows with tab-separated cells), a read-only gov-report document with
// every feature. The bytes are read here through vscode.workspace.fs (remote
// and virtual workspaces work) and read by the server's readers
// (govReport/readOriginal): the client bundles no reader.
//
// A rendition's URI is `gov-report-original:<the original's path>?<the
// original's URI>`: the tab shows the original's name, and the query finds
// the file again after a reload. When the original changes on disk the
// rendition follows (a watcher per open rendition). A file that cannot be
// read gets an error naming it, and no document (so no false findings).

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestReadOriginal } from './protocol';

export const ORIGINAL_SCHEME = 'gov-report-original';
/** The endings of originals (server/src/core/readers/original.ts ORIGINAL_EXTENSIONS; not imported, so no reader is bundled). */
export const ORIGINAL_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml', '.mhtml', '.mht', '.docx', '.doc', '.wps', '.pdf', '.rtf', '.odt'];
/** The readers' own bound (readers/blocks.ts DEFAULT_LIMITS.maxFileBytes). */
const MAX_ORIGINAL_BYTES = 64 * 1024 * 1024;

export function isOriginalName(name: string): boolean {
  return ORIGINAL_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export function renditionUri(original: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: ORIGINAL_SCHEME, path: original.path, query: original.toString() });
}

export function originalOf(rendition: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(rendition.query, true);
}

/** Why an original could not be shown: the message names the file. */
export class OriginalError extends Error {}

/**
 * The rendition text of an original, read now; throws OriginalError with a
 * message naming the file (unreadable, not an original, server not running).
 */
export async function readRendition(client: LanguageClient | undefined, original: vscode.Uri, token?: vscode.CancellationToken): Promise<string> {
  const name = path.posix.basename(original.path);
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(original);
    if (stat.size > MAX_ORIGINAL_BYTES) throw new OriginalError(vscode.l10n.t('{0} is too large to be a report ({1} MB).', name, Math.round(stat.size / 1048576)));
    bytes = await vscode.workspace.fs.readFile(original);
  } catch (error) {
    if (error instanceof OriginalError) throw error;
    throw new OriginalError(vscode.l10n.t('Could not read {0}: {1}', name, error instanceof Error ? error.message : String(error)));
  }
  const answer = await requestReadOriginal(client, { uri: original.toString(), name, data: Buffer.from(bytes).toString('base64'), rendition: renditionUri(original).toString() }, token);
  if (!answer) throw new OriginalError(vscode.l10n.t('The language server is not running: {0} cannot be read.', name));
  if (!answer.ok) throw new OriginalError(answer.message || vscode.l10n.t('Could not read {0}: {1}', name, '?'));
  return answer.text;
}

class RenditionProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The last rendition read of each original shown: what its document shows. */
  private readonly texts = new Map<string, string>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async read(rendition: vscode.Uri, token?: vscode.CancellationToken): Promise<string> {
    const text = await readRendition(this.client(), originalOf(rendition), token);
    this.texts.set(rendition.toString(), text);
    return text;
  }

  async provideTextDocumentContent(rendition: vscode.Uri): Promise<string> {
    return this.texts.get(rendition.toString()) ?? (await this.read(rendition));
  }

  /** The original changed on disk: read it again; if it cannot be read now, say so and keep showing the last reading. */
  async refresh(rendition: vscode.Uri): Promise<void> {
    try {
      const before = this.texts.get(rendition.toString());
      if ((await this.read(rendition)) !== before) this.changed.fire(rendition);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens an original's rendition as a read-only gov-report document; says why when it cannot. */
async function showOriginal(provider: RenditionProvider, original: vscode.Uri, showing: Set<string>): Promise<vscode.TextEditor | undefined> {
  const uri = renditionUri(original);
  try {
    // Read first: a file that cannot be read opens no document. A large PDF takes a moment: say so, and let it be cancelled.
    const title = vscode.l10n.t('Reading {0}', path.posix.basename(original.path));
    const read = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      try {
        const text = await provider.read(uri, token);
        return token.isCancellationRequested ? undefined : text;
      } catch (error) {
        // Cancelled by the user: nothing to say.
        if (token.isCancellationRequested) return undefined;
        throw error;
      }
    });
    if (read === undefined) return undefined;
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  showing.add(uri.toString());
  try {
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'gov-report') doc = await vscode.languages.setTextDocumentLanguage(doc, 'gov-report');
    return await vscode.window.showTextDocument(doc, { preview: false });
  } finally {
    showing.delete(uri.toString());
  }
}

export function registerOriginals(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const provider = new RenditionProvider(client);
  const watchers = new Map<string, vscode.Disposable>();
  /** Renditions showOriginal is opening: it sets their language itself. */
  const showing = new Set<string>();

  const watch = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== ORIGINAL_SCHEME) return;
    // A rendition restored after a reload, or opened from Problems, is a report too.
    const key = doc.uri.toString();
    if (doc.languageId !== 'gov-report' && !showing.has(key)) void vscode.languages.setTextDocumentLanguage(doc, 'gov-report');
    if (watchers.has(key)) return;
    const original = originalOf(doc.uri);
    const folder = vscode.Uri.joinPath(original, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, path.posix.basename(original.path)));
    const follow = () => void provider.refresh(doc.uri);
    watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(follow), watcher.onDidCreate(follow)));
  };

  const checkOriginal = async (uri?: vscode.Uri) => {
    let target = uri;
    if (!target) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Check as Annual Report'),
        filters: { [vscode.l10n.t('Web pages, Word and PDF')]: ORIGINAL_EXTENSIONS.map((e) => e.slice(1)) },
      });
      target = picked?.[0];
    }
    if (target) await showOriginal(provider, target, showing);
  };

  const saveAsText = async (uri?: vscode.Uri) => {
    const rendition = uri?.scheme === ORIGINAL_SCHEME ? uri : vscode.window.activeTextEditor?.document.uri;
    if (rendition?.scheme !== ORIGINAL_SCHEME) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a web page, Word or PDF report with "Check as Annual Report" first.'));
      return;
    }
    const original = originalOf(rendition);
    const defaultUri = original.with({ path: original.path.replace(/\.[^./]*$/, '') + '.txt' });
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: { [vscode.l10n.t('Text')]: ['txt'] }, saveLabel: vscode.l10n.t('Save as Text') });
    if (!target) return;
    const text = (await vscode.workspace.openTextDocument(rendition)).getText();
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(target), 'gov-report');
    await vscode.window.showTextDocument(doc, { preview: false });
  };

  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(ORIGINAL_SCHEME, provider),
    vscode.commands.registerCommand('govReport.checkOriginal', checkOriginal),
    vscode.commands.registerCommand('govReport.saveRenditionAsText', saveAsText),
    vscode.workspace.onDidOpenTextDocument(watch),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      watchers.get(doc.uri.toString())?.dispose();
      watchers.delete(doc.uri.toString());
    }),
    { dispose: () => watchers.forEach((w) => w.dispose()) },
  );
  for (const doc of vscode.workspace.textDocuments) watch(doc);
}
