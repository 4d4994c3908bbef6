// Text extracted from a PDF Chromium printed: its CJK font maps 一, 二, 行, 民 … to the Kangxi radicals ⼀, ⼆, ⾏
// and the supplement's ⺠, and mutool, PyMuPDF and pdfminer keep them (pdftotext and the PDF reader write the
// ideographs). `⼀、总体情况` matched no heading and `⾏政许可` no label: on the 13 crawled pages so read, 26 false
// errors ("part missing") and 148 warnings. The text is now read through the ideographs, at the same offsets.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { radicalPairs } from '../../../server/src/core/text/radicals';
import { SEEDS_DIR, sharedDir } from '../../helpers/fixtures';
import { printHtml } from '../../corpus/print';
import { mutoolText, pdfminerText, pymupdfText } from '../../corpus/render';

const said = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.message}`).sort();
const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

describe('a crawled page Chromium printed, its text extracted by mutool, PyMuPDF and pdfminer', () => {
  const dir = sharedDir('crawled');
  // Pages with real defects: 表三's totals (2020, 2021), a missing 六 (2019).
  for (const page of ['平潭综合实验区农业农村局_2021.txt', '平潭综合实验区自然资源与生态环境局_2019.txt', '平潭综合实验区自然资源与生态环境局_2020.txt']) {
    it(`${page}: the page's own findings, the errors on the same figures`, async () => {
      const text = readFileSync(path.join(dir, page), 'utf8');
      // As Chromium shows a text file: the text in a <pre> that wraps.
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const pdf = await printHtml(`<html><head><meta charset="utf-8"></head><body><pre style="word-wrap: break-word; white-space: pre-wrap;">${escaped}</pre></body></html>`);
      const work = mkdtempSync(path.join(tmpdir(), 'gov-report-radicals-'));
      try {
        const file = path.join(work, 'page.pdf');
        writeFileSync(file, pdf);
        const plain = check(parseDocument(text));
        for (const [tool, extracted] of [['mutool', mutoolText(file)], ['PyMuPDF', pymupdfText(file)], ['pdfminer', pdfminerText(file)]] as const) {
          assert.ok((extracted.match(RADICAL) ?? []).length > 20, `${tool} kept the radicals`);
          const now = check(parseDocument(extracted));
          assert.deepEqual(said(now), said(plain), `${page}, ${tool}`);
          const figures = (t: string, fs: readonly Finding[]) => fs.filter((f) => f.severity === 'error').map((f) => t.slice(f.range.start, f.range.end).replace(/\s+/g, ''));
          assert.deepEqual(figures(extracted, now), figures(text, plain), `${page}, ${tool}: the errors on the same figures`);
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});

describe('radicals for ideographs in a report laid out in lines', () => {
  const toRadicals = new Map(radicalPairs().map(([radical, ideograph]) => [String.fromCharCode(ideograph), String.fromCharCode(radical)]));
  const withRadicals = (text: string) => text.replace(/[\u3400-\u9fff]/g, (c) => toRadicals.get(c) ?? c);

  it('every seed: the same findings at the same offsets', () => {
    for (const name of readdirSync(SEEDS_DIR)) {
      const text = readFileSync(path.join(SEEDS_DIR, name), 'utf8');
      const radicals = withRadicals(text);
      assert.notEqual(radicals, text, name);
      const plain = check(parseDocument(text));
      const now = check(parseDocument(radicals));
      assert.deepEqual(now.map((f) => [f.code, f.range, f.message]), plain.map((f) => [f.code, f.range, f.message]), name);
    }
  });

  it('one radical is enough: a heading written ⼀、总体情况 is part 一', () => {
    const seed = readFileSync(path.join(SEEDS_DIR, readdirSync(SEEDS_DIR)[0]!), 'utf8');
    assert.ok(seed.includes('一、总体情况'));
    const doc = parseDocument(seed.replace('一、总体情况', '⼀、总体情况'));
    assert.equal(doc.report.sections[0]?.heading.sectionId, 1);
    assert.deepEqual(check(doc).filter((f) => f.severity === 'error'), check(parseDocument(seed)).filter((f) => f.severity === 'error'));
  });
});
