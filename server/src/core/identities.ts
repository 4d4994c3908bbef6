// The 勾稽关系 of a report as data: every identity "Σ left = Σ right" over
// table cells. Rules report the broken ones, hovers show the ones a cell takes
// part in, and the repair solver looks for the one cell that mends them all.
// A blank cell (empty, / - —) is an unknown, not 0: where the identities
// determine it, arithmetic uses the determined value; an identity that still
// has an unknown is not evaluated.

import { keepsPartRecords } from './caches';
import type { Cell, Report, TableRow } from './model';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE3_TOTAL_COLUMN, TABLE4_COLUMNS, TABLE4_GROUPS } from './template';

export type IdentityKind = 't3.row' | 't3.column' | 't3.balance' | 't4.group';

export interface Term {
  label: string;
  cell: Cell;
}

export interface Identity {
  kind: IdentityKind;
  /** What the identity is about: "一、本年新收…" for a row, "自然人" for a column, "行政复议" for a group. */
  subject: string;
  left: Term[];
  right: Term[];
  /** The report's blanks the identities determine (shared by all its identities; see determineBlanks). */
  determined: ReadonlyMap<Cell, Determination>;
}

/** A blank cell's value as the identities force it, and the first identity that did. */
export interface Determination {
  value: number;
  by: Identity;
}

export interface Evaluation {
  identity: Identity;
  left: number;
  right: number;
  holds: boolean;
}

/** Short row label for messages: "（二）部分公开（区分处理的…）" loses its note. */
export function t3ShortLabel(id: string): string {
  return SHORT_LABELS.get(id) ?? shortened(id);
}

function shortened(label: string): string {
  return label.replace(/（区分处理的[^）]*）$/, '');
}

// Made once: every report's identities name their rows by them (a lookup and a replace per term otherwise).
const SHORT_LABELS: ReadonlyMap<string, string> = new Map(TABLE3_ROWS.map((r) => [r.id, shortened(r.label)]));

const cache = new WeakMap<Report, { identities: Identity[]; determined: ReadonlyMap<Cell, Determination> }>();

function solved(report: Report): { identities: Identity[]; determined: ReadonlyMap<Cell, Determination> } {
  let entry = cache.get(report);
  if (!entry) {
    const determined = new Map<Cell, Determination>();
    const identities = table3Identities(report, determined);
    for (const identity of table4Identities(report, determined)) identities.push(identity);
    determineBlanks(identities, determined);
    cache.set(report, (entry = { identities, determined }));
  }
  return entry;
}

/** Memoised per report, so rules, hovers and repairs share the same Identity objects (blanks already solved). */
export function reportIdentities(report: Report): Identity[] {
  return solved(report).identities;
}

/** The blanks of the report the identities determine. */
export function determinedBlanks(report: Report): ReadonlyMap<Cell, Determination> {
  return solved(report).determined;
}

/** A cell's value for arithmetic and for prose: as written, or as determined for a blank; undefined when unknown. */
export function cellValue(report: Report, cell: Cell): number | undefined {
  return termValue(cell, determinedBlanks(report));
}

export function isBlank(cell: Cell): boolean {
  return cell.kind === 'blank' || cell.kind === 'placeholder';
}

/**
 * Solves the blanks: an identity whose only unknown is one blank cell (read
 * with certainty) determines it; so does one whose blanks, all on one side,
 * must add up to 0 (a count is never negative, so each is 0). Rounds repeat,
 * since a value found by one identity can leave another with a single unknown.
 * Within a round every identity is asked, so the result does not depend on
 * their order; a blank that two identities give different values, or a value
 * no count can be (negative, fractional), stays unknown, and its identities
 * are not evaluated.
 */
function determineBlanks(identities: readonly Identity[], determined: Map<Cell, Determination>): void {
  const undecidable = new Set<Cell>();
  for (let pass = 0; pass < MAX_SOLVING_PASSES; pass++) {
    solveRounds(identities, determined, undecidable);
    const contested = contestedBlanks(identities, determined);
    if (contested.length === 0) return;
    for (const cell of contested) undecidable.add(cell);
    determined.clear();
  }
  determined.clear(); // still contested: nothing is determined (never reached on a report's tables)
}

// Each pass leaves out at least one more blank: a report's 表三 and 表四 hold a few hundred cells.
const MAX_SOLVING_PASSES = 16;

/**
 * Blanks determined by an identity that holds a wrong figure: a wrong （七）总计 determines its row's blank 科研机构 cell
 * as 1, while the 科研机构 column, whose other blanks their rows make 0, says 0. The determining row shares a written
 * figure with a broken sum (the 总计 column's （七）总计): its count is suspect, and where another
 * identity gives the blank another count, the blank stays unknown and the identities through it are not evaluated
 * (a writer's empty 0s made three false errors around one wrong total). Where the determining identity is above
 * suspicion (a column making a blank 0 under a row whose 总计 is over its parts), the row is reported as before.
 */
