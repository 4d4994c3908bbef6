// The CLI's worker pool (check-pool.ts) as `check` drives it: files checked on
// several threads, then the cross-year pairs compared where their reports are
// held, last year's lent across when the two years were checked in different
// threads, and run here when a worker died after checking its files.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pairByYear, type ReportIdentity } from '../../../server/src/core/service';
import type { CheckOutcome, CheckTask } from '../../../server/src/cli/check-file';
import { CheckPool, defaultJobs } from '../../../server/src/cli/check-pool';
import type { YearJob } from '../../../server/src/cli/year-keeper';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-pool-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const files = yearSeries().map(({ year, text }) => {
  const file = path.join(dir, `${AGENCY}${year}.txt`);
  writeFileSync(file, text);
  return file;
});
const tasks: CheckTask[] = files.map((file) => ({ path: file, explicit: true, rules: {}, lang: 'zh', review: false, crossYear: true }));

/** Checks the series on `jobs` threads (optionally losing one before the pass) and compares the years. */
async function run(jobs: number, kill?: (pool: CheckPool) => Promise<void>) {
  const pool = new CheckPool(jobs);
  const outcomes: CheckOutcome[] = [];
  try {
    await pool.checkAll(tasks, (index, outcome) => (outcomes[index] = outcome));
    const identities = new Map<number, ReportIdentity>();
    outcomes.forEach((o, i) => o.kind === 'checked' && o.identity && identities.set(i, o.identity));
    const jobsToRun: YearJob[] = [...pairByYear(identities)].map(([index, pair]) => {
      assert.equal(pair.kind, 'previous');
      return { index, kind: 'previous', previous: pair.kind === 'previous' ? pair.previous : -1, year: identities.get(index)!.year };
    });
    await kill?.(pool);
    const { results, errors } = await pool.compare(jobsToRun, 'zh');
    assert.deepEqual(errors, []);
    // Files whose year data ended up in the main thread: read again there, or checked there (one thread).
    const here = [...(pool as unknown as { holders: Map<number, unknown> }).holders.values()].filter((h) => h === 'here').length;
    return { outcomes, found: [...results].sort((a, b) => a[0] - b[0]), here };
  } finally {
    await pool.close();
  }
}

describe('the check pool', () => {
  test('the years compared on one thread, on two and on one thread each (last year lent across): the same findings', async () => {
    const one = await run(1);
    // No year data crosses with an outcome: it stays where the file was checked.
    for (const o of one.outcomes) assert.ok(o.kind === 'checked' && !('year' in o), JSON.stringify(o).slice(0, 200));
    assert.ok(one.found.flatMap(([, d]) => d).some((d) => d.code === 'cross-year.carried' && d.related?.some((r) => r.file)));
    assert.equal(one.here, files.length);
    for (const jobs of [2, 5]) {
      const threads = await run(jobs);
      assert.deepEqual({ ...threads, here: 0 }, { ...one, here: 0 }, `--jobs ${jobs}`);
      // Every pair was compared in a worker (with five threads, every one with last year lent to it).
      assert.equal(threads.here, 0, `--jobs ${jobs}`);
    }
  });

  test('a worker that died after checking its files: its pairs are compared here, its files read again', async () => {
    const one = await run(1);
    const killed = await run(2, async (pool) => {
      const threads = (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
      await threads[0]!.worker.terminate();
    });
    assert.deepEqual(killed.found, one.found);
    assert.ok(killed.here > 0);
  });
});

describe('the default number of threads', () => {
  test('every core but one, and at least one', () => {
    // Two threads on two cores were slower than one (check-pool.ts defaultJobs); eight cores get seven.
    assert.deepEqual([1, 2, 3, 8].map((cores) => defaultJobs(cores)), [1, 1, 2, 7]);
    assert.equal(defaultJobs(), Math.max(1, os.availableParallelism() - 1));
  });
});
