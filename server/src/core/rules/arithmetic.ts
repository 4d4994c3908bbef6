// Shared by the 勾稽关系 rules: one rule per kind of identity, reporting the
// broken ones at the cell the identity is about, with the repair when the
// solver finds exactly one cell that mends every broken identity.

import type { Cell, Range, Report } from '../model';
import { messagesFor, type Lang, type Messages } from '../i18n';
import { cellValue, evaluate, identityValue, overWhateverBlanks, reportIdentities, stillBrokenWith, tableReadWhole, type Evaluation, type Identity, type IdentityKind, type Term } from '../identities';
import { findRepairs, inSumThatHolds, repairFor, repairsAskProse, type Repair, type RepairAnswer } from '../repair';
import { proseWitnesses, sumConfirmations, type Witness } from './witnesses';
import { writtenLike } from '../text/numbers';
import { finding, MAX_RELATED, type Finding, type Fix, type Related, type Rule, type Severity } from './types';

export interface IdentityRuleSpec {
  code: string;
  name: string;
  kind: IdentityKind;
  defaultSeverity?: Severity;
  message(e: Evaluation, m: Messages): string;
  related(identity: Identity, m: Messages): Related[];
}

// Each kind's message, for the related locations of a finding another rule reports, and its rule's code (filled by identityRule).
const MESSAGES = new Map<IdentityKind, IdentityRuleSpec['message']>();
const CODES = new Map<IdentityKind, string>();

function messageOf(e: Evaluation, m: Messages): string {
  return MESSAGES.get(e.identity.kind)?.(e, m) ?? '';
}

export function identityRule(spec: IdentityRuleSpec): Rule {
  MESSAGES.set(spec.kind, spec.message);
  CODES.set(spec.kind, spec.code);
  const rule: Rule = {
    code: spec.code,
    name: spec.name,
    defaultSeverity: spec.defaultSeverity ?? 'error',
    // The prose too: a figure it states may decide which cell of a broken sum is wrong (witnesses.ts), but only
    // where several cells would each mend a group; with the tables as they were, the prose cannot matter otherwise.
    inputs: ['tables', 'prose'],
    proseMatters: (text, previous) => STATES_A_COUNT.test(text) && repairsAskProse(previous),
    check({ report, lang, enabled }) {
      const m = messagesFor(lang);
      const out: Finding[] = [];
      for (const identity of reportIdentities(report)) {
        if (identity.kind !== spec.kind) continue;
        // Not evaluated when a cell is unknown (an undetermined blank among them): nothing is claimed then, but where the
        // figures written already pass the other side, as no blank (never below 0) can mend.
        const e = evaluate(identity);
        if (!e) {
          const over = overWhateverBlanks(identity);
          if (over && tableReadWhole(report, identity) && !mendedByRepair(findRepairs(report, lang), identity)) out.push(finding(rule, targetOf(identity).range, overMessage(identity, over, m), { related: spec.related(identity, m).slice(0, MAX_RELATED) }));
          continue;
        }
        if (e.holds) continue;
        const answer = repairFor(findRepairs(report, lang), identity);
        const fix = answer?.kind === 'unique' ? repairFix(answer.repair, lang) : undefined;
        // One broken sum whose one mending cell is not its total (the total agrees with the sums that hold, as （七）总计
        // with the balance): at that cell too, where "应为" of the total would name a value that breaks another sum.
        if (answer?.kind === 'unique' && (answer.broken.length > 1 || answer.witness || answer.repair.cell !== targetOf(identity))) {
          // One cell explains every broken sum of the group (or the prose decided which): one finding, at that cell, from the identity that owns it.
          const { cell, value } = answer.repair;
          const owned = owner(answer.broken, cell, enabled);
          if (owned.identity !== identity) continue;
          const group = [owned, ...answer.broken.filter((b) => b !== owned)];
          const witness = answer.witness ? [{ range: answer.witness.range, message: m.sums.witness(answer.witness.phrase) }] : [];
          // Messages only for the totals listed: in a table broken all over, a group holds dozens.
          const totals = group.filter((b) => targetOf(b.identity) !== cell).slice(0, MAX_RELATED - witness.length).map((b) => ({ range: targetOf(b.identity).range, message: m.sums.brokenTotal(messageOf(b, m)) }));
          const related = [...witness, ...totals];
          const restored = group.map((b) => m.sums.identityName(b.identity.kind, b.identity.subject));
          const message = answer.witness ? m.sums.witnessed(cell.text, value, restored, answer.witness.phrase) : m.sums.atCell(cell.text, value, restored);
          out.push(finding(rule, cell.range, message, { related, ...(fix ? { fix } : {}) }));
          continue;
        }
        // Several cells would each do: each is offered, never applied for the user (candidateFixes); not the total where
        // the prose states it as written.
        const standing = totalStands(report, identity, answer);
        const own = targetOf(identity);
        const candidates = answer?.kind !== 'ambiguous' ? [] : standing?.told ? answer.candidates.filter((c) => c.cell !== own) : answer.candidates;
        const suggestions = candidateFixes(identity, candidates, m);
        const told = standing?.told ? [{ range: standing.told.range, message: m.sums.witness(standing.told.phrase) }] : [];
        const message = !standing ? spec.message(e, m) : standing.told ? partsOff(e, m, standing.told.phrase) : partsOff(e, m);
        out.push(finding(rule, own.range, message, { related: [...told, ...pointers(identity, answer, spec, m)].slice(0, MAX_RELATED), ...(fix ? { fix } : {}), ...(suggestions.length > 1 ? { suggestions } : {}) }));
      }
      return out;
    },
  };
  return rule;
}

