// cross-year.in-force: 表二 第二十条第（一）项, for 规章 and 行政规范性文件:
// 现行有效件数 of year N = 现行有效件数 of N−1 + 本年制发件数 of N − 本年废止件数
// of N. In the 2019 form: 对外公开总数量 of N = that of N−1 + 本年新公开数量 of N.
// Only between two reports in the same form (the two columns count different
// things). A warning: a clean-up of old documents breaks it, and the message says so.

import { messagesFor } from '../i18n';
import { termValue } from '../identities';
import { finding, type Finding } from '../rules/types';
import { elsewhere } from './elsewhere';
import type { CrossYearRule } from './types';

export const crossYearInForce: CrossYearRule = {
  code: 'cross-year.in-force',
  name: '表二现行有效件数与上年报告不衔接',
  defaultSeverity: 'warning',
  check({ previous, counterparts, lang }) {
    const m = messagesFor(lang)['cross-year.in-force'];
    const out: Finding[] = [];
    for (const pair of counterparts) {
      if (pair.kind !== 'in-force') continue;
      const [first, second, total] = pair.cells.map((c) => termValue(c));
      const last = termValue(pair.then);
      if (first === undefined || second === undefined || total === undefined || last === undefined) continue;
      // 2021 form: issued and repealed; 2019 form: made (bounds nothing) and published this year.
      const expected = pair.legacy ? last + second : last + first - second;
      if (total === expected) continue;
      const message = pair.legacy ? m.message2019(pair.row, total, expected, last, second, previous.name) : m.message(pair.row, total, expected, last, first, second, previous.name);
      const said = pair.legacy ? m.previous2019(last, previous.year) : m.previous(last, previous.year);
      out.push(finding(crossYearInForce, pair.cells[2].range, message, { related: [{ range: pair.then.range, message: said, elsewhere: elsewhere(previous, pair.then.range) }] }));
    }
    return out;
  },
};
