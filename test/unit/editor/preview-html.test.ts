// The table preview page (server/src/core/features/previewHtml.ts): a strict content
// security policy, every script nonced, the tables drawn from the parsed
// report with their values, problems and sums, all text escaped.
// Run: node --import tsx --test test/unit/editor/preview-html.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, previewCsp, renderPreviewBody, renderPreviewDocument } from '../../../server/src/core/features/previewHtml';
import type { TablesView } from '../../../server/src/core/features/tablesView';
import { parseDocument, tables } from '../../../server/src/core/service';
import { readFixture } from '../../helpers/fixtures';

const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
const read = readFixture;
const viewOf = (rel: string) => tables(parseDocument(read(rel)));

/** The directives of a CSP: name → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!, sources];
  }));
}

/** The policy the page declares in its meta tag, unescaped. */
function declaredCsp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the page declares a CSP');
  return m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('content security policy', () => {
  const csp = previewCsp(NONCE);
  const d = directives(csp);

  test('nothing by default, nothing remote, no unsafe sources', () => {
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.doesNotMatch(csp, /https?:/i);
    assert.doesNotMatch(csp, /\*/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|data:|blob:/);
  });

  test('scripts and styles only with the nonce', () => {
    assert.deepEqual(d.get('script-src'), [`'nonce-${NONCE}'`]);
    assert.deepEqual(d.get('style-src'), [`'nonce-${NONCE}'`]);
  });

  test('the page declares exactly this policy', () => {
    const html = renderPreviewDocument(viewOf('seeds/003_9d29cacfbc1688a2.txt'), { nonce: NONCE, title: '003' });
    assert.equal(declaredCsp(html), csp);
  });
});

describe('the page for seed 003', () => {
  const view = viewOf('seeds/003_9d29cacfbc1688a2.txt');
  const html = renderPreviewDocument(view, { nonce: NONCE, title: '003_9d29cacfbc1688a2.txt', meta: '2021 版模板 · 一格一行' });

  test('every script and style carries the nonce; no inline handler, style attribute or remote reference', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length >= 1);
    for (const s of scripts) assert.match(s, new RegExp(`nonce="${NONCE}"`));
    for (const s of html.match(/<style\b[^>]*>/g) ?? []) assert.match(s, new RegExp(`nonce="${NONCE}"`));
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
    assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
    assert.doesNotMatch(html, /\s(?:src|href)=/i, 'nothing loaded');
    assert.doesNotMatch(html, /https?:\/\//);
  });

  test('表三 is drawn with its values, row by row, under the template headers', () => {
    assert.match(html, /表三 收到和处理政府信息公开申请情况/);
    for (const header of ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '总计']) assert.ok(html.includes(`>${header}<`), header);
    assert.match(html, /<th colspan="5">法人或其他组织<\/th>/);
    // Row 一: 6 0 0 0 0 0 6 (read by hand), then its computed row sum 6.
    const rowOne = html.split('\n').find((l) => l.includes('一、本年新收政府信息公开申请数量'))!;
    assert.deepEqual([...rowOne.matchAll(/<span class="v">([^<]*)<\/span>/g)].map((m) => m[1]), ['6', '0', '0', '0', '0', '0', '6']);
    assert.match(rowOne, /<td class="computed"[^>]*>6<\/td>/);
    // 三、本年度办理结果 spans its rows; （三）不予公开 spans its eight.
    assert.match(html, /<td class="label group" rowspan="\d+">三、本年度办理结果<\/td>/);
    assert.match(html, /<td class="label group" rowspan="8">（三）不予公开<\/td>/);
    assert.match(html, /<td class="label group" rowspan="3">（六）其他处理<\/td>/);
  });

  test('表二 and 表四 are there too, with the merged 表四 headers', () => {
    assert.match(html, /第二十条第（一）项/);
    assert.ok(html.includes('>3227.23<'));
    assert.match(html, /<th colspan="5" rowspan="2">行政复议<\/th><th colspan="10">行政诉讼<\/th>/);
    assert.match(html, /<th colspan="5">未经复议直接起诉<\/th><th colspan="5">复议后起诉<\/th>/);
  });

  test('cells carry their document range for the click-to-reveal', () => {
    const row = view.t3!.rows.find((r) => r.id === 'new')!;
    const { start, end } = row.cells[0]!.range;
    assert.ok(html.includes(`data-range="${start.line},${start.character},${end.line},${end.character}"`));
  });

  test('its tables are clean: no cell coloured, no problem list (the bookmarks lie before 表三)', () => {
    assert.doesNotMatch(html, /<td[^>]*class="[^"]*sev-/);
    assert.doesNotMatch(html, /<details class="problems"/);
  });
});

