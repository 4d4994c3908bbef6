// Item 12, a folder of mixed formats: 40 reports, ten each as text, a portal
// web page, a Word file typed into the real template and a PDF Chromium printed
// from the page (the test helpers that make them as users do), checked by the
// CLI as a user runs it (`node bin/gov-report.js check --format json <folder>`,
// a new process each run: start, reader loading and file reading included).
// The whole folder, then each format's ten alone: files/s and MB/s.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printAll, printedPdfOf } from '../../test/corpus/print';
import { buildReport, validT3, validT4, type ReportData } from '../../test/helpers/build-report';
import { portalPageBytes, portalPageHtml } from '../../test/helpers/portal-page';
import { wordReport } from '../../test/helpers/word-report';
import type { Budget } from './coreSections';
import type { Table } from './report';
import { median, ms } from './stats';

const PER_FORMAT = 10;
const FORMATS = ['txt', 'html', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** Ten different reports: agencies and years vary, some carry a wrong total (so findings are written too). */
function reports(): ReportData[] {
  return Array.from({ length: PER_FORMAT }, (_, i) => {
    const t3 = validT3();
    if (i % 3 === 0) t3.total = [4, 1, 0, 0, 0, 0, 6];
    const t4 = validT4().map((v, k) => (k === 4 && i % 2 === 0 ? v + 1 : v));
    return { agency: `某某市第${i + 1}局`, year: 2019 + (i % 6), t3, t4 };
  });
}

async function writeFolder(dir: string): Promise<Record<Format, string>> {
  const data = reports();
  await printAll(data.map((d) => portalPageHtml(d)));
  const folders = Object.fromEntries(FORMATS.map((f) => [f, path.join(dir, f)])) as Record<Format, string>;
  for (const f of FORMATS) mkdirSync(folders[f]);
  for (const [i, d] of data.entries()) {
    const name = `${String(i + 1).padStart(2, '0')}_${d.agency}${d.year}年政府信息公开工作年度报告`;
    writeFileSync(path.join(folders.txt, `${name}.txt`), buildReport(d));
    writeFileSync(path.join(folders.html, `${name}.html`), portalPageBytes(d));
    writeFileSync(path.join(folders.docx, `${name}.docx`), wordReport(d));
    writeFileSync(path.join(folders.pdf, `${name}.pdf`), await printedPdfOf(portalPageHtml(d)));
  }
  return folders;
}

const bytesIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? bytesIn(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);

/** One CLI run over the folder: its wall time; throws unless every file was checked in its own format. */
function checkFolder(root: string, folder: string, expected: number): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'gov-report.js'), 'check', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`gov-report check ${folder}: exit ${r.status}: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { file: string; format: string }[];
  const wrong = results.filter((x) => x.format !== ({ txt: 'text' } as Record<string, string>)[path.extname(x.file).slice(1)] && x.format !== path.extname(x.file).slice(1));
  if (results.length !== expected || wrong.length) throw new Error(`gov-report check ${folder}: ${results.length} of ${expected} files checked, ${wrong.length} in another format`);
  return elapsed;
}

export async function mixedFolder(root: string, budget: Budget): Promise<Table> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-bench-mixed-'));
  try {
    const folders = await writeFolder(dir);
    const cases: { label: string; folder: string; files: number }[] = [
      { label: `mixed folder: ${PER_FORMAT} each of .txt, .html, .docx, .pdf`, folder: dir, files: PER_FORMAT * FORMATS.length },
      ...FORMATS.map((f) => ({ label: `${PER_FORMAT} × .${f}`, folder: folders[f], files: PER_FORMAT })),
    ];
    const rows = cases.map(({ label, folder, files }) => {
      const times: number[] = [];
      const started = performance.now();
      for (let i = 0; i < 5 && (i < 2 || performance.now() - started < budget(20_000)); i++) times.push(checkFolder(root, folder, files));
      const t = median(times) / 1000;
      const mb = bytesIn(folder) / 2 ** 20;
      return [label, String(files), `${mb.toFixed(2)} MB`, ms(median(times)), (files / t).toFixed(1), (mb / t).toFixed(2), String(times.length)];
    });
    return {
      title: '12. A folder of mixed formats through the CLI',
      notes: [
        '`node bin/gov-report.js check --format json <folder>`, a new process per run (Node start, loading the readers, reading every file, checking, JSON out); ten different reports (agencies, years, some wrong totals) made in each form by the test helpers: the tab-grid text, the portal page (portal-page.ts), the Word template typed into (word-report.ts), the page printed by Chromium. Median wall time of the runs; files/s and MB/s from it.',
      ],
      head: ['folder', 'files', 'size', 'median', 'files/s', 'MB/s', 'runs'],
      rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