/**
 * Whether a cell another finding names "应为" (a unique repair) is in `identity` and mends it: a sum broken whatever
 * its blanks hold is then that finding's, not one more (repair.ts names no such cell unless it mends the sum).
 */
function mendedByRepair(answers: readonly RepairAnswer[], identity: Identity): boolean {
  return answers.some((a) => a.kind === 'unique' && [...identity.left, ...identity.right].some((t) => t.cell === a.repair.cell) && !stillBrokenWith(identity, a.repair.cell, a.repair.value));
}

/** The message of a sum broken whatever its blanks hold: the parts against their total, or the balance's two sides. */
function overMessage(identity: Identity, over: { open: number; closed: number; left: boolean }, m: Messages): string {
  const name = m.sums.identityName(identity.kind, identity.subject);
  if (identity.kind !== 't3.balance') return m.sums.overWhateverBlanks(name, over.open, over.closed);
  return m.sums.overWhateverBlanks(name, over.open, over.closed, over.left ? '一 + 二' : '（七）+ 四');
}

/**
 * Whether the total of a broken sum stands, so that its message gives no "should be" of it: cells among its parts
 * would mend the sum and the total would not (changing it breaks a sum that holds, as （七）总计 where 一 + 二 =
 * （七）+ 四 holds); no single cell would, and the total takes part in a sum that holds (two cells swapped in a row
 * break two columns, and the row's total and the balance still bear out each column's （七）总计); or the prose states
 * the total as written (`told`: 行政复议4件 where the parts make 5). The mistake is then among the parts. Not for the
 * balance, whose total is two cells.
 */
function totalStands(report: Report, identity: Identity, answer: RepairAnswer | undefined): { told?: Witness } | undefined {
  if (identity.kind === 't3.balance' || answer?.kind !== 'ambiguous') return undefined;
  const own = targetOf(identity);
  if (answer.candidates.some((c) => c.cell === own)) {
    // A count stated for the cell, or for a sum of it and other cells that the written figures make (行政诉讼14件).
    const about = [...proseWitnesses(report), ...sumConfirmations(report)].filter((w) => w.cell === own);
    const written = cellValue(report, own);
    return about.length > 0 && about.every((w) => w.value === written) ? { told: about[0]! } : undefined;
  }
  return answer.candidates.length > 0 || (inSumThatHolds(report, own) && bearsOut(report, own)) ? {} : undefined;
}

/**
 * The sums a total takes part in hold at least as often as they break: （七）总计 that its row and the balance bear out,
 * but not one its column and the balance both call wrong (two totals off by one between columns, the row still adding up).
 */
function bearsOut(report: Report, total: Cell): boolean {
  let held = 0;
  let broken = 0;
  for (const identity of reportIdentities(report)) {
    if (!identity.left.some((t) => t.cell === total) && !identity.right.some((t) => t.cell === total)) continue;
    const e = evaluate(identity);
    if (e) e.holds ? held++ : broken++;
  }
  return held >= broken;
}

function partsOff(e: Evaluation, m: Messages, phrase?: string): string {
  const { identity } = e;
  const name = m.sums.identityName(identity.kind, identity.subject);
  const actual = shownValue(identity, identity.left[0]!, m);
  return phrase === undefined ? m.sums.partsOff(name, e.right, actual) : m.sums.partsOffTold(name, e.right, actual, phrase);
}

/** Prose that may state a table figure: a number, or the words for none (未收到, 未发生, 无). */
const STATES_A_COUNT = /[0-9０-９]|未|无|没有|零/;
/** Which rule speaks for a group of broken identities that one cell explains: row sums first, then columns, the balance, 表四. */
const KIND_ORDER: readonly IdentityKind[] = ['t3.row', 't3.column', 't3.balance', 't4.group'];

