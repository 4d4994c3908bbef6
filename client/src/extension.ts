// The extension: starts the language server (dist/server.js, over IPC) for
// gov-report documents and switches plain-text reports to that language.
// Checking happens in the server; the client adds the status item, the table
// preview and the workspace check, which ask the server through custom requests.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerReportDetection } from './detectReport';
import { registerNewReportCommand } from './newReport';
import { ORIGINAL_SCHEME, registerOriginals } from './originals';
import { registerTablePreview } from './preview';
import { runMode } from './runMode';
import { registerStatusItem } from './statusItem';
import { registerWorkspaceCheck } from './workspaceCheck';

let client: LanguageClient | undefined;
/** Serialises starts, stops and restarts. */
let lifecycle: Promise<void> = Promise.resolve();
const clientChanged = new vscode.EventEmitter<LanguageClient | undefined>();

export { runMode, type RunMode } from './runMode';

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const mode = runMode();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'gov-report' },
      { scheme: 'untitled', language: 'gov-report' },
      // Read-only renditions of web pages, Word files and PDFs (originals.ts).
      { scheme: ORIGINAL_SCHEME, language: 'gov-report' },
    ],
    // Reports on disk are watched so that a report's check against last year's follows that file (issue 15).
    synchronize: { configurationSection: 'govReport', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,htm,html,xhtml,shtml,mhtml,mht,docx,doc,wps,pdf,rtf}') },
    // Documents are always checked when opened; then as you type, or only when saved.
    diagnosticPullOptions: { onChange: mode === 'onType', onSave: mode === 'onSave' },
    middleware: {
      workspace: {
        // A new run mode replaces this client (see activate): telling its server first would race
        // with the stop and fail with "Starting server failed".
        didChangeConfiguration: (sections, next) => (runMode() === mode ? next(sections) : Promise.resolve()),
      },
    },
  };
  return new LanguageClient('govReport', vscode.l10n.t('Gov Report'), serverOptions, clientOptions);
}

function startClient(context: vscode.ExtensionContext): Promise<void> {
  // A failed start or stop must not block the next one.
  lifecycle = lifecycle.catch(() => undefined).then(async () => {
    const next = createClient(context);
    client = next;
    try {
      await next.start();
    } finally {
      clientChanged.fire(client);
    }
  });
  return lifecycle;
}

function stopClient(): Promise<void> {
  lifecycle = lifecycle.catch(() => undefined).then(async () => {
    const running = client;
    client = undefined;
    clientChanged.fire(undefined);
    await running?.stop().catch((error: unknown) => console.warn(`[gov-report] ${String(error)}`));
  });
  return lifecycle;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const current = () => client;
  // Detection first: it must not wait for the server to come up.
  registerReportDetection(context);
  registerNewReportCommand(context, current);
  registerStatusItem(context, current, clientChanged.event);
  registerTablePreview(context, current, clientChanged.event);
  registerWorkspaceCheck(context, current);
  registerOriginals(context, current);
  context.subscriptions.push(
    clientChanged,
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The pull options are fixed when a client is created: a new mode needs a new client.
      if (!e.affectsConfiguration('govReport.run')) return;
      void stopClient().then(() => startClient(context)).catch((error: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not restart the language server: {0}', String(error)));
      });
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
