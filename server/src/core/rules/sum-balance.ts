// sum.balance (T3-1): in every column of 表三, 一 + 二 = （七）总计 + 四 (the
// table's own header note: 第一项加第二项之和，等于第三项加第四项之和).

import { identityValue } from '../identities';
import { identityRule, shownValue } from './arithmetic';

export const sumBalance = identityRule({
  code: 'sum.balance',
  name: '表三收支平衡（一 + 二 = （七）总计 + 四）',
  kind: 't3.balance',
  message: (e, m) => {
    const [received, carried] = e.identity.left.map((t) => shownValue(e.identity, t, m));
    const [handled, forward] = e.identity.right.map((t) => shownValue(e.identity, t, m));
    // A negative carry-forward is no advice: then the applications handled are what is off (the catalog says so).
    const carryForward = e.left - identityValue(e.identity, e.identity.right[0]!.cell)!;
    return m['sum.balance'].message({ column: e.identity.subject, received: received!, carried: carried!, left: e.left, handled: handled!, forward: forward!, right: e.right, carryForward });
  },
  related: (i, m) => [...i.left, i.right[0]!].map((t) => ({ range: t.cell.range, message: m['sum.balance'].related(t.label, shownValue(i, t, m)) })),
});
