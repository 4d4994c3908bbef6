// A data table's grid: rows as browsers lay them out (<thead> rows first,
// <tfoot> rows last), rowspan/colspan expanded so every cell sits at the
// position a reader sees it at; a merged cell's text is in its top-left
// position and the positions it also covers are empty.

import { PICTURE_MARK, type HtmlElement, type HtmlNode } from './tree';

/** The spec's caps (HTML table model): wider spans are clamped as browsers do. */
const MAX_COLSPAN = 1000;

export class GridTooLarge extends Error {}

/** Cells a page's tables may expand to in all: a real report has a few hundred; hostile spans stop here. */
export const MAX_GRID_CELLS = 1_000_000;

export interface GridBudget {
  cells: number;
}

/** The table's grid of cell texts (rows of equal width), within the budget of grid cells. */
export function tableGrid(table: HtmlElement, budget: GridBudget): string[][] {
  const rows = tableRows(table);
  const grid: (string | undefined)[][] = rows.map(() => []);
  // Where cells part columns, in rows that hold a cell one column wide (leaf headers, figures; a row of group
  // headers alone may span its groups otherwise): a column no such row parts from the one before is none a reader sees.
  const parted = new Set<number>();
  rows.forEach((cells, r) => {
    let c = 0;
    const edges: number[] = [];
    let leaf = false;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c++;
      const rowspan = cell.rowspan === 0 ? rows.length - r : Math.min(Math.max(cell.rowspan, 1), rows.length - r);
      const colspan = Math.min(Math.max(cell.colspan, 1), MAX_COLSPAN);
      edges.push(c, c + colspan);
      leaf ||= colspan === 1;
      if (cell === cells[cells.length - 1] && leaf) for (const e of edges) parted.add(e);
      budget.cells += rowspan * colspan;
      if (budget.cells > MAX_GRID_CELLS) throw new GridTooLarge(`tables expand to more than ${MAX_GRID_CELLS} cells`);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cellContent(cell) : '';
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  // A figure's cell spanning the two columns of its header's (LibreOffice's page of a Word table whose 总计 is two
  // grid columns wide): the column under both spans is no cell of the table (表四 read "16 figures"). A cell that
  // starts in such a column spans the next one too: its text goes there.
  const phantom = (c: number) => c > 0 && parted.size > 0 && !parted.has(c);
  const rowsOut = grid
    .filter((row) => row.length > 0)
    .map((row) => {
      const cells = Array.from({ length: width }, (_, c) => row[c] ?? '');
      // A group header that starts in such a column (its row parted it) spans the next: its text goes there.
      for (let c = 0; c < width; c++) if (phantom(c) && cells[c] && c + 1 < width && !cells[c + 1]) [cells[c + 1], cells[c]] = [cells[c]!, ''];
      return cells;
    });
  const dropped = new Set(Array.from({ length: width }, (_, c) => c).filter((c) => phantom(c) && rowsOut.every((row) => !row[c])));
  const full = dropped.size ? rowsOut.map((row) => row.filter((_, c) => !dropped.has(c))) : rowsOut;
  // Word's “Save as web page” ends tables with an invisible row of empty spacer cells: nothing a reader sees.
  while (full.length && full[full.length - 1]!.every((text) => !text)) full.pop();
  return full;
}

/** The table's rows, each its cells, in the order browsers show them; cells outside any <tr> make a row of their own. */
function tableRows(table: HtmlElement): HtmlElement[][] {
  const head: HtmlElement[][] = [];
  const body: HtmlElement[][] = [];
  const foot: HtmlElement[][] = [];
  // Depth-first in document order, without recursion; each entry is a node and the row group it is in.
  const stack: { node: HtmlNode; group: HtmlElement[][] }[] = table.children.map((node) => ({ node, group: body })).reverse();
  let loose: HtmlElement[] | undefined;
  while (stack.length) {
    const { node, group } = stack.pop()!;
    if (node.kind === 'text') continue;
    if (node.name === 'tr') {
      loose = undefined;
      group.push(rowCells(node));
    } else if (node.name === 'td' || node.name === 'th') {
      if (!loose) group.push((loose = []));
      loose.push(node);
    } else if (node.name !== 'table') {
      const inner = node.name === 'thead' ? head : node.name === 'tfoot' ? foot : group;
      for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]!, group: inner });
    }
  }
  return [...head, ...body, ...foot];
}

/** A row's cells, also those inside wrappers tag soup puts there (a <form> or <font> around cells). */
function rowCells(tr: HtmlElement): HtmlElement[] {
  const cells: HtmlElement[] = [];
  const stack: HtmlNode[] = [...tr.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'text') continue;
    if (node.name === 'td' || node.name === 'th') cells.push(node);
    else if (node.name !== 'tr' && node.name !== 'table') for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return cells;
}

const BREAKING = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article', 'ul', 'ol']);

/** A cell's text: inline markup joined, a <br> or a paragraph inside the cell a line break (cellText joins wrapped CJK). */
export function cellContent(cell: HtmlElement): string {
  const parts: string[] = [];
  const stack: (HtmlNode | '\n')[] = [...cell.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node === '\n') parts.push('\n');
    else if (node.kind === 'text') parts.push(node.text);
    else {
      const breaks = BREAKING.has(node.name);
      if (breaks) stack.push('\n');
      for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
      if (breaks) parts.push('\n');
    }
  }
  // A picture in a cell is no figure and no label: its mark goes.
  return parts.join('').replaceAll(PICTURE_MARK, '').replace(/[ \t]*\n[ \t\n]*/g, '\n').trim();
}
