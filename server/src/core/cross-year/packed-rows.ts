// Table rows packed into a few flat arrays, for a report kept a long time: the
// CLI keeps what the cross-year pass reads of every report of a folder until
// the pass (year-pack.ts). As the model's objects, a row of seven cells is some
// twenty objects that every collection after it has to copy or mark; packed,
// any number of rows are a handful (arrays of numbers, not typed arrays: no
// buffer to track a report).

import type { Cell, CellKind, TableRow } from '../model';

const KINDS: readonly CellKind[] = ['number', 'blank', 'placeholder', 'invalid', 'missing'];
const ALIGNMENTS: readonly TableRow['alignment'][] = ['exact', 'inferred', 'unaligned'];

export interface PackedRows {
  /** Each row's id and label text, then each cell's text, in order, one after another. */
  readonly words: string;
  /** Where each of the words ends in `words`. */
  readonly wordEnds: readonly number[];
  /** Per row: alignment (index in ALIGNMENTS), foundValues, number of cells. */
  readonly rowFacts: readonly number[];
  /** Per row: its range and its label's range (start, end each); then per cell its range. */
  readonly ranges: readonly number[];
  /** Per cell: value (NaN for none), decimals, certain (1 or 0), kind (index in KINDS). */
  readonly cellFacts: readonly number[];
}

export function packRows(rows: readonly TableRow[]): PackedRows {
  const words: string[] = [];
  const rowFacts: number[] = [];
  const ranges: number[] = [];
  const cellFacts: number[] = [];
  for (const row of rows) {
    words.push(row.id, row.label.text);
    rowFacts.push(ALIGNMENTS.indexOf(row.alignment), row.foundValues, row.cells.length);
    ranges.push(row.range.start, row.range.end, row.label.range.start, row.label.range.end);
  }
  for (const row of rows) {
    for (const cell of row.cells) {
      words.push(cell.text);
      ranges.push(cell.range.start, cell.range.end);
      cellFacts.push(cell.value ?? Number.NaN, cell.decimals, cell.certain ? 1 : 0, KINDS.indexOf(cell.kind));
    }
  }
  const wordEnds: number[] = [];
  let end = 0;
  for (const w of words) wordEnds.push((end += w.length));
  // Copies of exactly their length: an array grown by push keeps room to grow, a third more than it holds.
  return { words: words.join(''), wordEnds: wordEnds.slice(), rowFacts: rowFacts.slice(), ranges: ranges.slice(), cellFacts: cellFacts.slice() };
}

/** The rows packRows was given: equal in every field, new objects. */
export function unpackRows(packed: PackedRows): TableRow[] {
  const { rowFacts, ranges, cellFacts } = packed;
  const count = rowFacts.length / 3;
  const word = (k: number) => packed.words.slice(k === 0 ? 0 : packed.wordEnds[k - 1]!, packed.wordEnds[k]!);
  let nextWord = 2 * count;
  let range = 4 * count;
  let fact = 0;
  const rows: TableRow[] = [];
  for (let k = 0; k < count; k++) {
    const cells: Cell[] = [];
    for (let c = 0; c < rowFacts[k * 3 + 2]!; c++) {
      const value = cellFacts[fact]!;
      cells.push({
        kind: KINDS[cellFacts[fact + 3]!]!,
        text: word(nextWord++),
        range: { start: ranges[range]!, end: ranges[range + 1]! },
        value: Number.isNaN(value) ? undefined : value,
        decimals: cellFacts[fact + 1]!,
        certain: cellFacts[fact + 2] === 1,
      });
      range += 2;
      fact += 4;
    }
    const at = k * 4;
    rows.push({
      id: word(2 * k),
      label: { text: word(2 * k + 1), range: { start: ranges[at + 2]!, end: ranges[at + 3]! } },
      cells,
      alignment: ALIGNMENTS[rowFacts[k * 3]!]!,
      foundValues: rowFacts[k * 3 + 1]!,
      range: { start: ranges[at]!, end: ranges[at + 1]! },
    });
  }
  return rows;
}
