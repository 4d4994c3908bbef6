// Reports whose layout was lost on the way (issue 12, part 3): a web page
// flattened to one line as a crawler saves it, Markdown from a converter, one
// cell a line with no blank line between rows, PDF text that lists 表四 out of
// order, and files that are not text at all. Each case is a whole report made
// the way the tool makes it from a report written in a known layout, with the
// same figures: what is right stays silent, what is wrong is found at its
// cell, and what cannot be read is said once.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { chooseReading, readingsOf } from '../../../server/src/core/tables/glued';
import type { StreamCell } from '../../../server/src/core/tables/cells';
import { check, parseDocument, updateDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, validT3, type ReportData } from '../../helpers/build-report';
import { assertAllInside } from '../../helpers/invariants';
import { sharedDir } from '../../helpers/fixtures';
import { OWN_DIR } from '../../corpus/harness';
import { flattenOneLine } from '../../corpus/render';

/** What a crawler keeps of a published page: header lines, then the body on one line, cells run together. */
function crawled(report: string, cellGlue = ''): string {
  const body = report
    .split('\n')
    .map((l) => l.replace(/^\t+|\t+$/g, '').replace(/\t+/g, cellGlue))
    .filter((l) => l.trim() !== '')
    .join(' ');
  return ['标题: 某某市某某局2022年政府信息公开工作年度报告', '发布时间: 2023-01-10 10:26', '栏目: 政府信息公开年报', '==================== 正文 ====================', `当前位置： 首页政务公开 ${body} 附件下载`].join('\n');
}

const codes = (fs: readonly Finding[], severity?: Finding['severity']) => fs.filter((f) => !severity || f.severity === severity).map((f) => f.code);
const checkText = (text: string) => check(parseDocument(text));

