// Running the rules on every keystroke without re-checking the whole report.
//
// Each report's findings are kept per rule (and per paragraph for the
// paragraph-local rules). After an edit that kept the structure
// (parse/patch-report.ts says what it rebuilt and how far the rest moved), a
// rule whose declared inputs did not change gets its previous findings moved
// with the text; a paragraph-local rule re-checks only the rebuilt paragraphs;
// every other rule runs again. Any other edit runs every rule.

import type { Paragraph, Range, Report } from '../model';
import { movedRange, type ReportDelta } from '../parse/patch-report';
import type { SectionId } from '../template';
import { proseParagraphs } from '../text/prose-numbers';
import type { Finding, Rule, RuleContext } from './types';

/** What changed between the previous version's report and this one. */
export interface ReportChanges {
  readonly previous: Report;
  readonly deltas: readonly ReportDelta[];
}

interface RuleRun {
  readonly findings: readonly Finding[];
  /** Paragraph-local rules: the findings of each paragraph that has any. */
  readonly byParagraph?: ReadonlyMap<Paragraph, readonly Finding[]>;
  /** Paragraph-local rules that read the tables: the paragraphs that do, and their sections. */
  readonly readers?: ReadonlyMap<Paragraph, SectionId | undefined>;
}

interface StoredCheck {
  /** The options the findings depend on (not the severities: those are applied afterwards). */
  readonly key: string;
  readonly runs: Map<string, RuleRun>;
}

const stored = new WeakMap<Report, StoredCheck>();

/**
 * Every rule's findings for `ctx.report`, reusing what can be reused. Findings
 * are kept as copies whose ranges belong to them: the model's own ranges are
 * moved in place by later edits.
 */
export function runRules(rules: readonly Rule[], ctx: RuleContext, key: string, changes: ReportChanges | undefined, onError: (rule: Rule, error: unknown) => Finding[]): Map<string, readonly Finding[]> {
  let mine = stored.get(ctx.report);
  if (!mine || mine.key !== key) {
    mine = { key, runs: new Map() };
    stored.set(ctx.report, mine);
  }
  const before = changes && stored.get(changes.previous);
  const usable = before && before.key === key ? before : undefined;
  const summary = usable && changes ? summarise(changes.deltas) : undefined;
  const out = new Map<string, readonly Finding[]>();
  for (const rule of rules) {
    let run = mine.runs.get(rule.code);
    if (!run) {
      const previous = usable?.runs.get(rule.code);
      try {
        run = previous && summary ? update(rule, previous, summary, ctx) : fullRun(rule, ctx);
      } catch (error) {
        // A rule bug must not take the other rules (or the editor) down with it.
        run = { findings: onError(rule, error) };
      }
      mine.runs.set(rule.code, run);
    }
    out.set(rule.code, run.findings);
  }
  return out;
}

function fullRun(rule: Rule, ctx: RuleContext): RuleRun {
  if (!rule.checkParagraph) return { findings: rule.check(ctx).map(own) };
  const byParagraph = new Map<Paragraph, readonly Finding[]>();
  const readers = rule.readsTables ? new Map<Paragraph, SectionId | undefined>() : undefined;
  const findings: Finding[] = [];
  for (const { paragraph, sectionId } of proseParagraphs(ctx.report)) {
    if (readers && rule.readsTables!(paragraph, sectionId, ctx)) readers.set(paragraph, sectionId);
    const found = rule.checkParagraph(paragraph, sectionId, ctx);
    if (found.length === 0) continue;
    const kept = found.map(own);
    byParagraph.set(paragraph, kept);
    findings.push(...kept);
  }
  return { findings, byParagraph, ...(readers ? { readers } : {}) };
}

function update(rule: Rule, previous: RuleRun, change: ChangeSummary, ctx: RuleContext): RuleRun {
  const inputs = rule.inputs;
  if (!inputs) return fullRun(rule, ctx);
  const tables = inputs.includes('tables') && change.tablesChanged;
  const prose = inputs.includes('prose') && (change.rebuilt.size > 0 || change.replaced.length > 0);
  if (!tables && !prose) return moved(previous, change);
  if (rule.checkParagraph && previous.byParagraph && (!tables || previous.readers)) return updateParagraphs(rule, previous, change, tables, ctx);
  if (tables) return fullRun(rule, ctx);
  const matters = rule.proseMatters;
  if (matters && !change.replaced.some((p) => matters(p.text)) && ![...change.rebuilt.keys()].some((p) => matters(p.text))) return moved(previous, change);
  return fullRun(rule, ctx);
}

