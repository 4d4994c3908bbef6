// govReport/readOriginal over the protocol (dist/server.js --stdio): the
// client's bytes of a web page, Word file or PDF → the rendition text, or a
// message naming the file; a hover in the rendition says where it is in the
// original. Run: npm run build && node --import tsx --test test/protocol/originals.test.ts

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, InitializedNotification, InitializeRequest, ResponseError } from 'vscode-languageserver-protocol/node';
import type { ReadOriginalAnswer } from '../../server/src/lsp/originals';
import { PULL_CLIENT, startServer, stopServer, within, type ServerSession } from './lspHarness';

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
