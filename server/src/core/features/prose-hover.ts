// Hovers over prose: a stated total shows its listed parts and their sum; a
// count that restates a table figure shows the figure.

import type { Report } from '../model';
import { tableClaims } from '../rules/prose-claims';
import { figureOf } from '../rules/prose-figures';
import { partsGroups } from '../rules/prose-sum';
import { paragraphRange } from '../text/paragraph-offsets';
import { describeCount, proseParagraphs } from '../text/prose-numbers';

export interface ProseHover {
  markdown: string;
  range: { start: number; end: number };
}

export function proseHoverAt(report: Report, offset: number): ProseHover | undefined {
  const hit = proseParagraphs(report).find(({ paragraph }) => offset >= paragraph.range.start && offset <= paragraph.range.end);
  if (!hit) return undefined;
  const { paragraph, sectionId } = hit;
  const inside = (start: number, end: number) => {
    const r = paragraphRange(paragraph, start, end);
    return offset >= r.start && offset <= r.end ? r : undefined;
  };
  for (const { group, message } of partsGroups(paragraph.text)) {
    const range = inside(group.total.start, group.total.unitEnd);
    if (!range) continue;
    const sum = Math.round(group.parts.reduce((a, p) => a + p.value, 0) * 1e6) / 1e6;
    const lines = [`**所述总数：${describeCount(group.total)}**`, '', `其中各项：${group.parts.map((p) => p.written).join(' + ')} = ${sum} ${message ? '✗' : '✓'}`];
    if (message) lines.push('', message);
    else if (group.incomplete || group.total.approximate) lines.push('', '（所列为部分项目或约数：只要求各项之和不超过总数）');
    return { markdown: lines.join('\n'), range };
  }
  for (const claim of tableClaims(paragraph.text, sectionId, report.title?.year)) {
    const range = inside(claim.start, claim.end);
    if (!range) continue;
    const figure = figureOf(report, claim.figure);
    if (!figure) return { markdown: `**正文：${claim.phrase}**\n\n对应的表格数字无法确定（表格未读出或含推断的单元格）。`, range };
    const same = figure.value === claim.value;
    return { markdown: `**正文：${claim.phrase}** ${same ? '✓' : '✗'}\n\n${figure.describe}`, range };
  }
  return undefined;
}