/** Re-checks the rebuilt paragraphs, and when the tables changed the paragraphs that read them; moves the rest. */
function updateParagraphs(rule: Rule, previous: RuleRun, change: ChangeSummary, tablesChanged: boolean, ctx: RuleContext): RuleRun {
  const gone = new Set(change.replaced);
  const recheck = new Map<Paragraph, SectionId | undefined>(change.rebuilt);
  let readers = previous.readers;
  if (readers) {
    if (tablesChanged) for (const [p, id] of readers) if (!gone.has(p)) recheck.set(p, id);
    const reading = [...change.rebuilt].filter(([p, id]) => rule.readsTables!(p, id, ctx));
    // Copied only when the set of paragraphs that read the tables changes (rarely: a handful per report).
    if (reading.length > 0 || change.replaced.some((p) => readers!.has(p))) {
      const next = new Map(readers);
      for (const p of change.replaced) next.delete(p);
      for (const [p, id] of reading) next.set(p, id);
      readers = next;
    }
  }
  const byParagraph = new Map<Paragraph, readonly Finding[]>();
  for (const [p, found] of previous.byParagraph!) if (!gone.has(p) && !recheck.has(p)) byParagraph.set(p, moveAll(found, change));
  for (const [p, sectionId] of recheck) {
    const found = rule.checkParagraph!(p, sectionId, ctx);
    if (found.length > 0) byParagraph.set(p, found.map(own));
  }
  const findings: Finding[] = [];
  for (const found of byParagraph.values()) for (const f of found) findings.push(f);
  return { findings, byParagraph, ...(readers ? { readers } : {}) };
}

function moved(previous: RuleRun, change: ChangeSummary): RuleRun {
  // Nothing moved (a character typed over another): the previous run stands as it is.
  if (change.firstMoved === Number.POSITIVE_INFINITY) return previous;
  if (!previous.byParagraph) return { findings: moveAll(previous.findings, change) };
  const byParagraph = new Map<Paragraph, readonly Finding[]>();
  const findings: Finding[] = [];
  for (const [p, found] of previous.byParagraph) {
    const kept = moveAll(found, change);
    byParagraph.set(p, kept);
    for (const f of kept) findings.push(f);
  }
  return { findings, byParagraph, ...(previous.readers ? { readers: previous.readers } : {}) };
}

// ------------------------------------------------------------------ changes

interface ChangeSummary {
  readonly deltas: readonly ReportDelta[];
  readonly tablesChanged: boolean;
  /** Paragraphs built by the edits and still in the report. */
  readonly rebuilt: ReadonlyMap<Paragraph, SectionId>;
  /** Paragraphs of the previous version that the edits replaced. */
  readonly replaced: readonly Paragraph[];
  /** The first offset (previous coordinates) the edits move; Infinity when nothing moves (a digit typed over). */
  readonly firstMoved: number;
}

function summarise(deltas: readonly ReportDelta[]): ChangeSummary {
  const rebuilt = new Map<Paragraph, SectionId>();
  const replaced: Paragraph[] = [];
  for (const d of deltas) {
    for (const p of d.replaced) {
      // Built by an earlier edit of the same update: not in the previous version.
      if (rebuilt.has(p)) rebuilt.delete(p);
      else replaced.push(p);
    }
    for (const [p, id] of d.paragraphs) rebuilt.set(p, id);
  }
  let firstMoved = Number.POSITIVE_INFINITY;
  for (const d of deltas) if (d.shift !== 0) firstMoved = Math.min(firstMoved, d.movedFrom);
  return { deltas, tablesChanged: deltas.some((d) => d.tables.size > 0), rebuilt, replaced, firstMoved };
}

// ------------------------------------------------------------------ findings

/** A copy of the finding whose ranges are its own. */
function own(f: Finding): Finding {
  return mapRanges(f, (r) => ({ start: r.start, end: r.end }));
}

/** The finding moved by the edits, in order. */
function move(f: Finding, deltas: readonly ReportDelta[]): Finding {
  return mapRanges(f, (r) => deltas.reduce((moved, d) => movedRange(moved, d), r));
}

/**
 * The findings moved with the text. A finding that lies wholly before the
 * first moved offset is kept as it is, and a list none of whose findings move
 * is the same list (issue 19: in a draft with thousands of findings, a
 * keystroke copies only what comes after it).
 */
function moveAll(found: readonly Finding[], change: ChangeSummary): readonly Finding[] {
  let out: Finding[] | undefined;
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const moved = endsBefore(f, change.firstMoved) ? f : move(f, change.deltas);
    if (moved !== f && !out) out = found.slice(0, k);
    out?.push(moved);
  }
  return out ?? found;
}

/** Every range of `f` ends before `offset`, so movedRange leaves them as they are. */
function endsBefore(f: Finding, offset: number): boolean {
  if (offset === Number.POSITIVE_INFINITY) return true;
  if (f.range.end >= offset) return false;
  if (f.related) for (const r of f.related) if (r.range.end >= offset) return false;
  if (f.fix) for (const e of f.fix.edits) if (e.range.end >= offset) return false;
  if (f.suggestions) for (const s of f.suggestions) for (const e of s.edits) if (e.range.end >= offset) return false;
  return true;
}

function mapRanges(f: Finding, map: (r: Range) => Range): Finding {
  const copy: Finding = { ...f, range: map(f.range) };
  if (f.related) copy.related = f.related.map((r) => ({ ...r, range: map(r.range) }));
  if (f.fix) copy.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, range: map(e.range) })) };
  if (f.suggestions) copy.suggestions = f.suggestions.map((s) => ({ ...s, edits: s.edits.map((e) => ({ ...e, range: map(e.range) })) }));
  return copy;
}
