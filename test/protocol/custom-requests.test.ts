// The editor extras' custom requests over the protocol (dist/server.js --stdio):
// govReport/status, govReport/tables and govReport/checkText, with the user's
// settings (rules, templateYear), bad parameters, and parity with the
// diagnostics of an open document.
// Run: npm run build && node --import tsx --test test/protocol/custom-requests.test.ts

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { flattenOneLine } from '../corpus/render';
import { reportListPage, reportNoticePage } from '../helpers/column-pages';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  InitializedNotification,
  InitializeRequest,
  ResponseError,
  type ClientCapabilities,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import type { ReportStatus } from '../../server/src/core/features/status';
import type { TablesView } from '../../server/src/core/features/tablesView';
import { fixturePath } from '../helpers/fixtures';
import { startServer, stopServer, within, type ServerSession } from './lspHarness';

const CAPS: ClientCapabilities = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } };
const SEED_003 = fixturePath('seeds/003_9d29cacfbc1688a2.txt');
const HONGZE_2023 = fixturePath('corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt');

type StatusAnswer = ReportStatus & { uri: string; version: number };
type TablesAnswer = TablesView & { uri: string; version: number };

let session: ServerSession;

before(async () => {
  session = startServer();
  await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: CAPS, workspaceFolders: null, locale: 'en' }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
});
after(() => stopServer(session));

async function open(uri: string, text: string, version = 1): Promise<void> {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version, text } });
}

function send<R>(method: string, params: unknown): Promise<R> {
  return within(session.connection.sendRequest<R>(method, params), method);
}

async function settingsChanged(config: unknown): Promise<void> {
  session.config = config;
  await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: config } });
}

const strip = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));

