// The progress line of a long `check` (many files, PDFs): files done of the
// total and the time left, rewritten in place on standard error. Only where
// standard error is a terminal (a log file or a pipe gets none) and not with
// --quiet. Rewritten at most every 200 ms; cleared before any other message
// and at the end, so it never mixes with what is said.

import type { Lang } from '../core/service';

const EVERY_MS = 200;

export class ProgressLine {
  private shown = false;
  private lastDrawn = 0;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
    private readonly lang: Lang,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** `done` files of the total are done. */
  update(done: number): void {
    const t = this.now();
    if (done < this.total && t - this.lastDrawn < EVERY_MS) return;
    this.lastDrawn = t;
    const elapsed = t - this.started;
    const left = done ? Math.round(((elapsed / done) * (this.total - done)) / 1000) : undefined;
    this.write(`\r\x1b[K${progressText(done, this.total, left, this.lang)}`);
    this.shown = true;
  }

  /** Removes the line (before another message, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}

export function progressText(done: number, total: number, secondsLeft: number | undefined, lang: Lang): string {
  const left = secondsLeft === undefined ? '' : lang === 'zh' ? `，约剩 ${duration(secondsLeft, lang)}` : `, about ${duration(secondsLeft, lang)} left`;
  return lang === 'zh' ? `已检查 ${done}/${total} 个文件${left}` : `checked ${done}/${total} files${left}`;
}

function duration(seconds: number, lang: Lang): string {
  if (seconds < 60) return lang === 'zh' ? `${seconds} 秒` : `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return lang === 'zh' ? `${m} 分 ${s} 秒` : `${m} min ${s} s`;
}
