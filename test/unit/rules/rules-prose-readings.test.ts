// How real prose states table figures, beyond "N件 = one row": categories
// named together ("予以公开及部分公开 3 件" = （一）+（二）), verbs with more than
// one plausible reading (收到 = 一, or 一 + 二), lists that say they are a
// selection (其中包括, 主要有, 包括), and 表二 counts (制发, 废止, 现行有效,
// 处理决定). For each: wordings that must stay silent and wordings that must
// fire, in every table layout where a table is read.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableLayout } from '../../../server/src/core/model';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, hover, parseDocument } from '../../../server/src/core/service';
import { renderTable, type Row } from '../../../server/src/core/template-text';
import { ALL_LAYOUTS, buildReport, validT3, type ReportData } from '../../helpers/build-report';
import { assertLangParity } from '../../helpers/i18n';

interface Found {
  text: string;
  list: Finding[];
}

/** A whole report with `prose` as section 一's text, its tables in `layout`. */
function run(code: string, prose: string, data: ReportData = {}, layout: TableLayout = 'tab-grid'): Found {
  const text = buildReport({ ...data, layout, prose: { ...data.prose, 0: prose } });
  const doc = parseDocument(text);
  assertLangParity(doc, code);
  return { text, list: check(doc).filter((f) => f.code === code) };
}

const messages = (found: Found) => found.list.map((f) => f.message);
const marked = (found: Found) => found.list.map((f) => found.text.slice(f.range.start, f.range.end));

/** Silent in every layout. */
function silent(code: string, prose: string, data?: ReportData): void {
  for (const layout of ALL_LAYOUTS) assert.deepEqual(messages(run(code, prose, data, layout)), [], `${layout}: ${prose}`);
}

/** The same messages in every layout. */
function fires(code: string, prose: string, expected: string[], data?: ReportData): Found {
  let first: Found | undefined;
  for (const layout of ALL_LAYOUTS) {
    const found = run(code, prose, data, layout);
    assert.deepEqual(messages(found), expected, `${layout}: ${prose}`);
    first ??= found;
  }
  return first!;
}

const ZERO_T3: ReportData['t3'] = Object.fromEntries(Object.keys(validT3()).map((id) => [id, [0, 0, 0, 0, 0, 0, 0]]));
const NEW = '表三“一、本年新收政府信息公开申请数量”';
const CARRIED = '“二、上年结转政府信息公开申请数量”';
const PARTIAL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

// validT3(): 一 5, 二 1; （一）予以公开 2, （二）部分公开 1, （四）无法提供 2, （七）总计 5, 四 1. 表四: 复议 2, 诉讼 1.
// 表二 (build-report): 规章 0/0/0, 行政规范性文件 1/0/5, 行政许可 85, 行政处罚 5990, 行政强制 565.

