// Timing helpers for the benchmark: repeated runs after warm-up, medians and
// percentiles, and a time budget so one slow item cannot stretch the whole run.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Samples {
  /** Milliseconds, one per measured run, in run order. */
  times: number[];
  requested: number;
  /** True when the budget ran out before `requested` runs. */
  stoppedByBudget: boolean;
}

export interface RunOptions {
  warmup: number;
  runs: number;
  /** Stop measuring once this much time went by (at least one run is always kept). */
  budgetMs: number;
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs `fn` `warmup` times untimed, then up to `runs` timed runs within the budget. */
export function timeRuns(fn: () => unknown, options: RunOptions): Samples {
  for (let k = 0; k < options.warmup; k++) fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < options.runs) {
    if (times.length > 0 && performance.now() - started > options.budgetMs) break;
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { times, requested: options.runs, stoppedByBudget: times.length < options.runs };
}

/** "12.3 ms", with precision that suits the magnitude. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x < 1) return `${x.toFixed(3)} ms`;
  if (x < 10) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(0)} ms`;
}

export function ratio(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x < 0.1) return x.toPrecision(2);
  return x < 10 ? x.toFixed(2) : x.toFixed(1);
}

export function percent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(x < 0.1 ? 2 : 1)} %` : 'n/a';
}

/** "n = 47 of 50 (time budget reached)" or "n = 50". */
export function sampleCount(s: Pick<Samples, 'times' | 'requested' | 'stoppedByBudget'>): string {
  return s.stoppedByBudget ? `${s.times.length} of ${s.requested} (time budget reached)` : String(s.times.length);
}

/**
 * Round-robin runs of several timers (one run of each per round), so that
 * ratios between them see the same machine load. Each timer returns the
 * milliseconds it measured (so it can prepare its input untimed). Stops after
 * a round once the budget is spent.
 */
export function timeInterleaved(timers: readonly (() => number)[], rounds: number, budgetMs: number): Samples[] {
  const samples: Samples[] = timers.map(() => ({ times: [], requested: rounds, stoppedByBudget: false }));
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    if (r > 0 && performance.now() - started > budgetMs) {
      samples.forEach((s) => (s.stoppedByBudget = true));
      break;
    }
    timers.forEach((timer, k) => samples[k]!.times.push(timer()));
  }
  return samples;
}

let collect: (() => void) | undefined | null = null;

/** Bytes of JS heap in use after a full GC; undefined where GC cannot be forced. */
export function heapAfterGc(): number | undefined {
  if (collect === null) {
    // --expose-gc at run time: the gc function then exists in new contexts.
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = undefined;
    }
  }
  if (!collect) return undefined;
  collect();
  return process.memoryUsage().heapUsed;
}
