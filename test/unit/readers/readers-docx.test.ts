// The Word reader: the real blank 2021 template, the template with figures
// typed into its tables (a clean report and one with known wrong totals,
// found at their cells and the same as from a text export), Word's generated
// numbering, the body's parts, files that are not Word's, and hostile zips.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Block, TableBlock } from '../../../server/src/core/readers/blocks';
import { readDocx } from '../../../server/src/core/readers/docx';
import { formatNumber } from '../../../server/src/core/readers/docx/number-formats';
import { DEFAULT_LIMITS } from '../../../server/src/core/readers/blocks';
import { readOriginal } from '../../../server/src/core/readers/original';
import { cellText, placeAt, type OriginalRendition } from '../../../server/src/core/readers/tab-grid';
import { check, describeReadProblem, parseDocument } from '../../../server/src/core/service';
import { converted } from '../../corpus/libreoffice';
import { strToU8, zipSync } from 'fflate';
import { CHINESE_LIST, num, STYLES } from '../../helpers/word-numbering';
import { docx, p, typeIntoTables } from '../../helpers/docx';
import { sharedDir } from '../../helpers/fixtures';

const template = () => new Uint8Array(readFileSync(path.join(sharedDir('raw'), '政务公开年报模版_2021.docx')));

async function rendition(bytes: Uint8Array): Promise<OriginalRendition> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `read: ${JSON.stringify(outcome)}`);
  assert.equal(outcome.kind, 'docx');
  return outcome.rendition;
}

async function blocksOf(bytes: Uint8Array): Promise<readonly Block[]> {
  const result = await readDocx(bytes, DEFAULT_LIMITS);
  assert.ok(result.ok, JSON.stringify(result));
  return result.blocks;
}