describe('prose.table: categories named together are their sum', () => {
  const code = 'prose.table';
  it('reads A及B, A和B, A、B共 as the sum of the named rows', () => {
    silent(code, '本年度办理政府信息公开申请，其中予以公开及部分公开 3 件，无法提供 2 件。');
    silent(code, '本年度办理政府信息公开申请，予以公开、部分公开共 3 件。');
    silent(code, '本年度办理政府信息公开申请，予以公开和部分公开的申请 3 件。');
    silent(code, '本年度办理政府信息公开申请，予以公开、部分公开和无法提供共计 5 件。');
    const found = fires(code, '本年度办理政府信息公开申请，其中予以公开及部分公开 2 件。', [
      `正文 2，表格 3：正文称予以公开及部分公开 2 件，表三“（一）予以公开”与“${PARTIAL}”总计之和为 3`,
    ]);
    assert.deepEqual(marked(found), ['2']);
    assert.equal(found.list[0]!.related!.length, 2);
    fires(code, '本年度办理政府信息公开申请，予以公开、部分公开和无法提供共计 6 件。', [
      `正文 6，表格 5：正文称予以公开、部分公开和无法提供共计 6 件，表三“（一）予以公开”、“${PARTIAL}”与“（四）无法提供”总计之和为 5`,
    ]);
  });
  it('leaves a count alone that says it takes in more (（含…）)', () => {
    silent(code, '本年度办理政府信息公开申请，其中予以公开 3 件（含部分公开 1 件）。');
    silent(code, '本年度制发行政规范性文件 3 件（含规章 2 件）。');
  });
  it('leaves a count alone whose list names more than template rows', () => {
    silent(code, '本年度办理政府信息公开申请，全部公开和部分公开 5 件。');
    silent(code, '因政府信息公开引起的信访、行政复议 7 件。');
  });
  it('keeps counts given one by one apart', () => {
    silent(code, '本年度办理政府信息公开申请，其中予以公开 2 件、部分公开 1 件、无法提供 2 件。');
    fires(code, '本年度办理政府信息公开申请，其中予以公开 2 件、部分公开 3 件。', [`正文 3，表格 1：正文称部分公开 3 件，表三“${PARTIAL}”总计为 1`]);
  });
  it('reads 各 as each of the named rows', () => {
    silent(code, '本年度办理政府信息公开申请，予以公开、无法提供各 2 件，不予公开、不予处理各 0 件。');
    fires(code, '本年度办理政府信息公开申请，予以公开、部分公开各 2 件。', [`正文 2，表格 1：正文称予以公开、部分公开各 2 件，表三“${PARTIAL}”总计为 1`]);
  });
  it('reads 行政复议和行政诉讼 as the sum of both 表四 totals', () => {
    silent(code, '因政府信息公开被申请行政复议和被提起行政诉讼共 3 件。');
    silent(code, '本年度政府信息公开行政复议、行政诉讼各 0 件。', { t4: Array.from({ length: 15 }, () => 0) });
    fires(code, '因政府信息公开被申请行政复议和被提起行政诉讼共 1 件。', [
      '正文 1，表格 3：正文称行政复议和被提起行政诉讼共 1 件，表四“行政复议”与“行政诉讼”总计之和为 3',
    ]);
    fires(code, '本年度政府信息公开行政复议、行政诉讼各 1 件。', ['正文 1，表格 2：正文称行政复议、行政诉讼各 1 件，表四“行政复议”总计为 2']);
  });
});

describe('prose.table: counts named by a verb', () => {
  const code = 'prose.table';
  it('accepts 收到/受理 as 一 or as 一 + 二, and flags a count that is neither', () => {
    silent(code, '2022年，共收到政府信息公开申请 5 件。');
    silent(code, '2022年，共收到政府信息公开申请 6 件，均已按时答复。');
    silent(code, '全年受理信息公开申请 6 件。');
    fires(code, '2022年，共收到政府信息公开申请 7 件。', [
      `正文 7，表格 5 或 6：正文称收到政府信息公开申请 7 件，与表格不符（可能的对应：${NEW}总计为 5；${NEW}与${CARRIED}总计之和为 6）`,
    ]);
  });
  it('leaves counts of many agencies alone', () => {
    silent(code, '区政府全年受理政府信息公开申请 5 件，区级各部门共受理政府信息公开申请 120 件。');
    silent(code, '本机关及所属单位共收到政府信息公开申请 30 件。');
  });
  it('reads 新收 as 一 only', () => {
    silent(code, '本年度新收政府信息公开申请 5 件。');
    fires(code, '本年度新收政府信息公开申请 6 件。', [`正文 6，表格 5：正文称新收政府信息公开申请 6 件，${NEW}总计为 5`]);
  });
  it('accepts 办理/处理 as 一, 一 + 二 or （七）', () => {
    silent(code, '本年度不予处理政府信息公开申请 0 件，其他处理政府信息公开申请 0 件。');
    silent(code, '全年政府信息主动公开 64 条；办理依申请公开 6 件。');
    silent(code, '全年依法处理政府信息公开申请 5 件。');
    const t3 = { ...validT3(), 'unable.1': [1, 0, 0, 0, 0, 0, 1], total: [4, 0, 0, 0, 0, 0, 4], forward: [2, 0, 0, 0, 0, 0, 2] };
    silent(code, '全年办理政府信息公开申请 4 件。', { t3 });
    fires(code, '全年政府信息主动公开 64 条；办理依申请公开 9 件。', [
      `正文 9，表格 5 或 6：正文称办理依申请公开 9 件，与表格不符（可能的对应：${NEW}总计为 5；${NEW}与${CARRIED}总计之和为 6）`,
    ]);
  });
  it('reads "收到申请 N 份，其中…" against 一', () => {
    const t3 = { ...ZERO_T3, new: [6, 1, 0, 0, 0, 0, 7], public: [6, 1, 0, 0, 0, 0, 7], total: [6, 1, 0, 0, 0, 0, 7] };
    const prose = '2023年，我局共收到政府信息公开申请7份，其中法人申请1件、自然人申请6件，均依法予以办结。';
    silent(code, prose, { t3, year: 2023 });
    fires(code, prose, [
      `正文 7，表格 5 或 6：正文称收到政府信息公开申请 7 份，与表格不符（可能的对应：${NEW}总计为 5；${NEW}与${CARRIED}总计之和为 6）`,
      `正文 6，表格 4 或 5：正文称自然人申请 6 件，与表格不符（可能的对应：${NEW}“自然人”为 4；${NEW}与${CARRIED}“自然人”之和为 5）`,
    ], { year: 2023 });
  });
  it('reads 未收到相关政府信息公开申请 as 一 = 0', () => {
    silent(code, '本年度，我局未收到相关政府信息公开申请。', { t3: ZERO_T3 });
    fires(code, '本年度，我局未收到相关政府信息公开申请。', [`正文 0，表格 5：正文称未收到相关政府信息公开申请，${NEW}总计为 5`]);
  });
  it('says nothing when a reading\'s cells are blank and the sums do not determine them', () => {
    // 二 and 四 both blank: the balance has two unknowns in every column (a blank 二 alone would be determined by it).
    const t3 = { ...validT3(), carried: ['', '', '', '', '', '', ''], forward: ['', '', '', '', '', '', ''] };
    silent(code, '2022年，共收到政府信息公开申请 7 件。', { t3 });
  });
});

