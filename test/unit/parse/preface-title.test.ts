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

// A page's publication date, breadcrumb or keywords above the title: the year of a correct 2022 report is not 2023
// (three year.mismatch warnings before). A full date is a day of publication, not the year reported on.
test('a date, a breadcrumb or keywords above the title neither join it nor give it their year', async () => {
  const { ALL_LAYOUTS, buildReport } = await import('../../helpers/build-report');
  const title = '某某市某某局2022年政府信息公开工作年度报告';
  const above = ['2023年01月31日', '发布日期 2023年01月31日', '【2023年01月31日】', '（2023年1月31日发布）', '2023年1月31日 某某市某某局', '２０２３年１月３１日', '2023-01-31',
    '当前位置：首页 > 政府信息公开年报 > 2023年', '首页 > 政府信息公开年报 > 2023年', '关键词：2023年 年度报告'];
  for (const layout of ALL_LAYOUTS) {
    for (const line of above) {
      const doc = parseDocument(buildReport({ layout }).replace(title, `${line}\n${title}`));
      assert.equal(doc.report.title?.text, title, line);
      assert.equal(doc.report.title?.year, 2022, line);
      assert.deepEqual(check(doc).filter((f) => f.code === 'year.mismatch'), [], line);
    }
  }
  // On the title's own line (a saved page's 标题: field): the year beside the report's name.
  const field = parseDocument(buildReport().replace(title, `标题: 2023年01月06日 ${title}`));
  assert.equal(field.report.title?.year, 2022);
  // A title wrapped over two lines still takes its year from its first half, and a wrong year is still found.
  assert.equal(parseDocument(buildReport().replace(title, '某某市某某局2022年\n政府信息公开工作年度报告')).report.title?.year, 2022);
  const wrong = parseDocument(buildReport().replace(title, `2023年01月31日\n某某市某某局2023年政府信息公开工作年度报告`));
  assert.equal(wrong.report.title?.year, 2023);
  assert.ok(check(wrong).some((f) => f.code === 'year.mismatch'));
});

// pandoc's Markdown of a saved page writes the article's heading with its id and class after it
// (`# 某局2021年…年度报告 {#某局2021年… .article-title}`): the line was too long to be a title, so the page had none
// (no cross-year check), or its breadcrumb stood for it and every such page read as one agency.
test('a title with the attributes pandoc writes after a heading is the title, without them', async () => {
  const { buildReport } = await import('../../helpers/build-report');
  const title = '某某市某某局2022年政府信息公开工作年度报告';
  for (const attributes of [` {#${title} .article-title}`, ' {.title}', ` {#${title}}`]) {
    const withAttributes = buildReport().replace(title, `::: breadcrumb\n当前位置：[首页](/) \\> [政府信息公开年报](/nb/)\n:::\n\n# ${title}${attributes}`);
    const doc = parseDocument(withAttributes);
    assert.equal(doc.report.title?.text, `# ${title}`, attributes);
    assert.equal(doc.report.title?.year, 2022, attributes);
    assert.equal(withAttributes.slice(doc.report.title!.range.start, doc.report.title!.range.end), `# ${title}`, attributes);
  }
});

// A saved page wrapped at a width whole (textwrap, a PDF of the saved text): its fields wrap too. The 标题: field's
// two halves are the title; a field's last piece that reads as a title (`0年政府信息公开年度报告`, the end of 本地目录:)
// names no year, and the 标题: field's year is taken. Before, the year was the publication date's: a 2020 report on
// the 2019 template had two table.legacy warnings.
test('a saved page wrapped whole: the 标题: field over two lines, a field\'s tail that reads as a title', async () => {
  const { buildReport } = await import('../../helpers/build-report');
  const title = '某某市某某局2022年政府信息公开工作年度报告';
  const header = (lines: string) => buildReport().replace(title, `${lines}\n发布时间: 2023-01-28 09:16\n`);
  const twoHalves = parseDocument(header('标题: 某某市某某局2022年政府信\n息公开工作年度报告'));
  assert.equal(twoHalves.report.title?.year, 2022);
  assert.equal(twoHalves.report.title?.text, '某某市某某局2022年政府信息公开工作年度报告');
  const tail = parseDocument(header('标题: 某某市某某局2022年政府信息公开工作年度报告\n本地目录: zwgk/zfxxgknb/202301/80626_某某市某某局202\n2年政府信息公开工作年度报告'));
  assert.equal(tail.report.title?.year, 2022);
  assert.deepEqual(check(tail).filter((f) => f.code === 'year.mismatch'), []);
});

test('other years\' reports listed above the title (相关阅读, a printed sidebar read first): the report\'s own title is the last of them', () => {
  const body = ['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '一、总体情况', '本年度工作平稳。'];
  const listed = ['相关阅读', '某局2022年政府信息公开工作年度报告', '某局2021年政府信息公开工作年度报告', '', '某局2023年政府信息公开工作年度报告', ...body].join('\n');
  assert.equal(parseDocument(listed).report.title?.year, 2023);
  assert.deepEqual(check(parseDocument(listed)).filter((f) => f.code === 'year.mismatch'), []);
  // Wrapped, as a sidebar's and the article's titles are in a printed page's text.
  const wrapped = ['相关信息', '本局2020年政府信息公开工作年', '度报告', '热点排行', '某局2021年政府信息公开工作年度', '报告', ...body.map((l) => l.replace(/2023/g, '2021'))].join('\n');
  assert.equal(parseDocument(wrapped).report.title?.year, 2021);
  // A page's <title> and the article's, one year: the first, as before.
  const twice = ['某局2023年政府信息公开工作年度报告_某局', '某局2023年政府信息公开工作年度报告', ...body].join('\n');
  assert.equal(parseDocument(twice).report.title?.text, '某局2023年政府信息公开工作年度报告_某局');
  // The list headed by words that read as a title without a year (历年年报: a printed sidebar's, read before the
  // page): its first link was taken for the title (year.mismatch ×2 on a correct report).
  const headed = ['历年年报', '2024年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告', '2021年政府信息公开工作年度报告', '首页 | 无障碍浏览', '当前位置：首页 > 年度报告', '某局2023年政府信息公开工作年度报告', ...body].join('\n');
  assert.equal(parseDocument(headed).report.title?.text, '某局2023年政府信息公开工作年度报告');
  assert.deepEqual(check(parseDocument(headed)).filter((f) => f.code === 'year.mismatch'), []);
});
