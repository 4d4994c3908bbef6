// The repair of broken arithmetic. Broken identities that share cells are one
// problem; for each such group, the repair is the one cell whose correction
// makes every identity of the group hold without breaking one that holds (or,
// where no cell does, the one pair of cells that each mend their own part).
// Where several cells would do, a prose figure stating one of them may decide.
// When more than one cell (or none) would do, there is no safe edit, and the
// reason is given instead.

import { messagesFor, type Lang } from './i18n';
import type { Cell, Report } from './model';
import { brokenWhateverBlanks, evaluate, reportIdentities, stillBrokenWith, requiredValue, tableReadWhole, type Evaluation, type Identity } from './identities';
import { decideByProse, type Witness } from './rules/witnesses';

export interface Repair {
  cell: Cell;
  value: number;
}

export type RepairAnswer =
  /** `witness`: the prose figure that decided among several cells the tables alone could not tell apart. */
  | { kind: 'unique'; repair: Repair; broken: Evaluation[]; witness?: Witness }
  /** `candidates`: the cells that would each do (none, or several); `reason` says so in the language asked for. */
  | { kind: 'ambiguous'; candidates: Repair[]; reason: string; broken: Evaluation[] };

type Solved = { kind: 'unique'; repair: Repair; broken: Evaluation[]; witness?: Witness } | { kind: 'ambiguous'; candidates: Repair[]; broken: Evaluation[] };

interface Cached {
  /** Language-neutral: solved once per report. */
  solved: Solved[];
  /** The cells of the identities that hold. */
  held: ReadonlySet<Cell>;
  /** The answers with their reasons written out, per language. */
  answers: Partial<Record<Lang, RepairAnswer[]>>;
}

const cache = new WeakMap<Report, Cached>();

/** Memoised per report: the rules, the hover and the preview ask for the same answers. */
export function findRepairs(report: Report, lang: Lang = 'zh'): RepairAnswer[] {
  const cached = solvedFor(report);
  return (cached.answers[lang] ??= cached.solved.map((s) => (s.kind === 'unique' ? s : { ...s, reason: reason(s.candidates, lang) })));
}

/**
 * Whether the report's repairs asked the prose: some group several cells would each mend (a prose figure may
 * decide among them, witnessed). On the same tables, the answers depend on the prose only then.
 */
export function repairsAskProse(report: Report): boolean {
  return solvedFor(report).solved.some((s) => (s.kind === 'unique' ? s.witness !== undefined : s.candidates.length > 1));
}

function solvedFor(report: Report): Cached {
  let cached = cache.get(report);
  if (!cached) cache.set(report, (cached = { ...solve(report), answers: {} }));
  return cached;
}

/** Whether a cell takes part in an identity that holds: changed alone, it would break that identity. */
export function inSumThatHolds(report: Report, cell: Cell): boolean {
  return solvedFor(report).held.has(cell);
}

function reason(candidates: readonly Repair[], lang: Lang): string {
  const m = messagesFor(lang).repair;
  return candidates.length === 0 ? m.noSingleCell : m.severalCells(candidates.map((r) => ({ text: r.cell.text, value: r.value })));
}

function solve(report: Report): { solved: Solved[]; held: ReadonlySet<Cell> } {
  const evaluations = reportIdentities(report).map(evaluate).filter((e): e is Evaluation => !!e);
  const broken = evaluations.filter((e) => !e.holds);
  if (broken.length === 0) return { solved: [], held: new Set() };
  // The cells of the identities that hold, once: every candidate cell of every group is looked up in them.
  const held = new Set<Cell>();
  for (const e of evaluations) {
    if (!e.holds) continue;
    for (const t of e.identity.left) held.add(t.cell);
    for (const t of e.identity.right) held.add(t.cell);
  }
  const unevaluated = reportIdentities(report).filter(brokenWhateverBlanks);
  // To name a cell by them, only sums in a table read without a shape problem (its columns are the template's).
  const certain = unevaluated.filter((u) => tableReadWhole(report, u));
  const solved = connectedGroups(broken)
    .flatMap((group) => solveGroup(group, held, certain))
    // A cell that mends the sums evaluated but leaves a sum broken whatever its blanks hold is no repair; two cells
    // that mend them and such sums too may be (two typos off by the same amount, their crossing cell no mistake).
    .flatMap((s): Solved[] => (s.kind === 'unique' && leavesBroken(s, unevaluated) ? splitInTwo(s.broken, involvement(s.broken), held, certain, true) ?? [{ kind: 'ambiguous', candidates: [], broken: s.broken }] : [s]))
    .map((s) => (s.kind === 'ambiguous' && s.candidates.length > 1 ? mendingBrokenWhateverBlanks(s, certain) : s))
    .map((s) => (s.kind === 'ambiguous' && s.candidates.length > 1 ? witnessed(report, s) : s));
  return { solved, held };
}