describe('a page flattened to one line', () => {
  for (const glue of ['', ' ']) {
    it(`a correct report (cells joined by ${glue ? 'spaces' : 'nothing'}): six parts, every table read, no error or warning`, () => {
      const text = crawled(buildReport(), glue);
      const doc = parseDocument(text);
      assert.equal(doc.report.sections.length, 6);
      assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
      // The 21 outcome rows, 一, 二, （七）总计 and 四: every cell read with certainty.
      assert.equal(doc.report.tables.t3?.rows.filter((r) => r.cells.every((c) => c.certain)).length, 25);
      assert.ok(doc.report.tables.t4?.certain);
      const findings = check(doc);
      assert.deepEqual(codes(findings, 'error'), []);
      assert.deepEqual(codes(findings, 'warning'), []);
      assertAllInside(text);
    });
  }

  it('every range points into the page: a heading reads as its title, a cell as its digit', () => {
    const text = crawled(buildReport());
    const doc = parseDocument(text);
    for (const s of doc.report.sections) assert.equal(text.slice(s.heading.titleRange.start, s.heading.titleRange.end), s.heading.title);
    for (const row of doc.report.tables.t3!.rows) for (const c of row.cells) assert.equal(text.slice(c.range.start, c.range.end), c.text);
    for (const p of doc.report.sections.flatMap((s) => s.paragraphs)) assert.ok(text.slice(p.range.start, p.range.end).includes(p.text.slice(0, 4)));
  });

  it('a wrong 表三 column total is an error at that cell of the page', () => {
    const t3 = validT3();
    t3.total = [5, 1, 0, 0, 0, 0, 6]; // the rows of 三 give 4 自然人; the row still adds up, so its digits are read
    const text = crawled(buildReport({ t3 }));
    const errors = checkText(text).filter((f) => f.severity === 'error');
    assert.ok(errors.length > 0);
    const columnError = errors.find((f) => f.code === 'sum.column');
    assert.ok(columnError, JSON.stringify(errors));
    assert.equal(text.slice(columnError.range.start, columnError.range.end), '5');
    assert.ok(text.slice(columnError.range.start - 10, columnError.range.start).includes('总计'));
  });

  it('a row whose only reading breaks its sum is said once, as a warning that shows the reading, never an error', () => {
    const t3 = validT3();
    t3.public = [2, 0, 0, 0, 0, 0, 3];
    const findings = checkText(crawled(buildReport({ t3 })));
    assert.deepEqual(codes(findings, 'error'), []);
    const shape = findings.filter((f) => f.code === 'table.shape');
    assert.equal(shape.length, 1);
    assert.match(shape[0]!.message, /2 \| 0 \| 0 \| 0 \| 0 \| 0 \| 3/);
  });

  it('cells a page kept apart (as many numbers as columns) are read as written: a wrong row total is an error at it', () => {
    const t3 = validT3();
    t3.public = [12, 0, 0, 0, 0, 0, 13];
    t3.total = [14, 1, 0, 0, 0, 0, 15];
    t3.new = [14, 1, 0, 0, 0, 0, 15];
    const text = crawled(buildReport({ t3 }), ' ');
    const errors = checkText(text).filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), ['sum.row'], JSON.stringify(errors));
    assert.equal(text.slice(errors[0]!.range.start, errors[0]!.range.end), '13');
  });

  it('digits that split several ways (表二 “12125”) are one warning for the table, and no arithmetic', () => {
    const findings = checkText(crawled(buildReport({ t2: { normative: [12, 1, 25], rules: [10, 2, 8] } })));
    assert.deepEqual(codes(findings, 'error'), []);
    const shape = findings.filter((f) => f.code === 'table.shape');
    assert.equal(shape.length, 1, JSON.stringify(shape));
    assert.match(shape[0]!.message, /表二共 2 处/);
    assert.equal(shape[0]!.related?.length, 1);
    assert.ok(!findings.some((f) => f.code === 'sum.in-force'));
  });

  it('typing in a flattened page answers as a fresh parse of the new text', () => {
    let text = crawled(buildReport());
    let doc = parseDocument(text);
    const at = text.indexOf('（七）总计') + 5;
    for (const [offset, insert] of [[at, '1'], [at + 1, ''], [10, 'x'], [text.length, '。']] as const) {
      const change = { range: { start: offset, end: offset + (insert === '' ? 1 : 0) }, text: insert };
      text = text.slice(0, change.range.start) + insert + text.slice(change.range.end);
      doc = updateDocument(doc, [change], text);
      assert.deepEqual(check(doc), check(parseDocument(text)));
    }
  });

  it('a page flattened and then wrapped (its body in long lines, one part or none in some): six parts, no error or warning', () => {
    // As a PDF reader gives the page printed from its text: a new paragraph at a numbered line after a sentence,
    // so the parts are spread over a few long lines and some hold one heading or none (the first ones used to be
    // left unread: parts 一 to 三 "missing").
    const page = crawled(buildReport());
    const body = page.split('\n').at(-1)!;
    const wrapped = page.replace(body, body.replace('二、主动公开', '\n二、主动公开').replace('四、政府信息公开行政复议', '\n四、政府信息公开行政复议'));
    assert.equal(wrapped.split('\n').length, page.split('\n').length + 2, 'the body was wrapped twice');
    const doc = parseDocument(wrapped);
    assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(codes(check(doc)).filter((c) => c !== 'text.artifact'), []);
  });

  it('a report in lines whose long paragraph names the parts (一、…；二、…) is not read as a flattened page', () => {
    const list = '本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。';
    const text = buildReport({ preface: list.repeat(3) });
    const doc = parseDocument(text);
    assert.equal(doc.rendered, undefined);
    assert.deepEqual(codes(check(doc), 'error'), []);
    assert.equal(doc.report.sections.length, 6);
  });
  // A part out of order (六 placed above 四, or numbered 六 by a quick fix where it stood) hid every part after it:
  // the page read as missing them, an error for each part that was there.
  for (const before of ['四', '五']) {
    it(`part 六 placed above part ${before}: six parts read, the order told, no part said to be missing`, () => {
      const lines = buildReport().split('\n');
      const at = (numeral: string) => lines.findIndex((l) => l.startsWith(`${numeral}、`) && !l.includes('\t') && l.length < 30);
      const six = lines.slice(at('六'));
      const rest = lines.slice(0, at('六'));
      const moved = [...rest.slice(0, at(before)), ...six, ...rest.slice(at(before))].join('\n');
      const text = crawled(moved);
      const doc = parseDocument(text);
      assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), before === '四' ? [1, 2, 3, 6, 4, 5] : [1, 2, 3, 4, 6, 5]);
      const findings = checkText(text);
      assert.deepEqual(codes(findings, 'error'), []);
      assert.ok(codes(findings).includes('section.order'));
      assert.ok(!codes(findings).includes('section.missing'));
      assertAllInside(text);
    });
  }
});

