// sum.row (T3-3): in every row of 表三, 总计 = 自然人 + the five 法人或其他组织 columns.

import { describeTerms, identityRule, relatedTerms } from './arithmetic';

export const sumRow = identityRule({
  code: 'sum.row',
  name: '表三行合计（总计 = 各申请人类别之和）',
  kind: 't3.row',
  target: (i) => i.left[0]!.cell,
  message: (e) => `“${e.identity.subject}”一行：总计应为 ${e.right}（${describeTerms(e.identity.right)}），实为 ${e.left}`,
  related: (i) => relatedTerms(i.right, '本行'),
});
