// cross-year.carried: 表三 二、上年结转政府信息公开申请数量 of year N is what
// year N−1's report carried forward (四、结转下年度继续办理), column by column.
// A warning: a change of scope (an agency merged, a counting rule changed) can
// explain a difference, and the message says so.

import { messagesFor } from '../i18n';
import { termValue } from '../identities';
import { finding, type Finding } from '../rules/types';
import { elsewhere } from './elsewhere';
import type { CrossYearRule } from './types';

export const crossYearCarried: CrossYearRule = {
  code: 'cross-year.carried',
  name: '表三上年结转与上年报告的结转下年度不一致',
  defaultSeverity: 'warning',
  check({ previous, counterparts, lang }) {
    const m = messagesFor(lang)['cross-year.carried'];
    const out: Finding[] = [];
    for (const pair of counterparts) {
      if (pair.kind !== 'carried') continue;
      const value = termValue(pair.now);
      const before = termValue(pair.then);
      if (value === undefined || before === undefined || value === before) continue;
      out.push(
        finding(crossYearCarried, pair.now.range, m.message(pair.column, value, before, previous.name), {
          related: [{ range: pair.then.range, message: m.previous(before, previous.year), elsewhere: elsewhere(previous, pair.then.range) }],
        }),
      );
    }
    return out;
  },
};