describe('values that ran together (glued.ts)', () => {
  const token = (text: string, start = 0): StreamCell => ({ kind: 'number', text, range: { start, end: start + text.length }, value: undefined, decimals: 0, rowStart: false, glued: true });
  const values = (r: StreamCell[] | undefined) => r?.map((c) => c.value);
  const rowSum = (v: readonly (number | undefined)[]) => v[6] === v.slice(0, 6).reduce((a, b) => a! + b!, 0);

  it('as many digits as columns: one reading, one digit each', () => {
    assert.deepEqual(values(chooseReading(readingsOf([token('2000013')], 7), rowSum).reading), [2, 0, 0, 0, 0, 1, 3]);
  });
  it('a space always parts two numbers, and no number starts with 0', () => {
    const readings = readingsOf([token('30'), token('0', 3), token('0', 5), token('0', 7), token('03', 9)], 7);
    assert.notEqual(readings, 'too-many');
    assert.deepEqual((readings as StreamCell[][]).map(values), [[3, 0, 0, 0, 0, 0, 3]]);
  });
  it('the row sum picks the one reading among several', () => {
    // 217|1|0|0|0|0|218 is the only split of these digits whose last number is the sum of the others.
    assert.deepEqual(values(chooseReading(readingsOf([token('21710000218')], 7), rowSum).reading), [217, 1, 0, 0, 0, 0, 218]);
  });
  it('several readings and no sum to choose: none', () => {
    const choice = chooseReading(readingsOf([token('5125')], 3), () => true);
    assert.equal(choice.reading, undefined);
    assert.equal(choice.only, undefined);
  });
  it('a decimal stays whole, and a unit stays with the last number', () => {
    const readings = readingsOf([token('82059.2090万元')], 2) as StreamCell[][];
    assert.ok(readings.every((r) => r[1]!.text.endsWith('万元') && r[1]!.text.includes('.2090')));
  });
  it('too many digits to try: no reading, quickly', () => {
    assert.equal(readingsOf([token('1'.repeat(60))], 7), 'too-many');
  });
});

describe('Markdown from a converter', () => {
  const markdown = (data: ReportData = {}) =>
    buildReport({ layout: 'pipe', ...data })
      .split('\n')
      .map((l) => (/^[一二三四五六]、/.test(l) && !l.includes('|') ? `## ${l}` : /^（[一二三四五六七八九十]）/.test(l) ? `### ${l}` : l))
      .join('\n');

  it('## headings are the six parts: no section.missing', () => {
    const findings = checkText(markdown());
    assert.deepEqual(codes(findings, 'error'), []);
    assert.ok(!findings.some((f) => f.code.startsWith('section.')), JSON.stringify(findings));
    assert.equal(parseDocument(markdown()).report.sections.length, 6);
  });
  it('a wrong total in a pipe table is found at its cell', () => {
    const t3 = validT3();
    t3.new = [4, 1, 0, 0, 0, 0, 6];
    const text = markdown({ t3 });
    const error = checkText(text).find((f) => f.code === 'sum.row');
    assert.ok(error);
    assert.equal(text.slice(error.range.start, error.range.end), '6');
  });
});

