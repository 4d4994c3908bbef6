// Item 8, PDFs: a 10-page report PDF (an own web page with padding paragraphs,
// printed by Chromium as an office prints its page) read and checked, and the
// read time of each shared published PDF, through the reader the checker uses
// (readOriginal: PDF.js, lines, tables) and the core's façade.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LIMITS } from '../../server/src/core/readers/blocks';
import { readOriginal } from '../../server/src/core/readers/original';
import { readPdf } from '../../server/src/core/readers/pdf';
import { check, parseDocument } from '../../server/src/core/service';
import { printHtml } from '../../test/corpus/print';
import type { Budget } from './coreSections';
import type { Table } from './report';
import { median, ms } from './stats';

const PADDING = '<p style="text-indent:2em;">本年度，我局持续加强政务公开标准化规范化建设，完善信息发布审核机制，做好政策解读与回应关切工作，推动政务公开工作提质增效，切实保障人民群众的知情权、参与权、表达权和监督权。</p>';

async function pages(pdf: Uint8Array): Promise<number> {
  const result = await readPdf(pdf, DEFAULT_LIMITS);
  if (!result.ok) throw new Error(`the printed PDF is not read: ${result.problem.kind}`);
  return Math.max(...result.blocks.map((b) => b.place.page ?? 0));
}

/** The own page t3-error-2023 with padding paragraphs under 五, printed to exactly `target` pages. */
async function paddedReport(root: string, target: number): Promise<Uint8Array> {
  const html = readFileSync(path.join(root, 'test', 'corpus', 'own', 't3-error-2023.html'), 'utf8');
  const at = html.indexOf('<p style="text-indent:2em;"><strong>六、');
  let count = 60;
  for (let attempt = 0; attempt < 6; attempt++) {
    const pdf = await printHtml(html.slice(0, at) + PADDING.repeat(count) + html.slice(at));
    const n = await pages(pdf);
    if (n === target) return pdf;
    count = Math.max(1, Math.round(count * (n < target ? (target - 0.5) / n : (target - 0.5) / n)) + (n < target ? 2 : -2));
  }
  throw new Error(`could not print a ${target}-page report`);
}

async function timed(fn: () => Promise<unknown>, runs: number, budgetMs: number): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs && (i < 3 || performance.now() - started < budgetMs); i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

async function readAndCheck(bytes: Uint8Array): Promise<number> {
  const outcome = await readOriginal(bytes);
  if (!outcome?.ok) throw new Error('not read');
  return check(parseDocument(outcome.rendition.text)).length;
}

export async function pdfReading(root: string, budget: Budget): Promise<{ table: Table; tenPages: number }> {
  const rows: string[][] = [];
  const ten = await paddedReport(root, 10);
  // The first read of a file is shown apart (PDF.js is loaded by then: printing counted the pages with it); then warm runs.
  const first = await timed(() => readAndCheck(ten), 1, Number.POSITIVE_INFINITY);
  const warm = await timed(() => readAndCheck(ten), 10, budget(20_000));
  rows.push(['10-page report printed by Chromium, read and checked', `${Math.round(ten.byteLength / 1024)} KB`, '10', ms(first[0]!), ms(median(warm)), `${warm.length}`]);
  const raw = path.join(root, '..', 'shared', 'raw');
  for (const file of readdirSync(raw).filter((f) => f.endsWith('.pdf')).sort()) {
    const bytes = new Uint8Array(readFileSync(path.join(raw, file)));
    const read = await timed(() => readOriginal(bytes), 10, budget(15_000));
    rows.push([`raw/${file}, read`, `${Math.round(bytes.byteLength / 1024)} KB`, String(await pages(bytes)), '', ms(median(read)), `${read.length}`]);
  }
  return {
    table: {
      title: '9. PDFs read (and checked)',
      notes: ['readOriginal (PDF.js text and drawing operators, lines, ruled tables, the tab-grid rendition), then parseDocument + check for the 10-page report; "first" is the first read of that file in the process (PDF.js already loaded: loading it takes about 0.3 s more, once per process); median of the warm runs after it.'],
      head: ['PDF', 'size', 'pages', 'first read', 'median', 'runs'],
      rows,
    },
    tenPages: median(warm),
  };
}
