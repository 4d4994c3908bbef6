// A portal page laid out in a table whose style rules every cell (`td{border:1px solid}`), printed whole by
// Chromium: the layout's ruled frame and the report's tables inside its article cell touch (a cell's padding is
// closer than the reach that makes rules one table), and were read as one table, the article as its cells' text.
// With navigation cells on both sides: four parts "missing" (false errors); in every such print 表三's figures
// apart from its rows (a warning) and its planted error missed. Found by a helper printing portal pages
// (t18d, A1/A2). The frame's rules go; the report's tables inside it are read as tables (pdf/frames.ts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { printedPdfOf } from '../../corpus/print';
import { portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';

const said = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.message}`).sort();

async function findingsOf(html: string): Promise<Finding[]> {
  const outcome = await readOriginal(await printedPdfOf(html));
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return check(parseDocument(outcome.rendition.text));
}

/** A sidebar cell after the article cell, as portals print their 相关信息 column (the banner and footer rows span it). */
function withRightSidebar(html: string): string {
  const items = ['相关信息', '政府信息公开指南', '政府信息公开制度', '政府信息公开年报', '依申请公开'];
  const sidebar = `<td width="160" valign="top"><div class="aside">${items.map((t) => `<p>${t}</p>`).join('')}</div></td>`;
  const replaced = html.replace(/(<div id="zoom">[\s\S]*?<\/div><\/td>)(<\/tr>)/, `$1${sidebar}$2`).replace(/<td colspan="2">/g, '<td colspan="3">');
  assert.notEqual(replaced, html, 'the page has an article cell to put a sidebar after');
  return replaced;
}

describe('pdf reader: a portal page laid out in a ruled table, printed whole', () => {
  // The same report printed without the layout table: its two planted errors (表三's and 表四's totals), nothing else.
  const plain = () => findingsOf(portalPageHtml(wrongTotalsPage()));
  const framed = portalPageHtml({ ...wrongTotalsPage(), layoutTable: true });

  for (const [name, html] of [
    ['navigation on the left', framed],
    ['navigation on the left and a sidebar on the right', withRightSidebar(framed)],
  ] as const) {
    it(`${name}: every part found, 表三 and 表四 checked as tables (the planted errors, nothing else)`, async () => {
      const expected = said((await plain()).filter((f) => f.severity === 'error'));
      assert.equal(expected.length, 2, expected.join('\n'));
      const found = await findingsOf(html);
      assert.deepEqual(said(found.filter((f) => f.code.startsWith('section.') || f.code.startsWith('table.'))), []);
      assert.deepEqual(said(found.filter((f) => f.severity === 'error')), expected);
    });
  }
});
