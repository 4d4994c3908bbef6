// The HTML reader on pages made the way portals publish them (test/helpers/portal-page.ts):
// the report found inside the chrome, merged cells on the grid, encodings, tag soup; and
// the same report as a web page and as tab-grid text gives the same findings, each at the
// cell of the original it is about.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULT_LIMITS, type Block, type TableBlock } from '../../../server/src/core/readers/blocks';
import { readHtml } from '../../../server/src/core/readers/html';
import { readOriginal } from '../../../server/src/core/readers/original';
import { placeAt, type OriginalRendition } from '../../../server/src/core/readers/tab-grid';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport, validT3, validT4 } from '../../helpers/build-report';
import { portalPageBytes, portalPageHtml, type PortalPageData } from '../../helpers/portal-page';
import { converted } from '../../corpus/libreoffice';
import type { TableRow } from '../../../server/src/core/model';

const utf8 = (html: string) => new Uint8Array(Buffer.from(html, 'utf8'));

async function rendition(bytes: Uint8Array): Promise<OriginalRendition> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return outcome.rendition;
}

async function blocksOf(html: string | Uint8Array): Promise<readonly Block[]> {
  const result = await readHtml(typeof html === 'string' ? utf8(html) : html, DEFAULT_LIMITS);
  assert.ok(result.ok, `not read: ${JSON.stringify(result)}`);
  return result.blocks;
}

