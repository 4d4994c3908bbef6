// `check` on many files spreads them over worker threads (worker_threads; how
// many: defaultJobs, or --jobs) and what each worker says about a file is delivered
// in the input order, so the output and the messages are those of a run on one
// thread.
//
// Each thread takes the files of its own stretch of the walk, a few at a time
// so that a slow PDF does not hold up the rest; a thread whose stretch is done
// takes files from the end of the longest stretch left. A stretch keeps an
// agency's years together (a walk meets them side by side), and the cross-year
// pass compares each pair in the thread that checked it (year-keeper.ts): only
// a pair split between two threads sends a report's compared rows across.
//
// The worker is the CLI's own bundle entered again (dist/cli.js: main.ts
// serves checks when it is not the main thread), so the package ships no
// second file; from the sources (tsx), check-worker-entry.ts through tsx's require hook.
// A worker that dies hands its files back to the main thread.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Lang } from '../core/service';
import { checkFile, type CheckOutcome, type CheckTask } from './check-file';
import type { ReportedDiagnostic } from './format';
import { YearKeeper, type KeptYear, type YearJob } from './year-keeper';

/** Marks a worker started by this pool (main.ts tells a worker from the main thread by it). */
export const CHECK_WORKER = 'gov-report/check-worker';

/**
 * Threads `check` runs on when --jobs is not given: every core but one, and at least one (as Jest's
 * default). A thread is not the only user of its core: V8 collects garbage on helper threads, and the
 * main thread reads, orders and writes. On a machine with two cores, two threads checked the
 * benchmark's 2,000 reports in 2.59–2.66 s against one thread's 2.20–2.24 s (4.3 against 3.0 s of CPU:
 * each thread compiles its own code and fills its own caches).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/** Files handed to one worker before it answers: enough to keep it busy while the answer travels. */
const IN_FLIGHT = 2;

export type WorkerRequest =
  | { kind: 'check'; index: number; task: CheckTask }
  /** The year data of these files, for a pair compared in another thread. */
  | { kind: 'lend'; id: number; indices: number[] }
  /** The same-report keys of these files (year-keeper.ts sameKeys). */
  | { kind: 'same'; id: number; indices: number[] }
  | { kind: 'compare'; id: number; jobs: YearJob[]; lent: [number, KeptYear][]; lang: Lang };

export type WorkerAnswer =
  | { kind: 'checked'; index: number; outcome: CheckOutcome }
  | { kind: 'lent'; id: number; years: [number, KeptYear][] }
  | { kind: 'same'; id: number; keys: [number, string | undefined][] }
  | { kind: 'compared'; id: number; results: [number, ReportedDiagnostic[]][]; error?: string };

type Asked = Extract<WorkerRequest, { id: number }>;
/** The answer's kind to each question's. */
interface AnswerTo {
  lend: 'lent';
  same: 'same';
  compare: 'compared';
}

interface Thread {
  worker: Worker;
  /** Files handed over and not answered yet. */
  pending: Set<number>;
  /** Files it checked whose year data it keeps. */
  keeps: Set<number>;
  alive: boolean;
  /** Questions asked (lend, compare) and not answered, by id; answered undefined if the worker dies. */
  waiting: Map<number, (answer: WorkerAnswer | undefined) => void>;
}

/** Where a file's year data is: a worker, or this thread. */
type Holder = Thread | 'here';

/** A stretch of the walk's files not handed out yet: [next, end). */
interface Stretch {
  next: number;
  end: number;
}

export interface Compared {
  /** Each report's cross-year findings, by the index of its file. */
  readonly results: Map<number, ReportedDiagnostic[]>;
  /** What went wrong in a thread while comparing (an internal error, told once). */
  readonly errors: string[];
}

export class CheckPool {
  private readonly threads: Thread[] = [];
  /** Year data of the files checked in this thread (one job, or a failed worker's files). */
  private readonly keeper = new YearKeeper();
  private readonly holders = new Map<number, Holder>();
  private tasks: readonly CheckTask[] = [];
  private asked = 0;

  constructor(private readonly jobs: number) {}

