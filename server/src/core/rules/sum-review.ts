// sum.review (T4-1): in each of the three groups of 表四, 总计 = 结果维持 +
// 结果纠正 + 其他结果 + 尚未审结.

import { identityRule, relatedTerms, shownValue } from './arithmetic';

export const sumReview = identityRule({
  code: 'sum.review',
  name: '表四合计（总计 = 维持 + 纠正 + 其他 + 尚未审结）',
  kind: 't4.group',
  message: (e, m) => m['sum.review'].message(e.identity.subject, e.right, shownValue(e.identity, e.identity.left[0]!, m)),
  related: (i, m) => relatedTerms(i, i.right, i.subject, m),
});
