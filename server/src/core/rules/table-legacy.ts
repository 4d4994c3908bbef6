// table.legacy: a 2021-or-later report that still uses the 2019 trial layout
// (表二's old columns or 第（九）项; 表三 （六）其他处理 as one row).

import { finding, type Finding, type Rule } from './types';

export const NEW_TEMPLATE_YEAR = 2021;

export const tableLegacy: Rule = {
  code: 'table.legacy',
  name: '使用了 2019 版表格格式',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, templateYear }) {
    const year = report.title?.year ?? templateYear;
    if (year !== undefined && year < NEW_TEMPLATE_YEAR) return [];
    const out: Finding[] = [];
    const t3 = report.tables.t3;
    const other = t3?.legacy ? t3.rows.find((r) => r.id === 'other') : undefined;
    if (other) {
      out.push(finding(tableLegacy, other.label.range, `表三“（六）其他处理”使用了 2019 版格式（一行）；2021 年起的报告应分为 3 行：1.申请人无正当理由逾期不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他。`));
    }
    const t2 = report.tables.t2;
    if (t2?.legacy) {
      out.push(finding(tableLegacy, t2.blocks[0]?.caption.range ?? t2.range, '表二使用了 2019 版格式（如“本年新制作数量”“上一年项目数量”或第（九）项）；2021 年起应按国办公开办函〔2021〕30号格式填报。'));
    }
    return out;
  },
};
