// Protocol tests: the built server (dist/server.js --stdio) driven over
// JSON-RPC like an editor would. Run: npm run build && node --import tsx --test test/protocol/server.test.ts
// Every expected line number below was read off the fixture by hand; each is
// checked against the fixture text first, so a changed fixture fails loudly.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  InitializedNotification,
  InitializeRequest,
  LSPErrorCodes,
  ShutdownRequest,
  SymbolKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type FullDocumentDiagnosticReport,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { fixturePath } from '../helpers/fixtures';
import { ROOT, startServer, stopServer, until, within, type ServerSession } from './lspHarness';

const SEED_003 = fixturePath('seeds/003_9d29cacfbc1688a2.txt');
const SEED_004 = fixturePath('seeds/004_8f491daf4ec9a00b.txt');
const HUAIAN_2024 = fixturePath('corpus/淮安市人民政府_2024_pypdf-extract.txt');

const PULL_CLIENT: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
  },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
};

// No textDocument.diagnostic, no workspace.configuration, flat symbols: an older editor.
const PUSH_CLIENT: ClientCapabilities = { textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: {} } };

function fixtureLines(file: string): string[] {
  return readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
}

function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

async function initialize(session: ServerSession, capabilities: ClientCapabilities) {
  const result = await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
  return result;
}

async function open(session: ServerSession, file: string, text = readFileSync(file, 'utf8')): Promise<string> {
  const uri = uriOf(file);
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 1, text } });
  return uri;
}

async function documentSymbols(session: ServerSession, uri: string): Promise<DocumentSymbol[]> {
  const result = await within(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'documentSymbol');
  assert.ok(Array.isArray(result), 'documentSymbol answers with a list');
  return result as DocumentSymbol[];
}

async function pull(session: ServerSession, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }), 'textDocument/diagnostic');
}

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full');
  assert.ok(Array.isArray((report as FullDocumentDiagnosticReport).items));
  return report as FullDocumentDiagnosticReport;
}

/** Six sections at the given heading lines, and 表二/三/四 under sections 2/3/4 starting at the given lines. */
function assertOutline(tree: DocumentSymbol[], headingLines: number[], tableLines: [number, number, number]): void {
  assert.equal(tree.length, 6, `six top-level symbols, got ${tree.map((s) => s.name).join(' | ')}`);
  tree.forEach((section, k) => assert.equal(section.selectionRange.start.line, headingLines[k], `section ${k + 1} heading line`));
  (['表二', '表三', '表四'] as const).forEach((prefix, k) => {
    const section = tree[k + 1]!;
    const tables = (section.children ?? []).filter((c) => c.name.startsWith(prefix));
    assert.equal(tables.length, 1, `${prefix} is a child of section ${k + 2}`);
    assert.equal(tables[0]!.range.start.line, tableLines[k], `${prefix} starts at line ${tableLines[k]}`);
  });
  const allNames = JSON.stringify(tree);
  for (const prefix of ['表二', '表三', '表四']) assert.equal(allNames.split(`"name":"${prefix}`).length - 1, 1, `exactly one ${prefix} symbol`);
}

