// sum.balance (T3-1): in every column of 表三, 一 + 二 = （七）总计 + 四 (the
// table's own header note: 第一项加第二项之和，等于第三项加第四项之和).

import { valueOf } from './arithmetic';
import { T3_COLUMN_LABELS, t3Row } from './table-access';
import { finding, type Rule } from './types';

export const sumBalance: Rule = {
  code: 'sum.balance',
  name: '表三收支平衡（一 + 二 = （七）总计 + 四）',
  defaultSeverity: 'error',
  check({ report }) {
    const t3 = report.tables.t3;
    if (!t3) return [];
    const [received, carried, handled, forward] = ['new', 'carried', 'total', 'forward'].map((id) => t3Row(t3, id));
    if (!received || !carried || !handled || !forward) return [];
    return T3_COLUMN_LABELS.flatMap((column, c) => {
      const cells = [received, carried, handled, forward].map((r) => r.cells[c]!);
      const [a, b, h, f] = cells.map(valueOf);
      if (a === undefined || b === undefined || h === undefined || f === undefined || a + b === h + f) return [];
      const target = cells[3]!;
      return [finding(sumBalance, target.range, `“${column}”列：一（${a}）+ 二（${b}）= ${a + b}，而（七）总计（${h}）+ 四（${f}）= ${h + f}；结转下年度应为 ${a + b - h}`, {
        related: [
          { range: cells[0]!.range, message: `一、本年新收：${a}` },
          { range: cells[1]!.range, message: `二、上年结转：${b}` },
          { range: cells[2]!.range, message: `（七）总计：${h}` },
        ],
      })];
    });
  },
};
