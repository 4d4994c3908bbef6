// The report's title: the first line of the preface that names a 年度报告
// (or 年报), joined with the line before it when the title wraps
// ("淮北市公安局2022年政府信息公开" / "工作年度报告").

import type { Title } from '../model';
import type { Line } from '../text/lines';
import { CHINESE_YEAR, chineseYearValue, isWhiteSpaceCode, toHalfWidth } from '../text/normalize';

// Also "…2021年度政府信息公开工作报告": some agencies drop 年度 before 报告 once the year says it.
// `关于2024年度政府信息公开工作的报告`, `…工作情况的报告`: a report as an office's letter names it.
const TITLE_WORDS = /年度报告|年报|\d{4}\s*年度?[^。；]{0,16}(?:信息公开|政务公开)(?:工作)?(?:情况)?的?报告/;
const WEB_LABEL = /^\s*标题\s*[:：]\s*/;
// Other fields a saved web page lists above the report (栏目: 政府信息公开年报, 发布机构: …): never the title.
const PAGE_FIELD = /^\s*(?:栏目|发布时间|发布机构|文号|原文链接|本地目录|来源|索引号|分类|主题分类|发文日期|成文日期|关键词|关键字|当前位置|您的位置|您当前的位置|当前的位置|所在位置)\s*[:：]/;
/** A page's breadcrumb (首页 > 政府信息公开年报 > 2023年): the column's names, whose year is the page's, not the report's. */
const BREADCRUMB = /[>＞»›].*[>＞»›]/;
/**
 * A full date (2023年01月31日, 2023-01-31): the day a report was published or signed, in the year after the one it
 * reports on. A line holding one is never the first half of a wrapped title, whose year would become the date's.
 */
const FULL_DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;

/** How many lines after a title that names no year a fuller one may stand (a page's generic <title>, then the article's). */
const FULLER_TITLE_WITHIN = 4;

export function findTitle(lines: Line[], from: number, to: number): Title | undefined {
  for (let i = from; i < to; i++) {
    if (!isTitleLine(lines[i]!)) {
      // "…2020 年政府信息公开工作年度" / "报告": wrapped before its last word (a printed page's text), neither half a title.
      const wrapped = wrappedTitle(lines, i, to);
      if (wrapped) return wrapped.year !== undefined ? titleAfterList(lines, from, i, to, wrapped) : wrapped;
      continue;
    }
    const title = titleAt(lines, from, i);
    if (title.year !== undefined) return titleAfterList(lines, from, i, to, title);
    // "政府信息公开工作年度报告" and then "某某局2019年政府信息公开工作年度报告": the second says whose and when. It may
    // head a list of other years' reports too (a sidebar's 历年年报 and its links, read before the article).
    for (let k = i + 1; k < Math.min(to, i + 1 + FULLER_TITLE_WITHIN); k++) {
      if (!isTitleLine(lines[k]!)) continue;
      const fuller = titleAt(lines, i + 1, k);
      if (fuller.year !== undefined) return titleAfterList(lines, i + 1, k, to, fuller);
    }
    // A piece of a wrapped field (本地目录: …局202 / 0年政府信息公开年度报告) names no year; the page's 标题: field may.
    const page = pageTitle(lines, from, to);
    return page?.year !== undefined ? page : title;
  }
  return pageTitle(lines, from, to);
}

/**
 * A list of the agency's reports of other years above its own title (a page's 相关阅读 links; a printed page's
 * sidebar, read before the article): titles of two years or more before the report's first part. The report's own is
 * the last of them, right above its text; `first` when every title names one year (a page's <title>, then the article's).
 */
function titleAfterList(lines: Line[], from: number, first: number, to: number, title: Title): Title {
  let last: Title | undefined;
  let years = false;
  for (let k = first + 1; k < to; k++) {
    const next = isTitleLine(lines[k]!) ? titleAt(lines, from, k) : wrappedTitle(lines, k, to);
    if (next?.year === undefined) continue;
    last = next;
    years ||= next.year !== title.year;
  }
  return years && last ? last : title;
}

/**
 * A line without the attributes pandoc's Markdown writes after a heading (`# 某某局2021年…年度报告 {#某某局… .article-title}`,
 * the page's id and class): they repeat the title and made the line too long to be one.
 */
function withoutAttributes(text: string): string {
  // Found from the end by hand: an expression anchored at the end (\s+\{…\}\s*$) is quadratic on a line of spaces.
  const end = text.trimEnd().length;
  if (text.charCodeAt(end - 1) !== CLOSE_BRACE) return text;
  const open = text.lastIndexOf('{', end - 1);
  if (open <= 0 || !isWhiteSpaceCode(text.charCodeAt(open - 1)) || !HEADING_ATTRIBUTES.test(text.slice(open, end))) return text;
  return text.slice(0, open);
}

