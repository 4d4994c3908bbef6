// A web page saved as one file (.mhtml, .mht): what a reviewer keeps of a portal's page with
// "Save page as… Webpage, Single File". Chromium's files are made by Chromium at test time
// (test/corpus/print.ts savedAsOneFile); the page inside must read as the page itself does.
// Internet Explorer's and Word's files (no such tool here) are written out in the form they
// take: the preamble, the charset in the part's header, quoted-printable lines ended by CRLF.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULT_LIMITS, type Block } from '../../../server/src/core/readers/blocks';
import { readHtml } from '../../../server/src/core/readers/html';
import { looksLikeMhtml } from '../../../server/src/core/readers/html/mhtml';
import { isReportFileName, originalKind, readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { savedAsOneFile } from '../../corpus/print';
import { portalPageBytes, portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

async function blocks(bytes: Uint8Array): Promise<readonly Block[]> {
  const result = await readHtml(bytes, DEFAULT_LIMITS);
  assert.ok(result.ok, `not read: ${JSON.stringify(result)}`);
  return result.blocks;
}

async function renditionText(bytes: Uint8Array): Promise<string> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  assert.equal(outcome.kind, 'html');
  return outcome.rendition.text;
}

const findings = (text: string) => check(parseDocument(text)).map((f) => `${f.code} ${f.severity} ${f.message}`).sort();

/** Quoted-printable as Word and Internet Explorer write it: lines of at most 76 characters ended by CRLF, `=` soft breaks. */
function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (const line of Buffer.from(bytes).toString('latin1').split('\n')) {
    const encoded = [...line].map((ch) => {
      const code = ch.charCodeAt(0);
      return code === 0x3d || code > 0x7e || (code < 0x20 && ch !== '\t') ? `=${code.toString(16).toUpperCase().padStart(2, '0')}` : ch;
    });
    let out = '';
    for (const piece of encoded) {
      if (out.length + piece.length > 75) {
        lines.push(`${out}=`);
        out = '';
      }
      out += piece;
    }
    lines.push(out);
  }
  return lines.join('\r\n');
}

