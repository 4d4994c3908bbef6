// Hover, quick fixes, fix-all and the new-report request over the protocol,
// and parity: the CLI and the editor report the same diagnostics on every
// real report. Run: npm run build && node --import tsx --test test/protocol/features.test.ts

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { fixtureFiles, fixturePath, sharedDir } from '../helpers/fixtures';
import { PULL_CLIENT, ROOT, startServer, stopServer, within, type ServerSession } from './lspHarness';

const CAPS = PULL_CLIENT;
// The seeds, the shared corpus and the pages a crawler saved (a body on one line, read through its rendition).
const FILES = [...fixtureFiles().map((f) => f.path), ...readdirSync(sharedDir('crawled')).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(sharedDir('crawled'), f))];
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

let session: ServerSession;
before(async () => {
  session = startServer();
  await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: CAPS, workspaceFolders: null }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
});
after(() => stopServer(session));

async function open(uri: string, text: string, version = 1): Promise<void> {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version, text } });
}

async function pull(uri: string): Promise<FullDocumentDiagnosticReport> {
  return (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic')) as FullDocumentDiagnosticReport;
}

describe('the CLI and the editor report the same diagnostics', () => {
  for (const file of FILES) {
    test(path.basename(file), async () => {
      const uri = pathToFileURL(file).href;
      await open(uri, readFileSync(file, 'utf8'));
      const related = (d: Diagnostic) => d.relatedInformation?.map((r) => ({ range: r.location.range, message: r.message }));
      const editor = (await pull(uri)).items.map((d) => ({ range: d.range, severity: SEVERITY[d.severity!], code: d.code, message: d.message, ...(d.relatedInformation?.length ? { related: related(d) } : {}) }));
      const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'gov-report.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
      const [result] = JSON.parse(cli.stdout) as { diagnostics: unknown[] }[];
      assert.deepEqual(editor, result!.diagnostics);
    });
  }
});

describe('a page saved on one line, in the editor', () => {
  test('the parts and the errors sit on the page’s one line, at the cell; hovering a cell explains its sum', async () => {
    const file = path.join(sharedDir('crawled'), '平潭综合实验区农业农村局_2021.txt');
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href + '?one-line';
    await open(uri, text);
    const items = (await pull(uri)).items;
    assert.ok(!items.some((d) => d.code === 'section.missing'), JSON.stringify(items.map((d) => d.code)));
    const bodyLine = text.split('\n').length - 1;
    const errors = items.filter((d) => d.severity === 1);
    assert.ok(errors.length > 0);
    for (const d of errors) {
      assert.equal(d.range.start.line, bodyLine);
      // Each error sits on one number of the run-together row, never on the label or the whole line.
      const cell = text.split('\n')[bodyLine]!.slice(d.range.start.character, d.range.end.character);
      assert.match(cell, /^\d+$/, JSON.stringify(d));
    }
    const hover = await within(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: errors[0]!.range.start }), 'hover');
    assert.match((hover!.contents as MarkupContent).value, /✗/);
  });
});

describe('hover and quick fixes on seed 003 with a broken total', () => {
  const source = readFileSync(fixturePath('seeds/003_9d29cacfbc1688a2.txt'), 'utf8');
  const lines = source.split('\n');
  // Zero-based line 92 is the 总计 cell of 表三 row 一 (the 7th number after its label on line 85).
  const ROW_ONE_TOTAL = 92;
  const uri = 'untitled:broken-003';
  test('the fixture is as read by hand', () => {
    assert.equal(lines[85], '\t一、本年新收政府信息公开申请数量');
    assert.equal(lines[ROW_ONE_TOTAL], '\t6');
  });

  test('hover over 表三 row 一 总计 shows the computed sum, and what it should be once broken', async () => {
    const broken = lines.map((l, i) => (i === ROW_ONE_TOTAL ? '\t7' : l)).join('\n');
    await open(uri, broken);
    const hover = await within(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: ROW_ONE_TOTAL, character: 1 } }), 'hover');
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /表三 · 一、本年新收政府信息公开申请数量 · 总计/);
    assert.match(value, /总计 7 ≠ 自然人 6 \+ 商业企业 0 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 0 \+ 其他 0 = 6/);
    assert.match(value, /此数应为 6/);
  });

  test('the quick fix sets it back, version-pinned, and the diagnostic goes away', async () => {
    const report = await pull(uri);
    const sumRow = report.items.find((d) => d.code === 'sum.row')!;
    assert.equal(sumRow.range.start.line, ROW_ONE_TOTAL);
    const actions = (await within(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sumRow.range, context: { diagnostics: [sumRow] } }), 'codeAction')) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'sum.row'))!;
    assert.match(fix.title, /改为 6/);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    assert.deepEqual(change.edits, [{ range: { start: { line: ROW_ONE_TOTAL, character: 1 }, end: { line: ROW_ONE_TOTAL, character: 2 } }, newText: '6' }]);
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: change.edits[0]!.range, text: '6' }] });
    const after = await pull(uri);
    assert.equal(after.items.filter((d) => String(d.code).startsWith('sum.')).length, 0);
  });

  test('source.fixAll.gov-report answers only when asked', async () => {
    const none = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    assert.ok(none.every((a) => a.kind !== 'source.fixAll.gov-report'));
    const all = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.gov-report']);
    assert.equal((all[0]!.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 2);
  });
});

describe('新建年度报告', () => {
  test('the server writes a 2021-template report whose only findings are its unfilled sections, as information', async () => {
    const text = (await within(session.connection.sendRequest('govReport/newReport', { year: 2025, agency: '某某市某某局' }), 'newReport')) as string;
    assert.match(text, /^某某市某某局2025年政府信息公开工作年度报告/);
    const uri = 'untitled:new-report';
    await open(uri, text);
    const items = (await pull(uri)).items;
    assert.deepEqual([...new Set(items.map((d) => d.code))], ['section.empty']);
    const headingLines = text.split('\n').flatMap((l, i) => (['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].includes(l) ? [i] : []));
    assert.equal(headingLines.length, 3);
    assert.deepEqual(items.map((d) => d.range.start.line), headingLines);
    // Information, not hints: VS Code lists them in Problems and the status item counts them (issue 19).
    assert.deepEqual(items.map((d) => d.severity), [3, 3, 3]);
  });
});

describe('incremental sync', () => {
  test('after many small edits the server diagnoses exactly what a fresh parse of the text gives', async () => {
    const { diagnostics: freshDiagnostics, parseDocument } = await import('../../server/src/core/service');
    let text = readFileSync(fixturePath('seeds/002_1e78f43606d75d41.txt'), 'utf8');
    const uri = 'untitled:incremental-002';
    await open(uri, text);
    let version = 1;
    const lines = () => text.split('\n');
    for (let k = 0; k < 60; k++) {
      const ls = lines();
      const line = (k * 37) % ls.length;
      const character = Math.min(ls[line]!.length, (k * 5) % 7);
      const insert = ['1', '\t', '、', '\n', ''][k % 5]!;
      const end = k % 5 === 4 ? { line, character: Math.min(ls[line]!.length, character + 2) } : { line, character };
      const offset = (l: number, c: number) => ls.slice(0, l).reduce((a, x) => a + x.length + 1, 0) + c;
      text = text.slice(0, offset(line, character)) + insert + text.slice(offset(end.line, end.character));
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character }, end }, text: insert }] });
    }
    const pulled = (await pull(uri)).items;
    assert.deepEqual(pulled, freshDiagnostics(parseDocument(text), uri, { docsBase: `${pathToFileURL(path.join(ROOT, 'docs', 'rules')).href}/` }));
  });
});
