// sum.column (T3-2): in every column of 表三, （七）总计 = the sum of the leaf
// rows of 三 (（一）（二）, the 8 of （三）, the 3 of （四）, the 5 of （五）,
// the 3 of （六） or its single 2019 row).

import { identityRule, relatedTerms, shownValue } from './arithmetic';

export const sumColumn = identityRule({
  code: 'sum.column',
  name: '表三列合计（（七）总计 = 各办理结果之和）',
  kind: 't3.column',
  message: (e, m) => m['sum.column'].message(e.identity.subject, e.right, shownValue(e.identity, e.identity.left[0]!, m)),
  related: (i, m) => relatedTerms(i, i.right, m['sum.column'].role, m),
});