/** A single-file page in the form Internet Explorer and Word save it: the page's part first, an image after. */
function singleFileWebPage(page: Uint8Array, options: { charset?: string; encoding?: 'quoted-printable' | 'base64'; start?: boolean } = {}): Uint8Array {
  const boundary = '----=_NextPart_01DA2B3C.4D5E6F70';
  const encoding = options.encoding ?? 'quoted-printable';
  const body = encoding === 'base64' ? Buffer.from(page).toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(page);
  const image = ['Content-Location: file:///C:/Users/a/AppData/Local/Temp/report_files/image001.png', 'Content-Transfer-Encoding: base64', 'Content-Type: image/png', '', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='];
  const pagePart = [
    ...(options.start ? ['Content-ID: <report-page@example>'] : []),
    'Content-Location: file:///C:/Users/a/AppData/Local/Temp/report.htm',
    `Content-Transfer-Encoding: ${encoding}`,
    `Content-Type: text/html${options.charset ? `; charset="${options.charset}"` : ''}`,
    '',
    body,
  ];
  const parts = options.start ? [image, pagePart] : [pagePart, image];
  const text = [
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${boundary}"${options.start ? ';\r\n\tstart="<report-page@example>"' : ''}`,
    '',
    'This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing this message, your browser or editor doesn\'t support Web Archive files.',
    '',
    ...parts.flatMap((p) => [`--${boundary}`, ...p, '']),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return latin1(text);
}

describe('a page saved as one file by Chromium (.mhtml)', () => {
  const page = wrongTotalsPage();
  const utf8Page = portalPageBytes(page);
  const gbPage = portalPageBytes({ ...page, gb2312: true });
  let saved: Uint8Array[] = [];
  before(async () => {
    saved = await savedAsOneFile([utf8Page, gbPage]);
  });

  test('is told by its content, and a folder walk takes .mhtml and .mht', () => {
    const head = Buffer.from(saved[0]!.subarray(0, 2048)).toString('latin1');
    assert.match(head, /^From: <Saved by Blink>/, 'Chromium wrote a file of the form this test is about');
    assert.equal(originalKind(saved[0]!), 'html');
    assert.ok(isReportFileName('报告.mhtml') && isReportFileName('报告.MHT'));
  });

  test('UTF-8 and GB2312 pages: the same blocks and findings as the page itself', async () => {
    const direct = await renditionText(utf8Page);
    assert.deepEqual(await blocks(saved[0]!), await blocks(utf8Page));
    assert.equal(await renditionText(saved[0]!), direct);
    // The GB2312 page's bytes stay GB2312 inside the file; its own <meta> names the charset, its part's header none.
    assert.doesNotMatch(Buffer.from(saved[1]!).toString('latin1').split('\n').find((l) => /^Content-Type: text\/html/.test(l))!, /charset/);
    assert.equal(await renditionText(saved[1]!), await renditionText(gbPage));
    const found = findings(await renditionText(saved[1]!));
    assert.deepEqual(found, findings(direct));
    assert.equal(found.filter((f) => / error /.test(f)).length, 2, found.join('\n'));
  });
});

describe('a page whose report is shown in a frame, saved as one file by Chromium', () => {
  test('the frame\'s page is read, not the chrome around it: the report\'s findings', async () => {
    const article = portalPageBytes(wrongTotalsPage());
    const outer = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开目录</title></head><body><div class="nav">首页 | 信息公开指南 | 信息公开年报</div><iframe src="article.html" width="1000" height="3000"></iframe><div class="footer">主办：某某市人民政府</div></body></html>';
    const [saved] = await savedAsOneFile([new Uint8Array(Buffer.from(outer, 'utf8'))], { 'article.html': article });
    assert.equal((Buffer.from(saved!).toString('latin1').match(/^Content-Type: text\/html/gm) ?? []).length, 2, 'Chromium saved both pages');
    assert.deepEqual(findings(await renditionText(saved!)), findings(await renditionText(article)));
  });
});

describe('a Single File Web Page as Internet Explorer and Word save it (.mht)', () => {
  // A GBK page whose own <meta> is gone (Word writes its charset in the part header): the header must decide.
  const html = portalPageHtml(wrongTotalsPage()).replace(/<meta[^>]*charset[^>]*>/gi, '');
  const gbk = new Uint8Array(iconv.encode(html, 'gbk'));
  let expected = '';
  before(async () => {
    expected = await renditionText(portalPageBytes(wrongTotalsPage()));
  });

  test('quoted-printable, the charset in the part header', async () => {
    const mht = singleFileWebPage(gbk, { charset: 'gb2312' });
    assert.ok(looksLikeMhtml(Buffer.from(mht).toString('latin1')));
    assert.equal(await renditionText(mht), expected);
  });

  test('base64, and the root named by `start` after an image part', async () => {
    assert.equal(await renditionText(singleFileWebPage(gbk, { charset: 'gbk', encoding: 'base64', start: true })), expected);
  });

  test('a UTF-8 page with no charset anywhere is read as UTF-8', async () => {
    const bare = new Uint8Array(Buffer.from(html, 'utf8'));
    assert.equal(await renditionText(singleFileWebPage(bare)), expected);
  });

  test('a file with no page in it, or no boundary, is a clear problem, not a crash', async () => {
    const noPage = latin1('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n');
    const outcome = await readOriginal(noPage);
    assert.ok(outcome && !outcome.ok && outcome.problem.kind === 'broken', JSON.stringify(outcome));
    assert.match(JSON.stringify(outcome), /no HTML part among 1/);
    const noBoundary = await readOriginal(latin1('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nwhatever\r\n'));
    assert.ok(noBoundary && !noBoundary.ok && noBoundary.problem.kind === 'broken', JSON.stringify(noBoundary));
  });

  test('a text report that starts like a header is still text', () => {
    for (const text of ['标题：某某县2023年政府信息公开工作年度报告\n', 'Subject: 年度报告\n\n一、总体情况\n', 'MIME-Version: 1.0\n\n一、总体情况\n']) {
      assert.equal(originalKind(new Uint8Array(Buffer.from(text, 'utf8'))), undefined, text);
    }
  });
});
