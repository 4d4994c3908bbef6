// Running the rules on every keystroke without re-checking the whole report.
//
// Each report's findings are kept per rule (and per paragraph for the
// paragraph-local rules). After an edit that kept the structure
// (parse/patch-report.ts says what it rebuilt and how far the rest moved), a
// rule whose declared inputs did not change gets its previous findings moved
// with the text; a paragraph-local rule re-checks only the rebuilt paragraphs;
// every other rule runs again. Any other edit runs every rule.
//
// A report is a value (an edit makes a new one and leaves the previous as it
// was), so a finding may hold the model's own ranges, and the previous
// version's runs are read, never changed: its findings stay its own.

import type { Paragraph, Range, Report } from '../model';
import { movedRange, type RebuiltParagraph, type ReportDelta } from '../report-delta';
import type { SectionId } from '../template';
import { proseParagraphs } from '../text/prose-numbers';
import type { Finding, Rule, RuleContext } from './types';

/** What changed between the previous version's report and this one. */
export interface ReportChanges {
  readonly previous: Report;
  readonly deltas: readonly ReportDelta[];
}

/**
 * The paragraphs that have findings: their places among the report's prose
 * paragraphs (proseParagraphs' order), increasing, and each one's findings.
 * Only these are copied after an edit, not a list as long as the report.
 */
interface ByPlace {
  readonly places: readonly number[];
  readonly found: readonly (readonly Finding[])[];
}

interface RuleRun {
  readonly findings: readonly Finding[];
  /** Paragraph-local rules: the findings of each paragraph. */
  readonly byParagraph?: ByPlace;
  /** Paragraph-local rules that read the tables: the places of the paragraphs that do, and their sections. */
  readonly readers?: ReadonlyMap<number, SectionId | undefined>;
}

interface StoredCheck {
  /** The options the findings depend on (not the severities: those are applied afterwards). */
  readonly key: string;
  readonly runs: Map<string, RuleRun>;
}

const stored = new WeakMap<Report, StoredCheck>();

