// The in-process items of the benchmark, through the core's façade
// (parseDocument, check, updateDocument): fixtures, the large report, typing,
// the baselines and scaling. Each returns its table and the figures the
// targets are computed from.

import { lint } from 'markdownlint/sync';
import { check, parseDocument, updateDocument, type ParsedDocument } from '../../server/src/core/service';
import { generateLargeReport } from './generate';
import { barePass, PATHOLOGICAL, type NamedText } from './inputs';
import type { Table } from './report';
import { heapAfterGc, median, ms, percentile, ratio, sampleCount, timeInterleaved, timeRuns, type RunOptions, type Samples } from './stats';
import { typingScript, type KeystrokeKind } from './typing';

/** Milliseconds a measurement may take; Infinity with --full. */
export type Budget = (ms: number) => number;

function fullCheck(text: string): number {
  return check(parseDocument(text)).length;
}

const kChars = (n: number): string => `${(n / 1000).toFixed(0)}k`;
const kb = (bytes: number): string => (Number.isFinite(bytes) ? `${Math.round(bytes / 1024) || 0} KB` : 'n/a');
const throughput = (chars: number, t: number): string => `${(chars / t / 1000).toFixed(2)} M chars/s`;

// ---------------------------------------------------------------- 1. fixtures

export function fixtures(files: readonly (NamedText & { kind: string })[], budget: Budget): Table {
  const rows = files.map(({ kind, name, text }) => {
    const s = timeRuns(() => fullCheck(text), { warmup: 5, runs: 30, budgetMs: budget(5_000) });
    const cold = parseThenCheck(taggedVariants(text), { warmup: 0, runs: 15, budgetMs: budget(5_000) });
    const t = median(s.times);
    return [kind, name, String(text.length), String(fullCheck(text)), ms(t), ms(percentile(s.times, 95)), throughput(text.length, t), ms(median(cold.total.times)), sampleCount(s)];
  });
  return {
    title: '1. Seeds, corpus and crawled pages: full parse + all rules',
    notes: [
      'parseDocument(text) then check(doc) with the default rules; median of 30 runs after 5 warm-up runs, per file.',
      'Cold: median of 15 runs on the text with a tag, new on every run, at the end of each prose paragraph (so the per-paragraph caches of the core never help; see (2)).',
    ],
    head: ['Set', 'File', 'Chars', 'Findings', 'Median', 'p95', 'Throughput', 'Cold median', 'Runs'],
    rows,
  };
}

// ---------------------------------------------------------------- 2. the large report

export interface LargeResult {
  table: Table;
  /** Median of parse + check on the same text, after warm-up (the figure (2)), ms. */
  median: number;
  /** Median of parse + check on texts whose paragraphs the process has not seen, ms. */
  cold: number;
  /** The bare pass on the same text, timed between the runs of (2) (3 after each). */
  bare: Samples;
}

/** Parse + check timed apart; `texts(k)` (made untimed) is the text of run k, warm-up runs included. */
function parseThenCheck(texts: (k: number) => string, options: RunOptions, between?: () => void): { total: Samples; parse: number[]; check: number[]; findings: number } {
  const parse: number[] = [];
  const rules: number[] = [];
  const times: number[] = [];
  let findings = 0;
  const started = performance.now();
  for (let k = 0; times.length < options.runs; k++) {
    if (times.length > 0 && performance.now() - started > options.budgetMs) break;
    const text = texts(k);
    const t0 = performance.now();
    const doc = parseDocument(text);
    const t1 = performance.now();
    findings = check(doc).length;
    const t2 = performance.now();
    if (k < options.warmup) continue;
    between?.();
    parse.push(t1 - t0);
    rules.push(t2 - t1);
    times.push(t2 - t0);
  }
  return { total: { times, requested: options.runs, stoppedByBudget: times.length < options.runs }, parse, check: rules, findings };
}

// The core memoises per-paragraph work by text (server/src/core/text/memo.ts), so
// checking the same text again is partly served from caches. A cold run checks
// the text with a tag, new on every run, at the end of every prose paragraph.
const TAG_CHARS = '甲乙丙丁戊己庚辛壬癸';
let tagSerial = 0;

/** A short run of CJK characters, different on every call (the serial in base 10). */
function unseenTag(): string {
  return [...String(tagSerial++)].map((d) => TAG_CHARS[Number(d)]).join('');
}

