// `check` on many files uses every core: the files are handed to worker
// threads (worker_threads), a few at a time to each so that a slow PDF does not
// hold up the rest, and what each worker says about a file is delivered in the
// input order, so the output and the messages are those of a run on one thread.
//
// The worker is the CLI's own bundle entered again (dist/cli.js: main.ts
// serves checks when it is not the main thread), so the package ships no
// second file; from the sources (tsx), check-worker-entry.ts.
// A worker that dies hands its files back to the main thread.

import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { checkFile, type CheckOutcome, type CheckTask } from './check-file';

/** Marks a worker started by this pool (main.ts tells a worker from the main thread by it). */
export const CHECK_WORKER = 'gov-report/check-worker';

/** Files handed to one worker before it answers: enough to keep it busy while the answer travels. */
const IN_FLIGHT = 2;

export interface WorkerRequest {
  index: number;
  task: CheckTask;
}

export interface WorkerAnswer {
  index: number;
  outcome: CheckOutcome;
}

/**
 * Checks every task on `jobs` threads (1: in this thread), calling `deliver`
 * once per task in task order, as soon as it and those before it are done.
 */
export async function checkAll(tasks: readonly CheckTask[], jobs: number, deliver: (index: number, outcome: CheckOutcome) => void): Promise<void> {
  let next = 0;
  const done = new Map<number, CheckOutcome>();
  const settle = (index: number, outcome: CheckOutcome) => {
    done.set(index, outcome);
    while (done.has(next)) {
      const outcome = done.get(next)!;
      done.delete(next);
      deliver(next++, outcome);
    }
  };

  const threads = Math.min(jobs, tasks.length);
  if (threads <= 1) {
    for (let i = 0; i < tasks.length; i++) settle(i, await checkFile(tasks[i]!));
    return;
  }

  let handed = 0;
  const orphans: number[] = [];
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(workerScript(), { workerData: { [CHECK_WORKER]: true } });
        const pending = new Set<number>();
        const feed = () => {
          while (pending.size < IN_FLIGHT && handed < tasks.length) {
            const index = handed++;
            pending.add(index);
            worker.postMessage({ index, task: tasks[index]! } satisfies WorkerRequest);
          }
          if (!pending.size) void worker.terminate().then(() => resolve());
        };
        worker.on('message', ({ index, outcome }: WorkerAnswer) => {
          pending.delete(index);
          settle(index, outcome);
          feed();
        });
        // A worker that fails (a bug, memory): its files are checked here instead, after the others.
        const fail = () => {
          orphans.push(...pending);
          pending.clear();
          resolve();
        };
        worker.on('error', fail);
        worker.on('exit', () => (pending.size ? fail() : resolve()));
        feed();
      }),
    ),
  );
  // Files no worker was given because every worker failed, and the files of failed workers.
  while (handed < tasks.length) orphans.push(handed++);
  for (const index of orphans.sort((a, b) => a - b)) settle(index, await checkFile(tasks[index]!));
}

/** The bundle itself (dist/cli.js), or from the sources the worker's own entry. */
function workerScript(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, 'check-worker-entry.ts') : __filename;
}