describe('one cell a line, no blank line between rows (HTML to text)', () => {
  const cellLines = (data: ReportData = {}) =>
    buildReport({ layout: 'cell-per-line', ...data })
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/^\t/, ''))
      .join('\n');

  it('rows are found by their labels: no table.shape, no error', () => {
    const findings = checkText(cellLines());
    assert.deepEqual(codes(findings, 'error'), []);
    assert.deepEqual(codes(findings).filter((c) => c.startsWith('table.')), []);
  });
  it('a wrong row total is found at its cell', () => {
    const t3 = validT3();
    t3.carried = [1, 0, 0, 0, 0, 0, 2];
    const text = cellLines({ t3 });
    const error = checkText(text).find((f) => f.code === 'sum.row');
    assert.ok(error);
    assert.equal(text.slice(error.range.start, error.range.end).trim(), '2');
  });
});

describe('表四 in PDF text without -layout', () => {
  const withT4 = (t4Lines: string) => buildReport({ layout: 'pdf-rows' }).replace(/(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(\n五、)/, `$1${t4Lines}\n$2`);

  it('numbers interleaved with header words are not summed: one table.shape, no sum.review', () => {
    // The order poppler's pdftotext gives a real table: the third group's words among the numbers.
    const t4 = ['行政复议', '行政诉讼', '未经复议直接起诉', '结果', '维持', '总计', '72', '64', '178', '37', '12', '1', '1', '6', '总计', '351', '维持', '纠正', '结果', '审结', '13', '4', '8', '1', '26', '总计', '20'].join('\n\n');
    const findings = checkText(withT4(t4));
    assert.deepEqual(codes(findings, 'error'), []);
    const shape = findings.filter((f) => f.code === 'table.shape');
    assert.equal(shape.length, 1);
    assert.match(shape[0]!.message, /表四的 15 个数与表头文字交错排列/);
  });
  it('the 15 numbers in order, 总计 written before the last: its wrong totals are errors', () => {
    const t4 = ['行政复议', '行政诉讼', '结果 维持 结果 纠正 其他 结果 尚未 审结 总 计', '10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '总计', '0'].join('\n\n');
    const findings = checkText(withT4(t4));
    assert.deepEqual(codes(findings, 'error'), ['sum.review', 'sum.review']);
  });
  it('the 15 numbers on one line are read as three groups of five', () => {
    const findings = checkText(withT4('行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 1 0 2 0 1 0 0 1 0 0 0 0 0'));
    assert.deepEqual(codes(findings, 'error'), []);
    assert.ok(!findings.some((f) => f.code === 'table.shape'));
  });
});

describe('a file that is not text', () => {
  const cases: [string, string][] = [
    ['PDF', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n一、总体情况'],
    ['Word .docx (zip)', 'PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml'],
    ['Word .doc (OLE)', '\ufffd\ufffd\u0011\ufffd\u00a1\u00b1\u001a\ufffd\u0000\u0000'],
    ['binary', 'ab\u0000c\u0000\u0000d\u0000\u0000\u0000e\u0000\u0000x'],
  ];
  for (const [name, text] of cases) {
    it(`${name}: one finding that names it, no section.missing`, () => {
      const findings = checkText(text);
      assert.deepEqual(codes(findings), ['file.not-text']);
      assert.deepEqual(findings[0]!.range, { start: 0, end: 0 });
      assertAllInside(text);
    });
  }
  it('a stray NUL typed into a report is not a binary file; editing a PDF keeps it one', () => {
    const report = buildReport();
    const doc = parseDocument(report);
    const typed = updateDocument(doc, [{ range: { start: 0, end: 0 }, text: '\u0000' }], `\u0000${report}`);
    assert.ok(!check(typed).some((f) => f.code === 'file.not-text'));
    const pdf = cases[0]![1];
    const edited = updateDocument(parseDocument(pdf), [{ range: { start: pdf.length, end: pdf.length }, text: 'x' }], `${pdf}x`);
    assert.deepEqual(codes(check(edited)), ['file.not-text']);
    const unpdf = updateDocument(parseDocument(report), [{ range: { start: 0, end: 0 }, text: '%PDF-1.4\n' }], `%PDF-1.4\n${report}`);
    assert.deepEqual(codes(check(unpdf)), ['file.not-text']);
  });
});

describe('表三 labels left outside the table', () => {
  it('are neither headings nor sub-items, in every layout', () => {
    for (const layout of ALL_LAYOUTS) {
      // PDF text that listed the table's labels after its numbers: the labels stand alone below the table.
      const text = buildReport({ layout }).replace('\n四、政府信息公开行政复议', '\n三、本年度办理结果\n一、本年新收政府信息公开申请数量\n（七）总计\n四、结转下年度继续办理\n\n四、政府信息公开行政复议');
      const doc = parseDocument(text);
      assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6], layout);
      assert.deepEqual(doc.report.sections[2]!.subItems, [], layout);
    }
  });
});

// A part titled like no template title (一、基本情况, 五、问题与打算) on a page as a crawler saves it: its title runs
// into the text after it, so where it ends cannot be matched against the template. Each was "missing" (an error),
// its text read as the part before's. Now the one numbering of that part at a block's start between its neighbours'
// headings is the part's heading, as on a report laid out in lines (heading-wordings.test.ts). The pages are the
// acceptance corpus's portal pages with a heading reworded, flattened by the crawler's own steps (render.ts), with
// the white space between the tags kept (a space between blocks) or not (`情况</h2><p>2022年` → `情况2022年`).
describe('a flattened page whose part is titled like no template title', () => {
  const TEMPLATE_HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const wordings: [number, string][] = [
    [0, '一、基本情况'],
    [0, '一、工作概况'],
    [0, '一、政府信息公开工作总体情况'],
    [4, '五、问题与打算'],
    [4, '五、存在的主要问题及下一步工作打算'],
    [4, '五、存在的问题和改进措施'],
    [5, '六、其他'],
    [5, '六、其他情况'],
  ];
  const pages = readdirSync(OWN_DIR).filter((f) => f.endsWith('.html'));
  const flatten = (html: string, glued: boolean) => flattenOneLine(glued ? html.replace(/>\s+</g, '><') : html, 'https://www.example.gov.cn/art/2023/1/10/art_1.html');
  const sectionErrors = (fs: readonly Finding[]) => fs.filter((f) => f.code.startsWith('section.') && f.severity !== 'hint').map((f) => `${f.code} ${f.message}`);

  for (const glued of [false, true]) {
    it(`every part found, its title as written, the page's other findings kept (${glued ? 'blocks run together' : 'a space between blocks'})`, () => {
      for (const file of pages) {
        const html = readFileSync(path.join(OWN_DIR, file), 'utf8');
        const plain = codes(checkText(flatten(html, glued)));
        for (const [k, heading] of wordings) {
          const text = flatten(html.replace(`>${TEMPLATE_HEADINGS[k]}<`, `>${heading}<`), glued);
          assert.ok(text.includes(heading), `${file}: ${heading} not on the page`);
          const doc = parseDocument(text);
          const findings = check(doc);
          assert.deepEqual(sectionErrors(findings), [], `${file}, ${heading}`);
          assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6], `${file}, ${heading}`);
          // Run together with the part's usual sentence too (六、其他本年度无其他需要报告的事项): no title holds a negation.
          assert.equal(doc.report.sections[k]!.heading.title, heading.slice(2), `${file}, ${heading}`);
          assert.deepEqual(codes(findings).filter((c) => c !== 'section.title'), plain.filter((c) => c !== 'section.title'), `${file}, ${heading}`);
          assertAllInside(text);
        }
      }
    });
  }

  it('not a list numbered 一、二、 in the missing part\'s place, nor a numbering of another part', () => {
    const html = readFileSync(path.join(OWN_DIR, 'clean-prose-2022.html'), 'utf8');
    for (const glued of [false, true]) {
      const listed = flatten(html.replace('<h2>一、总体情况</h2>', '<h2>一、基本情况</h2>\n<p>二、完善制度机制</p>'), glued);
      assert.match(sectionErrors(checkText(listed)).join('\n'), /section\.missing 缺少第一部分/);
      const other = flatten(html.replace('>一、总体情况<', '>三、基本情况<'), glued);
      assert.match(sectionErrors(checkText(other)).join('\n'), /section\.missing 缺少第一部分/);
    }
  });

  it('a title the page ends with a space ends there: its hint offers no fix over the part\'s first words', () => {
    // Before: 六、其他 本年度无其他需要报告的事项 read as one title, and its fix rewrote the whole of it.
    const html = readFileSync(path.join(OWN_DIR, 'prose-t2-2020.html'), 'utf8').replace('>六、其他需要报告的事项<', '>六、其他<');
    const text = flatten(html, false);
    const doc = parseDocument(text);
    assert.equal(doc.report.sections[5]!.heading.title, '其他');
    for (const f of check(doc).filter((x) => x.code === 'section.title')) {
      for (const e of f.fix?.edits ?? []) assert.doesNotMatch(text.slice(e.range.start, e.range.end), /本年度/);
    }
  });

  it('typing in a placed heading, or in the text after it, answers as a fresh parse', () => {
    const html = readFileSync(path.join(OWN_DIR, 'clean-prose-2022.html'), 'utf8').replace('>一、总体情况<', '>一、基本情况<');
    let text = flatten(html, true);
    let doc = parseDocument(text);
    const at = text.indexOf('一、基本情况');
    for (const [offset, remove, insert] of [[at + 6, 0, '和概况'], [at + 2, 2, ''], [at, 0, '二、'], [at, 2, ''], [at + 4, 0, ' ']] as const) {
      const change = { range: { start: offset, end: offset + remove }, text: insert };
      text = text.slice(0, offset) + insert + text.slice(offset + remove);
      doc = updateDocument(doc, [change], text);
      assert.deepEqual(check(doc), check(parseDocument(text)), `${JSON.stringify(insert)} at ${offset}`);
    }
  });
});

