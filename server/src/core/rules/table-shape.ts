// table.shape: the parser could not align part of a table with the template
// (a row lost cells in export, a row is missing or unknown, values ran
// together, 表四 does not have 15 numbers). Arithmetic on the guessed part is
// not reported as an error. One finding per table: a lost column shows on
// every row, and 25 warnings for one cause bury the report's real problems.

import { messagesFor } from '../i18n';
import type { Finding, Rule } from './types';
import { finding, MAX_RELATED } from './types';

export const tableShape: Rule = {
  code: 'table.shape',
  name: '表格结构与模板不符',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['table.shape'];
    const out: Finding[] = [];
    for (const t of [report.tables.t2, report.tables.t3, report.tables.t4]) {
      if (!t || t.problems.length === 0) continue;
      const [first, ...rest] = t.problems;
      const firstMessage = m.message(t.kind, first!.detail);
      if (rest.length === 0) {
        out.push(finding(tableShape, first!.range, firstMessage));
        continue;
      }
      const listed = rest.length > MAX_RELATED ? MAX_RELATED - 1 : rest.length;
      const related = rest.slice(0, listed).map((p) => ({ range: p.range, message: m.message(t.kind, p.detail) }));
      if (listed < rest.length) related.push({ range: rest[listed]!.range, message: m.more(rest.length - listed) });
      out.push(finding(tableShape, first!.range, m.summary(t.kind, t.problems.length, firstMessage), { related }));
    }
    return out;
  },
};
