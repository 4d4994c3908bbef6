// A parse is a snapshot (issue 14): updateDocument returns a new version and
// leaves the one it was given exactly as it was, so a model, a range or a
// finding anyone kept never moves under them. Each version's model and
// findings are frozen here, so any change made to them in place throws.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, folding, parseDocument, symbols, type TextChange } from '../../../server/src/core/service';
import { ParseCache } from '../../../server/src/lsp/parseCache';
import type { EditLog } from '../../../server/src/lsp/trackedDocuments';
import { buildReport } from '../../helpers/build-report';
import { changeArb, changesFor, keystrokeArb, loadFixtures, mutatedFixtureArb } from '../../helpers/mutate';
import { checkIncremental, checkSnapshots, deepFreeze } from '../../helpers/properties';
import { clearCaches } from '../../../server/src/core/caches';
import type { SubItem } from '../../../server/src/core/model';

const SEED = 20261203;
const fixtures = loadFixtures();

describe('snapshots: an update leaves the version it was given as it was', () => {
  it('random edits on mutated fixtures: every earlier version, frozen, answers as before', (t) => {
    let edits = 0;
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures, 2), fc.array(changeArb, { minLength: 1, maxLength: 4 }), ({ text }, raw) => {
        const changes = changesFor(text, raw);
        edits += changes.length;
        checkSnapshots(text, changes);
      }),
      { seed: SEED, numRuns: 25 },
    );
    t.diagnostic(`${edits} edits`);
  });

  it('keystrokes (the keystroke path): every earlier version, frozen, answers as before', (t) => {
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(keystrokeArb, { minLength: 1, maxLength: 12 }), ({ text }, raw) => {
        const changes = changesFor(text, raw);
        edits += changes.length;
        checkSnapshots(text, changes);
      }),
      { seed: SEED + 1, numRuns: 25 },
    );
    t.diagnostic(`${edits} keystrokes`);
  });

  it('typing in a paragraph under a nested sub-item moves the sub-items after it (seeds 003, 004, a paragraph added under each point)', (t) => {
    // Sub-items nest (“1、” under “（四）”), and an edit's step numbers them with the nested ones, in line order.
    // Once, an edit after more sub-items than the section has at the top was taken for one after all of them:
    // nothing after it moved, and the outline drifted a character a keystroke (the long fuzz found it). The
    // seeds' points are one line each; a writer adds a paragraph under each, and types in it.
    let edits = 0;
    for (const fixture of fixtures.filter((f) => /00[34]_/.test(f.name))) {
      const doc = parseDocument(fixture.text);
      const nested = doc.report.sections.flatMap((s) => s.subItems.flatMap((i) => i.children));
      assert.ok(nested.length > 1, `${fixture.name} has nested sub-items`);
      const lines = fixture.text.split('\n');
      const pointLines = new Set(nested.map((i) => doc.lines.positionAt(i.range.start).line));
      const text = lines.map((l, k) => (pointLines.has(k) ? `${l}\n本年度持续推进该项工作，取得较好成效。` : l)).join('\n');
      const grown = parseDocument(text);
      assert.equal(grown.report.sections.flatMap((s) => s.subItems.flatMap((i) => i.children)).length, nested.length, 'the added paragraphs are prose');
      for (const item of grown.report.sections.flatMap((s) => s.subItems.flatMap((i) => i.children))) {
        // The paragraph under the point: a character typed at its start and in its middle, and its first deleted.
        const at = grown.lines.offsetAt({ line: grown.lines.positionAt(item.range.start).line + 1, character: 0 });
        checkIncremental(text, [{ range: { start: at, end: at }, text: '的' }, { range: { start: at + 5, end: at + 5 }, text: '1' }]);
        checkIncremental(text, [{ range: { start: at, end: at + 1 }, text: '' }]);
        edits += 3;
      }
    }
    t.diagnostic(`${edits} keystrokes`);
  });

  it('a long typing session in one report: parts read late, after many edits, equal a fresh parse', () => {
    // Paragraphs and sub-items after an edit are computed when first read (parse/section-versions.ts):
    // read only at the end, they must have followed every edit since.
    const text = buildReport();
    const next = (() => {
      let a = 7;
      return () => (a = (a * 16807) % 2147483647) / 2147483647;
    })();
    let current = text;
    const raw: { a: number; b: number; text: string }[] = [];
    for (let k = 0; k < 120; k++) raw.push({ a: Math.floor(next() * 1e9), b: next() < 0.3 ? 1 : 0, text: ['的', '1', '', '件'][Math.floor(next() * 4)]! });
    const changes = changesFor(current, raw);
    checkIncremental(current, changes);
    current = changes.reduce((s, c) => s.slice(0, c.range.start) + c.text + s.slice(c.range.end), current);
    assert.ok(current.length > 0);
  });
});