describe('seed 003 with a pull-diagnostics client', () => {
  let session: ServerSession;
  let uri: string;
  const lines = fixtureLines(SEED_003);
  // Heading lines of seed 003 (zero-based), read off the file.
  const HEADINGS = [4, 17, 64, 353, 412, 415];
  // Section 一's space is a no-break space (U+00A0), as in the file.
  const HEADING_NAMES = ['一\u00a0、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '6、 其他需要报告的事项'];
  // 表二 opens with its first caption 第二十条第（一）项; 表三 with its header note （本列数据的勾稽关系…）; 表四 with the 行政复议 header.
  const TABLES: [number, number, number] = [19, 66, 355];
  // A cell of 表三 row 一 (本年新收…), holding "\t0".
  const CELL = { line: 87, character: 2 };

  before(async () => {
    session = startServer();
    const init = await initialize(session, PULL_CLIENT);
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } });
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    // A report's findings also read last year's report (issue 15).
    assert.equal(caps.diagnosticProvider?.interFileDependencies, true);
    assert.equal(caps.diagnosticProvider?.workspaceDiagnostics, false);
    uri = await open(session, SEED_003);
  });
  after(() => stopServer(session));

  test('the fixture still has the lines these expectations were read from', () => {
    HEADINGS.forEach((line, k) => assert.ok(lines[line]!.endsWith(HEADING_NAMES[k]!), `line ${line}: ${lines[line]}`));
    assert.ok(lines[353]!.startsWith('[bookmark: OLE_LINK6]'));
    assert.ok(lines[19]!.includes('第二十条第（一）项'));
    assert.ok(lines[66]!.includes('（本列数据的勾稽关系为'));
    assert.ok(lines[85]!.includes('一、本年新收政府信息公开申请数量'));
    assert.ok(lines[355]!.endsWith('行政复议'));
    assert.equal(lines[CELL.line], '\t0');
  });

  test('document symbols: six sections named by their heading lines, tables under their sections', async () => {
    const tree = await documentSymbols(session, uri);
    assert.deepEqual(tree.map((s) => s.name), HEADING_NAMES);
    assert.ok(!tree[3]!.name.includes('bookmark'), 'export debris is not part of the name');
    assertOutline(tree, HEADINGS, TABLES);
  });

  test('document symbols: govReport.outline.maxSubItems bounds the sub-items listed; sections and tables stay', async () => {
    const subItems = (tree: DocumentSymbol[]): string[] => tree.flatMap((s) => [...(s.kind === SymbolKind.String ? [s.name] : []), ...subItems(s.children ?? [])]);
    const whole = subItems(await documentSymbols(session, uri));
    assert.ok(whole.length > 3, 'seed 003 has sub-items');
    session.config = { outline: { maxSubItems: 3 } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    try {
      const tree = await documentSymbols(session, uri);
      assert.deepEqual(subItems(tree), whole.slice(0, 3), 'the first three, in document order');
      assert.deepEqual(tree.map((s) => s.name), HEADING_NAMES);
      assertOutline(tree, HEADINGS, TABLES);
      assert.ok(tree.some((s) => /大纲仅列出前 \d+ 个小项（共 \d+ 个/.test(s.detail ?? '')), 'a cut section says so');
      // An invalid value is ignored: the default (1,000) lists them all.
      session.config = { outline: { maxSubItems: -1 } };
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(subItems(await documentSymbols(session, uri)), whole);
    } finally {
      session.config = {};
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  });

  test('folding: every section heading line starts a range', async () => {
    const ranges = await within(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), 'foldingRange');
    assert.ok(Array.isArray(ranges));
    for (const line of HEADINGS) assert.ok(ranges.some((r) => r.startLine === line && r.endLine > line), `a range starts at ${line}`);
  });

  test('pull diagnostics: a full report, rule links into docs/rules, unchanged when nothing changed', async () => {
    const report = full(await pull(session, uri));
    for (const d of report.items) {
      assert.equal(d.source, 'gov-report');
      assert.equal(d.codeDescription?.href, pathToFileURL(path.join(ROOT, 'docs', 'rules', `${String(d.code)}.md`)).href);
    }
    assert.ok(report.resultId);
    assert.deepEqual(await pull(session, uri, report.resultId), { kind: 'unchanged', resultId: report.resultId });
  });

  test('an incremental change is reflected by the next pull', async () => {
    const before = full(await pull(session, uri));
    assert.ok(!before.items.some((d) => d.range.start.line === CELL.line), 'the untouched cell is not flagged');
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: CELL, end: CELL }, text: 'x' }],
    });
    // "0x" is not a number: the template wants a non-negative integer in every cell.
    const afterChange = full(await pull(session, uri, before.resultId));
    assert.notEqual(afterChange.resultId, before.resultId);
    assert.ok(afterChange.items.some((d) => d.range.start.line === CELL.line), 'the edited cell is flagged');
    // The edit moved nothing: the outline is the same.
    assertOutline(await documentSymbols(session, uri), HEADINGS, TABLES);
  });

  test('a keystroke that leaves every diagnostic as it was answers unchanged, with the id the client holds (issue 19)', async () => {
    const before = full(await pull(session, uri));
    // Section 五's first paragraph (line 413): typed into after its "2022年", where no finding is.
    const at = { line: 413, character: 5 };
    assert.ok(lines[413]!.startsWith('2022年以来'));
    assert.ok(!before.items.some((d) => d.range.end.line === at.line), 'nothing flagged on that line');
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: at, end: at }, text: '的' }] });
    assert.deepEqual(await pull(session, uri, before.resultId), { kind: 'unchanged', resultId: before.resultId });
    // Asked again with the same id: still unchanged. Without an id: the full list, the same items.
    assert.deepEqual(await pull(session, uri, before.resultId), { kind: 'unchanged', resultId: before.resultId });
    const whole = full(await pull(session, uri));
    assert.deepEqual(whole.items, before.items);
    assert.deepEqual(await pull(session, uri, whole.resultId), { kind: 'unchanged', resultId: whole.resultId });
  });

  test('a report’s settings are asked as it opens: its first pull does not wait for them behind another request’s parse', async () => {
    const asked = session.configRequests;
    const uri = await open(session, path.join(ROOT, 'opened-just-now.txt'), readFileSync(SEED_004, 'utf8'));
    // Any answer after the open (here another document's outline) comes after the settings were asked for.
    await within(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: `${uri}.elsewhere` } }), 'documentSymbol');
    assert.ok(session.configRequests > asked, 'workspace/configuration asked on didOpen');
    const askedOnOpen = session.configRequests;
    full(await pull(session, uri));
    assert.equal(session.configRequests, askedOnOpen, 'the pull uses the settings asked on open');
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  test('a report just opened: its problems are answered before its outline and folding, asked first', async () => {
    const uri = await open(session, path.join(ROOT, 'opened-outline-first.txt'), readFileSync(SEED_004, 'utf8'));
    const order: string[] = [];
    const asked = [
      session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).then(() => order.push('outline')),
      session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }).then(() => order.push('folding')),
      pull(session, uri).then(() => order.push('diagnostics')),
    ];
    await within(Promise.all(asked), 'three answers');
    assert.equal(order[0], 'diagnostics', order.join(', '));
    // Once answered, the outline is not held back: the next edit's outline comes in its own order.
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  test('a report opened but not pulled at once (another client, a rendition not shown) still gets its outline, a moment later', async () => {
    const uri = await open(session, path.join(ROOT, 'opened-never-pulled.txt'), readFileSync(SEED_004, 'utf8'));
    const started = Date.now();
    const tree = await documentSymbols(session, uri);
    assert.ok(tree.length > 0);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  test('a pull cancelled before its work starts answers RequestCancelled', async () => {
    // Hold the server at its settings request (cache emptied by the config change),
    // cancel meanwhile, then answer: the cancel is on the wire before the answer.
    let release!: () => void;
    session.configGate = new Promise<void>((resolve) => (release = resolve));
    const asked = session.configRequests;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    await until(() => (session.configRequests > asked ? true : undefined), 'workspace/configuration from the server');
    source.cancel();
    session.configGate = undefined;
    release();
    await assert.rejects(within(pending, 'cancelled pull'), (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
    // The next, uncancelled pull is answered.
    full(await pull(session, uri));
  });

  test('settings: govReport.rules changes severities, ignores invalid values, triggers a refresh', async () => {
    const items = full(await pull(session, uri)).items;
    const codes = [...new Set(items.map((d) => String(d.code)))];
    assert.ok(codes.length >= 1, 'seed 003 has findings');
    const [hinted, ...silenced] = codes;
    const rules: Record<string, unknown> = { [hinted!]: 'hint', ...Object.fromEntries(silenced.map((c) => [c, 'off'])), 'no.such.rule': 'off' };
    // An invalid value leaves the rule at its default severity.
    if (silenced.length > 0) rules[silenced[0]!] = 'loud';
    session.config = { rules };
    const refreshes = session.refreshCount;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until(() => (session.refreshCount > refreshes ? true : undefined), 'workspace/diagnostic/refresh');
    const now = full(await pull(session, uri)).items;
    const expected = items.filter((d) => d.code === hinted || (silenced.length > 0 && d.code === silenced[0]));
    assert.equal(now.length, expected.length);
    for (const d of now) {
      if (d.code === hinted) assert.equal(d.severity, 4, `${hinted} shown as a hint`);
      else assert.equal(d.severity, expected.find((e: Diagnostic) => e.code === d.code)!.severity, `${String(d.code)} keeps its severity`);
    }
    session.config = {};
  });

  test('unknown documents and odd text get answers, not a crash', async () => {
    const nowhere = 'file:///nowhere/不存在.txt';
    const symbolsOfNowhere = await within(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: nowhere } }), 'symbols of unknown');
    assert.ok(symbolsOfNowhere === null || (Array.isArray(symbolsOfNowhere) && symbolsOfNowhere.length === 0));
    const folds = await within(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: nowhere } }), 'folding of unknown');
    assert.ok(folds === null || (Array.isArray(folds) && folds.length === 0));
    assert.deepEqual(full(await pull(session, nowhere)).items, []);
    for (const [name, text] of [['empty', ''], ['binary', '\u0000\uFFFD\uD800一、\r\r\n\t\t（'], ['headings only', '一、总体情况\n二、\n三、\n表三\n（七）总计 1 2 3\n']] as const) {
      const odd = await open(session, path.join(ROOT, `odd-${name}.txt`), text);
      assert.ok(Array.isArray(await documentSymbols(session, odd)));
      full(await pull(session, odd));
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: odd } });
    }
    // Still alive and answering the real document.
    assert.equal((await documentSymbols(session, uri)).length, 6);
  });

  test('a handler that throws logs the error and answers empty', async () => {
    const logged = session.logs.length;
    // Malformed params (no textDocument) make the handlers throw inside the server.
    assert.equal(await within(session.connection.sendRequest('textDocument/documentSymbol', {}), 'malformed documentSymbol'), null);
    assert.deepEqual(await within(session.connection.sendRequest('textDocument/diagnostic', {}), 'malformed diagnostic'), { kind: 'full', items: [] });
    await until(() => (session.logs.slice(logged).some((m) => m.includes('documentSymbol')) ? true : undefined), 'error logged to the client');
    assert.equal((await documentSymbols(session, uri)).length, 6);
  });

  test('shutdown and exit end the process with code 0', async () => {
    await within(session.connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await within(session.exited, 'process exit'), 0);
  });
});