function contestedBlanks(identities: readonly Identity[], determined: ReadonlyMap<Cell, Determination>): Cell[] {
  const broken: { identity: Identity; left: number; right: number }[] = [];
  for (const identity of identities) {
    const left = sum(identity.left, determined);
    const right = sum(identity.right, determined);
    if (left !== undefined && right !== undefined && left !== right) broken.push({ identity, left, right });
  }
  if (broken.length === 0) return [];
  // The written figures of broken sums: an identity through one of them may hold the wrong figure. (Not the blanks
  // determined in them: those came from other identities, which the broken sum says nothing about.)
  const wrongSomewhere = new Set<Cell>();
  for (const { identity } of broken) {
    for (const t of [...identity.left, ...identity.right]) if (!determined.has(t.cell)) wrongSomewhere.add(t.cell);
  }
  const suspect = (identity: Identity) => [...identity.left, ...identity.right].some((t) => wrongSomewhere.has(t.cell));
  const contested: Cell[] = [];
  for (const { identity, left, right } of broken) {
    for (const t of [...identity.left, ...identity.right]) {
      const d = determined.get(t.cell);
      if (!d || d.by === identity || contested.includes(t.cell) || !suspect(d.by)) continue;
      const onLeft = identity.left.includes(t);
      const same = sum(onLeft ? identity.left : identity.right, determined, t.cell);
      const wanted = same === undefined ? undefined : Math.round(((onLeft ? right : left) - same) * 1e6) / 1e6;
      if (wanted !== undefined && wanted >= 0 && Number.isInteger(wanted)) contested.push(t.cell);
    }
  }
  return contested;
}

function solveRounds(identities: readonly Identity[], determined: Map<Cell, Determination>, undecidable: Set<Cell>): void {
  for (;;) {
    const found = new Map<Cell, Determination[]>();
    const propose = (cell: Cell, value: number, by: Identity) => found.set(cell, [...(found.get(cell) ?? []), { value, by }]);
    for (const identity of identities) {
      const unknown = unknownCells(identity, determined);
      if (unknown === undefined || unknown.some((cell) => !cell.certain || !isBlank(cell) || undecidable.has(cell))) continue;
      if (unknown.length === 1) {
        const value = requiredValue(identity, unknown[0]!);
        if (value !== undefined) propose(unknown[0]!, value, identity);
      } else if (unknownsSum(identity, unknown, determined) === 0) {
        for (const cell of unknown) propose(cell, 0, identity);
      }
    }
    if (found.size === 0) return;
    for (const [cell, values] of found) {
      const { value } = values[0]!;
      if (value < 0 || !Number.isInteger(value) || values.some((d) => d.value !== value)) undecidable.add(cell);
      else determined.set(cell, values[0]!);
    }
  }
}

/** The cells of `identity` whose value is not known yet, left side first; undefined for none (most identities: no array made). */
function unknownCells(identity: Identity, determined: ReadonlyMap<Cell, Determination>): Cell[] | undefined {
  let out: Cell[] | undefined;
  for (const t of identity.left) if (termValue(t.cell, determined) === undefined) (out ??= []).push(t.cell);
  for (const t of identity.right) if (termValue(t.cell, determined) === undefined) (out ??= []).push(t.cell);
  return out;
}

/** What `unknown` (all on one side of `identity`) must add up to; undefined when they sit on both sides. */
function unknownsSum(identity: Identity, unknown: readonly Cell[], determined: ReadonlyMap<Cell, Determination>): number | undefined {
  const isUnknown = (t: Term) => unknown.includes(t.cell);
  const [side, other] = identity.left.some(isUnknown) ? [identity.left, identity.right] : [identity.right, identity.left];
  if (other.some(isUnknown)) return undefined;
  const opposite = sum(other, determined);
  const known = sum(side.filter((t) => !isUnknown(t)), determined);
  return opposite === undefined || known === undefined ? undefined : Math.round((opposite - known) * 1e6) / 1e6;
}

const TABLE3_COLUMN_LABELS = TABLE3_COLUMNS.map((c) => c.label);
// The rows whose figures add up to （七）总计: the 2019 template has one 其他处理 row, the 2021 template its items.
const OUTCOMES: ReadonlySet<string> = new Set(TABLE3_ROWS.filter((r) => r.outcome && r.id !== 'other').map((r) => r.id));
const LEGACY_OUTCOMES: ReadonlySet<string> = new Set(TABLE3_ROWS.filter((r) => r.outcome && !r.id.startsWith('other.')).map((r) => r.id));

