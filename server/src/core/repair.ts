// The repair of broken arithmetic. Broken identities that share cells are one
// problem; for each such group, the repair is the one cell whose correction
// makes every identity of the group hold without breaking one that holds.
// When more than one cell (or none) would do, there is no safe edit, and the
// reason is given instead.

import { messagesFor, type Lang } from './i18n';
import type { Cell, Report } from './model';
import { evaluate, involves, reportIdentities, requiredValue, type Evaluation, type Identity } from './identities';

export interface Repair {
  cell: Cell;
  value: number;
}

export type RepairAnswer =
  | { kind: 'unique'; repair: Repair; broken: Evaluation[] }
  /** `candidates`: the cells that would each do (none, or several); `reason` says so in the language asked for. */
  | { kind: 'ambiguous'; candidates: Repair[]; reason: string; broken: Evaluation[] };

type Solved = { kind: 'unique'; repair: Repair; broken: Evaluation[] } | { kind: 'ambiguous'; candidates: Repair[]; broken: Evaluation[] };

interface Cached {
  /** Language-neutral: solved once per report. */
  solved: Solved[];
  /** The answers with their reasons written out, per language. */
  answers: Partial<Record<Lang, RepairAnswer[]>>;
}

const cache = new WeakMap<Report, Cached>();

/** Memoised per report: the rules, the hover and the preview ask for the same answers. */
export function findRepairs(report: Report, lang: Lang = 'zh'): RepairAnswer[] {
  let cached = cache.get(report);
  if (!cached) cache.set(report, (cached = { solved: solve(report), answers: {} }));
  return (cached.answers[lang] ??= cached.solved.map((s) => (s.kind === 'unique' ? s : { ...s, reason: reason(s.candidates, lang) })));
}

function reason(candidates: readonly Repair[], lang: Lang): string {
  const m = messagesFor(lang).repair;
  return candidates.length === 0 ? m.noSingleCell : m.severalCells(candidates.map((r) => ({ text: r.cell.text, value: r.value })));
}

function solve(report: Report): Solved[] {
  const evaluations = reportIdentities(report).map(evaluate).filter((e): e is Evaluation => !!e);
  const broken = evaluations.filter((e) => !e.holds);
  const holding = evaluations.filter((e) => e.holds);
  return connectedGroups(broken).map((group) => solveGroup(group, holding));
}

/** The answer that concerns `identity`, if it is broken. */
export function repairFor(answers: readonly RepairAnswer[], identity: Identity): RepairAnswer | undefined {
  return answers.find((a) => a.broken.some((b) => b.identity === identity));
}

function solveGroup(broken: Evaluation[], holding: Evaluation[]): Solved {
  const first = broken[0]!.identity;
  const candidates = [...first.left, ...first.right].map((t) => t.cell).filter((cell) => broken.every((b) => involves(b.identity, cell)));
  const repairs: Repair[] = [];
  for (const cell of candidates) {
    if (holding.some((h) => involves(h.identity, cell))) continue;
    const values = broken.map((b) => requiredValue(b.identity, cell));
    const v = values[0];
    if (v === undefined || v < 0 || !Number.isInteger(v) || values.some((x) => x !== v)) continue;
    repairs.push({ cell, value: v });
  }
  if (repairs.length === 1) return { kind: 'unique', repair: repairs[0]!, broken };
  return { kind: 'ambiguous', candidates: repairs, broken };
}

/** Groups broken identities that share a cell (a wrong part breaks its row and its column). */
function connectedGroups(broken: Evaluation[]): Evaluation[][] {
  const parent = broken.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<Cell, number>();
  broken.forEach((e, i) => {
    for (const t of [...e.identity.left, ...e.identity.right]) {
      const j = owner.get(t.cell);
      if (j === undefined) owner.set(t.cell, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Evaluation[]>();
  broken.forEach((e, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), e]);
  });
  return [...groups.values()];
}
