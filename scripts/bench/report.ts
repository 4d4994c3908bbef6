// What the benchmark prints and writes to BENCHMARKS.md: tables per item and
// the targets, each with the measured figure, pass/miss and how far off.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Table {
  title: string;
  /** Lines shown under the title (how it was measured). */
  notes: string[];
  head: string[];
  rows: string[][];
}

export interface Target {
  what: string;
  /** "≤ 10×", "< 16 ms"… as shown. */
  goal: string;
  measured: string;
  /** Undefined when the figure could not be measured. */
  pass: boolean | undefined;
  /** How far off, when missed: "3.2× over". */
  miss: string;
}

/** "1.8× over" or, when close, "3 % over". */
function howFar(factor: number, word: string): string {
  return factor < 1.1 ? `${Math.max(1, Math.round((factor - 1) * 100))} % ${word}` : `${factor.toFixed(1)}× ${word}`;
}

/** Goal `value ≤ limit` (or `<`): the miss is value/limit. */
export function atMost(what: string, value: number, limit: number, show: (x: number) => string, strict = false): Target {
  const ok = Number.isFinite(value) ? (strict ? value < limit : value <= limit) : undefined;
  return { what, goal: `${strict ? '<' : '≤'} ${show(limit)}`, measured: show(value), pass: ok, miss: ok === false ? howFar(value / limit, 'over the limit') : '' };
}

/** Goal `value ≥ limit`: the miss is limit/value. */
export function atLeast(what: string, value: number, limit: number, show: (x: number) => string): Target {
  const ok = Number.isFinite(value) ? value >= limit : undefined;
  return { what, goal: `≥ ${show(limit)}`, measured: show(value), pass: ok, miss: ok === false ? howFar(limit / value, 'short') : '' };
}

function verdict(t: Target): string {
  return t.pass === undefined ? 'not measured' : t.pass ? 'pass' : 'MISS';
}

function markdownTable(head: string[], rows: string[][]): string[] {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function targetsTable(targets: readonly Target[]): Table {
  return {
    title: 'Targets',
    notes: [],
    head: ['Figure', 'Target', 'Measured', 'Result', 'Missed by'],
    rows: targets.map((t) => [t.what, t.goal, t.measured, verdict(t), t.miss]),
  };
}

export function renderTable(t: Table, level = '##'): string {
  return [`${level} ${t.title}`, '', ...t.notes.flatMap((n) => [n, '']), ...markdownTable(t.head, t.rows), ''].join('\n');
}

export interface Header {
  command: string;
  date: string;
  node: string;
  machine: string;
}

// The analysis of the misses is prose, kept beside the script and written into every run.
const WHY = readFileSync(join(__dirname, 'why.md'), 'utf8');

export function renderDocument(header: Header, targets: readonly Target[], tables: readonly Table[], notes: readonly string[]): string {
  return [
    '# Benchmarks',
    '',
    '<!-- Written by scripts/bench/run.ts; every run overwrites this file. -->',
    '',
    `- Command: \`${header.command}\``,
    `- Date: ${header.date}`,
    `- Node: ${header.node}`,
    `- Machine: ${header.machine}`,
    '',
    ...notes.flatMap((n) => [n, '']),
    renderTable(targetsTable(targets)),
    WHY,
    ...tables.map((t) => renderTable(t)),
  ].join('\n');
}
