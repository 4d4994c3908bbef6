// text.artifact: export debris left in the text: Word bookmarks, web page
// controls (字号 打印 语音播报…), page numbers inside a sentence or a table.

import { messagesFor } from '../i18n';
import { aloneOnLine, wholeLine, type TextView } from '../text/edit-ranges';
import type { Range, Report } from '../model';
import { finding, type Rule } from './types';

export const textArtifact: Rule = {
  code: 'text.artifact',
  name: '导出残留',
  defaultSeverity: 'warning',
  // The tables' extent decides how a bookmark inside them is removed.
  inputs: ['tables'],
  check({ report, text, lang }) {
    const m = messagesFor(lang)['text.artifact'];
    return report.artifacts
      .filter((a) => a.kind !== 'page-number' || a.interrupts)
      .map((a) => {
        return finding(textArtifact, a.range, m.message(a.kind, a.text), {
          severity: a.kind === 'page-number' ? 'hint' : 'warning',
          // Debris alone on its line goes with its line; a bookmark inside text goes alone,
          // but where it separates two words it leaves a space: the tables read it as one,
          // “0[bookmark]4” must not become the number 04, nor “0[bookmark]总计” the cell “0总计”.
          fix: { title: m.fix(a.kind), edits: [{ range: aloneOnLine(text, a.range) ? wholeLine(text, a.range) : a.range, newText: separates(report, text, a.range) ? ' ' : '' }] },
        });
      });
  },
};

const NUMBER_CHAR = /[0-9０-９.,．，]/;

/**
 * Whether the debris keeps two words apart: between two numbers, between a part's numbering and its title (read as
 * the space between them: `一[bookmark: _GoBack]总体情况`), or between any two non-spaces inside a table.
 */
function separates(report: Report, text: TextView, range: Range): boolean {
  if (range.start === 0 || range.end >= text.length) return false;
  const before = text.charAt(range.start - 1);
  const after = text.charAt(range.end);
  if (NUMBER_CHAR.test(before) && NUMBER_CHAR.test(after)) return true;
  if (/\s/.test(after)) return false;
  const afterNumbering = report.sections.some(({ heading: h }) => h.numbering !== undefined && h.numbering.range.end <= range.start && range.end <= h.titleRange.start);
  if (afterNumbering) return true;
  const inTable = [report.tables.t2, report.tables.t3, report.tables.t4].some((t) => t && range.start >= t.range.start && range.end <= t.range.end);
  return inTable && !/\s/.test(before) && !/\s/.test(after);
}
