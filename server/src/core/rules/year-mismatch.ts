// year.mismatch: the title's year, the 统计期限 (自2022年1月1日起至2022年12月31日止)
// and the year the prose reports on (the opening "2022年，…" of 一、总体情况)
// must agree.

import { messagesFor } from '../i18n';
import type { Paragraph, Range, Report } from '../model';
import { memoByText } from '../caches';
import { toHalfWidth } from '../text/normalize';
import { paragraphRange } from '../text/paragraph-offsets';
import { proseParagraphs } from '../text/prose-numbers';
import { finding, type Finding, type Rule } from './types';

// The end's year may go unsaid: “统计期限为2022年1月1日至12月31日” is the usual wording.
const PERIOD = /统计期限[^。]{0,12}?(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日[^。\d]{0,8}(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/;
// The opening that states the year reported on: the year, maybe 度, then a pause ("2022年，…", "2022年度，…",
// "2022年：…", "2022年 …"). A year that starts another phrase ("2019年新修订的《条例》…", "2021年度政府信息公开工作
// 年度报告发布后", "2023年1月，…编制完成本报告") says when something else happened.
const OPENING_YEAR = /^(\d{4})\s*年度?(?:\s*[，,、：:]|\s)/;

// Only a paragraph that names the 统计期限 is read and cached (by text); the search for the words costs less
// than a lookup, and caching every paragraph would hash and store each new one.
const readPeriod = memoByText((text: string) => PERIOD.exec(toHalfWidth(text)));
const periodOf = (text: string): RegExpExecArray | null => (text.includes('统计期限') ? readPeriod(text) : null);

/** The year the first 统计期限 of the prose starts in (a report's year where its title names none). */
export function periodYear(report: Report): number | undefined {
  for (const { paragraph } of proseParagraphs(report)) {
    const m = periodOf(paragraph.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

export const yearMismatch: Rule = {
  code: 'year.mismatch',
  name: '年份不一致',
  defaultSeverity: 'warning',
  // Reads the first paragraph stating the 统计期限 and the opening of 总体情况: other paragraphs cannot change it.
  inputs: ['prose'],
  proseMatters: (text) => text.includes('统计期限') || OPENING_YEAR.test(toHalfWidth(text)),
  check({ report, lang }) {
    const titleYear = report.title?.year;
    if (titleYear === undefined) return [];
    const says = messagesFor(lang)['year.mismatch'];
    const out: Finding[] = [];
    const related = report.title?.yearRange ? [{ range: report.title.yearRange, message: says.titleYear(titleYear) }] : [];
    for (const { paragraph: p } of proseParagraphs(report)) {
      const m = periodOf(p.text);
      if (!m) continue;
      for (const [k, group] of [[1, m[1]], [2, m[2]]] as const) {
        if (group !== undefined && Number(group) !== titleYear) {
          const at = locate(p, m.index + m[0].indexOf(group, k === 2 ? m[0].indexOf(m[1]!) + 4 : 0), 4);
          out.push(finding(yearMismatch, at, says.period(group, titleYear), { related }));
        }
      }
      break;
    }
    const general = report.sections.find((s) => s.heading.sectionId === 1);
    const opening = general?.paragraphs[0];
    const m = opening && OPENING_YEAR.exec(toHalfWidth(opening.text));
    if (opening && m && Number(m[1]) !== titleYear && !reportsOnTitleYear(toHalfWidth(opening.text), m, titleYear)) {
      out.push(finding(yearMismatch, locate(opening, 0, 4), says.opening(m[1]!, titleYear), { related }));
    }
    return out;
  },
};

// "2021年以来", "2021年至2022年": a span that runs on, not the year reported on.
const SPAN_AFTER = /^\s*(?:以来|起|至|到|[-－—–~～])/;

/**
 * The opening names another year, but does not report on it: the year starts a
 * span (2021年以来), or its first sentence names the title's year as well
 * (2021年收到申请8件，2022年收到5件).
 */
function reportsOnTitleYear(text: string, opening: RegExpExecArray, titleYear: number): boolean {
  const after = text.slice(opening[0].length);
  if (SPAN_AFTER.test(after)) return true;
  const sentence = after.slice(0, (after.indexOf('。') + 1 || after.length + 1) - 1);
  return new RegExp(`(?<!\\d)${titleYear}\\s*年`).test(sentence);
}

function locate(p: Paragraph, index: number, length: number): Range {
  return paragraphRange(p, index, index + length);
}

