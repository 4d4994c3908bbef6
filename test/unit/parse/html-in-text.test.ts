// Tables left as HTML inside a text: turndown with its GFM plugin (as save-as-Markdown tools run it) keeps every
// table whose first row is no header row as its HTML, and Word-made pages have no <th>. Converted at test time by
// turndown itself (test/corpus/render.ts), the page reads to its own findings, each error on its figure's digits,
// and a fix changes only those digits.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { htmlToMarkdownDefaults } from '../../corpus/render';
import { validT3, validT4 } from '../../helpers/build-report';
import { applyEdits } from '../../helpers/invariants';
import { findingCodes, originalFindings } from '../../helpers/original-findings';
import { portalPageBytes, portalPageHtml, wordMadeCells, type PortalPageData } from '../../helpers/portal-page';

// 表三's 总计 of 自然人+企业 is 5, printed 6; 表四's 行政复议 总计 is 2, printed 3; two blank cells in 表三.
const t3 = { ...validT3(), total: [4, 1, 0, 0, 0, 0, 6], carried: [1, '', '', 0, 0, 0, 1] };
const t4 = validT4().map((v, k) => (k === 4 ? 3 : v));
const defective: PortalPageData = { t3, t4 };

const tableCodes = (codes: readonly string[]) => codes.filter((c) => /^(sum|table|cell)\./.test(c));

describe('tables turndown keeps as HTML in the Markdown', () => {
  for (const [name, page] of [['a portal page', (h: string) => h], ['a Word-made page', wordMadeCells]] as const) {
    test(`${name}: the page's table findings, each error on its figure, the fix changing only it`, async () => {
      const text = htmlToMarkdownDefaults(page(portalPageHtml(defective)));
      assert.match(text, /<table/, 'turndown kept a table as HTML');
      const doc = parseDocument(text);
      for (const kind of ['t2', 't3', 't4'] as const) assert.ok(doc.report.tables[kind], `${kind} found`);
      assert.equal(doc.report.tables.t4!.layout, 'html');
      const findings = check(doc);
      assert.deepEqual(tableCodes(findingCodes(findings)), tableCodes(findingCodes(await originalFindings(portalPageBytes(defective)))));
      const sum = findings.find((f) => f.code === 'sum.row')!;
      assert.equal(text.slice(sum.range.start, sum.range.end), '6');
      const review = findings.find((f) => f.code === 'sum.review')!;
      assert.equal(text.slice(review.range.start, review.range.end), '3');
      // The fix writes 5 over the 6 and nothing else; the table then adds up.
      const fixed = applyEdits(text, sum.fix!.edits);
      assert.equal(fixed.length, text.length);
      assert.equal(fixed.slice(0, sum.range.start) + fixed.slice(sum.range.end), text.slice(0, sum.range.start) + text.slice(sum.range.end));
      assert.deepEqual(check(parseDocument(fixed)).filter((f) => f.code === 'sum.row'), []);
    });
  }

  test('a correct page so converted has no table finding', () => {
    for (const page of [(h: string) => h, wordMadeCells]) {
      const codes = check(parseDocument(htmlToMarkdownDefaults(page(portalPageHtml({}))))).map((f) => f.code);
      assert.deepEqual(tableCodes(codes), []);
    }
  });
});
