// A report turned into Markdown or plain text by pandoc (the Debian package, run at test time through
// test/corpus/render.ts), as a reviewer runs `pandoc page.html -o page.md` or `pandoc report.docx -o report.txt`:
// headings kept as styled spans (`**[一、总体情况]{style="…"}**`), figures too, tables in columns of spaces between
// rules of dashes. The page and the Word file read to their own findings, each error on its digits.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { pandoc } from '../../corpus/render';
import { paragraphCells, portalPageBytes, portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';
import { originalFindings, tableFindingCodes } from '../../helpers/original-findings';
import { wordFigures, wordReport } from '../../helpers/word-report';

const defective = wrongTotalsPage();

describe('pandoc', () => {
  for (const to of ['markdown', 'plain'] as const) {
    test(`a portal page to ${to}: every part found, the page's table findings, each error on its digits`, async () => {
      const text = pandoc(portalPageHtml(defective), 'html', to);
      if (to === 'markdown') assert.match(text, /\*\*\[一、总体情况\]\{style=/, 'pandoc kept the heading as a styled span');
      const findings = check(parseDocument(text));
      assert.deepEqual(findings.filter((f) => f.severity === 'error' && !/^sum\./.test(f.code)).map((f) => f.code), [], 'no error but the two wrong totals');
      assert.deepEqual(tableFindingCodes(findings), tableFindingCodes(await originalFindings(portalPageBytes(defective))));
      assert.equal(text.slice(findings.find((f) => f.code === 'sum.row')!.range.start, findings.find((f) => f.code === 'sum.row')!.range.end), '6');
      assert.equal(text.slice(findings.find((f) => f.code === 'sum.review')!.range.start, findings.find((f) => f.code === 'sum.review')!.range.end), '3');
    });
  }

  test('a page whose header cells break their labels over lines (本年<br>制发件数): each label read whole, not called wrong', async () => {
    const page = portalPageHtml({ ...defective, splitCells: true });
    const text = pandoc(page, 'html', 'markdown');
    assert.match(text, /本年\\[^\n]*\n\s*制发件数/, 'pandoc wrote the label over two lines of its multiline table');
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.code === 'table.label').map((f) => f.message), []);
    assert.deepEqual(tableFindingCodes(findings), tableFindingCodes(await originalFindings(new TextEncoder().encode(page))));
  });

  test('a page whose cells hold two paragraphs: 表二 a pandoc grid table, read, and the page\'s table findings on their digits', async () => {
    // 本年<br>制发件数 written as two paragraphs of the cell (<p>本年</p><p>制发件数</p>), as Word-made pages have them.
    const page = paragraphCells(portalPageHtml({ ...defective, splitCells: true }));
    const text = pandoc(page, 'html', 'markdown');
    assert.match(text, /^\+-+\+/m, 'pandoc drew grid tables');
    const doc = parseDocument(text);
    // 表二 as a grid table; 表三 and 表四, whose cells span rows, pandoc keeps as HTML.
    assert.deepEqual([doc.report.tables.t2?.layout, doc.report.tables.t3?.layout, doc.report.tables.t4?.layout], ['box', 'html', 'html']);
    const findings = check(doc);
    assert.deepEqual(tableFindingCodes(findings), tableFindingCodes(await originalFindings(new TextEncoder().encode(page))));
    assert.equal(text.slice(findings.find((f) => f.code === 'sum.review')!.range.start, findings.find((f) => f.code === 'sum.review')!.range.end), '3');
  });

  test('the Word report to Markdown: the Word file\'s own table findings', async () => {
    const docx = wordReport(wordFigures());
    const text = pandoc(Buffer.from(docx).toString('base64'), 'docx', 'markdown');
    assert.deepEqual(tableFindingCodes(check(parseDocument(text))), tableFindingCodes(await originalFindings(docx)));
  });

  test('the Word report to plain text: 表三, which pandoc cannot draw ([TABLE]), is missing, and 表四\'s wrong total is found', () => {
    const text = pandoc(Buffer.from(wordReport(wordFigures())).toString('base64'), 'docx', 'plain');
    assert.match(text, /\[TABLE\]/);
    const codes = tableFindingCodes(check(parseDocument(text)));
    assert.deepEqual(codes, ['sum.review:error', 'table.missing:warning']);
  });
});

// 表四 with its 0s left empty, as a page's table with no span (its group names in cells of their own): pandoc writes it
// as a simple table (a row a line) whose empty cells are spaces under the dashes of their column.
describe('pandoc\'s tables in columns of spaces: an empty cell is a blank in its column', () => {
  const E = '';
  const row = (cells: readonly (string | number)[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const typed = [E, E, E, E, E, 1, E, E, E, 1, E, E, E, E, E];
  const page = [
    '<html><body><p>四、政府信息公开行政复议、行政诉讼情况</p><table border="1">',
    row(['行政复议', E, E, E, E, '行政诉讼', E, E, E, E, E, E, E, E, E]),
    row([E, E, E, E, E, '未经复议直接起诉', E, E, E, E, '复议后起诉', E, E, E, E]),
    row([...five, ...five, ...five]),
    row(typed),
    '</table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>',
  ].join('\n');

  for (const to of ['markdown', 'plain'] as const) {
    test(`表四 a simple table (-t ${to}): its two figures in their columns, the empty cells blanks`, () => {
      const text = pandoc(page, 'html', to);
      assert.match(text, /^ +-+( +-+){14} *$/m, 'pandoc drew the columns as runs of dashes');
      const t4 = parseDocument(text).report.tables.t4!;
      assert.deepEqual(t4.problems, []);
      assert.ok(t4.certain);
      assert.deepEqual(t4.cells.map((c) => c.value ?? null), typed.map((v) => (v === E ? null : v)));
    });
  }

  test('the same table as GitHub Markdown (a pipe table) is read as one, as before', () => {
    const t4 = parseDocument(pandoc(page, 'html', 'gfm')).report.tables.t4!;
    assert.equal(t4.layout, 'pipe');
    assert.deepEqual(t4.cells.map((c) => c.value ?? null), typed.map((v) => (v === E ? null : v)));
  });
});
