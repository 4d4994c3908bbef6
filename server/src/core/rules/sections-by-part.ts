// The report's sections grouped by the template part their heading was taken
// for, each group in document order and the parts in the order first met.
// section.missing, section.order, section.duplicate, section.numbering and
// preface.sections all ask which parts are present, and how many times.

import type { Report, Section } from '../model';
import type { SectionId } from '../template';

export function sectionsByPart(report: Report): ReadonlyMap<SectionId, readonly Section[]> {
  const byPart = new Map<SectionId, Section[]>();
  for (const s of report.sections) {
    const group = byPart.get(s.heading.sectionId);
    if (group) group.push(s);
    else byPart.set(s.heading.sectionId, [s]);
  }
  return byPart;
}
