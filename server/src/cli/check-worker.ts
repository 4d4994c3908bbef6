// The worker side of check-pool.ts: each file the main thread hands over is
// checked (check-file.ts) and what came of it is posted back with its index.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './check-file';
import { CHECK_WORKER, type WorkerAnswer, type WorkerRequest } from './check-pool';

/** True in a thread check-pool.ts started. */
export function isCheckWorker(): boolean {
  return !isMainThread && !!(workerData as Record<string, unknown> | null)?.[CHECK_WORKER];
}

export function serveChecks(): void {
  const port = parentPort!;
  port.on('message', (request: WorkerRequest) => {
    // Year data now crosses with each outcome (it is small: forYears); nothing stays here to be asked for.
    if (request.kind === 'years') return port.postMessage({ kind: 'years', years: [] } satisfies WorkerAnswer);
    const { index, task } = request;
    void checkFile(task).then((outcome) => port.postMessage({ kind: 'checked', index, outcome } satisfies WorkerAnswer));
  });
}
