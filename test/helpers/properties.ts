// The properties the fuzz tests (test/unit/parse/fuzz.test.ts, fix-safety.test.ts)
// and the long run (scripts/fuzz-long.ts) check. Each throws an
// AssertionError naming what broke; fast-check reports the input.

import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { Finding, TextEdit } from '../../server/src/core/rules/types';
import { actions, check, clearCaches, FIX_ALL_KIND, folding, parseDocument, symbols, updateDocument, type ParsedDocument } from '../../server/src/core/service';
import type { Range, Report } from '../../server/src/core/model';
import { INVISIBLE } from '../../server/src/core/text/debris';

/** The oracle: a full parse with the memo tables emptied first (caches.ts), so it shares nothing with the incremental side. */
function coldParse(text: string): ParsedDocument {
  clearCaches();
  return parseDocument(text);
}
import { assertAllInside, linearBudgetMs, runEverything, type RunOptions } from './invariants';
import type { Change } from './mutate';

// ------------------------------------------------------------------ invariants

/**
 * No throw, every range inside, time within a linear budget. A run over
 * budget is timed twice more and the fastest counts: a GC pause or another
 * process on this 2-core machine must not fail the build; a slow algorithm
 * is slow every time.
 */
export function checkInvariants(text: string, budget: { perK?: number; base?: number } = {}, options: RunOptions = {}): { ms: number; findings: number } {
  const first = assertAllInside(text, options);
  let ms = first.ms;
  const limit = linearBudgetMs(text.length, budget.perK, budget.base);
  for (let k = 0; k < 2 && ms > limit; k++) ms = Math.min(ms, runEverything(text, { hoverProbes: 0, actions: false }).ms);
  assert.ok(ms <= limit, `took ${ms.toFixed(0)} ms for ${text.length} characters (budget ${limit.toFixed(0)} ms)`);
  return { ms, findings: first.findings.length };
}

// ------------------------------------------------------------------ incremental

/** What an editor would see: findings, outline and folding, all of it compared. */
function answers(doc: ParsedDocument) {
  return { findings: check(doc), symbols: symbols(doc), folding: folding(doc) };
}

export function applyChange(text: string, c: Change): string {
  return text.slice(0, c.range.start) + c.text + text.slice(c.range.end);
}

/**
 * updateDocument, applied edit after edit (each on the previous result, as
 * the server does), answers exactly as a fresh parse of the same text.
 */
export function checkIncremental(text: string, changes: readonly Change[]): void {
  let prev = parseDocument(text);
  let current = text;
  for (const [k, c] of changes.entries()) {
    current = applyChange(current, c);
    // Each version is a value: an update that changed the one it was given would throw here.
    deepFreeze(prev.report);
    const next = updateDocument(prev, [c]);
    assert.equal(next.text, current, `edit ${k + 1}: updateDocument's text differs from the edited text`);
    assert.deepStrictEqual(answers(next), answers(coldParse(current)), `edit ${k + 1}: updateDocument answers differently from parseDocument`);
    prev = next;
  }
}

/** Keystrokes in the tables' figures, each placed in the version the one before left, against a fresh parse. */
export function checkFigureTyping(text: string, keys: readonly { pick: number; at: number; kind: string; digit: string }[]): number {
  let prev = parseDocument(text);
  let typed = 0;
  for (const [k, key] of keys.entries()) {
    const { t2, t3, t4 } = prev.report.tables;
    const figures = [...(t2?.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)) ?? []), ...(t3?.rows.flatMap((r) => r.cells) ?? []), ...(t4?.cells ?? [])].filter((c) => c.kind === 'number' && c.range.end > c.range.start);
    if (figures.length === 0) break;
    const { range } = figures[key.pick % figures.length]!;
    const at = range.start + (key.at % (range.end - range.start + 1));
    const within = at < range.end;
    const anywhere = key.pick % (prev.text.length + 1);
    const change: Change =
      key.kind === 'elsewhere' ? { range: { start: anywhere, end: anywhere }, text: key.digit === '-' ? '的' : key.digit }
      : key.kind === 'over' && within ? { range: { start: at, end: at + 1 }, text: key.digit }
      : key.kind === 'delete' && within ? { range: { start: at, end: at + 1 }, text: '' }
      : { range: { start: at, end: at }, text: key.kind === 'mark' ? (key.digit === '-' ? '-' : '.') : key.digit };
    deepFreeze(prev.report);
    const next = updateDocument(prev, [change]);
    assert.deepStrictEqual(answers(next), answers(coldParse(next.text)), `figure keystroke ${k + 1} ${JSON.stringify(change)}: updateDocument answers differently from parseDocument`);
    prev = next;
    typed++;
  }
  return typed;
}

