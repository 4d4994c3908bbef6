// section.title: a heading whose wording is not the template's (a known
// variant or a near match). A hint: the section is recognised all the same.

import { messagesFor } from '../i18n';
import { SECTIONS } from '../template';
import { labelKey } from '../text/normalize';
import { similarity } from '../text/similarity';
import { strayNumbering } from './section-numbering';
import type { Range } from '../model';
import type { TextView } from '../text/edit-ranges';
import { finding, type Rule, type TextEdit } from './types';

const NEAR_TITLE = 0.7;

export const sectionTitle: Rule = {
  code: 'section.title',
  name: '章节标题与模板不一致',
  defaultSeverity: 'hint',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, text, lang }) {
    const m = messagesFor(lang)['section.title'];
    return report.sections.flatMap((s) => {
      const spec = SECTIONS.find((x) => x.id === s.heading.sectionId)!;
      // A stray numeral in front (四-) is section.numbering's: the title is what follows it.
      const stray = s.heading.numbering ? undefined : strayNumbering(s.heading.title);
      const title = stray ? s.heading.title.slice(stray.length) : s.heading.title;
      const range = { start: s.heading.titleRange.start + (stray?.length ?? 0), end: s.heading.titleRange.end };
      if (labelKey(title) === labelKey(spec.title)) return [];
      // Rewrite a known variant or a near miss; not a line that holds much more
      // than the title (the replacement would delete the rest).
      const near = s.heading.similarity >= 1 || similarity(labelKey(title), labelKey(spec.title)) >= NEAR_TITLE;
      return [finding(sectionTitle, range, m.message(title, spec.title), near ? {
        fix: { title: m.fix(spec.title), edits: titleEdits(text, range, spec.title) },
      } : {})];
    });
  },
};

/**
 * The edits that write `title` over a heading's title. A title over two lines (a heading wrapped, or its numbering
 * above it: parse/assemble.ts joinSplitHeadings) keeps its wrap: the first line keeps as many of the title's
 * characters as it held (at most all but one), the second takes the rest. The fix changes the words, not the lines:
 * joining them would delete a line break the writer put there.
 */
function titleEdits(text: TextView, range: Range, title: string): TextEdit[] {
  const written = text.slice(range.start, range.end);
  const firstBreak = written.search(/[\r\n]/);
  if (firstBreak < 0) return [{ range, newText: title }];
  const firstEnd = range.start + written.slice(0, firstBreak).trimEnd().length;
  const lastBreak = Math.max(written.lastIndexOf('\n'), written.lastIndexOf('\r'));
  const tail = written.slice(lastBreak + 1);
  const tailStart = range.start + lastBreak + 1 + (tail.length - tail.trimStart().length);
  const kept = Math.max(0, Math.min(firstEnd - range.start, title.length - 1));
  const edits: TextEdit[] = [];
  if (text.slice(range.start, firstEnd) !== title.slice(0, kept)) edits.push({ range: { start: range.start, end: firstEnd }, newText: title.slice(0, kept) });
  edits.push({ range: { start: tailStart, end: range.end }, newText: title.slice(kept) });
  return edits;
}
