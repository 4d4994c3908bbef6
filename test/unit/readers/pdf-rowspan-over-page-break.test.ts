// 表三's group labels are cells spanning their rows (`<td rowspan="8">（三）不予公开</td>` in LibreOffice's web page of
// the Word file). Printed by Chromium, a group the page break cuts has no border beside it on the next page: the
// reader took the next page's first label into the group's label (表三缺少“6.属于四类过程性信息”一行), read a group
// label and its row's label interleaved line by line as one cell (“（六）其 2.申请人逾期未按…缴纳他处理费用…”), and,
// with a row "missing", checked no sum of 表三. Found by the twentieth session's tester (cause P1): every correct
// report printed so warned, every one-cell typo missed.
// A break through 表三's header row leaves the rest of its wrapped words (`企业 机构 组织 机构`) at the next page's top,
// outside the table's drawn edges and with no rule under some of its columns: the first row's label was taken into
// that cell and the row read as three (表三缺少“一、本年新收…”一行).
// Here the Word template is typed into, saved as a web page by LibreOffice and printed by Chromium at test time, with
// part 一 made longer step by step so that the break falls in each group in turn.
// Run: node --import tsx --test test/unit/readers/pdf-rowspan-over-page-break.test.ts

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { readPdf } from '../../../server/src/core/readers/pdf';
import { DEFAULT_LIMITS } from '../../../server/src/core/readers/blocks';
import { check, parseDocument } from '../../../server/src/core/service';
import { table3RowsFor } from '../../../server/src/core/template';
import { converted } from '../../corpus/libreoffice';
import { printAll, printedPdfOf } from '../../corpus/print';
import type { ReportData } from '../../helpers/build-report';
import { wordReport } from '../../helpers/word-report';

/** A figure in a row of each group, so that every group's rows are read and summed; 4.保护第三方合法权益's 商业企业 (1) is written `protect`. */
function figures(protect: number): Record<string, number[]> {
  const row = (natural: number, business: number) => [natural, business, 0, 0, 0, 0, natural + business];
  return {
    new: row(9, 6),
    carried: row(1, 0),
    // Rows the data leaves out are the helper's defaults (build-report.ts validT3): none here but these.
    'unable.1': row(0, 0),
    public: row(3, 1),
    partial: row(1, 1),
    'deny.4': [0, protect, 0, 0, 0, 0, 1],
    'unable.2': row(2, 0),
    'refuse.3': row(1, 1),
    'other.2': row(1, 0),
    'other.3': row(1, 1),
    total: row(9, 5),
    forward: row(1, 1),
  };
}

/** Part 一 made `k` sentences longer: each step moves 表三 down the page a little. */
const longer = (k: number) => '本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。'.repeat(1 + 3 * k);

const data = (k: number, protect: number): ReportData => ({ agency: '某某县自然资源局', year: 2023, t3: figures(protect), prose: { 0: longer(k) } });

const STEPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const htmlOf = (d: ReportData) => new TextDecoder().decode(converted(wordReport(d), 'html'));

/** Whether 表三's printed rows of one group fall on two pages (the group's rowspan cell cut by the break). */
async function groupCut(pdf: Uint8Array): Promise<boolean> {
  const read = await readPdf(pdf, DEFAULT_LIMITS);
  assert.ok(read.ok);
  const groups = new Set(table3RowsFor(false).flatMap((r) => (r.group && r.group !== 'results' ? [r.group] : [])));
  for (const block of read.blocks) {
    if (block.kind !== 'table' || !block.rows.some((row) => row.some((c) => words(c.text).includes('不予公开')))) continue;
    const pagesOf = new Map<string, Set<number>>();
    let group: string | undefined;
    for (const row of block.rows) {
      const labels = row.map((c) => words(c.text)).join('');
      const named = [...groups].find((g) => labels.includes(GROUP_WORDS[g] ?? '\0'));
      if (named) group = named;
      else if (/（七）/.test(labels)) group = undefined;
      const page = row[0]?.place.page;
      if (group && page !== undefined) pagesOf.set(group, (pagesOf.get(group) ?? new Set()).add(page));
    }
    return [...pagesOf.values()].some((pages) => pages.size > 1);
  }
  return false;
}

/** Whether the page break falls between 表三's header (自然人) and its first row. */
async function headerCut(pdf: Uint8Array): Promise<boolean> {
  const read = await readPdf(pdf, DEFAULT_LIMITS);
  assert.ok(read.ok);
  const pageOf = (what: string) =>
    read.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.filter((row) => row.some((c) => words(c.text).includes(what))).map((row) => row[0]?.place.page) : []))[0];
  return pageOf('自然人') !== pageOf('本年新收');
}

/** A cell's words without the line breaks of its wrapped lines (`（三）不` / `予公开`). */
const words = (text: string) => text.replace(/\s+/g, '');

const GROUP_WORDS: Readonly<Record<string, string>> = { deny: '不予公开', unable: '无法提供', refuse: '不予处理', other: '其他处理' };

describe('a Chromium print of LibreOffice\'s web page of the Word file, 表三 cut by a page break inside a group', () => {
  before(async () => {
    // Every page in one browser session (print.ts caches each by its HTML).
    await printAll(STEPS.flatMap((k) => [htmlOf(data(k, 1)), htmlOf(data(k, 2))]));
  });

  test('the break falls inside a group in some of the prints (else this test tests nothing)', async () => {
    const cut = await Promise.all(STEPS.map(async (k) => groupCut(await printedPdfOf(htmlOf(data(k, 1))))));
    assert.ok(cut.filter(Boolean).length >= 2, `groups cut by a break: ${cut.join(', ')}`);
  });

  test('the break falls inside 表三\'s header in some of the prints (its wrapped words 商业 / 企业 on two pages)', async () => {
    const cut = await Promise.all(STEPS.map(async (k) => headerCut(await printedPdfOf(htmlOf(data(k, 1))))));
    assert.ok(cut.some(Boolean), `headers cut by a break: ${cut.join(', ')}`);
  });

  for (const k of STEPS) {
    test(`part 一 longer by ${1 + 3 * k} sentences: every row read, the correct report clean, a typo found at its cell`, async () => {
      const right = await textOf(data(k, 1));
      const doc = parseDocument(right);
      const list = check(doc).filter((f) => f.code !== 'cell.blank' && f.severity !== 'hint');
      assert.deepEqual(list.map((f) => `${f.code}: ${f.message}`), []);
      assert.equal(doc.report.tables.t3?.rows.length, table3RowsFor(false).length);

      const wrong = await textOf(data(k, 2));
      const sums = check(parseDocument(wrong)).filter((f) => f.code.startsWith('sum.'));
      assert.equal(sums.length, 1, sums.map((f) => f.message).join('\n'));
      assert.match(sums[0]!.message, /^2 应为 1/);
      assert.equal(wrong.slice(sums[0]!.range.start, sums[0]!.range.end), '2');
    });
  }
});

async function textOf(d: ReportData): Promise<string> {
  const outcome = await readOriginal(await printedPdfOf(htmlOf(d)));
  assert.ok(outcome?.ok, JSON.stringify(outcome));
  return outcome.rendition.text;
}
