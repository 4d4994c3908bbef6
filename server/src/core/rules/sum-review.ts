// sum.review (T4-1): in each of the three groups of 表四, 总计 = 结果维持 +
// 结果纠正 + 其他结果 + 尚未审结.

import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../template';
import { brokenSum, describeTerms, relatedTerms } from './arithmetic';
import { t4Cell } from './table-access';
import { finding, type Rule } from './types';

const TOTAL = TABLE4_COLUMNS.length - 1;

export const sumReview: Rule = {
  code: 'sum.review',
  name: '表四合计（总计 = 维持 + 纠正 + 其他 + 尚未审结）',
  defaultSeverity: 'error',
  check({ report }) {
    if (!report.tables.t4) return [];
    return TABLE4_GROUPS.flatMap((group, g) => {
      const total = t4Cell(report, g, TOTAL);
      if (!total) return [];
      const parts = TABLE4_COLUMNS.slice(0, TOTAL).map((col, c) => ({ label: col.label, cell: t4Cell(report, g, c)! }));
      const broken = brokenSum({ label: '总计', cell: total }, parts);
      if (!broken) return [];
      const name = group.parent ? `${group.parent}（${group.label}）` : group.label;
      return [finding(sumReview, total.range, `表四“${name}”：总计应为 ${broken.expected}（${describeTerms(parts)}），实为 ${broken.actual}`, { related: relatedTerms(parts, name) })];
    });
  },
};
