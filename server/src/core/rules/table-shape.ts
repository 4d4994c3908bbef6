// table.shape: the parser could not align part of a table with the template
// (a row lost cells in export, a row is missing or unknown, 表四 does not have
// 15 numbers). Arithmetic on the guessed part is not reported as an error.

import { messagesFor } from '../i18n';
import type { Rule } from './types';
import { finding } from './types';

export const tableShape: Rule = {
  code: 'table.shape',
  name: '表格结构与模板不符',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['table.shape'];
    const tables = [report.tables.t2, report.tables.t3, report.tables.t4];
    return tables.flatMap((t) => (t ? t.problems.map((p) => finding(tableShape, p.range, m.message(t.kind, p.detail))) : []));
  },
};
