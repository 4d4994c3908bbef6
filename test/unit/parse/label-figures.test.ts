// A row's first figure run onto its label. A page printed to a PDF whose label fills its cell puts the figure at the
// cell's edge: pdftotext -layout writes `行政规范性文件2              0     9`, mutool and PyMuPDF `⾏政规范性⽂件2` / `0` /
// `9`. The label read as `行政规范性文件2` had one figure too few: 表二 "有 2 个数，模板为 3 个" (a warning, its sums
// unchecked) on six of the seven own pages. Found by a helper printing the own pages with Chromium.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument, readOriginal } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport } from '../../helpers/build-report';
import { OWN_DIR } from '../../corpus/harness';
import { printedPdf } from '../../corpus/print';
import { mutoolText, pdftotext, pymupdfText } from '../../corpus/render';

const aboutTable2 = (fs: readonly Finding[]) => fs.filter((f) => f.message.includes('表二')).map((f) => `${f.severity} ${f.code} ${f.message}`).sort();

describe('an own page printed by Chromium, its text by pdftotext -layout, mutool and PyMuPDF', () => {
  it('表二 reads as on the page: a figure run onto its label is the row\'s first cell', async () => {
    let glued = 0;
    for (const page of readdirSync(OWN_DIR).filter((f) => f.endsWith('.html'))) {
      const file = path.join(OWN_DIR, page);
      const html = await readOriginal(new Uint8Array(readFileSync(file)));
      assert.ok(html?.ok, page);
      const reference = aboutTable2(check(parseDocument(html.rendition.text)));
      const pdf = await printedPdf(file);
      const work = mkdtempSync(path.join(tmpdir(), 'gov-report-label-figures-'));
      try {
        const pdfFile = path.join(work, 'page.pdf');
        writeFileSync(pdfFile, pdf);
        for (const [tool, text] of [['pdftotext -layout', pdftotext(pdfFile, true)], ['mutool', mutoolText(pdfFile)], ['PyMuPDF', pymupdfText(pdfFile)]] as const) {
          if (/(?:行政规范性文件|其他对外管理服务事项|⾏政规范性⽂件|其他对外管理服务事项)[0-9]/.test(text)) glued++;
          assert.deepEqual(aboutTable2(check(parseDocument(text))), reference, `${page}, ${tool}`);
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    // The tools did run a figure onto a label, on most pages.
    assert.ok(glued >= 6, `texts with a figure on a label: ${glued}`);
  });
});

describe('a figure typed onto its label (no tab between), in every layout', () => {
  const label = '行政规范性文件';
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: the same findings as with the cell apart`, () => {
      const text = buildReport({ layout });
      const at = text.indexOf(label);
      assert.ok(at >= 0);
      // The separator between the label and its first figure (a tab, a line break, a pipe, spaces), taken out.
      const after = text.slice(at + label.length).match(/^[\s|]*/)![0];
      if (after === '' || /\n\s*\n/.test(after)) return; // a layout where the label and figure do not touch this way
      const glued = text.slice(0, at + label.length) + text.slice(at + label.length + after.length);
      const codes = (t: string) => check(parseDocument(t)).map((f) => `${f.code} ${f.message}`).sort();
      assert.deepEqual(codes(glued), codes(text), layout);
    });
  }

  it('words that are no row\'s label keep their figure (某某事项2 is one cell)', () => {
    const text = buildReport({ layout: 'tab-grid' }).replace('行政规范性文件\t', '其他规范性事项');
    assert.ok(text.includes('其他规范性事项'));
    const report = parseDocument(text).report;
    const labels = report.tables.t2?.blocks.flatMap((b) => b.rows.map((r) => r.label.text)) ?? [];
    assert.ok(!labels.includes('其他规范性事项'), JSON.stringify(labels));
  });
});

// A 表三 label wrapped over two lines of its cell, in a row with no figures (a draft's blank row): mutool and PyMuPDF
// write the two lines as two cells (`1.申请人无正当理由逾期不补正、行政机关` / `不再处理其政府信息公开申请`), with nothing
// between them. The row took the first alone: "label unlike the template" (table.label) and "no figures" for its
// blank cells, on the page with blank rows. Found by the same helper.
describe('a label wrapped over lines in a row with no figures, from a printed page', () => {
  it('many-blanks-2022 through mutool and PyMuPDF: no label warning the page does not have', async () => {
    const file = path.join(OWN_DIR, 'many-blanks-2022.html');
    const html = await readOriginal(new Uint8Array(readFileSync(file)));
    assert.ok(html?.ok);
    const labels = (fs: readonly Finding[]) => fs.filter((f) => f.code === 'table.label').map((f) => f.message).sort();
    const reference = labels(check(parseDocument(html.rendition.text)));
    const work = mkdtempSync(path.join(tmpdir(), 'gov-report-wrapped-label-'));
    try {
      const pdfFile = path.join(work, 'page.pdf');
      writeFileSync(pdfFile, await printedPdf(file));
      for (const [tool, text] of [['mutool', mutoolText(pdfFile)], ['PyMuPDF', pymupdfText(pdfFile)]] as const) {
        assert.match(text, /1\.申请[⼈人][^\n]*\n[^\n]*不再处理/, `${tool} wrote the label over two lines`);
        assert.deepEqual(labels(check(parseDocument(text))), reference, tool);
        const rows = parseDocument(text).report.tables.t3!.rows.filter((r) => r.id === 'other.1' || r.id === 'other.2');
        for (const r of rows) assert.equal(r.alignment, 'exact', `${tool}: ${r.id} read with its blank cells`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
