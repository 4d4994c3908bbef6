// text.artifact: export debris left in the text: Word bookmarks, web page
// controls (字号 打印 语音播报…), page numbers inside a sentence or a table.

import { messagesFor } from '../i18n';
import { aloneOnLine, wholeLine, type TextView } from '../text/edit-ranges';
import { finding, type Rule } from './types';

export const textArtifact: Rule = {
  code: 'text.artifact',
  name: '导出残留',
  defaultSeverity: 'warning',
  // Structure only: an edit that keeps the structure moves these findings with the text.
  inputs: [],
  check({ report, text, lang }) {
    const m = messagesFor(lang)['text.artifact'];
    return report.artifacts
      .filter((a) => a.kind !== 'page-number' || a.interrupts)
      .map((a) => {
        return finding(textArtifact, a.range, m.message(a.kind, a.text), {
          severity: a.kind === 'page-number' ? 'hint' : 'warning',
          // Debris alone on its line goes with its line; a bookmark inside text goes alone,
          // but between two numbers it leaves a space: the tables read it as one, and
          // “0[bookmark]4” must not become the number 04.
          fix: { title: m.fix(a.kind), edits: [{ range: aloneOnLine(text, a.range) ? wholeLine(text, a.range) : a.range, newText: betweenNumbers(text, a.range) ? ' ' : '' }] },
        });
      });
  },
};

const NUMBER_CHAR = /[0-9０-９.,．，]/;

function betweenNumbers(text: TextView, range: { start: number; end: number }): boolean {
  return range.start > 0 && range.end < text.length && NUMBER_CHAR.test(text.charAt(range.start - 1)) && NUMBER_CHAR.test(text.charAt(range.end));
}