const tables = (blocks: readonly Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const grid = (table: TableBlock) => table.rows.map((row) => row.map((c) => c.text));
const findingCodes = (text: string) => check(parseDocument(text)).map((f) => `${f.code}:${f.severity}`).sort();

// 表三's 总计 of 自然人+企业 is 5, printed 6; 表四's 行政复议 总计 is 2, printed 3.
const t3 = { ...validT3(), total: [4, 1, 0, 0, 0, 0, 6] };
const t4 = validT4().map((v, k) => (k === 4 ? 3 : v));
const defective: PortalPageData = { t3, t4 };

describe('a portal page with two wrong totals', () => {
  for (const variant of [{}, { layoutTable: true }, { gb2312: true }] as PortalPageData[]) {
    const name = variant.layoutTable ? 'the article in a layout table' : variant.gb2312 ? 'saved as GB2312' : 'the article in a <div>';
    test(`${name}: the same findings as the tab-grid text of the report, at the cells of the original`, async () => {
      const page = await rendition(portalPageBytes({ ...defective, ...variant }));
      const findings = check(parseDocument(page.text));
      assert.deepEqual(findingCodes(page.text), findingCodes(buildReport({ t3, t4 })));
      assert.deepEqual(findingCodes(page.text), ['sum.review:error', 'sum.row:error']);
      const at = (code: string) => placeAt(page, findings.find((f) => f.code === code)!.range.start);
      // 表三 is the page's second data table: 3 header rows, 总计 the 27th row, its 总计 column the 10th (3 label columns + 7).
      assert.deepEqual(at('sum.row'), { table: 2, row: 27, column: 10 });
      // 表四: 3 header rows, the figures on the 4th; 行政复议 总计 the 5th column.
      assert.deepEqual(at('sum.review'), { table: 3, row: 4, column: 5 });
    });
  }

  test('the page as Word saves it as a web page (MsoNormal paragraphs in cells, <o:p>, spacer rows, GB2312): the same findings at the same cells', async () => {
    const word = portalPageHtml({ ...defective, gb2312: true })
      .replace(/<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/g, (_m, tag: string, attrs = '', text: string) => `<${tag}${attrs} style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>\n<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:宋体'>${text}<o:p></o:p></span></p>\n</${tag}>`)
      .replace(/<\/tbody><\/table>/g, "<![if !supportMisalignedColumns]><tr height=0><td width=64 style='border:none'></td><td width=64 style='border:none'></td></tr><![endif]></tbody></table>");
    const page = await rendition(new Uint8Array(iconv.encode(word, 'gb2312')));
    const findings = check(parseDocument(page.text));
    assert.deepEqual(findingCodes(page.text), ['sum.review:error', 'sum.row:error']);
    assert.deepEqual(placeAt(page, findings.find((f) => f.code === 'sum.row')!.range.start), { table: 2, row: 27, column: 10 });
  });

  test('the page title is kept, the chrome, scripts, styles and hidden elements are not', async () => {
    for (const variant of [{}, { layoutTable: true }]) {
      const { text } = await rendition(portalPageBytes(variant));
      assert.equal(text.split('\n')[0], '某某市某某局2022年政府信息公开工作年度报告');
      for (const chrome of ['首页', '当前位置', '字号', '打印', '关闭', '分享', '微信', 'ICP', '网站标识码', '信息公开指南', 'var headings', 'document.write', '浏览器不支持', 'font-size', '\t99\t'])
        assert.ok(!text.includes(chrome), `${JSON.stringify(variant)}: “${chrome}” read`);
      assert.ok(text.includes('本年度未收取信息处理费。\n某某市某某局\n2023年1月20日'), 'the signature after section 六 kept');
    }
  });

  test('a correct page has no findings', async () => {
    const { text } = await rendition(portalPageBytes({ layoutTable: true, gb2312: true }));
    assert.deepEqual(findingCodes(text), []);
  });

  test('prose maps to its paragraph, counted in the report as read', async () => {
    const page = await rendition(portalPageBytes());
    const offset = page.text.indexOf('一是公开内容有待丰富');
    const lines = page.text.slice(0, offset).split('\n').filter((l) => l && !l.includes('\t'));
    assert.deepEqual(placeAt(page, offset), { paragraph: lines.length + 1 });
  });
});

// As published pages are: Word's web pages and CMS editors merge cells where the template has none and leave
// cells blank where nothing happened. A row's figures must land in their columns whatever the merges.
describe('merged cells that fall apart from the columns, and blank cells', () => {
  // 表三's （一） row has a blank 总计 (its label spans two columns); the 2019 single （六） row is blank; 表四's 复议后起诉 is blank.
  const blanks: PortalPageData = {
    year: 2020,
    legacyOther: true,
    splitCells: true,
    t2: { rules: [1, 0, 9], normative: [2, 1, 20], licensing: [3], penalty: [10], coercion: [0], fees: [0] },
    t3: { ...validT3(), public: [2, 0, 0, 0, 0, 0, ''], other: ['', '', '', '', '', '', ''] },
    t4: [...validT4().slice(0, 10), '', '', '', '', ''],
  };
  const findings = (text: string) => check(parseDocument(text));

  test('every row is read in its columns: 表二 under headers merged elsewhere, 表三 with a blank 总计, 表四 with a blank group', async () => {
    const { text } = await rendition(portalPageBytes(blanks));
    const { t2, t3, t4 } = parseDocument(text).report.tables;
    assert.deepEqual(t2?.problems, []);
    assert.deepEqual(t2?.blocks.flatMap((b) => b.rows.map((r) => [r.id, r.alignment, r.cells.map((c) => c.value)])), [
      ['rules', 'exact', [1, 0, 9]],
      ['normative', 'exact', [2, 1, 20]],
      ['licensing', 'exact', [3]],
      ['penalty', 'exact', [10]],
      ['coercion', 'exact', [0]],
      ['fees', 'exact', [0]],
    ]);
    const row = (id: string) => t3?.rows.find((r) => r.id === id);
    assert.deepEqual(t3?.problems, []);
    assert.deepEqual([row('public')?.alignment, row('public')?.cells.map((c) => c.value)], ['exact', [2, 0, 0, 0, 0, 0, undefined]]);
    assert.deepEqual([row('other')?.alignment, row('other')?.cells.map((c) => c.kind)], ['exact', Array(7).fill('blank')]);
    assert.deepEqual(t3?.rows.map((r) => r.id).filter((id) => id.startsWith('other')), ['other']);
    assert.deepEqual(t4?.problems, []);
    assert.deepEqual([t4?.certain, t4?.cells.map((c) => c.value)], [true, [...validT4().slice(0, 10), ...Array(5).fill(undefined)]]);
  });

  test('saved as text by LibreOffice (a cell a line, blank cells as no-break spaces, wrapped labels on two lines), or as a Word file: the tables read as from the page', async () => {
    const page = await rendition(portalPageBytes(blanks));
    const text = new TextDecoder().decode(converted(portalPageBytes(blanks), 'txt', { from: 'html' }));
    assert.ok(/\n本年\n制发件数\n/.test(text) && /\n\u00a0\n/.test(text), 'LibreOffice wrote a label over two lines and a blank cell as a no-break space');
    const read = (t: string) => {
      const { t2, t3, t4 } = parseDocument(t).report.tables;
      const rows = (list: readonly TableRow[] | undefined) => list?.map((r) => [r.id, r.alignment, r.cells.map((c) => c.value ?? c.kind)]);
      return { t2: t2?.blocks.map((b) => [b.id, b.headers.map((h) => h.columnId), rows(b.rows)]), t3: rows(t3?.rows), t4: t4?.cells.map((c) => c.value ?? c.kind) };
    };
    assert.equal(parseDocument(text).report.layout, 'cell-lines');
    assert.deepEqual(read(text), read(page.text));
    const tableCodes = (t: string) => check(parseDocument(t)).map((f) => f.code).filter((c) => /^(table|cell|sum)\./.test(c)).sort();
    assert.deepEqual(tableCodes(text), ['cell.blank', 'cell.blank']);
    // Opened in LibreOffice and saved as a Word file, new and 97–2003: the merges and blanks go with it.
    for (const target of ['docx', 'doc'] as const) {
      const word = await rendition(converted(portalPageBytes(blanks), target, { from: 'html' }));
      assert.deepEqual(read(word.text), read(page.text), target);
      assert.deepEqual(tableCodes(word.text), ['cell.blank', 'cell.blank'], target);
    }
  });

  test('the blanks are said once a table, no shape is doubted, and a wrong total is still an error at its cell', async () => {
    const page = await rendition(portalPageBytes(blanks));
    assert.deepEqual(findings(page.text).map((f) => `${f.code}:${f.severity}`).sort(), ['cell.blank:warning', 'cell.blank:warning']);
    // 表三's （七）总计 row printed 6 for 5 in its 总计: one error, at that cell of the page (3 header rows, then the
    // 2019 form's 22nd row; 3 label columns, then the 7th figure).
    const wrong = await rendition(portalPageBytes({ ...blanks, t3: { ...blanks.t3, total: [4, 1, 0, 0, 0, 0, 6] } }));
    const errors = findings(wrong.text).filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), ['sum.row']);
    assert.deepEqual(placeAt(wrong, errors[0]!.range.start), { table: 2, row: 3 + 22, column: 3 + 7 });
  });
});