/** Several edits in one didChange (each in the coordinates the previous one left). */
export function checkIncrementalBatch(text: string, changes: readonly Change[]): void {
  const expected = changes.reduce(applyChange, text);
  const next = updateDocument(parseDocument(text), changes);
  assert.equal(next.text, expected, 'updateDocument(batch): text differs');
  assert.deepStrictEqual(answers(next), answers(coldParse(expected)), 'updateDocument(batch) answers differently from parseDocument');
}

// ------------------------------------------------------------------ fix safety

export interface FixStats {
  /** Code actions applied (quick fixes, fix-all-of-a-kind, source.fixAll). */
  applied: number;
  edits: number;
}

const URI = 'file:///fix-safety.txt';
/**
 * Errors per rule code. Counted, not matched by message: a message may quote
 * the text a fix changed. `masked`: ranges where errors are not counted.
 */
function errorCounts(list: readonly Finding[], masked: readonly { start: number; end: number }[] = []): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of list) {
    if (f.severity !== 'error' || masked.some((m) => m.start <= f.range.start && f.range.end <= m.end)) continue;
    counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  }
  return counts;
}

/** Where an offset of the old text lands after the (non-overlapping) edits. */
function mapOffset(edits: readonly TextEdit[], offset: number): number {
  let delta = 0;
  for (const e of edits) if (e.range.end <= offset) delta += e.newText.length - (e.range.end - e.range.start);
  return offset + delta;
}

/** The edits of a code action, applied as the client does (vscode-languageserver-textdocument), and as offsets. */
function editsOf(action: CodeAction): LspTextEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, `“${action.title}”: one document change`);
  const change = changes[0] as TextDocumentEdit;
  assert.equal(change.textDocument.uri, URI);
  return change.edits as LspTextEdit[];
}

/**
 * Applies one action the way VS Code does and checks that nothing outside its
 * edits changed (byte for byte) and that the edits themselves drop no text
 * the fix was not about. Returns the new text.
 */
export function applyActionSafely(doc: ParsedDocument, findings: readonly Finding[], action: CodeAction): { after: string; offsets: TextEdit[] } {
  const text = doc.text;
  const lsp = editsOf(action);
  const offsets: TextEdit[] = lsp.map((e) => ({ range: { start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end) }, newText: e.newText }));
  // Positions must round-trip: an LSP position that falls between \r and \n,
  // or past a line's end, would be moved by the client.
  lsp.forEach((e, k) => {
    assert.deepEqual(doc.lines.rangeOf(offsets[k]!.range), e.range, `“${action.title}”: edit range does not round-trip through offsets`);
  });
  const sorted = [...offsets].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]!.range.start >= sorted[i - 1]!.range.end, `“${action.title}”: overlapping edits`);
  const after = TextDocument.applyEdits(TextDocument.create(URI, 'gov-report', 1, text), lsp);

  // Outside the edits, byte for byte: walk the gaps between edits.
  let at = 0; // in after
  let from = 0; // in text
  for (const e of sorted) {
    const gap = text.slice(from, e.range.start);
    assert.equal(after.slice(at, at + gap.length), gap, `“${action.title}”: text between edits changed near offset ${from}`);
    at += gap.length;
    assert.equal(after.slice(at, at + e.newText.length), e.newText, `“${action.title}”: edit not applied as given at ${e.range.start}`);
    at += e.newText.length;
    from = e.range.end;
  }
  assert.equal(after.slice(at), text.slice(from), `“${action.title}”: text after the last edit changed`);

  // Inside the edits: what a fix removes must be what it is about.
  for (const e of sorted) {
    const removed = text.slice(e.range.start, e.range.end);
    const same = (x: TextEdit) => x.range.start === e.range.start && x.range.end === e.range.end && x.newText === e.newText;
    // A finding's fix, or one of its candidate fixes (a repair that is not unique).
    const finding = findings.find((f) => f.fix?.edits.some(same) || f.suggestions?.some((s) => s.edits.some(same)));
    assert.ok(finding, `“${action.title}”: edit ${e.range.start}–${e.range.end} belongs to no finding's fix`);
    const why = textLost(finding, doc, removed, e.newText);
    if (why) assert.fail(`${finding.code} fix “${action.title}” replaces “${removed}” with “${e.newText}”: ${why}`);
  }
  return { after, offsets };
}

