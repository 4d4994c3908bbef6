// Reports published as WeChat public-account articles (微信公众号文章), the way mp.weixin.qq.com serves them: the
// article inside #js_article > #page-content, its title in h1#activity-name, the account in #meta_content, the text
// in #js_content, which the raw source holds with `visibility: hidden` (the page's script shows it once loaded). The
// text as the WeChat editor (and 135editor / 秀米 pasted into it) writes it: nested <section>s with inline styles,
// paragraphs of many styled <span> runs (a figure's digits sometimes in two), <strong> headings, blank <p><br></p>
// lines, zero-width spaces, tables of <td width style><p><span> cells, lazy pictures (<img data-src>, no src until the
// script gives one). The tables are the portal page's (portal-page.ts, the same merges), restyled as the editor
// keeps them. `revealed` is the page after its script ran, as a browser saves it.

import { reportContent } from './build-report';
import { portalPageHtml, type PortalPageData } from './portal-page';

export interface WechatPageData extends PortalPageData {
  /** The page after its script ran: #js_content visible, pictures given their src (what a browser saves). */
  revealed?: boolean;
  /** The raw source's <title> left empty (the script sets document.title), as some versions serve it. */
  emptyTitle?: boolean;
  /**
   * What the editor leaves unseen where a run was retyped: a figure's second run starting with a zero-width space
   * (`&#8203;`), a U+FEFF after each figure of a cell.
   */
  unseenMarks?: boolean;
  /**
   * Each part's heading as the editor's title bar sets it: the numeral alone (一, no 、) in a round badge, the title in a
   * box beside it (`display:flex`): one line on screen, two blocks in the page.
   */
  badges?: boolean;
}

const RUN = 'font-size:15px;letter-spacing:1px;color:rgb(62,62,62);font-family:仿宋,仿宋_GB2312';
const span = (text: string, style = RUN) => `<span style="${style}">${text}</span>`;

/** A paragraph's text as the editor keeps it: styled runs cut at punctuation, a number's digits now and then in two runs. */
function runs(text: string): string {
  const cut = `</span><span style="${RUN}">`;
  let n = 0;
  return text
    .split(/(?<=[，。；：、）])/)
    .map((piece) => span(piece.replace(/\d{2,}/g, (digits) => (n++ % 2 === 0 ? `${digits.slice(0, 1)}${cut}${digits.slice(1)}` : digits))))
    .join('');
}

const paragraph = (text: string) => `<p style="text-indent:2em;margin-bottom:0px;line-height:1.75em;text-align:justify;">${runs(text)}</p>`;
const blank = '<p style="margin-bottom:0px;line-height:1.75em;"><br></p>';
const badge = (text: string) =>
  `<section style="display:flex;align-items:center;margin:16px 0px;"><section style="width:28px;height:28px;line-height:28px;border-radius:50%;background:rgb(0,82,255);color:#fff;text-align:center;flex-shrink:0;"><strong>${text.slice(0, 1)}</strong></section><section style="margin-left:8px;"><p style="margin:0px;"><strong>${span(text.slice(2), 'font-size:16px;color:rgb(0,82,255)')}</strong></p></section></section>`;
const heading = (text: string, k: number) =>
  k % 2 === 0
    ? `<p style="text-indent:2em;margin-bottom:0px;line-height:1.75em;"><strong>${span(text, 'font-size:16px;color:rgb(0,82,255);font-family:黑体')}</strong></p>`
    : // A heading in the editor's title box, its numbering and its words in two <strong>s.
      `<section style="margin:10px 0px;display:flex;justify-content:flex-start;"><section style="display:inline-block;border-bottom:2px solid rgb(0,82,255);padding:0px 4px;"><p style="margin:0px;"><strong>${span(text.slice(0, 2), 'font-size:16px;color:rgb(0,82,255)')}</strong><strong>${span(text.slice(2), 'font-size:16px;color:rgb(0,82,255)')}</strong></p></section></section>`;

