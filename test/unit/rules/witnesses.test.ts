// Issue 18: other witnesses break ties. Where the tables alone cannot tell
// which cell of a broken sum is wrong (表四: any of a group's cells could be),
// a prose figure that states one of those cells can: it states the value that
// mends the sum for one cell, or confirms every candidate but one. The finding
// moves to that cell and says which witness decided; without a witness, or
// with one that states a third value, it stays on the total with no fix.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument, updateDocument, type ParsedDocument } from '../../../server/src/core/service';
import type { Finding } from '../../../server/src/core/rules/types';
import { ALL_LAYOUTS, buildReport, validT4 } from '../../helpers/build-report';

function sums(text: string): Finding[] {
  return check(parseDocument(text)).filter((f) => f.code.startsWith('sum.'));
}
const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);
/** The text with the fix applied. */
const fixed = (text: string, f: Finding) => f.fix!.edits.reduceRight((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
const review = (count: number) => `本年度发生政府信息公开行政复议 ${count} 件。`;

describe('a prose figure decides which cell of a broken sum is wrong', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: 表四 行政复议 总计 written 3 for 2, the prose says 2: the total, with the witness`, () => {
      const t4 = validT4().map((v, i) => (i === 4 ? 3 : v));
      const text = buildReport({ layout, t4, prose: { 3: review(2) } });
      const found = sums(text);
      assert.equal(found.length, 1);
      assert.equal(at(text, found[0]!), '3');
      assert.equal(found[0]!.message, '3 应为 2：正文称行政复议 2 件；改为 2 后表四“行政复议”的总计成立');
      // The prose figure is the related location that matters.
      assert.equal(found[0]!.related?.[0]!.message, '正文所述：行政复议 2 件');
      assert.equal(at(text, { ...found[0]!, range: found[0]!.related![0]!.range }), '2');
      assert.deepEqual(sums(fixed(text, found[0]!)), []);
    });

    it(`${layout}: a part written 3 for 2, the prose confirms the total 2: the part, the only other cell that would do`, () => {
      // 行政复议: 结果维持 2, the rest 0, 总计 2. Written 3: only 总计 (to 3) or 结果维持 (to 2) mend the sum.
      const t4 = [3, 0, 0, 0, 2, ...validT4().slice(5)];
      const text = buildReport({ layout, t4, prose: { 3: review(2) } });
      const found = sums(text);
      assert.equal(found.length, 1);
      assert.equal(at(text, found[0]!), '3');
      // At 结果维持, where the text differs from the report as it should be.
      const original = buildReport({ layout, t4: [2, 0, 0, 0, 2, ...validT4().slice(5)], prose: { 3: review(2) } });
      let differs = 0;
      while (text[differs] === original[differs]) differs++;
      assert.equal(found[0]!.range.start, differs);
      assert.match(found[0]!.message, /^3 应为 2：正文称行政复议 2 件；/);
      assert.equal(found[0]!.fix?.edits[0]!.newText, '2');
      assert.deepEqual(sums(fixed(text, found[0]!)), []);
      // The untouched total is related (the sum it broke), not the finding.
      assert.ok(found[0]!.related!.some((r) => r.message.startsWith('因此不成立：实为 2，应为 3：')));
    });
  }

  it('without a witness the finding stays on the total, with no fix, the cells that would do related', () => {
    const t4 = validT4().map((v, i) => (i === 4 ? 3 : v));
    const text = buildReport({ t4 });
    const found = sums(text);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /^实为 3，应为 2：/);
    assert.equal(found[0]!.fix, undefined);
    assert.deepEqual(found[0]!.related!.map((r) => r.message), ['改为 2 也能使本式成立', '改为 1 也能使本式成立', '改为 2 也能使本式成立', '改为 1 也能使本式成立']);
  });

  it('a witness that confirms the written total, with several other cells left, or states a third value, decides nothing', () => {
    const t4 = validT4().map((v, i) => (i === 4 ? 3 : v));
    for (const count of [3, 5]) {
      const found = sums(buildReport({ t4, prose: { 3: review(count) } }));
      assert.equal(found.length, 1, String(count));
      // The prose states the written total: no "应为" of it, and no candidate fix that writes the total over.
      assert.match(found[0]!.message, count === 3 ? /^各项之和 2，总计 3：表四“行政复议”的总计不成立；正文所述“[^”]*3[^”]*”与总计相符，应核对各项$/ : /^实为 3，应为 2：/);
      assert.equal(found[0]!.fix, undefined);
      if (count === 3) assert.ok(!(found[0]!.suggestions ?? []).some((s) => s.title.includes('总计')), JSON.stringify(found[0]!.suggestions));
    }
  });

  it('a count stated for a sum of totals that the written totals make confirms each of them (行政诉讼 N 件: the two 诉讼 groups)', () => {
    // A wrong 复议后起诉 item: 2 + 1 + 0 + 1 = 4 where the group's 总计 says 3. The prose's 行政诉讼 is 直接起诉 2 + 复议后起诉 3.
    const t4 = [1, 0, 1, 0, 2, 1, 0, 1, 0, 2, 2, 1, 0, 1, 3];
    const told = sums(buildReport({ t4, prose: { 3: '本年度发生政府信息公开行政复议2件，行政诉讼5件。' } }));
    assert.equal(told.length, 1);
    assert.match(told[0]!.message, /^各项之和 4，总计 3：表四“行政诉讼（复议后起诉）”的总计不成立；正文所述“[^”]*5[^”]*”与总计相符，应核对各项$/);
    assert.equal(told[0]!.fix, undefined);
    // A count the written totals do not make confirms nothing: the total is named as before.
    const other = sums(buildReport({ t4, prose: { 3: '本年度发生政府信息公开行政复议2件，行政诉讼6件。' } }));
    assert.match(other[0]!.message, /^实为 3，应为 4：/);
  });
});

// The rule engine re-runs the sum rules after a prose edit only where the tables left several cells that would each
// mend a group (rules/engine.ts, repair.ts repairsAskProse): elsewhere the prose cannot change them. Typed into the
// prose, a figure that becomes a witness, or stops being one, must change the findings as a fresh check says.
describe('a witness typed into the prose', () => {
  const typed = (doc: ParsedDocument, at: number, digit: string) => updateDocument(doc, [{ range: { start: at, end: at + 1 }, text: digit }]);
  const incremental = (doc: ParsedDocument) => check(doc).filter((f) => f.code.startsWith('sum.'));
  const plain = (found: Finding[]) => found.map((f) => ({ code: f.code, range: f.range, message: f.message, fix: f.fix?.edits }));

  // In 一、总体情况, away from the tables (a line next to a table is read again with it, and every rule runs then).
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: the figure typed from a third value to the one that decides, and back`, () => {
      const t4 = validT4().map((v, i) => (i === 4 ? 3 : v));
      let doc = parseDocument(buildReport({ layout, t4, prose: { 0: review(5) } }));
      assert.match(incremental(doc)[0]!.message, /^实为 3，应为 2：/);
      const at = doc.text.indexOf(review(5)) + review(5).indexOf('5');
      for (const [digit, expected] of [['2', /^3 应为 2：正文称行政复议 2 件；/], ['5', /^实为 3，应为 2：/], ['2', /^3 应为 2：正文称/]] as const) {
        doc = typed(doc, at, digit);
        const found = incremental(doc);
        assert.deepEqual(plain(found), plain(sums(doc.text)), digit);
        assert.match(found[0]!.message, expected, digit);
      }
    });
  }

  it('where one cell mends the sums, a prose edit leaves the findings as a fresh check has them', () => {
    // 表三 一、本年新收's total off by one: that cell alone mends what it breaks.
    const text = buildReport({ prose: { 0: review(5) } });
    const at = text.indexOf(review(5)) + review(5).indexOf('5');
    let doc = parseDocument(text);
    const cells = doc.report.tables.t3!.rows.find((r) => r.id === 'new')!.cells;
    const total = cells[cells.length - 1]!;
    doc = updateDocument(doc, [{ range: total.range, text: String(total.value! + 1) }]);
    const before = incremental(doc);
    assert.equal(before.length, 1);
    assert.ok(before[0]!.fix);
    for (const digit of ['2', '7', '0']) {
      doc = typed(doc, at, digit);
      assert.deepEqual(plain(incremental(doc)), plain(sums(doc.text)), digit);
    }
  });
});
