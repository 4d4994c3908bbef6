// `gov-report check --format html -o review.html`, opened as a reviewer opens
// it: in Chromium (Debian's, driven by playwright-core as test/corpus/print.ts
// does), from the file, with the network cut off, with scripts on and off. What
// the browser shows is looked at: the text a reader sees (the agencies, the
// rule codes, a finding's cell in its table) and the chart's pixels.
// Needs `npm run build` (the CLI is run as users run it) and /usr/bin/chromium.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../../corpus/print';
import { BROKEN, CLEAN, CLI, HONGZE_2023 } from '../../helpers/cli-cases';
import { SEEDS_DIR as SEEDS } from '../../helpers/fixtures';
import { decodePng } from '../../helpers/png';


const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-review-'));
const PAGE = path.join(dir, 'review.html');
let browser: Browser;
before(async () => {
  writeFileSync(path.join(dir, 'a-broken.txt'), BROKEN);
  copyFileSync(CLEAN, path.join(dir, 'b-clean.txt'));
  for (const seed of ['002_1e78f43606d75d41.txt', '003_9d29cacfbc1688a2.txt']) copyFileSync(path.join(SEEDS, seed), path.join(dir, seed));
  copyFileSync(HONGZE_2023, path.join(dir, 'hongze-2023.pdf'));
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'html', '-o', PAGE, dir], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page opened from its file with everything else refused; `requests`: what it tried to load besides itself. */
async function open(javaScriptEnabled: boolean): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const self = pathToFileURL(PAGE).href;
  await context.route('**/*', (route) => {
    if (route.request().url() === self) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(self, { waitUntil: 'load' });
  return { page, requests, close: () => context.close() };
}

/** Pixels of a screenshot that are not (near) white, and those of the given colour. */
function pixels(png: Buffer, colour: [number, number, number]): { inked: number; coloured: number; total: number } {
  const { width, height, data } = decodePng(new Uint8Array(png));
  let inked = 0;
  let coloured = 0;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!];
    if (r < 235 || g < 235 || b < 235) inked++;
    if (Math.abs(r - colour[0]) + Math.abs(g - colour[1]) + Math.abs(b - colour[2]) < 30) coloured++;
  }
  return { inked, coloured, total: width * height };
}

const ERROR_RED: [number, number, number] = [0xcf, 0x22, 0x2e];
const AGENCIES = ['木兰县公安局', '霍尔果斯市公安局', '淮北市公安局', '洪泽区人民政府'];

describe('the review page (check --format html)', () => {
  test('left in the folder, it is not checked again by the next run as a report (it names its generator); named, it is', () => {
    assert.match(readFileSync(PAGE, 'utf8'), /<meta name="generator" content="gov-report">/);
    const json = (args: string[]) => JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' }).stdout) as { file: string }[];
    assert.deepEqual(json([dir]).map((r) => path.basename(r.file)).sort(), ['002_1e78f43606d75d41.txt', '003_9d29cacfbc1688a2.txt', 'a-broken.txt', 'b-clean.txt', 'hongze-2023.pdf']);
    assert.deepEqual(json([PAGE]).map((r) => path.basename(r.file)), ['review.html']);
  });

  test('self-contained: nothing to load, a CSP that allows nothing remote', () => {
    const html = readFileSync(PAGE, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.doesNotMatch(html, /<link|<img|<iframe|\ssrc=|@import|url\(|href="(?!#)/i);
  });

  for (const scripts of [false, true]) {
    test(`in Chromium with scripts ${scripts ? 'on' : 'off'}: the reports, the rule codes, the chart and each finding’s cell`, async () => {
      const { page, requests, close } = await open(scripts);
      try {
        assert.deepEqual(requests, [], 'the page loads nothing');
        const text = await page.locator('body').innerText();
        for (const agency of AGENCIES) assert.ok(text.includes(agency), agency);
        for (const code of ['sum.column', 'sum.review', 'section.numbering', 'text.artifact']) assert.ok(text.includes(code), code);
        // The sort hint shows only where sorting works.
        assert.equal(text.includes('点击表头可排序'), scripts);

        // The chart: drawn (inline SVG needs no script), with red bars for the sum errors.
        const chart = await page.locator('svg.chart').screenshot();
        const ink = pixels(chart, ERROR_RED);
        assert.ok(ink.inked > ink.total * 0.05, `the chart has ink: ${ink.inked} of ${ink.total}`);
        assert.ok(ink.coloured > 100, `error bars are red: ${ink.coloured} pixels`);
        const bars = await page.locator('svg.chart g.bar text:first-of-type').allTextContents();
        assert.ok(bars.some((b) => b.startsWith('sum.review')) && bars.some((b) => b.startsWith('sum.column')), bars.join('|'));

        // The PDF's wrong 表四 total: its finding links to the cell drawn in 表四, which shows the value written and the one expected.
        const report = page.locator('section.report', { hasText: 'hongze-2023.pdf' });
        const finding = report.locator('ol.findings li', { hasText: '第 4 页，表四“行政复议”行“总计”列' });
        await finding.locator('a.to-cell').click();
        const target = page.locator(':target');
        assert.equal(await target.count(), 1);
        assert.match((await target.getAttribute('class')) ?? '', /sev-error/);
        assert.match(await target.innerText(), /^0[\s\S]*应为 11/);
        assert.ok(await target.locator('xpath=ancestor::section[contains(@class, "t4")]').count(), 'the cell is in 表四');
        const shot = pixels(await target.screenshot(), ERROR_RED);
        assert.ok(shot.inked > 0, 'the cell is drawn');
      } finally {
        await close();
      }
    });
  }

  test('scripts on: the reports’ table sorts by a column heading (errors, most first)', async () => {
    const { page, close } = await open(true);
    try {
      const files = () => page.locator('table.reports tbody tr td:first-child').allInnerTexts();
      const before = await files();
      assert.deepEqual(before, [...before].sort(), 'input order: by file');
      const errors = page.locator('table.reports thead th', { hasText: '错误' });
      await errors.click();
      await errors.click();
      assert.equal(await errors.getAttribute('aria-sort'), 'descending');
      const counts = (await page.locator('table.reports tbody tr td:nth-child(5)').allInnerTexts()).map(Number);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
      assert.ok(counts[0]! >= 2);
      assert.equal((await files())[0], 'hongze-2023.pdf');
    } finally {
      await close();
    }
  });
});
