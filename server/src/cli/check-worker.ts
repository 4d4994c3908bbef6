// The worker side of check-pool.ts: each file the main thread hands over is
// checked (check-file.ts) and what came of it is posted back with its index.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile, type YearData } from './check-file';
import { CHECK_WORKER, type WorkerAnswer, type WorkerRequest } from './check-pool';

/** True in a thread check-pool.ts started. */
export function isCheckWorker(): boolean {
  return !isMainThread && !!(workerData as Record<string, unknown> | null)?.[CHECK_WORKER];
}

export function serveChecks(): void {
  const port = parentPort!;
  // Year data stays here until the main thread asks for it (check-pool.ts says why).
  const kept = new Map<number, YearData>();
  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'years') {
      const years = request.indices.filter((i) => kept.has(i)).map((i): [number, YearData] => [i, kept.get(i)!]);
      request.indices.forEach((i) => kept.delete(i));
      port.postMessage({ kind: 'years', years } satisfies WorkerAnswer);
      return;
    }
    const { index, task } = request;
    void checkFile(task).then((outcome) => {
      if (outcome.kind === 'checked' && outcome.year) {
        kept.set(index, outcome.year);
        const { year: _kept, ...rest } = outcome;
        port.postMessage({ kind: 'checked', index, outcome: rest } satisfies WorkerAnswer);
      } else port.postMessage({ kind: 'checked', index, outcome } satisfies WorkerAnswer);
    });
  });
}