describe('problems and sums on the page', () => {
  test('洪泽区 2023: the broken 表四 total is an error with its message, the computed sum and the expected value', () => {
    const view = viewOf('corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt');
    const body = renderPreviewBody(view);
    const cell = /<td class="num sev-error"[^>]*>.*?<\/td>/.exec(body)?.[0];
    assert.ok(cell, 'an error cell');
    assert.match(cell, /title="[^"]*实为 0，应为 11：表四“行政复议”的总计/);
    assert.match(cell, /<span class="mark mark-error" aria-hidden="true">✗<\/span>/);
    assert.match(cell, /<span class="expected">应为 11<\/span>/);
    assert.match(body, /<td class="computed computed-bad"[^>]*>11 <span class="against">≠ 0<\/span><\/td>/);
  });

  test('no tables: a message, not an empty page', () => {
    assert.match(renderPreviewBody(null), /未找到表二、表三、表四/);
    assert.match(renderPreviewBody({ template: 2021, layout: null, t2: null, t3: null, t4: null }), /未找到/);
  });
});

describe('escaping', () => {
  test('escapeHtml', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('document text, messages and the title never reach the page as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const view = viewOf('seeds/003_9d29cacfbc1688a2.txt');
    const t3 = structuredClone(view.t3!) as NonNullable<TablesView['t3']>;
    const row = t3.rows.find((r) => r.id === 'new')!;
    row.label = { ...row.label, written: `一、${hostile}` };
    row.cells[0] = { ...row.cells[0]!, kind: 'invalid', text: `6${hostile}`, problems: [{ code: 'cell.invalid', severity: 'error', message: `“${hostile}” "quoted"`, range: row.cells[0]!.range }] };
    const html = renderPreviewDocument({ ...view, t3 }, { nonce: NONCE, title: `</title>${hostile}`, meta: hostile });
    assert.ok(!html.includes(hostile));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<title>&lt;\/title&gt;&lt;img/);
  });

  test('a hostile nonce cannot break out of its attribute', () => {
    const html = renderPreviewDocument(null, { nonce: '"><script>alert(1)</script>', title: 't' });
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
  });
});

describe('last year’s figures beside the cells (issue 15)', () => {
  test('the 2023 report read beside 2022’s: 现行有效件数 shows last year’s 32, 上年结转 last year’s 结转下年度', async () => {
    const { yearSeries } = await import('../../helpers/year-series');
    const { lastYearCells } = await import('../../../server/src/core/service');
    const series = yearSeries();
    const [y2022, y2023] = [2022, 2023].map((year) => parseDocument(series.find((r) => r.year === year)!.text));
    const candidates = [
      { uri: 'a:2023', name: '2023.txt', report: y2023!.report, lines: y2023!.lines },
      { uri: 'a:2022', name: '2022.txt', report: y2022!.report, lines: y2022!.lines },
    ];
    const cells = lastYearCells(candidates, 'a:2023');
    const view = tables(y2023!, { lastYear: cells });
    const inForce = view.t2!.blocks.find((b) => b.id === 'item1')!.rows.find((r) => r.id === 'normative')!.cells[2]!;
    assert.deepEqual(inForce.lastYear, { text: '32', year: 2022, file: '2022.txt' });
    const carried = view.t3!.rows.find((r) => r.id === 'carried')!.cells;
    assert.equal(carried.filter((c) => c.lastYear).length, 7);
    const body = renderPreviewBody(view);
    assert.match(body, /<span class="last-year">上年 32<\/span>/);
    // Without a last year, nothing is shown.
    assert.doesNotMatch(renderPreviewBody(tables(y2023!)), /last-year/);
  });
});
