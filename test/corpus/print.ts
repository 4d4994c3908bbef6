// PDFs printed by Chromium from web pages, the way an office prints its
// published page (nothing printed is committed): printed at test time into a
// temporary cache keyed by the page's hash, all missing pages of a folder in
// one browser session, so a test run prints each page once at most.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** The PDF Chromium prints from a page's HTML (cached like printedPdf). */
export async function printedPdfOf(html: string): Promise<Uint8Array> {
  await printAll([html]);
  return new Uint8Array(readFileSync(cached(html)));
}

/**
 * The page without table borders, as some portals style their tables: a PDF with no rules to find the
 * table by (the reader keeps each row of columns as a line of its own, read like PDF text).
 */
export function withoutBorders(html: string): string {
  const style = '<style>table,tr,td,th{border:none!important;border-collapse:separate!important}</style>';
  return html.replace(/\sborder\s*=\s*["']?\d+["']?/gi, '').replace(/<\/head>/i, `${style}</head>`);
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

const copies = new Map<string, Promise<Map<string, string>>>();

/**
 * What a reviewer gets by selecting a whole page in Chromium and copying it as text (the selection's text, as the
 * clipboard's plain text holds it: a table's cells parted by tabs, a row a line), for every page of a folder, in one
 * browser; kept for the run.
 */
export async function copiedText(htmlFile: string): Promise<string> {
  const dir = path.dirname(htmlFile);
  if (!copies.has(dir)) copies.set(dir, copyAll(readdirSync(dir).filter((f) => /\.html?$/.test(f)).map((f) => path.join(dir, f))));
  const text = (await copies.get(dir)!).get(htmlFile);
  if (text === undefined) throw new Error(`${htmlFile}: no copy made`);
  return text;
}

async function copyAll(files: readonly string[]): Promise<Map<string, string>> {
  const texts = await copiedTextsOf(files.map((file) => readFileSync(file, 'utf8')));
  return new Map(files.map((file, k) => [file, texts[k]!]));
}

/** The whole page selected, as text (a string evaluated in the page: this project's TypeScript has no DOM types). */
const SELECTED_TEXT = '(() => { const s = window.getSelection(); s.selectAllChildren(document.body); return s.toString(); })()';

/** `read` of each page given as HTML, loaded in turn in one browser. */
async function eachPage<T>(htmls: readonly string[], read: (page: Page) => Promise<T>): Promise<T[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/setup-tools.sh installs it (Debian package chromium)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    const out: T[] = [];
    for (const html of htmls) {
      await page.setContent(html, { waitUntil: 'load' });
      out.push(await read(page));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * Pages (their bytes as a portal serves them) saved by Chromium as one file, as "Save page as… Webpage, Single File"
 * does (DevTools' Page.captureSnapshot, the same MHTML writer): an .mhtml file each, in one browser. A page is loaded
 * from a file, so its bytes are read in the encoding it declares, as a browser reads a portal's GB2312 page; `beside`
 * are files written next to it (the page an <iframe> shows).
 */
export async function savedAsOneFile(pages: readonly Uint8Array[], beside: Readonly<Record<string, Uint8Array>> = {}): Promise<Uint8Array[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/setup-tools.sh installs it (Debian package chromium)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-mhtml-'));
  // Files the pages load (a frame's page), beside them as on the portal; file pages may load their neighbours.
  for (const [name, bytes] of Object.entries(beside)) writeFileSync(path.join(dir, name), bytes);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, '--allow-file-access-from-files'] });
  try {
    const page = await browser.newPage();
    const session = await page.context().newCDPSession(page);
    const out: Uint8Array[] = [];
    for (const [k, bytes] of pages.entries()) {
      const file = path.join(dir, `page-${k}.html`);
      writeFileSync(file, bytes);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const { data } = await session.send('Page.captureSnapshot', { format: 'mhtml' });
      // The snapshot is MIME text whose every byte is ASCII (quoted-printable and base64 parts).
      out.push(new Uint8Array(Buffer.from(data, 'latin1')));
    }
    return out;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const savedPages = new Map<string, Promise<Map<string, Uint8Array>>>();

/** An own page saved by Chromium as one file (savedAsOneFile), every page of its folder in one browser; kept for the run. */
export async function savedPage(htmlFile: string): Promise<Uint8Array> {
  const dir = path.dirname(htmlFile);
  if (!savedPages.has(dir)) {
    const files = readdirSync(dir).filter((f) => /\.html?$/.test(f)).map((f) => path.join(dir, f));
    savedPages.set(dir, savedAsOneFile(files.map((f) => readFileSync(f))).then((saved) => new Map(files.map((f, k) => [f, saved[k]!]))));
  }
  const saved = (await savedPages.get(dir)!).get(htmlFile);
  if (saved === undefined) throw new Error(`${htmlFile}: not saved`);
  return saved;
}

/** Each data table of a page (every <table> that holds no table) as Chromium draws it: a PNG, as an office screenshots a table to paste it as a picture. */
export async function tableScreenshots(html: string): Promise<Uint8Array[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/setup-tools.sh installs it (Debian package chromium)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const shots: Uint8Array[] = [];
    for (const table of await page.$$('table:not(:has(table))')) {
      if (await table.isVisible()) shots.push(new Uint8Array(await table.screenshot({ type: 'png' })));
    }
    return shots;
  } finally {
    await browser.close();
  }
}

/**
 * Each page as Chromium holds it once its scripts ran, serialized: what "Save page as… Webpage, Complete" writes (the
 * DOM, not the bytes served) and `chromium --headless --dump-dom` prints; in one browser.
 */
export function domAfterScripts(htmls: readonly string[]): Promise<string[]> {
  return eachPage(htmls, (page) => page.content());
}

/** What a reviewer copies from each page selected whole in Chromium (as copiedText), for pages given as HTML; in one browser. */
export function copiedTextsOf(htmls: readonly string[]): Promise<string[]> {
  return eachPage(htmls, async (page) => String(await page.evaluate(SELECTED_TEXT)));
}
