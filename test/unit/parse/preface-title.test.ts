// The title is a preface paragraph of its own: text right under it (no blank
// line, as a Word export or a page read from its PDF has it) stays in the
// preface, with the 统计期限 that gives the report its year.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodYear } from '../../../server/src/core/rules/year-mismatch';
import { check, parseDocument } from '../../../server/src/core/service';

const text = [
  '首页',
  '当前位置：首页 > 政务公开',
  '某局2019年政府信息公开工作年度报告',
  '发布时间：2020-01-21',
  '根据《条例》规定，现公布本局2019年报告。报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。',
  '一、总体情况',
  '本年度工作平稳。',
].join('\n');

test('the lines under a title with no blank line between are the preface, not dropped with the title', () => {
  const { report } = parseDocument(text);
  assert.equal(report.title?.text, '某局2019年政府信息公开工作年度报告');
  assert.deepEqual(report.preface.map((p) => p.text.replace(/\s/g, '')), ['首页当前位置：首页>政务公开', '发布时间：2020-01-21根据《条例》规定，现公布本局2019年报告。报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。']);
  assert.equal(periodYear(report), 2019);
});

test('a title and its preface on one paragraph run: no finding about them', () => {
  assert.deepEqual(check(parseDocument(text)).filter((f) => f.range.start < text.indexOf('一、')).map((f) => f.code), []);
});
