// Old CMS pages draw their tables as `<table cellspacing="1" bgcolor="#cccccc">` with white cells
// (`<td bgcolor="#ffffff">`): no borders, the lines are the grey background in the 1px gaps between the cells.
// Printed by Chromium ("Save as PDF"), such a table has no rule at all, only a filled box for the table and one per
// cell over it, so the PDF reader found no grid: 表四 (15 narrow columns, header words wrapped `结果/维持`) was not
// put together by the unruled reader (没有找到表四, a wrong 表四 total missed), and 表三's rowspan group label was
// read interleaved with its row's label (a false table.label warning, “…缴纳费用、处理行政机关不再处理…” on the page
// here, where 表四 happens to be read). Found by the eighteenth session's tester (cause H1, /tmp/t18d sweep5: 8 of 8
// prints). The cells' boxes now give their edges as the table's rules
// (readers/pdf/fills.ts); a shaded box, a banner or a chart's bars tile nothing and stay no table.
// The pages are test/helpers/portal-page.ts's portal page with its tables restyled the old CMS way, printed by
// Chromium at test time (playwright, printBackground as a reviewer's print with 背景图形 on, and Chromium's default
// print without it: the bgcolor attribute is printed either way).
// Run: node --import tsx --test test/unit/readers/pdf-cell-fills.test.ts

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { readPdf } from '../../../server/src/core/readers/pdf';
import { DEFAULT_LIMITS } from '../../../server/src/core/readers/blocks';
import { rulesFromCellFills } from '../../../server/src/core/readers/pdf/fills';
import { check, parseDocument } from '../../../server/src/core/service';
import { printHtml } from '../../corpus/print';
import { validT4 } from '../../helpers/build-report';
import { cmsBackgroundTables, portalPageHtml, type PortalPageData } from '../../helpers/portal-page';

async function printedText(html: string, printBackground: boolean): Promise<string> {
  const outcome = await readOriginal(await printHtml(html, { printBackground, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } }));
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return outcome.rendition.text;
}

const findings = (text: string) =>
  check(parseDocument(text))
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.severity} ${f.code}: ${f.message}`);

/**
 * The portal page in a 700px column with 12px table text, as the old CMS pages are: the header words (结果维持)
 * wrap where the narrow columns end them, not at a <br>.
 */
const cmsPage = (data: PortalPageData) =>
  cmsBackgroundTables(portalPageHtml({ agency: '某某县市场监督管理局', year: 2023, ...data }))
    .replace(/<br\s*\/?>/g, '')
    .replace('</head>', '<style>body{width:700px;margin:auto} table td{font-size:12px;text-align:center}</style></head>');

describe('pdf reader: tables drawn as white cells over a grey table background (cellspacing=1, bgcolor)', () => {
  for (const printBackground of [true, false]) {
    it(`a correct report: 表四 found with its figures, nothing told (printBackground ${printBackground})`, async () => {
      const text = await printedText(cmsPage({}), printBackground);
      const doc = parseDocument(text);
      assert.ok(doc.report.tables.t4, `表四 not found:\n${text}`);
      assert.deepEqual(doc.report.tables.t4.cells.map((c) => c.value), validT4());
      assert.deepEqual(findings(text), []);
    });
  }

  it('a typo in 表四 (行政复议 结果维持 1 → 2): the sum error at that row, nothing else', async () => {
    const t4 = validT4();
    t4[0] = 2;
    const text = await printedText(cmsPage({ t4 }), true);
    const told = findings(text);
    assert.equal(told.length, 1, told.join('\n'));
    assert.match(told[0]!, /^error sum\.\w+: .*行政复议/);
  });

  it('a page with a shaded note, a banner and a bar chart drawn as boxes reads no table', async () => {
    const box = (style: string, text = '') => `<div style="${style}">${text}</div>`;
    const bars = [40, 70, 55, 90, 30, 65].map((h) => box(`display:inline-block;width:40px;height:${h}px;margin-right:2px;background:#3366cc`)).join('');
    const html = [
      '<!doctype html><html><head><meta charset="utf-8"></head><body>',
      box('background:#c00;color:#fff;padding:12px;font-size:24px', '某某县人民政府门户网站'),
      box('background:#eee;padding:1px', box('background:#fff;padding:10px', '温馨提示：本报告电子版可在门户网站下载。')),
      box('background:#f5f5f5;border-left:4px solid #999;padding:8px', '（一）主动公开。全年主动公开政府信息636条。'),
      box('background:#ddd;padding:4px;display:flex;align-items:flex-end;height:100px', bars),
      '</body></html>',
    ].join('\n');
    const read = await readPdf(await printHtml(html, { printBackground: true }), DEFAULT_LIMITS);
    assert.ok(read.ok);
    assert.deepEqual(read.blocks.filter((b) => b.kind === 'table'), []);
  });
});

describe('rulesFromCellFills', () => {
  const box = (left: number, bottom: number, right: number, top: number) => ({ left, bottom, right, top });

  it('cells a hair apart over a backdrop give their edges; one box on a box, or boxes far apart, give none', () => {
    // A 2×2 table (PDF units, y up) as Chromium prints cellspacing=1: backdrop, then the cells 0.75 apart.
    const table = [box(0, 0, 100.75, 40.75), box(0.75, 20.75, 50, 40), box(50.75, 20.75, 100, 40), box(0.75, 0.75, 50, 20), box(50.75, 0.75, 100, 20)];
    const ruled = rulesFromCellFills(table);
    assert.equal(ruled.horizontal.length, 8);
    assert.equal(ruled.vertical.length, 8);
    assert.equal(rulesFromCellFills([box(0, 0, 100, 40), box(1, 1, 99, 39)]).horizontal.length, 0);
    assert.equal(rulesFromCellFills([box(0, 0, 100, 40), box(0.75, 0.75, 40, 39), box(60, 0.75, 99, 39)]).horizontal.length, 0);
  });
});