// Parts numbered as some writers number them (第一部分 总体情况, （一）总体情况, 1.总体情况) on a page as a crawler saves
// it. The first two were no flattened page at all: "the six parts missing", an error, and nothing checked. Arabic
// numerals run into 表四's last figure (`0 05.存在的主要问题…`) lost part 五.
describe('a flattened page whose parts are numbered otherwise', () => {
  const TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
  const NUMERALS = '一二三四五六';
  const styles: [string, (k: number) => string][] = [
    ['第一部分 ', (k) => `第${NUMERALS[k]}部分 `],
    ['第一部分：', (k) => `第${NUMERALS[k]}部分：`],
    ['（一）', (k) => `（${NUMERALS[k]}）`],
    ['1.', (k) => `${k + 1}.`],
    ['1、', (k) => `${k + 1}、`],
    // The mark an input method slips in for 、 (parse/headings.ts slipNumbering).
    ['一，', (k) => `${NUMERALS[k]}，`],
    ['一）', (k) => `${NUMERALS[k]}）`],
    ['一：', (k) => `${NUMERALS[k]}：`],
  ];
  const pages = readdirSync(OWN_DIR).filter((f) => f.endsWith('.html'));
  const renumber = (html: string, numbering: (k: number) => string) => TITLES.reduce((h, t, k) => h.replace(`>${NUMERALS[k]}、${t}<`, `>${numbering(k)}${t}<`), html);
  const flatten = (html: string, glued: boolean) => flattenOneLine(glued ? html.replace(/>\s+</g, '><') : html, 'https://www.example.gov.cn/art/2023/1/10/art_1.html');

  for (const [name, numbering] of styles) {
    it(`${name}: six parts, a section.numbering hint on each, the page's other findings kept`, () => {
      for (const file of pages) {
        const html = readFileSync(path.join(OWN_DIR, file), 'utf8');
        for (const glued of [false, true]) {
          const plain = codes(checkText(flatten(html, glued)));
          const text = flatten(renumber(html, numbering), glued);
          const doc = parseDocument(text);
          assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6], `${file}${glued ? ', blocks run together' : ''}`);
          assert.deepEqual(doc.report.sections.map((s) => s.heading.title), TITLES, file);
          const findings = check(doc);
          // One more a part (the page's sub-items may have theirs).
          assert.equal(codes(findings).filter((c) => c === 'section.numbering').length, plain.filter((c) => c === 'section.numbering').length + 6, file);
          assert.deepEqual(codes(findings).filter((c) => c !== 'section.numbering'), plain.filter((c) => c !== 'section.numbering'), file);
        }
      }
    });
  }

  it('sub-items numbered in brackets that name parts stay part 一\'s items where the parts are numbered 一、', () => {
    const items = '<p>（一）主动公开政府信息情况</p><p>本年度主动公开政府信息120条。</p><p>（二）收到和处理政府信息公开申请情况</p><p>本年度收到申请5件。</p><p>（三）政府信息公开行政复议、行政诉讼情况</p><p>未发生行政复议。</p>';
    const html = readFileSync(path.join(OWN_DIR, 'clean-prose-2022.html'), 'utf8').replace('<h2>一、总体情况</h2>', `<h2>一、总体情况</h2>${items}`);
    const doc = parseDocument(flatten(html, true));
    assert.deepEqual(doc.report.sections.map((s) => s.heading.title), TITLES);
  });

  it('typing in a page numbered in brackets, or 第一部分, answers as a fresh parse', () => {
    for (const numbering of [styles[0]![1], styles[2]![1]]) {
      const html = renumber(readFileSync(path.join(OWN_DIR, 'clean-prose-2022.html'), 'utf8'), numbering);
      let text = flatten(html, true);
      let doc = parseDocument(text);
      const at = text.indexOf(`${numbering(1)}${TITLES[1]}`);
      for (const [offset, remove, insert] of [[at, 1, ''], [at, 0, '（'], [at + 3, 0, '政府'], [at + 3, 2, ''], [at, 3, '二、'], [at, 2, numbering(1)]] as const) {
        const change = { range: { start: offset, end: offset + remove }, text: insert };
        text = text.slice(0, offset) + insert + text.slice(offset + remove);
        doc = updateDocument(doc, [change], text);
        assert.deepEqual(check(doc), check(parseDocument(text)), `${JSON.stringify(insert)} at ${offset}`);
      }
    }
  });

  it('a report in lines whose parts are numbered in brackets, and whose preface lists them so, is no flattened page', () => {
    const list = `本报告包括${TITLES.map((t, k) => `（${NUMERALS[k]}）${t}`).join('、')}六个部分，报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。本报告的电子版可在本机关门户网站下载。如对本报告有任何疑问，请与本机关政务公开办公室联系（地址：某某市某某区某某路1号，邮编：123456，电话：0123-12345678，电子邮箱：gk@example.gov.cn）。本机关地址、邮编、电话、电子邮箱如上。`.repeat(2);
    const text = buildReport({ preface: list, headings: TITLES.map((t, k) => `（${NUMERALS[k]}）${t}`) });
    assert.ok(list.length >= 300, 'the preface is a line as long as a page');
    const doc = parseDocument(text);
    assert.equal(doc.rendered, undefined);
    assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
    assert.ok(doc.report.sections[0]!.heading.range.start > text.indexOf(list) + list.length, 'part 一 is the heading, not the preface\'s list');
  });
});

