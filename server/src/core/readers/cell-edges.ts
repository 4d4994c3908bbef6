// A table's rows laid onto one grid by their cells' edges (twips from the row's left), as Word's binary format and
// RTF describe a row: its cell edges, not spans. Cells merged across columns reach over several grid lines: the
// text at the first column, the columns covered after it empty (as the .docx reader lays out gridSpan).

/** Cell edges closer than this (in twips) are one grid line: Word's own rounding moves edges a little. */
const EDGE_TOLERANCE = 30;
/** Word's limit of cells in a row. */
export const MAX_CELLS = 63;
/** Grid lines of one table beyond which its rows are laid out cell after cell (a hostile file's edges, not a report's). */
const MAX_GRID_LINES = 2 * (MAX_CELLS + 1);

/** The rows on the table's grid: each cell at the column of its left edge, the columns it covers after it empty. */
export function layOutByEdges(rows: readonly { cells: readonly string[]; edges?: readonly number[] | undefined }[]): string[][] {
  const lines: number[] = [];
  for (const row of rows) {
    if (row.edges?.length !== row.cells.length + 1) continue;
    for (const e of row.edges) if (!lines.some((l) => Math.abs(l - e) <= EDGE_TOLERANCE)) lines.push(e);
    if (lines.length > MAX_GRID_LINES) return rows.map(({ cells }) => [...cells]);
  }
  lines.sort((a, b) => a - b);
  const column = (edge: number) => lines.findIndex((l) => Math.abs(l - edge) <= EDGE_TOLERANCE);
  return rows.map(({ cells, edges }) => {
    if (edges?.length !== cells.length + 1) return [...cells];
    const texts: string[] = [];
    cells.forEach((text, k) => {
      const from = column(edges[k]!);
      const to = column(edges[k + 1]!);
      while (texts.length < from) texts.push('');
      texts.push(text);
      while (texts.length < to) texts.push('');
    });
    return texts;
  });
}
