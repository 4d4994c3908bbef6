// A row's first figure run onto its label: `行政规范性文件2    0    9` (pdftotext -layout of a printed page whose
// label fills its cell, the figure right at the cell's edge), `⾏政规范性⽂件2` / `0` / `9` (mutool, PyMuPDF). The
// label read as `行政规范性文件2` named the row, and the row had one figure too few (table.shape, its sums
// unchecked). Where the words before the figure are exactly a row's label of the template, the figure is a cell.

import { TABLE2_BLOCKS, TABLE3_ROWS } from '../template';
import { labelKey } from '../text/normalize';

/** Every row label of 表二 (both templates) and 表三, with their accepted variants, as label keys. */
const ROW_LABELS: ReadonlySet<string> = new Set(
  [
    ...TABLE2_BLOCKS.flatMap((b) => [...b.rows, ...b.trial.rows].flatMap((r) => [r.label, ...(r.aliases ?? [])])),
    ...TABLE3_ROWS.flatMap((r) => [r.label, ...(r.aliases ?? [])]),
  ].map(labelKey),
);

// Words, then a figure at the cell's end (half- or full-width digits, a decimal part).
const FIGURE_AT_END = /^(.*[^\s\d０-９.．])([\d０-９]+(?:[.．][\d０-９]+)?)$/;

/** Where a cell's text is a template row's label with a figure run onto its end: the label's length, else undefined. */
export function labelBeforeFigure(text: string): number | undefined {
  const m = FIGURE_AT_END.exec(text);
  if (!m || !ROW_LABELS.has(labelKey(m[1]!))) return undefined;
  return m[1]!.length;
}
