// The acceptance corpus of issue 12 (test/corpus/README.md): own HTML reports
// and the shared real reports, put through real tools at test time, against
// hand-checked expectations. Per rendition: every true defect found at its
// place, no error-level finding that matches no defect, at most one such warning.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ALLOWED_EXTRA_WARNINGS, explain, judge, loadExpectation, locate, missingDefects, overlaps, passes, renditions, withText, type Expectation, type Outcome, type Rendition } from '../../corpus/harness';
import { parseDocument } from '../../../server/src/core/service';
import { buildReport, validT3, validT4 } from '../../helpers/build-report';

/**
 * Renditions the checker does not pass yet: each is run and reported but does
 * not fail; a listed rendition that passes fails, so the list only shrinks.
 * Empty: every rendition passes (issue 12). A new source or rendition that
 * fails goes here only with the reason, and the issue that will fix it.
 */
const KNOWN_FAILING: readonly string[] = [];

const all = renditions();
const outcomes: Outcome[] = [];
const skipped: string[] = [];

describe('acceptance corpus', () => {
  test('KNOWN_FAILING names only renditions that exist', () => {
    const ids = new Set(all.map((r) => r.id));
    assert.deepEqual(KNOWN_FAILING.filter((id) => !ids.has(id)), []);
  });

  for (const rendition of all) {
    const expectation = loadExpectation(rendition.source);
    if (!expectation) {
      skipped.push(rendition.id);
      test(rendition.id, { skip: `no expectation file yet for ${rendition.source}` }, () => {});
      continue;
    }
    test(rendition.id, async () => {
      const outcome = judge(await withText(rendition), expectation);
      outcomes.push(outcome);
      const known = KNOWN_FAILING.includes(rendition.id);
      if (known) {
        assert.ok(!passes(outcome), `${rendition.id} now passes: remove it from KNOWN_FAILING`);
        // Failing by noise or a missed defect, never by an error on a correct number.
        assert.deepEqual(outcome.falseErrors.map((f) => `${outcome.at(f.range.start)} ${f.code}: ${f.message}`), [], explain(outcome));
        console.log(`[known failing] ${explain(outcome)}`);
      } else {
        assert.ok(passes(outcome), explain(outcome));
      }
    });
  }
});

