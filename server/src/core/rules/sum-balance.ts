// sum.balance (T3-1): in every column of 表三, 一 + 二 = （七）总计 + 四 (the
// table's own header note: 第一项加第二项之和，等于第三项加第四项之和).

import { formatValue, identityRule } from './arithmetic';

export const sumBalance = identityRule({
  code: 'sum.balance',
  name: '表三收支平衡（一 + 二 = （七）总计 + 四）',
  kind: 't3.balance',
  target: (i) => i.right[1]!.cell,
  message: (e) => {
    const [a, b] = e.identity.left.map((t) => formatValue(t.cell));
    const [h, f] = e.identity.right.map((t) => formatValue(t.cell));
    const handled = e.identity.right[0]!.cell.value ?? 0;
    const forward = e.left - handled;
    // A negative carry-forward is no advice: then the applications handled are what is off.
    const advice = forward >= 0 ? `；结转下年度应为 ${forward}` : `；办理结果多于收到的申请`;
    return `“${e.identity.subject}”列：一（${a}）+ 二（${b}）= ${e.left}，而（七）总计（${h}）+ 四（${f}）= ${e.right}${advice}`;
  },
  related: (i) => [...i.left, i.right[0]!].map((t) => ({ range: t.cell.range, message: `${t.label}：${formatValue(t.cell)}` })),
});
