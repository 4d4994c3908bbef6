// PDFs printed by Chromium from web pages, the way an office prints its
// published page (nothing printed is committed): printed at test time into a
// temporary cache keyed by the page's hash, all missing pages of a folder in
// one browser session, so a test run prints each page once at most.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const CACHE = path.join(tmpdir(), 'gov-report-chromium-pdf');
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const cached = (html: string) => path.join(CACHE, `${createHash('sha256').update(html).digest('hex').slice(0, 24)}.pdf`);

/** The PDF Chromium prints from an HTML file (A4, backgrounds as on screen), printing its folder's other pages too if needed. */
export async function printedPdf(htmlFile: string): Promise<Uint8Array> {
  const file = cached(readFileSync(htmlFile, 'utf8'));
  if (!existsSync(file)) {
    const dir = path.dirname(htmlFile);
    await printAll(readdirSync(dir).filter((f) => /\.html?$/.test(f)).map((f) => readFileSync(path.join(dir, f), 'utf8')));
  }
  return new Uint8Array(readFileSync(file));
}

/** Prints every page that is not in the cache yet, in one browser. */
export async function printAll(htmls: readonly string[]): Promise<void> {
  const missing = htmls.filter((html) => !existsSync(cached(html)));
  if (!missing.length) return;
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/setup-tools.sh installs it (Debian package chromium)`);
  mkdirSync(CACHE, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    for (const html of missing) {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
      // Written whole, then renamed: a parallel run never reads half a file.
      const target = cached(html);
      writeFileSync(`${target}.${process.pid}`, pdf);
      renameSync(`${target}.${process.pid}`, target);
    }
  } finally {
    await browser.close();
  }
}

/** Prints a test's own page, uncached, with Chromium's print options (running headers and footers, say). */
export async function printHtml(html: string, options: Parameters<Page['pdf']>[0] = {}): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/setup-tools.sh installs it (Debian package chromium)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', ...options }));
  } finally {
    await browser.close();
  }
}
