// section.numbering: a top-level heading numbered 1、/6、 (Arabic) or with the
// wrong numeral, or no numeral; sub-items of one level that mix styles
// (（1）（2）（3）（四）（五）).

import type { Section, SubItem } from '../model';
import { formatNumbering } from '../parse/numbering';
import { SECTIONS } from '../template';
import { finding, type Finding, type Rule } from './types';

const STYLE_NAMES: Record<string, string> = {
  chinese: '一、', arabic: '1.', 'paren-chinese': '（一）', 'paren-arabic': '（1）', none: '无编号',
};

export const sectionNumbering: Rule = {
  code: 'section.numbering',
  name: '章节编号不规范',
  defaultSeverity: 'warning',
  check({ report }) {
    const out: Finding[] = [];
    for (const section of report.sections) {
      out.push(...headingNumbering(section));
      out.push(...mixedSubItems(section.subItems));
    }
    return out;
  },
};

function headingNumbering(section: Section): Finding[] {
  const { heading } = section;
  const spec = SECTIONS.find((s) => s.id === heading.sectionId)!;
  const wanted = `${spec.numeral}、`;
  const num = heading.numbering;
  // Replace the numbering with the spaces up to the title: "一 、" and "一 " become "一、".
  const fix = (range: { start: number; end: number }) => ({ title: `将编号改为“${wanted}”`, edits: [{ range: { start: range.start, end: Math.max(range.end, heading.titleRange.start) }, newText: wanted }] });
  if (!num) {
    const at = { start: heading.titleRange.start, end: heading.titleRange.start };
    return [finding(sectionNumbering, heading.range, `标题“${heading.title}”缺少编号，应为“${wanted}${heading.title}”。`, { fix: fix(at) })];
  }
  if (num.style === 'arabic') {
    return [finding(sectionNumbering, num.range, `一级标题应使用中文数字编号“${wanted}”，而非“${num.text}”。`, { fix: fix(num.range) })];
  }
  if (num.ordinal !== spec.id) {
    return [finding(sectionNumbering, num.range, `“${heading.title}”是第${spec.numeral}部分，编号应为“${wanted}”，实为“${num.text}”。`, { fix: fix(num.range) })];
  }
  if (num.text !== wanted) {
    return [finding(sectionNumbering, num.range, `编号“${num.text}”的写法不规范，应为“${wanted}”。`, { severity: 'hint', fix: fix(num.range) })];
  }
  return [];
}

/** Siblings numbered in more than one style: reported once per level, on the items off the majority style. */
function mixedSubItems(items: SubItem[]): Finding[] {
  const out: Finding[] = [];
  if (items.length >= 2) {
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.numbering.style, (counts.get(i.numbering.style) ?? 0) + 1);
    if (counts.size > 1) {
      // The style of the first item wins a tie: it is what the writer started with.
      const major = [...counts.entries()].sort((a, b) => b[1] - a[1] || styleIndex(items, a[0]) - styleIndex(items, b[0]))[0]![0];
      const styles = [...counts.keys()].map((s) => STYLE_NAMES[s]).join('、');
      for (const item of items.filter((i) => i.numbering.style !== major)) {
        const wanted = formatNumbering(item.numbering.style === major ? item.numbering.style : (major as SubItem['numbering']['style']), item.numbering.ordinal);
        out.push(finding(sectionNumbering, item.numbering.range, `同一层级的小标题编号样式混用（${styles}）：“${item.numbering.text}”应统一为“${wanted}”。`, {
          severity: 'hint',
          fix: { title: `统一为“${wanted}”`, edits: [{ range: item.numbering.range, newText: wanted }] },
        }));
      }
    }
  }
  for (const i of items) out.push(...mixedSubItems(i.children));
  return out;
}

function styleIndex(items: SubItem[], style: string): number {
  return items.findIndex((i) => i.numbering.style === style);
}