// The rule itself, on a built report whose one defect is known: it must be able to fail.
describe('acceptance rule', () => {
  const t4 = validT4();
  t4[4] = t4[4]! + 1; // 行政复议 总计 one more than its parts
  const built: Rendition = { id: 'built', source: 'built', how: 'tab grid', text: () => buildReport({ t4 }) };
  const expect = (defects: Expectation['defects']): Expectation => ({ source: 'built', checkedBy: 'built', defects });
  const reviewTotal = { where: { table: 't4' as const, cell: 4 }, codes: ['sum.review'], why: 'total one more than its parts' };

  test('passes when the defect is expected and found at its cell', () => {
    const o = judge(built, expect([reviewTotal]));
    assert.ok(passes(o), explain(o));
  });
  test('an error that matches no defect fails, and is listed with line:col', () => {
    const o = judge(built, expect([]));
    assert.ok(!passes(o));
    assert.deepEqual(o.falseErrors.map((f) => f.code), ['sum.review']);
    assert.match(explain(o), /errors that match no defect \(1, allowed 0\):\n {4}\d+:\d+ error sum\.review/);
  });
  test('a finding at another cell does not match', () => {
    const o = judge(built, expect([{ ...reviewTotal, where: { table: 't4', cell: 9 } }]));
    assert.equal(missingDefects(o).length, 1);
    assert.equal(o.falseErrors.length, 1);
  });
  test('an expected defect that is not found fails', () => {
    const o = judge(built, expect([reviewTotal, { where: { table: 't3', row: 'public', column: 'total' }, codes: ['sum.row'], why: 'planted nowhere' }]));
    assert.ok(!passes(o));
    assert.match(explain(o), /defects not found \(1 of 2\):\n {4}\{"table":"t3","row":"public","column":"total"\} expected sum\.row at \d+:\d+/);
  });
  test('a table declared unreadable: its defects and the prose against it are excused, its table.shape warning is not extra; its errors still count', () => {
    // 表四 with 14 numbers: the checker cannot read it and says so once.
    const short: Rendition = { ...built, text: () => buildReport({ t4: validT4().slice(0, 14) }), unreadable: ['t4'] };
    const prose = { where: { prose: '某某' }, codes: ['prose.table'], why: 'against 表四', against: 't4' as const };
    const o = judge(short, expect([reviewTotal, prose]));
    assert.ok(passes(o), explain(o));
    assert.deepEqual(o.defects.map((d) => d.excused), [true, true]);
    const notDeclared = judge({ ...short, unreadable: undefined }, expect([]));
    assert.deepEqual(notDeclared.extraWarnings.map((f) => f.code), ['table.shape']);
    assert.ok(!passes(judge({ ...built, unreadable: ['t4'] }, expect([]))), 'an error in a table declared unreadable is still false');
  });
  test('a table-wide finding finds a defect at one of its related locations', () => {
    const t3 = validT3();
    t3.public = [2, 0, 0, 0, 0, 0];
    t3.partial = [1, 0, 0, 0, 0, 0];
    const lost: Rendition = { ...built, text: () => buildReport({ t3 }) };
    // Both rows lost a cell: one table.shape finding at the first, the second as its related location.
    const o = judge(lost, expect([{ where: { table: 't3', row: 'partial' }, codes: ['table.shape'], why: 'lost a cell' }]));
    assert.equal(missingDefects(o).length, 0, explain(o));
    assert.ok(o.defects[0]!.found!.range.start < o.text.indexOf('（二）部分公开'), 'found through the related location, not the finding’s own range');
  });
  test('an acceptable finding is neither required nor counted', () => {
    const o = judge(built, { ...expect([]), acceptable: [reviewTotal] });
    assert.ok(passes(o), explain(o));
    assert.equal(o.defects.length, 0);
  });
  test('a row region (label and cells) and a column region (its cells) hold the row’s 总计 cell', () => {
    const t3 = validT3();
    t3.public![6] = t3.public![6]! + 1;
    const wrongRow: Rendition = { ...built, text: () => buildReport({ t3 }) };
    for (const where of [{ table: 't3' as const, row: 'public' }, { table: 't3' as const, column: 'total' }, { table: 't3' as const, column: 6 }]) {
      const o = judge(wrongRow, expect([{ where, codes: ['sum.row', 'sum.column'], why: 'public 总计 one more than its row' }]));
      assert.equal(missingDefects(o).length, 0, explain(o));
    }
  });
  test('prose is found across the line breaks a conversion inserts; a blank cell (empty range) overlaps its position', () => {
    const text = buildReport({ prose: { 0: '全年共受理政府信息\n公开申请 5 件。' } });
    const loc = locate({ prose: '共受理政府信息公开申请5件' }, parseDocument(text).report, text);
    assert.ok('ranges' in loc && text.slice(loc.ranges[0]!.start, loc.ranges[0]!.end) === '共受理政府信息\n公开申请 5 件', JSON.stringify(loc));
    assert.ok(overlaps({ start: 5, end: 5 }, { start: 5, end: 5 }) && overlaps({ start: 5, end: 5 }, { start: 3, end: 5 }) && !overlaps({ start: 1, end: 3 }, { start: 3, end: 6 }));
  });
});

after(() => {
  const defects = outcomes.flatMap((o) => o.defects);
  const found = defects.filter((d) => d.found).length;
  const lines = [
    '',
    `acceptance corpus: ${outcomes.length} renditions checked (${outcomes.filter(passes).length} pass, ${outcomes.filter((o) => !passes(o)).length} fail, ${outcomes.filter((o) => !passes(o) && KNOWN_FAILING.includes(o.rendition.id)).length} of them known), ${skipped.length} skipped for want of an expectation file`,
    `  defects found ${found} / expected ${defects.length}; false errors ${outcomes.reduce((n, o) => n + o.falseErrors.length, 0)}; warnings matching no defect ${outcomes.reduce((n, o) => n + o.extraWarnings.length, 0)} (allowed ${ALLOWED_EXTRA_WARNINGS} per rendition)`,
    ...outcomes.map((o) => `  ${passes(o) ? 'pass' : 'FAIL'}  ${o.rendition.id}: defects ${o.defects.filter((d) => d.found).length}/${o.defects.length}, false errors ${o.falseErrors.length}, extra warnings ${o.extraWarnings.length}, missing ${missingDefects(o).length}`),
    ...(skipped.length ? [`  skipped (no expectation file): ${skipped.join(', ')}`] : []),
  ];
  const newlyFailing = outcomes.filter((o) => !passes(o) && !KNOWN_FAILING.includes(o.rendition.id)).map((o) => o.rendition.id);
  if (newlyFailing.length) lines.push('  failing and not in KNOWN_FAILING:', ...newlyFailing.map((id) => `  ${JSON.stringify(id)},`));
  console.log(lines.join('\n'));
});