const tablesOf = (blocks: readonly Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
// Cells as the rendition writes them (a line break Word holds inside a label, 商业⏎企业, joined).
const gridTexts = (t: TableBlock, rows: number) => t.rows.slice(0, rows).map((r) => r.map((c) => cellText(c.text)));
const errors = (text: string) => check(parseDocument(text)).filter((f) => f.severity === 'error');

// Figures typed into the template: table (0-based, XML order) → row (XML order) → the row's last cells.
const T3_COLUMNS = 7; // 自然人, five kinds of 法人或其他组织, 总计
const t3Row = (natural: number, business: number) => [natural, business, 0, 0, 0, 0, natural + business].map(String);
function cleanFigures() {
  const t3: Record<number, string[]> = {};
  for (let r = 3; r <= 27; r++) t3[r] = t3Row(0, 0);
  t3[3] = t3Row(10, 2); // 一、本年新收
  t3[4] = t3Row(2, 0); // 二、上年结转
  t3[5] = t3Row(5, 2); // （一）予以公开
  t3[6] = t3Row(1, 0); // （二）部分公开
  t3[7] = t3Row(1, 0); // （三）1.属于国家秘密
  t3[15] = t3Row(1, 0); // （四）1.本机关不掌握
  t3[26] = t3Row(8, 2); // （七）总计
  t3[27] = t3Row(4, 0); // 四、结转下年度
  return {
    0: { 2: ['1', '0', '5'], 3: ['3', '1', '20'], 6: ['100'], 9: ['50'], 10: ['3'], 13: ['0'] },
    1: t3,
    2: { 3: ['2', '1', '0', '1', '4', '1', '0', '0', '0', '1', '0', '1', '0', '0', '1'] },
  };
}

describe('the blank 2021 template (../shared/raw)', () => {
  it('reads as a 2021-template report: six parts, 表二/表三/表四 found, no error on blank figures', async () => {
    const r = await rendition(template());
    const doc = parseDocument(r.text);
    assert.equal(doc.report.layout, 'tab-grid');
    assert.deepEqual(
      doc.report.sections.map((s) => s.heading.sectionId),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(Object.keys(doc.report.tables).sort(), ['t2', 't3', 't4']);
    assert.deepEqual(errors(r.text), []);
  });

  it('says each empty table has no figures yet, not that it cannot be read; one figure typed and 表四 is read', async () => {
    const r = await rendition(template());
    const shape = (text: string, lang: 'zh' | 'en' = 'zh') => check(parseDocument(text), { lang }).filter((f) => f.code === 'table.shape').map((f) => f.message);
    assert.deepEqual(shape(r.text), ['表二还没有填写数字：表中没有任何数字。', '表三还没有填写数字：表中没有任何数字。', '表四还没有填写数字：表中没有任何数字。']);
    assert.deepEqual(shape(r.text, 'en'), ['表二 has no figures yet: there is no number in the table.', '表三 has no figures yet: there is no number in the table.', '表四 has no figures yet: there is no number in the table.']);
    for (const t of ['t2', 't3', 't4'] as const) assert.deepEqual(parseDocument(r.text).report.tables[t]?.problems.map((p) => p.detail.what), ['no-figures'], t);
    // 表四 with its first figure typed holds a number: no longer "no figures". Its row is the template's 15 cells,
    // so it is read: the figure, then 14 blanks still to fill.
    const oneFigure = r.text.replace(/\n(\t+)\n\n五、/, (_all, tabs: string) => `\n3${tabs}\n\n五、`);
    assert.notEqual(oneFigure, r.text);
    const t4 = parseDocument(oneFigure).report.tables.t4;
    assert.deepEqual(t4?.problems, []);
    assert.deepEqual(t4?.cells.map((c) => c.value ?? c.kind), [3, ...Array(14).fill('blank')]);
    assert.match(check(parseDocument(oneFigure)).find((f) => f.code === 'cell.blank' && f.message.startsWith('表四'))?.message ?? '', /^表四中有 14 个应填数字的单元格为空/);
  });

  it('says the parts whose text is still the template\'s （文字描述…） are not written yet', async () => {
    const r = await rendition(template());
    const empty = check(parseDocument(r.text)).filter((f) => f.code === 'section.empty');
    assert.deepEqual(empty.map((f) => [f.severity, f.message]), [
      ['information', '“总体情况”尚未填写（只有占位内容）。'],
      ['information', '“存在的主要问题及改进情况”尚未填写（只有占位内容）。'],
      ['information', '“其他需要报告的事项”尚未填写（只有占位内容）。'],
    ]);
  });

  it('lays merged header cells onto the grid: text at the top-left, continuation positions empty', async () => {
    const [t2, t3, t4] = tablesOf(await blocksOf(template()));
    assert.ok(t2 && t3 && t4);
    assert.deepEqual(gridTexts(t2, 2), [
      ['第二十条第（一）项', '', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ]);
    const head3 = gridTexts(t3, 3);
    assert.match(head3[0]![0]!, /^（本列数据的勾稽关系为/);
    assert.deepEqual(head3[0]!.slice(1), ['', '', '申请人情况', '', '', '', '', '', '']);
    assert.deepEqual(head3[1], ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    assert.deepEqual(head3[2], ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    // 三、本年度办理结果 merges down 22 rows; （三）不予公开 down its 8 items.
    assert.deepEqual(gridTexts(t3, 9).slice(5).map((row) => row.slice(0, 3)), [
      ['三、本年度办理结果', '（一）予以公开', ''],
      ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
      ['', '（三）不予公开', '1.属于国家秘密'],
      ['', '', '2.其他法律行政法规禁止公开'],
    ]);
    assert.deepEqual(gridTexts(t4, 3), [
      ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
      ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    ]);
    assert.deepEqual(t4.rows[1]![6]!.place, { table: 3, row: 2, column: 7 });
  });
});

describe('the template with figures typed into its tables', () => {
  it('a clean report: no error-level finding', async () => {
    const r = await rendition(typeIntoTables(template(), cleanFigures()));
    const doc = parseDocument(r.text);
    assert.deepEqual(errors(r.text), []);
    for (const t of ['t2', 't3', 't4'] as const) assert.deepEqual(doc.report.tables[t]?.problems ?? [], [], t);
  });

  it('wrong totals are found at their cells in the original, as from a text export of the same figures', async () => {
    const figures = cleanFigures();
    figures[1][26] = [...t3Row(8, 2).slice(0, T3_COLUMNS - 1), '11']; // 表三 （七）总计 / 总计: 10 + 1
    figures[2][3] = ['2', '1', '0', '1', '5', '1', '0', '0', '0', '1', '0', '1', '0', '0', '1']; // 表四 行政复议 总计: 4 + 1
    const r = await rendition(typeIntoTables(template(), figures));
    const found = errors(r.text);
    assert.ok(found.length > 0);
    const places = found.map((f) => ({ code: f.code, place: placeAt(r, f.range.start) }));
    // 表三 is the document's 2nd table: （七）总计 is grid row 27, 总计 column 10; 表四 row 4, 行政复议 总计 column 5.
    assert.ok(
      places.some((x) => x.place?.table === 2 && x.place.row === 27 && x.place.column === 10),
      JSON.stringify(places),
    );
    assert.ok(
      places.some((x) => x.place?.table === 3 && x.place.row === 4 && x.place.column === 5),
      JSON.stringify(places),
    );
    const codes = (text: string) => [...new Set(errors(text).map((f) => f.code))].sort();
    assert.deepEqual(codes(r.text), ['sum.review', 'sum.row']);
    assert.deepEqual(codes(r.text), codes(textExport(figures)));
    assert.deepEqual(codes(textExport(cleanFigures())), []);
  });
});

/**
 * The same report as Word's "save as plain text" writes it from the filled
 * template: paragraphs one a line, each table row one a line with its cells
 * (merged ones as empty cells) between tabs. Written here from the labels, not
 * from the reader, so the two paths meet only in the parser.
 */
function textExport(figures: ReturnType<typeof cleanFigures>): string {
  const f2 = figures[0] as Record<number, string[]>;
  const f3 = figures[1];
  const f4 = figures[2] as Record<number, string[]>;
  const row = (...cells: string[]) => cells.join('\t');
  const t3Labels: [string, string, string][] = [
    ['一、本年新收政府信息公开申请数量', '', ''],
    ['二、上年结转政府信息公开申请数量', '', ''],
    ['三、本年度办理结果', '（一）予以公开', ''],
    ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ''],
    ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map(
      (l, i): [string, string, string] => ['', i === 0 ? '（三）不予公开' : '', l],
    ),
    ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l, i): [string, string, string] => ['', i === 0 ? '（四）无法提供' : '', l]),
    ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map(
      (l, i): [string, string, string] => ['', i === 0 ? '（五）不予处理' : '', l],
    ),
    ...[
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ].map((l, i): [string, string, string] => ['', i === 0 ? '（六）其他处理' : '', l]),
    ['', '（七）总计', ''],
    ['四、结转下年度继续办理', '', ''],
  ];
  return [
    '政府信息公开工作年度报告格式模板',
    '一、总体情况',
    '（文字描述）',
    '二、主动公开政府信息情况',
    '',
    row('第二十条第（一）项', '', '', ''),
    row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
    row('规章', ...f2[2]!),
    row('行政规范性文件', ...f2[3]!),
    row('第二十条第（五）项', '', '', ''),
    row('信息内容', '本年处理决定数量', '', ''),
    row('行政许可', f2[6]![0]!, '', ''),
    row('第二十条第（六）项', '', '', ''),
    row('信息内容', '本年处理决定数量', '', ''),
    row('行政处罚', f2[9]![0]!, '', ''),
    row('行政强制', f2[10]![0]!, '', ''),
    row('第二十条第（八）项', '', '', ''),
    row('信息内容', '本年收费金额（单位：万元）', '', ''),
    row('行政事业性收费', f2[13]![0]!, '', ''),
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    row('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''),
    row('', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'),
    row('', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''),
    ...t3Labels.map((labels, i) => row(...labels, ...f3[i + 3]!)),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    row('行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''),
    row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''),
    row('', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
    row(...f4[3]!),
    '',
    '五、存在的主要问题及改进情况',
    '（文字描述）',
    '六、其他需要报告的事项',
    '（文字描述，收取信息处理费情况在此处报告。）',
    '',
  ].join('\n');
}

const paragraphs = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));


describe('the template filled in with blank cells, saved as text by LibreOffice', () => {
  it('reads the tables the Word file has: a blank 总计, a blank row, 表四 with its last group blank', async () => {
    const figures = cleanFigures();
    figures[1][5] = ['5', '2', '0', '0', '0', '0', '']; // （一）予以公开: its 总计 left blank
    figures[1][25] = Array(T3_COLUMNS).fill(''); // （六）3.其他: nothing typed
    figures[2][3] = ['2', '1', '0', '1', '4', '1', '0', '0', '0', '1', '', '', '', '', '']; // 表四: 复议后起诉 left blank
    const word = await rendition(typeIntoTables(template(), figures));
    // One cell a line, an empty cell an empty line: 表四's five blanks are five of the empty lines before 五、.
    const text = new TextDecoder().decode(converted(typeIntoTables(template(), figures), 'txt'));
    assert.equal(parseDocument(text).report.layout, 'cell-lines');
    const read = (t: string) => {
      const { t3, t4 } = parseDocument(t).report.tables;
      return { t3: t3?.rows.map((r) => [r.id, r.alignment, r.cells.map((c) => c.value ?? c.kind)]), t4: t4?.cells.map((c) => c.value ?? c.kind), problems: [...(t3?.problems ?? []), ...(t4?.problems ?? [])] };
    };
    assert.deepEqual(read(text), read(word.text));
    assert.deepEqual(read(text).t4, [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, ...Array(5).fill('blank')]);
    assert.deepEqual(read(text).problems, []);
    const tableCodes = (t: string) => check(parseDocument(t)).map((f) => f.code).filter((c) => /^(table|cell|sum)\./.test(c)).sort();
    assert.deepEqual(tableCodes(text), tableCodes(word.text));
    assert.deepEqual(tableCodes(text), ['cell.blank', 'cell.blank']);
  });
});

describe('numbers Word generates in front of list paragraphs', () => {
  it('writes them into the text: 一、 （一） 1., deeper levels restarting, one count per abstract list, bullets and numId 0 without', async () => {
    const body = [
      p('总体情况', num(1, 0)),
      p('主动公开', num(1, 1)),
      p('依申请公开', num(1, 1)),
      p('第一点', num(1, 2)),
      p('第二点', num(1, 2)),
      p('要点', num(2, 0)),
      p('主动公开政府信息情况', num(1, 0)),
      p('重新编号', num(1, 1)),
      p('不编号', num(0, 0)),
      p('第五部分', num(3, 0)),
      p('第六部分', num(1, 0)),
      p('第七部分', num(3, 0)),
    ].join('');
    assert.deepEqual(paragraphs(await blocksOf(docx(body, { numbering: CHINESE_LIST }))), [
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1. 第一点',
      '2. 第二点',
      '要点',
      '二、主动公开政府信息情况',
      '（一）重新编号',
      '不编号',
      '五、第五部分',
      // Instances of one abstract list continue one sequence, as in Word; a start override acts where its instance is first used.
      '六、第六部分',
      '七、第七部分',
    ]);
  });

  it('numbers paragraphs whose style (or the style it is based on) carries numbering; a level linked to a style', async () => {
    const body = [p('总体情况', '<w:pStyle w:val="Heading1"/>'), p('主动公开', '<w:pStyle w:val="Part"/>'), p('甲项', '<w:pStyle w:val="Stem"/>'), p('乙项', '<w:pStyle w:val="Stem"/>')].join('');
    assert.deepEqual(paragraphs(await blocksOf(docx(body, { numbering: CHINESE_LIST, styles: STYLES }))), ['一、总体情况', '二、主动公开', '甲. 甲项', '乙. 乙项']);
  });

  it('a report whose part headings are generated numbers is read with its six parts', async () => {
    const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
    const body = p('某区人民政府2023年政府信息公开工作年度报告') + titles.map((t) => p(t, num(1, 0)) + p('（文字描述）')).join('');
    const doc = parseDocument((await rendition(docx(body, { numbering: CHINESE_LIST }))).text);
    assert.deepEqual(
      doc.report.sections.map((s) => s.heading.sectionId),
      [1, 2, 3, 4, 5, 6],
    );
  });
});

describe('the body as Word shows it', () => {
  it('reads content controls and insertions; drops deletions, field codes, hidden text and text boxes; a tab is a space', async () => {
    const body =
      '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
      '<w:p><w:r><w:t>受理</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>17</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>95</w:delText></w:r></w:del><w:r><w:t>件</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:tab/><w:t>文字</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>';
    const blocks = await blocksOf(docx(body));
    assert.deepEqual(paragraphs(blocks), ['一、总体情况', '受理17件', '第3页', '可见 文字', '正文']);
    assert.deepEqual(
      blocks.map((b) => b.place),
      [1, 2, 3, 4, 5].map((paragraph) => ({ paragraph })),
    );
  });

  it('a cell of several paragraphs is one cell of several lines; a nested table is lines of its cell; gridBefore shifts a row', async () => {
    const tc = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const nested = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${tc(p('甲'))}${tc(p('1'))}</w:tr><w:tr>${tc(p('乙'))}${tc(p('2'))}</w:tr></w:tbl>`;
    const body =
      p('前言') +
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc(p('名称') + p('（单位）'))}${tc(nested + p(''))}${tc(p('3'))}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('右移'))}${tc(p('4'))}</w:tr>` +
      '</w:tbl>' +
      p('结语');
    const blocks = await blocksOf(docx(body));
    const [table] = tablesOf(blocks);
    assert.ok(table);
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => c.text)),
      [
        ['名称\n（单位）', '甲 1\n乙 2\n', '3'],
        ['', '右移', '4'],
      ],
    );
    assert.deepEqual(table.rows[1]![2]!.place, { table: 1, row: 2, column: 3 });
    assert.deepEqual(paragraphs(blocks), ['前言', '结语']);
    assert.deepEqual(blocks.at(-1)!.place, { paragraph: 2 });
  });
});

