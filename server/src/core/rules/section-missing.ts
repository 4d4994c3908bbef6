// section.missing: one of the six template sections has no heading. The
// finding sits on the heading that follows the gap (or the last one), where
// the section should be inserted.

import { TABLE_SECTION, type Report, type Table } from '../model';
import { SECTIONS, type SectionId } from '../template';
import { sectionLines } from '../template-text';
import { lineBreakOf, wholeLine, type TextView } from '../text/edit-ranges';
import { finding, type Fix, type Rule } from './types';

export const sectionMissing: Rule = {
  code: 'section.missing',
  name: '缺少章节',
  defaultSeverity: 'error',
  inputs: ['tables'],
  check({ report, text }) {
    const present = new Set(report.sections.map((s) => s.heading.sectionId));
    if (present.size === 0) {
      const at = report.title?.range ?? { start: 0, end: 0 };
      return [finding(sectionMissing, at, `未找到年度报告的六个部分（${SECTIONS.map((s) => `${s.numeral}、${s.title}`).join('、')}）。`)];
    }
    return SECTIONS.filter((s) => !present.has(s.id)).map((s) => {
      const next = report.sections.find((x) => x.heading.sectionId > s.id) ?? lastSection(report);
      const where = next.heading.sectionId > s.id ? `应位于“${next.heading.title}”之前` : `应位于“${next.heading.title}”之后`;
      const fix = insertSection(report, text, s.id, next);
      return finding(sectionMissing, next.heading.range, `缺少第${s.numeral}部分“${s.numeral}、${s.title}”（${where}）。`, fix ? { fix } : {});
    });
  },
};

/**
 * Inserts the template's section (its zero-filled table in the document's own
 * layout) at its place. When the section's table is in the document already
 * (only the heading was lost), the heading goes above that table instead, and
 * when that table is somewhere else there is no single right repair: no fix.
 */
function insertSection(report: Report, text: TextView, id: SectionId, next: Report['sections'][number]): Fix | undefined {
  const eol = lineBreakOf(text);
  const body = sectionLines(id, report.layout ?? 'tab-grid');
  const spec = SECTIONS.find((s) => s.id === id)!;
  const table = (Object.keys(TABLE_SECTION) as Table['kind'][]).filter((k) => TABLE_SECTION[k] === id).map((k) => report.tables[k]).find((t) => t);
  if (table) {
    // In place: the headings around the table are those of the sections before and after this one.
    const before = report.sections.filter((s) => s.heading.range.end <= table.range.start).pop();
    const after = report.sections.find((s) => s.heading.range.start >= table.range.start);
    const inPlace = (!before || before.heading.sectionId < id) && (!after || after.heading.sectionId > id);
    if (!inPlace) return undefined;
    const at = wholeLine(text, table.range).start;
    return { title: `插入第${spec.numeral}部分标题“${spec.numeral}、${spec.title}”`, edits: [{ range: { start: at, end: at }, newText: `${body[0]}${eol}${eol}` }] };
  }
  const title = `插入第${spec.numeral}部分“${spec.numeral}、${spec.title}”${id >= 2 && id <= 4 ? '（含全零表格）' : ''}`;
  if (next.heading.sectionId > id) {
    const at = wholeLine(text, next.heading.range).start;
    return { title, edits: [{ range: { start: at, end: at }, newText: body.join(eol) + eol }] };
  }
  const end = text.length;
  const last = text.charAt(text.length - 1);
  const lead = last === '\n' || last === '\r' ? eol : eol + eol;
  return { title, edits: [{ range: { start: end, end }, newText: lead + body.join(eol) + eol }] };
}

function lastSection(report: Report) {
  return report.sections[report.sections.length - 1]!;
}
