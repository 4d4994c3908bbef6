// section.title: a heading whose wording is not the template's (a known
// variant or a near match). A hint: the section is recognised all the same.

import { messagesFor } from '../i18n';
import { SECTIONS } from '../template';
import { labelKey } from '../text/normalize';
import { similarity } from '../text/similarity';
import { strayNumbering } from './section-numbering';
import { finding, type Rule } from './types';

const NEAR_TITLE = 0.7;

export const sectionTitle: Rule = {
  code: 'section.title',
  name: '章节标题与模板不一致',
  defaultSeverity: 'hint',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, lang }) {
    const m = messagesFor(lang)['section.title'];
    return report.sections.flatMap((s) => {
      const spec = SECTIONS.find((x) => x.id === s.heading.sectionId)!;
      // A stray numeral in front (四-) is section.numbering's: the title is what follows it.
      const stray = s.heading.numbering ? undefined : strayNumbering(s.heading.title);
      const title = stray ? s.heading.title.slice(stray.length) : s.heading.title;
      const range = { start: s.heading.titleRange.start + (stray?.length ?? 0), end: s.heading.titleRange.end };
      if (labelKey(title) === labelKey(spec.title)) return [];
      // Rewrite a known variant or a near miss; not a line that holds much more
      // than the title (the replacement would delete the rest).
      const near = s.heading.similarity >= 1 || similarity(labelKey(title), labelKey(spec.title)) >= NEAR_TITLE;
      return [finding(sectionTitle, range, m.message(title, spec.title), near ? {
        fix: { title: m.fix(spec.title), edits: [{ range, newText: spec.title }] },
      } : {})];
    });
  },
};
