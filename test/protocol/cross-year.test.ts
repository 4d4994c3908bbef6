// Year against year in the editor (issue 15), over the protocol as VS Code
// speaks it: the 2023 report open, 2022's only on disk in the workspace; then
// 2022 changed on disk (the client's file watcher tells the server), then
// opened and edited; then the setting that turns it off.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type FullDocumentDiagnosticReport,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { AGENCY, yearSeries } from '../helpers/year-series';
import { PULL_CLIENT, startServer, stopServer, until, within, type ServerSession } from './lspHarness';

const folder = mkdtempSync(path.join(tmpdir(), 'gov-report-years-lsp-'));
const fileOfYear = (year: number) => path.join(folder, `${AGENCY}${year}.txt`);
const series = yearSeries();
for (const r of series) writeFileSync(fileOfYear(r.year), r.text);
const uriOf = (year: number) => pathToFileURL(fileOfYear(year)).href;
const text2022 = readFileSync(fileOfYear(2022), 'utf8');
const text2023 = readFileSync(fileOfYear(2023), 'utf8');

let session: ServerSession;
before(async () => {
  session = startServer();
  await within(
    session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'reports' }],
      capabilities: { ...PULL_CLIENT, workspace: { ...PULL_CLIENT.workspace, diagnostics: { refreshSupport: true } } },
    }),
    'initialize',
  );
  await session.connection.sendNotification(InitializedNotification.type, {});
});
after(async () => {
  await stopServer(session);
  rmSync(folder, { recursive: true, force: true });
});

const pull = async (uri: string) => (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic')) as FullDocumentDiagnosticReport;
const crossYear = (report: FullDocumentDiagnosticReport) => report.items.filter((d) => String(d.code).startsWith('cross-year.'));
/** Pulls until the server has walked the folder and asked for a refresh, then the cross-year findings. */
async function settled(uri: string, refreshesBefore: number) {
  await until(() => (session.refreshCount > refreshesBefore ? true : undefined), 'workspace/diagnostic/refresh');
  return crossYear(await pull(uri));
}

describe('year against year in the editor', () => {
  test('2023 open, 2022 on disk only: the in-force break at 2023’s cell, pointing at 2022’s file', async () => {
    const refreshes = session.refreshCount;
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(2023), languageId: 'gov-report', version: 1, text: text2023 } });
    await pull(uriOf(2023));
    const found = await settled(uriOf(2023), refreshes);
    assert.deepEqual(found.map((d) => d.code), ['cross-year.in-force']);
    const [d] = found;
    assert.equal(text2023.split('\n')[d!.range.start.line]!.slice(d!.range.start.character, d!.range.end.character), '30');
    assert.equal(d!.severity, 2);
    const related = d!.relatedInformation!.find((r) => r.location.uri === uriOf(2022));
    assert.ok(related, JSON.stringify(d!.relatedInformation));
    assert.equal(text2022.split('\n')[related.location.range.start.line]!.slice(related.location.range.start.character, related.location.range.end.character), '32');
    // The hover on the cell shows both years.
    const hover = await within(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(2023) }, position: d!.range.start }), 'hover');
    assert.match((hover!.contents as MarkupContent).value, new RegExp(`上年（2022 年，${AGENCY}2022\\.txt）：32`));
  });

  test('the table preview shows 2022’s figure beside 2023’s cell, and the finding on it', async () => {
    const view = (await within(session.connection.sendRequest('govReport/tables', { uri: uriOf(2023) }), 'govReport/tables')) as {
      t2: { blocks: { id: string; rows: { id: string; cells: { text: string; lastYear?: { text: string; file: string }; problems: { code: string }[] }[] }[] }[] };
    };
    const cell = view.t2.blocks.find((b) => b.id === 'item1')!.rows.find((r) => r.id === 'normative')!.cells[2]!;
    assert.equal(cell.text.trim(), '30');
    assert.deepEqual(cell.lastYear && { text: cell.lastYear.text, file: cell.lastYear.file }, { text: '32', file: `${AGENCY}2022.txt` });
    assert.deepEqual(cell.problems.map((p) => p.code), ['cross-year.in-force']);
  });

  test('2022 changed on disk (the watcher says so): the finding goes', async () => {
    const refreshes = session.refreshCount;
    writeFileSync(fileOfYear(2022), text2022.replace(/\n\t32\n/, '\n\t28\n'));
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(2022), type: FileChangeType.Changed }] });
    assert.deepEqual(await settled(uriOf(2023), refreshes), []);
  });

  test('2022 opened and edited in the editor: 2023 follows the open text, not the disk', async () => {
    const refreshes = session.refreshCount;
    const edited = text2022.replace(/\n\t32\n/, '\n\t31\n');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(2022), languageId: 'gov-report', version: 1, text: text2022 } });
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(2022), version: 2 }, contentChanges: [{ text: edited }] });
    const found = await settled(uriOf(2023), refreshes);
    assert.deepEqual(found.map((d) => d.code), ['cross-year.in-force']);
    assert.match(String(found[0]!.message), /31/);
  });

  test('govReport.crossYear false: none', async () => {
    session.config = { crossYear: false };
    const refreshes = session.refreshCount;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(await settled(uriOf(2023), refreshes), []);
    session.config = {};
  });
});
