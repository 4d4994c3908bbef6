// The worker side of check-pool.ts: each file the main thread hands over is
// checked (check-file.ts) and what came of it is posted back with its index;
// the report's year data stays here, and the cross-year pairs whose reports
// this thread holds are compared here when the main thread asks.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkFile, startBatch } from './check-file';
import { CHECK_WORKER, type WorkerAnswer, type WorkerRequest } from './check-pool';
import { YearKeeper } from './year-keeper';

/** True in a thread check-pool.ts started. */
export function isCheckWorker(): boolean {
  return !isMainThread && !!(workerData as Record<string, unknown> | null)?.[CHECK_WORKER];
}

export function serveChecks(): void {
  const port = parentPort!;
  startBatch();
  const keeper = new YearKeeper();
  const answer = (a: WorkerAnswer) => port.postMessage(a);
  port.on('message', (request: WorkerRequest) => {
    switch (request.kind) {
      case 'check':
        void checkFile(request.task).then((outcome) => answer({ kind: 'checked', index: request.index, outcome: keeper.keepFrom(request.index, request.task, outcome) }));
        return;
      case 'lend':
        return answer({ kind: 'lent', id: request.id, years: keeper.lend(request.indices) });
      case 'same':
        void keeper.sameKeys(request.indices).then((keys) => answer({ kind: 'same', id: request.id, keys }));
        return;
      case 'compare':
        try {
          return answer({ kind: 'compared', id: request.id, results: keeper.compare(request.jobs, request.lang, request.lent) });
        } catch (error) {
          // A core bug in the pass: told once by the main thread; the files' own findings stand.
          return answer({ kind: 'compared', id: request.id, results: [], error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        }
    }
  });
}
