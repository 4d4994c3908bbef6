// Issue 18: no finding lists more than five related locations. Each is a row
// under the finding in Problems and in the hover; the ones kept are those that
// help find the mistake (the other broken totals, the cells that alone would
// mend a sum, the prose figure), the full breakdown stays in the hover.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renditions } from '../../corpus/harness';
import { check, parseDocument } from '../../../server/src/core/service';
import { MAX_RELATED, type Finding } from '../../../server/src/core/rules/types';
import { buildReport } from '../../helpers/build-report';
import { loadFixtures, sampleMutated } from '../../helpers/mutate';

function overListed(text: string): string[] {
  const doc = parseDocument(text);
  return check(doc).filter((f: Finding) => (f.related?.length ?? 0) > MAX_RELATED).map((f) => `${f.code} with ${f.related!.length}: ${f.message}`);
}

/** 表三 with nine non-zero outcome rows in 自然人 and 总计 (a sum with many parts). */
function nineOutcomes(): Record<string, number[]> {
  const one = [1, 0, 0, 0, 0, 0, 1];
  const rows = ['public', 'partial', 'deny.1', 'deny.2', 'deny.3', 'deny.4', 'deny.5', 'deny.6', 'deny.7'];
  return { new: [9, 0, 0, 0, 0, 0, 9], carried: [0, 0, 0, 0, 0, 0, 0], ...Object.fromEntries(rows.map((r) => [r, one])), total: [9, 0, 0, 0, 0, 0, 9], forward: [0, 0, 0, 0, 0, 0, 0] };
}

describe('at most five related locations a finding', () => {
  it('MAX_RELATED is five', () => assert.equal(MAX_RELATED, 5));

  it('on every fixture and every rendition of the acceptance corpus', () => {
    const texts = [...loadFixtures().map((f) => ({ id: f.name, text: f.text })), ...renditions().map((r) => ({ id: r.id, text: r.text() }))];
    assert.ok(texts.length > 40, `${texts.length} texts`);
    for (const { id, text } of texts) assert.deepEqual(overListed(text), [], id);
  });

  it('on mutated copies of the fixtures', () => {
    for (const sample of sampleMutated(loadFixtures(), 40, 18)) assert.deepEqual(overListed(sample.text), [], JSON.stringify({ ...sample, text: undefined }));
  });

  it('on a 表三 with nine parts to a sum, whatever cell is off by one', () => {
    const t3 = nineOutcomes();
    assert.deepEqual(overListed(buildReport({ t3 })), [], 'the table is valid');
    for (const [rowId, values] of Object.entries(t3)) {
      for (let c = 0; c < 7; c++) {
        const changed = { ...t3, [rowId]: values.map((v, i) => (i === c ? v + 1 : v)) };
        assert.deepEqual(overListed(buildReport({ t3: changed })), [], `${rowId}[${c}]`);
      }
    }
    // Two totals off at once: the column sums without a single repair list their non-zero parts, at most five.
    const both = { ...t3, total: [10, 0, 0, 0, 0, 0, 10], forward: [0, 0, 0, 0, 0, 0, 0], new: [10, 0, 0, 0, 0, 0, 10] };
    const columns = check(parseDocument(buildReport({ t3: both }))).filter((f) => f.code === 'sum.column');
    assert.ok(columns.length > 0);
    for (const f of columns) assert.ok((f.related?.length ?? 0) <= MAX_RELATED, f.message);
  });

  it('on prose: a sum of seven parts, a group of eight cells', () => {
    const sevenParts = '2022年，共发布政府信息64条。其中，通知公告2条，政策文件1条，人事信息1条，财政信息8条，工作动态31条，政策解读2条，专题专栏9条。';
    const doc = parseDocument(buildReport({ prose: { 0: sevenParts } }));
    const sum = check(doc).find((f) => f.code === 'prose.sum');
    assert.ok(sum, 'the list adds to 54, not 64');
    assert.equal(sum.related?.length, MAX_RELATED);
    const t3 = { ...nineOutcomes() };
    const deny = check(parseDocument(buildReport({ t3, prose: { 0: '本年度办理政府信息公开申请，其中不予公开 5 件。' } }))).find((f) => f.code === 'prose.table');
    assert.ok(deny, 'the table says 7 不予公开');
    // The seven non-zero cells of （三）, five of them.
    assert.equal(deny.related?.length, MAX_RELATED);
  });

  it('on prose against a group whose eight cells are all 0: still five, so the finding leads into the table', () => {
    const text = buildReport({ prose: { 0: '本年度办理政府信息公开申请，其中不予公开 2 件。' } });
    const deny = check(parseDocument(text)).find((f) => f.code === 'prose.table');
    assert.ok(deny, 'the table says 0 不予公开');
    assert.equal(deny.related?.length, MAX_RELATED);
    assert.ok(deny.related!.every((r) => text.slice(r.range.start, r.range.end) === '0'));
  });
});
