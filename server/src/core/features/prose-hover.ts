// Hovers over prose: a stated total shows its listed parts and their sum; a
// count that restates a table figure shows the figure.

import { messagesFor, type Lang } from '../i18n';
import type { Report } from '../model';
import { tableClaims } from '../rules/prose-claims';
import { partsGroups } from '../rules/prose-sum';
import { claimFigures } from '../rules/prose-table';
import { paragraphRange } from '../text/paragraph-offsets';
import { describeCount, proseParagraphs } from '../text/prose-numbers';

export interface ProseHover {
  markdown: string;
  range: { start: number; end: number };
}

export function proseHoverAt(report: Report, offset: number, lang: Lang = 'zh'): ProseHover | undefined {
  const hit = proseParagraphs(report).find(({ paragraph }) => offset >= paragraph.range.start && offset <= paragraph.range.end);
  if (!hit) return undefined;
  const { paragraph, sectionId } = hit;
  const inside = (start: number, end: number) => {
    const r = paragraphRange(paragraph, start, end);
    return offset >= r.start && offset <= r.end ? r : undefined;
  };
  const m = messagesFor(lang);
  const says = m.proseHover;
  for (const { group, verdict } of partsGroups(paragraph.text)) {
    const range = inside(group.total.start, group.total.unitEnd);
    if (!range) continue;
    const sum = Math.round(group.parts.reduce((a, p) => a + p.value, 0) * 1e6) / 1e6;
    const lines = [says.total(describeCount(group.total)), '', says.parts(group.parts.map((p) => p.written).join(' + '), sum, !verdict)];
    if (verdict) lines.push('', m['prose.sum'].message(verdict));
    else if (group.incomplete || group.total.approximate) lines.push('', says.rough);
    return { markdown: lines.join('\n'), range };
  }
  for (const claim of tableClaims(paragraph.text, sectionId, report.title?.year)) {
    const range = inside(claim.start, claim.end);
    if (!range) continue;
    const figures = claimFigures(report, claim);
    if (!figures) return { markdown: says.unknown(claim.phrase), range };
    const figure = figures.find((f) => f.value === claim.value) ?? figures[0]!;
    return { markdown: says.claim(claim.phrase, figure.value === claim.value, figure.name, figure.value), range };
  }
  return undefined;
}

