// Item 11, throughput (issue 16): 2,000 distinct reports (throughputReports.ts,
// about 22 MB) checked as a reviewer checks them: the CLI on the folder
// (`node dist/cli.js check --quiet --format json -o /dev/null DIR`, process
// start, workers and the cross-year pass included), with its default number of
// threads (every core but one), on every core and on one (--jobs 1); against a bare pass over the same files in one thread (read
// each, split into lines, one regular expression a line) and markdownlint
// (`lint({ strings })`, default rules, one thread, on a share of the files).
// Alone: node --import tsx scripts/bench/throughputSection.ts [count] (after npm run build).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { defaultJobs } from '../../server/src/cli/check-pool';
import * as path from 'node:path';
import { lint } from 'markdownlint/sync';
import type { Budget } from './coreSections';
import { barePass } from './inputs';
import { renderTable, type Table } from './report';
import { median, ms, ratio } from './stats';
import { throughputReports } from './throughputReports';

export interface ThroughputResult {
  table: Table;
  /** The CLI as it runs by default (every core but one): its time over the bare pass's. */
  againstBare: number;
  cliMbPerSecond: number;
  markdownlintMbPerSecond: number;
}

const MB = 1024 * 1024;
/** Files markdownlint is timed on: it is slow, and its rate does not depend on how many. */
const MARKDOWNLINT_FILES = 200;

export function throughput(root: string, budget: Budget, count = 2000): ThroughputResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-throughput-'));
  try {
    let bytes = 0;
    for (const r of throughputReports(count)) {
      writeFileSync(path.join(dir, r.name), r.text);
      bytes += Buffer.byteLength(r.text);
    }
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    const mb = bytes / MB;

    const bare = timed(() => {
      let headings = 0;
      for (const file of files) headings += barePass(readFileSync(file, 'utf8'));
      return headings;
    }, 5, budget(20_000));

    const cli = (jobs: string[]) => () => {
      const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--quiet', '--format', 'json', '-o', '/dev/null', ...jobs, dir], { encoding: 'utf8' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`gov-report check exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      return r.status;
    };
    const cores = availableParallelism();
    const byDefault = timed(cli([]), 3, budget(90_000));
    const all = timed(cli(['--jobs', String(cores)]), 2, budget(60_000));
    const one = timed(cli(['--jobs', '1']), 2, budget(60_000));

    const share = files.slice(0, MARKDOWNLINT_FILES);
    const shareMb = share.reduce((n, f) => n + readFileSync(f).length, 0) / MB;
    lint({ strings: { warm: readFileSync(share[0]!, 'utf8') } });
    const mdl = timed(() => {
      const strings: Record<string, string> = {};
      for (const file of share) strings[file] = readFileSync(file, 'utf8');
      return Object.keys(lint({ strings })).length;
    }, 2, budget(60_000));

    const rate = (megabytes: number, t: number) => megabytes / (t / 1000);
    const row = (what: string, n: number, size: number, times: number[], against: string) => [what, String(n), `${size.toFixed(1)} MB`, ms(median(times)), `${rate(size, median(times)).toFixed(1)} MB/s`, against, String(times.length)];
    const bareMedian = median(bare);
    const threads = defaultJobs(cores);
    return {
      againstBare: median(byDefault) / bareMedian,
      cliMbPerSecond: rate(mb, median(byDefault)),
      markdownlintMbPerSecond: rate(shareMb, median(mdl)),
      table: {
        title: `11. Throughput: ${count} distinct reports checked by the CLI`,
        notes: [
          `${count} generated reports (scripts/bench/throughputReports.ts: every layout, agencies and years of their own, figures drawn at random that add up, one in ten with a wrong 表三 total), ${mb.toFixed(1)} MB on disk, in one folder.`,
          `gov-report: \`node dist/cli.js check --quiet --format json -o /dev/null DIR\` as a process, timed from start to exit (process start, worker threads, the cross-year pass and the JSON written included). By default it checks on every core but one, at least one thread (check-pool.ts defaultJobs: ${threads} here, where os.availableParallelism() = ${cores}); every core is --jobs ${cores}, one core is --jobs 1.`,
          'Bare pass: in this process, one thread, each file read (UTF-8) and split into lines, one heading-like regular expression a line.',
          `markdownlint: \`lint({ strings })\` from 'markdownlint/sync', default rules, one thread, on the first ${share.length} files (files read included).`,
        ],
        head: ['Pass', 'Files', 'Size', 'Median', 'Rate', 'Against the bare pass', 'Runs'],
        rows: [
          row('bare pass (read + split + regex)', files.length, mb, bare, '1×'),
          row(`gov-report check, by default (${threads} ${threads === 1 ? 'thread' : 'threads'})`, files.length, mb, byDefault, `${ratio(median(byDefault) / bareMedian)}×`),
          row(`gov-report check, every core (--jobs ${cores})`, files.length, mb, all, `${ratio(median(all) / bareMedian)}×`),
          row('gov-report check, one core (--jobs 1)', files.length, mb, one, `${ratio(median(one) / bareMedian)}×`),
          row('markdownlint', share.length, shareMb, mdl, `${ratio(rate(mb, bareMedian) / rate(shareMb, median(mdl)))}× (by rate)`),
        ],
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall times of `runs` runs after one warm-up, cut short by the budget (one run is always kept). */
function timed(fn: () => unknown, runs: number, budgetMs: number): number[] {
  fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < runs && (times.length === 0 || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const result = throughput(root, (x) => x, Number(process.argv[2] ?? 2000));
  console.log(renderTable(result.table));
  console.log(`gov-report ${result.cliMbPerSecond.toFixed(1)} MB/s, ${ratio(result.againstBare)}× the bare pass; markdownlint ${result.markdownlintMbPerSecond.toFixed(1)} MB/s`);
}