/** A table of the portal page as the WeChat editor holds it: no <thead>, every cell a <td> with its width and a <p><span>. */
function wechatTable(table: string, unseenMarks = false): string {
  let k = 0;
  const [zeroWidth, bom] = unseenMarks ? ['&#8203;', '\ufeff'] : ['', ''];
  const cells = table
    .replace(/<\/?thead>|<\/?tbody>/g, '')
    .replace(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g, (_m, _tag: string, attrs: string, content: string) => {
      const spans = (/(?:colspan|rowspan)="\d+"/g.exec(attrs) ? attrs.match(/(?:colspan|rowspan)="\d+"/g)!.join(' ') : '').trim();
      const lines = content
        .split(/<br\s*\/?>/i)
        .map((line) => line.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim());
      const shown = lines.map((line) => {
        // A figure's digits in two runs now and then, as a retyped cell keeps them.
        const text = /^\d{2,}$/.test(line) && k++ % 2 === 0
          ? `${span(line.slice(0, 1), 'font-size:12px')}${span(`${zeroWidth}${line.slice(1)}${bom}`, 'font-size:12px')}`
          : span(/^[\d.]+$/.test(line) ? `${line}${bom}` : line || '<br>', 'font-size:12px');
        return `<p style="text-align:center;margin:0px;">${text}</p>`;
      });
      return `<td${spans ? ` ${spans}` : ''} width="${spans.includes('colspan') ? 180 : 60}" valign="middle" align="center" style="border-color:rgb(0,0,0);word-break:break-all;padding:4px;">${shown.join('')}</td>`;
    });
  // The editor writes the article on one line, with no white space between tags.
  return cells.replace(/\n/g, '').replace(/<table\b[^>]*>/, '<section style="overflow-x:auto;margin:10px 0px;"><table style="border-collapse:collapse;width:100%;" data-sort="sortDisabled"><tbody>').replace(/<\/table>/, '</tbody></table></section>');
}

