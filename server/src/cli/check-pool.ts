// `check` on many files uses every core: the files are handed to worker
// threads (worker_threads), a few at a time to each so that a slow PDF does not
// hold up the rest, and what each worker says about a file is delivered in the
// input order, so the output and the messages are those of a run on one thread.
//
// A report's whole model is large to send between threads (a structured clone
// costs a good share of its parse): what the cross-year pass reads of it is cut
// down in the worker (forYears: the compared rows, the same-report key) and
// sent with the file's outcome, so it crosses while the other files are
// checked instead of in a pass of its own at the end.
//
// The worker is the CLI's own bundle entered again (dist/cli.js: main.ts
// serves checks when it is not the main thread), so the package ships no
// second file; from the sources (tsx), check-worker-entry.ts.
// A worker that dies hands its files back to the main thread.

import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { checkFile, type CheckOutcome, type CheckTask, type YearData } from './check-file';

/** Marks a worker started by this pool (main.ts tells a worker from the main thread by it). */
export const CHECK_WORKER = 'gov-report/check-worker';

/** Files handed to one worker before it answers: enough to keep it busy while the answer travels. */
const IN_FLIGHT = 2;

export type WorkerRequest = { kind: 'check'; index: number; task: CheckTask } | { kind: 'years'; indices: number[] };
export type WorkerAnswer = { kind: 'checked'; index: number; outcome: CheckOutcome } | { kind: 'years'; years: [number, YearData][] };

interface Thread {
  worker: Worker;
  /** Files handed over and not answered yet. */
  pending: Set<number>;
  /** Files it checked whose year data it keeps. */
  keeps: Set<number>;
  alive: boolean;
  onYears?: (years: [number, YearData][]) => void;
}

export class CheckPool {
  private readonly threads: Thread[] = [];
  /** Year data of the files checked in this thread (one job, or a failed worker's files). */
  private readonly local = new Map<number, YearData>();
  private tasks: readonly CheckTask[] = [];

  constructor(private readonly jobs: number) {}

  /**
   * Checks every task, calling `deliver` once per task in task order, as soon
   * as it and those before it are done. An outcome's year data is kept apart
   * (yearData hands it out).
   */
  async checkAll(tasks: readonly CheckTask[], deliver: (index: number, outcome: CheckOutcome) => void): Promise<void> {
    this.tasks = tasks;
    let next = 0;
    const done = new Map<number, CheckOutcome>();
    const settle = (index: number, outcome: CheckOutcome) => {
      done.set(index, outcome);
      while (done.has(next)) {
        const ready = done.get(next)!;
        done.delete(next);
        deliver(next++, ready);
      }
    };
    const here = async (index: number) => {
      const { year, ...outcome } = (await checkFile(tasks[index]!)) as CheckOutcome & { year?: YearData };
      if (year) this.local.set(index, year);
      settle(index, outcome as CheckOutcome);
    };

    const count = Math.min(this.jobs, tasks.length);
    if (count <= 1) {
      for (let i = 0; i < tasks.length; i++) await here(i);
      return;
    }
    let handed = 0;
    const orphans: number[] = [];
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve) => {
          const thread: Thread = { worker: new Worker(workerScript(), { workerData: { [CHECK_WORKER]: true } }), pending: new Set(), keeps: new Set(), alive: true };
          this.threads.push(thread);
          const feed = () => {
            while (thread.pending.size < IN_FLIGHT && handed < tasks.length) {
              const index = handed++;
              thread.pending.add(index);
              thread.worker.postMessage({ kind: 'check', index, task: tasks[index]! } satisfies WorkerRequest);
            }
            if (!thread.pending.size) resolve();
          };
          thread.worker.on('message', (answer: WorkerAnswer) => {
            if (answer.kind === 'years') return thread.onYears?.(answer.years);
            thread.pending.delete(answer.index);
            // The year data came with the outcome, as it is made (overlapping the other files' checks).
            const { year, ...outcome } = answer.outcome as CheckOutcome & { year?: YearData };
            if (year) this.local.set(answer.index, year);
            settle(answer.index, outcome as CheckOutcome);
            feed();
          });
          // A worker that fails (a bug, memory): its files are checked here instead, after the others.
          const fail = () => {
            if (!thread.alive) return;
            thread.alive = false;
            orphans.push(...thread.pending, ...thread.keeps);
            thread.pending.clear();
            thread.keeps.clear();
            thread.onYears?.([]);
            resolve();
          };
          thread.worker.on('error', fail);
          thread.worker.on('exit', fail);
          feed();
        }),
      ),
    );
    // Files no worker was given because every worker failed, and the files of failed workers.
    while (handed < tasks.length) orphans.push(handed++);
    for (const index of [...new Set(orphans)].sort((a, b) => a - b)) {
      // A file a failed worker had already answered for is only checked again for its year data.
      if (index < next) {
        const outcome = await checkFile(tasks[index]!);
        if (outcome.kind === 'checked' && outcome.year) this.local.set(index, outcome.year);
      } else await here(index);
    }
  }

  /** The year data of these files (those with an identity), from wherever they were checked. */
  async yearData(indices: readonly number[]): Promise<Map<number, YearData>> {
    const out = new Map<number, YearData>();
    for (const i of indices) if (this.local.has(i)) out.set(i, this.local.get(i)!);
    await Promise.all(
      this.threads.map((thread) => {
        const wanted = indices.filter((i) => thread.keeps.has(i));
        if (!wanted.length || !thread.alive) return undefined;
        return new Promise<void>((resolve) => {
          thread.onYears = (years) => {
            for (const [i, year] of years) out.set(i, year);
            resolve();
          };
          thread.worker.postMessage({ kind: 'years', indices: wanted } satisfies WorkerRequest);
        });
      }),
    );
    // A worker that died since: its files are read again here.
    for (const i of indices) {
      if (out.has(i)) continue;
      const outcome = await checkFile(this.tasks[i]!);
      if (outcome.kind === 'checked' && outcome.year) out.set(i, outcome.year);
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.threads.map((t) => {
        t.alive = false;
        return t.worker.terminate();
      }),
    );
  }
}

/** The bundle itself (dist/cli.js), or from the sources the worker's own entry. */
function workerScript(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, 'check-worker-entry.ts') : __filename;
}
