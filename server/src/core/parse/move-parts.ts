// Copies of a previous version's parts with their offsets moved by an edit
// (the keystroke path, patch-report.ts): a part nothing of which moves is
// shared as it is, never changed.

import type { Artifact, Cell, Heading, HeaderLabel, Range, RowLabel, ShapeProblem, Table, Table2Block, TableRow } from '../model';
import { moveRange, recordTableMovedWhole, type Move } from '../report-delta';
import { movedWhole } from '../tables/table3';

export function movedArtifact(a: Artifact, mover: Mover): Artifact {
  const range = mover.range(a.range);
  return range === a.range ? a : { ...a, range };
}

// The furthest offset any range of a table reaches, once per table (a table is a value): a
// table that ends before the edit is shared as it is.
const tableEnds = new WeakMap<Table, number>();

/** Copies of the previous version's parts with their ranges moved; a part nothing of which moves is itself. */
export class Mover {
  constructor(readonly move: Move) {}

  get shift(): number {
    return this.move.shift;
  }

  range(r: Range): Range {
    return moveRange(r, this.move);
  }

  list<T>(items: T[], each: (item: T, mover: Mover) => T): T[] {
    let out: T[] | undefined;
    for (let k = 0; k < items.length; k++) {
      const next = each(items[k]!, this);
      if (next !== items[k] && !out) out = items.slice(0, k);
      if (out) out.push(next);
    }
    return out ?? items;
  }

  heading(h: Heading): Heading {
    const range = this.range(h.range);
    const titleRange = this.range(h.titleRange);
    const numberingRange = h.numbering && this.range(h.numbering.range);
    if (range === h.range && titleRange === h.titleRange && numberingRange === h.numbering?.range) return h;
    return { ...h, range, titleRange, numbering: h.numbering && { ...h.numbering, range: numberingRange! } };
  }

  table(t: Table): Table {
    if (this.move.shift === 0 || furthestEnd(t) < this.move.movedFrom) return t;
    const base = { range: this.range(t.range), problems: this.list(t.problems, movedProblem) };
    const whole = t.range.start >= this.move.movedFrom;
    let moved: Table;
    if (t.kind === 't2') moved = { ...t, ...base, blocks: this.list(t.blocks, movedBlock) };
    else if (t.kind === 't3') {
      moved = { ...t, ...base, rows: this.list(t.rows, movedRow) };
      // Moved whole, its rows can still be read one by one again (retyped-cell.ts).
      if (whole) movedWhole(t, moved, this.move.shift);
    } else moved = { ...t, ...base, cells: this.list(t.cells, movedCell) };
    // Moved whole, it is the same table: what is drawn from its text (the outline) is kept (report-delta.ts).
    if (whole) recordTableMovedWhole(moved, t);
    return moved;
  }
}

function furthestEnd(t: Table): number {
  let end = tableEnds.get(t);
  if (end === undefined) {
    end = t.range.end;
    const reach = (r: Range) => { if (r.end > end!) end = r.end; };
    for (const p of t.problems) reach(p.range);
    const row = (r: TableRow) => { reach(r.range); reach(r.label.range); for (const c of r.cells) reach(c.range); };
    if (t.kind === 't2') for (const b of t.blocks) { reach(b.range); reach(b.caption.range); for (const h of b.headers) reach(h.range); b.rows.forEach(row); }
    else if (t.kind === 't3') t.rows.forEach(row);
    else for (const c of t.cells) reach(c.range);
    tableEnds.set(t, end);
  }
  return end;
}

function movedProblem(p: ShapeProblem, mover: Mover): ShapeProblem {
  const range = mover.range(p.range);
  return range === p.range ? p : { ...p, range };
}

export function movedCell(c: Cell, mover: Mover): Cell {
  const range = mover.range(c.range);
  return range === c.range ? c : { ...c, range };
}

function movedLabel<L extends RowLabel | HeaderLabel>(l: L, mover: Mover): L {
  const range = mover.range(l.range);
  return range === l.range ? l : { ...l, range };
}

function movedRow(r: TableRow, mover: Mover): TableRow {
  const range = mover.range(r.range);
  const label = movedLabel(r.label, mover);
  const cells = mover.list(r.cells, movedCell);
  return range === r.range && label === r.label && cells === r.cells ? r : { ...r, range, label, cells };
}

function movedBlock(b: Table2Block, mover: Mover): Table2Block {
  const range = mover.range(b.range);
  const caption = movedLabel(b.caption, mover);
  const headers = mover.list(b.headers, movedLabel);
  const rows = mover.list(b.rows, movedRow);
  return range === b.range && caption === b.caption && headers === b.headers && rows === b.rows ? b : { ...b, range, caption, headers, rows };
}
