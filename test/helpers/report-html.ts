// A text report (tab-grid layout: prose lines, tables as tab-separated rows)
// published the way a government portal does: a page with its navigation,
// scripts and styles around the article, headings and paragraphs as <p> with
// inline styles, each table a <table> with one <td> a cell (merged cells as the
// empty cells a Word export leaves: the HTML reader's own tests cover colspan).

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportPage(text: string, title = '政府信息公开工作年度报告'): string {
  const body: string[] = [];
  let rows: string[][] | undefined;
  const flush = () => {
    if (!rows) return;
    body.push('<table border="1" cellspacing="0" style="border-collapse:collapse;width:100%">');
    for (const row of rows) body.push(`<tr>${tableRow(row)}</tr>`);
    body.push('</table>');
    rows = undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      (rows ??= []).push(line.split('\t'));
      continue;
    }
    flush();
    if (line.trim()) body.push(`<p style="text-indent:2em"><span style="font-family:仿宋">${escapeHtml(line.trim())}</span></p>`);
  }
  flush();
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>.nav{color:#06c}.article p{line-height:2}</style>
<script>var _hmt = _hmt || []; function fontSize(n) { document.body.style.fontSize = n + 'px'; }</script>
</head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="tools">字号：<a href="javascript:fontSize(16)">大</a> <a href="javascript:fontSize(14)">中</a> 打印本页 关闭窗口</div>
<div class="article">
${body.join('\n')}
</div>
<div class="footer">主办单位：某某人民政府办公室 网站标识码 0000000000</div>
</body></html>
`;
}

function tableRow(cells: string[]): string {
  return cells.map((c) => `<td>${escapeHtml(c.trim())}</td>`).join('');
}