describe('Word number formats', () => {
  it('writes Chinese counting as Word does', () => {
    const cases: [number, string | undefined, string][] = [
      [1, 'chineseCounting', '一'],
      [10, 'chineseCounting', '十'],
      [11, 'chineseCountingThousand', '十一'],
      [20, 'chineseCounting', '二十'],
      [21, 'chineseCounting', '二十一'],
      [105, 'chineseCountingThousand', '一百零五'],
      [110, 'chineseCountingThousand', '一百一十'],
      [11, 'chineseLegalSimplified', '壹拾壹'],
      [3, 'ideographTraditional', '丙'],
      [2, 'decimalEnclosedCircleChinese', '②'],
      [4, 'lowerRoman', 'iv'],
      [28, 'upperLetter', 'BB'],
      [7, 'decimalZero', '07'],
      [7, undefined, '7'],
    ];
    for (const [n, fmt, text] of cases) assert.equal(formatNumber(n, fmt), text, `${n} ${fmt}`);
    assert.equal(formatNumber(1, 'bullet'), undefined);
  });
});

/** An OLE compound file as Office writes its directory: a root entry, then streams (name, start sector, size). */
function oleFile(streams: readonly { name: string; firstSector?: number; size?: number }[], sectors: readonly Uint8Array[] = []): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * (2 + sectors.length));
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(out.buffer);
  view.setUint16(26, 3, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // sector shift
  view.setUint32(48, 0, true); // the directory starts at sector 0
  const entry = (k: number, name: string, type: number, firstSector = 0, size = 0) => {
    const at = sector + 128 * k;
    [...name].forEach((ch, i) => view.setUint16(at + 2 * i, ch.charCodeAt(0), true));
    view.setUint16(at + 64, 2 * (name.length + 1), true);
    out[at + 66] = type;
    view.setUint32(at + 116, firstSector, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5);
  streams.forEach((s, k) => entry(k + 1, s.name, 2, s.firstSector, s.size));
  sectors.forEach((bytes, k) => out.set(bytes.subarray(0, sector), sector * (k + 2)));
  return out;
}

/** A Word 97 FIB's first bytes: wIdent 0xA5EC, fEncrypted when asked. */
function fib(encrypted: boolean): Uint8Array {
  const bytes = new Uint8Array(512);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, 0xc1, true);
  view.setUint16(10, encrypted ? 0x0100 : 0, true);
  return bytes;
}

