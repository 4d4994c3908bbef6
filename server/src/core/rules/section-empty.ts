// section.empty: a section with no content, only 无, or only placeholders
// still to be written (【待填写…】).

import { messagesFor } from '../i18n';
import type { Report, Section } from '../model';
import { finding, type Rule } from './types';

const NOTHING = /^[\s无。.（）()、]*$/;
const PLACEHOLDER = /^\s*[【[]\s*(?:待填写|请填写|待补充|请补充)[^】\]]*[】\]]\s*$/;

export const sectionEmpty: Rule = {
  code: 'section.empty',
  name: '章节内容为空',
  defaultSeverity: 'hint',
  // A section is empty only if every paragraph is: a paragraph with content before and after the edit changes nothing.
  inputs: ['tables', 'prose'],
  proseMatters: (text) => NOTHING.test(text) || PLACEHOLDER.test(text),
  check({ report, lang }) {
    const m = messagesFor(lang)['section.empty'];
    return report.sections.flatMap((s) => {
      if (hasTable(report, s)) return [];
      if (s.paragraphs.some((p) => !NOTHING.test(p.text) && !PLACEHOLDER.test(p.text))) return [];
      const texts = s.paragraphs.map((p) => p.text);
      const what = texts.length === 0 ? 'nothing' : texts.every((t) => NOTHING.test(t)) ? 'none' : 'placeholder';
      return [finding(sectionEmpty, s.heading.range, m.message(s.heading.title, what))];
    });
  },
};

function hasTable(report: Report, s: Section): boolean {
  return [report.tables.t2, report.tables.t3, report.tables.t4].some((t) => t && t.range.start >= s.range.start && t.range.start <= s.range.end);
}