/** `text` with a fresh tag at the end of each of its prose paragraphs (parsed once, untimed). */
function taggedVariants(text: string): () => string {
  const { report } = parseDocument(text);
  const ends = [...report.preface, ...report.sections.flatMap((s) => s.paragraphs)].map((p) => p.range.end).sort((a, b) => a - b);
  return () => {
    const tag = unseenTag();
    const parts: string[] = [];
    let from = 0;
    for (const at of ends) {
      parts.push(text.slice(from, at), tag);
      from = at;
    }
    parts.push(text.slice(from));
    return parts.join('');
  };
}

export function largeReport(text: string, budget: Budget): LargeResult {
  // 21 runs: a run's time depends on when the garbage collector runs, so the median needs many.
  // The bare pass is timed between them, so that the ratio (2) / bare sees the same machine load.
  const bare: number[] = [];
  const timeBare = () => {
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      barePass(text);
      bare.push(performance.now() - t0);
    }
  };
  for (let k = 0; k < 5; k++) barePass(text); // warm-up
  const warm = parseThenCheck(() => text, { warmup: 3, runs: 21, budgetMs: budget(60_000) }, timeBare);
  const variant = taggedVariants(text);
  const cold = parseThenCheck(variant, { warmup: 0, runs: 5, budgetMs: budget(60_000) });
  const row = (label: string, chars: number, r: ReturnType<typeof parseThenCheck>): string[] => {
    const t = median(r.total.times);
    return [label, String(chars), String(r.findings), ms(median(r.parse)), ms(median(r.check)), ms(t), ms(percentile(r.total.times, 95)), throughput(chars, t), sampleCount(r.total)];
  };
  return {
    median: median(warm.total.times),
    cold: median(cold.total.times),
    bare: { times: bare, requested: 63, stoppedByBudget: bare.length < 63 },
    table: {
      title: `2. Generated report (${kChars(text.length)} chars, ${text.split('\n').length} lines): full parse + all rules`,
      notes: [
        'generateLargeReport(1_000_000): seed 001 with sections 一 and 五 grown by prose paragraphs. "Same text": median of 21 runs after 3 warm-up runs; this is the figure (2) below.',
        `"Cold": the core memoises per-paragraph work by text, so repeating the same text is partly served from caches. Cold runs check the text with a tag of one or two characters (甲, 乙, …, new on every run) at the end of every prose paragraph, so no paragraph was seen before: what opening a new large report costs. Median of 5 runs.`,
      ],
      head: ['Run', 'Chars', 'Findings', 'parseDocument', 'check', 'Total (median)', 'Total p95', 'Throughput', 'Runs'],
      rows: [row('same text, warm (2)', text.length, warm), row('cold (paragraphs not seen before)', text.length, cold)],
    },
  };
}

// ---------------------------------------------------------------- 3. typing, in process

/** Untimed edits before the keystroke-path rows of (3) are timed. */
export const KEYSTROKE_WARMUP = 50;

export interface TypingResult {
  kind: KeystrokeKind;
  samples: Samples;
  update: number[];
  check: number[];
  /** Whether the findings after the last edit equal a full re-parse's. */
  sameAsFullParse: boolean;
  /** Growth of the live heap over the second half of the edits, per edit, in bytes (after full GCs). */
  retainedPerEdit: number;
}

export function typingInProcess(doc: ParsedDocument, kind: KeystrokeKind, edits: number, budgetMs: number, warmup = 3): TypingResult {
  const script = typingScript(doc, [kind], warmup + edits);
  const update: number[] = [];
  const rules: number[] = [];
  const times: number[] = [];
  let prev = doc;
  let started = 0;
  // The live heap is read (after a full GC, untimed) halfway and at the end: the
  // first edits legitimately fill the core's caches, a steady state should not grow.
  const halfway = warmup + Math.floor(edits / 2);
  let heapHalfway: number | undefined;
  for (let k = 0; k < script.length; k++) {
    if (k === warmup) started = performance.now();
    if (k === halfway) heapHalfway = heapAfterGc();
    if (k > warmup && performance.now() - started > budgetMs) break;
    const t0 = performance.now();
    const next = updateDocument(prev, [script[k]!.change]);
    const t1 = performance.now();
    check(next);
    const t2 = performance.now();
    if (k >= warmup) {
      update.push(t1 - t0);
      rules.push(t2 - t1);
      times.push(t2 - t0);
    }
    prev = next;
  }
  const heapAfter = heapAfterGc();
  const editsAfterHalfway = warmup + times.length - halfway;
  const retainedPerEdit = heapHalfway === undefined || heapAfter === undefined || editsAfterHalfway <= 0 ? Number.NaN : (heapAfter - heapHalfway) / editsAfterHalfway;
  const sameAsFullParse = JSON.stringify(check(prev)) === JSON.stringify(check(parseDocument(prev.text)));
  return { kind, samples: { times, requested: edits, stoppedByBudget: times.length < edits }, update, check: rules, sameAsFullParse, retainedPerEdit };
}