async function problemOf(bytes: Uint8Array, limits = DEFAULT_LIMITS) {
  const outcome = await readOriginal(bytes, limits);
  assert.ok(outcome && !outcome.ok, `expected a problem: ${JSON.stringify(outcome)?.slice(0, 300)}`);
  return outcome;
}

describe('files that are not a readable Word file', () => {
  it('a zip without word/document.xml (a workbook) is unsupported, saying what it is', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const outcome = await problemOf(xlsx);
    assert.equal(outcome.kind, 'docx');
    assert.equal(outcome.problem.kind, 'unsupported');
    assert.match(outcome.problem.detail ?? '', /\.xlsx/);
    assert.equal(outcome.problem.actually, 'xlsx');
    assert.equal(describeReadProblem('表.xlsx', outcome.kind, outcome.problem), '无法读取“表.xlsx”：这是 Excel 工作簿（.xlsx），不是 Word 文件，不能作为年度报告读取');
  });

  it('a published PDF converted to Word by LibreOffice (a text box a line): said as such, not a report with its parts missing', async () => {
    for (const file of ['淮安市洪泽区人民政府_2023.pdf', '淮安市人民政府_2024.pdf']) {
      const boxed = converted(new Uint8Array(readFileSync(path.join(sharedDir('raw'), file))), 'docx', { from: 'pdf' });
      const outcome = await problemOf(boxed);
      assert.equal(outcome.problem.kind, 'text-boxes', file);
      assert.match(outcome.problem.detail ?? '', /^\d+ characters in text boxes, \d+ in the body$/);
      assert.match(describeReadProblem('年报.docx', outcome.kind, outcome.problem), /^无法读取“年报\.docx”：这是Word 文件（\.docx），文字几乎都在文本框中（常见于由 PDF 转换成的 Word 文件）/);
    }
    // A report with its title in a text box, as some Word templates put it, is read.
    const ns = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';
    const titled = docx(`<w:p><w:r><w:drawing><wp:inline ${ns}><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>某某局2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>${p('一、总体情况')}${p('本年度全面推进政务公开工作，主动公开政府信息一百余条，办理依申请公开事项若干件。'.repeat(3))}`);
    const read = await readOriginal(titled);
    assert.ok(read?.ok);
    // A text box is a shape with text, not a picture.
    assert.doesNotMatch(read.rendition.text, /［图片］/);
  });

  it('the template saved by LibreOffice as OpenDocument text (.odt) is named .odt, with the way to a .docx', async () => {
    const odt = converted(template(), 'odt');
    const outcome = await problemOf(odt);
    assert.equal(outcome.problem.kind, 'unsupported');
    assert.equal(outcome.problem.actually, 'odt');
    const zh = describeReadProblem('年报.odt', outcome.kind, outcome.problem);
    assert.equal(zh, '无法读取“年报.odt”：这是 OpenDocument 文本（.odt），不是 Word 文件；请在 WPS、LibreOffice 或 Word 中另存为 .docx 后再检查');
    assert.doesNotMatch(zh, /Word 文件（\.docx）/);
    assert.match(describeReadProblem('r.odt', outcome.kind, outcome.problem, { lang: 'en' }), /^cannot read r\.odt: it is an OpenDocument text \(\.odt\), not a Word file; save it as \.docx/);
  });

  it('an Excel 97–2003 workbook (an OLE file with a Workbook stream) is named as one, not as an unreadable Word file', async () => {
    const outcome = await problemOf(oleFile([{ name: 'Workbook' }]));
    assert.equal(outcome.kind, 'doc');
    assert.equal(outcome.problem.actually, 'xls');
    assert.match(describeReadProblem('表.xls', outcome.kind, outcome.problem), /这是 Excel 工作簿（\.xls），不是 Word 文件/);
  });

  it('an encrypted Office file (an OLE container with EncryptedPackage) is encrypted', async () => {
    const outcome = await problemOf(oleFile([{ name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }]));
    assert.equal(outcome.kind, 'doc');
    assert.equal(outcome.problem.kind, 'encrypted');
  });

  it('a .doc whose streams cannot be read (no allocation table) is broken; an encrypted one says it is encrypted', async () => {
    // Readable .doc files: readers-doc.test.ts.
    const plain = await problemOf(oleFile([{ name: 'WordDocument', firstSector: 1, size: 4096 }, { name: '1Table' }], [fib(false)]));
    assert.equal(plain.problem.kind, 'broken');
    const locked = await problemOf(oleFile([{ name: 'WordDocument', firstSector: 1, size: 4096 }, { name: '1Table' }], [fib(true)]));
    assert.equal(locked.problem.kind, 'encrypted');
  });

  it('a malformed document.xml, a truncated zip and garbage after a zip signature are broken', async () => {
    assert.equal((await problemOf(docx('<w:p><w:r><w:t>未闭合</w:r></w:p>'))).problem.kind, 'broken');
    const whole = template();
    assert.equal((await problemOf(whole.subarray(0, whole.byteLength >> 1))).problem.kind, 'broken');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    assert.equal((await problemOf(garbage)).problem.kind, 'broken');
  });
});

