// Where a finding is in the original file (a PDF, Word file or web page whose
// rendition was checked): the page, and the cell in the template's own terms
// when the finding sits on a cell or row label the parser read (表三“（七）总计”
// 行“总计”列), else the original's table and grid position, else its paragraph.
// A reviewer looks the number up in the file they hold, not in the rendition.

import type { OriginalPlaceShown } from '../i18n/types';
import type { Cell, Range, Report, RowLabel } from '../model';
import type { OriginPlace } from '../readers/blocks';
import { table2Form, TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_GROUPS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../template';

/** A cell or row label of 表二/表三/表四 with the template's names for it. */
interface NamedPiece {
  readonly range: Range;
  readonly table: 't2' | 't3' | 't4';
  readonly row: string;
  /** Undefined for a row label. */
  readonly column?: string;
}

export interface OriginalPlace {
  /** The place the reader recorded for the piece of the rendition the finding starts in. */
  readonly origin: OriginPlace;
  /** What the message says (i18n `readers.place`). */
  readonly shown: OriginalPlaceShown;
}

/**
 * Where `range` (offsets of the rendition, which is the checked text) is in
 * the original. `report` is the rendition parsed; `origin`, the place the
 * reader recorded for the piece at range.start (readers/tab-grid.ts placeAt).
 */
export function originalPlace(report: Report, origin: OriginPlace, range: Range): OriginalPlace {
  const named = namedPieceAt(report, range);
  const shown: OriginalPlaceShown = { page: origin.page };
  if (named) return { origin, shown: { ...shown, table: named.table, row: named.row, column: named.column } };
  if (origin.table !== undefined) return { origin, shown: { ...shown, originalTable: origin.table, gridRow: origin.row, gridColumn: origin.column } };
  return { origin, shown: { ...shown, paragraph: origin.paragraph } };
}

/** The cell (or else the row label) that holds the start of `range`. */
function namedPieceAt(report: Report, range: Range): NamedPiece | undefined {
  let label: NamedPiece | undefined;
  for (const piece of namedPieces(report)) {
    if (!holds(piece.range, range.start)) continue;
    if (piece.column !== undefined) return piece;
    label ??= piece;
  }
  return label;
}

function holds(piece: Range, offset: number): boolean {
  return piece.start === piece.end ? offset === piece.start : piece.start <= offset && offset < piece.end;
}

function* namedPieces(report: Report): Generator<NamedPiece> {
  const { t2, t3, t4 } = report.tables;
  for (const block of t2?.blocks ?? []) {
    const spec = TABLE2_BLOCKS.find((b) => b.id === block.id);
    if (!spec) continue;
    const form = table2Form(spec, block.legacy);
    for (const row of block.rows) {
      const rowSpec = form.rows.find((r) => r.id === row.id);
      const rowName = `${spec.caption} ${rowSpec?.label ?? row.label.text}`;
      yield* rowPieces('t2', rowName, row.label, row.cells, (i) => form.columns[i]?.label);
    }
  }
  for (const row of t3?.rows ?? []) {
    const spec = TABLE3_ROWS.find((r) => r.id === row.id);
    yield* rowPieces('t3', spec ? table3RowName(spec.label, spec.group) : row.label.text, row.label, row.cells, (i) => TABLE3_COLUMNS[i]?.label);
  }
  // 表四: three groups of five, in template order.
  const t4cells = t4?.cells ?? [];
  for (let i = 0; i < t4cells.length; i++) {
    const group = TABLE4_GROUPS[Math.floor(i / TABLE4_COLUMNS.length)];
    const column = TABLE4_COLUMNS[i % TABLE4_COLUMNS.length];
    if (!group || !column) continue;
    yield { range: t4cells[i]!.range, table: 't4', row: group.parent ? `${group.parent} ${group.label}` : group.label, column: column.label };
  }
}

function* rowPieces(
  table: NamedPiece['table'],
  row: string,
  label: RowLabel,
  cells: readonly Cell[],
  columnName: (index: number) => string | undefined,
): Generator<NamedPiece> {
  for (let i = 0; i < cells.length; i++) {
    const column = columnName(i);
    if (column !== undefined) yield { range: cells[i]!.range, table, row, column };
  }
  yield { range: label.range, table, row };
}

/** A numbered leaf of a 表三 group (1.属于国家秘密) is named with its group: “1.” alone repeats in every group. */
function table3RowName(label: string, group: string | undefined): string {
  const parent = group === undefined || group === 'results' ? undefined : TABLE3_GROUPS.find((g) => g.id === group);
  return parent ? `${parent.label} ${label}` : label;
}
