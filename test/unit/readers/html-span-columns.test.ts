// A web page's 表四 whose 总计 is two grid columns wide (LibreOffice's page of a Word table made with python-docx):
// the header's 总计 and the figure under it each span both, and the row of group headers spans its groups otherwise
// (行政复议 over five columns, 行政诉讼 over eleven). Expanded, the column under both spans was one more cell: 表四
// "有 16 个数" (a warning) and its planted wrong total unread. A column no row of single cells parts from the one
// before is no column. Found by a helper checking a county's originals.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport } from '../../helpers/build-report';
import { reportPage } from '../../helpers/report-html';

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const td = (text: string | number, attrs = '') => `<td${attrs}>${text}</td>`;

/** 表四 with 行政复议's 总计 two columns wide; `groupSpan`: the group header's span over 行政复议 (5 as LibreOffice wrote it, or 6). */
function table4(values: readonly number[], groupSpan: 5 | 6): string {
  return [
    '<table border="1">',
    `<tr>${td('行政复议', ` colspan="${groupSpan}"`)}${td('行政诉讼', ` colspan="${16 - groupSpan}"`)}</tr>`,
    `<tr>${RESULTS.slice(0, 4).map((h) => td(h, ' rowspan="2"')).join('')}${td('总计', ' rowspan="2" colspan="2"')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
    `<tr>${[...RESULTS, ...RESULTS].map((h) => td(h)).join('')}</tr>`,
    `<tr>${values.slice(0, 4).map((v) => td(v)).join('')}${td(values[4]!, ' colspan="2"')}${values.slice(5).map((v) => td(v)).join('')}</tr>`,
    '</table>',
  ].join('\n');
}

async function findings(values: readonly number[], groupSpan: 5 | 6) {
  const page = reportPage(buildReport({ t4: [...values] }));
  const replaced = page.replace(/<table[^>]*>\s*<tr><td>行政复议[\s\S]*?<\/table>/, table4(values, groupSpan));
  assert.notEqual(replaced, page, 'the page\'s 表四 replaced');
  const outcome = await readOriginal(new Uint8Array(Buffer.from(replaced)));
  assert.ok(outcome?.ok);
  return check(parseDocument(outcome.rendition.text)).map((f) => `${f.severity} ${f.code} ${f.message}`);
}

describe('html reader: a column only spans cover', () => {
  const right = [1, 0, 1, 0, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];
  for (const groupSpan of [5, 6] as const) {
    it(`表四 with its 总计 two columns wide (group header over ${groupSpan}): read, no finding; a wrong total an error`, async () => {
      assert.deepEqual(await findings(right, groupSpan), []);
      const wrong = await findings([1, 0, 1, 0, 3, ...right.slice(5)], groupSpan);
      assert.ok(wrong.some((f) => f.startsWith('error sum.') && f.includes('3')), wrong.join('\n'));
    });
  }
});