/** A zip whose first entry's sizes in its local header and central directory are rewritten (a lying archive). */
function withDeclaredSize(zip: Uint8Array, originalSize: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, originalSize, true); // local file header: uncompressed size
  for (let at = out.byteLength - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      view.setUint32(view.getUint32(at + 16, true) + 24, originalSize, true); // central directory: uncompressed size
      break;
    }
  }
  return out;
}

describe('hostile Word files: a clear problem in bounded time, never a crash', () => {
  const within = async (ms: number, run: () => Promise<void>) => {
    const start = performance.now();
    await run();
    const took = performance.now() - start;
    assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
  };

  it('a part declaring gigabytes is refused before it is inflated', async () => {
    const bomb = withDeclaredSize(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 0xfffffff0);
    await within(2000, async () => assert.equal((await problemOf(bomb)).problem.kind, 'too-large'));
  });

  it('a part that lies about its size is stopped as soon as it inflates past it', async () => {
    const body = p('一、总体情况').repeat(200_000); // ~20 MB of XML, ~60 KB zipped
    const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const liar = withDeclaredSize(zipSync({ 'word/document.xml': strToU8(xml) }), 1000);
    const limits = { ...DEFAULT_LIMITS, maxUnpackedBytes: 1024 * 1024 };
    await within(2000, async () => {
      const outcome = await problemOf(liar, limits);
      assert.equal(outcome.problem.kind, 'broken');
      assert.match(outcome.problem.detail ?? '', /inflates past its declared 1000 bytes/);
    });
  });

  it('an archive of tens of thousands of entries is too large', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let k = 0; k < 20_000; k++) files[`word/media/e${k}.xml`] = new Uint8Array(0);
    await within(5000, async () => assert.equal((await problemOf(zipSync(files))).problem.kind, 'too-large'));
  });

  it('XML nested far deeper than any document is too large', async () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(50_000) + '</w:sdtContent></w:sdt>'.repeat(50_000);
    await within(2000, async () => assert.equal((await problemOf(docx(deep))).problem.kind, 'too-large'));
  });

  it('a table of huge merged spans is bounded by the text limit', async () => {
    const cell = '<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p/></w:tc>';
    const table = `<w:tbl>${`<w:tr>${cell.repeat(100)}</w:tr>`.repeat(1000)}</w:tbl>`;
    const limits = { ...DEFAULT_LIMITS, maxTextChars: 1_000_000 };
    await within(3000, async () => assert.equal((await problemOf(docx(table), limits)).problem.kind, 'too-large'));
  });
});
