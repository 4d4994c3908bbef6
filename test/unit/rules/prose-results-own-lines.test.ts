// Results stated where the word 申请 is not in their own paragraph or sentence: reports list the outcomes on lines of
// their own after "办理结果如下：", carry applications forward with the count first, put a change or a percentage
// between a total and its parts. A helper's bank of 483 sentences missed these (ROBUSTNESS.md, defect 190); each
// contradiction below is flagged once, and each agreeing statement stays silent.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport } from '../../helpers/build-report';

// validT3(): （一）予以公开 2, （二）部分公开 1, （四）无法提供 2, （七）总计 5, 四 1; 表二 行政规范性文件 1/0/5. Year 2022.

function messages(code: string, prose: string, section = 0): string[] {
  const text = buildReport({ prose: { [section]: prose } });
  return check(parseDocument(text)).filter((f) => f.code === code).map((f) => f.message);
}

function flagged(code: string, cases: readonly (readonly [string, string])[], section = 0): void {
  for (const [prose, expect] of cases) {
    const list = messages(code, prose, section);
    assert.equal(list.length, 1, `${prose}: ${JSON.stringify(list)}`);
    assert.ok(list[0]!.includes(expect), `${prose}: ${list[0]}`);
  }
}

function silent(code: string, statements: readonly string[], section = 0): void {
  for (const prose of statements) assert.deepEqual(messages(code, prose, section), [], prose);
}

describe('prose.table: outcomes in a sentence of their own', () => {
  it('compares an outcome that opens its sentence, with a list mark or 其中 before it', () => {
    flagged('prose.table', [
      ['予以公开3件。', '正文 3，表格 2'],
      ['无法提供三件。', '正文 3，表格 2'],
      ['本年度办理结果如下：\n1.部分公开2件；\n2.无法提供2件。', '正文 2，表格 1'],
      ['其中予以公开2件、部分公开1件、无法提供3件。', '正文 3，表格 2'],
    ]);
    assert.equal(messages('prose.table', '办理结果如下：\n（1）部分公开2件；\n（2）无法提供3件。').length, 2);
  });
  it('stays silent where they agree, on a count noted inside another\'s bracket, and in 主动公开', () => {
    silent('prose.table', ['予以公开2件。', '无法提供二件。', '其中予以公开2件、部分公开1件、无法提供2件。', '予以公开3件（含部分公开2件）。']);
    silent('prose.table', ['予以公开3件。', '不予公开3件。'], 1);
  });
});

describe('prose.table: applications carried to next year, the count first', () => {
  it('compares the count with 四、结转下年度继续办理', () => {
    flagged('prose.table', [
      ['结转下年度继续办理2件。', '正文 2，表格 1'],
      ['2件顺延至下年度办理。', '正文 2，表格 1'],
      ['另有2件申请因尚在答复期内，结转下年度办理。', '正文 2，表格 1'],
      ['本年度收到政府信息公开申请5件，办理结果如下：2件顺延至下年度办理。', '正文 2，表格 1'],
      ['本年度收到政府信息公开申请5件，其中2件结转至2023年继续办理。', '正文 2，表格 1'],
    ]);
  });
  it('stays silent where it agrees, or names a year that is not the next', () => {
    silent('prose.table', ['尚有1件申请未办结，将结转至下一年度继续办理。', '本年度收到政府信息公开申请5件，其中2件结转至2024年继续办理。']);
  });
});

describe('prose.table: wordings of counts', () => {
  it('reads 依申请公开事项 and a 表二 count after a change clause', () => {
    flagged('prose.table', [
      ['全年共办理依申请公开事项4件。', '正文 4'],
      ['制发行政规范性文件1件，较上年增加1件；废止2件。', '正文 2，表格 0'],
    ]);
    silent('prose.table', ['制发行政规范性文件1件，较上年增加1件；废止0件。']);
  });
});

describe('prose.percent and prose.sum: a share after 所占比例为, a total before a change in per cent', () => {
  it('checks the share and the list', () => {
    flagged('prose.percent', [
      ['予以公开2件，占50%。', '应为 40%'],
      ['予以公开2件，所占比例为50%。', '应为 40%'],
    ]);
    silent('prose.percent', ['予以公开2件，占40%。', '予以公开2件，所占比例为40%。']);
    flagged('prose.sum', [['主动公开政府信息120条，同比增长8.2%，其中政策文件20条、工作动态90条。', '所述 120，各项之和 110']]);
    silent('prose.sum', ['主动公开政府信息110条，同比增长8.2%，其中政策文件20条、工作动态90条。']);
  });
});
