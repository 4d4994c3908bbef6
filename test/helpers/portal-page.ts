// Report pages the way government portals publish them: the article inside
// navigation, breadcrumbs, 字号 大 中 小, 打印/关闭, share buttons and a footer;
// scripts and styles in the page; the template's tables with their merged
// header cells (申请人情况, 法人或其他组织 colspan=5, 自然人 rowspan=2) and merged
// row labels (三、本年度办理结果, （三）不予公开 … rowspan); labels wrapped with
// <br>, figures padded with &nbsp;, inline <span>/<font> markup. Optionally the
// whole article inside a layout table, and saved in GB2312 as older CMSs do.

import iconv from 'iconv-lite';
import { TABLE3_GROUPS, TABLE3_ROWS, table3RowsFor } from '../../server/src/core/template';
import { reportContent, validT3, validT4, type ReportData, type Table2Figures } from './build-report';

/** The report (the same data buildReport writes as text, word-report.ts as a .docx) and how the portal publishes it. */
export interface PortalPageData extends Omit<ReportData, 'layout'> {
  /** The article inside a layout table (a table of tables), as older portals lay pages out. */
  layoutTable?: boolean;
  /** Save as GB2312 with a <meta http-equiv> declaration. */
  gb2312?: boolean;
  /**
   * 表二 as Word leaves a table whose cells were split and merged again: a grid of five columns where the header's
   * merged cell (本年废止件数 over two) and the figures' (本年制发件数 over two) fall in different columns, as on
   * published pages; its header labels wrapped as the page wrote them (本年<br>制发件数).
   */
  splitCells?: boolean;
}

const cell = (text: string | number, attrs = '') => `<td${attrs}>${text}</td>`;
// Figures as editors paste them: padded with no-break spaces, some in a styled span.
// A blank figure is a no-break space, as editors leave an empty cell.
const figure = (v: string | number, k: number) => cell(v === '' ? '&nbsp;' : k % 3 === 0 ? `&nbsp;<span style="font-family:宋体;font-size:12pt">${v}</span>&nbsp;` : `${v}`, ' align="center"');

function table2(t2: Table2Figures, feeHeader: string | undefined, splitCells = false): string {
  const width = splitCells ? 5 : 4;
  // Split cells come with the page's wrapped header labels (本年<br>制发件数).
  const wrapped = (label: string) => label.replace(/^本年/, '本年<br />');
  const header3 = (h: string[]) => (splitCells ? `${cell(h[0]!)}${cell(wrapped(h[1]!))}${cell(wrapped(h[2]!), ' colspan="2"')}${cell(h[3]!)}` : h.map((x) => cell(x)).join(''));
  const figures3 = (vs: (string | number)[]) => (splitCells ? `${cell(vs[0]!, ' colspan="2" align="center"')}${figure(vs[1]!, 1)}${figure(vs[2]!, 2)}` : vs.map(figure).join(''));
  const item = (caption: string, header: string[], rows: [string, ...(string | number)[]][]) => [
    `<tr>${cell(`<strong>${caption}</strong>`, ` colspan="${width}"`)}</tr>`,
    header.length === 2 ? `<tr>${cell('信息内容')}${cell(header[1]!, ` colspan="${width - 1}"`)}</tr>` : `<tr>${header3(header)}</tr>`,
    ...rows.map(([label, ...vs]) => `<tr>${cell(label)}${vs.length === 1 ? cell(vs[0]!, ` colspan="${width - 1}"`) : figures3(vs)}</tr>`),
  ];
  return [
    '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">',
    '<tbody>',
    ...item('第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', ...t2.rules], ['行政规范性文件', ...t2.normative]]),
    ...item('第二十条第（五）项', ['信息内容', '本年处理决定数量'], [['行政许可', ...t2.licensing]]),
    ...item('第二十条第（六）项', ['信息内容', '本年处理决定数量'], [['行政处罚', ...t2.penalty], ['行政强制', ...t2.coercion]]),
    ...item('第二十条第（八）项', ['信息内容', feeHeader ?? '本年收费金额（单位：万元）'], [['行政事业性收费', ...t2.fees]]),
    '</tbody></table>',
  ].join('\n');
}

