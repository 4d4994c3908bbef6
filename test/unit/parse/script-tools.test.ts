// What a reviewer's scripts make of a page or a PDF, run at test time with the real tools (test/corpus/render.ts):
// Python's html2text writes a page's tables as pipe rows without their outer pipes (`规章| 0| 0| 0`); pdfminer and
// MuPDF write a blank line after every line of a PDF whose line spacing is wide, as official documents' is; pdfminer
// writes a table's row names first and its figures after them. Each reads to what can be known, and no more.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { converted } from '../../corpus/libreoffice';
import { docx2txtText, mutoolText, pdfjsViewerText, pdfminerText, pyHtml2text, pythonDocxText, textBrowserDump } from '../../corpus/render';
import { validT3 } from '../../helpers/build-report';
import { sharedDir } from '../../helpers/fixtures';
import { assertAllInside } from '../../helpers/invariants';
import { originalFindings, tableFindingCodes } from '../../helpers/original-findings';
import { portalPageBytes, portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';
import { wordFigures, wordReport } from '../../helpers/word-report';

const defective = wrongTotalsPage();

/**
 * The defective page's text as a tool wrote it reads as the page does: no error but the wrong totals, the page's own
 * table findings, and each wrong total found on the figure `onDigits` names.
 */
async function readsAsThePage(text: string, findings: readonly Finding[], onDigits: Readonly<Record<string, string>>): Promise<void> {
  assert.deepEqual(findings.filter((f) => f.severity === 'error' && !/^sum\./.test(f.code)).map((f) => `${f.code}: ${f.message}`), [], 'no error but the two wrong totals');
  assert.deepEqual(tableFindingCodes(findings), tableFindingCodes(await originalFindings(portalPageBytes(defective))));
  for (const [code, digits] of Object.entries(onDigits)) {
    const f = findings.find((x) => x.code === code)!;
    assert.equal(text.slice(f.range.start, f.range.end), digits);
  }
}

describe("Python's html2text", () => {
  test('a portal page: pipe rows without outer pipes read as rows, the page\'s own table findings, each error on its digits', async () => {
    const text = pyHtml2text(portalPageHtml(defective));
    assert.match(text, /^规章\s*\|\s*0/m, 'html2text wrote a row without its outer pipes');
    await readsAsThePage(text, check(parseDocument(text)), { 'sum.row': '6', 'sum.review': '3' });
  });

  test('a row without outer pipes is read with its last cell (the pipe before it closes no row)', () => {
    const doc = parseDocument(pyHtml2text(portalPageHtml()));
    const total = doc.report.tables.t3?.rows.find((r) => r.id === 'total');
    assert.ok(total, '（七）总计 read');
    assert.deepEqual(total.cells.map((c) => (c.kind === 'number' ? c.value : c.kind)), validT3().total);
  });
});

describe('a PDF with a blank line after every line (MuPDF, pdfminer)', () => {
  const pdf = () => path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2024.pdf');
  for (const [tool, extract] of [['mutool', mutoolText], ['pdfminer', pdfminerText]] as const) {
    test(`${tool}: a sentence wrapped over a blank line is one paragraph, and its figure is compared with 表三`, () => {
      const text = extract(pdf());
      assert.match(text, /受理政府\s*\n\s*\n信息公开申请 17 件/, `${tool} put a blank line inside the sentence`);
      const doc = parseDocument(text);
      const paragraphs = doc.report.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
      assert.ok(paragraphs.some((p) => /受理政府信息公开申请\s*17\s*件/.test(p)), 'the wrapped sentence is read whole');
      if (tool === 'mutool') assert.ok(check(doc).some((f) => f.code === 'prose.table' && /17/.test(f.message)), 'the prose figure 17 against 表三 一 总计 95');
    });
  }

  test('a typed report whose paragraphs are parted by blank lines keeps them apart, even where some lack their full stop', () => {
    const lines = [
      '本机关全年主动公开政府信息 120 条',
      '全年收到政府信息公开申请 5 件。',
      '（一）主动公开情况',
      '本年新制发规范性文件 2 件',
      '本年废止规范性文件 1 件。',
      '（二）依申请公开情况',
      '本年度办结申请 5 件。',
      '全部在法定期限内答复。',
    ];
    const text = ['一、总体情况', ...lines].join('\n\n');
    const paragraphs = parseDocument(text).report.sections[0]!.paragraphs.map((p) => p.text);
    assert.deepEqual(paragraphs, lines);
  });

  test('double-spaced prose: a blank line after a line that ends no sentence joins it to the next', () => {
    const first = '2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。全年在政府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7 期，解读信息发布 7 条。';
    const second = '加强区政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，新增信息审核发布报备制度，从严从实把好政治关、法律关、政策关、保密关、文字关。';
    // As the page drew them: wrapped at its width, each line followed by a blank line.
    const wrapped = (p: string) => p.match(/.{1,16}/g)!;
    const text = ['一、总体情况', ...wrapped(first), ...wrapped(second), '本年度未发生行政复议。'].join('\n\n');
    // A line's spaces at its ends are not its text (the wrap fell on them).
    const bare = (p: string) => p.replace(/\s/g, '');
    const paragraphs = parseDocument(text).report.sections[0]!.paragraphs.map((p) => bare(p.text));
    assert.deepEqual(paragraphs, [first, second, '本年度未发生行政复议。'].map(bare));
  });
});

describe("text copied from Firefox's PDF viewer (pdf.js's text layer)", () => {
  test('a row\'s figures broken over two lines (0 0 0 0 0 0 / 0) are the row\'s: the Word report\'s own findings, no cell "lost"', async () => {
    const pdf = converted(wordReport(wordFigures()), 'pdf');
    const text = await pdfjsViewerText(pdf);
    assert.match(text, /\n0 0 0 0 0 0\n0\n/, 'pdf.js ended a line inside a row of figures');
    const found = check(parseDocument(text));
    assert.deepEqual(found.map((f) => `${f.code} ${f.severity}`), ['sum.row error', 'sum.review error'], found.map((f) => f.message).join('\n'));
  });
});

describe("pdfminer's tables: row names first, figures after them", () => {
  test('表三 says once that its figures stand apart from its row names, and no label or row is judged', () => {
    const doc = parseDocument(pdfminerText(path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2023.pdf')));
    assert.deepEqual(doc.report.tables.t3?.problems.map((p) => p.detail.what), ['figures-apart']);
    const findings = check(doc);
    assert.deepEqual(findings.filter((f) => f.code === 'table.label' || f.code === 'table.legacy' || (f.severity === 'error' && !f.code.startsWith('sum.review'))).map((f) => f.message), []);
    assert.ok(findings.some((f) => f.code === 'table.shape' && f.message.startsWith('表三的数字与行名分开排列')));
  });
});

describe('text browsers', () => {
  test('w3m draws the tables in box lines: each read, the page\'s own table findings, each error on its digits', async () => {
    const text = textBrowserDump(portalPageHtml(defective), 'w3m');
    assert.match(text, /├─+┼/, 'w3m drew the tables in box lines');
    const doc = parseDocument(text);
    assert.deepEqual([doc.report.tables.t2?.layout, doc.report.tables.t3?.layout, doc.report.tables.t4?.layout], ['box', 'box', 'box']);
    await readsAsThePage(text, check(doc), { 'sum.row': '6', 'sum.review': '3' });
  });

  test('links draws them in ASCII, a rule beside a cell that spans rows (|行政复议 |-----|): no rule read as a figure', async () => {
    const text = textBrowserDump(portalPageHtml(defective), 'links');
    assert.match(text, /\|[^|\n]*行政复议[^|\n]*\|-{3,}/, 'links drew a rule beside 行政复议');
    await readsAsThePage(text, check(parseDocument(text)), { 'sum.review': '3' });
  });

  test('a part missing from a box-drawn report is added with its table drawn the same way, and reads back', () => {
    const page = textBrowserDump(portalPageHtml(), 'w3m');
    const from = page.indexOf('四、政府信息公开行政复议');
    const to = page.indexOf('五、存在的主要问题');
    assert.ok(from > 0 && to > from);
    const text = page.slice(0, from) + page.slice(to);
    const missing = check(parseDocument(text)).find((f) => f.code === 'section.missing');
    assert.ok(missing?.fix, 'section.missing offers to add the part');
    const edits = [...missing.fix.edits].sort((a, b) => b.range.start - a.range.start);
    const fixed = edits.reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
    const doc = parseDocument(fixed);
    assert.equal(doc.report.tables.t4?.layout, 'box');
    assert.deepEqual(doc.report.tables.t4?.problems, []);
    assert.deepEqual(check(doc).filter((f) => f.severity === 'error').map((f) => f.message), []);
  });

  test('two lines of figures in one box row (a row drawn twice, no rule between) stay two rows, in the text\'s order', () => {
    // Found by the long fuzz (seed 20261265): joined by column, the cells came out of order and outside their table.
    const page = textBrowserDump(portalPageHtml(), 'w3m');
    const figures = page.split('\n').filter((l) => /^│\s*\d/.test(l)).pop()!;
    const text = page.replace(figures, `${figures}\n${figures}`);
    assertAllInside(text);
    const t4 = parseDocument(text).report.tables.t4!;
    const starts = t4.cells.map((c) => c.range.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  test('a label wrapped over the lines of its row is read whole', () => {
    const doc = parseDocument(textBrowserDump(portalPageHtml(), 'w3m'));
    const partial = doc.report.tables.t3?.rows.find((r) => r.id === 'partial');
    assert.equal(partial?.label.text.replace(/\s/g, ''), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });
});

describe('Word files as scripts read them', () => {
  const docx = () => wordReport(wordFigures());
  for (const [tool, read] of [['python-docx', pythonDocxText], ['docx2txt', docx2txtText]] as const) {
    test(`${tool}: the Word file's own table findings, each error on its digits, no shape warning`, async () => {
      const bytes = docx();
      const text = read(bytes);
      const findings = check(parseDocument(text));
      assert.deepEqual(tableFindingCodes(findings), tableFindingCodes(await originalFindings(bytes)));
      for (const f of findings.filter((x) => x.severity === 'error')) assert.match(text.slice(f.range.start, f.range.end), /^\d+$/);
    });
  }

  test('python-docx writes a figure merged across 表二\'s columns once a column (行政许可 100 100 100): one figure', () => {
    const text = pythonDocxText(docx());
    assert.match(text, /行政许可\t100\t100\t100/, 'python-docx repeated the merged cell');
    const licensing = parseDocument(text).report.tables.t2?.blocks.flatMap((b) => b.rows).find((r) => r.id === 'licensing');
    assert.deepEqual(licensing?.cells.map((c) => (c.kind === 'number' ? c.value : c.kind)), [100]);
  });
});