describe('govReport/status', () => {
  test('seed 003: the 2021 template, one cell per line, all three tables, the title year', async () => {
    const uri = pathToFileURL(SEED_003).href;
    await open(uri, readFileSync(SEED_003, 'utf8'));
    const s = await send<StatusAnswer>('govReport/status', { uri });
    assert.deepEqual(s, { uri, version: 1, template: 2021, layout: 'cell-per-line', tables: { t2: true, t3: true, t4: true }, legacy: { t2: false, t3: false }, year: 2022, yearSource: 'title' });
  });

  test('洪泽区 2023: the 2019 form of 表三 （六）, PDF text', async () => {
    const uri = pathToFileURL(HONGZE_2023).href;
    await open(uri, readFileSync(HONGZE_2023, 'utf8'));
    const s = await send<StatusAnswer>('govReport/status', { uri });
    assert.equal(s.template, 2019);
    assert.deepEqual(s.legacy, { t2: false, t3: true });
    assert.equal(s.layout, 'pdf-rows');
  });

  test('follows the edits: the answer is for the current version', async () => {
    const uri = 'untitled:status-edits';
    await open(uri, '一、总体情况\n\n无。\n');
    assert.deepEqual((await send<StatusAnswer>('govReport/status', { uri })).tables, { t2: false, t3: false, t4: false });
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: readFileSync(SEED_003, 'utf8') }] });
    const s = await send<StatusAnswer>('govReport/status', { uri });
    assert.equal(s.version, 2);
    assert.deepEqual(s.tables, { t2: true, t3: true, t4: true });
  });

  test('govReport.templateYear gives the year of a report whose title has none', async () => {
    const uri = 'untitled:no-year';
    await open(uri, '一、总体情况\n\n本年度工作正常开展。\n');
    assert.equal((await send<StatusAnswer>('govReport/status', { uri })).year, null);
    await settingsChanged({ templateYear: 2023 });
    const s = await send<StatusAnswer>('govReport/status', { uri });
    assert.deepEqual([s.year, s.yearSource], [2023, 'setting']);
    await settingsChanged({});
  });

  test('a document that is not open: null; no uri: InvalidParams', async () => {
    assert.equal(await send('govReport/status', { uri: 'file:///nowhere.txt' }), null);
    await assert.rejects(send('govReport/status', {}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    await assert.rejects(send('govReport/status', { uri: 42 }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
  });
});

describe('govReport/tables', () => {
  test('洪泽区 2023: cells with values and ranges, the broken 表四 total with its error and computed sum', async () => {
    const uri = pathToFileURL(HONGZE_2023).href;
    const view = await send<TablesAnswer>('govReport/tables', { uri });
    assert.equal(view.uri, uri);
    const row = view.t3!.rows.find((r) => r.id === 'new')!;
    assert.deepEqual(row.cells.map((c) => c.value), [21, 0, 0, 0, 0, 0, 21]);
    assert.ok(row.cells.every((c) => Number.isInteger(c.range.start.line) && Number.isInteger(c.range.end.character)));
    const review = view.t4!.groups[0]!;
    assert.deepEqual(review.cells.map((c) => c.text), ['10', '1', '0', '0', '0']);
    assert.equal(review.cells[4]!.problems[0]!.code, 'sum.review');
    assert.equal(review.cells[4]!.problems[0]!.severity, 'error');
    assert.equal(review.cells[4]!.expected, 11);
    assert.equal(review.computed!.value, 11);
  });

  test('the severities are the user\'s: a rule turned off leaves no mark', async () => {
    const uri = pathToFileURL(HONGZE_2023).href;
    await settingsChanged({ rules: { 'sum.review': 'off' } });
    const view = await send<TablesAnswer>('govReport/tables', { uri });
    assert.equal(view.t4!.groups[0]!.cells[4]!.problems.length, 0);
    await settingsChanged({});
    assert.equal((await send<TablesAnswer>('govReport/tables', { uri })).t4!.groups[0]!.cells[4]!.problems.length, 1);
  });

  test('closed documents get null', async () => {
    const uri = 'untitled:closed-tables';
    await open(uri, readFileSync(SEED_003, 'utf8'));
    assert.ok(await send<TablesAnswer | null>('govReport/tables', { uri }));
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.equal(await send('govReport/tables', { uri }), null);
  });
});

describe('govReport/checkText', () => {
  test('the diagnostics of a file that is not open are those of the same text opened', async () => {
    for (const file of [SEED_003, HONGZE_2023]) {
      const text = readFileSync(file, 'utf8');
      const checked = await send<Diagnostic[]>('govReport/checkText', { uri: `file:///workspace/${path.basename(file)}`, text });
      const openUri = `untitled:parity-${path.basename(file)}`;
      await open(openUri, text);
      const pulled = (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: openUri } }), 'pull')) as FullDocumentDiagnosticReport;
      assert.ok(checked.length > 0);
      assert.deepEqual(strip(checked), strip(pulled.items));
      // Related locations name the checked file.
      for (const d of checked) for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, `file:///workspace/${path.basename(file)}`);
    }
  });

  test('a page that names the report but holds none of it (the column\'s list, a notice) is no report: null, as the CLI skips it in a folder', async () => {
    for (const html of [reportListPage(), reportNoticePage()]) {
      const text = flattenOneLine(html, 'https://www.example.gov.cn/zwgk/nb/index.html');
      assert.equal(await send<Diagnostic[] | null>('govReport/checkText', { uri: 'file:///workspace/list.txt', text }), null);
    }
    assert.ok((await send<Diagnostic[] | null>('govReport/checkText', { uri: 'file:///workspace/seed.txt', text: readFileSync(SEED_003, 'utf8') }))!.length > 0);
  });

  test('the user\'s rule severities apply', async () => {
    const text = readFileSync(HONGZE_2023, 'utf8');
    await settingsChanged({ rules: { 'sum.review': 'warning', 'text.artifact': 'off' } });
    const checked = await send<Diagnostic[]>('govReport/checkText', { uri: 'file:///workspace/hongze.txt', text });
    await settingsChanged({});
    assert.ok(checked.some((d) => d.code === 'sum.review' && d.severity === 2));
    assert.ok(!checked.some((d) => d.code === 'text.artifact'));
  });

  test('bad parameters are refused, the server keeps serving', async () => {
    for (const params of [{ uri: 'file:///x.txt' }, { uri: 'file:///x.txt', text: 42 }, { text: 'abc' }, null]) {
      await assert.rejects(send('govReport/checkText', params), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams, JSON.stringify(params));
    }
    await assert.rejects(send('govReport/checkText', { uri: 'file:///huge.txt', text: 'x'.repeat(5_000_001) }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    assert.deepEqual(await send('govReport/checkText', { uri: 'file:///empty.txt', text: '' }), await send('govReport/checkText', { uri: 'file:///empty2.txt', text: '' }));
    assert.equal(session.child.exitCode, null);
  });
});