  /**
   * Checks every task, calling `deliver` once per task in task order, as soon
   * as it and those before it are done, and `progressed` as each is done.
   * An outcome's year data stays where the file was checked (compare reads it).
   */
  async checkAll(tasks: readonly CheckTask[], deliver: (index: number, outcome: CheckOutcome) => void, progressed: () => void = () => undefined): Promise<void> {
    this.tasks = tasks;
    let next = 0;
    const done = new Map<number, CheckOutcome>();
    const answered = new Set<number>();
    const settle = (index: number, outcome: CheckOutcome) => {
      answered.add(index);
      done.set(index, outcome);
      progressed();
      while (done.has(next)) {
        const ready = done.get(next)!;
        done.delete(next);
        deliver(next++, ready);
      }
    };
    const here = async (index: number) => settle(index, await this.checkHere(index));

    const count = Math.min(this.jobs, tasks.length);
    if (count <= 1) {
      for (let i = 0; i < tasks.length; i++) await here(i);
      return;
    }
    const stretches = split(tasks.length, count);
    const orphans: number[] = [];
    await Promise.all(
      stretches.map(
        (own) =>
          new Promise<void>((resolve) => {
            const thread: Thread = { worker: startWorker(), pending: new Set(), keeps: new Set(), alive: true, waiting: new Map() };
            this.threads.push(thread);
            const feed = () => {
              while (thread.alive && thread.pending.size < IN_FLIGHT) {
                const index = take(own, stretches);
                if (index === undefined) break;
                thread.pending.add(index);
                thread.worker.postMessage({ kind: 'check', index, task: tasks[index]! } satisfies WorkerRequest);
              }
              if (!thread.pending.size) resolve();
            };
            thread.worker.on('message', (answer: WorkerAnswer) => {
              if (answer.kind !== 'checked') return this.answer(thread, answer);
              thread.pending.delete(answer.index);
              if (answer.outcome.kind === 'checked' && answer.outcome.identity) {
                thread.keeps.add(answer.index);
                this.holders.set(answer.index, thread);
              }
              settle(answer.index, answer.outcome);
              feed();
            });
            // A worker that fails (a bug, memory): its files are checked here instead, after the others.
            const fail = () => {
              if (!thread.alive) return;
              thread.alive = false;
              orphans.push(...thread.pending, ...thread.keeps);
              thread.pending.clear();
              thread.keeps.clear();
              for (const wait of thread.waiting.values()) wait(undefined);
              thread.waiting.clear();
              resolve();
            };
            thread.worker.on('error', fail);
            thread.worker.on('exit', fail);
            feed();
          }),
      ),
    );
    // Files no worker was given because every worker failed, and the files of failed workers.
    for (const s of stretches) while (s.next < s.end) orphans.push(s.next++);
    for (const index of [...new Set(orphans)].sort((a, b) => a - b)) {
      // A file a failed worker had already answered for is only checked again for its year data.
      if (answered.has(index)) await this.checkHere(index);
      else await here(index);
    }
  }

  /**
   * Runs the cross-year jobs where their reports are: each in the thread that holds this year's report, last
   * year's lent to it when another thread holds that. Jobs a dying worker took with it are run here, their
   * files read again.
   */
  async compare(jobs: readonly YearJob[], lang: Lang): Promise<Compared> {
    const results = new Map<number, ReportedDiagnostic[]>();
    const errors: string[] = [];
    const left = await this.compareWhereHeld(jobs, lang, results, errors);
    if (left.length) {
      for (const index of new Set(left.flatMap(reads))) if (this.holders.get(index) !== 'here') await this.checkHere(index);
      this.compareHere(left, lang, [], results, errors);
    }
    return { results, errors };
  }

