// One configuration (issue 16) over the protocol: the server reads the
// .gov-report.json the CLI reads and gives the same findings; the settings the
// user set sit on top; a change of the file on disk is followed (the server
// registers a watcher and re-pulls); every finding offers "关闭此规则" (an edit
// of that file, or a new one) and "查看规则说明" (window/showDocument), and a
// broken sum several cells would mend offers each as a quick fix.
// Run: npm run build && node --import tsx --test test/protocol/config.test.ts

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  type ClientCapabilities,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { buildReport, validT3, validT4 } from '../helpers/build-report';
import { PULL_CLIENT, ROOT, startServer, stopServer, until, within, type ServerSession } from './lspHarness';

/** VS Code's: pull with refresh, configuration, watched files, showDocument, file creation in edits. */
const CAPS: ClientCapabilities = {
  ...PULL_CLIENT,
  workspace: {
    ...PULL_CLIENT.workspace,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
  window: { showDocument: { support: true } },
};
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
// A wrong 表三 total (one repair: sum.row) and a broken 表四 total five cells would mend (sum.review).
const REPORT = buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] }, t4: [0, 0, 0, 1, 2, ...validT4().slice(5)] });

const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-config-protocol-'));
const ws = path.join(dir, 'ws');
const reportFile = path.join(ws, '2022', '某某市某某局2022年政府信息公开工作年度报告.txt');
const configFile = path.join(ws, '.gov-report.json');
const reportUri = pathToFileURL(reportFile).href;

let session: ServerSession;
before(async () => {
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, REPORT);
  writeFileSync(configFile, '{\n  "rules": {\n    "sum.row": "warning",\n    "sum.review": "off"\n  }\n}\n');
  session = startServer();
  await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ws).href, capabilities: CAPS, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }] }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: reportUri, languageId: 'gov-report', version: 1, text: REPORT } });
});
after(async () => {
  await stopServer(session);
  rmSync(dir, { recursive: true, force: true });
});

async function pull(uri = reportUri): Promise<Diagnostic[]> {
  return ((await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic')) as FullDocumentDiagnosticReport).items;
}

/** A diagnostic as the CLI's JSON gives it (features.test.ts does the same). */
const shape = (items: readonly Diagnostic[]) =>
  items.map((d) => ({ range: d.range, severity: SEVERITY[d.severity!], code: d.code, message: d.message, ...(d.relatedInformation?.length ? { related: d.relatedInformation.map((r) => ({ range: r.location.range, message: r.message })) } : {}) }));

function cli(file: string): unknown[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'gov-report.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as { diagnostics: unknown[] }[];
  return result!.diagnostics;
}

/** Tells the server a config file changed, and waits for its re-pull request. */
async function configChanged(type: FileChangeType = FileChangeType.Changed): Promise<void> {
  const refreshes = session.refreshCount;
  await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(configFile).href, type }] });
  await until(() => (session.refreshCount > refreshes ? true : undefined), 'diagnostic refresh');
}

async function codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const answer = await within(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }), 'codeAction');
  return (answer ?? []) as CodeAction[];
}

function applyToFile(file: string, edits: readonly TextEdit[]): void {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, TextDocument.applyEdits(TextDocument.create('file:///x.json', 'json', 1, before), [...edits]));
}

describe('the editor reads .gov-report.json as the CLI does', () => {
  test('same file, same config: the same findings over the protocol and in the CLI', async () => {
    const editor = shape(await pull());
    assert.ok(editor.some((d) => d.code === 'sum.row' && d.severity === 'warning'), 'the file made sum.row a warning');
    assert.ok(!editor.some((d) => d.code === 'sum.review'), 'the file turned sum.review off');
    assert.deepEqual(editor, cli(reportFile));
  });

  test('the workspace check (govReport/checkText of a closed file) uses the same configuration', async () => {
    const other = path.join(ws, '2022', '另一份年度报告.txt');
    writeFileSync(other, REPORT);
    const checked = await within(session.connection.sendRequest<Diagnostic[]>('govReport/checkText', { uri: pathToFileURL(other).href, text: REPORT }), 'checkText');
    assert.deepEqual(shape(checked), cli(other));
  });

  test('the workspace check reads the config file as it is on disk, before the server’s watcher has told it', async () => {
    const other = path.join(ws, '2022', '另一份年度报告.txt');
    const saved = readFileSync(configFile, 'utf8');
    writeFileSync(configFile, '{ "rules": { "sum.row": "hint" } }');
    try {
      const checked = shape(await within(session.connection.sendRequest<Diagnostic[]>('govReport/checkText', { uri: pathToFileURL(other).href, text: REPORT }), 'checkText'));
      assert.ok(checked.some((d) => d.code === 'sum.row' && d.severity === 'hint'));
      assert.deepEqual(checked, cli(other));
    } finally {
      writeFileSync(configFile, saved);
    }
  });

  test('the settings the user set sit on top of the file, rule by rule', async () => {
    session.config = { rules: { 'sum.review': 'error' } };
    const refreshes = session.refreshCount;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: session.config } });
    await until(() => (session.refreshCount > refreshes ? true : undefined), 'refresh after settings');
    const items = shape(await pull());
    assert.ok(items.some((d) => d.code === 'sum.review' && d.severity === 'error'), 'the setting turned it back on');
    assert.ok(items.some((d) => d.code === 'sum.row' && d.severity === 'warning'), 'the file still makes sum.row a warning');
    // Writing the file would not turn it off: the setting is above it. Not offered; the other rule's is.
    const diagnostics = await pull();
    const review = diagnostics.find((d) => d.code === 'sum.review')!;
    assert.ok(!(await codeActions(reportUri, review)).some((a) => a.title.startsWith('关闭此规则')));
    const row = diagnostics.find((d) => d.code === 'sum.row')!;
    assert.ok((await codeActions(reportUri, row)).some((a) => a.title === '关闭此规则（写入 .gov-report.json）：sum.row'));
    session.config = {};
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: {} } });
  });

  test('the server watches .gov-report.json and follows its changes', async () => {
    const watch = session.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/.gov-report.json' }] });
    writeFileSync(configFile, '{\n  "rules": {\n    "sum.row": "off"\n  }\n}\n');
    await configChanged();
    const items = shape(await pull());
    assert.ok(!items.some((d) => d.code === 'sum.row'));
    assert.ok(items.some((d) => d.code === 'sum.review' && d.severity === 'error'));
    assert.deepEqual(items, cli(reportFile));
  });
});

