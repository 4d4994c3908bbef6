// The benchmark of issue 5, in one run: prints every table and writes
// BENCHMARKS.md at the repo root (overwritten). Run: npm run bench
// (= npm run build && node --import tsx scripts/bench/run.ts). Each item has a
// time budget so the run stays within about five minutes while the core is
// slow; `--full` lifts the budgets and takes every requested sample.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/core/service';
import { baselines, fixtures, KEYSTROKE_WARMUP, largeReport, scaling, typingInProcess, typingTable, type Budget } from './coreSections';
import { generateLargeReport } from './generate';
import { corpus, crawled, seeds } from './inputs';
import { crossYearFolder } from './crossYearSection';
import { mixedFolder } from './mixedFolderSection';
import { pdfReading } from './pdfSection';
import { throughput } from './throughputSection';
import { everyAnswerAfterKeystroke, keystrokeToDiagnostics, liveServers, manyFindings, serverMemory } from './protocolSections';
import { atLeast, atMost, renderDocument, renderTable, targetsTable, type Table, type Target } from './report';
import { median, ms, percent, ratio } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const OUTPUT = path.join(ROOT, 'BENCHMARKS.md');
const FULL = process.argv.includes('--full');
const budget: Budget = (limit) => (FULL ? Number.POSITIVE_INFINITY : limit);
const WATCHDOG_MS = 20 * 60_000;

const tables: Table[] = [];
const notes: string[] = [];

// Never leave a server behind, however the run ends.
process.on('exit', () => liveServers.forEach((s) => s.child.kill()));
process.on('SIGINT', () => process.exit(130));
setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  process.exit(2);
}, WATCHDOG_MS).unref();

function show(table: Table): void {
  tables.push(table);
  console.log(renderTable(table));
}