describe('other layouts: six sections and three tables', () => {
  const cases = [
    // Web page layout: every cell a paragraph. 表二 opens with 第二十条第(一)项, 表三 with its header note, 表四 with 行政复议.
    { file: SEED_004, headings: [22, 36, 98, 534, 615, 633], tables: [38, 100, 536] as [number, number, number], firstCells: ['第二十条第(一)项', '(本列数据的勾稽关系为', '行政复议'] },
    // PDF extraction: page numbers inside tables, 表四 flattened to one line.
    { file: HUAIAN_2024, headings: [9, 60, 76, 139, 170, 183], tables: [61, 77, 140] as [number, number, number], firstCells: ['第二十条 第（一）项', '（本列数据的勾稽关系为', '行政复议'] },
  ];
  for (const c of cases) {
    test(path.basename(c.file), async (t) => {
      const lines = fixtureLines(c.file);
      const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
      c.headings.forEach((line, k) => assert.ok(lines[line]!.includes(titles[k]!), `fixture line ${line}: ${lines[line]}`));
      c.tables.forEach((line, k) => assert.ok(lines[line]!.startsWith(c.firstCells[k]!), `fixture line ${line}: ${lines[line]}`));
      const session = startServer();
      t.after(() => stopServer(session));
      await initialize(session, PULL_CLIENT);
      const uri = await open(session, c.file);
      const tree = await documentSymbols(session, uri);
      assertOutline(tree, c.headings, c.tables);
      tree.forEach((s, k) => assert.ok(s.name.includes(titles[k]!), `section ${k + 1} named ${s.name}`));
      full(await pull(session, uri));
    });
  }
});

