// govReport/readOriginal over the protocol (dist/server.js --stdio): the
// client's bytes of a web page, Word file or PDF → the rendition text, or a
// message naming the file; a hover in the rendition says where it is in the
// original. Run: npm run build && node --import tsx --test test/protocol/originals.test.ts

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ResponseError,
  type FullDocumentDiagnosticReport,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import type { ReadOriginalAnswer } from '../../server/src/lsp/protocol';
import { converted } from '../corpus/libreoffice';
import { reportPage } from '../helpers/report-html';
import { wordFigures, wordReport } from '../helpers/word-report';
import { PULL_CLIENT, ROOT, startServer, stopServer, within, type ServerSession } from './lspHarness';

/** Seed 000 (tab grid) with 表三 （七）总计's 自然人 5 where its rows add up to 0: one sum error. */
const BROKEN_000 = readFileSync(path.join(ROOT, 'test/fixtures/seeds/000_ff974b936955be5d.txt'), 'utf8').replace(/^\(七\) 总计\t0/m, '(七) 总计\t5');

let session: ServerSession;

before(async () => {
  session = startServer();
  await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: PULL_CLIENT, workspaceFolders: null, locale: 'zh-cn' }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
});
after(() => stopServer(session));

function readOriginal(params: object): Promise<ReadOriginalAnswer> {
  return within(session.connection.sendRequest<ReadOriginalAnswer>('govReport/readOriginal', params), 'readOriginal');
}

const base64 = (bytes: Buffer) => bytes.toString('base64');

describe('govReport/readOriginal: what cannot be read', () => {
  test('a truncated PDF: not ok, its format, a message naming the file', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<', 'latin1'), Buffer.alloc(16)]);
    const answer = await readOriginal({ uri: 'file:///r/报告.pdf', name: '报告.pdf', data: base64(pdf) });
    assert.equal(answer.ok, false);
    assert.ok(!answer.ok);
    assert.equal(answer.format, 'pdf');
    assert.match(answer.message, /^无法读取“报告\.pdf”：这是 ?PDF 文件，/);
  });

  test('text is no original: said so, naming the file', async () => {
    const answer = await readOriginal({ uri: 'file:///r/a.docx', name: 'a.docx', data: base64(Buffer.from('XX局2023年政府信息公开工作年度报告\n一、总体情况\n', 'utf8')) });
    assert.deepEqual(answer, { ok: false, message: '“a.docx”不是网页、Word 文件或 PDF 文件，无法作为原件读取' });
  });

  test('missing data is an invalid request', async () => {
    await assert.rejects(readOriginal({ uri: 'file:///r/a.pdf' }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
  });
});

describe('govReport/readOriginal: a web page', () => {
  const original = 'file:///r/b.html';
  const rendition = `gov-report-original:/r/b.html?${encodeURIComponent(original)}`;

  test('its rendition; opened under the rendition URI, each finding says where it is in the page (related location, hover)', async () => {
    const answer = await readOriginal({ uri: original, name: 'b.html', data: base64(Buffer.from(reportPage(BROKEN_000), 'utf8')), rendition });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.format, 'html');
    assert.match(answer.text, /^\(七\) 总计\t5\t0/m);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: rendition, languageId: 'gov-report', version: 1, text: answer.text } });
    const report = (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: rendition } }), 'diagnostics')) as FullDocumentDiagnosticReport;
    const errors = report.items.filter((d) => d.severity === 1);
    assert.equal(errors.length, 1);
    assert.deepEqual(errors[0]!.relatedInformation?.[0], { location: { uri: rendition, range: errors[0]!.range }, message: '原文位置：表三“（七）总计”行“自然人”列' });
    assert.ok(report.items.every((d) => d.relatedInformation?.[0]?.message.startsWith('原文位置：')));
    const hover = await within(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: rendition }, position: errors[0]!.range.start }), 'hover');
    assert.match((hover!.contents as MarkupContent).value, /原文位置：表三“（七）总计”行“自然人”列$/);
  });

  test('the same text under another URI (a saved .txt) has no place: it is no rendition', async () => {
    const uri = 'file:///r/b.txt';
    const answer = await readOriginal({ uri: original, name: 'b.html', data: base64(Buffer.from(reportPage(BROKEN_000), 'utf8')) });
    assert.ok(answer.ok);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 1, text: answer.text } });
    const report = (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostics')) as FullDocumentDiagnosticReport;
    assert.ok(report.items.length > 0);
    assert.ok(report.items.every((d) => !d.relatedInformation?.some((r) => r.message.startsWith('原文位置'))));
  });
});

describe('govReport/readOriginal: a Word 97–2003 file (.doc, as LibreOffice saves it)', () => {
  test('its rendition, read from the .doc; each finding says where it is in the file', async () => {
    const original = 'file:///r/c.doc';
    const rendition = `gov-report-original:/r/c.doc?${encodeURIComponent(original)}`;
    const answer = await readOriginal({ uri: original, name: 'c.doc', data: base64(Buffer.from(converted(wordReport(wordFigures()), 'doc'))), rendition });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.format, 'doc');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: rendition, languageId: 'gov-report', version: 1, text: answer.text } });
    const report = (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: rendition } }), 'diagnostics')) as FullDocumentDiagnosticReport;
    const places = report.items.filter((d) => d.severity === 1).map((d) => d.relatedInformation?.[0]?.message);
    // The Word report's two wrong totals: 表三 （七）总计's 总计 and 表四 行政复议's 总计.
    assert.deepEqual(places.sort(), ['原文位置：表三“（七）总计”行“总计”列', '原文位置：表四“行政复议”行“总计”列']);
  });
});
