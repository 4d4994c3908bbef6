// section.numbering: a top-level heading numbered 1、/6、 (Arabic) or with the
// wrong numeral, or no numeral; sub-items of one level that mix styles
// (（1）（2）（3）（四）（五）).

import { messagesFor, type Messages } from '../i18n';
import type { Numbering, NumberingStyle, Section, SubItem } from '../model';
import { formatNumbering } from '../text/numbering-format';
import { INVISIBLE } from '../text/debris';
import type { TextView } from '../text/edit-ranges';
import { keepsLevels } from '../numbering-levels';
import { subItemsInOrder } from '../outline';
import { SECTIONS } from '../template';
import { sectionsByPart } from './sections-by-part';
import { finding, type Finding, type Rule } from './types';

export const sectionNumbering: Rule = {
  code: 'section.numbering',
  name: '章节编号不规范',
  defaultSeverity: 'warning',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, lang, text }) {
    const m = messagesFor(lang)['section.numbering'];
    const out: Finding[] = [];
    const byPart = sectionsByPart(report);
    for (const section of report.sections) {
      out.push(...headingNumbering(section, m, byPart.get(section.heading.sectionId)!.length > 1, text));
      out.push(...mixedSubItems(section.subItems, m, new Renumbering(section)));
    }
    return out;
  },
};

/** A numeral with a separator the parser does not read as numbering (四- 四— 四：), left at the start of a title. */
export function strayNumbering(title: string): string | undefined {
  const m = /^\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[-—–－―：:]\s*/.exec(title);
  return m && m[0].length < title.length ? m[0] : undefined;
}

type Says = Messages['section.numbering'];

/**
 * `shared`: another heading was taken for the same part. Which of them is the part is then a guess, so a
 * numeral that disagrees is reported without a fix: renumbering one of them can change which headings a
 * flattened page is read with, and so what is missing (the long fuzz met a fix-all that added an error so).
 */
function headingNumbering(section: Section, m: Says, shared: boolean, text: TextView): Finding[] {
  const { heading } = section;
  const spec = SECTIONS.find((s) => s.id === heading.sectionId)!;
  const wanted = `${spec.numeral}、`;
  const num = heading.numbering;
  // Replace the numbering with the spaces up to the title: "一 、" and "一 " become "一、". Debris the parser read as
  // spaces there (a Word bookmark) stays: the fix says it writes the numbering, and text.artifact offers its removal.
  const fix = (range: { start: number; end: number }) => {
    const gap = text.slice(range.end, Math.max(range.end, heading.titleRange.start)).replace(INVISIBLE, ' ');
    const end = gap.trim() === '' ? Math.max(range.end, heading.titleRange.start) : range.end;
    return { title: m.fix(wanted), edits: [{ range: { start: range.start, end }, newText: wanted }] };
  };
  if (!num) {
    // A numeral with a separator the parser does not take (四- 四— 四：) is
    // part of the title: replace it, do not put a second numeral in front.
    const stray = strayNumbering(heading.title);
    if (stray) {
      const at = { start: heading.titleRange.start, end: heading.titleRange.start + stray.length };
      return [finding(sectionNumbering, at, m.written(stray.trim(), wanted), { fix: fix(at) })];
    }
    const at = { start: heading.titleRange.start, end: heading.titleRange.start };
    return [finding(sectionNumbering, heading.range, m.missing(heading.title, wanted), { fix: fix(at) })];
  }
  if (num.style === 'arabic') {
    return [finding(sectionNumbering, num.range, m.arabic(wanted, num.text), { fix: fix(num.range) })];
  }
  if (num.ordinal !== spec.id) {
    return [finding(sectionNumbering, num.range, m.ordinal(heading.title, spec, wanted, num.text), shared ? {} : { fix: fix(num.range) })];
  }
  if (num.text !== wanted) {
    // A part numbered in brackets is a part only while no part has a heading of its own (assemble.ts
    // placeParenthesised): renumbering one alone would make the others sub-items, so no fix is offered.
    return [finding(sectionNumbering, num.range, m.written(num.text, wanted), { severity: 'hint', ...(num.style === 'paren-chinese' ? {} : { fix: fix(num.range) }) })];
  }
  return [];
}

