// section.missing: one of the six template sections has no heading. The
// finding sits on the heading that follows the gap (or the last one), where
// the section should be inserted.

import type { Report } from '../model';
import { SECTIONS } from '../template';
import { finding, type Rule } from './types';

export const sectionMissing: Rule = {
  code: 'section.missing',
  name: '缺少章节',
  defaultSeverity: 'error',
  check({ report }) {
    const present = new Set(report.sections.map((s) => s.heading.sectionId));
    if (present.size === 0) {
      const at = report.title?.range ?? { start: 0, end: 0 };
      return [finding(sectionMissing, at, `未找到年度报告的六个部分（${SECTIONS.map((s) => `${s.numeral}、${s.title}`).join('、')}）。`)];
    }
    return SECTIONS.filter((s) => !present.has(s.id)).map((s) => {
      const next = report.sections.find((x) => x.heading.sectionId > s.id) ?? lastSection(report);
      const where = next.heading.sectionId > s.id ? `应位于“${next.heading.title}”之前` : `应位于“${next.heading.title}”之后`;
      return finding(sectionMissing, next.heading.range, `缺少第${s.numeral}部分“${s.numeral}、${s.title}”（${where}）。`);
    });
  },
};

function lastSection(report: Report) {
  return report.sections[report.sections.length - 1]!;
}
