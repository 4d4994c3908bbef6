// section.order and section.duplicate: the six sections appear once each, in
// template order.

import { messagesFor } from '../i18n';
import { SECTIONS } from '../template';
import { sectionsByPart } from './sections-by-part';
import { finding, type Rule } from './types';

const section = (id: number) => SECTIONS.find((s) => s.id === id)!;

export const sectionOrder: Rule = {
  code: 'section.order',
  name: '章节顺序错误',
  defaultSeverity: 'warning',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, lang }) {
    const m = messagesFor(lang)['section.order'];
    const byPart = sectionsByPart(report);
    let highest = 0;
    const out = [];
    for (const s of report.sections) {
      const id = s.heading.sectionId;
      if (byPart.get(id)![0] !== s) continue; // a repeat is section.duplicate's
      if (id < highest) out.push(finding(sectionOrder, s.heading.range, m.message(section(id), s.heading.title, section(highest))));
      highest = Math.max(highest, id);
    }
    return out;
  },
};

export const sectionDuplicate: Rule = {
  code: 'section.duplicate',
  name: '章节重复',
  defaultSeverity: 'warning',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, lang }) {
    const m = messagesFor(lang)['section.duplicate'];
    const byPart = sectionsByPart(report);
    const out = [];
    for (const s of report.sections) {
      const id = s.heading.sectionId;
      const earlier = byPart.get(id)![0]!;
      if (earlier === s) continue;
      out.push(finding(sectionDuplicate, s.heading.range, m.message(section(id), s.heading.title), { related: [{ range: earlier.heading.range, message: m.first }] }));
    }
    return out;
  },
};