function table3Identities(report: Report, determined: ReadonlyMap<Cell, Determination>): Identity[] {
  const t3 = report.tables.t3;
  if (!t3) return [];
  const out: Identity[] = [];
  const columns = TABLE3_COLUMN_LABELS;
  const row = (id: string) => t3.rows.find((r) => r.id === id);
  for (const r of t3.rows) {
    const terms = rowTerms(r);
    if (terms) out.push({ kind: 't3.row', subject: t3ShortLabel(r.id), left: terms.left, right: terms.right, determined });
  }
  const totalRow = row('total');
  const outcomeIds = t3.legacy ? LEGACY_OUTCOMES : OUTCOMES;
  const leaves = t3.rows.filter((r) => outcomeIds.has(r.id));
  // A missing or unrecognised leaf row would make a correct total look wrong.
  const leavesComplete = leaves.length === outcomeIds.size && !t3.problems.some((p) => p.kind === 'row-unknown');
  const received = row('new');
  const carried = row('carried');
  const forward = row('forward');
  // Each row's labelled terms looked up once for all the columns, not once a column (a WeakMap lookup each); a term
  // stands where its row has a cell. A column's sum and its balance stay side by side in the list.
  const totalTerms = totalRow && leavesComplete ? labelledTerms(totalRow, '（七）总计') : undefined;
  const leafTerms = totalTerms ? leaves.map((l) => labelledTerms(l, t3ShortLabel(l.id))) : [];
  const [one, two, seven, four] = received && carried && totalRow && forward
    ? [labelledTerms(received, '一'), labelledTerms(carried, '二'), labelledTerms(totalRow, '（七）'), labelledTerms(forward, '四')]
    : [];
  for (let c = 0; c < columns.length; c++) {
    const subject = columns[c]!;
    const total = totalTerms?.[c];
    if (total) {
      const right: Term[] = [];
      for (const terms of leafTerms) if (terms[c]) right.push(terms[c]);
      out.push({ kind: 't3.column', subject, left: [total], right, determined });
    }
    if (one?.[c] && two?.[c] && seven?.[c] && four?.[c]) out.push({ kind: 't3.balance', subject, left: [one[c], two[c]], right: [seven[c], four[c]], determined });
  }
  return out;
}

// A row's terms depend on the row alone: kept by it, so that a keystroke in one figure, which leaves the other
// rows of 表三 as they were (parse/retyped-cell.ts), makes only that row's terms again. Terms are values, shared.
// One record a row (a WeakMap lookup a row, not one for each use): its terms for the row's own sum, made when
// first asked, and its cells as the terms of the column sums and the balance, named by the row (one label a use).
// The label map only for the rows that take part in a column sum or the balance (the group rows never do).
interface RowTerms {
  own?: { left: Term[]; right: Term[] } | null;
  byLabel?: Map<string, Term[]>;
}

const termsOfRow = new WeakMap<TableRow, RowTerms>();

function termsRecord(r: TableRow): RowTerms {
  let record = termsOfRow.get(r);
  if (!record) termsOfRow.set(r, (record = {}));
  return record;
}

function rowTerms(r: TableRow): { left: Term[]; right: Term[] } | null {
  // A batch's report is checked once (caches.ts keepsPartRecords): its rows' terms are made, not kept.
  if (!keepsPartRecords()) return ownTerms(r);
  const record = termsRecord(r);
  if (record.own === undefined) record.own = ownTerms(r);
  return record.own;
}

function ownTerms(r: TableRow): { left: Term[]; right: Term[] } | null {
  const total = r.cells[TABLE3_TOTAL_COLUMN];
  if (!total) return null;
  // A loop, not slice and map: one array a row.
  const right: Term[] = [];
  for (let c = 0; c < TABLE3_TOTAL_COLUMN && c < r.cells.length; c++) right.push({ label: TABLE3_COLUMN_LABELS[c]!, cell: r.cells[c]! });
  return { left: [{ label: '总计', cell: total }], right };
}

function labelledTerms(r: TableRow, label: string): Term[] {
  if (!keepsPartRecords()) return r.cells.map((cell) => ({ label, cell }));
  const record = termsRecord(r);
  const byLabel = (record.byLabel ??= new Map());
  let terms = byLabel.get(label);
  if (!terms) byLabel.set(label, (terms = r.cells.map((cell) => ({ label, cell }))));
  return terms;
}

function table4Identities(report: Report, determined: ReadonlyMap<Cell, Determination>): Identity[] {
  const t4 = report.tables.t4;
  if (!t4) return [];
  const width = TABLE4_COLUMNS.length;
  const out: Identity[] = [];
  // Loops over the cells' indices, not a slice of the group and a slice of its parts.
  for (let k = 0; k < TABLE4_GROUPS.length; k++) {
    const from = k * width;
    if (t4.cells.length < from + width) break;
    const g = TABLE4_GROUPS[k]!;
    const right: Term[] = [];
    for (let c = 0; c < width - 1; c++) right.push({ label: TABLE4_COLUMNS[c]!.label, cell: t4.cells[from + c]! });
    out.push({ kind: 't4.group', subject: g.parent ? `${g.parent}（${g.label}）` : g.label, left: [{ label: '总计', cell: t4.cells[from + width - 1]! }], right, determined });
  }
  return out;
}

