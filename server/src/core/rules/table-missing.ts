// table.missing: section 二, 三 or 四 is present but its table was not found.

import { messagesFor } from '../i18n';
import { TABLE_SECTION } from '../model';
import { TABLE_NAMES } from '../template';
import { finding, type Rule } from './types';

export const tableMissing: Rule = {
  code: 'table.missing',
  name: '缺少表格',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['table.missing'];
    return (['t2', 't3', 't4'] as const).flatMap((kind) => {
      if (report.tables[kind]) return [];
      const section = report.sections.find((s) => s.heading.sectionId === TABLE_SECTION[kind]);
      if (!section) return [];
      const [table, subject] = TABLE_NAMES[kind].split(' ');
      return [finding(tableMissing, section.heading.range, m.message(section.heading.title, table!, subject!))];
    });
  },
};
