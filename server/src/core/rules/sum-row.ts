// sum.row (T3-3): in every row of 表三, 总计 = 自然人 + the five 法人或其他组织 columns.

import { TABLE3_TOTAL_COLUMN } from '../template';
import { brokenSum, describeTerms, relatedTerms } from './arithmetic';
import { T3_COLUMN_LABELS, t3ShortLabel } from './table-access';
import { finding, type Rule } from './types';

export const sumRow: Rule = {
  code: 'sum.row',
  name: '表三行合计（总计 = 各申请人类别之和）',
  defaultSeverity: 'error',
  check({ report }) {
    const t3 = report.tables.t3;
    if (!t3) return [];
    return t3.rows.flatMap((row) => {
      const total = row.cells[TABLE3_TOTAL_COLUMN];
      if (!total) return [];
      const parts = row.cells.slice(0, TABLE3_TOTAL_COLUMN).map((cell, i) => ({ label: T3_COLUMN_LABELS[i]!, cell }));
      const broken = brokenSum({ label: '总计', cell: total }, parts);
      if (!broken) return [];
      return [finding(sumRow, total.range, `“${t3ShortLabel(row.id)}”一行：总计应为 ${broken.expected}（${describeTerms(parts)}），实为 ${broken.actual}`, { related: relatedTerms(parts, '本行') })];
    });
  },
};
