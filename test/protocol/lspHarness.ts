// A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio`,
// answers the server's requests (configuration, refresh), records what it
// publishes, and bounds every wait so a hung server fails a test instead of
// hanging it.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowDocumentParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const WAIT_MS = 5000;

/** A client as VS Code is: pull diagnostics, markdown hovers, quick fixes and fix-all, configuration. */
export const PULL_CLIENT: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
  workspace: { configuration: true },
};

export interface ServerSession {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code once the server process is gone. */
  readonly exited: Promise<number | null>;
  readonly published: PublishDiagnosticsParams[];
  readonly logs: string[];
  /** What the client answers to workspace/configuration for section govReport. */
  config: unknown;
  /** While set, configuration answers wait for it: lets a test act while the server waits. */
  configGate: Promise<void> | undefined;
  configRequests: number;
  refreshCount: number;
  /** What the server registered dynamically (client/registerCapability). */
  readonly registrations: Registration[];
  /** The documents the server asked the client to show (window/showDocument). */
  readonly shownDocuments: ShowDocumentParams[];
  stderr(): string;
}

/**
 * `transport`: standard streams (`--stdio`, as most editors start a server), or Node's IPC channel
 * (`--node-ipc`), as VS Code starts ours (client/src/extension.ts: TransportKind.ipc).
 */
export function startServer({ transport = 'stdio' }: { transport?: 'stdio' | 'ipc' } = {}): ServerSession {
  const ipc = transport === 'ipc';
  const child = spawn(process.execPath, [SERVER, ipc ? '--node-ipc' : '--stdio'], { cwd: ROOT, stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe' }) as ChildProcessWithoutNullStreams;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = ipc
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const session: ServerSession = {
    connection,
    child,
    exited,
    published: [],
    logs: [],
    config: {},
    configGate: undefined,
    configRequests: 0,
    refreshCount: 0,
    registrations: [],
    shownDocuments: [],
    stderr: () => stderr,
  };
  connection.onRequest(ConfigurationRequest.type, async (params) => {
    session.configRequests++;
    await session.configGate;
    return params.items.map(() => session.config);
  });
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    session.refreshCount++;
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    session.registrations.push(...params.registrations);
  });
  connection.onRequest(ShowDocumentRequest.type, (params) => {
    session.shownDocuments.push(params);
    return { success: true };
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => {});
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    session.published.push(params);
  });
  connection.onNotification(LogMessageNotification.type, (params) => {
    session.logs.push(params.message);
  });
  // The server going away mid-test must surface as a failed request, not a crash here.
  connection.onError(() => undefined);
  connection.listen();
  return session;
}

/** Rejects if `promise` does not settle within `ms`. */
export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls until `probe` returns a value other than undefined. */
export async function until<T>(probe: () => T | undefined, what: string, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Leaves no server behind, whatever the test did. */
export async function stopServer(session: ServerSession): Promise<void> {
  session.connection.dispose();
  if (session.child.exitCode === null && session.child.signalCode === null) {
    session.child.kill();
    await within(session.exited, 'server killed').catch(() => undefined);
  }
}