describe('snapshots: a parse shares the sub-items of an earlier parse that placed them alike', () => {
  // Section 一 with points （一）（二） and 1. 2. under （一）.
  const text = buildReport({ prose: { 0: '（一）公开情况\n1.主动公开\n本年度公开信息。\n2.依申请公开\n本年度受理申请。\n（二）平台建设\n本年度改版网站。' } });
  const shape = (items: readonly SubItem[]): unknown[] => items.map((i) => [i.title, i.level, i.range.start, shape(i.children)]);
  // The core keeps a line's analysis (where its sub-item was placed) from the line's second reading on (caches.ts):
  // as a report opened before, read once untimed.
  const seenBefore = (t: string) => (parseDocument(t), parseDocument(t));

  it('the same text parsed again: the very same sub-items, and an earlier parse, frozen, stays as it was', () => {
    const first = seenBefore(text);
    const kept = structuredClone(first.report);
    deepFreeze(first.report);
    const again = parseDocument(text);
    assert.equal(again.report.sections[0]!.subItems[0], first.report.sections[0]!.subItems[0]);
    assert.deepEqual(shape(again.report.sections[0]!.subItems), [['公开情况', 1, again.report.sections[0]!.subItems[0]!.range.start, [['主动公开', 2, again.report.sections[0]!.subItems[0]!.children[0]!.range.start, []], ['依申请公开', 2, again.report.sections[0]!.subItems[0]!.children[1]!.range.start, []]]], ['平台建设', 1, again.report.sections[0]!.subItems[1]!.range.start, []]]);
    assert.deepEqual(first.report, kept);
  });

  it('a numbering retyped at the same length changes the levels after it: those items are new, and equal a cold parse', () => {
    const first = seenBefore(text);
    const kept = structuredClone(first.report);
    deepFreeze(first.report);
    // 1. → 3.: no longer the start of a list under （一）, so 3. and 2. go to the top level; every offset stays.
    const retyped = text.replace('1.主动公开', '3.主动公开');
    const warm = parseDocument(retyped);
    clearCaches();
    const cold = parseDocument(retyped);
    assert.deepEqual(shape(warm.report.sections[0]!.subItems), shape(cold.report.sections[0]!.subItems));
    assert.deepEqual(warm.report.sections[0]!.subItems.map((i) => i.level), [1, 1, 1, 1]);
    assert.deepEqual(warm.report, cold.report);
    // （二）平台建设 kept its place, level and (no) children: shared; （一） lost its children: made anew.
    assert.equal(warm.report.sections[0]!.subItems[3], first.report.sections[0]!.subItems[1]);
    assert.notEqual(warm.report.sections[0]!.subItems[0], first.report.sections[0]!.subItems[0]);
    assert.deepEqual(first.report, kept);
  });
});

describe('snapshots: lines of the same text share one record (document-lines.ts)', () => {
  it('a report parsed again hands out the same paragraphs; the same paragraph in two places is two values, each where it stands', () => {
    // The same paragraph (its one line) in parts 一 and 六: one record, two places.
    const same = '本机关严格落实政府信息公开审查制度，确保信息准确、及时、规范。';
    const text = buildReport({ prose: { 0: same, 5: same } });
    parseDocument(text); // the records are kept from a line's second reading on (caches.ts)
    const first = parseDocument(text);
    const kept = structuredClone(first.report);
    deepFreeze(first.report);
    const again = parseDocument(text);
    const paragraphs = (r: typeof first.report) => r.sections.flatMap((x) => x.paragraphs);
    // Part 五's paragraph, on a line of its own text: the very object of the parse before.
    const own = paragraphs(again.report).findIndex((p) => p.text !== same);
    assert.equal(paragraphs(again.report)[own], paragraphs(first.report)[own]);
    // The record of the repeated line holds the paragraph last built from it: each place gets its own, at its offset.
    const placed = paragraphs(again.report).filter((p) => p.text === same);
    assert.equal(placed.length, 2);
    for (const p of placed) assert.equal(text.slice(p.range.start, p.range.end), same);
    clearCaches();
    assert.deepEqual(again.report, parseDocument(text).report);
    assert.deepEqual(first.report, kept);
  });
});

describe('snapshots: the server keeps one parse per version', () => {
  function log(): EditLog & { push(version: number, change: TextChange): void } {
    const entries: { version: number; change: TextChange }[] = [];
    return {
      push: (version, change) => entries.push({ version, change }),
      since: (_uri, from) => entries.filter((e) => e.version > from).map((e) => e.change),
      forget: () => {},
    };
  }

  it('an entry handed out for a version keeps that version’s model after the next version is parsed', () => {
    const edits = log();
    const cache = new ParseCache(edits);
    const uri = 'file:///snapshot.txt';
    const text1 = buildReport();
    const v1 = TextDocument.create(uri, 'gov-report', 1, text1);
    const first = cache.get(v1);
    const findings = check(first.parsed);
    const outline = symbols(first.parsed);
    const at = text1.lastIndexOf('。');
    const change = { range: { start: at, end: at }, text: '的' };
    edits.push(2, change);
    // TextDocument.update changes the document object it is given: v1 is not used after this.
    const v2 = TextDocument.update(v1, [{ range: { start: v1.positionAt(at), end: v1.positionAt(at) }, text: change.text }], 2);
    const second = cache.get(v2);
    assert.ok(second.parsed.changes, 'the second version was updated from the first, not parsed afresh');
    assert.equal(first.parsed.text, text1);
    const fresh = parseDocument(text1);
    assert.deepStrictEqual(first.parsed.report, fresh.report, 'the first entry still holds the first version’s model');
    assert.deepStrictEqual(check(first.parsed), findings);
    assert.deepStrictEqual(symbols(first.parsed), outline);
    assert.deepStrictEqual(outline, symbols(fresh), 'the first version’s outline is a fresh parse’s');
    // The outline is made once a version (VS Code asks twice: the Outline view, the breadcrumbs); the next version has its own.
    assert.equal(symbols(first.parsed), outline);
    assert.notEqual(symbols(second.parsed), outline);
    assert.deepStrictEqual(symbols(second.parsed), symbols(parseDocument(v2.getText())));
    assert.deepStrictEqual(folding(first.parsed), folding(fresh));
    // Asked for the older version again (a handler that kept its document): its own text's model, never the newer one.
    const again = cache.get(TextDocument.create(uri, 'gov-report', 1, text1));
    assert.equal(again.parsed.text, text1);
    assert.deepStrictEqual(again.parsed.report, fresh.report);
    assert.equal(cache.get(v2), second, 'the latest version is still the one kept');
  });
});
