// section.empty: a section with no content, only 无, or only placeholders
// still to be written (【待填写…】, or the national template's own （文字描述…）);
// and a placeholder paragraph left in a section that has content. What is
// still to be written is information (issue 19): VS Code leaves hints out of
// Problems and the status, and a new report must not read as done. A section
// that says only 无 may be deliberate: a hint.

import { messagesFor } from '../i18n';
import type { Report, Section } from '../model';
import { finding, type Finding, type Rule } from './types';

const NOTHING = /^[\s无。.（）()、]*$/;
// 【待填写…】 as writers mark what is left, and （文字描述） / （文字描述，收取信息处理费情况在此处报告。） as the
// national template's Word file stands in for each part's text (../shared/raw).
const PLACEHOLDER = /^\s*(?:[【[]\s*(?:待填写|请填写|待补充|请补充)[^】\]]*[】\]]|[（(]\s*文字描述[^）)]*[）)])\s*$/;

export const sectionEmpty: Rule = {
  code: 'section.empty',
  name: '章节内容为空',
  defaultSeverity: 'information',
  // A paragraph that is neither nothing nor a placeholder, before and after the edit, changes nothing.
  // The tables count only by the section they stand in, which no edit on the keystroke path changes (it
  // keeps every table on its lines and every heading, patch-report.ts; any other edit runs every rule):
  // so a figure typed in a table does not scan every paragraph of the report again.
  inputs: ['prose'],
  proseMatters: (text) => NOTHING.test(text) || PLACEHOLDER.test(text),
  check({ report, lang }) {
    const m = messagesFor(lang)['section.empty'];
    return report.sections.flatMap((s): Finding[] => {
      if (hasTable(report, s)) return placeholdersIn(s, m.placeholderLeft);
      if (s.paragraphs.some((p) => !NOTHING.test(p.text) && !PLACEHOLDER.test(p.text))) return placeholdersIn(s, m.placeholderLeft);
      const texts = s.paragraphs.map((p) => p.text);
      const what = texts.length === 0 ? 'nothing' : texts.every((t) => NOTHING.test(t)) ? 'none' : 'placeholder';
      return [finding(sectionEmpty, s.heading.range, m.message(s.heading.title, what), what === 'none' ? { severity: 'hint' } : {})];
    });
  },
};

/** Each placeholder paragraph of a section that has content besides it, named with its section. */
function placeholdersIn(s: Section, say: (title: string, placeholder: string) => string): Finding[] {
  return s.paragraphs.filter((p) => PLACEHOLDER.test(p.text)).map((p) => finding(sectionEmpty, p.range, say(s.heading.title, p.text.trim())));
}

function hasTable(report: Report, s: Section): boolean {
  return [report.tables.t2, report.tables.t3, report.tables.t4].some((t) => t && t.range.start >= s.range.start && t.range.start <= s.range.end);
}