/** The cell a broken identity is reported at: its total (the balance: （七）总计 + 四, at （七）总计's side). */
export function targetOf(identity: Identity): Cell {
  return identity.kind === 't3.balance' ? identity.right[1]!.cell : identity.left[0]!.cell;
}

/**
 * The evaluation that reports a group one cell explains: the first (in
 * KIND_ORDER) whose own total is that cell, else the first of all, among
 * those whose rule runs (`enabled`). Every rule of the group finds the same
 * owner, so exactly one of them reports.
 */
function owner(broken: readonly Evaluation[], cell: Cell, enabled: ReadonlySet<string> | undefined): Evaluation {
  const running = enabled ? broken.filter((b) => enabled.has(CODES.get(b.identity.kind) ?? '')) : broken;
  const ordered = [...(running.length > 0 ? running : broken)].sort((a, b) => KIND_ORDER.indexOf(a.identity.kind) - KIND_ORDER.indexOf(b.identity.kind));
  return ordered.find((b) => targetOf(b.identity) === cell) ?? ordered[0]!;
}

/**
 * Related locations of a finding at its total, at most MAX_RELATED, the ones
 * that help find the mistake: the other broken totals of its group, then the
 * cells whose change alone would mend it; only where there are none, the
 * rule's own choice of parts. The whole breakdown is in the hover on the total.
 */
function pointers(identity: Identity, answer: RepairAnswer | undefined, spec: IdentityRuleSpec, m: Messages): Related[] {
  const own = targetOf(identity);
  // Messages only for the locations listed: in a table broken all over, a group holds dozens of totals.
  const others = (answer?.broken ?? []).filter((b) => b.identity !== identity).slice(0, MAX_RELATED).map((b) => ({ range: targetOf(b.identity).range, message: m.sums.alsoBroken(messageOf(b, m)) }));
  const suspects = answer?.kind === 'ambiguous' ? answer.candidates.filter((c) => c.cell !== own).slice(0, MAX_RELATED - others.length).map((c) => ({ range: c.cell.range, message: m.sums.suspect(c.value) })) : [];
  const found = [...others, ...suspects];
  return found.length > 0 ? found : spec.related(identity, m).slice(0, MAX_RELATED);
}

/** The repair of the group of broken identities an identity belongs to, as a fix. */
function repairFix({ cell, value }: { cell: Cell; value: number }, lang: Lang): Fix | undefined {
  const written = writtenLike(cell.text, value);
  return { title: messagesFor(lang).sums.fix(cell.text, written), edits: [{ range: figureRange(cell), newText: written }] };
}

/**
 * One fix per cell that alone would mend the broken sums, each changing only
 * that cell: first the one the message names (the identity's own total, whose
 * value it states), then the others in the identity's order.
 */
function candidateFixes(identity: Identity, candidates: readonly Repair[], m: Messages): Fix[] {
  const own = targetOf(identity);
  const ordered = [...candidates].sort((a, b) => Number(b.cell === own) - Number(a.cell === own));
  const labelOf = (cell: Cell) => [...identity.left, ...identity.right].find((t) => t.cell === cell)?.label ?? '';
  return ordered.map(({ cell, value }) => {
    const written = writtenLike(cell.text, value);
    return { title: m.sums.candidate(identity.subject, labelOf(cell), cell.text, written, ordered.length), edits: [{ range: figureRange(cell), newText: written }] };
  });
}

/**
 * Where a fix writes a cell's new figure: over its figure alone where words stand beside it ("6件" keeps its 件, which
 * cell.invalid's own fix removes), else over the whole cell (a blank, a placeholder, a plain number).
 */
function figureRange(cell: Cell): Range {
  const m = FIGURE_IN_TEXT.exec(cell.text);
  if (!m || cell.kind !== 'invalid' || m[0].length === cell.text.length) return cell.range;
  // The cell's text is its range's text (readers keep offsets); otherwise the whole cell, as before.
  if (cell.range.end - cell.range.start !== cell.text.length) return cell.range;
  const start = cell.range.start + m.index + (m[1]?.length ?? 0);
  return { start, end: start + m[2]!.length };
}

const FIGURE_IN_TEXT = /^(\s*)(\d[\d,]*(?:\.\d+)?)/;

/** The non-zero terms as related locations (a 0 is no lead to a mistake). */
export function relatedTerms(identity: Identity, terms: Term[], role: string, m: Messages): Related[] {
  return terms.filter((t) => identityValue(identity, t.cell) !== 0).map((t) => ({ range: t.cell.range, message: m.sums.related(role, t.label, shownValue(identity, t, m)) }));
}

/** A term's value as a message shows it: a blank with the value determined for it. */
export function shownValue(identity: Identity, term: Term, m: Messages): string {
  return m.sums.value(term.cell, identityValue(identity, term.cell)!);
}