// A crawler that saved a page's text without decoding its space entities (`&nbsp;`, `&ensp;`, `&#12288;`): read as
// letters, they ran the tables' cells together, and a page's real 表三 errors became one warning (found by a helper
// mangling the crawled pages as other tools do). They are spaces, as the page shows them.
describe('a crawled page with its space entities left undecoded', () => {
  const dir = sharedDir('crawled');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const errors = (text: string) => check(parseDocument(text)).filter((f) => f.severity === 'error');
  for (const entity of ['&nbsp;', '&ensp;', '&#12288;']) {
    it(`${entity} for every space: the same errors as the page, on the same figures`, () => {
      let compared = 0;
      for (const page of pages) {
        const text = readFileSync(path.join(dir, page), 'utf8');
        const body = text.split('\n');
        // The body's line (the crawler's header lines are short): its spaces as the entity.
        const k = body.reduce((best, l, i) => (l.length > body[best]!.length ? i : best), 0);
        body[k] = body[k]!.replace(/ /g, entity);
        const withEntities = body.join('\n');
        const plain = errors(text);
        const now = errors(withEntities);
        assert.deepEqual(now.map((f) => f.code), plain.map((f) => f.code), page);
        assert.deepEqual(now.map((f) => withEntities.slice(f.range.start, f.range.end)), plain.map((f) => text.slice(f.range.start, f.range.end)), page);
        compared += plain.length;
      }
      assert.ok(compared >= 10, `the pages' real errors compared: ${compared}`);
    });
  }
});

