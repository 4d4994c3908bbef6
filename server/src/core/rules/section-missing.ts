// section.missing: one of the six template sections has no heading. The
// finding sits on the heading that follows the gap (or the last one), where
// the section should be inserted.

import { messagesFor, type Messages } from '../i18n';
import { TABLE_SECTION, type Report, type Table } from '../model';
import { SECTIONS, type SectionId } from '../template';
import { sectionLines } from '../template-text';
import { holdsReportBody } from '../report-body';
import { lineBreakOf, wholeLine, type TextView } from '../text/edit-ranges';
import { sectionsByPart } from './sections-by-part';
import { finding, type Fix, type Rule } from './types';

export const sectionMissing: Rule = {
  code: 'section.missing',
  name: '缺少章节',
  defaultSeverity: 'error',
  inputs: ['tables'],
  check({ report, text, lang }) {
    const m = messagesFor(lang);
    const present = sectionsByPart(report);
    if (present.size === 0) {
      const at = report.title?.range ?? { start: 0, end: 0 };
      const parts = SECTIONS.map((s) => `${s.numeral}、${s.title}`);
      // Nothing of a report's body at all: a page that names the report but is another (a notice, the column's
      // list), or a draft still to be written. Said as such, a warning: an error would call a notice a broken report.
      if (!holdsReportBody(report)) return [finding(sectionMissing, at, m['section.missing'].noBody(parts), { severity: 'warning' })];
      return [finding(sectionMissing, at, m['section.missing'].none(parts))];
    }
    return SECTIONS.filter((s) => !present.has(s.id)).map((s) => {
      const next = report.sections.find((x) => x.heading.sectionId > s.id) ?? lastSection(report);
      const fix = insertSection(report, text, s.id, next, m);
      return finding(sectionMissing, next.heading.range, m['section.missing'].message(s, s.title, next.heading.title, next.heading.sectionId > s.id), fix ? { fix } : {});
    });
  },
};

/**
 * Inserts the template's section (its zero-filled table in the document's own
 * layout) at its place. When the section's table is in the document already
 * (only the heading was lost), the heading goes above that table instead, and
 * when that table is somewhere else there is no single right repair: no fix.
 */
function insertSection(report: Report, text: TextView, id: SectionId, next: Report['sections'][number], m: Messages): Fix | undefined {
  const eol = lineBreakOf(text);
  const spec = SECTIONS.find((s) => s.id === id)!;
  const template = sectionLines(id, report.layout ?? 'tab-grid');
  // Parts numbered in brackets are parts only while none has a heading of its own (assemble.ts
  // placeParenthesised): the part inserted is numbered as they are, or the others would turn into sub-items.
  const bracketed = report.sections.length > 0 && report.sections.every((s) => s.heading.numbering?.style === 'paren-chinese');
  const body = bracketed ? [`（${spec.numeral}）${spec.title}`, ...template.slice(1)] : template;
  const table = (Object.keys(TABLE_SECTION) as Table['kind'][]).filter((k) => TABLE_SECTION[k] === id).map((k) => report.tables[k]).find((t) => t);
  if (table) {
    // In place: the headings around the table are those of the sections before and after this one.
    const before = report.sections.filter((s) => s.heading.range.end <= table.range.start).pop();
    const after = report.sections.find((s) => s.heading.range.start >= table.range.start);
    const inPlace = (!before || before.heading.sectionId < id) && (!after || after.heading.sectionId > id);
    if (!inPlace) return undefined;
    const at = wholeLine(text, table.range).start;
    return { title: m['section.missing'].insertHeading(spec, spec.title), edits: [{ range: { start: at, end: at }, newText: `${body[0]}${eol}${eol}` }] };
  }
  const title = m['section.missing'].insertSection(spec, spec.title, id >= 2 && id <= 4);
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
