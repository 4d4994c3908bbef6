// Whether the opening of a plain-text document reads as an annual report.
// Imports nothing, so the client can bundle it without the rest of the core.

export const DETECTION_WINDOW = 2000;

const SECTION_TITLES: readonly (readonly string[])[] = [
  ['总体情况', '總體情況'],
  ['主动公开政府信息情况', '主動公開政府信息情況'],
  ['收到和处理政府信息公开申请情况', '收到和處理政府信息公開申請情況'],
];

// The report named: in simplified characters, or in traditional ones (a portal's 繁體 page).
const REPORT_NAMED = /政府信息公[开開](?:工作)?年度[报報]告|政府信息公[开開]年[报報]/;

export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, DETECTION_WINDOW);
  if (otherDocumentKind(head)) return false;
  const words = head.replace(/\s+/g, '');
  const sections = SECTION_TITLES.filter((t) => t.some((form) => words.includes(form))).length;
  return REPORT_NAMED.test(words) || sections >= 2;
}

/**
 * Documents a reviewer's folder holds beside the reports, told by their own title: a 解读 or 一图读懂 of the report
 * (it repeats the report's title and some of its parts), a 更正说明 (it quotes the corrected table, and often the
 * wrong one), the 政府信息公开指南, a 工作要点 or 工作总结 (they share the template's part titles). Checked as reports,
 * each got "parts missing" errors.
 */
export type OtherDocumentKind = 'interpretation' | 'correction' | 'guide' | 'plan' | 'summary' | 'list';

// About the report, not the report: "《…年度报告》解读", "一图读懂｜…年度报告", "关于…年度报告的更正说明". A report
// republished corrected ("…年度报告（更正版）") is the report.
const INTERPRETATION = /解读|图解|一图(?:读懂|看懂|速览|了解)|图说|问答|简读/;
const CORRECTION = /更正(?:说明|公告|声明|启事|通知|情况)|勘误|的更正|修正说明/;
// Titles of other documents, when the title does not name the report.
const OTHER_TITLES: readonly (readonly [RegExp, OtherDocumentKind])[] = [
  [/信息公开指南|政务公开指南/, 'guide'],
  [/^(?:一图读懂|一图看懂|图解)/, 'interpretation'],
  [/工作要点|工作计划|实施方案|工作安排|任务分工/, 'plan'],
  [/工作总结|情况总结/, 'summary'],
];
// Lines that stand above a title: a crawler's page lines, 附件 marks, a document number, a date, a site's path.
const ABOVE_TITLE = /^(?:附件\s*\d*[:：]?|附表\s*\d*|.{0,30}〔\d{4}〕\s*\d+\s*号|\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?.{0,12}|(?:首页|当前位置|您的位置).*|(?:发布时间|发布日期|发布机构|文号|栏目|来源|原文链接|索引号|浏览次数)\s*[:：].*|[-=_*#\s]+)$/;
const TITLE_LABEL = /^\s*(?:标题|題目|题目|名称)\s*[:：]\s*/;
const MAX_TITLE = 120;
const MENU = /[|>›»]|\S\s{2,}\S.*\S\s{2,}\S/;

/** What the document is when its own title says it is not the annual report; undefined for a report, or unknown. */
export function otherDocumentKind(head: string): OtherDocumentKind | undefined {
  // Asked of one file's head several times in a row (whether it is a report, the rules, the compilation and
  // cross-year passes), each time a new slice: the last head's answer is kept. Its own copy, not the slice, which
  // would keep the whole document alive.
  if (head === lastHead) return lastKind;
  lastKind = kindOf(head);
  lastHead = (' ' + head).slice(1);
  return lastKind;
}

let lastHead: string | undefined;
let lastKind: OtherDocumentKind | undefined;

function kindOf(head: string): OtherDocumentKind | undefined {
  if (listsReports(head)) return 'list';
  const title = titleOf(head);
  if (!title) return undefined;
  if (REPORT_NAMED.test(title)) return CORRECTION.test(title) ? 'correction' : INTERPRETATION.test(title) ? 'interpretation' : undefined;
  for (const [pattern, kind] of OTHER_TITLES) if (pattern.test(title)) return kind;
  return undefined;
}

// A site's column page lists its reports, each title on a line of its own with an excerpt: several years' titles.
const MIN_LISTED_YEARS = 3;
const LISTED_TITLE = /^.{0,40}((?:19|20)\d\d)\s?年度?.{0,20}(?:政府信息公[开開](?:工作)?年度[报報]告|政府信息公[开開]年[报報])\s*$/;

// What a report's own opening holds and a list page does not: a part's heading alone on its line, a table row, a
// body run onto one line (a crawled page). A report page may list other years' reports above its title.
const PART_HEADING_LINE = /^[一二三四五六][、.．]\s*[\u4e00-\u9fa5（）()]{2,24}$/;
const TABLE_ROW = /(?:\d+\s*\t\s*){4}\d/;
const BODY_LINE = 300;

function listsReports(head: string): boolean {
  const years = new Set<string>();
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line.length > BODY_LINE || PART_HEADING_LINE.test(line) || TABLE_ROW.test(line)) return false;
    const year = LISTED_TITLE.exec(line)?.[1];
    if (year) years.add(year);
  }
  return years.size >= MIN_LISTED_YEARS;
}

/** The document's first line of words past what stands above a title, spaces removed; undefined if it is long (a body). */
function titleOf(head: string): string | undefined {
  let seen = 0;
  for (const raw of head.split(/\r\n|\r|\n/)) {
    if (++seen > 12) return undefined;
    const line = raw.replace(TITLE_LABEL, '').trim();
    if (!line || ABOVE_TITLE.test(line)) continue;
    // A site's menu (政策解读 | 政务公开 | …) or a long line (a body) is no title: nothing is said.
    return line.length <= MAX_TITLE && !MENU.test(line) ? line.replace(/\s+/g, '') : undefined;
  }
  return undefined;
}
