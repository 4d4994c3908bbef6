// sum.row (T3-3): in every row of 表三, 总计 = 自然人 + the five 法人或其他组织 columns.

import { identityRule, relatedTerms, shownValue } from './arithmetic';

export const sumRow = identityRule({
  code: 'sum.row',
  name: '表三行合计（总计 = 各申请人类别之和）',
  kind: 't3.row',
  message: (e, m) => m['sum.row'].message(e.identity.subject, e.right, shownValue(e.identity, e.identity.left[0]!, m)),
  related: (i, m) => relatedTerms(i, i.right, m['sum.row'].role, m),
});
