// The 2019 trial template (国办公开办函〔2019〕60号) judged by its own rules:
// a 2019 or 2020 report that uses it is right, in every layout; a later report
// that uses it gets table.legacy and nothing else for the form; a cell that is
// wrong in the 2019 form is still flagged. The 表二 below is written as such
// reports print it (figures like the 平潭 2019/2020 reports').

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, hover, parseDocument, tables, tablesAsText } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport } from '../../helpers/build-report';
import { reportWith, table2of2019 } from '../../helpers/legacy-report';
import { assertLangParity } from '../../helpers/i18n';

function findings(text: string, options: { templateYear?: number } = {}): Finding[] {
  const doc = parseDocument(text);
  assertLangParity(doc, 'legacy');
  return check(doc, options);
}

const summary = (text: string, list: Finding[]) => list.map((f) => `${f.code} ${text.slice(f.range.start, f.range.end)}`);

describe('the 2019 trial template in a 2019 or 2020 report', () => {
  it('reads its 表二 in the 2019 form, in every layout', () => {
    for (const layout of ALL_LAYOUTS) {
      const t2 = parseDocument(reportWith(table2of2019(), layout)).report.tables.t2!;
      assert.deepEqual(t2.blocks.map((b) => [b.id, b.legacy]), [['item1', true], ['item5', true], ['item6', true], ['item8', true], ['item9', true]], layout);
      assert.deepEqual(t2.problems, [], layout);
      const cells = (block: string, row: string) => t2.blocks.find((b) => b.id === block)!.rows.find((r) => r.id === row)!.cells.map((c) => [c.kind, c.value]);
      assert.deepEqual(cells('item6', 'penalty'), [['number', 88], ['number', -18], ['number', 314]], layout);
      assert.deepEqual(cells('item6', 'coercion'), [['number', 7], ['number', -1], ['number', 14]], layout);
      assert.deepEqual(cells('item8', 'fees'), [['number', 16], ['number', -12]], layout);
      assert.deepEqual(cells('item5', 'otherServices'), [['number', 0], ['number', 0], ['number', 0]], layout);
      assert.deepEqual(cells('item9', 'procurement'), [['number', 48], ['number', 38518699.09]], layout);
    }
  });

  it('finds nothing wrong with a correct 2019 report, in every layout', () => {
    for (const layout of ALL_LAYOUTS) {
      const text = reportWith(table2of2019(), layout);
      assert.deepEqual(summary(text, findings(text)), [], layout);
    }
  });

  it('reads a block without its header row in the form of the rest of the table', () => {
    for (const layout of ALL_LAYOUTS) {
      const rows = table2of2019().filter((r) => r[1] !== '本年新制作数量');
      const text = reportWith(rows, layout);
      assert.equal(parseDocument(text).report.tables.t2!.blocks[0]!.legacy, true, layout);
      assert.deepEqual(summary(text, findings(text)), [], layout);
    }
  });

  it('header labels cut at their line break (本年新 / 本年新, as a page turned into text keeps them): each names its own column', () => {
    for (const layout of ['tab-grid', 'pipe'] as const) {
      const text = reportWith(table2of2019({}, { 一: ['本年新', '本年新', '对外公开总数量'] }), layout);
      const headers = parseDocument(text).report.tables.t2!.blocks[0]!.headers.map((h) => [h.text, h.columnId]);
      assert.deepEqual(headers, [['本年新', 'made'], ['本年新', 'published'], ['对外公开总数量', 'publishedTotal']], layout);
      assert.deepEqual(findings(text).map((f) => f.message), ['标签“本年新”与模板不一致，应为“本年新制作数量”。', '标签“本年新”与模板不一致，应为“本年新公开数量”。'], layout);
    }
  });

  it('takes 采购总金额 in 元, in 万元 or without a unit, and 增/减 written with a sign or in words', () => {
    for (const amount of ['73802895.90元', '2059.2090万元', '4253521.20', '1,690.9913 万元']) {
      for (const change of ['+3', '增3', '减12', '－2', '0']) {
        const text = reportWith(table2of2019({ procurement: ['19', amount], licensing: ['20', change, '0'] }), 'cell-per-line');
        assert.deepEqual(summary(text, findings(text)), [], `${amount} ${change}`);
      }
    }
  });

  it('takes the year from the 统计期限 when the title has none, else from the templateYear setting', () => {
    const dated = reportWith(table2of2019(), 'tab-grid', { year: 2020 }).replace('某某市某某局2020年政府信息公开工作年度报告', '某某市某某局政府信息公开工作年度报告');
    assert.equal(parseDocument(dated).report.title?.year, undefined);
    assert.deepEqual(findings(dated, { templateYear: 2023 }), []);
    const undated = dated.replace(/统计期限[^。]*。/, '');
    assert.deepEqual(findings(undated, { templateYear: 2020 }), []);
    assert.deepEqual(findings(undated, { templateYear: 2023 }).map((f) => f.code), ['table.legacy', 'table.legacy']);
    // No year anywhere and no setting (a tester's 2019 report whose body opens 2019年，): the 2019 form may be its own.
    assert.deepEqual(findings(undated), []);
  });

  it('still flags what is wrong in the 2019 form: a count that is negative, has decimals or a unit; an amount that is negative', () => {
    const text = reportWith(table2of2019({ licensing: ['-20', '18', '0'], penalty: ['88.5', '-18', '314'], coercion: ['7件', '1', '14'], procurement: ['48', '-5元'] }), 'tab-grid');
    assert.deepEqual(summary(text, findings(text)), ['cell.invalid -20', 'cell.invalid 88.5', 'cell.invalid 7件', 'cell.invalid -5元']);
    assert.deepEqual(findings(text).map((f) => f.message), [
      '表二“行政许可”中的“-20”是负数，件数不能为负。',
      '表二“行政处罚”中的“88.5”带有小数，件数应为整数。',
      // A count with its unit is clear: a warning whose fix writes 7 (cell.invalid's written figures).
      '表二“行政强制”中的“7件”应写作 7：单元格只填写数字，不带单位或注释符号，件数不带小数。',
      '表二“政府集中采购”中的“-5元”是负数，金额不能为负。',
    ]);
  });

  it('a change is a whole number: one with decimals is flagged', () => {
    const text = reportWith(table2of2019({ licensing: ['20', '-1.5', '0'] }), 'pdf-rows');
    assert.deepEqual(summary(text, findings(text)), ['cell.invalid -1.5']);
  });

  it('holds a block in the 2021 form to the 2021 rules, in a 2019 report too', () => {
    const rows = table2of2019({ fees: ['100元'] }, { 八: ['本年收费金额（单位：万元）'] });
    const text = reportWith(rows, 'tab-grid');
    const t2 = parseDocument(text).report.tables.t2!;
    assert.equal(t2.blocks.find((b) => b.id === 'item8')!.legacy, false);
    assert.deepEqual(summary(text, findings(text)), ['cell.unit 100元']);
  });

  it('flags a header that drifts from the 2019 label (本公开数量 for 本年新公开数量)', () => {
    const text = reportWith(table2of2019({}, { 一: ['本年新制作数量', '本公开数量', '对外公开总数量'] }), 'cell-per-paragraph');
    const list = findings(text);
    assert.deepEqual(summary(text, list), ['table.label 本公开数量']);
    assert.equal(list[0]!.message, '标签“本公开数量”与模板不一致，应为“本年新公开数量”。');
  });
});

