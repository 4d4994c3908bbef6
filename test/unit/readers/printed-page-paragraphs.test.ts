// A crawled page (its body one line) printed to a PDF and read by the PDF reader itself. The layout wraps a run of
// figures or Latin letters whole, and an opening bracket with the character after it, so the line before ends short
// of the margin: read as a paragraph's end, the body fell apart at such places (`第二十条第` / `（一）项…`: "表二 lacks
// 第二十条第（一）项"; `…申请数量` / `1000000…`), and one page Chromium printed read as no report at all ("no report
// body found"). A short line goes on where the next line's first word could not have fitted after it. Found by a
// helper printing the crawled pages with LibreOffice and Chromium.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument, readOriginal } from '../../../server/src/core/service';
import { sharedDir } from '../../helpers/fixtures';
import { converted } from '../../corpus/libreoffice';
import { CHROMIUM } from '../../corpus/print';

const dir = sharedDir('crawled');
const pageText = (page: string) => readFileSync(path.join(dir, page), 'utf8');
const said = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.message}`);

async function readPdf(pdf: Uint8Array): Promise<Finding[]> {
  const outcome = await readOriginal(pdf);
  assert.ok(outcome?.ok, 'the PDF is read');
  return check(parseDocument(outcome.rendition.text));
}

describe('a crawled page printed to a PDF, read by the PDF reader', () => {
  it('LibreOffice\'s PDF of each page: no error the page does not have; 表二 of 农业农村局 2021 read as on the page', async () => {
    for (const page of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const own = new Set(said(check(parseDocument(pageText(page)))));
      const found = await readPdf(converted(Buffer.from(pageText(page)), 'pdf', { from: 'txt' }));
      assert.deepEqual(said(found.filter((f) => f.severity === 'error')).filter((s) => !own.has(s)), [], page);
      if (page === '平潭综合实验区农业农村局_2021.txt') {
        const table2 = (fs: readonly string[]) => fs.filter((s) => s.includes('表二')).sort();
        assert.deepEqual(table2(said(found)), table2([...own]), page);
      }
    }
  });

  it('Chromium\'s PDF of 农业农村局 2025 (`chromium --print-to-pdf`) is a report with its parts, not "no report body"', async () => {
    const page = '平潭综合实验区农业农村局_2025.txt';
    const work = mkdtempSync(path.join(tmpdir(), 'gov-report-printed-page-'));
    try {
      const pdfFile = path.join(work, 'page.pdf');
      const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${path.join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(path.join(dir, page)).href], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, run.stderr);
      const found = await readPdf(new Uint8Array(readFileSync(pdfFile)));
      assert.deepEqual(found.filter((f) => f.code === 'section.missing'), []);
      const own = check(parseDocument(pageText(page)));
      assert.deepEqual(said(found.filter((f) => f.severity === 'error')), said(own.filter((f) => f.severity === 'error')));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
