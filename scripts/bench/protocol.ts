// The benchmark over the wire: dist/server.js driven like VS Code drives it
// (incremental didChange, then a textDocument/diagnostic pull right after),
// and the server process's memory read from /proc. Every wait is bounded.

import { readFileSync } from 'node:fs';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, within, type ServerSession } from '../../test/protocol/lspHarness';
import type { Samples } from './stats';
import type { Keystroke } from './typing';

export { startServer, stopServer, type ServerSession } from '../../test/protocol/lspHarness';

// Generous: today a pull on the 1M report re-parses the whole text.
export const REQUEST_TIMEOUT_MS = 30_000;

const PULL_CLIENT: ClientCapabilities = {
  textDocument: { synchronization: { dynamicRegistration: false }, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
};

/** What VS Code says it supports for the answers it asks after each keystroke: the outline's tree, folding, code actions resolved when chosen. */
const EDITOR_CLIENT: ClientCapabilities = {
  ...PULL_CLIENT,
  textDocument: {
    ...PULL_CLIENT.textDocument,
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
    foldingRange: { dynamicRegistration: false, lineFoldingOnly: true, rangeLimit: 5000 },
    codeAction: {
      dynamicRegistration: false,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
};

export type Transport = 'ipc' | 'stdio';

/**
 * `editor`: also the capabilities behind the outline, folding and code actions, as VS Code has them.
 * `transport`: Node's IPC channel by default, as VS Code starts the server (client/src/extension.ts).
 */
export async function startPullServer(editor = false, transport: Transport = 'ipc'): Promise<ServerSession> {
  const session = startServer({ transport });
  const capabilities = editor ? EDITOR_CLIENT : PULL_CLIENT;
  await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null }), 'initialize', REQUEST_TIMEOUT_MS);
  await session.connection.sendNotification(InitializedNotification.type, {});
  return session;
}

export async function openDocument(session: ServerSession, uri: string, text: string): Promise<void> {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 1, text } });
}

export function pull(session: ServerSession, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  const params = { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) };
  return within(session.connection.sendRequest(DocumentDiagnosticRequest.type, params), `textDocument/diagnostic ${uri}`, REQUEST_TIMEOUT_MS);
}

export interface KeystrokeTimes extends Samples {
  /** Diagnostics in the last full report. */
  lastItems: number;
  /** The last full report. */
  lastReport?: DocumentDiagnosticReport;
}

/** The client's copy after one keystroke, and the change as didChange carries it. */
function typeInto(client: TextDocument, range: { start: number; end: number }, inserted: string) {
  const lspRange = { start: client.positionAt(range.start), end: client.positionAt(range.end) };
  const version = client.version + 1;
  return { client: TextDocument.update(client, [{ range: lspRange, text: inserted }], version), lspRange, version };
}

/** One keystroke as the timed callback of typeScript meets it: the change is already applied to `client`. */
interface Typed {
  client: TextDocument;
  /** Where the inserted text ends, as an offset in the new text. */
  after: number;
  /** Sends the change as VS Code does (didChange), without waiting for it. */
  send(): Promise<void>;
}

/**
 * Types `script` into the open document `uri` (whose text is `text`), one keystroke at a time: `answer` sends the
 * change and asks what is timed, and its time counts from its start to its end. The first `warmup` keystrokes
 * are typed but not timed; the timed ones stop when `budgetMs` runs out.
 */
async function typeScript(session: ServerSession, uri: string, text: string, script: readonly Keystroke[], warmup: number, budgetMs: number, answer: (typed: Typed) => Promise<void>): Promise<Samples> {
  let client = TextDocument.create(uri, 'gov-report', 1, text);
  const times: number[] = [];
  const requested = script.length - warmup;
  let started = 0;
  for (let k = 0; k < script.length; k++) {
    if (k === warmup) started = performance.now();
    if (k > warmup && performance.now() - started > budgetMs) break;
    const { range, text: inserted } = script[k]!.change;
    const typed = typeInto(client, range, inserted);
    const { lspRange, version } = typed;
    client = typed.client;
    let sent: Promise<void> | undefined;
    const send = () => (sent = session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: lspRange, text: inserted }] }));
    const t0 = performance.now();
    await answer({ client, after: range.start + inserted.length, send });
    const elapsed = performance.now() - t0;
    await sent;
    if (k >= warmup) times.push(elapsed);
  }
  return { times, requested, stoppedByBudget: times.length < requested };
}

