// A report page as a crawler's HTML-to-text step saved it where the page's cells hold paragraphs (Word-made pages:
// <td><p>0</p></td>), modelled on stored copies of real portal pages from four sites: one cell a line, closed by a
// pipe (`规章 |`, `0 |`, a blank cell `|`), each row padded with pipes to the table's most cells (`||`); or each
// cell's text on its line and the pipe on the next (`规章` / `|`). Paragraphs are lines. The converter itself is
// not at hand (no package writes this), so this writes what those pages show, from the page's own HTML tree.

import { parse, type HTMLElement } from 'node-html-parser';

export type PipePlacement = 'after-cell' | 'next-line';

const textOf = (el: HTMLElement) => el.text.replace(/\s+/g, ' ').trim();

function tableLines(table: HTMLElement, pipe: PipePlacement): string[] {
  const rows = table.querySelectorAll('tr');
  const widest = Math.max(...rows.map((tr) => tr.querySelectorAll('td, th').length));
  return rows.flatMap((tr) => {
    const cells = tr.querySelectorAll('td, th');
    const lines = cells.flatMap((cell) => {
      const text = textOf(cell);
      if (pipe === 'next-line') return text ? [text, '|'] : ['|'];
      return [text ? `${text} |` : '|'];
    });
    const padding = widest - cells.length;
    return padding > 0 ? [...lines, '|'.repeat(padding)] : lines;
  });
}

/** The article of a page (test/helpers/portal-page.ts) as such a crawler saves it. */
export function pipedCells(html: string, pipe: PipePlacement): string {
  const article = parse(html).querySelector('#zoom');
  if (!article) throw new Error('no article (#zoom) in the page');
  return article.childNodes
    .flatMap((node) => {
      const el = node as HTMLElement;
      if (el.tagName === 'TABLE') return tableLines(el, pipe);
      const text = el.tagName ? textOf(el) : node.text.trim();
      return text ? [text] : [];
    })
    .join('\n');
}