function table3(values: Record<string, (number | string)[]>, legacyOther: boolean): string {
  const rows = table3RowsFor(legacyOther);
  const members = (group: string) => rows.filter((r) => r.group === group || TABLE3_GROUPS.some((g) => g.id === r.group && g.parent === group)).length;
  const seen = new Set<string>();
  const body = rows.map((row) => {
    const figures = (values[row.id] ?? [0, 0, 0, 0, 0, 0, 0]).map(figure).join('');
    if (!row.group) return `<tr>${cell(row.label, ' colspan="3"')}${figures}</tr>`;
    let labels = '';
    if (!seen.has('results')) {
      seen.add('results');
      labels += cell('三、本年度<br>办理结果', ` rowspan="${members('results')}"`);
    }
    const group = TABLE3_GROUPS.find((g) => g.id === row.group && g.parent === 'results');
    if (group && !seen.has(group.id)) {
      seen.add(group.id);
      labels += cell(group.label, ` rowspan="${members(group.id)}"`);
    }
    labels += group ? cell(row.label) : cell(row.label, ' colspan="2"');
    return `<tr>${labels}${figures}</tr>`;
  });
  return [
    '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">',
    '<thead>',
    '<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，<br>等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>',
    '<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>',
    '<tr><th>商业<br>企业</th><th>科研<br>机构</th><th>社会公益<br>组织</th><th>法律服务<br>机构</th><th>其他</th></tr>',
    '</thead>',
    '<tbody>',
    ...body,
    '</tbody></table>',
  ].join('\n');
}

function table4(values: readonly (number | string)[]): string {
  const results = ['结果<br>维持', '结果<br>纠正', '其他<br>结果', '尚未<br>审结', '总计'];
  return [
    '<table border="1" cellspacing="0" cellpadding="0">',
    '<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>',
    '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
    `<tr>${[...results, ...results, ...results].map((h) => cell(h)).join('')}</tr>`,
    `<tr>${values.map(figure).join('')}</tr>`,
    '</table>',
  ].join('\n');
}

/** The page's HTML text. */
export function portalPageHtml(data: PortalPageData = {}): string {
  const report = reportContent(data);
  const { year, agency, title } = report;
  const p = (text: string) => `<p style="text-indent:2em;line-height:1.75"><span style="font-size:16px;font-family:仿宋_GB2312">${text}</span></p>`;
  const heading = (k: number) => {
    const text = report.headings[k];
    return text === null || text === undefined ? [] : [`<p style="text-indent:2em"><strong><span style="font-family:黑体">${text}</span></strong></p>`];
  };
  // An editor's soft line break, after the paragraph's last comma (the reader makes it a line of its own).
  const withBreak = (text: string) => text.replace(/，(?=[^，]*$)/, '，<br>');
  const tables: Record<number, string> = { 1: table2(report.t2, report.feeHeader, data.splitCells), 2: table3(report.t3, report.legacyOther), 3: table4(report.t4) };
  const article = [
    p(data.preface ?? `根据《中华人民共和国政府信息公开条例》规定，现公布${agency}${year}年政府信息公开工作年度报告。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`),
    ...report.headings.flatMap((_, k) => [...heading(k), ...(tables[k] ? [tables[k]] : []), ...report.prose[k]!.map((text, i) => p(k === 0 && i === 0 ? withBreak(text) : text))]),
    `<p style="text-align:right">${agency}</p>`,
    `<p style="text-align:right">${year + 1}年1月20日</p>`,
    '<div class="article-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>',
  ].join('\n');
  const charset = data.gb2312 ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' : '<meta charset="utf-8">';
  const chromeTop = [
    '<div class="top"><a href="/">首页</a> | <a href="/wza/">无障碍浏览</a> | <a href="/en/">English</a></div>',
    '<div class="nav"><ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>',
    '<div class="location">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政府信息公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/nb/">年度报告</a></div>',
  ].join('\n');
  const articleHead = [
    `<h1 class="title">${title}</h1>`,
    `<div class="info">发布时间：${year + 1}-01-20&nbsp;&nbsp;来源：${agency}&nbsp;&nbsp;字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]&nbsp;<span class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></span></div>`,
  ].join('\n');
  const hidden = [
    // What a browser does not show must not be read: a hidden copy of an old 表三 row, a template, a noscript note.
    `<div style="display: none"><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>99</td><td>0</td></tr></table></div>`,
    '<template><p>六、其他需要报告的事项</p></template>',
    '<noscript>您的浏览器不支持脚本，部分功能无法使用。</noscript>',
  ].join('\n');
  const footer = '<div class="footer"><p>主办：某某市人民政府办公室&nbsp;&nbsp;联系电话：0000-12345678</p><p>网站标识码：0000000000&nbsp;&nbsp;ICP备00000000号</p></div>';
  const content = data.layoutTable
    ? `<table width="1000" align="center"><tr><td colspan="2">${chromeTop}</td></tr><tr><td width="200" valign="top"><div class="side"><p>信息公开指南</p><p>信息公开制度</p><p>信息公开年报</p></div></td><td valign="top">${articleHead}<div id="zoom">${article}</div></td></tr><tr><td colspan="2">${footer}</td></tr></table>`
    : `${chromeTop}<div class="main">${articleHead}<div class="article-content" id="zoom">${article}</div></div>${hidden}${footer}`;
  return [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html>',
    `<head>${charset}`,
    `<title>${title}_某某市人民政府</title>`,
    '<style type="text/css">.title{font-size:22px} td{border:1px solid #000} .hide{display:none}</style>',
    '<script type="text/javascript">var headings = "<p>一、总体情况</p><p>二、主动公开政府信息情况</p>"; function doZoom(size){ document.getElementById("zoom").style.fontSize = size + "px"; }</script>',
    '</head>',
    '<body>',
    content,
    // A statistics script: its text names a heading a reader must not take from it; what it writes shows nothing
    // (a browser runs it, so the page printed to PDF is the page read).
    '<script>var toc = "<p>五、存在的主要问题及改进情况</p>"; document.write("<span id=\\"cnzz_stat_icon\\"></span>");</script>',
    '</body></html>',
  ].join('\n');
}