/**
 * Whether renumbering one sub-item in another style leaves every sub-item of its section at its level. The
 * nesting follows the styles (numbering-levels.ts): （五） made （5） after a （三） at its level, the 4 missing,
 * continues no open level and moves to the top, so the fix would only move the mixed style elsewhere (the long
 * fuzz met it). The section's items are listed only when a fix is to be offered in it.
 */
class Renumbering {
  private listed: { items: SubItem[]; keys: Numbering[]; levels: number[] } | undefined;

  constructor(private readonly section: Section) {}

  keepsLevels(item: SubItem, style: NumberingStyle): boolean {
    const { items, keys, levels } = (this.listed ??= list(this.section));
    // Found by reference, not through a map: a map would give each of thousands of sub-items an identity hash.
    const place = items.indexOf(item);
    return place >= 0 && keepsLevels(keys, levels, place, { ...item.numbering, style });
  }
}

/** A section's sub-items in document order (a parent before its children: the outline's list), with their numberings and levels. */
function list(section: Section): { items: SubItem[]; keys: Numbering[]; levels: number[] } {
  // Where each item ends is not needed here (finding it costs a map keyed by item): the outline's order alone.
  const items = subItemsInOrder(section);
  return { items, keys: items.map((i) => i.numbering), levels: items.map((i) => i.level) };
}

/** Siblings numbered in more than one style: reported once per level, on the items off the majority style. */
function mixedSubItems(items: SubItem[], m: Says, renumbering: Renumbering): Finding[] {
  const out: Finding[] = [];
  if (items.length >= 2) {
    const counts = new Map<NumberingStyle, number>();
    for (const i of items) counts.set(i.numbering.style, (counts.get(i.numbering.style) ?? 0) + 1);
    if (counts.size > 1) {
      // The style of the first item wins a tie: it is what the writer started with.
      const major = [...counts.entries()].sort((a, b) => b[1] - a[1] || styleIndex(items, a[0]) - styleIndex(items, b[0]))[0]![0];
      const styles = [...counts.keys()];
      // The repair is unambiguous only between two styles, and never towards
      // 一、, the sections' own style: there a renumbered line can turn into a
      // section heading, and with three styles the nesting (which follows the
      // styles) can change under the items that come after.
      const safe = counts.size === 2 && major !== 'chinese';
      for (const item of items.filter((i) => i.numbering.style !== major)) {
        const wanted = numberingIn(major, item.numbering.ordinal);
        const fixed = safe && renumbering.keepsLevels(item, major);
        out.push(finding(sectionNumbering, item.numbering.range, m.mixed(styles, item.numbering.text, wanted), {
          severity: 'hint',
          ...(fixed ? { fix: { title: m.unify(wanted), edits: [{ range: item.numbering.range, newText: wanted }] } } : {}),
        }));
      }
    }
  }
  // Most items have no children: no call, no allocation (this runs on every keystroke).
  for (const i of items) if (i.children.length > 0) out.push(...mixedSubItems(i.children, m, renumbering));
  return out;
}

/** formatNumbering, with Chinese numerals past ten (五十 → （五十）, not （50）, which is another style). */
function numberingIn(style: SubItem['numbering']['style'], ordinal: number): string {
  if ((style === 'chinese' || style === 'paren-chinese') && ordinal > 10 && ordinal < 100) {
    const units = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const numeral = `${ordinal >= 20 ? units[Math.floor(ordinal / 10)] : ''}十${units[ordinal % 10]}`;
    return style === 'chinese' ? `${numeral}、` : `（${numeral}）`;
  }
  return formatNumbering(style, ordinal);
}

function styleIndex(items: SubItem[], style: NumberingStyle): number {
  return items.findIndex((i) => i.numbering.style === style);
}
