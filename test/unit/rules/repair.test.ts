// The arithmetic repair: the one cell that mends every broken identity of its
// group, or no edit when that is ambiguous. Applying it removes the finding
// and changes nothing outside the edit.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRepairs } from '../../../server/src/core/repair';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport, validT3 } from '../../helpers/build-report';

function apply(text: string, f: Finding): string {
  const edits = [...f.fix!.edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

function sumFindings(text: string): Finding[] {
  return check(parseDocument(text)).filter((f) => f.code.startsWith('sum.'));
}

describe('repair', () => {
  it('a wrong total: the fix sets the total', () => {
    const text = buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] } });
    const found = sumFindings(text);
    // The row total breaks its row and the balance; it alone explains both, so it is the one finding (issue 12: no
    // error on the right （七）总计), with the other broken total as a related location.
    assert.deepEqual(found.map((f) => f.code), ['sum.row']);
    assert.equal(text.slice(found[0]!.range.start, found[0]!.range.end), '7');
    assert.match(found[0]!.message, /^7 应为 5：/);
    assert.equal(found[0]!.related?.length, 1);
    assert.ok(found.every((f) => f.fix?.edits[0]!.newText === '5'));
    const fixed = apply(text, found[0]!);
    assert.deepEqual(sumFindings(fixed), []);
  });

  it('a wrong part breaks its row and its column: the fix sets the part, not a total', () => {
    const text = buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2] } });
    const found = sumFindings(text);
    // One finding at the wrong part, not two on the right totals of its row and column.
    assert.deepEqual(found.map((f) => f.code), ['sum.row']);
    assert.equal(text.slice(found[0]!.range.start, found[0]!.range.end), '3');
    assert.ok(text.slice(found[0]!.range.start - 8, found[0]!.range.start).includes('予以公开'));
    assert.ok(found.every((f) => f.fix?.edits[0]!.newText === '2'), JSON.stringify(found.map((f) => f.fix)));
    const fixed = apply(text, found[0]!);
    assert.deepEqual(sumFindings(fixed), []);
    // Nothing outside the edit changed.
    const e = found[0]!.fix!.edits[0]!;
    assert.equal(fixed.slice(0, e.range.start), text.slice(0, e.range.start));
    assert.equal(fixed.slice(e.range.start + 1), text.slice(e.range.end));
  });

  it('two mistakes whose sums cross (one\'s row meets the other\'s column): each found at its cell, with its own fix', () => {
    // Issue 18: （一） 自然人 written 3 for 2 (its row and the 自然人 column), （二） 总计 written 3 for 1 (its row and
    // the 总计 column). The four broken sums share cells, so they were one group no single cell mends: four findings on
    // right totals, no fix. Exactly one pair of cells mends them, each its own two sums.
    const text = buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2], partial: [1, 0, 0, 0, 0, 0, 3] } });
    const found = sumFindings(text);
    assert.deepEqual(found.map((f) => [text.slice(f.range.start, f.range.end), f.fix?.edits[0]!.newText, f.message.slice(0, 7)]), [['3', '2', '3 应为 2：'], ['3', '1', '3 应为 1：']]);
    assert.deepEqual(sumFindings(apply(apply(text, found[1]!), found[0]!)), []);
    const answers = findRepairs(parseDocument(text).report);
    assert.deepEqual(answers.map((a) => a.kind), ['unique', 'unique']);
  });

  it('two mistakes off by the same amount: their crossing cells explain them as well, so no edit, and the reason', () => {
    // A table with those four cells non-zero; （一） 自然人 (2) and （二） 商业企业 (1) each written one too many. The crossing
    // cells (（一）, 商业企业) and (（二）, 自然人) one fewer would mend the same four sums. No pair is certain.
    const valid = { new: [4, 2, 0, 0, 0, 0, 6], carried: [1, 0, 0, 0, 0, 0, 1], public: [2, 1, 0, 0, 0, 0, 3], partial: [1, 1, 0, 0, 0, 0, 2], 'unable.1': [1, 0, 0, 0, 0, 0, 1], total: [4, 2, 0, 0, 0, 0, 6], forward: [1, 0, 0, 0, 0, 0, 1] };
    assert.deepEqual(sumFindings(buildReport({ t3: valid })), []);
    const text = buildReport({ t3: { ...valid, public: [3, 1, 0, 0, 0, 0, 3], partial: [1, 2, 0, 0, 0, 0, 2] } });
    const found = sumFindings(text);
    assert.ok(found.length > 0);
    assert.ok(found.every((f) => !f.fix));
    const answers = findRepairs(parseDocument(text).report);
    assert.ok(answers.some((a) => a.kind === 'ambiguous'));
  });

  it('independent errors in 表三 and 表四 are solved independently', () => {
    const t4 = [1, 0, 1, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];
    const text = buildReport({ t4, t3: { ...validT3(), carried: [1, 0, 0, 0, 0, 0, 2] } });
    const found = sumFindings(text);
    // 表三: only the total of 二 takes part in both broken identities.
    assert.ok(found.filter((f) => f.code !== 'sum.review').every((f) => f.fix?.edits[0]!.newText === '1'));
    // 表四: any of the five cells of the group could be the wrong one: no edit.
    assert.equal(found.find((f) => f.code === 'sum.review')!.fix, undefined);
    const answers = findRepairs(parseDocument(text).report);
    assert.deepEqual(answers.map((a) => a.kind).sort(), ['ambiguous', 'unique']);
    assert.match((answers.find((a) => a.kind === 'ambiguous') as { reason: string }).reason, /有 5 个单元格/);
  });

  it('a one-cell finding whose rule is turned off is given by a sum rule that runs', () => {
    // The wrong part breaks its row and its column: sum.row owns the finding; with sum.row off, sum.column gives it, at the same cell.
    const text = buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2] } });
    const doc = parseDocument(text);
    const all = check(doc).filter((f) => f.code.startsWith('sum.'));
    const withoutRow = check(doc, { rules: { 'sum.row': 'off' } }).filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(all.map((f) => f.code), ['sum.row']);
    assert.deepEqual(withoutRow.map((f) => f.code), ['sum.column']);
    assert.deepEqual(withoutRow[0]!.range, all[0]!.range);
    assert.deepEqual(withoutRow[0]!.fix, all[0]!.fix);
    // And back: the same document with every rule on gives sum.row again (the engine's cache knows which rules ran).
    assert.deepEqual(check(doc).filter((f) => f.code.startsWith('sum.')).map((f) => f.code), ['sum.row']);
  });
});