  /** The same-report keys of these files, made where each is held (read again here when its worker died). */
  async sameKeys(indices: readonly number[]): Promise<Map<number, string | undefined>> {
    const keys = new Map<number, string | undefined>();
    const left: number[] = [];
    await Promise.all(
      [...groupBy(indices, (index) => this.holders.get(index))].map(async ([holder, wanted]) => {
        if (holder === undefined || holder === 'here') return void left.push(...wanted);
        const answer = await this.ask(holder, { kind: 'same', id: 0, indices: wanted });
        if (!answer) return void left.push(...wanted);
        for (const [i, key] of answer.keys) keys.set(i, key);
      }),
    );
    for (const index of left) if (this.holders.get(index) !== 'here' && this.holders.has(index)) await this.checkHere(index);
    for (const [i, key] of await this.keeper.sameKeys(left)) keys.set(i, key);
    return keys;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.threads.map((t) => {
        t.alive = false;
        return t.worker.terminate();
      }),
    );
  }

  /** Checks a file in this thread, keeping its year data here. */
  private async checkHere(index: number): Promise<CheckOutcome> {
    const task = this.tasks[index]!;
    const outcome = this.keeper.keepFrom(index, task, await checkFile(task));
    if (this.keeper.has(index)) this.holders.set(index, 'here');
    return outcome;
  }

  /** The jobs it could not run (a thread that held a report died). */
  private async compareWhereHeld(jobs: readonly YearJob[], lang: Lang, results: Map<number, ReportedDiagnostic[]>, errors: string[]): Promise<YearJob[]> {
    const live = (h: Holder | undefined): h is Holder => h === 'here' || (h !== undefined && h.alive);
    const left: YearJob[] = [];
    const byHolder = new Map<Holder, { jobs: YearJob[]; borrow: number[] }>();
    for (const job of jobs) {
      const holder = this.holders.get(job.index);
      const other = job.kind === 'previous' ? this.holders.get(job.previous) : holder;
      if (!live(holder) || !live(other)) {
        left.push(job);
        continue;
      }
      const group = byHolder.get(holder) ?? { jobs: [], borrow: [] };
      byHolder.set(holder, group);
      group.jobs.push(job);
      if (job.kind === 'previous' && other !== holder) group.borrow.push(job.previous);
    }
    // What each thread must be lent, asked of the threads that hold it.
    const toLend = new Set([...byHolder.values()].flatMap((g) => g.borrow));
    const lent = new Map<number, KeptYear>();
    await Promise.all(
      [...groupBy(toLend, (index) => this.holders.get(index)!)].map(async ([from, indices]) => {
        const years = from === 'here' ? this.keeper.lend(indices) : (await this.ask(from, { kind: 'lend', id: 0, indices }))?.years;
        for (const [i, year] of years ?? []) lent.set(i, year);
      }),
    );
    await Promise.all(
      [...byHolder].map(async ([holder, group]) => {
        const borrowed = new Set(group.borrow);
        const runs = (j: YearJob) => j.kind !== 'previous' || !borrowed.has(j.previous) || lent.has(j.previous);
        const runnable = group.jobs.filter(runs);
        for (const j of group.jobs) if (!runs(j)) left.push(j);
        const loan = [...borrowed].flatMap((i) => (lent.has(i) ? [[i, lent.get(i)!] as [number, KeptYear]] : []));
        if (holder === 'here') return this.compareHere(runnable, lang, loan, results, errors);
        const answer = await this.ask(holder, { kind: 'compare', id: 0, jobs: runnable, lent: loan, lang });
        if (!answer) return void left.push(...runnable);
        if (answer.error) errors.push(answer.error);
        for (const [i, found] of answer.results) results.set(i, found);
      }),
    );
    return left;
  }

  private compareHere(jobs: readonly YearJob[], lang: Lang, lent: [number, KeptYear][], results: Map<number, ReportedDiagnostic[]>, errors: string[]): void {
    try {
      for (const [i, found] of this.keeper.compare(jobs, lang, lent)) results.set(i, found);
    } catch (error) {
      errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }

  private ask<K extends Asked['kind']>(thread: Thread, request: Extract<Asked, { kind: K }>): Promise<Extract<WorkerAnswer, { kind: AnswerTo[K] }> | undefined> {
    if (!thread.alive) return Promise.resolve(undefined);
    const id = ++this.asked;
    return new Promise((resolve) => {
      thread.waiting.set(id, resolve as (answer: WorkerAnswer | undefined) => void);
      thread.worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  private answer(thread: Thread, answer: Exclude<WorkerAnswer, { kind: 'checked' }>): void {
    const wait = thread.waiting.get(answer.id);
    thread.waiting.delete(answer.id);
    wait?.(answer);
  }
}

/** The items by their key, in the order met. */
function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The files a job reads. */
function reads(job: YearJob): number[] {
  return job.kind === 'previous' ? [job.index, job.previous] : [job.index];
}

/** `count` stretches of about equal length, in order. */
function split(total: number, count: number): Stretch[] {
  return Array.from({ length: count }, (_, k) => ({ next: Math.floor((total * k) / count), end: Math.floor((total * (k + 1)) / count) }));
}

/** The next file of a thread's own stretch, or else the last of the longest stretch left. */
function take(own: Stretch, stretches: readonly Stretch[]): number | undefined {
  if (own.next < own.end) return own.next++;
  let longest: Stretch | undefined;
  for (const s of stretches) if (s.end - s.next > (longest ? longest.end - longest.next : 0)) longest = s;
  return longest ? --longest.end : undefined;
}

/** A worker running the bundle itself (dist/cli.js), or from the sources the worker's own entry. */
function startWorker(): Worker {
  const workerData = { [CHECK_WORKER]: true };
  if (!__filename.endsWith('.ts')) return new Worker(__filename, { workerData });
  // A worker does not inherit the main thread's `--import tsx` hooks (Node 20): it registers tsx's require hook itself.
  const entry = path.join(__dirname, 'check-worker-entry.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
