// Where rows end in a table whose cells ran together: a page flattened to one line (readers/flattened.ts), or a
// table a converter wrote on one line of an otherwise laid-out text (html-to-text's default, tables/cells.ts).
// Each table anchor starts a row, and each run of values ends one.

// Where a table starts inside a section.
export const TABLE_ANCHOR = /第二十条\s*第\s*[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]\s*项|[（(]\s*本列数据的勾稽关系|申请人情况|行政复议(?=\s*行政诉讼)/g;
// A run of table values: digits, with spaces, decimals, a sign or a unit stuck to them.
const VALUE_RUN = /-?[0-9０-９](?:[0-9０-９ \u3000\u00a0.．,，\-－]*[0-9０-９])?(?:万元|元)?/g;
// After a value run, a numbered label: `2.其他法律…` (the 2 is the label's, not a value).
const LABEL_NUMBER = /^[.．、]\s*[^\d\s]/;

/** Each table anchor starts a line, and each run of values ends one. */
export function tableBreaks(line: string, from: number, to: number, out: number[]): void {
  const text = line.slice(from, to);
  TABLE_ANCHOR.lastIndex = 0;
  for (let m = TABLE_ANCHOR.exec(text); m; m = TABLE_ANCHOR.exec(text)) {
    out.push(from + m.index);
    // The 表四 header starts with 行政复议 alone on its line, as its anchor wants.
    if (m[0].startsWith('行政复议')) out.push(from + m.index + m[0].length);
  }
  // The header note of 表三 is a line of its own.
  const note = /[（(]\s*本列数据的勾稽关系[^）)]*[）)]/.exec(text);
  if (note) out.push(from + note.index + note[0].length);
  VALUE_RUN.lastIndex = 0;
  for (let m = VALUE_RUN.exec(text); m; m = VALUE_RUN.exec(text)) {
    let end = m.index + m[0].length;
    const after = text.slice(end);
    if (after.trim() === '' ) continue;
    const run = m[0].trimEnd();
    // `…00000002.其他法律…`: the last digit numbers the next label.
    if (LABEL_NUMBER.test(after)) {
      const digits = /[0-9０-９]$/.exec(run);
      if (!digits || digits.index === 0) continue;
      end = m.index + digits.index;
    } else if (/^位小数/.test(after) || /^[号年月日条项件]/.test(after)) {
      // `…010310001 2023年，本机关…`: a sentence after the table's figures opens with a date; its figure is no value
      // of the run, and the run ends before it (else the line is all one sentence and the table loses its figures).
      const opensSentence = /[ \u3000\u00a0]+[0-9０-９]+$/.exec(run);
      if (!opensSentence || !/^[年月]/.test(after)) continue;
      end = m.index + opensSentence.index;
    }
    out.push(from + end);
  }
}