/** Every rule's findings for `ctx.report`, reusing what can be reused from the previous version's. */
export function runRules(rules: readonly Rule[], ctx: RuleContext, key: string, changes: ReportChanges | undefined, onError: (rule: Rule, error: unknown) => Finding[]): Map<string, readonly Finding[]> {
  let mine = stored.get(ctx.report);
  if (!mine || mine.key !== key) {
    mine = { key, runs: new Map() };
    stored.set(ctx.report, mine);
  }
  const before = changes && stored.get(changes.previous);
  const usable = before && before.key === key ? before : undefined;
  const summary = usable && changes ? summarise(changes) : undefined;
  // A rule's previous run, when it can be updated rather than run afresh.
  const previousRun = (rule: Rule): RuleRun | undefined => (summary ? usable?.runs.get(rule.code) : undefined);
  // The paragraph-local rules that run afresh go over the paragraphs together (paragraphRuns).
  const afresh = rules.filter((rule) => rule.checkParagraph && !mine.runs.has(rule.code) && !previousRun(rule));
  if (afresh.length > 1) {
    for (const [rule, outcome] of paragraphRuns(afresh, ctx)) mine.runs.set(rule.code, 'error' in outcome ? { findings: onError(rule, outcome.error) } : outcome.run);
  }
  const out = new Map<string, readonly Finding[]>();
  for (const rule of rules) {
    let run = mine.runs.get(rule.code);
    if (!run) {
      const previous = previousRun(rule);
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
  if (!rule.checkParagraph) return { findings: rule.check(ctx) };
  const [[, outcome]] = paragraphRuns([rule], ctx);
  if ('error' in outcome) throw outcome.error;
  return outcome.run;
}

/**
 * Paragraph-local rules run over every prose paragraph, one paragraph at a
 * time: each rule asks for the paragraph's prose reading in a row (its numbers,
 * text/prose-numbers.ts), so it is computed once, not once a rule (a paragraph
 * seen for the first time is not kept by the memo tables, caches.ts). A rule
 * that fails stops there; the others go on.
 */
function paragraphRuns(rules: readonly Rule[], ctx: RuleContext): Map<Rule, { run: RuleRun } | { error: unknown }> {
  const prose = proseParagraphs(ctx.report);
  const runs = rules.map((rule) => ({
    rule,
    places: [] as number[],
    byPlace: [] as (readonly Finding[])[],
    findings: [] as Finding[],
    readers: rule.readsTables ? new Map<number, SectionId | undefined>() : undefined,
    failed: undefined as { error: unknown } | undefined,
  }));
  for (let k = 0; k < prose.length; k++) {
    const { paragraph, sectionId } = prose[k]!;
    for (const r of runs) {
      if (r.failed) continue;
      try {
        if (r.readers && r.rule.readsTables!(paragraph, sectionId, ctx)) r.readers.set(k, sectionId);
        const found = r.rule.checkParagraph!(paragraph, sectionId, ctx);
        if (found.length === 0) continue;
        r.places.push(k);
        r.byPlace.push(found);
        for (const f of found) r.findings.push(f);
      } catch (error) {
        r.failed = { error };
      }
    }
  }
  return new Map(
    runs.map((r) => [r.rule, r.failed ?? { run: { findings: r.findings, byParagraph: { places: r.places, found: r.byPlace }, ...(r.readers ? { readers: r.readers } : {}) } }]),
  );
}

function update(rule: Rule, previous: RuleRun, change: ChangeSummary, ctx: RuleContext): RuleRun {
  const inputs = rule.inputs;
  if (!inputs) return fullRun(rule, ctx);
  const tables = inputs.includes('tables') && change.tablesChanged;
  const prose = inputs.includes('prose') && change.rebuilt.size > 0;
  if (!tables && !prose) return moved(previous, change);
  if (rule.checkParagraph && previous.byParagraph && (!tables || previous.readers)) return updateParagraphs(rule, previous, change, tables, ctx);
  if (tables) return fullRun(rule, ctx);
  const matters = rule.proseMatters;
  if (matters && !someText(change.rebuilt, (text) => matters(text, change.previous))) return moved(previous, change);
  return fullRun(rule, ctx);
}

/** A rebuilt paragraph's old or new text passes `test`. */
function someText(rebuilt: ReadonlyMap<number, RebuiltParagraph>, test: (text: string) => boolean): boolean {
  for (const r of rebuilt.values()) if (test(r.wasText) || test(r.paragraph.text)) return true;
  return false;
}

/** Re-checks the rebuilt paragraphs, and when the tables changed the paragraphs that read them; moves the rest. */
function updateParagraphs(rule: Rule, previous: RuleRun, change: ChangeSummary, tablesChanged: boolean, ctx: RuleContext): RuleRun {
  const recheck = new Map<number, { paragraph: Paragraph; sectionId: SectionId | undefined }>(change.rebuilt);
  let readers = previous.readers;
  if (readers) {
    if (tablesChanged) for (const [place, sectionId] of readers) if (!recheck.has(place)) recheck.set(place, { paragraph: paragraphAt(ctx.report, place), sectionId });
    // A new map only when the set of paragraphs that read the tables changes (rarely: a handful per report).
    let next: Map<number, SectionId | undefined> | undefined;
    for (const [place, { paragraph, sectionId }] of change.rebuilt) {
      const reads = rule.readsTables!(paragraph, sectionId, ctx);
      if (reads === readers.has(place)) continue;
      next ??= new Map(readers);
      if (reads) next.set(place, sectionId);
      else next.delete(place);
    }
    if (next) readers = next;
  }
  const fresh = new Map<number, readonly Finding[]>();
  for (const [place, { paragraph, sectionId }] of recheck) fresh.set(place, rule.checkParagraph!(paragraph, sectionId, ctx));
  const byParagraph = merged(moveEach(previous.byParagraph!, change), fresh);
  return { findings: flatten(byParagraph), byParagraph, ...(readers ? { readers } : {}) };
}

/** `by` with the places in `fresh` replaced by its findings (none: the place goes), in order of places. */
function merged(by: ByPlace, fresh: ReadonlyMap<number, readonly Finding[]>): ByPlace {
  const added = [...fresh.keys()].sort((a, b) => a - b);
  const places: number[] = [];
  const found: (readonly Finding[])[] = [];
  const add = (place: number, list: readonly Finding[]) => {
    if (list.length === 0) return;
    places.push(place);
    found.push(list);
  };
  let a = 0;
  for (let k = 0; k < by.places.length; k++) {
    const place = by.places[k]!;
    while (a < added.length && added[a]! < place) add(added[a]!, fresh.get(added[a++]!)!);
    if (fresh.has(place)) continue;
    add(place, by.found[k]!);
  }
  while (a < added.length) add(added[a]!, fresh.get(added[a++]!)!);
  return { places, found };
}

/** The prose paragraph at `place` (proseParagraphs' order), found through the sections' lengths. */
function paragraphAt(report: Report, place: number): Paragraph {
  if (place < report.preface.length) return report.preface[place]!;
  let k = place - report.preface.length;
  for (const s of report.sections) {
    if (k < s.paragraphs.length) return s.paragraphs[k]!;
    k -= s.paragraphs.length;
  }
  throw new Error(`no prose paragraph at ${place}`);
}

/** Each paragraph's findings moved with the text; a paragraph none of whose findings move keeps its list. */
function moveEach(by: ByPlace, change: ChangeSummary): ByPlace {
  if (change.firstMoved === Number.POSITIVE_INFINITY) return by;
  let found: (readonly Finding[])[] | undefined;
  for (let k = 0; k < by.found.length; k++) {
    const moved = moveAll(by.found[k]!, change);
    if (moved !== by.found[k] && !found) found = by.found.slice();
    if (found) found[k] = moved;
  }
  return found ? { places: by.places, found } : by;
}

function flatten(by: ByPlace): Finding[] {
  let count = 0;
  for (const list of by.found) count += list.length;
  const findings = new Array<Finding>(count);
  let n = 0;
  for (const list of by.found) for (const f of list) findings[n++] = f;
  return findings;
}

function moved(previous: RuleRun, change: ChangeSummary): RuleRun {
  // Nothing moved (a character typed over another): the previous run stands as it is.
  if (change.firstMoved === Number.POSITIVE_INFINITY) return previous;
  if (!previous.byParagraph) return { findings: moveAll(previous.findings, change) };
  const byParagraph = moveEach(previous.byParagraph, change);
  if (byParagraph === previous.byParagraph) return previous;
  return { findings: flatten(byParagraph), byParagraph, ...(previous.readers ? { readers: previous.readers } : {}) };
}

// ------------------------------------------------------------------ changes

interface ChangeSummary {
  /** The report before the edits. */
  readonly previous: Report;
  readonly deltas: readonly ReportDelta[];
  readonly tablesChanged: boolean;
  /** Paragraphs built by the edits, by place, with the previous version's paragraph there. */
  readonly rebuilt: ReadonlyMap<number, RebuiltParagraph>;
  /** The first offset (previous coordinates) the edits move; Infinity when nothing moves (a digit typed over). */
  readonly firstMoved: number;
}

function summarise({ previous, deltas }: ReportChanges): ChangeSummary {
  const rebuilt = new Map<number, RebuiltParagraph>();
  for (const d of deltas) {
    for (const [place, r] of d.paragraphs) {
      // Rebuilt again by a later edit of the same update: what it replaced is still the previous version's.
      const earlier = rebuilt.get(place);
      rebuilt.set(place, earlier ? { ...r, wasText: earlier.wasText } : r);
    }
  }
  let firstMoved = Number.POSITIVE_INFINITY;
  for (const d of deltas) if (d.shift !== 0) firstMoved = Math.min(firstMoved, d.movedFrom);
  return { previous, deltas, tablesChanged: deltas.some((d) => d.tables.size > 0), rebuilt, firstMoved };
}

// ------------------------------------------------------------------ findings

/** The finding moved by the edits, in order (mapRanges lists every field that holds a range). */
function move(f: Finding, deltas: readonly ReportDelta[]): Finding {
  return mapRanges(f, (r) => movedThrough(r, deltas));
}

/** Plain loop, no reduce: on a keystroke in a draft with thousands of findings, half of them move. */
function movedThrough(r: Range, deltas: readonly ReportDelta[]): Range {
  let moved = r;
  for (let k = 0; k < deltas.length; k++) moved = movedRange(moved, deltas[k]!);
  return moved;
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
    if (moved !== f && !out) {
      // Sized once: most lists are a paragraph's one or two findings.
      out = new Array<Finding>(found.length);
      for (let j = 0; j < k; j++) out[j] = found[j]!;
    }
    if (out) out[k] = moved;
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