describe('prose.table: 表二', () => {
  const code = 'prose.table';
  it('compares 现行有效 with 现行有效件数', () => {
    silent(code, '截至年底，现行有效行政规范性文件 5 件，现行有效规章 0 件。');
    const found = fires(code, '截至年底，现行有效行政规范性文件 393 件。', ['正文 393，表格 5：正文称现行有效行政规范性文件 393 件，表二“行政规范性文件”“现行有效件数”为 5']);
    assert.deepEqual(marked(found), ['393']);
    assert.equal(found.list[0]!.related!.length, 1);
  });
  it('compares 制发/废止 and carries the documents to the next counts of the sentence', () => {
    silent(code, '2022年，我局共制定规范性文件 1 件，废止 0 件，现行有效 5 件。');
    silent(code, '本年度印发行政规范性文件 1 件。规范性文件现行有效 5 件。');
    fires(code, '2022年，我局共制定规范性文件 2 件，废止 1 件，现行有效 5 件。', [
      '正文 2，表格 1：正文称制定规范性文件 2 件，表二“行政规范性文件”“本年制发件数”为 1',
      '正文 1，表格 0：正文称废止 1 件，表二“行政规范性文件”“本年废止件数”为 0',
    ]);
  });
  it('adds up documents named together', () => {
    silent(code, '本年度制发规章和行政规范性文件共 1 件。');
    silent(code, '本年度制定规章 0 部，印发行政规范性文件 1 件。');
    // 部 counts documents, not 部门.
    fires(code, '本年度制定规章 1 部。', ['正文 1，表格 0：正文称制定规章 1 部，表二“规章”“本年制发件数”为 0']);
    silent(code, '会同3部门制定规章。');
    fires(code, '本年度制发规章和行政规范性文件共 3 件。', ['正文 3，表格 1：正文称制发规章和行政规范性文件共 3 件，表二“规章”与“行政规范性文件”“本年制发件数”之和为 1']);
  });
  it('compares 行政许可/行政处罚/行政强制 决定 with 本年处理决定数量', () => {
    silent(code, '全年作出行政许可决定 85 件，行政处罚决定 5990 件，行政强制决定 565 件。');
    fires(code, '全年作出行政许可决定 80 件，行政处罚和行政强制决定共 6555 件。', ['正文 80，表格 85：正文称行政许可决定 80 件，表二“行政许可”“本年处理决定数量”为 85']);
  });
  it('leaves other documents and other counts alone', () => {
    silent(code, '主动公开政府信息260条，其中政策、规范性文件类信息19条，其他类信息241条。');
    silent(code, '全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。', { t2: { rules: [0, 0, 0] } });
    silent(code, '审核规范性文件 30 件，制定党内规范性文件 3 件，转发规范性文件 4 件，开展规范性文件解读 6 件。');
    silent(code, '在信用平台公示行政许可决定 782 条，公开行政处罚决定书 182 份。');
    silent(code, '2021年制发规范性文件 9 件。');
    silent(code, '全市各级行政机关共制定规范性文件 200 件，各部门作出行政处罚决定 9000 件。');
    silent(code, '本年度，共制定、修改和废止规范性文件 12 件。');
    silent(code, '本年度出台配套政策及规范性文件 12 件，规章及规范性文件现行有效 30 件。');
    silent(code, '全年作出行政许可、行政处罚和行政强制决定共 7000 件。');
    silent(code, '制发规范性文件 9 件。', { t2: { normative: ['', '', ''] } });
  });
});

