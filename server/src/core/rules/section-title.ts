// section.title: a heading whose wording is not the template's (a known
// variant or a near match). A hint: the section is recognised all the same.

import { SECTIONS } from '../template';
import { labelKey } from '../text/normalize';
import { finding, type Rule } from './types';

export const sectionTitle: Rule = {
  code: 'section.title',
  name: '章节标题与模板不一致',
  defaultSeverity: 'hint',
  check({ report }) {
    return report.sections.flatMap((s) => {
      const spec = SECTIONS.find((x) => x.id === s.heading.sectionId)!;
      if (labelKey(s.heading.title) === labelKey(spec.title)) return [];
      return [finding(sectionTitle, s.heading.titleRange, `标题“${s.heading.title}”与模板不一致，模板为“${spec.title}”。`, {
        fix: { title: `改为模板标题“${spec.title}”`, edits: [{ range: s.heading.titleRange, newText: spec.title }] },
      })];
    });
  },
};
