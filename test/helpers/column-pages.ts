// Pages that stand beside the reports in a folder a reviewer collects, and name the report in their opening: the
// portal column's list of reports by year (what a site mirror or a crawler of the column saves with them), and a
// notice from the office above on writing and publishing this year's reports (政府办公室 to the agencies below).
// Built with the chrome of test/helpers/portal-page.ts; neither is a report.

const CHROME_TOP = [
  '<div class="top"><a href="/">首页</a> | <a href="/wza/">无障碍浏览</a></div>',
  '<div class="nav"><ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>',
].join('\n');
const FOOTER = '<div class="footer"><p>主办：某某市人民政府办公室&nbsp;&nbsp;联系电话：0000-12345678</p><p>网站标识码：0000000000&nbsp;&nbsp;ICP备00000000号</p></div>';

function page(title: string, body: string): string {
  return ['<!DOCTYPE html>', '<html>', '<head><meta charset="utf-8">', `<title>${title}</title>`, '</head>', '<body>', CHROME_TOP, body, FOOTER, '</body></html>'].join('\n');
}

/** The column 政府信息公开年报 of an agency's site: its reports for `years`, newest first, each a link and a date. */
export function reportListPage(agency = '某某市自然资源局', years: readonly number[] = [2024, 2023, 2022, 2021, 2020, 2019]): string {
  const items = years.map((y, k) => `<li><a href="/zwgk/nb/art_${y + 1}_${k + 1}.html" target="_blank" title="${agency}${y}年政府信息公开工作年度报告">${agency}${y}年政府信息公开工作年度报告</a><span class="date">${y + 1}-01-${String(15 + k).padStart(2, '0')}</span></li>`);
  return page(`政府信息公开年报_${agency}`, [
    '<div class="location">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政府信息公开</a>&nbsp;&gt;&nbsp;政府信息公开年报</div>',
    '<div class="column"><h2>政府信息公开年报</h2>',
    `<ul class="list">\n${items.join('\n')}\n</ul>`,
    `<div class="pages">共 ${years.length} 条&nbsp;&nbsp;首页&nbsp;上一页&nbsp;<span>1</span>&nbsp;下一页&nbsp;尾页</div></div>`,
  ].join('\n'));
}

/** A notice on writing and publishing the year's reports: it names the report and lists the template's parts. */
export function reportNoticePage(year = 2024): string {
  const p = (text: string) => `<p style="text-indent:2em">${text}</p>`;
  const title = `关于做好${year}年度政府信息公开工作年度报告编制和发布工作的通知`;
  return page(`${title}_某某市人民政府`, [
    `<div class="main"><h1 class="title">${title}</h1>`,
    `<div class="info">发布时间：${year + 1}-01-05&nbsp;&nbsp;来源：某某市人民政府办公室</div>`,
    '<div class="article-content">',
    p('各县（市、区）人民政府，市政府各部门、各直属单位：'),
    p(`根据《中华人民共和国政府信息公开条例》规定，为做好${year}年度政府信息公开工作年度报告（以下简称年度报告）编制和发布工作，现将有关事项通知如下：`),
    p('<strong>一、严格执行格式要求</strong>'),
    p('各单位要严格按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本单位年度报告，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项，不得随意增减栏目、修改表格。'),
    p('<strong>二、确保数据准确</strong>'),
    p('年度报告中的数据要与政府信息公开申请办理台账一致，各表格数据勾稽关系要准确无误，正文表述与表格数据要保持一致。'),
    p('<strong>三、按时发布</strong>'),
    p(`各单位要于${year + 1}年1月31日前在本单位门户网站“政府信息公开年报”栏目发布年度报告，并报送市政府办公室备案。`),
    p('联系人：张某某，联系电话：0000-12345678。'),
    '<p style="text-align:right">某某市人民政府办公室</p>',
    `<p style="text-align:right">${year + 1}年1月5日</p>`,
    '</div></div>',
  ].join('\n'));
}