const WRITTEN_FIGURE = /^\s*(?:[\d０-９][\d０-９.,，．]*\s*(?:[件个条次宗份项人起部篇家]|万元?|[*＊※†‡\u2460-\u2469\u00b9\u00b2\u00b3\u2070-\u2079])|[〇○零OoＯ])\s*$/;
// The placeholders a blank cell's fill replaces: numbers.ts PLACEHOLDER's marks (a backslash, ×, …, −) and 无 or 空.
const NUMBER_OR_PLACEHOLDER = /^(?:[\s\d０-９.,，．/\\\-—–－～~／―−×…]*|\s*[无空]\s*)$/;
// A part's numbering is also written 第二部分 (section.numbering may unify it to 2.).
const NUMBERING = /^(?:[\s\d０-９一二三四五六七八九十、.．,，()（）\-—–－―：:]|第|部分)*$/;

/**
 * Why an edit loses text, or undefined. What each kind of fix may remove:
 * debris removal only the flagged debris and whitespace; a number fix only a
 * number or placeholder; a numbering fix only the numbering; a missing
 * section nothing; a label or title fix only label text on one line (no
 * line break, and no stand-alone number, i.e. no value cell, that it does not put back),
 * and most of what it removes must come back in the new text.
 */
function textLost(finding: Finding, doc: ParsedDocument, removed: string, newText: string): string | undefined {
  const { code } = finding;
  const text = doc.text;
  if (code === 'text.artifact') {
    const flagged = text.slice(finding.range.start, finding.range.end).replace(/\s+/g, '');
    return removed.replace(/\s+/g, '') === flagged ? undefined : `removes more than the flagged “${flagged}”`;
  }
  // cell.invalid writes a figure alone that was written with its unit, a note mark or as a character (5件 → 5, 7.5万元 → 7.5,
  // 39* → 39, 〇 → 0).
  const writtenFigure = code === 'cell.invalid' && WRITTEN_FIGURE.test(removed) && /^\d+(?:\.\d+)?$/.test(newText);
  if (code.startsWith('sum.') || code.startsWith('cell.')) return (NUMBER_OR_PLACEHOLDER.test(removed) || writtenFigure) && !/[\r\n]/.test(removed) ? undefined : 'removes more than a number';
  // An invisible character beside the numbering (a soft hyphen a page's editor left, read as a space) may go with it.
  if (code === 'section.numbering') return NUMBERING.test(removed.replace(INVISIBLE, ' ')) && !/[\r\n]/.test(removed) ? undefined : 'removes more than the numbering';
  if (code === 'section.missing') return removed === '' ? undefined : 'an inserted section replaces text';
  if (/[\r\n]/.test(removed)) return 'the edit spans more than one line';
  // A number standing on its own (a value cell), not digits inside a label.
  const numbers = removed.match(/(?<!\S)[\d０-９]+(?:\.\d+)?(?!\S)/g) ?? [];
  const dropped = numbers.filter((x) => !newText.includes(x));
  if (dropped.length) return `drops the number(s) ${dropped.join(', ')}`;
  const han = [...removed].filter((ch) => /\p{Script=Han}/u.test(ch));
  const kept = han.filter((ch) => newText.includes(ch));
  return han.length === 0 || kept.length * 2 >= han.length ? undefined : 'most of the replaced text is not in the new text';
}

/**
 * Every code action offered for the whole document (each quick fix, each
 * "fix all of this kind", and source.fixAll): applied one at a time to the
 * original text, each must keep the text outside its edits, lower the count
 * of the diagnostics it targets, and add no error.
 */
