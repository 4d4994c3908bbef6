// Hostile web pages (issue 13): what no portal publishes but a reader may be
// handed. Shared by the robustness tests and scripts/measure-html-reader.ts.

export interface HostilePage {
  readonly name: string;
  readonly html: string;
}

const MB = 1024 * 1024;
const head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某局2022年政府信息公开工作年度报告</title></head><body>';

/** A report's skeleton, so a page that is read has something to find. */
const report = '<p>一、总体情况</p><p>全年受理申请5件。</p><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td></tr></table>';

export function hostilePages(): HostilePage[] {
  const paragraph = '<p>本机关认真贯彻落实条例，全面推进政务公开工作，持续提升透明度。</p>\n';
  const markup = '<div class="x"><span style="color:red"></span><img src="a.png"></div>\n';
  return [
    { name: '50 MB of prose (text over maxTextChars)', html: head + report + paragraph.repeat(Math.ceil((50 * MB) / Buffer.byteLength(paragraph))) + '</body></html>' },
    { name: '50 MB of empty markup around a report', html: head + report + markup.repeat(Math.ceil((50 * MB) / markup.length)) + '</body></html>' },
    { name: '50 MB of script', html: `${head}${report}<script>${'var a = "<p>一、总体情况</p>";\n'.repeat(1_500_000)}</script></body></html>` },
    { name: '5,000 nested <div>s, report at the bottom', html: head + '<div>'.repeat(5_000) + report + '</div>'.repeat(5_000) + '</body></html>' },
    { name: '100,000 nested <div>s, report at the bottom', html: head + '<div>'.repeat(100_000) + report + '</div>'.repeat(100_000) + '</body></html>' },
    { name: '100,000 nested <div>s never closed', html: head + '<div><b>'.repeat(100_000) + report },
    { name: '100,000 nested <table>s', html: head + '<table><tr><td>'.repeat(100_000) + report },
    { name: '1,000 rows of rowspan=65534 colspan=1000', html: head + report + `<table>${'<tr><td rowspan="65534" colspan="1000">x</td></tr>'.repeat(1000)}</table></body></html>` },
    { name: '600,000 elements each with text', html: head + report + '<b>1</b>'.repeat(600_000) + '</body></html>' },
    { name: 'binary noise after an HTML start', html: head + Array.from({ length: 2 * MB }, (_, k) => String.fromCharCode((k * 7919) % 0xd7ff)).join('') },
  ];
}
