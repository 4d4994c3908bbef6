// cross-year.in-force: 表二 第二十条第（一）项, for 规章 and 行政规范性文件:
// 现行有效件数 of year N = 现行有效件数 of N−1 + 本年制发件数 of N − 本年废止件数
// of N. In the 2019 form: 对外公开总数量 of N = that of N−1 + 本年新公开数量 of N.
// Only between two reports in the same form (the two columns count different
// things). A warning: a clean-up of old documents breaks it, and the message says so.

import { messagesFor } from '../i18n';
import { termValue } from '../identities';
import type { Table2Block } from '../model';
import { finding, type Finding } from '../rules/types';
import { TABLE2_BLOCKS, table2Form } from '../template';
import { elsewhere } from './elsewhere';
import type { CrossYearRule } from './types';

const ITEM1 = TABLE2_BLOCKS.find((b) => b.id === 'item1')!;

export const crossYearInForce: CrossYearRule = {
  code: 'cross-year.in-force',
  name: '表二现行有效件数与上年报告不衔接',
  defaultSeverity: 'warning',
  check({ current, previous, lang }) {
    const m = messagesFor(lang)['cross-year.in-force'];
    const now = item1(current.report.tables.t2?.blocks);
    const then = item1(previous.report.tables.t2?.blocks);
    if (!now || !then || now.legacy !== then.legacy) return [];
    const form = table2Form(ITEM1, now.legacy);
    const out: Finding[] = [];
    for (const row of now.rows) {
      const before = then.rows.find((r) => r.id === row.id);
      if (!before || row.cells.length !== 3 || before.cells.length !== 3) continue;
      const [first, second, total] = row.cells.map((c) => termValue(c));
      const last = termValue(before.cells[2]!);
      if (first === undefined || second === undefined || total === undefined || last === undefined) continue;
      // 2021 form: issued and repealed; 2019 form: made (bounds nothing) and published this year.
      const expected = now.legacy ? last + second : last + first - second;
      if (total === expected) continue;
      const name = form.rows.find((r) => r.id === row.id)?.label ?? row.label.text;
      const message = now.legacy ? m.message2019(name, total, expected, last, second, previous.name) : m.message(name, total, expected, last, first, second, previous.name);
      const said = now.legacy ? m.previous2019(last, previous.year) : m.previous(last, previous.year);
      out.push(finding(crossYearInForce, row.cells[2]!.range, message, { related: [{ range: before.cells[2]!.range, message: said, elsewhere: elsewhere(previous, before.cells[2]!.range) }] }));
    }
    return out;
  },
};

function item1(blocks: readonly Table2Block[] | undefined): Table2Block | undefined {
  return blocks?.find((b) => b.id === 'item1');
}