describe('over Node\'s IPC channel, as VS Code starts the server', () => {
  test('seed 003: initialize, its outline and its problems, as over standard streams', async (t) => {
    const answers = async (transport: 'ipc' | 'stdio') => {
      const session = startServer({ transport });
      t.after(() => stopServer(session));
      await initialize(session, PULL_CLIENT);
      const uri = await open(session, SEED_003);
      return { symbols: (await documentSymbols(session, uri)).map((s) => s.name), problems: full(await pull(session, uri)).items.map((d) => `${String(d.code)} ${d.range.start.line}`) };
    };
    const overIpc = await answers('ipc');
    assert.equal(overIpc.symbols.length, 6);
    assert.ok(overIpc.problems.length > 0);
    assert.deepEqual(overIpc, await answers('stdio'));
  });
});

describe('a client that takes at most a few folding ranges (VS Code: rangeLimit 5,000)', () => {
  test('seed 003 folds within the limit: the six sections kept, their sub-items and tables cut', async (t) => {
    const session = startServer();
    t.after(() => stopServer(session));
    await initialize(session, { ...PULL_CLIENT, textDocument: { ...PULL_CLIENT.textDocument, foldingRange: { rangeLimit: 6 } } });
    const uri = await open(session, SEED_003);
    const ranges = (await within(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), 'foldingRange')) ?? [];
    assert.deepEqual(ranges.map((r) => r.startLine), [4, 17, 64, 353, 412, 415]);
  });
});

