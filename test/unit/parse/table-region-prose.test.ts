// A paragraph of prose right after a table is the part's text, not the table's cells: read as cells, its figures
// (办结率100%，按期答复率100%) broke the table's reading and hid its real errors.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { isProseLine } from '../../../server/src/core/tables/prose-line';
import { ALL_LAYOUTS, buildReport } from '../../helpers/build-report';

const findings = (text: string) => check(parseDocument(text)).map((f) => `${f.severity} ${f.code}: ${f.message}`);

const AFTER_T3 = ['本年度办结率100%，按期答复率100%，申请人满意率100%。', '从办理结果看，予以公开2件，占40%；部分公开1件，占20%；无法提供2件，占40%。'];
const AFTER_T2 = '行政许可、行政处罚、行政强制决定公开率100%，及时率100%，准确率100%。';

describe('tables: a paragraph of prose after a table ends it', () => {
  for (const layout of ALL_LAYOUTS) {
    for (const p of AFTER_T3) {
      it(`${layout}: after 表三 “${p.slice(0, 12)}…” no finding`, () => {
        assert.deepEqual(findings(buildReport({ layout, prose: { 2: p } })), []);
      });
      it(`${layout}: after 表三 “${p.slice(0, 12)}…” a wrong total stays an error`, () => {
        const f = findings(buildReport({ layout, prose: { 2: p }, t3: { total: [4, 1, 0, 0, 0, 0, 6] } }));
        assert.ok(f.some((x) => x.startsWith('error sum.row')), f.join('\n'));
        assert.ok(!f.some((x) => x.includes('table.shape')), f.join('\n'));
      });
    }
    it(`${layout}: after 表二 a sentence of rates, no finding`, () => {
      assert.deepEqual(findings(buildReport({ layout, prose: { 1: AFTER_T2 } })), []);
    });
    it(`${layout}: the paragraph is the part's prose`, () => {
      const r = parseDocument(buildReport({ layout, prose: { 2: AFTER_T3[1]! } })).report;
      assert.ok(r.sections[2]!.paragraphs.some((x) => x.text === AFTER_T3[1]));
    });
  }
  it('pdf-rows: a sentence wrapped over lines after 表三', () => {
    const text = buildReport({ layout: 'pdf-rows', prose: { 2: '从办理结果看，予以公开2件，占40%；部分公开1件，\n占20%；无法提供2件，占40%。' } });
    assert.deepEqual(findings(text), []);
  });
});

describe('tables: isProseLine', () => {
  it('a sentence, with clauses, is prose', () => {
    for (const p of [...AFTER_T3, AFTER_T2, '从办理结果看，予以公开2件，占40%；部分公开1件，']) assert.ok(isProseLine(p), p);
  });
  it('a row, a cell or a label of the template is not', () => {
    for (const t of [
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '本年收费金额（单位：万元）',
      '无。',
      '行政许可\t85',
      '| 行政处罚，行政强制 | 5990。 |',
    ]) assert.ok(!isProseLine(t), t);
  });
});

// A report's own table after 表二, introduced and captioned (a province's 重点领域 statistics, a helper's large
// governments' reports): its rows were read as 表二's, each "not in the template" (表二共 12 处与模板不符).
const OWN_TABLE = ['重点领域信息公开情况如下：', '重点领域信息公开统计表', '序号\t重点领域\t公开信息数（条）\t同比增长', '1\t一、财政预决算\t8325\t9.2%', '2\t二、重大建设项目\t1298\t20.1%', '3\t三、公共资源配置\t8006\t27.6%'];

describe('tables: a table of the report\'s own after a template table ends it', () => {
  it('tab-grid: introduced by a line ending in a colon, or captioned …统计表, after 表二: no finding', () => {
    assert.deepEqual(findings(buildReport({ layout: 'tab-grid', prose: { 1: OWN_TABLE.join('\n\n') } })), []);
    assert.deepEqual(findings(buildReport({ layout: 'tab-grid', prose: { 1: OWN_TABLE.slice(1).join('\n\n') } })), []);
  });
  it('表三 after it is read: its wrong total is still an error', () => {
    assert.equal(findings(buildReport({ layout: 'tab-grid', prose: { 1: OWN_TABLE.join('\n\n') }, t3: { total: [4, 1, 0, 0, 0, 0, 6] } })).filter((f) => f.startsWith('error sum.row')).length, 1);
  });
});

describe('tables: a header note wrapped at its colon is no introduction', () => {
  it('pdf-rows: 表三 whose note breaks after 为： is read, its wrong total an error', () => {
    const text = buildReport({ layout: 'pdf-rows', t3: { total: [4, 1, 0, 0, 0, 0, 6] } }).replace(/（本列数据的勾稽关系为：/, '（本列数据的勾稽关系为：\n');
    assert.ok(text.includes('为：\n'));
    assert.equal(findings(text).filter((f) => f.startsWith('error sum.row')).length, 1, findings(text).join('\n'));
  });
});