/** The page's bytes as the portal saved them. */
export function portalPageBytes(data: PortalPageData = {}): Uint8Array {
  const html = portalPageHtml(data);
  return data.gb2312 ? new Uint8Array(iconv.encode(html, 'gb2312')) : new Uint8Array(Buffer.from(html, 'utf8'));
}

export const T3_ROW_COUNT = TABLE3_ROWS.length;

/** The page as Word saves it as a web page: each cell's text in a MsoNormal paragraph on lines of its own, no <th>. */
export function wordMadeCells(html: string): string {
  return html
    .replace(/<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/g, (_m, _tag: string, attrs = '', text: string) => `<td${attrs} style='border:solid windowtext 1.0pt'>\n<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:宋体'>${text}<o:p></o:p></span></p>\n</td>`)
    .replace(/<\/?thead>/g, '');
}

/** A cell broken over lines (`本年<br>制发件数`, splitCells) written as two paragraphs of the cell, as Word-made pages have them. */
export function paragraphCells(html: string): string {
  return html.replace(/<td([^>]*)>([^<]*)<br\s*\/?>([^<]*)<\/td>/g, '<td$1><p>$2</p><p>$3</p></td>');
}

/** A page with two wrong totals: 表三's 总计 of 自然人+企业 is 5, printed 6; 表四's 行政复议 总计 is 2, printed 3. */
export function wrongTotalsPage(): PortalPageData {
  return { t3: { ...validT3(), total: [4, 1, 0, 0, 0, 0, 6] }, t4: validT4().map((v, k) => (k === 4 ? 3 : v)) };
}

/**
 * The page with its data tables (表二, 表三, 表四, in order) replaced by pictures of them, as portals publish a table
 * their editor cannot hold: a centred paragraph holding an <img> (the pictures given as PNG bytes, in page order).
 */
export function tablesAsPictures(html: string, pictures: readonly Uint8Array[]): string {
  let k = 0;
  return html.replace(/<table\b(?![^>]*width="1000")[^>]*>(?:(?!<table\b)[\s\S])*?<\/table>/g, (table) => {
    if (k >= pictures.length || /display:\s*none/.test(table)) return table;
    const src = `data:image/png;base64,${Buffer.from(pictures[k++]!).toString('base64')}`;
    return `<p style="text-align:center"><img src="${src}" width="600" alt="" border="0" /></p>`;
  });
}

/**
 * The page's tables drawn the old CMS way: no borders, `<table cellspacing="1" bgcolor="#cccccc">` with white cells
 * (`<td bgcolor="#ffffff">`), the lines a reader sees being the grey background in the 1px gaps between cells.
 */
export function cmsBackgroundTables(html: string): string {
  return html
    .replace('td{border:1px solid #000}', '')
    .replace(/<table\b[^>]*>/g, '<table cellspacing="1" cellpadding="3" bgcolor="#cccccc" width="100%">')
    .replace(/<(td|th)\b([^>]*)>/g, (_m, tag: string, attrs: string) => `<${tag}${attrs} bgcolor="#ffffff">`);
}
