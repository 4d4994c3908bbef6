// The report inside the page chrome (navigation, breadcrumbs, 字号 大 中 小,
// 打印 关闭, share buttons, footer): the smallest element holding the report's
// section headings, which holds its tables too. The page title is kept when
// the report's title is outside that element.

import { recogniseHeading } from '../../parse/headings';
import type { Block, GridCell } from '../blocks';
import type { Draft, PageDrafts } from './walk';

// At least this many different section headings make the report recognisable (one could be a link in the chrome).
const MIN_SECTIONS = 2;

// A paragraph that is nothing but page controls (【打印本页】【关闭窗口】, 字号：大 中 小, 分享到：).
const CONTROL = '(?:打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|字号|字体|[大中小]|分享到|分享|收藏本页|收藏|返回顶部|返回|顶部|扫一扫(?:在手机(?:上)?打开(?:当前页|本页)?)?|微信|微博|QQ空间)';
const SEPARATORS = '[\\s|｜/【】\\[\\]（）()<>＜＞«»·•:：，,]*';
const CONTROLS_ONLY = new RegExp(`^${SEPARATORS}(?:${CONTROL}${SEPARATORS})+$`);

/** The report's drafts as blocks, paragraphs and tables numbered in the order read. */
export function reportBlocks(page: PageDrafts, pageTitle: string): Block[] {
  const { drafts } = page;
  const area = reportArea(page);
  const kept = drafts.slice(area.start, area.end).filter((d) => d.kind === 'table' || !CONTROLS_ONLY.test(d.text));
  const title = area.start > 0 || area.end < drafts.length ? outsideTitle(drafts, area, pageTitle) : undefined;
  // The intro sentence often names the report too (现公布……年度报告): only the title line itself counts as held.
  if (title !== undefined && !kept.some((d) => d.kind === 'paragraph' && d.text === title)) kept.unshift({ kind: 'paragraph', text: title, inH1: true });
  return numbered(kept);
}

function reportArea(page: PageDrafts): { start: number; end: number } {
  const whole = { start: 0, end: page.drafts.length };
  const headings: number[] = [];
  const sections = new Set<number>();
  page.drafts.forEach((d, k) => {
    if (d.kind !== 'paragraph') return;
    const heading = recogniseHeading(d.text, 0);
    if (!heading) return;
    headings.push(k);
    sections.add(heading.sectionId);
  });
  if (sections.size < MIN_SECTIONS) return whole;
  const first = headings[0]!;
  const last = headings[headings.length - 1]!;
  let best = whole;
  for (const span of page.spans) {
    if (span.start <= first && span.end > last && span.end - span.start < best.end - best.start) best = span;
  }
  return best;
}

/** The report's title where the area does not hold it: an <h1> outside it, else the page's <title> part naming a report. */
function outsideTitle(drafts: readonly Draft[], area: { start: number; end: number }, pageTitle: string): string | undefined {
  const h1 = drafts.find((d, k) => d.kind === 'paragraph' && d.inH1 && (k < area.start || k >= area.end) && namesReport(d.text));
  if (h1?.kind === 'paragraph') return h1.text;
  // Portals write “<report title>_<site name>” or “<site> - <report title>”.
  return pageTitle.split(/\s*[_|｜]\s*|\s+[-—–]+\s+/).find(namesReport);
}

const namesReport = (text: string) => /报告|年报/.test(text);

function numbered(drafts: readonly Draft[]): Block[] {
  let paragraphs = 0;
  let tables = 0;
  return drafts.map((d): Block => {
    if (d.kind === 'paragraph') return { kind: 'paragraph', text: d.text, place: { paragraph: ++paragraphs } };
    const table = ++tables;
    const rows = d.grid.map((row, r) => row.map((text, c): GridCell => ({ text, place: { table, row: r + 1, column: c + 1 } })));
    return { kind: 'table', rows, place: { table } };
  });
}