/**
 * Value for arithmetic, or undefined when the cell cannot take part (guessed,
 * lost, not a number, or a blank no identity determines).
 */
export function termValue(cell: Cell, determined?: ReadonlyMap<Cell, Determination>): number | undefined {
  if (!cell.certain) return undefined;
  return cell.value ?? determined?.get(cell)?.value;
}

/** The value `cell` takes in `identity`'s arithmetic. */
export function identityValue(identity: Identity, cell: Cell): number | undefined {
  return termValue(cell, identity.determined);
}

/**
 * Whether the identity's table was read without a shape problem (no row with more figures than columns, inferred or
 * unread, no header in another order): only there do its exact rows stand surely in their columns (an agency's added
 * 法人小计 column read as a part), as a sum said broken whatever its blanks hold must.
 */
export function tableReadWhole(report: Report, identity: Identity): boolean {
  const table = identity.kind === 't4.group' ? report.tables.t4 : report.tables.t3;
  return (table?.problems.length ?? 0) === 0;
}

/** Undefined when some cell is unknown (not read with certainty, or an undetermined blank): such identities are never reported. */
export function evaluate(identity: Identity): Evaluation | undefined {
  const left = sum(identity.left, identity.determined);
  const right = sum(identity.right, identity.determined);
  if (left === undefined || right === undefined) return undefined;
  return { identity, left, right, holds: left === right };
}

/**
 * An identity left unevaluated for its blanks that no blank can mend: the blanks all on one side, whose known figures
 * already exceed the other side ("（二）部分公开" 自然人 9, the rest empty, 总计 6). Counts are never negative.
 */
export function brokenWhateverBlanks(identity: Identity): boolean {
  return overWhateverBlanks(identity) !== undefined;
}

/**
 * For an identity broken whatever its blanks hold (brokenWhateverBlanks): the known figures of the side with the
 * blanks (`open`), more than the other side's (`closed`), and whether that side is the identity's left. Else undefined.
 */
export function overWhateverBlanks(identity: Identity): { open: number; closed: number; left: boolean } | undefined {
  const unknown = unknownCells(identity, identity.determined);
  if (!unknown || unknown.some((cell) => !cell.certain || !isBlank(cell))) return undefined;
  const needed = unknownsSum(identity, unknown, identity.determined);
  if (needed === undefined || needed >= 0) return undefined;
  const left = identity.left.some((t) => unknown.includes(t.cell));
  const closed = sum(left ? identity.right : identity.left, identity.determined)!;
  return { open: Math.round((closed - needed) * 1e6) / 1e6, closed, left };
}

/** Whether `identity`, broken whatever its blanks hold, still is with `cell` changed to `value` (the blanks ≥ 0). */
export function stillBrokenWith(identity: Identity, cell: Cell, value: number): boolean {
  const side = (terms: readonly Term[]) => {
    let known = 0;
    let unknown = 0;
    for (const t of terms) {
      const v = t.cell === cell ? value : termValue(t.cell, identity.determined);
      if (v === undefined) unknown++;
      else known += v;
    }
    return { known, unknown };
  };
  const left = side(identity.left);
  const right = side(identity.right);
  const [open, closed] = left.unknown > 0 ? [left, right] : [right, left];
  const needed = Math.round((closed.known - open.known) * 1e6) / 1e6;
  return open.unknown > 0 ? needed < 0 : needed !== 0;
}

/** The sum of the terms' values, leaving out `except`; undefined when one is unknown. */
function sum(terms: Term[], determined: ReadonlyMap<Cell, Determination>, except?: Cell): number | undefined {
  let s = 0;
  for (const t of terms) {
    if (t.cell === except) continue;
    const v = termValue(t.cell, determined);
    if (v === undefined) return undefined;
    s += v;
  }
  return Math.round(s * 1e6) / 1e6;
}

/** The value `cell` must take for `identity` to hold, the other cells kept. */
export function requiredValue(identity: Identity, cell: Cell): number | undefined {
  const onLeft = identity.left.some((t) => t.cell === cell);
  // The repair solver asks this for every cell of every broken identity: no list is made.
  const same = sum(onLeft ? identity.left : identity.right, identity.determined, cell);
  const opposite = sum(onLeft ? identity.right : identity.left, identity.determined);
  if (same === undefined || opposite === undefined) return undefined;
  return Math.round((opposite - same) * 1e6) / 1e6;
}