/** Runs one item; a failure is noted in the output instead of ending the run. */
async function item<T>(title: string, run: () => T | Promise<T>): Promise<T | undefined> {
  const t0 = performance.now();
  console.error(`bench: ${title}…`);
  try {
    const result = await run();
    console.error(`bench: ${title} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    notes.push(`**${title} failed:** ${message}`);
    console.error(`bench: ${title} FAILED: ${message}`);
    return undefined;
  }
}

function machine(): string {
  let nproc: string;
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    nproc = `${os.availableParallelism()} (os.availableParallelism)`;
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `nproc = ${nproc}; ${cpu}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; ${os.platform()} ${os.release()} ${os.arch()}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0]!;
  const text = generateLargeReport(1_000_000);
  const seedTexts = seeds(ROOT);
  const typingSeed = seedTexts.find((s) => s.name.startsWith('001_')) ?? seedTexts[0]!;
  const fixtureTexts = [...seedTexts.map((s) => ({ kind: 'seed', ...s })), ...corpus(ROOT).map((s) => ({ kind: 'corpus', ...s })), ...crawled(ROOT).map((s) => ({ kind: 'crawled', ...s }))];

  const fixtureTable = await item('1. seeds and corpus', () => fixtures(fixtureTexts, budget));
  if (fixtureTable) show(fixtureTable);

  const large = await item('2. generated report', () => largeReport(text, budget));
  if (large) show(large.table);
  const full = large?.median ?? Number.NaN;
  const cold = large?.cold ?? Number.NaN;

  // Each typing run starts from its own parse (a fresh one, not the caches another run warmed up in its model).
  const typed = await item('3. one-character edits', () => [
    typingInProcess(parseDocument(text), 'cell', 300, budget(60_000), KEYSTROKE_WARMUP),
    typingInProcess(parseDocument(text), 'prose', 300, budget(60_000), KEYSTROKE_WARMUP),
    // No target: shown so that the cost of an edit that changes the structure is on the record.
    typingInProcess(parseDocument(text), 'line-break', 30, budget(30_000)),
  ]);
  if (typed) show(typingTable(typed, { warm: full, cold }));

  const base = await item('4. baselines', () => baselines(text, { warm: full, cold }, large?.bare, budget));
  if (base) show(base.table);

  const latency = await item('5. keystroke to diagnostics over the protocol', () =>
    keystrokeToDiagnostics(
      [
        { label: 'generated report (2)', text, budgetMs: budget(75_000) },
        { label: `seed ${typingSeed.name}`, text: typingSeed.text, budgetMs: budget(30_000) },
        // The same seed over standard streams, as most editors other than VS Code start a server.
        { label: `seed ${typingSeed.name}`, text: typingSeed.text, budgetMs: budget(15_000), transport: 'stdio' },
      ],
      200,
    ),
  );
  if (latency) show(latency.table);

  const memory = await item('6. server memory', () => serverMemory(seedTexts, 100));
  if (memory) show(memory.table);

  const scaled = await item('7. scaling and pathological inputs', () => scaling(budget));
  if (scaled) show(scaled.table);

  const many = await item('8. many findings', () =>
    manyFindings(
      [
        { label: 'draft, every paragraph’s sum off', text: generateLargeReport(1_000_000, { wrongSums: true }), budgetMs: budget(60_000) },
        { label: 'generated report (2), no such findings', text, budgetMs: budget(30_000) },
      ],
      100,
    ),
  );
  if (many) show(many.table);

  const pdf = await item('9. PDFs read', () => pdfReading(ROOT, budget));
  if (pdf) show(pdf.table);

  const years = await item('10. year against year', () => crossYearFolder(ROOT, budget));
  if (years) show(years.table);

  const through = await item('11. throughput', () => throughput(ROOT, budget));
  if (through) show(through.table);

  const mixed = await item('12. a folder of mixed formats', () => mixedFolder(ROOT, budget));
  if (mixed) show(mixed);

  const answers = await item('13. every answer after a keystroke', () =>
    everyAnswerAfterKeystroke(
      [
        { label: 'generated report (2)', text, budgetMs: budget(75_000) },
        { label: 'generated report (2)', text, budgetMs: budget(20_000), outlineOnly: true },
        { label: `seed ${typingSeed.name}`, text: typingSeed.text, budgetMs: budget(30_000) },
        // The same seed over standard streams, as most editors other than VS Code start a server.
        { label: `seed ${typingSeed.name}`, text: typingSeed.text, budgetMs: budget(15_000), transport: 'stdio' },
        // Every sub-item in the outline (the bound raised): what the default bound saves each keystroke.
        { label: 'generated report (2), every sub-item in the outline (govReport.outline.maxSubItems: 100000)', text, budgetMs: budget(20_000), settings: { outline: { maxSubItems: 100_000 } } },
      ],
      200,
    ),
  );
  if (answers) show(answers.table);

  const times = (x: number): string => (Number.isFinite(x) ? `${ratio(x)}×` : 'n/a');
  const typingOf = (kind: 'cell' | 'prose'): number => median(typed?.find((r) => r.kind === kind)?.samples.times ?? []) / full;
  const targets: Target[] = [
    atMost('(2) against the bare pass: (2) / bare', full / (base?.bare ?? Number.NaN), 10, times),
    atMost('(2) cold against the bare pass: (2) cold / bare', cold / (base?.bare ?? Number.NaN), 10, times),
    // Issue 14's own terms for opening a new report: within 20× the bare pass, and within 3× the warm check.
    atMost('(2) cold against the bare pass, issue 14: (2) cold / bare', cold / (base?.bare ?? Number.NaN), 20, times),
    atMost('(2) cold against (2) warm, issue 14: (2) cold / (2)', cold / full, 3, times),
    atLeast('markdownlint against (2): markdownlint / (2)', (base?.markdownlint ?? Number.NaN) / full, 30, times),
    atLeast('markdownlint against (2) cold: markdownlint / (2) cold', (base?.markdownlint ?? Number.NaN) / cold, 30, times),
    atMost('(3) table-cell edit against (2): (3) / (2)', typingOf('cell'), 0.02, percent),
    atMost('(3) prose edit against (2): (3) / (2)', typingOf('prose'), 0.02, percent),
    atMost('(5) keystroke to diagnostics, generated report, median', latency?.medians[0] ?? Number.NaN, 16, ms, true),
    atMost('(5) keystroke to diagnostics, seed, median', latency?.medians[1] ?? Number.NaN, 5, ms, true),
    atMost('(6) server RSS, 100 seed-size reports open', memory?.rssMb ?? Number.NaN, 150, (x) => `${x.toFixed(1)} MB`, true),
    atMost('(7) generated report 2M / 1M', scaled?.doubling ?? Number.NaN, 2.2, times),
    ...(scaled?.pathological ?? []).map((p) => atMost(`(7) ${p.name}: full / half`, p.ratio, 2.5, times)),
    atMost('(8) many findings: keystroke to diagnostics, median', many?.medians[0] ?? Number.NaN, 30, ms),
    // The server's share of "problems shown ≤ 3 s after opening" (issue 19); the editor adds its own.
    atMost('(8) many findings: open to first diagnostics', many?.opens[0] ?? Number.NaN, 3000, ms),
    atMost('(9) a 10-page PDF read and checked, median', pdf?.tenPages ?? Number.NaN, 1000, ms, true),
    atMost('(10) 1,000 reports with the cross-year checks / without', years?.ratio ?? Number.NaN, 1.1, times),
    atMost('(11) 2,000 reports by the CLI (its default threads) against the bare pass (read + split + regex)', through?.againstBare ?? Number.NaN, 10, times),
    atMost('(13) every answer after a keystroke, generated report, median', answers?.medians[0] ?? Number.NaN, 16, ms, true),
    atMost('(13) every answer after a keystroke, generated report, p95', answers?.p95s[0] ?? Number.NaN, 40, ms, true),
    atMost('(13) every answer after a keystroke, seed, median', answers?.medians[2] ?? Number.NaN, 3, ms, true),
  ];
  notes.push(
    'Targets: (2) is the same text checked again after warm-up, as specified; the core caches per-paragraph work by text, so the cold figure (a text whose paragraphs the process has not seen, as when a report is opened) is shown against the same targets too, and against issue 14’s own (within 20× the bare pass and 3× the warm check). (2) within 10× of the bare pass; (2) at least 30× faster than markdownlint; an edit (3) at most 2 % of a full check (2); keystroke to diagnostics under 16 ms in the generated report and under 5 ms in a seed; server RSS under 150 MB; every answer after a keystroke (13: diagnostics, symbols, folding and code actions asked together, issue 14) under 16 ms median and 40 ms p95 in the generated report and under 3 ms median in a seed; with thousands of findings (8), keystroke to diagnostics at most 30 ms median and the first diagnostics within 3 s of opening (issue 19; its 1.5× ratio to the same report without findings is a target in the real editor, where VS Code’s own work is in both); doubling the input at most about doubles the time (≤ 2.2 for the generated report, ≤ 2.5 for the pathological inputs, whose times are small and noisier; 4 would be quadratic).',
    FULL ? 'Run with --full: no time budgets.' : 'Each item has a time budget (so the run stays near five minutes); where it ran out, the sample count says so ("n of N"). `npm run bench -- --full` takes every requested sample.',
  );
  const total = (performance.now() - started) / 1000;
  const loadAfter = os.loadavg()[0]!;
  const cores = os.availableParallelism();
  const busy = Math.max(loadBefore, loadAfter) > cores;
  notes.push(`The run took ${total.toFixed(0)} s. Load average (1 min) at the start ${loadBefore.toFixed(2)}, at the end ${loadAfter.toFixed(2)}, on ${cores} CPUs${busy ? ': other processes competed for the CPU, so times are inflated and noisy (p95 especially); compare ratios measured side by side rather than absolute times.' : '.'}`);
  console.log(renderTable(targetsTable(targets)));
  const command = process.env['npm_lifecycle_event'] === 'bench' ? `npm run bench${process.argv.length > 2 ? ' --' : ''}${process.argv.slice(2).map((a) => ` ${a}`).join('')} (npm run build && node --import tsx scripts/bench/run.ts)` : `node --import tsx scripts/bench/run.ts${process.argv.slice(2).map((a) => ` ${a}`).join('')}`;
  const header = { command, date: new Date().toISOString(), node: process.version, machine: machine() };
  writeFileSync(OUTPUT, renderDocument(header, targets, tables, notes));
  console.error(`bench: wrote ${path.relative(process.cwd(), OUTPUT)} (${total.toFixed(0)} s)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
