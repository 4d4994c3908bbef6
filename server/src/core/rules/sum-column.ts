// sum.column (T3-2): in every column of 表三, （七）总计 = the sum of the leaf
// rows of 三 (（一）（二）, the 8 of （三）, the 3 of （四）, the 5 of （五）,
// the 3 of （六） or its single 2019 row).

import { brokenSum, describeTerms, relatedTerms } from './arithmetic';
import { T3_COLUMN_LABELS, outcomeRows, t3Row, t3ShortLabel } from './table-access';
import { finding, type Rule } from './types';

export const sumColumn: Rule = {
  code: 'sum.column',
  name: '表三列合计（（七）总计 = 各办理结果之和）',
  defaultSeverity: 'error',
  check({ report }) {
    const t3 = report.tables.t3;
    const totalRow = t3 && t3Row(t3, 'total');
    if (!t3 || !totalRow) return [];
    const leaves = outcomeRows(t3);
    return T3_COLUMN_LABELS.flatMap((column, c) => {
      const total = totalRow.cells[c];
      if (!total) return [];
      const parts = leaves.map((row) => ({ label: t3ShortLabel(row.id), cell: row.cells[c]! })).filter((p) => p.cell);
      const broken = brokenSum({ label: '（七）总计', cell: total }, parts);
      if (!broken) return [];
      const nonZero = parts.filter((p) => p.cell.value !== 0);
      const shown = nonZero.length > 0 ? `${describeTerms(nonZero)}，其余各行为 0` : '各行均为 0';
      return [finding(sumColumn, total.range, `“${column}”列：（七）总计应为 ${broken.expected}（${shown}），实为 ${broken.actual}`, { related: relatedTerms(nonZero, '本列') })];
    });
  },
};