describe('表三 merged cells on the grid', () => {
  test('header cells and row labels at their top-left positions, the positions they cover empty', async () => {
    const t3Grid = grid(tables(await blocksOf(portalPageHtml()))[1]!);
    assert.equal(t3Grid.length, 3 + 25); // 3 header rows, the 2021 template's 25 rows
    assert.ok(t3Grid.every((row) => row.length === 10));
    assert.deepEqual(t3Grid[0], ['（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '']);
    assert.deepEqual(t3Grid[1], ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    assert.deepEqual(t3Grid[2], ['', '', '', '', '商业\n企业', '科研\n机构', '社会公益\n组织', '法律服务\n机构', '其他', '']);
    assert.deepEqual(t3Grid[5]!.slice(0, 4), ['三、本年度\n办理结果', '（一）予以公开', '', '2']);
    assert.deepEqual(t3Grid[7]!.slice(0, 4), ['', '（三）不予公开', '1.属于国家秘密', '0']);
    assert.deepEqual(t3Grid[8]!.slice(0, 4), ['', '', '2.其他法律行政法规禁止公开', '0']);
    assert.deepEqual(t3Grid[26]!.slice(0, 4), ['', '（七）总计', '', '4']);
    assert.deepEqual(t3Grid[27]!.slice(0, 4), ['四、结转下年度继续办理', '', '', '1']);
  });

  test('the 2019 form of 表三 (one （六）其他处理 row) reads the same way', async () => {
    const { text } = await rendition(portalPageBytes({ legacyOther: true, year: 2019 }));
    assert.deepEqual(findingCodes(text), findingCodes(buildReport({ year: 2019, t3: validT3(), legacyOther: true })));
  });
});

describe('tables as tag soup writes them', () => {
  test('unclosed cells and rows, upper-case tags, <th>, <tfoot> before <tbody>, entities and nested inline tags', async () => {
    const html = `<HTML><BODY><TABLE border=1>
      <TFOOT><TR><TD>合计<TD>3</TFOOT>
      <THEAD><TR><TH>项目<TH>数量</THEAD>
      <TBODY><TR><TD><b>行政<i>许可</i></b><TD>&nbsp;1&nbsp;
      <TR><TD>行政&amp;处罚<TD><font color=red>2</font></TBODY></TABLE></BODY></HTML>`;
    assert.deepEqual(grid(tables(await blocksOf(html))[0]!), [['项目', '数量'], ['行政许可', '\u00a01'], ['行政&处罚', '2'], ['合计', '3']].map((r) => r.map((c) => c.trim())));
  });

  test('rows of unequal width are padded; rowspan=0 runs to the end; a span beyond the table is clamped', async () => {
    const html = '<table><tr><td rowspan="0">a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr><tr><td rowspan="9">e</td><td colspan="2">f</td></tr></table>';
    assert.deepEqual(grid(tables(await blocksOf(html))[0]!), [['a', 'b', 'c', ''], ['', 'd', '', ''], ['', 'e', 'f', '']]);
  });

  test('a <caption> is the line above its table; the trailing row of empty spacer cells Word writes is dropped', async () => {
    const html = '<table><caption>表三：收到和处理<br>政府信息公开申请情况</caption><tr><td>规章</td><td>0</td></tr><![if !supportMisalignedColumns]><tr height=0><td width=64></td><td width=64></td></tr><![endif]></table>';
    const blocks = await blocksOf(html);
    assert.deepEqual(blocks.map((b) => (b.kind === 'paragraph' ? b.text : grid(b))), ['表三：收到和处理', '政府信息公开申请情况', [['规章', '0']]]);
  });

  test('every grid cell carries its table, row and column', async () => {
    const blocks = await blocksOf('<p>前言</p><table><tr><td colspan="2">x</td></tr><tr><td>1</td><td>2</td></tr></table>');
    const table = tables(blocks)[0]!;
    assert.deepEqual(table.rows.map((r) => r.map((c) => c.place)), [
      [{ table: 1, row: 1, column: 1 }, { table: 1, row: 1, column: 2 }],
      [{ table: 1, row: 2, column: 1 }, { table: 1, row: 2, column: 2 }],
    ]);
  });

  test('a table holding tables, or section headings, is layout: read through as paragraphs', async () => {
    const blocks = await blocksOf('<table><tr><td><p>一、总体情况</p><p>全年受理申请5件。</p></td></tr><tr><td><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>');
    assert.deepEqual(blocks.map((b) => (b.kind === 'paragraph' ? b.text : grid(b))), ['一、总体情况', '全年受理申请5件。', '二、主动公开政府信息情况', [['规章', '0']]]);
  });
});

describe('paragraphs', () => {
  test('block elements and <br> end paragraphs; inline tags and source line breaks between Chinese characters join', async () => {
    const blocks = await blocksOf('<div>甲<span>乙</span>丙<span style="color:red"><br></span>丁\n戊<div>己</div>庚</div><ul><li>一</li><li>二</li></ul><h2>标 题</h2>');
    assert.deepEqual(blocks.map((b) => b.kind === 'paragraph' && b.text), ['甲乙丙', '丁戊', '己', '庚', '一', '二', '标 题']);
  });
});

describe('encodings', () => {
  const page = '<html><head>META<title>年度报告</title></head><body><p>一、总体情况</p><p>本机关全年受理申请5件。</p></body></html>';
  const texts = async (bytes: Uint8Array) => (await blocksOf(bytes)).map((b) => b.kind === 'paragraph' && b.text);
  const expected = ['一、总体情况', '本机关全年受理申请5件。'];

  test('<meta charset=gbk> and http-equiv charset=gb2312', async () => {
    for (const meta of ['<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'])
      assert.deepEqual(await texts(new Uint8Array(iconv.encode(page.replace('META', meta), 'gbk'))), expected);
  });

  test('no declaration: UTF-8 when valid, else GB18030; a wrong UTF-8 declaration does not garble a GBK page', async () => {
    assert.deepEqual(await texts(utf8(page.replace('META', ''))), expected);
    assert.deepEqual(await texts(new Uint8Array(iconv.encode(page.replace('META', ''), 'gb18030'))), expected);
    assert.deepEqual(await texts(new Uint8Array(iconv.encode(page.replace('META', '<meta charset="utf-8">'), 'gbk'))), expected);
  });

  test('UTF-8 bytes under a stale GBK declaration (a template\'s old <meta>, the server\'s header lost on saving) are UTF-8', async () => {
    for (const meta of ['<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />']) {
      assert.deepEqual(await texts(utf8(page.replace('META', meta))), expected, meta);
    }
    // ASCII alone decodes alike either way; GBK bytes under their own declaration stay GBK.
    assert.deepEqual(await texts(new Uint8Array(iconv.encode(page.replace('META', '<meta charset="gbk">'), 'gbk'))), expected);
  });

  test('a UTF-8 byte order mark wins over a declaration', async () => {
    assert.deepEqual(await texts(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(page.replace('META', '<meta charset="gbk">'), 'utf8')])), expected);
  });
});

describe('control characters in cells', () => {
  // LibreOffice saves a Word content control as a web page with U+0001 after the figure it holds (a tester's
  // template filled in content controls, saved as HTML): unseen in the page, each such cell was "not a number" (error).
  test('a figure followed by U+0001 is the figure, and the page gets the findings it gets without it', async () => {
    const page = portalPageHtml({ t3: validT3(), t4: validT4() });
    const marked = page.replace(/(<td[^>]*>\s*)(\d+)(\s*<\/td>)/g, '$1$2\u0001$3');
    assert.notEqual(marked, page);
    const plain = findingCodes((await rendition(utf8(page))).text);
    const withMarks = findingCodes((await rendition(utf8(marked))).text);
    assert.deepEqual(withMarks, plain);
    assert.ok(!withMarks.some((c) => c.startsWith('cell.invalid')), withMarks.join());
  });
});

describe('copies a page\'s own style sheet hides', () => {
  // A portal keeps a print copy or a draft of the report in the page, out of sight (a helper's pages, sixteenth
  // session): read, the copy made every part "duplicated", and a draft placed first gave its wrong figures as errors.
  const report = portalPageHtml({ t3: validT3(), t4: validT4() });
  const body = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1]!;
  const draft = body(portalPageHtml(defective));
  const withCopy = (style: string, open: string) => report.replace('</head>', `<style>${style}</style></head>`).replace(/<body([^>]*)>/i, `<body$1>${open}${draft}</div>`);
  test('hidden by a class or an id, on screen or moved out of sight: the page\'s own findings', async () => {
    const expected = findingCodes((await rendition(utf8(report))).text);
    const cases: [string, string][] = [
      ['.print-only{display:none}', '<div class="box print-only">'],
      ['@media screen{.print-only{display:none}} @media print{.screen-only{display:none}}', '<div class="print-only">'],
      ['#draft { visibility : hidden }', '<div id="draft">'],
      ['.squeezed{height:0;overflow:hidden}', '<div class="squeezed">'],
      ['div.away{position:absolute;left:-9999px}', '<div class="away">'],
    ];
    for (const [style, open] of cases) assert.deepEqual(findingCodes((await rendition(utf8(withCopy(style, open)))).text), expected, style);
  });
  test('a report the style sheet hides until a script or a tab shows it (.tab-pane.active) is read, as before', async () => {
    const expected = findingCodes((await rendition(utf8(report))).text);
    const tabbed = report
      .replace('</head>', '<style>.tab-pane{display:none}.tab-pane.active{display:block}</style></head>')
      .replace(/<body([^>]*)>([\s\S]*)<\/body>/i, '<body$1><div class="tab-pane active">$2</div></body>');
    assert.deepEqual(findingCodes((await rendition(utf8(tabbed))).text), expected);
  });
  test('a rule for the printed page only, or a selector it does not match, hides nothing', async () => {
    // The copy read: a second report before the page's own (a compilation since the eighteenth session, each checked
    // alone), whose wrong figures are errors the page's own report does not have.
    const own = findingCodes((await rendition(utf8(report))).text);
    assert.ok(!own.some((c) => c.startsWith('sum.')), own.join());
    const shown = findingCodes((await rendition(utf8(withCopy('@media print{.print-only{display:none}}', '<div class="print-only">')))).text);
    assert.ok(shown.some((c) => c.startsWith('sum.')), shown.join());
    const other = findingCodes((await rendition(utf8(withCopy('.note{display:none}', '<div class="notes">')))).text);
    assert.ok(other.some((c) => c.startsWith('sum.')), other.join());
  });
});
