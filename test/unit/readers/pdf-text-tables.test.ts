// Word reports as agencies make them, printed to PDF by LibreOffice and read back by pdftotext (test/corpus: the tools
// a reviewer uses), from a sixteenth-session tester's report. Each gave false errors on a correct report:
// - a note under 表四 ("数据统计截至 2022 年 12 月 31 日。"): pdftotext sets 表四's figures one a line and the note right
//   after them; parted at its spaces as the table's cells are, its year was read as 复议后起诉's 总计;
// - rows taller than their text (a row height set, as the template's own rows are when a label wraps): the template's
//   总计 cells sit at the top, so pdftotext -layout prints each row's 总计 a line above its other figures, and the
//   figures were read into the wrong rows (four sum.row errors).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { converted } from '../../corpus/libreoffice';
import { pdftotext } from '../../corpus/render';
import { wordFigures, wordReport } from '../../helpers/word-report';
import { buildReport } from '../../helpers/build-report';

function pdfText(pdf: Uint8Array, layout = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-pdf-text-'));
  try {
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    return pdftotext(path.join(dir, 'report.pdf'), layout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a note under a table, in PDF text', () => {
  test('a dated note after 表四\'s figures is no figure of the table: no sum error on a correct report', () => {
    const note = '数据统计截至 2022 年 12 月 31 日。';
    const text = pdfText(converted(wordReport({ ...wordFigures({ clean: true }), prose: { 3: note } }), 'pdf'));
    const at = text.indexOf(note);
    assert.ok(at > 0 && /\n0\s*\n\s*$/.test(text.slice(at - 12, at)), 'pdftotext sets the note right after the table\'s last figure');
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(!findings.some((f) => /2022/.test(f.message) && f.code.startsWith('sum.')), 'the year is read as no cell');
  });
});

describe('rows taller than their text, in pdftotext -layout', () => {
  test('a 总计 printed a line above its row is read as no other row\'s: no sum error on a correct report', async () => {
    const files = unzipSync(wordReport(wordFigures({ clean: true })));
    // Every table row 620 twips high (about 1.1 cm), as a clerk drags a row taller.
    const xml = strFromU8(files['word/document.xml']!).replace(/<w:tr\b([^>]*)>(\s*)(<w:trPr>)?/g, (_m, attrs: string, space: string, trPr?: string) => `<w:tr${attrs}>${space}<w:trPr><w:trHeight w:val="620"/>${trPr ? '' : '</w:trPr>'}`);
    files['word/document.xml'] = strToU8(xml);
    const pdf = converted(zipSync(files), 'pdf');
    const text = pdfText(pdf, true);
    assert.match(text, /\n\s+\d+\s*\n\s*（七）总计(?:\s+\d+){6}\s*\n/, 'pdftotext -layout prints （七）总计\'s 总计 a line above the row');
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(findings.some((f) => f.code === 'table.shape'), 'the rows it cannot place are said once');
  });
});

describe('a row\'s figures in pieces over several lines, in pdftotext\'s plain text', () => {
  // pdftotext's plain text of a page whose blank cells it dropped (a tester's portal page, blanks written &nbsp;, printed
  // by Chromium) sets a table's figures in pieces: `2 1`, `15 3 1`, `3`, `1` under （一）予以公开, figures of two rows.
  // Seven of them made the row's count by chance, and its "总计 1" was an error (实为 1，应为 25).
  const table = (rows: string) => buildReport({ layout: 'cell-per-paragraph' }).replace(/（一）予以公开\n\n2\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2\n\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n/, rows);
  test('pieces from three lines or more that break the row\'s sum are in no known column: a warning, no sum error', () => {
    const text = table('（一）予以公开\n\n2 1\n15 3 1\n\n3\n\n1\n\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n1 0 0\n');
    assert.notEqual(text, buildReport({ layout: 'cell-per-paragraph' }));
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(findings.some((f) => f.code === 'table.shape' && /数字分在几行/.test(f.message + JSON.stringify(f.related ?? []))), findings.map((f) => f.message).join('\n'));
  });
  test('a row wrapped once (its first columns, then the rest) is read: its wrong 总计 is still an error', () => {
    const text = table('（一）予以公开\n\n2 0 0 0\n\n0 0 3\n\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n1 0 0 0\n\n0 0 1\n');
    assert.ok(check(parseDocument(text)).some((f) => f.severity === 'error' && f.code.startsWith('sum.')));
  });
});

// From a seventeenth-session tester's 2019 and 2021 reports: figures of five digits and more in the template's narrow
// 总计 cells, which Word wraps inside the cell (`1020` over `0` for 10200).
describe('a figure wrapped inside its narrow cell', () => {
  const big = (natural: number, business: number, other = 0) => [natural, business, 0, 0, other, 0, natural + business + other];
  function bigFigures(wrong = false) {
    const data = wordFigures({ clean: true });
    const t3: Record<string, number[]> = { ...data.t3!, new: big(7090, 3000, 110), carried: big(13, 0, 1), public: big(5085, 1940), partial: big(1760, 140), 'deny.1': big(0, 0), 'unable.1': big(258, 920, 111) };
    const column = (k: number) => ['public', 'partial', 'unable.1'].reduce((sum, id) => sum + t3[id]![k]!, 0);
    t3.total = [0, 1, 2, 3, 4, 5, 6].map(column);
    t3.forward = [0, 1, 2, 3, 4, 5, 6].map((k) => t3.new![k]! + t3.carried![k]! - t3.total![k]!);
    // A planted mistake: 予以公开's 总计 one over (7026 for 7025).
    if (wrong) t3.public = [...t3.public!.slice(0, 6), 7026];
    return { ...data, t3 };
  }

  test('the PDF itself: the wrapped 总计 is one figure (10200), no sum is said wrong, and a planted mistake is found at its cell', async () => {
    const { readOriginal } = await import('../../../server/src/core/readers/original');
    const read = await readOriginal(converted(wordReport(bigFigures()), 'pdf'));
    assert.ok(read?.ok);
    assert.match(read.rendition.text, /\t7090\t3000\t0\t0\t110\t0\t10200\n/);
    // No error. (The taller rows push （六）'s first leaf over the page break, its label cut in two there: one table.shape
    // warning, ROBUSTNESS.md Notes.)
    assert.deepEqual(check(parseDocument(read.rendition.text)).filter((f) => f.severity === 'error' || /^(sum|cell)\./.test(f.code)).map((f) => f.message), []);
    // The planted mistake is found at its cell.
    const wrong = await readOriginal(converted(wordReport(bigFigures(true)), 'pdf'));
    assert.ok(wrong?.ok);
    const found = check(parseDocument(wrong.rendition.text)).filter((f) => f.severity === 'error');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.equal(wrong.rendition.text.slice(found[0]!.range.start, found[0]!.range.end), '7026');
    assert.match(found[0]!.message, /应为 7025：/);
  });

  test('pdftotext -layout: the digits on the line under the figure are no row of their own, and no sum is said wrong', () => {
    const text = pdfText(converted(wordReport(bigFigures()), 'pdf'), true);
    assert.match(text, /\n\s+1020\s*\n[^\n]*7090\s+3000[^\n]*\n\s+0\s*\n/, 'pdftotext -layout prints 10200 as 1020 over 0');
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(!findings.some((f) => f.code === 'table.shape' && /没有标签.*“0”/.test(f.message)), 'the wrapped 0 is no row of figures without a label');
  });

  test('pdftotext -layout of a 2019 table (the tester\'s, cut down): 102 over 0 and 103 over 3 are no false 1020 and 1033', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '',
      '一、本年新收政府信息公开申请数量       709 300 0 0           11   0   102',
      '                                                      0',
      '二、上年结转政府信息公开申请数量       13  0   0        0    1    0   14',
      '三、 （一）予以公开             85  194 0        0    0    0   279',
      '     （六）其他处理                 122 0   0            0   0    0   122',
      '     （七）总计                   722 300 0            0   11   0   103',
      '                                                               3',
      '四、结转下年度继续办理                  0     0        0     0   1    0   1',
    ].join('\n');
    const errors = check(parseDocument(text)).filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(errors.map((f) => f.message), []);
  });
});