/** The article page's HTML text. */
export function wechatArticleHtml(data: WechatPageData = {}): string {
  const report = reportContent(data);
  const { year, agency, title } = report;
  const portal = portalPageHtml(data);
  const [t2, t3, t4] = [...portal.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => wechatTable(m[0], data.unseenMarks));
  const tables: Record<number, string | undefined> = { 1: t2, 2: t3, 3: t4 };
  const picture = (name: string) =>
    data.revealed
      ? `<img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_png/${name}/640?wx_fmt=png" data-ratio="0.3" data-w="1080" data-type="png" style="width:100%;height:auto;" src="https://mmbiz.qpic.cn/mmbiz_png/${name}/640?wx_fmt=png&amp;tp=webp&amp;wxfrom=5&amp;wx_lazy=1">`
      : `<img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_png/${name}/640?wx_fmt=png" data-ratio="0.3" data-w="1080" data-type="png" style="width:100%;">`;
  const body = [
    `<section style="text-align:center;margin-bottom:10px;">${picture('banner')}</section>`,
    // The intro with a zero-width space the editor leaves where a paste began.
    paragraph(`\u200b${data.preface ?? `根据《中华人民共和国政府信息公开条例》规定，现公布${agency}${year}年政府信息公开工作年度报告。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`}`),
    blank,
    ...report.headings.flatMap((h, k) => [
      ...(h === null ? [] : [data.badges ? badge(h) : heading(h, k), blank]),
      ...(tables[k] ? [tables[k]!, blank] : []),
      ...report.prose[k]!.map((text) => paragraph(text)),
      blank,
    ]),
    `<p style="text-align:right;margin-bottom:0px;">${span(agency)}</p>`,
    `<p style="text-align:right;margin-bottom:0px;">${span(`${year + 1}年1月20日`)}</p>`,
    blank,
    `<section style="text-align:center;">${picture('qrcode')}</section>`,
    `<p style="text-align:center;">${span('来源：' + agency, 'font-size:12px;color:rgb(136,136,136)')}</p>`,
    `<p style="text-align:center;">${span('编辑：政务新媒体中心', 'font-size:12px;color:rgb(136,136,136)')}</p>`,
    '<p style="display: none;"><mp-style-type data-value="3"></mp-style-type></p>',
  ].join('');
  const content = `<section style="margin:0px 8px;line-height:1.75em;" data-role="outer" label="Powered by 135editor.com"><section data-role="paragraph" style="padding:0px;">${body}</section></section>`;
  const reveal = `<script type="text/javascript" nonce="1234567">(function(){var c=document.getElementById('js_content');var imgs=c.querySelectorAll('img[data-src]');for(var i=0;i<imgs.length;i++){imgs[i].setAttribute('src',imgs[i].getAttribute('data-src')+'&tp=webp&wxfrom=5&wx_lazy=1');}c.style.visibility='visible';document.title=${JSON.stringify(title)};})();</script>`;
  return [
    '<!DOCTYPE html>',
    '<html class="">',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0,viewport-fit=cover">',
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${agency}${year}年政府信息公开工作年度报告">`,
    `<title>${data.emptyTitle && !data.revealed ? '' : title}</title>`,
    '<style>.rich_media_content{overflow:hidden;color:rgba(0,0,0,0.9);font-size:17px;word-wrap:break-word;text-align:justify;position:relative;z-index:0}.rich_media_title{font-size:22px;line-height:1.4;margin-bottom:14px}.rich_media_meta{display:inline-block;vertical-align:middle;margin:0 10px 10px 0;font-size:15px}.qr_code_pc_outer{display:none}.rich_media_tool{display:flex}.rich_media_content table{border-collapse:collapse}.rich_media_content td,.rich_media_content th{border:1px solid #ddd;padding:5px 10px}</style>',
    '</head>',
    '<body id="activity-detail" class="zh_CN wx_wap_page mm_appmsg not_in_mm">',
    '<div id="js_article" class="rich_media">',
    '<div id="js_top_ad_area" class="top_banner"></div>',
    '<div class="rich_media_inner">',
    '<div id="page-content" class="rich_media_area_primary">',
    '<div class="rich_media_area_primary_inner">',
    '<div id="img-content" class="rich_media_wrp">',
    `<h1 class="rich_media_title " id="activity-name">\n${title}\n</h1>`,
    '<div id="meta_content" class="rich_media_meta_list">',
    '<span class="rich_media_meta rich_media_meta_text">原创</span>',
    `<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" class="wx_tap_link js_wx_tap_highlight weui-wa-hotarea" id="js_name">${agency}</a></span>`,
    `<em id="publish_time" class="rich_media_meta rich_media_meta_text">${data.revealed ? `${year + 1}-01-20 10:30` : ''}</em>`,
    '</div>',
    `<div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: ${data.revealed ? 'visible' : 'hidden'};">${content}</div>`,
    data.revealed ? '' : reveal,
    '<div class="rich_media_tool" id="js_toobar3"><div class="media_tool_meta tips_global_primary meta_primary">阅读 <span id="readNum3">1024</span></div><a class="media_tool_meta meta_extra" href="javascript:void(0);">分享</a><a class="media_tool_meta meta_extra" href="javascript:void(0);">在看</a><a class="media_tool_meta meta_extra" href="javascript:void(0);">赞</a></div>',
    '</div></div></div></div>',
    `<div id="js_pc_qr_code" class="qr_code_pc_outer"><div class="qr_code_pc_inner"><div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div></div></div>`,
    '</div>',
    '<div class="weui-dialog__ft" style="display:none;">微信扫一扫可打开此内容，使用完整服务</div>',
    '<script type="text/html" id="js_comment_tpl"><div class="discuss_item">一、总体情况 留言</div></script>',
    '</body></html>',
  ].join('\n');
}