describe('a 2020 report whose title a PDF\'s text wrapped before 报告', () => {
  // MuPDF's and pdftotext -layout's text of a Word report LibreOffice printed (a tester's, sixteenth session): the title
  // "…2020 年政府信息公开工作年度" / "报告", neither line a title, and the period wrapped too. The year was unknown and the
  // 2019 tables were called outdated (two table.legacy warnings on a 2020 report).
  it('joins the two lines into the title, whose year is the report\'s', () => {
    for (const gap of ['\n\n', '\n                    ']) {
      const text = buildReport({ legacyOther: true, year: 2020 })
        .replace('某某市某某局2020年政府信息公开工作年度报告', `某某市某某局 2020 年政府信息公开工作年度${gap}报告`)
        .replace(/本报告中所列数据的统计期限[^。]*。/, '');
      const doc = parseDocument(text);
      assert.equal(doc.report.title?.year, 2020, JSON.stringify(doc.report.title));
      assert.deepEqual(check(doc).filter((f) => f.code === 'table.legacy').map((f) => f.message), []);
    }
  });
});

describe('the 2019 form as the views show it', () => {
  it('names the 2019 columns and rows in the tables text, the preview and the cell hover', () => {
    const text = reportWith(table2of2019(), 'cell-per-line');
    const doc = parseDocument(text);
    const asText = tablesAsText(doc);
    assert.match(asText, /信息内容 +上一年项目数量 +本年增\/减 +处理决定数量\n行政处罚 +88 +-18 +314/);
    assert.match(asText, /规范性文件 +9 +9 +21/);
    assert.match(asText, /其他对外管理服务事项/);
    const block = tables(doc).t2!.blocks.find((b) => b.id === 'item5')!;
    assert.deepEqual(block.columns.map((c) => c.text), ['上一年项目数量', '本年增/减', '处理决定数量']);
    assert.deepEqual(block.rows.map((r) => r.label.text), ['行政许可', '其他对外管理服务事项']);
    const value = (hover(doc, text.indexOf('-18'))!.contents as { value: string }).value;
    assert.match(value, /表二 · 第二十条第（六）项 · 行政处罚 · 本年增\/减/);
  });
});

