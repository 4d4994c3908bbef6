// preface.sections: the preface lists the report's parts ("本报告包括总体情况、
// 主动公开政府信息情况、…等六个部分") and the list differs from the headings present.

import { messagesFor } from '../i18n';
import { bestSectionMatch } from '../section-match';
import { SECTIONS, type SectionId } from '../template';
import { chineseNumeralValue } from '../text/normalize';
import { paragraphRange } from '../text/paragraph-offsets';
import { sectionsByPart } from './sections-by-part';
import { finding, type Rule } from './types';

const LIST = /包括([^。]{4,200}?)(等)?([一二三四五六七八九十\d])个部分/;

export const prefaceSections: Rule = {
  code: 'preface.sections',
  name: '前言所列部分与正文不符',
  defaultSeverity: 'hint',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, lang }) {
    for (const p of report.preface) {
      const m = LIST.exec(p.text);
      if (!m) continue;
      // Parted by 、 ， 和 及 or semicolons (本报告包括：总体情况；主动公开政府信息情况；…，共六个部分).
      const parts = m[1]!.split(/[、，,和及；;]/).map((s) => s.trim().replace(/^[：:]/, '').replace(/^共$/, '')).filter(Boolean);
      const listed = new Set<SectionId>();
      for (const part of parts) {
        const match = bestSectionMatch(part);
        if (match && match.score >= 0.5) listed.add(match.id);
      }
      const present = sectionsByPart(report);
      const written = m[3]!;
      const stated = /\d/.test(written) ? Number(written) : chineseNumeralValue(written);
      const range = paragraphRange(p, m.index, m.index + m[0].length);
      const notInText = [...listed].filter((id) => !present.has(id));
      // "包括总体情况等六个部分": 等 after fewer parts than the count says names some only; the count still says how many.
      const some = !!m[2] && stated !== undefined && parts.length < stated;
      const notListed = some ? [] : [...present.keys()].filter((id) => !listed.has(id));
      const count = stated !== undefined && stated !== present.size ? { written, stated, present: present.size } : undefined;
      if (!notInText.length && !notListed.length && !count) return [];
      const message = messagesFor(lang)['preface.sections'].message({ notInText: names(notInText), notListed: names(notListed), ...(count ? { count } : {}) });
      return [finding(prefaceSections, range, message)];
    }
    return [];
  },
};

/** "一、总体情况", … in template order. */
function names(ids: SectionId[]): string[] {
  return ids.sort().map((id) => { const s = SECTIONS.find((x) => x.id === id)!; return `${s.numeral}、${s.title}`; });
}
