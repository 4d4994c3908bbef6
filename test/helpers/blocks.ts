// A text report as a reader of an original would hand it on: prose lines as
// paragraphs, runs of tab rows as tables, every piece with its place (a page
// every `linesPerPage` lines, as a printed report turns its pages).

import type { Block, GridCell } from '../../server/src/core/readers/blocks';

export function blocksOf(text: string, linesPerPage = 30): Block[] {
  const blocks: Block[] = [];
  let rows: GridCell[][] | undefined;
  let paragraph = 0;
  let table = 0;
  text.split(/\r?\n/).forEach((line, n) => {
    const page = 1 + Math.floor(n / linesPerPage);
    if (line.includes('\t')) {
      if (!rows) {
        rows = [];
        blocks.push({ kind: 'table', rows, place: { page, table: ++table } });
      }
      const row = rows.length + 1;
      rows.push(line.split('\t').map((t, c) => ({ text: t, place: { page, table, row, column: c + 1 } })));
      return;
    }
    rows = undefined;
    if (line.trim()) blocks.push({ kind: 'paragraph', text: line, place: { page, paragraph: ++paragraph } });
  });
  return blocks;
}
