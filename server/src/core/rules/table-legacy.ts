// table.legacy: a 2021-or-later report that still uses the 2019 trial layout
// (表二's old columns or 第（九）项; 表三 （六）其他处理 as one row). The
// report year is the title's, else the 统计期限's, else the templateYear setting; with none, nothing is said.

import { messagesFor } from '../i18n';
import { finding, type Finding, type Rule } from './types';
import { periodYear } from './year-mismatch';

export const NEW_TEMPLATE_YEAR = 2021;

export const tableLegacy: Rule = {
  code: 'table.legacy',
  name: '使用了 2019 版表格格式',
  defaultSeverity: 'warning',
  inputs: ['tables', 'prose'],
  proseMatters: (text) => text.includes('统计期限'),
  check({ report, templateYear, lang }) {
    const year = report.title?.year ?? periodYear(report) ?? templateYear;
    // No year known (a title lost in a conversion, no 统计期限): the 2019 form may be a 2019 or 2020 report's own.
    if (year === undefined || year < NEW_TEMPLATE_YEAR) return [];
    const m = messagesFor(lang)['table.legacy'];
    const out: Finding[] = [];
    const t3 = report.tables.t3;
    const other = t3?.legacy ? t3.rows.find((r) => r.id === 'other') : undefined;
    if (other) {
      out.push(finding(tableLegacy, other.label.range, m.t3));
    }
    const t2 = report.tables.t2;
    if (t2?.legacy) {
      out.push(finding(tableLegacy, t2.blocks[0]?.caption.range ?? t2.range, m.t2));
    }
    return out;
  },
};