export function typingTable(results: readonly TypingResult[], full: { warm: number; cold: number }): Table {
  const label = (kind: KeystrokeKind): string =>
    kind === 'cell' ? 'a digit of a 表三 cell (replaced)' : kind === 'prose' ? 'a character inserted into a prose paragraph' : 'a line break typed into a prose paragraph (no target)';
  return {
    title: '3. One-character edits in (2): updateDocument + check',
    notes: [
      `Each edit is applied to the previous result (typing), at places spread over the whole report. Untimed edits first: ${KEYSTROKE_WARMUP} on the keystroke path, as (2) is timed after warm-up (V8 optimises the edit path over the first hundred or so edits: after 3 untimed ones, the first 100 of 300 digits typed in a cell took 1.04 ms median and the last 100 0.67 ms, measured in one process on 4 December); 3 before the line breaks.`,
      'A digit or a character typed within a line keeps the structure and takes the keystroke path (parse/patch-report.ts: a new snapshot, the previous one left as it was: the touched paragraph or table rebuilt, what lies before the edit shared, what lies after it moved, a section’s paragraphs and sub-items when first read; rules/engine.ts: only the rules whose inputs changed run). A line break changes the structure: the report is assembled again from the reused line records and every rule runs.',
      'The ratio is the median edit against the median full check of (2), same text (and cold, for comparison). "Same as full parse": the findings after the last edit equal check(parseDocument(text)).',
      'Heap kept per edit: growth of the live JS heap (after a forced full GC) over the second half of the edits, divided by those edits. The bench references only the latest document, so a steady growth of about a document\'s size (a 1M-character text is 2 MB) per edit is memory the core keeps from earlier versions.',
    ],
    head: ['Edit', 'updateDocument', 'check', 'Total (median)', 'p95', '(3)/(2)', '(3)/(2) cold', 'Same as full parse', 'Heap kept per edit', 'Edits'],
    rows: results.map((r) => {
      const t = median(r.samples.times);
      return [label(r.kind), ms(median(r.update)), ms(median(r.check)), ms(t), ms(percentile(r.samples.times, 95)), `${((100 * t) / full.warm).toFixed(2)} %`, `${((100 * t) / full.cold).toFixed(2)} %`, r.sameAsFullParse ? 'yes' : 'NO', kb(r.retainedPerEdit), sampleCount(r.samples)];
    }),
  };
}

// ---------------------------------------------------------------- 4. baselines

export interface BaselineResult {
  table: Table;
  bare: number;
  markdownlint: number;
}

export function baselines(text: string, full: { warm: number; cold: number }, bareSamples: Samples | undefined, budget: Budget): BaselineResult {
  const bare = bareSamples ?? timeRuns(() => barePass(text), { warmup: 5, runs: 50, budgetMs: budget(10_000) });
  let issues = 0;
  const mdl = timeRuns(() => (issues = lint({ strings: { report: text } })['report']?.length ?? 0), { warmup: 1, runs: 5, budgetMs: budget(30_000) });
  const b = median(bare.times);
  const m = median(mdl.times);
  return {
    bare: b,
    markdownlint: m,
    table: {
      title: '4. Baselines on (2)',
      notes: [
        'Bare pass: text.split into lines, one heading-like regular expression per line; timed three times after each run of (2), so that both see the same machine load (median of 63 runs after 5 warm-up runs).',
        "markdownlint: `lint({ strings })` from 'markdownlint/sync', default rules (median of 5 runs after 1 warm-up run).",
      ],
      head: ['Pass', 'Median', 'p95', 'Result', 'Against (2)', 'Runs'],
      rows: [
        ['bare pass', ms(b), ms(percentile(bare.times, 95)), `${barePass(text)} heading-like lines`, `(2) is ${ratio(full.warm / b)}× the bare pass (cold: ${ratio(full.cold / b)}×)`, sampleCount(bare)],
        ['markdownlint', ms(m), ms(percentile(mdl.times, 95)), `${issues} issues`, `markdownlint is ${ratio(m / full.warm)}× (2) (cold: ${ratio(m / full.cold)}×)`, sampleCount(mdl)],
        ['(2) gov-report, same text', ms(full.warm), '', '', '', ''],
        ['(2) gov-report, cold', ms(full.cold), '', '', '', ''],
      ],
    },
  };
}