describe('a client without pull diagnostics gets them pushed', () => {
  let session: ServerSession;
  let uri: string;
  const published = (version: number | undefined) => session.published.find((p) => p.uri === uri && p.version === version);

  before(async () => {
    session = startServer();
    const init = await initialize(session, PUSH_CLIENT);
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'no pull provider for this client');
    uri = await open(session, SEED_003);
  });
  after(() => stopServer(session));

  test('published on open and after a change, with the version', async () => {
    const first = await until(() => published(1), 'publishDiagnostics for version 1');
    assert.ok(first.diagnostics.length > 0, 'seed 003 has findings');
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 87, character: 2 }, end: { line: 87, character: 2 } }, text: 'x' }],
    });
    const second = await until(() => published(2), 'publishDiagnostics for version 2');
    assert.ok(second.diagnostics.some((d) => d.range.start.line === 87), 'the edited cell is flagged');
  });

  test('flat symbols for a client without hierarchical support', async () => {
    const result = (await within(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'documentSymbol')) as SymbolInformation[];
    assert.ok(result.length > 6);
    assert.ok(result.every((s) => s.location?.uri === uri));
    assert.equal(result.find((s) => s.name.startsWith('表三'))?.containerName, '三、收到和处理政府信息公开申请情况');
  });

  test('settings pushed with didChangeConfiguration re-publish', async () => {
    const codes = [...new Set(published(2)!.diagnostics.map((d) => String(d.code)))];
    const count = session.published.length;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { rules: Object.fromEntries(codes.map((c) => [c, 'off'])) } } });
    const again = await until(() => session.published.slice(count).find((p) => p.uri === uri), 're-published diagnostics');
    assert.deepEqual(again.diagnostics, []);
  });

  test('closing clears them', async () => {
    const count = session.published.length;
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await until(() => session.published.slice(count).find((p) => p.uri === uri), 'cleared diagnostics');
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('the server exits when its input closes (the client went away)', async () => {
    session.child.stdin.end();
    assert.equal(await within(session.exited, 'process exit after stdin closed'), 1, 'no shutdown was requested: exit code 1');
  });
});
