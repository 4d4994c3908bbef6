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
import { portalPageHtml } from '../../helpers/portal-page';

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