// ---------------------------------------------------------------- 7. scaling

export interface ScalingResult {
  table: Table;
  /** Time ratio 2M / 1M of the generated report. */
  doubling: number;
  /** Per pathological input: full-size time / half-size time (NaN when not measured). */
  pathological: { name: string; ratio: number }[];
}

/** The time of a full check of a text made untimed by `make` (a text no earlier run had). */
function coldCheck(make: () => string): () => number {
  return () => {
    const text = make();
    const t0 = performance.now();
    fullCheck(text);
    return performance.now() - t0;
  };
}

export function scaling(budget: Budget): ScalingResult {
  const sizes = [500_000, 1_000_000, 2_000_000];
  const texts = sizes.map((size) => generateLargeReport(size));
  const timers = texts.map((text) => coldCheck(taggedVariants(text)));
  timers.forEach((timer) => timer()); // warm-up
  const generated = timeInterleaved(timers, 7, budget(40_000));
  const t = generated.map((g) => median(g.times));
  const rows: string[][] = sizes.map((size, k) => [`generated report ~${kChars(size)}`, `${texts[k]!.length} chars`, ms(t[k]!), k === 0 ? '' : `${ratio(t[k]! / t[k - 1]!)} (vs ${kChars(sizes[k - 1]!)})`, sampleCount(generated[k]!)]);
  const pathological: ScalingResult['pathological'] = [];
  // A ladder: quarter size, then half, then full, each step taken only if even
  // a quadratic blow-up (4× per doubling) stays under `cap`; the half and full
  // runs of the ladder are the first samples, more rounds follow within `limit`.
  const cap = budget(60_000);
  const ROUNDS = 5;
  const limit = budget(30_000);
  for (const p of PATHOLOGICAL) {
    const started = performance.now();
    // The tag goes at the very end: no line break added, and no run can reuse an earlier one's caches.
    const timer = (size: number): (() => number) => coldCheck(() => p.make(size) + unseenTag());
    const quarterTime = timer(p.size / 4)();
    const halfTimer = quarterTime * 4 < cap ? timer(p.size / 2) : undefined;
    const half: Samples = { times: halfTimer ? [halfTimer()] : [], requested: ROUNDS, stoppedByBudget: false };
    const fullTimer = halfTimer && half.times[0]! * 4 < cap ? timer(p.size) : undefined;
    const full: Samples = { times: fullTimer ? [fullTimer()] : [], requested: ROUNDS, stoppedByBudget: false };
    if (halfTimer && fullTimer) {
      const [moreHalf, moreFull] = timeInterleaved([halfTimer, fullTimer], ROUNDS - 1, Math.max(0, limit - (performance.now() - started)));
      half.times.push(...moreHalf!.times);
      full.times.push(...moreFull!.times);
      half.stoppedByBudget = full.stoppedByBudget = half.times.length < ROUNDS;
    }
    const h = median(half.times);
    const f = median(full.times);
    pathological.push({ name: p.name, ratio: f / h });
    const size = (n: number): string => (p.unit === 'lines' ? `${kChars(n)} lines (${p.make(n).length} chars)` : `${kChars(n)} chars`);
    const skipped = halfTimer ? `skipped (half size took ${ms(h)})` : `skipped (quarter size took ${ms(quarterTime)})`;
    rows.push([p.name, size(p.size / 2), halfTimer ? ms(h) : skipped, '', halfTimer ? sampleCount(half) : '']);
    rows.push([p.name, size(p.size), fullTimer ? ms(f) : skipped, fullTimer ? `${ratio(f / h)} (vs half)` : '', fullTimer ? sampleCount(full) : '']);
  }
  return {
    doubling: t[2]! / t[1]!,
    pathological,
    table: {
      title: '7. Scaling and pathological inputs: full parse + all rules',
      notes: [
        'All runs are cold (every run\'s text carries a tag no earlier text had, so no per-paragraph cache helps). Generated report: one warm-up run each, then 7 rounds, each running 500k, 1M and 2M once (so the ratios see the same machine load); medians. A ratio of about 2 when the size doubles is linear; about 4 would be quadratic.',
        `Pathological inputs: a ladder (quarter size as warm-up, then half, then full; a step is skipped when a quadratic blow-up would take over a minute), then up to ${ROUNDS - 1} more rounds alternating half and full size within the budget; medians of up to ${ROUNDS} runs. GC is a large share of these runs, so they also feel the heap the earlier items left.`,
      ],
      head: ['Input', 'Size', 'Median', 'Ratio', 'Runs'],
      rows,
    },
  };
}