/** A 2020 report in the 2019 trial template, its 表二 (第二十条第（一）项: 本年新制作数量, 本年新公开数量, 对外公开总数量) with these 规范性文件 figures. */
function trialReport(prose: string, normative: number[], layout: TableLayout): string {
  const items = ['上一年项目数量', '本年增/减', '处理决定数量'];
  const block = (item: string, columns: string[], rows: [string, string[]][]): Row[] => [[`第二十条第（${item}）项`], ['信息内容', ...columns], ...rows.map(([label, cells]) => [label, ...cells])];
  const rows = [
    ...block('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [['规章', ['0', '0', '0']], ['规范性文件', normative.map(String)]]),
    ...block('五', items, [['行政许可', ['20', '18', '0']], ['其他对外管理服务事项', ['0', '0', '0']]]),
    ...block('六', items, [['行政处罚', ['88', '-18', '314']], ['行政强制', ['7', '1', '14']]]),
    ...block('八', items.slice(0, 2), [['行政事业性收费', ['16', '0']]]),
    ...block('九', ['采购项目数量', '采购总金额'], [['政府集中采购', ['19', '1690.99万元']]]),
  ];
  const lines = buildReport({ layout, legacyOther: true, year: 2020, prose: { 0: prose } }).split('\n');
  const start = lines.findIndex((l) => l.startsWith('二、')) + 2;
  const end = lines.findIndex((l) => l.startsWith('三、'));
  lines.splice(start, end - start, ...renderTable(layout, rows), '');
  return lines.join('\n');
}

describe('prose.table: the 2019 trial form of 表二', () => {
  const code = 'prose.table';
  const trial = (prose: string, normative: number[]) =>
    ALL_LAYOUTS.map((layout) => {
      const text = trialReport(prose, normative, layout);
      const doc = parseDocument(text);
      assertLangParity(doc, code);
      assert.equal(doc.report.tables.t2?.blocks[0]?.legacy, true, layout);
      return check(doc).filter((f) => f.code === code).map((f) => `${text.slice(f.range.start, f.range.end)} ${f.message}`);
    });
  const silentTrial = (prose: string, normative: number[]) => assert.deepEqual(trial(prose, normative), ALL_LAYOUTS.map(() => []), prose);
  const firesTrial = (prose: string, normative: number[], expected: string[]) => assert.deepEqual(trial(prose, normative), ALL_LAYOUTS.map(() => expected), prose);
  const MADE = '表二“规范性文件”“本年新制作数量”';
  const PUBLISHED = '表二“规范性文件”“本年新公开数量”';
  const TOTAL = '表二“规范性文件”“对外公开总数量”';

  it('reads 新制作, 新公开 and 对外公开总数 as their columns', () => {
    silentTrial('本局新制作规范性文件 6 件，新公开 5 件，对外公开总数 41 件。', [6, 5, 41]);
    silentTrial('本局对外公开规范性文件总数 41 件，累计公开规章 0 件。', [6, 5, 41]);
    firesTrial('本局新制作规范性文件 5 件，新公开 5 件，对外公开总数 40 件。', [6, 5, 41], [
      `5 正文 5，表格 6：正文称新制作规范性文件 5 件，${MADE}为 6`,
      `40 正文 40，表格 41：正文称对外公开总数 40 件，${TOTAL}为 41`,
    ]);
    firesTrial('本年度新公开规范性文件 6 件。', [6, 5, 41], [`6 正文 6，表格 5：正文称新公开规范性文件 6 件，${PUBLISHED}为 5`]);
  });
  it('reads 新制作并公开 as either column, and a bare 公开 as this year\'s or all', () => {
    silentTrial('本局新制作并公开规范性文件 5 件。', [6, 5, 41]);
    silentTrial('本局新制作并公开规范性文件 6 件。', [6, 5, 41]);
    silentTrial('本局公开规范性文件 41 件。', [6, 5, 41]);
    silentTrial('本局制发规范性文件 6 件。', [6, 5, 41]);
    silentTrial('本局公开新制作规范性文件 6 件。', [6, 5, 41]);
    firesTrial('本局新制作并公开规范性文件 4 件，对外公开规范性文件总数 41 件。', [6, 6, 41], [`4 正文 4，表格 6：正文称新制作并公开规范性文件 4 件，${MADE}为 6`]);
    firesTrial('本局新制作并公开规范性文件 4 件。', [6, 5, 41], [`4 正文 4，表格 6 或 5：正文称新制作并公开规范性文件 4 件，与表格不符（可能的对应：${MADE}为 6；${PUBLISHED}为 5）`]);
    firesTrial('本局公开规范性文件 7 件。', [6, 5, 41], [`7 正文 7，表格 5 或 41：正文称公开规范性文件 7 件，与表格不符（可能的对应：${PUBLISHED}为 5；${TOTAL}为 41）`]);
  });
  it('leaves wordings of the 2021 form and other documents alone', () => {
    silentTrial('本年度废止规范性文件 3 件，现行有效规范性文件 9 件，制定规范性文件 8 件。', [6, 5, 41]);
    silentTrial('制定政府信息公开规范性文件 2 件，依申请公开规范性文件 3 件，开展规范性文件解读 4 件，累计制作规范性文件 50 件。', [6, 5, 41]);
    silentTrial('全区各部门新制作规范性文件 30 件。2019年新公开规范性文件 2 件。', [6, 5, 41]);
  });
  it('shows the 2019 column the count matches on hover', () => {
    const prose = '本局新制作并公开规范性文件 5 件。';
    const text = trialReport(prose, [6, 5, 41], 'tab-grid');
    const h = hover(parseDocument(text), text.indexOf(' 5 件') + 1);
    assert.equal((h!.contents as { value: string }).value, `**正文：新制作并公开规范性文件 5 件** ✓\n\n${PUBLISHED}为 5`);
  });
  it('reads no 2019 column in a report whose 表二 has the 2021 form', () => {
    silent(code, '本局新制作并公开规范性文件 4 件，对外公开规范性文件总数 40 件。');
  });
});

describe('prose.table: received applications by applicant', () => {
  const code = 'prose.table';
  // validT3(): 一 = 自然人 4 + 商业企业 1, 二 = 自然人 1.
  const NATURAL = `${NEW}“自然人”`;
  it('compares 自然人 with its column and 法人 with the 法人或其他组织 columns added', () => {
    silent(code, '本年度共收到政府信息公开申请 5 份，其中法人申请 1 件、自然人申请 4 件。');
    silent(code, '共受理政府信息公开申请 6 件，其中自然人提出的申请 5 件，法人或其他组织申请 1 件。');
    silent(code, '新收政府信息公开申请 5 件（其中自然人 4 件，法人 1 件）。');
    silent(code, '新收政府信息公开申请 5 件，其中：法人 1 件；自然人 4 件。');
    const t3 = { ...validT3(), new: [4, 0, 1, 0, 1, 0, 6], total: [4, 0, 1, 0, 1, 0, 6] };
    silent(code, '本年度新收政府信息公开申请 6 件，其中自然人 4 件、法人 2 件。', { t3 });
    fires(code, '本年度新收政府信息公开申请 6 件，其中：自然人 4 件；法人 3 件。', [`正文 3，表格 2：正文称法人 3 件，${NEW}“法人或其他组织”各列之和为 2`], { t3 });
    fires(code, '本年度新收政府信息公开申请 6 件，其中自然人 3 件、法人 3 件。', [
      `正文 3，表格 4：正文称自然人 3 件，${NATURAL}为 4`,
      `正文 3，表格 2：正文称法人 3 件，${NEW}“法人或其他组织”各列之和为 2`,
    ], { t3 });
    const found = fires(code, '本年度新收政府信息公开申请 5 件，其中自然人申请 3 件，法人申请 2 件。', [
      `正文 3，表格 4：正文称自然人申请 3 件，${NATURAL}为 4`,
      `正文 2，表格 1：正文称法人申请 2 件，${NEW}“法人或其他组织”各列之和为 1`,
    ]);
    assert.deepEqual(marked(found), ['3', '2']);
    assert.equal(found.list[1]!.related!.length, 5);
  });
  it('reads 收到 as 一, or 一 + 二', () => {
    silent(code, '共收到政府信息公开申请 6 件，其中自然人申请 5 件、法人申请 1 件。');
    fires(code, '共收到政府信息公开申请 6 件，其中自然人申请 6 件。', [
      `正文 6，表格 4 或 5：正文称自然人申请 6 件，与表格不符（可能的对应：${NATURAL}为 4；${NEW}与${CARRIED}“自然人”之和为 5）`,
    ]);
    // 其中 may open the next sentence.
    fires(code, '共收到政府信息公开申请 5 件。其中自然人申请 3 件。', [
      `正文 3，表格 4 或 5：正文称自然人申请 3 件，与表格不符（可能的对应：${NATURAL}为 4；${NEW}与${CARRIED}“自然人”之和为 5）`,
    ]);
  });
  it('leaves lists that are not of the received applications alone', () => {
    silent(code, '共办结政府信息公开申请 5 件，其中自然人申请 3 件。');
    silent(code, '共收到政府信息公开申请 5 件，其中网上申请 3 件，自然人申请 1 件。');
    silent(code, '共收到政府信息公开申请 5 件，其中予以公开 2 件，自然人 3 件。');
    silent(code, '共收到自然人政府信息公开申请 5 件，其中个人 3 件。');
    silent(code, '全区各部门共收到政府信息公开申请 50 件，其中自然人申请 30 件。');
    silent(code, '共收到政府信息公开申请 5 件，其中企业申请 3 件。');
    silent(code, '2021年收到政府信息公开申请 5 件，其中自然人申请 3 件。');
    silent(code, '2021年收到政府信息公开申请 5 件。其中自然人申请 3 件。');
    silent(code, '全区各部门共收到政府信息公开申请 50 件。其中自然人申请 30 件。');
  });
  it('says nothing when the row was not read one value per column', () => {
    silent(code, '本年度新收政府信息公开申请 5 件，其中自然人申请 3 件。', { t3: { ...validT3(), new: [4, 1, 0, 0, 0, 5] } });
  });
});

describe('prose.sum: 主动公开 categories listed a sentence after their total', () => {
  const code = 'prose.sum';
  const categories = '政府信息主动公开类别主要涉及公示公告、政策规范性文件、行政处罚。其中公示公告类 159 条，政策规范性文件类信息 12 条，行政处罚类 12 条。';
  it('adds the categories up to the 主动公开 total, past a cumulative figure', () => {
    silent(code, `2020年度，主动公开政府信息 183 条。历年累计主动公开政府信息 2979 条。${categories}`);
    silent(code, '主动公开政府信息225条，公开类别主要涉及财政资金、征地信息。其中财政资金类5条，征地信息类220条。');
    const found = run(code, `2019年度，主动公开政府信息 475 条。历年累计主动公开政府信息 2979 条。${categories}`);
    assert.deepEqual(messages(found), ['所述 475，各项之和 183：其中各项（159 + 12 + 12）与所述总数不符']);
    assert.deepEqual(marked(found), ['475']);
    assert.deepEqual(messages(run(code, '主动公开政府信息226条，公开类别主要涉及财政资金、征地信息。其中财政资金类5条，征地信息类220条。')), ['所述 226，各项之和 225：其中各项（5 + 220）与所述总数不符']);
  });
  it('with categories named with 等 only checks that the parts do not exceed the total', () => {
    silent(code, '主动公开政府信息300条。公开类别主要涉及财政资金、征地信息等。其中财政资金类5条，征地信息类220条。');
    assert.deepEqual(messages(run(code, '主动公开政府信息200条。公开类别主要涉及财政资金、征地信息等。其中财政资金类5条，征地信息类220条。')), ['所述 200 条，各项之和至少 225：其中所列各项（5 + 220）超过所述总数']);
  });
  it('leaves other lists and totals alone', () => {
    // Another count between the total and the list, a list that is no categories, a total of something else.
    silent(code, '主动公开政府信息475条。通过微信公开工作动态133条。公开类别主要涉及公示公告、行政处罚。其中公示公告类159条，行政处罚类12条。');
    silent(code, '主动公开政府信息475条。公开类别主要涉及公示公告、行政处罚。其中网站159条，微信12条。');
    silent(code, '发布工作动态475条。公开类别主要涉及公示公告、行政处罚。其中公示公告类159条，行政处罚类12条。');
    silent(code, '主动公开政府信息475条。我局持续推进公开工作。其中公示公告类159条，行政处罚类12条。');
    silent(code, '历年累计主动公开政府信息2979条。公开类别主要涉及公示公告、行政处罚。其中公示公告类159条，行政处罚类12条。');
  });
});

describe('prose.sum: lists that say they are a selection', () => {
  const code = 'prose.sum';
  it('does not add outcomes up to what was received', () => {
    // Outcomes add up to （七）, which differs from 一 by what was carried over.
    silent(code, '共收到政府信息公开申请 93 件，其中予以公开及部分公开 42 件，不予公开 3 件。');
    silent(code, '共收到政府信息公开申请 6 件，其中予以公开 4 件，部分公开 3 件。');
    assert.equal(run(code, '共办结政府信息公开申请 6 件，其中予以公开 4 件，部分公开 3 件。').list.length, 1);
  });
  it('checks a plain 其中 list as complete', () => {
    const prose = '通过门户网站主动公开政府信息260条，其中政策、规范性文件类信息19条，财政预算、决算类信息6条，安全生产、应急管理类信息5条，民政扶贫救灾社会保障就业类信息66条，其他类信息164条。';
    silent(code, prose);
    assert.deepEqual(messages(run(code, prose.replace('260条', '261条'))), ['所述 261，各项之和 260：其中各项（19 + 6 + 5 + 66 + 164）与所述总数不符']);
  });
  it('reads a list with a part whose unit was left out as incomplete', () => {
    silent(code, '全年政府信息主动公开52条，其中政策及规范性文件类3条，国土资源城乡建设环保能源类信息 45，其他类4条；办理依申请公开19件。');
    const found = run(code, '全年政府信息主动公开64条，其中政策及规范性文件类2条，财政预算、决算1条，环境保护8条，征地信息31条，土地划拨2条，其他类9条；办理依申请公开30件。');
    assert.deepEqual(messages(found), ['所述 64，各项之和 53：其中各项（2 + 1 + 8 + 31 + 2 + 9）与所述总数不符']);
    // "1、" numbers the parts: the list is still complete.
    assert.equal(run(code, '主动公开信息60条，其中：1、政策文件20条；2、通知公告30条。').list.length, 1);
  });
  it('with 其中包括 only checks that the parts do not exceed the total', () => {
    silent(code, '新增主动公开政府信息1301条。其中包括：政策法规信息40条，重大决策公开6条，规划计划8条。');
    assert.deepEqual(messages(run(code, '新增主动公开政府信息100条。其中包括：政策法规信息60条，规划计划50条。')), ['所述 100 条，各项之和至少 110：其中所列各项（60 + 50）超过所述总数']);
  });
  it('with 主要有 or 包括 after the total only checks that the parts do not exceed it', () => {
    silent(code, '全年发布信息100条，主要有政策文件30条、通知公告20条。');
    silent(code, '共收到政府信息公开申请5件，包括自然人申请3件、法人申请1件。');
    assert.deepEqual(messages(run(code, '全年发布信息100条，主要有政策文件80条、通知公告30条。')), ['所述 100 条，各项之和至少 110：其中所列各项（80 + 30）超过所述总数']);
    assert.deepEqual(messages(run(code, '共收到政府信息公开申请5件，包括自然人申请4件、法人申请2件。')), ['所述 5 件，各项之和至少 6：其中所列各项（4 + 2）超过所述总数']);
  });
  it('stays linear on repeated list openers', () => {
    const started = Date.now();
    run(code, `共${'1条包括'.repeat(30_000)}，其中主要包括${'1件，主要有2件、'.repeat(10_000)}`);
    assert.ok(Date.now() - started < 5000);
  });
  it('with 其中如 reads the list as examples', () => {
    silent(code, '共开展培训12场，其中如业务培训3场、专题讲座2场。');
    assert.equal(run(code, '共开展培训12场，其中如业务培训10场、专题讲座5场。').list.length, 1);
  });
});