/**
 * A sum broken whatever its blanks hold is not evaluated. A cell named "应为" from the sums that are must mend it too
 * when the two share a cell: two typos beside a writer's empty 0s made one right cell "wrong" (a tester's bank).
 */
function leavesBroken(s: Solved & { kind: 'unique' }, unevaluated: readonly Identity[]): boolean {
  if (unevaluated.length === 0) return false;
  const cells = new Set<Cell>();
  for (const e of s.broken) for (const t of [...e.identity.left, ...e.identity.right]) cells.add(t.cell);
  return unevaluated.some((identity) => [...identity.left, ...identity.right].some((t) => cells.has(t.cell)) && stillBrokenWith(identity, s.repair.cell, s.repair.value));
}

/**
 * Several cells would each mend a group, and exactly one of them also mends a sum broken whatever its blanks hold that
 * it takes part in (a typo beside a writer's empty 0s breaks its column, evaluated, and its row, whose blanks leave it
 * unevaluated but too big already): that cell is the repair, as where a row and a column cross.
 */
function mendingBrokenWhateverBlanks(s: Solved & { kind: 'ambiguous' }, unevaluated: readonly Identity[]): Solved {
  if (unevaluated.length === 0) return s;
  const mending = s.candidates.filter((c) => mendsBrokenWhateverBlanks(c, unevaluated));
  return mending.length === 1 ? { kind: 'unique', repair: mending[0]!, broken: s.broken } : s;
}

/** Whether `repair` mends a sum broken whatever its blanks hold that its cell is in, and leaves none it is in broken. */
function mendsBrokenWhateverBlanks(repair: Repair, unevaluated: readonly Identity[]): boolean {
  const through = unevaluated.filter((u) => holdsCell(u, repair.cell));
  return through.length > 0 && through.every((u) => !stillBrokenWith(u, repair.cell, repair.value));
}

function holdsCell(identity: Identity, cell: Cell): boolean {
  return identity.left.some((t) => t.cell === cell) || identity.right.some((t) => t.cell === cell);
}

/** Several cells would do: a prose figure that states one of them may decide (rules/witnesses.ts). */
function witnessed(report: Report, s: Solved & { kind: 'ambiguous' }): Solved {
  const decided = decideByProse(report, s.candidates);
  return decided ? { kind: 'unique', repair: decided.repair, broken: s.broken, witness: decided.witness } : s;
}

/** The answer that concerns `identity`, if it is broken. */
export function repairFor(answers: readonly RepairAnswer[], identity: Identity): RepairAnswer | undefined {
  return answers.find((a) => a.broken.some((b) => b.identity === identity));
}

function solveGroup(broken: Evaluation[], held: ReadonlySet<Cell>, unevaluated: readonly Identity[]): Solved[] {
  const involved = involvement(broken);
  const first = broken[0]!.identity;
  const repairs: Repair[] = [];
  for (const t of [...first.left, ...first.right]) {
    // A candidate takes part in every broken identity of the group.
    const involving = involved.get(t.cell)!;
    if (involving.length !== broken.length) continue;
    const mends = mendingValue(t.cell, involving, held);
    if (mends !== undefined) repairs.push({ cell: t.cell, value: mends });
  }
  if (repairs.length === 1) return [{ kind: 'unique', repair: repairs[0]!, broken }];
  if (repairs.length === 0 && broken.length > 1) {
    const split = splitInTwo(broken, involved, held, unevaluated);
    if (split) return split;
  }
  return [{ kind: 'ambiguous', candidates: repairs, broken }];
}

