// Times the HTML reader on hostile pages (issue 13, ROBUSTNESS.md): a 50 MB
// page, 100,000 nested <div>s, huge spans, too much text. Run:
//   node --import tsx scripts/measure-html-reader.ts
// Prints each page's size, outcome, time and the heap growth.

import { DEFAULT_LIMITS } from '../server/src/core/readers/blocks';
import { readOriginal } from '../server/src/core/readers/original';
import { hostilePages } from '../test/helpers/hostile-html';

void (async () => {
  for (const { name, html } of hostilePages()) {
    const bytes = new Uint8Array(Buffer.from(html, 'utf8'));
    (globalThis as { gc?: () => void }).gc?.();
    const heap = process.memoryUsage().heapUsed;
    const start = performance.now();
    const outcome = await readOriginal(bytes, DEFAULT_LIMITS);
    const ms = performance.now() - start;
    const peak = process.memoryUsage().heapUsed - heap;
    const what = !outcome ? 'text' : outcome.ok ? `read, ${outcome.rendition.text.length} chars` : `${outcome.problem.kind}: ${outcome.problem.detail ?? ''}`;
    console.log(`${name.padEnd(44)} ${(bytes.byteLength / 1e6).toFixed(1).padStart(6)} MB  ${ms.toFixed(0).padStart(6)} ms  heap +${(peak / 1e6).toFixed(0)} MB  ${what}`);
  }
})();
