// A portal page printed whole (a browser's "print to PDF", as a reviewer archives a published page): its navigation
// column beside the report. A part's heading on the baseline of one of the column's items ran into it
// (`依申请公开一、总体情况`, `12345政务服务便民热线一、总体情况`): part 一 "missing", an error. Found by a helper
// printing old CMS pages with Chromium. (The column's items still run into the paragraphs beside them: words, no
// figures a rule reads.)

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { printedPdfOf } from '../../corpus/print';
import { portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';

const said = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.message}`).sort();


async function readPdf(pdf: Uint8Array) {
  const outcome = await readOriginal(pdf);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return outcome.rendition.text;
}

/** The page in a layout table, its left column a portal's navigation, long enough to stand beside the report's first part. */
function pageWithSideColumn(): string {
  const items = ['首页', '政务公开', '政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开', '政策解读', '公众参与', '办事服务', '12345政务服务便民热线', '监督电话：0737-7222315', '网站地图', '联系我们'];
  const side = `<div class="side">${items.map((t) => `<p style="margin:0 0 14px 0;font-size:12px">${t}</p>`).join('')}</div>`;
  // The layout table drawn without borders, as a portal draws its page (the page's style rules every cell).
  const html = portalPageHtml({ layoutTable: true })
    .replace('<table width="1000" align="center">', '<table width="1000" align="center" class="layout">')
    .replace('</style>', ' .layout > tbody > tr > td{border:none}</style>');
  const replaced = html.replace(/<div class="side">[\s\S]*?<\/div>/, side);
  assert.notEqual(replaced, html, 'the page has a side column to replace');
  return replaced;
}

describe('pdf reader: a portal page printed with its side column', () => {
  it('finds every part: a heading on the baseline of a navigation item is a line of its own', async () => {
    const text = await readPdf(await printedPdfOf(pageWithSideColumn()));
    const found = check(parseDocument(text));
    assert.deepEqual(said(found.filter((f) => f.code.startsWith('section.') || f.severity === 'error')), []);
    assert.match(text, /^一、总体情况$/m);
    // The column's words are kept.
    assert.match(text, /^依申请公开$/m);
  });
});

// A column beside the article laid out by CSS alone (a float, no layout table, no rules): its items stand on the
// body's baselines, across pages. Before pdf/side-column.ts, a long right-hand list ran into headings (parts 二 and
// 三 "missing", false errors), a hotline item after a heading made it a table row (a wrong sum), the items' short
// lines made the body's right margin; 7 of 11 such prints had false errors. Each print below is checked against the
// same page printed without the column: the same findings, every one.
describe('pdf reader: a portal page printed with a column beside the article, laid out by CSS', () => {
  const list = (n: number, item: (k: number) => string) => Array.from({ length: n }, (_, k) => item(k));
  const withColumn = (html: string, items: readonly string[], side: 'left' | 'right', margin: number | undefined) => {
    const column = `<div class="aside" style="float:${side};width:220px;font-size:14px">${items.map((t) => `<p>${t}</p>`).join('')}</div>`;
    const body = margin === undefined ? '<div class="main">' : `<div class="main" style="margin-${side}:${margin}px">`;
    const replaced = html.replace('<div class="main">', `${column}${body}`);
    assert.notEqual(replaced, html, 'the page has a main block to set a column beside');
    return replaced;
  };
  const page = portalPageHtml(wrongTotalsPage());
  const plain = async () => said(check(parseDocument(await readPdf(await printedPdfOf(page)))));
  const cases: [string, string[], 'left' | 'right', number | undefined][] = [
    ['a long list on the right, beside parts 一 to 三 and over a page break', list(30, (k) => `栏目${k + 1} 第${k + 1}期`), 'right', 240],
    ['a hotline and a phone number among the items, on the baselines of headings and tables', [...list(12, (k) => `相关链接${k + 1}`), '政务服务热线12345', ...list(14, (k) => `专题${k + 1}`), '监督电话 12345', ...list(10, (k) => `其他${k}`)], 'right', 240],
    ['counts in every item (浏览 N)', list(25, (k) => `浏览 ${100 + k * 7}`), 'right', 240],
    // Read before the page, the list's first link was taken for the title (year.mismatch on a correct report).
    ['other years\' reports under 历年年报', ['历年年报', ...list(4, (k) => `${2023 - k}年政府信息公开工作年度报告`)], 'right', 240],
    ['a gutter of 10 pixels', list(30, (k) => `栏目${k + 1} 第${k + 1}期`), 'right', 230],
    ['a long list on the left', list(30, (k) => `导航${k + 1} 第${k + 1}期`), 'left', 240],
    // Guard: a short float the article wraps under (its lines below the column run across the column's place).
    ['a short column the article wraps under', list(8, (k) => `栏目${k + 1}`), 'right', undefined],
  ];
  for (const [name, items, side, margin] of cases) {
    it(`${name}: the findings of the page without it`, async () => {
      const text = await readPdf(await printedPdfOf(withColumn(page, items, side, margin)));
      assert.deepEqual(said(check(parseDocument(text))), await plain());
      // The column's items are kept, each a line of its own.
      assert.match(text, new RegExp(`^${items[items.length - 1]}$`, 'm'));
    });
  }
});