/**
 * Types `script` into the open document `uri` (whose text is `text`): per
 * keystroke, the time from sending didChange to receiving the pulled report.
 * The first `warmup` keystrokes are typed but not timed.
 */
export async function keystrokeLatencies(session: ServerSession, uri: string, text: string, script: readonly Keystroke[], warmup: number, budgetMs: number): Promise<KeystrokeTimes> {
  let resultId = resultIdOf(await pull(session, uri));
  let lastItems = 0;
  let lastReport: DocumentDiagnosticReport | undefined;
  const samples = await typeScript(session, uri, text, script, warmup, budgetMs, async ({ send }) => {
    // As VS Code does: the change, then the pull at once, without waiting in between.
    void send();
    const report = await pull(session, uri, resultId);
    if (report.kind === 'full') {
      lastItems = report.items.length;
      lastReport = report;
    }
    resultId = resultIdOf(report);
  });
  return { ...samples, lastItems, ...(lastReport ? { lastReport } : {}) };
}

export interface AnswerTimes extends Samples {
  /** What the last keystroke's answers held: diagnostics (a full report), top-level symbols, folding ranges, code actions. */
  last: { diagnostics: number; symbols: number; folding: number; actions: number };
}

/**
 * Types `script` into `uri` as VS Code meets each keystroke: didChange, then
 * the diagnostics pull, the document symbols (Outline, breadcrumbs), the
 * folding ranges and the code actions at the cursor (with the diagnostics
 * there from the last full report), all sent at once; the time runs from
 * sending didChange to the last of the four answers.
 */
export async function everyAnswerLatencies(session: ServerSession, uri: string, text: string, script: readonly Keystroke[], warmup: number, budgetMs: number, outlineOnly = false): Promise<AnswerTimes> {
  const first = await pull(session, uri);
  let resultId = resultIdOf(first);
  let diagnostics: Diagnostic[] = first.kind === 'full' ? first.items : [];
  const last = { diagnostics: diagnostics.length, symbols: 0, folding: 0, actions: 0 };
  const ask = <T>(request: Promise<T>, what: string): Promise<T> => within(request, `${what} ${uri}`, REQUEST_TIMEOUT_MS);
  const textDocument = { uri };
  const samples = await typeScript(session, uri, text, script, warmup, budgetMs, async ({ client, after, send }) => {
    const cursor = client.positionAt(after);
    const here = diagnostics.filter((d) => d.range.start.line <= cursor.line && d.range.end.line >= cursor.line);
    void send();
    if (outlineOnly) {
      last.symbols = (await ask(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'textDocument/documentSymbol'))?.length ?? 0;
      return;
    }
    const [report, symbols, folding, actions] = await Promise.all([
      pull(session, uri, resultId),
      ask(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'textDocument/documentSymbol'),
      ask(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), 'textDocument/foldingRange'),
      ask(session.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: cursor, end: cursor }, context: { diagnostics: here, triggerKind: 2 } }), 'textDocument/codeAction'),
    ]);
    if (report.kind === 'full') diagnostics = report.items;
    last.diagnostics = diagnostics.length;
    last.symbols = symbols?.length ?? 0;
    last.folding = folding?.length ?? 0;
    last.actions = actions?.length ?? 0;
    resultId = resultIdOf(report);
  });
  return { ...samples, last };
}

function resultIdOf(report: DocumentDiagnosticReport): string | undefined {
  return report.resultId;
}

export interface Memory {
  rssKb: number;
  peakKb: number;
}

/** VmRSS and VmHWM of a process, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
  } catch {
    return undefined;
  }
}