describe('the 2019 trial template in a 2021-or-later report', () => {
  it('is table.legacy (表二 and the single （六） row) and nothing else, in every layout', () => {
    for (const layout of ALL_LAYOUTS) {
      const text = reportWith(table2of2019(), layout, { year: 2022 });
      const list = findings(text);
      assert.deepEqual(list.map((f) => [f.code, f.severity]), [['table.legacy', 'warning'], ['table.legacy', 'warning']], layout);
    }
  });

  it('a 2021 header cut short (处理决定数量) does not make a block 2019', () => {
    const text = buildReport({ year: 2022 }).replace('本年处理决定数量', '处理决定数量');
    const doc = parseDocument(text);
    assert.equal(doc.report.tables.t2!.legacy, false);
    assert.deepEqual(doc.report.tables.t2!.problems, []);
    assert.deepEqual(summary(text, check(doc)), ['table.label 处理决定数量']);
  });
});

describe('sum.in-force in the 2019 form: 对外公开总数量 ≥ 本年新公开数量', () => {
  it('flags a total published below what was published this year, in every layout', () => {
    for (const layout of ALL_LAYOUTS) {
      const text = reportWith(table2of2019({ normative: ['12', '12', '5'] }), layout);
      const list = findings(text).filter((f) => f.code === 'sum.in-force');
      assert.deepEqual(summary(text, list), ['sum.in-force 5'], layout);
      assert.equal(list[0]!.message, '实为 5，应不少于 12：“规范性文件”对外公开总数量含本年新公开数量' /* issue 18: figures first */);
      assert.deepEqual(list[0]!.related?.map((r) => [text.slice(r.range.start, r.range.end), r.message]), [['12', '本年新公开数量：12']]);
    }
  });

  it('does not compare 本年新制作数量 (documents made last year can be published this year)', () => {
    const text = reportWith(table2of2019({ rules: ['30', '2', '10'], normative: ['0', '7', '7'] }), 'tab-grid');
    assert.deepEqual(findings(text).filter((f) => f.code === 'sum.in-force'), []);
  });
});

describe('gov-report check --template-year, as the editor’s govReport.templateYear', () => {
  it('an undated report in the 2019 form: judged by the 2019 template with --template-year 2020, flagged as old with 2023', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const undated = reportWith(table2of2019(), 'tab-grid', { year: 2020 })
      .replace('某某市某某局2020年政府信息公开工作年度报告', '某某市某某局政府信息公开工作年度报告')
      .replace(/统计期限[^。]*。/, '');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-template-year-'));
    try {
      const file = path.join(dir, 'undated.txt');
      writeFileSync(file, undated);
      const cli = path.resolve(__dirname, '..', '..', '..', 'bin', 'gov-report.js');
      const codes = (year: string) => {
        const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--template-year', year, file], { encoding: 'utf8' });
        return (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }[])[0]!.diagnostics.map((d) => d.code).filter((c) => c === 'table.legacy');
      };
      assert.deepEqual(codes('2020'), []);
      assert.deepEqual(codes('2023'), ['table.legacy', 'table.legacy']);
      const bad = spawnSync(process.execPath, [cli, 'check', '--template-year', '23', file], { encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--template-year/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
