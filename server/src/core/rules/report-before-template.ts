// report.before-template: a report on 2018 or an earlier year, written in the format of the 2008 条例 (概述, 主动公开,
// 依申请公开, 收费及减免, 复议诉讼, 问题及改进, 其他; a 统计表 of 指标 and 统计数). The national template applies from the
// reports on 2019 (国办公开办函〔2019〕60号): read against it, such a report got a warning for every part and table. A
// reviewer who collects a column's whole history meets them. One finding says so, and no other rule runs (index.ts).

import { messagesFor } from '../i18n';
import type { Report } from '../model';
import { finding, type Rule } from './types';

/** The last year reported on in the 2008 format: the template's first reports are on 2019. */
export const LAST_YEAR_BEFORE_TEMPLATE = 2018;

/** The year the title names, when it is before the template's first. */
export function yearBeforeTemplate(report: Report): number | undefined {
  const year = report.title?.year;
  return year !== undefined && year <= LAST_YEAR_BEFORE_TEMPLATE ? year : undefined;
}

export const reportBeforeTemplate: Rule = {
  code: 'report.before-template',
  name: '2019 年以前格式的报告',
  defaultSeverity: 'information',
  // The title's year is in a preface paragraph: an edit of it rebuilds the paragraph.
  inputs: ['prose'],
  check({ report, lang }) {
    const year = yearBeforeTemplate(report);
    if (year === undefined) return [];
    const at = report.title?.yearRange ?? { start: 0, end: 0 };
    return [finding(reportBeforeTemplate, at, messagesFor(lang)['report.before-template'].message(year))];
  },
};
