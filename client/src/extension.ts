// The extension: starts the language server (dist/server.js, over IPC) for
// gov-report documents and switches plain-text reports to that language.
// Everything else happens in the server.

import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerReportDetection } from './detectReport';
import { registerNewReportCommand } from './newReport';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'gov-report' },
      { scheme: 'untitled', language: 'gov-report' },
    ],
    synchronize: { configurationSection: 'govReport' },
  };
  client = new LanguageClient('govReport', '政府信息公开年报检查', serverOptions, clientOptions);
  // Detection first: it must not wait for the server to come up.
  registerReportDetection(context);
  registerNewReportCommand(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
