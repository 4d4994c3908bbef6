// The cells of this year's report that have a counterpart in last year's: each
// 表三 上年结转 cell and last year's 结转下年度 cell of its column, and each 表二
// 现行有效件数 (or, in the 2019 form, 对外公开总数量) and last year's. The rules
// compare them; the table preview shows last year's figure beside them.

import type { Cell, Report, Table2Block, TableRow } from '../model';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, table2Form } from '../template';

export interface CarriedPair {
  readonly kind: 'carried';
  /** The 表三 column's template label. */
  readonly column: string;
  readonly now: Cell;
  readonly then: Cell;
}

export interface InForcePair {
  readonly kind: 'in-force';
  /** The 表二 row's template label. */
  readonly row: string;
  /** The 2019 trial form (对外公开总数量) in both years. */
  readonly legacy: boolean;
  /** This year's three cells (issued, repealed, in force; 2019 form: made, published, total). */
  readonly cells: readonly [Cell, Cell, Cell];
  readonly then: Cell;
}

export type Counterpart = CarriedPair | InForcePair;

const ITEM1 = TABLE2_BLOCKS.find((b) => b.id === 'item1')!;

export function counterparts(current: Report, previous: Report): Counterpart[] {
  return [...carriedPairs(current, previous), ...inForcePairs(current, previous)];
}

function carriedPairs(current: Report, previous: Report): CarriedPair[] {
  const carried = readableRow(current.tables.t3?.rows, 'carried');
  const forward = readableRow(previous.tables.t3?.rows, 'forward');
  if (!carried || !forward) return [];
  return TABLE3_COLUMNS.map((column, i) => ({ kind: 'carried' as const, column: column.label, now: carried.cells[i]!, then: forward.cells[i]! }));
}

function inForcePairs(current: Report, previous: Report): InForcePair[] {
  const now = item1(current.tables.t2?.blocks);
  const then = item1(previous.tables.t2?.blocks);
  // The two forms' third columns count different things.
  if (!now || !then || now.legacy !== then.legacy) return [];
  const form = table2Form(ITEM1, now.legacy);
  const out: InForcePair[] = [];
  for (const row of now.rows) {
    const before = then.rows.find((r) => r.id === row.id);
    if (!before || row.cells.length !== 3 || before.cells.length !== 3) continue;
    const label = form.rows.find((r) => r.id === row.id)?.label ?? row.label.text;
    out.push({ kind: 'in-force', row: label, legacy: now.legacy, cells: [row.cells[0]!, row.cells[1]!, row.cells[2]!], then: before.cells[2]! });
  }
  return out;
}

/** A 表三 row whose cells are where the template puts them (an unaligned row is not compared). */
function readableRow(rows: readonly TableRow[] | undefined, id: string): TableRow | undefined {
  const row = rows?.find((r) => r.id === id);
  return row && row.alignment !== 'unaligned' && row.cells.length === TABLE3_COLUMNS.length ? row : undefined;
}

function item1(blocks: readonly Table2Block[] | undefined): Table2Block | undefined {
  return blocks?.find((b) => b.id === 'item1');
}