export function checkFixSafety(text: string): FixStats {
  const doc = parseDocument(text);
  const before = check(doc);
  const beforeErrors = errorCounts(before);
  const whole = { start: 0, end: text.length };
  const offered = [
    ...actions(doc, { uri: URI, version: 1, range: whole }),
    ...actions(doc, { uri: URI, version: 1, range: whole, only: [FIX_ALL_KIND] }),
  ];
  const fixable = before.filter((f) => f.fix && f.fix.edits.length > 0);
  assert.equal(offered.filter((a) => a.kind === FIX_ALL_KIND).length, fixable.length > 0 ? 1 : 0, 'one source.fixAll action when anything is fixable');
  const stats: FixStats = { applied: 0, edits: 0 };
  for (const action of offered) {
    const { after, offsets } = applyActionSafely(doc, before, action);
    stats.applied++;
    stats.edits += offsets.length;
    const now = check(parseDocument(after));
    const targeted = action.kind === FIX_ALL_KIND ? [...new Set(fixable.map((f) => f.code))] : [...new Set((action.diagnostics ?? []).map((d) => String(d.code)))];
    assert.ok(targeted.length > 0, `“${action.title}” targets no diagnostic`);
    const count = (list: readonly Finding[]) => list.filter((f) => targeted.includes(f.code)).length;
    assert.ok(count(now) < count(before), `“${action.title}” did not lower the count of ${targeted.join(', ')} (${count(before)} → ${count(now)})`);
    // A row the parser could not align (table.shape) has its cells left
    // unchecked, and with them every sum of its table they take part in (a
    // column's total, the balance); a fix that repairs such a row lets the
    // rules see them. An error there was in the text before the fix, not
    // caused by it: the table that holds the row is exempt.
    const masked = before.filter((f) => f.code === 'table.shape').map((f) => {
      const { start, end } = tableHolding(doc.report, f.range) ?? f.range;
      return { start: mapOffset(offsets, start), end: mapOffset(offsets, end) };
    });
    const added = [...errorCounts(now, masked)].filter(([code, n]) => n > (beforeErrors.get(code) ?? 0)).map(([code, n]) => `${code} ${beforeErrors.get(code) ?? 0} → ${n}`);
    assert.deepEqual(added, [], `“${action.title}” added errors`);
  }
  return stats;
}

/** The range of the table that holds `range`, if one does. */
function tableHolding(report: Report, range: Range): Range | undefined {
  return Object.values(report.tables).find((t) => t !== undefined && t.range.start <= range.start && range.end <= t.range.end)?.range;
}

// ------------------------------------------------------------------ snapshots

/** Freezes a value and everything it reaches, so that any later change to it throws (strict mode). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  // Reading each property computes what a snapshot computes on first read (parse/section-versions.ts): it is frozen too.
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}

/** Everything a snapshot answers, as plain data: compared before and after later edits. */
function picture(doc: ParsedDocument) {
  return structuredClone({ text: doc.text, report: doc.report, starts: Array.from(doc.state.starts), answers: answers(doc) });
}

/**
 * Edit after edit, each version a snapshot: its model and its findings frozen
 * (a change to them throws), and every earlier version still answers exactly
 * as it did before the later edits, after all of them.
 */
export function checkSnapshots(text: string, changes: readonly Change[]): void {
  const versions: { doc: ParsedDocument; before: ReturnType<typeof picture> }[] = [];
  const keep = (doc: ParsedDocument) => {
    deepFreeze(doc.report);
    deepFreeze(check(doc));
    versions.push({ doc, before: picture(doc) });
  };
  let doc = parseDocument(text);
  keep(doc);
  for (const [k, c] of changes.entries()) {
    const prev = versions[versions.length - 1]!;
    doc = updateDocument(doc, [c]);
    assert.deepStrictEqual(picture(prev.doc), prev.before, `edit ${k + 1} changed the version it was made from`);
    keep(doc);
  }
  for (const [k, v] of versions.entries()) assert.deepStrictEqual(picture(v.doc), v.before, `version ${k} changed after later edits`);
}
