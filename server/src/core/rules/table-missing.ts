// table.missing: section 二, 三 or 四 is present but its table was not found. Where the section holds a picture
// instead (a table pasted as a picture, as portals and Word files often carry 表三), it says so, as information:
// the table may well be there, only its figures cannot be checked.

import { messagesFor } from '../i18n';
import { TABLE_SECTION } from '../model';
import { TABLE_NAMES } from '../template';
import { isImageParagraph, mayHoldImage } from '../text/images';
import { finding, type Rule } from './types';

export const tableMissing: Rule = {
  code: 'table.missing',
  name: '缺少表格',
  defaultSeverity: 'warning',
  inputs: ['tables', 'prose'],
  proseMatters: mayHoldImage,
  check({ report, lang }) {
    const m = messagesFor(lang)['table.missing'];
    return (['t2', 't3', 't4'] as const).flatMap((kind) => {
      if (report.tables[kind]) return [];
      const section = report.sections.find((s) => s.heading.sectionId === TABLE_SECTION[kind]);
      if (!section) return [];
      const [table, subject] = TABLE_NAMES[kind].split(' ');
      const pictures = section.paragraphs.filter((p) => isImageParagraph(p.text));
      if (pictures.length) {
        return [finding(tableMissing, pictures[0]!.range, m.picture(section.heading.title, table!, subject!, pictures.length), { severity: 'information' })];
      }
      return [finding(tableMissing, section.heading.range, m.message(section.heading.title, table!, subject!))];
    });
  },
};
