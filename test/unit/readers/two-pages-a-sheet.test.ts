// A PDF printed two pages to a sheet (a print dialog's "2 pages per sheet", pdfjam --nup 2x1), as a reviewer
// receives a report printed to save paper: read page by page, as the PDF itself. Read whole, every line ran across
// both pages (`…政策三、收到和处理…`) and parts were "missing" (errors). The sheets are imposed at test time with
// PyMuPDF from the shared published PDFs and from pages Chromium prints; a landscape page that is one page (its
// prose and ruled tables across the middle, or a table without rules whose columns leave the middle clear) is
// still read whole.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { loadPdfJs } from '../../../server/src/core/readers/pdf/load';
import { readPage } from '../../../server/src/core/readers/pdf/page';
import { pagesOfSheet } from '../../../server/src/core/readers/pdf/sheets';
import type { PageContent, TextPiece } from '../../../server/src/core/readers/pdf/types';
import { placeAt } from '../../../server/src/core/readers/tab-grid';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { printedPdfOf, printHtml, withoutBorders } from '../../corpus/print';
import { twoPagesASheet } from '../../corpus/render';
import { sharedDir } from '../../helpers/fixtures';
import { portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';

const rawPdf = (file: string) => new Uint8Array(readFileSync(path.join(sharedDir('raw'), file)));

async function read(bytes: Uint8Array) {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return outcome.rendition;
}

const said = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.message}`).sort();

async function sheetsOf(pdf: Uint8Array): Promise<{ sheets: PageContent[]; pages: PageContent[] }> {
  const { pdfjs, cMapUrl } = await loadPdfJs();
  const task = pdfjs.getDocument({ data: pdf.slice(), cMapUrl, cMapPacked: true, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    const sheets: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) sheets.push(await readPage(pdfjs, await doc.getPage(n), n));
    return { sheets, pages: sheets.flatMap(pagesOfSheet) };
  } finally {
    await task.destroy();
  }
}

describe('pdf reader: two pages printed on a sheet', () => {
  for (const file of ['淮安市人民政府_2024.pdf', '淮安市洪泽区人民政府_2023.pdf', '淮安市洪泽区人民政府_2024.pdf']) {
    for (const fit of ['own-size', 'a4'] as const) {
      it(`${file}, two pages a sheet (${fit}): what the PDF itself gives, no part missing`, async () => {
        const pdf = rawPdf(file);
        const sheet = twoPagesASheet(pdf, fit);
        const expected = said(check(parseDocument((await read(pdf)).text)));
        const found = said(check(parseDocument((await read(sheet)).text)));
        assert.deepEqual(found, expected);
        assert.ok(!found.some((f) => f.includes('section.missing')));
      });
    }
  }

  it('洪泽区 2023 two pages a sheet: the wrong 表四 totals are placed on the sheet they are printed on (its page 4 is sheet 2)', async () => {
    const r = await read(twoPagesASheet(rawPdf('淮安市洪泽区人民政府_2023.pdf'), 'a4'));
    const wrong = check(parseDocument(r.text)).filter((f) => f.code === 'sum.review');
    assert.equal(wrong.length, 2);
    for (const finding of wrong) {
      assert.equal(r.text.slice(finding.range.start, finding.range.end), '0');
      assert.equal(placeAt(r, finding.range.start)?.page, 2);
    }
  });

  it('a portal page printed by Chromium, with and without table borders, then two to a sheet: its own errors, nothing else', async () => {
    const html = portalPageHtml(wrongTotalsPage());
    for (const page of [html, withoutBorders(html)]) {
      const pdf = await printedPdfOf(page);
      const expected = said(check(parseDocument((await read(pdf)).text)));
      assert.equal(expected.filter((f) => f.startsWith('error')).length, 2, expected.join('\n'));
      for (const fit of ['own-size', 'a4'] as const) assert.deepEqual(said(check(parseDocument((await read(twoPagesASheet(pdf, fit))).text))), expected, fit);
    }
  });

  it('a page printed landscape is one page: its prose and ruled tables cross the middle, or its borderless table starts off the margin', async () => {
    const html = portalPageHtml(wrongTotalsPage());
    for (const page of [html, withoutBorders(html)]) {
      const pdf = await printHtml(page, { landscape: true });
      const { sheets, pages } = await sheetsOf(pdf);
      assert.ok(sheets.every((s) => s.width > s.height));
      assert.equal(pages.length, sheets.length);
      // Landscape pages two to a sheet (side by side, a sheet twice as wide): each read as its page.
      const doubled = await sheetsOf(twoPagesASheet(pdf, 'own-size'));
      assert.equal(doubled.pages.length, sheets.length);
      assert.deepEqual(said(check(parseDocument((await read(twoPagesASheet(pdf, 'own-size'))).text))), said(check(parseDocument((await read(pdf)).text))));
    }
  });

  it('a landscape table without rules whose columns leave the middle clear: one page (the right half starts at no margin)', () => {
    const piece = (text: string, x: number, y: number): TextPiece => ({ text, x, y, width: text.length * 10.5, size: 10.5 });
    const pieces: TextPiece[] = [];
    const labels = ['（一）予以公开', '（二）部分公开', '（三）不予公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '（四）无法提供', '（五）不予处理', '（七）总计'];
    labels.forEach((label, i) => {
      const y = 500 - i * 24;
      pieces.push(piece(label, 72, y));
      [300, 372, 460, 530, 600, 670, 740].forEach((x, k) => pieces.push(piece(String(i + k), x, y)));
    });
    const sheet: PageContent = { page: 1, width: 842, height: 595, pieces, horizontal: [], vertical: [] };
    assert.equal(pagesOfSheet(sheet).length, 1);
    // The same sheet with a second page's lines starting at the first's margin: two pages.
    const twoPages = { ...sheet, pieces: [...pieces.filter((p) => p.x < 421), ...labels.map((l, i) => piece(l, 421 + 72, 500 - i * 24))] };
    assert.equal(pagesOfSheet(twoPages).length, 2);
  });
});