const CLOSE_BRACE = 0x7d;
const HEADING_ATTRIBUTES = /^\{[#.][^{}]*\}$/;

/** Words that read as a report's title on a line of their own (a 年度报告 named, short, no sentence). */
export function readsAsReportTitle(text: string): boolean {
  const trimmed = text.trim();
  return TITLE_WORDS.test(trimmed) && trimmed.length <= 60 && !/[。；]/.test(trimmed);
}

function isTitleLine(line: Line): boolean {
  const trimmed = withoutAttributes(line.text).trim();
  if (!readsAsReportTitle(trimmed)) return false;
  // Web page metadata; the real title follows.
  return !WEB_LABEL.test(line.text) && !PAGE_FIELD.test(line.text) && !BREADCRUMB.test(trimmed);
}

function titleAt(lines: Line[], from: number, i: number): Title {
  const line = lines[i]!;
  const own = withoutAttributes(line.text);
  const trimmed = own.trim();
  let start = line.start + (own.length - own.trimStart().length);
  const end = line.start + own.trimEnd().length;
  let text = trimmed;
  const prev = previousNonBlank(lines, from, i);
  // A saved page's 标题: field wrapped too (a tool wrapped the whole page at a width): its words are the head.
  const label = prev ? WEB_LABEL.exec(prev.text) : null;
  const head = prev ? prev.text.slice(label?.[0].length ?? 0) : '';
  if (prev && !namesItsAgency(trimmed) && isTitleHead(head.trim())) {
    text = head.trim() + trimmed;
    start = prev.start + (label?.[0].length ?? 0) + (head.length - head.trimStart().length);
  }
  const year = findYear(text, lines, i);
  return { text, range: { start, end }, year: year?.year, yearRange: year?.range };
}

/** The longest tail of a title wrapped before its last word (报告, 年度报告). */
const MAX_TITLE_TAIL = 6;

/**
 * A title wrapped so that neither line reads as one: line i a title's head (short, no sentence punctuation), the next
 * line with text (one blank line may stand between, as MuPDF writes) its last word or two, the two together a title
 * with its year.
 */
function wrappedTitle(lines: Line[], i: number, to: number): Title | undefined {
  const line = lines[i]!;
  const head = line.text.trim();
  if (!isTitleHead(head) || !/年/.test(head)) return undefined;
  let k = i + 1;
  if (k < to && lines[k]!.text.trim() === '') k++;
  const tailLine = lines[k];
  if (k >= to || !tailLine) return undefined;
  const tail = tailLine.text.trim();
  if (tail.length === 0 || tail.length > MAX_TITLE_TAIL || !readsAsReportTitle(head + tail)) return undefined;
  const text = head + tail;
  const year = findYear(text, lines, k);
  if (!year) return undefined;
  const start = line.start + (line.text.length - line.text.trimStart().length);
  return { text, range: { start, end: tailLine.start + tailLine.text.trimEnd().length }, year: year.year, yearRange: year.range };
}

/** No title in the text itself: the one a saved page lists in its 标题: field. */
function pageTitle(lines: Line[], from: number, to: number): Title | undefined {
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const label = WEB_LABEL.exec(line.text);
    const text = label ? line.text.slice(label[0].length).trim() : '';
    if (!label || !TITLE_WORDS.test(text) || text.length > 60) continue;
    const start = line.start + label[0].length;
    const year = findYear(text, lines, i);
    return { text, range: { start, end: start + text.length }, year: year?.year, yearRange: year?.range };
  }
  return undefined;
}

function previousNonBlank(lines: Line[], from: number, i: number): Line | undefined {
  for (let k = i - 1; k >= from; k--) {
    const t = lines[k]!.text.trim();
    if (t) return /^[-—–]\s*\d+\s*[-—–]$/.test(t) ? undefined : lines[k];
  }
  return undefined;
}

// The year a report is of: not one in a full date (2023年01月06日, its publication's, in the year after).
const TITLE_YEAR = new RegExp(`(?:((?:19|20)\\d\\d)|(${CHINESE_YEAR}))(?=\\s*年)(?!\\s*年\\s*[\\d〇零一二三四五六七八九十]{1,3}\\s*月)`);

/** A short line with no sentence punctuation that can be the first half of a wrapped title. */
function isTitleHead(text: string): boolean {
  return text.length > 0 && text.length <= 30 && !/[。，,：:；;！？]/.test(text) && !TITLE_WORDS.test(text) && !FULL_DATE.test(toHalfWidth(text)) && !NO_HEAD.test(text);
}

/** What stands above a title and is none of it: an attachment's mark, a document number, an office's red header. */
const NO_HEAD = /^附件\s*[\d一二三四五六七八九十]*$|〔\s*\d{4}\s*〕\s*\d+\s*号$|文件$/;

/**
 * The title names its agency before its year (`万年县教育体育局2024年…`): whole, it takes no line above it as its
 * head (`附件`, `万教体字〔2025〕3号`, the site's name were run onto the agency, and the report paired with none).
 */
function namesItsAgency(title: string): boolean {
  const plain = toHalfWidth(title);
  const m = TITLE_YEAR.exec(plain);
  return !!m && plain.slice(0, m.index).replace(/关于\s*$/, '').replace(/\s+/g, '').length >= MIN_AGENCY_NAME;
}

const MIN_AGENCY_NAME = 3;

function findYear(text: string, lines: Line[], titleLine: number): { year: number; range: { start: number; end: number } } | undefined {
  const m = TITLE_YEAR.exec(toHalfWidth(text));
  if (!m) return undefined;
  // In digits, or in Chinese numerals as formal titles write it (二〇二三年).
  const year = m[1] ? Number(m[1]) : chineseYearValue(m[2]!)!;
  // Locate the digits in the document for the range: the title line, else the line before it.
  for (const k of [titleLine, titleLine - 1, titleLine - 2]) {
    const line = lines[k];
    if (!line) continue;
    const at = toHalfWidth(line.text).indexOf(m[0]);
    if (at >= 0) return { year, range: { start: line.start + at, end: line.start + at + 4 } };
  }
  return undefined;
}
