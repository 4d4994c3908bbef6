// A client that resolves code actions (as VS Code does) gets them without
// their edits, and only the diagnostics under the cursor; the edit is made on
// codeAction/resolve, equal to what an eager client gets, and not at all for
// an action made for an older version. A long draft's pull carries at most
// 1,000 diagnostics, the note first (issue 19).
// Run: npm run build && node --import tsx --test test/protocol/code-action-resolve.test.ts

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  type ClientCapabilities,
  type CodeAction,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { generateLargeReport } from '../../scripts/bench/generate';
import { actions as eagerActions, parseDocument } from '../../server/src/core/service';
import { buildReport } from '../helpers/build-report';
import { PULL_CLIENT, startServer, stopServer, within, type ServerSession } from './lspHarness';

const RESOLVING: ClientCapabilities = {
  ...PULL_CLIENT,
  textDocument: {
    ...PULL_CLIENT.textDocument,
    codeAction: { ...PULL_CLIENT.textDocument!.codeAction, dataSupport: true, resolveSupport: { properties: ['edit'] } },
  },
};

let session: ServerSession;
let initialized: InitializeResult;
before(async () => {
  session = startServer();
  initialized = await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: RESOLVING, workspaceFolders: null }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
});
after(() => stopServer(session));

const open = (uri: string, text: string) => session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 1, text } });
const pull = async (uri: string) => (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic', 30_000)) as FullDocumentDiagnosticReport;

describe('code actions resolved when chosen', () => {
  // Two rows of 表三 whose totals are wrong: two sum.row fixes, so a "fix all of this kind" too.
  const t3 = { new: [4, 1, 0, 0, 0, 0, 9], carried: [1, 0, 0, 0, 0, 0, 1], public: [2, 0, 0, 0, 0, 0, 2], partial: [1, 0, 0, 0, 0, 0, 1], 'unable.1': [1, 1, 0, 0, 0, 0, 3], total: [4, 1, 0, 0, 0, 0, 5], forward: [1, 0, 0, 0, 0, 0, 1] };
  const text = buildReport({ t3 });
  const uri = 'file:///reports/resolve.txt';

  test('the server offers resolving to a client that can', () => {
    assert.deepEqual(initialized.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.gov-report'], resolveProvider: true });
  });

  test('actions come without edits; resolved, each edit is the eager one; a stale one gets none', async () => {
    await open(uri, text);
    const sums = (await pull(uri)).items.filter((d) => d.code === 'sum.row');
    assert.equal(sums.length, 2);
    const range = sums[0]!.range;
    const lazy = (await within(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [sums[0]!] } }), 'codeAction')) as CodeAction[];
    assert.ok(lazy.length >= 2);
    for (const a of lazy) assert.equal(a.edit, undefined, a.title);
    const ofKind = lazy.find((a) => /修复本文件中所有/.test(a.title))!;
    // Only the diagnostic under the cursor, not every one of the kind.
    assert.deepEqual(ofKind.diagnostics?.map((d) => d.range), [range]);

    const doc = parseDocument(text);
    const offsets = { start: doc.lines.offsetAt(range.start), end: doc.lines.offsetAt(range.end) };
    const eager = eagerActions(doc, { uri, version: 1, range: offsets }, {});
    assert.deepEqual(lazy.map((a) => a.title), eager.map((a) => a.title));
    for (const [k, a] of lazy.entries()) {
      const resolved = (await within(session.connection.sendRequest(CodeActionResolveRequest.type, a), 'codeAction/resolve')) as CodeAction;
      assert.deepEqual(resolved.edit, eager[k]!.edit, a.title);
    }

    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
    const stale = (await within(session.connection.sendRequest(CodeActionResolveRequest.type, lazy[0]!), 'codeAction/resolve')) as CodeAction;
    assert.equal(stale.edit, undefined);
  });
});

describe('a long draft', () => {
  test('a pull carries 1,000 diagnostics, the first saying how many more, by rule', async () => {
    const draft = generateLargeReport(300_000, { wrongSums: true });
    const uri = `file://${path.posix.join('/reports', 'draft.txt')}`;
    await open(uri, draft);
    const items = (await pull(uri)).items;
    assert.equal(items.length, 1000);
    assert.match(String(items[0]!.message), /^另有 [\d,]+ 个问题未列出.*prose\.sum [\d,]+ 个/);
    assert.equal(items.filter((d) => d.code === undefined).length, 1);
  });
});
