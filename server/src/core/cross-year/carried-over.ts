// cross-year.carried: 表三 二、上年结转政府信息公开申请数量 of year N is what
// year N−1's report carried forward (四、结转下年度继续办理), column by column.
// A warning: a change of scope (an agency merged, a counting rule changed) can
// explain a difference, and the message says so.

import { messagesFor } from '../i18n';
import { termValue } from '../identities';
import type { TableRow } from '../model';
import { finding, type Finding } from '../rules/types';
import { TABLE3_COLUMNS } from '../template';
import { elsewhere } from './elsewhere';
import type { CrossYearRule } from './types';

export const crossYearCarried: CrossYearRule = {
  code: 'cross-year.carried',
  name: '表三上年结转与上年报告的结转下年度不一致',
  defaultSeverity: 'warning',
  check({ current, previous, lang }) {
    const m = messagesFor(lang)['cross-year.carried'];
    const carried = readableRow(current.report.tables.t3, 'carried');
    const forward = readableRow(previous.report.tables.t3, 'forward');
    if (!carried || !forward) return [];
    const out: Finding[] = [];
    TABLE3_COLUMNS.forEach((column, i) => {
      const now = carried.cells[i];
      const then = forward.cells[i];
      if (!now || !then) return;
      const value = termValue(now);
      const before = termValue(then);
      if (value === undefined || before === undefined || value === before) return;
      out.push(
        finding(crossYearCarried, now.range, m.message(column.label, value, before, previous.name), {
          related: [{ range: then.range, message: m.previous(before, previous.year), elsewhere: elsewhere(previous, then.range) }],
        }),
      );
    });
    return out;
  },
};

/** A 表三 row whose cells are where the template puts them (an unaligned row is not compared). */
function readableRow(t3: { rows: readonly TableRow[] } | undefined, id: string): TableRow | undefined {
  const row = t3?.rows.find((r) => r.id === id);
  return row && row.alignment !== 'unaligned' && row.cells.length === TABLE3_COLUMNS.length ? row : undefined;
}