describe('a flattened page: sentences after a table, items after a sub-heading (a helper\'s portal pages)', () => {
  const AFTER_T4 = '2022年，本机关因政府信息公开工作被申请行政复议2件。';
  it('a sentence opening with its year after 表四\'s figures: 表四 is read, its wrong total an error', () => {
    assert.deepEqual(codes(checkText(crawled(buildReport({ prose: { 3: AFTER_T4 } })))).filter((c) => c !== 'section.empty'), []);
    // Cells parted by spaces: a wrong total is told from a lost cell. Run together: the digits are read, and a sum
    // they break is a warning (a cell may have been lost), never "no figures".
    const t4 = [1, 0, 1, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];
    const parted = checkText(crawled(buildReport({ prose: { 3: AFTER_T4 }, t4 }), ' '));
    assert.ok(parted.some((f) => f.severity === 'error' && f.code.startsWith('sum.') && f.message.includes('3')), said(parted));
    const glued = checkText(crawled(buildReport({ prose: { 3: AFTER_T4 }, t4 })));
    assert.ok(glued.some((f) => f.code === 'table.shape' && f.message.includes('101030100100000')), said(glued));
    assert.ok(!glued.some((f) => f.message.includes('没有任何数字')), said(glued));
  });
  it('a part numbered as another, its title the template\'s: the part, its numeral told (section.numbering), not "missing"', () => {
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const page = crawled(buildReport({ headings }));
    // Its prose right after the heading, before the table (a helper's large governments' pages).
    const withProse = page.replace('五、政府信息公开行政复议、行政诉讼情况 ', '五、政府信息公开行政复议、行政诉讼情况 全年因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。 ');
    assert.notEqual(withProse, page);
    for (const text of [page, withProse]) {
      const found = checkText(text);
      assert.deepEqual(codes(found, 'error'), [], said(found));
      assert.ok(found.some((f) => f.code === 'section.numbering' && f.message.includes('实为“五、”')), said(found));
    }
  });
  it('a sub-heading\'s title, then its first numbered item: the item starts a paragraph, as its second does', () => {
    const part1 = '（一）主动公开 1.公开总体情况。全年主动公开政府信息120条。 2.政策解读。发布解读15篇。 （二）依申请公开 1.办理情况。按时办结率100%。 2.规范答复。修订答复文书模板12类。';
    const text = crawled(buildReport()).replace(/一、总体情况 \S*/, (m) => `一、总体情况 ${part1} ${m.slice('一、总体情况 '.length)}`);
    assert.ok(text.includes(part1));
    assert.deepEqual(checkText(text).filter((f) => f.code === 'section.numbering').map((f) => f.message), []);
  });
});

function said(fs: readonly Finding[]): string {
  return fs.map((f) => `${f.severity} ${f.code} ${f.message}`).join('\n');
}
