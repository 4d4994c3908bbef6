// section.order and section.duplicate: the six sections appear once each, in
// template order.

import { SECTIONS } from '../template';
import { finding, type Rule } from './types';

const numeral = (id: number) => SECTIONS.find((s) => s.id === id)!.numeral;

export const sectionOrder: Rule = {
  code: 'section.order',
  name: '章节顺序错误',
  defaultSeverity: 'warning',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report }) {
    const seen = new Set<number>();
    let highest = 0;
    const out = [];
    for (const s of report.sections) {
      const id = s.heading.sectionId;
      if (seen.has(id)) continue; // a repeat is section.duplicate's
      seen.add(id);
      if (id < highest) out.push(finding(sectionOrder, s.heading.range, `第${numeral(id)}部分“${s.heading.title}”出现在第${numeral(highest)}部分之后；应按模板顺序排列。`));
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
  check({ report }) {
    const first = new Map<number, (typeof report.sections)[number]>();
    const out = [];
    for (const s of report.sections) {
      const id = s.heading.sectionId;
      const earlier = first.get(id);
      if (!earlier) { first.set(id, s); continue; }
      out.push(finding(sectionDuplicate, s.heading.range, `第${numeral(id)}部分“${s.heading.title}”重复出现。`, { related: [{ range: earlier.heading.range, message: '首次出现' }] }));
    }
    return out;
  },
};