describe('actions on every finding, and candidate fixes', () => {
  test('a broken 表四 total: its candidates first, never preferred; then 关闭此规则 and 查看规则说明', async () => {
    const review = (await pull()).find((d) => d.code === 'sum.review')!;
    assert.match(review.message as string, /^实为 2，应为 1/);
    const actions = await codeActions(reportUri, review);
    const titles = actions.map((a) => a.title);
    assert.equal(titles.length, 7, JSON.stringify(titles));
    assert.match(titles[0]!, /^候选修复：将“行政复议”的“总计”由 2 改为 1/);
    assert.ok(titles.slice(0, 5).every((t) => t.startsWith('候选修复')));
    assert.deepEqual(titles.slice(5), ['关闭此规则（写入 .gov-report.json）：sum.review', '查看规则说明：sum.review']);
    assert.ok(actions.every((a) => a.isPreferred === false));
    // Each candidate edits one cell of the report.
    for (const a of actions.slice(0, 5)) {
      const [change] = a.edit!.documentChanges as TextDocumentEdit[];
      assert.equal(change!.textDocument.uri, reportUri);
      assert.equal(change!.edits.length, 1);
      assert.match((change!.edits[0] as TextEdit).newText, /^\d+$/);
    }
  });

  test('关闭此规则 edits the governing file, keeping what it holds; the finding goes, in the editor and in the CLI', async () => {
    const review = (await pull()).find((d) => d.code === 'sum.review')!;
    const off = (await codeActions(reportUri, review)).find((a) => a.title.startsWith('关闭此规则'))!;
    const edits = off.edit!.changes![pathToFileURL(configFile).href]!;
    applyToFile(configFile, edits);
    assert.equal(readFileSync(configFile, 'utf8'), '{\n  "rules": {\n    "sum.row": "off",\n    "sum.review": "off"\n  }\n}\n');
    await configChanged();
    const items = shape(await pull());
    assert.ok(!items.some((d) => d.code === 'sum.review' || d.code === 'sum.row'));
    assert.deepEqual(items, cli(reportFile));
  });

  test('查看规则说明 opens the rule’s page through window/showDocument', async () => {
    writeFileSync(configFile, '{}');
    await configChanged();
    const row = (await pull()).find((d) => d.code === 'sum.row')!;
    const docs = (await codeActions(reportUri, row)).find((a) => a.title === '查看规则说明：sum.row')!;
    await within(session.connection.sendRequest(ExecuteCommandRequest.type, { command: docs.command!.command, arguments: docs.command!.arguments ?? [] }), 'executeCommand');
    const shown = await until(() => session.shownDocuments.at(-1), 'showDocument');
    assert.ok(shown.uri.endsWith('/docs/rules/sum.row.md'));
    assert.ok(existsSync(fileURLToPath(shown.uri)), shown.uri);
    // Not an arbitrary document the client names.
    const count = session.shownDocuments.length;
    await within(session.connection.sendRequest(ExecuteCommandRequest.type, { command: docs.command!.command, arguments: [pathToFileURL(configFile).href] }), 'executeCommand');
    assert.equal(session.shownDocuments.length, count);
  });

  test('no config file: one is created at the workspace root; none is offered for a document not on disk', async () => {
    rmSync(configFile);
    await configChanged(FileChangeType.Deleted);
    const row = (await pull()).find((d) => d.code === 'sum.row')!;
    const off = (await codeActions(reportUri, row)).find((a) => a.title.startsWith('关闭此规则'))!;
    const [create, write] = off.edit!.documentChanges as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: pathToFileURL(configFile).href });
    applyToFile(configFile, write.edits as TextEdit[]);
    await configChanged(FileChangeType.Created);
    assert.ok(!(await pull()).some((d) => d.code === 'sum.row'));
    assert.ok(!(cli(reportFile) as { code: string }[]).some((d) => d.code === 'sum.row'));

    const untitled = 'untitled:Untitled-1';
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: untitled, languageId: 'gov-report', version: 1, text: REPORT } });
    const diagnostic = (await pull(untitled)).find((d) => d.code === 'sum.row')!;
    assert.ok(diagnostic, 'no config governs an untitled report: sum.row is on');
    assert.deepEqual((await codeActions(untitled, diagnostic)).filter((a) => !a.title.startsWith('将')).map((a) => a.title), ['查看规则说明：sum.row']);
  });
});