/**
 * Each cell of the broken identities, in their order, with the broken
 * identities it takes part in: made once per group, where asking each
 * identity about each cell made the solver a tenth of a table edit's cost.
 */
function involvement(broken: readonly Evaluation[]): Map<Cell, Evaluation[]> {
  const involved = new Map<Cell, Evaluation[]>();
  const note = (cell: Cell, b: Evaluation) => {
    const list = involved.get(cell);
    if (!list) involved.set(cell, [b]);
    else if (list[list.length - 1] !== b) list.push(b);
  };
  for (const b of broken) {
    for (const t of b.identity.left) note(t.cell, b);
    for (const t of b.identity.right) note(t.cell, b);
  }
  return involved;
}

/**
 * The value `cell` must take to mend every identity it is in (`involving`, the
 * broken ones), when they agree on one (a count: a whole number, not negative)
 * and it takes part in no identity that holds (`held`: their cells); else undefined.
 */
function mendingValue(cell: Cell, involving: readonly Evaluation[], held: ReadonlySet<Cell>): number | undefined {
  if (held.has(cell)) return undefined;
  const v = requiredValue(involving[0]!.identity, cell);
  if (v === undefined || v < 0 || !Number.isInteger(v)) return undefined;
  for (let k = 1; k < involving.length; k++) if (requiredValue(involving[k]!.identity, cell) !== v) return undefined;
  return v;
}

/**
 * Two independent mistakes in one table: broken identities that share cells
 * (one mistake's row crosses the other's column) no single cell explains. When
 * exactly one pair of cells does, each mending its own part of the group and
 * the parts together the whole group, the group is two problems, each with its
 * repair. Two pairs (the mistakes off by the same amount: their crossing cells
 * explain it as well) are ambiguous, and nothing is split, unless one pair alone
 * also mends sums broken whatever their blanks hold (`backedOnly`: only such a pair).
 */
function splitInTwo(broken: Evaluation[], involved: ReadonlyMap<Cell, readonly Evaluation[]>, held: ReadonlySet<Cell>, unevaluated: readonly Identity[], backedOnly = false): Solved[] | undefined {
  const mending: { repair: Repair; mends: Set<Evaluation> }[] = [];
  for (const [cell, involving] of involved) {
    const value = mendingValue(cell, involving, held);
    if (value !== undefined) mending.push({ repair: { cell, value }, mends: new Set(involving) });
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < mending.length; i++) {
    for (let j = i + 1; j < mending.length; j++) {
      const [a, b] = [mending[i]!.mends, mending[j]!.mends];
      if (a.size + b.size === broken.length && broken.every((e) => a.has(e) !== b.has(e))) pairs.push([i, j]);
    }
  }
  // Several pairs (a writer's empty 0s leave many cells unpinned): the one pair whose cells each also mend a sum broken
  // whatever its blanks hold, through them, is the two mistakes.
  const chosen = pairs.length === 1 && !backedOnly ? pairs : pairs.filter((pair) => pair.every((k) => mendsBrokenWhateverBlanks(mending[k]!.repair, unevaluated)));
  if (chosen.length !== 1) return undefined;
  return chosen[0]!.map((k) => ({ kind: 'unique' as const, repair: mending[k]!.repair, broken: broken.filter((e) => mending[k]!.mends.has(e)) }));
}

/** Groups broken identities that share a cell (a wrong part breaks its row and its column). */
function connectedGroups(broken: Evaluation[]): Evaluation[][] {
  const parent = broken.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<Cell, number>();
  const join = (cell: Cell, i: number) => {
    const j = owner.get(cell);
    if (j === undefined) owner.set(cell, i);
    else parent[find(i)] = find(j);
  };
  broken.forEach((e, i) => {
    for (const t of e.identity.left) join(t.cell, i);
    for (const t of e.identity.right) join(t.cell, i);
  });
  const groups = new Map<number, Evaluation[]>();
  broken.forEach((e, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(e);
    else groups.set(root, [e]);
  });
  return [...groups.values()];
}
