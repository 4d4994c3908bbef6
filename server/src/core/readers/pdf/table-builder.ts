// One table's grid rows, over one or more pages. The part on the next page
// continues the table when its edges are the table's and each of its column
// boundaries is one of the table's (a page whose rows need fewer columns has
// cells spanning several). Header rows a browser repeats on every page go;
// a merged cell cut by the page break (no rule under it on the page before,
// none on its top edge on the next) is one cell, and so is a template label
// the break cut (a rule on both sides, the rest of the label alone at the
// next page's top); an empty row left where the break cut the table goes.

import type { Block, GridCell, OriginPlace } from '../blocks';
import type { TextPiece } from './types';
import { cellLines, PLAIN_NUMBER, type RuledCell, type RuledTable } from './grid';
import { TABLE3_GROUPS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../../template';
import { toHalfWidth } from '../../text/normalize';

/** Boundaries this close (PDF units) are the same. */
const SAME_COLUMN = 4;

interface Cell {
  text: string;
  place: OriginPlace;
}

export class TableBuilder {
  private readonly rows: Cell[][] = [];
  /** Per column: the grid position (row, column) of the merged cell the last row belongs to. */
  private lastOwners: [number, number][] = [];
  /** Per column: the last part's bottom edge has no rule there (its cell may go on on the next page). */
  private lastOpenBottom: readonly boolean[] = [];
  private readonly place: OriginPlace;
  private readonly xs: readonly number[];

  constructor(
    first: RuledTable,
    page: number,
    private readonly number: number,
  ) {
    this.place = { page, table: number };
    this.xs = first.xs;
    this.add(first, page, false);
  }

  /** Adds the next page's part when it continues this table; false when it is another table. */
  continueWith(next: RuledTable, page: number): boolean {
    const regridded = onColumns(next, this.xs);
    if (!regridded) return false;
    this.add(regridded, page, true);
    return true;
  }

  block(): Block {
    const rows: GridCell[][] = this.rows.map((row) => row.map((cell) => ({ text: cell.text, place: cell.place })));
    return { kind: 'table', rows, place: this.place };
  }

  private add(table: RuledTable, page: number, continued: boolean): void {
    const texts = table.owner.map((ownerRow, r) => ownerRow.map((id, c) => (isTopLeft(table, id, r, c) ? table.cells.get(id)!.text : '')));
    const empty = (r: number) => texts[r]!.every((t) => !t.trim());
    let from = 0;
    let to = texts.length;
    while (from < to && empty(from)) from++;
    while (to > from && empty(to - 1)) to--;
    const repeated = continued ? this.repeatedHeaderRows(texts.slice(from, to)) : 0;
    from += repeated;
    const offset = this.rows.length - from;
    const position = new Map<number, [number, number]>();
    const labelGoesOn = continued && !repeated && from < to && this.labelRestAt(texts[from]!);
    for (let r = from; r < to; r++) {
      const row = table.owner[r]!.map((id, c): Cell => {
        const place = { page, table: this.number, row: offset + r + 1, column: c + 1 };
        if (!isTopLeft(table, id, r, c)) return { text: '', place };
        // A cell open at the table's top on a continued page is the rest of the cell above the page break, if that
        // one is open at the bottom: a table whose cells draw only their bottom border (LibreOffice's web pages)
        // leaves every top open, and its rows were joined over the break.
        const open = table.openEdges[0]![c] && this.lastOpenBottom[c];
        const above = continued && !repeated && r === from && (open || labelGoesOn) && this.sameColumns(table.owner[r]!, id, c) ? this.lastOwners[c] : undefined;
        if (above) {
          const target = this.rows[above[0]]![above[1]]!;
          const text = texts[r]![c]!;
          if (text) target.text = target.text ? `${target.text}\n${text}` : text;
          position.set(id, above);
          return { text: '', place };
        }
        position.set(id, [offset + r, c]);
        return { text: texts[r]![c]!, place };
      });
      this.rows.push(row);
    }
    const last = table.owner[to - 1] ?? [];
    this.lastOwners = last.map((id, c) => position.get(id) ?? [offset + to - 1, c]);
    // Under the last row kept (empty rows the break left below it are dropped).
    this.lastOpenBottom = table.openEdges[to] ?? [];
  }

  /**
   * The row is the rest of a template label the page break cut (`2.申请人逾期未按` / `收费通知要求缴纳费用、…`): no
   * figure in it, and each of its words goes on a cut label of the row above to (the start of) a label of the template.
   */
  private labelRestAt(texts: readonly string[]): boolean {
    let any = false;
    for (let c = 0; c < texts.length; c++) {
      const rest = plain(texts[c]!);
      if (!rest) continue;
      if (/\d/.test(rest)) return false;
      const owner = this.lastOwners[c];
      const cut = owner ? plain(this.rows[owner[0]]?.[owner[1]]?.text ?? '') : '';
      if (!cut || TEMPLATE_LABELS.has(cut) || !labelStarting(cut + rest)) return false;
      any = true;
    }
    return any;
  }

  /**
   * Whether the cell `id` at the top of a continued page spans the columns of the cell it would go on from (the last
   * owner of column `c` on the page before). A cell wider than that one is not its rest: Chromium draws no border
   * between a rowspan cell cut by the page break and the cells beside it on the next page (表三's “（三）不予公开” and
   * “6.属于四类过程性信息”), so the next row's label would be taken into the group's label.
   */
  private sameColumns(topRow: readonly number[], id: number, c: number): boolean {
    const above = this.lastOwners[c];
    if (!above) return false;
    for (let k = 0; k < topRow.length; k++) {
      const owner = this.lastOwners[k];
      const underAbove = owner !== undefined && owner[0] === above[0] && owner[1] === above[1];
      if ((topRow[k] === id) !== underAbove) return false;
    }
    return true;
  }

  /** How many leading rows repeat the table's first rows (a header a browser prints again on each page). */
  private repeatedHeaderRows(texts: readonly (readonly string[])[]): number {
    let k = 0;
    while (k < texts.length - 1 && k < this.rows.length && texts[k]!.every((t, c) => t === this.rows[k]![c]?.text)) k++;
    return texts.slice(0, k).some((row) => row.some((t) => t.trim())) ? k : 0;
  }
}

/** A cell's words without the spaces and widths a PDF sets them in. */
const plain = (text: string) => toHalfWidth(text).replace(/\s+/g, '');

/**
 * 表三's row labels, and 表四's header cells: a row a page break cuts in a narrow 15-column 表四 (LibreOffice's PDF of a
 * Word table, its rows allowed to break) leaves `行政复` / `行政诉` under the page's last rule and `议` / `讼` over the
 * next page's first one.
 */
const TEMPLATE_LABELS: ReadonlySet<string> = new Set(
  [...[...TABLE3_ROWS, ...TABLE3_GROUPS, ...TABLE4_GROUPS, ...TABLE4_COLUMNS].map((r) => r.label), ...TABLE4_GROUPS.flatMap((g) => (g.parent ? [g.parent] : []))].map(plain),
);

/** Whether a label of 表三 or a header cell of 表四 starts with the text (or is it), the numbering at its start or not. */
function labelStarting(text: string): boolean {
  for (const label of TEMPLATE_LABELS) if (label.startsWith(text) || label.replace(/^(?:[(（][一二三四五六七]+[)）]|[一二三四五六七]+、|\d+\.)/, '').startsWith(text)) return true;
  return false;
}

function isTopLeft(table: RuledTable, id: number, r: number, c: number): boolean {
  const cell = table.cells.get(id)!;
  return cell.row === r && cell.column === c;
}

/**
 * The table on other column boundaries (each of its own must be one of them), or undefined when it does not fit. A
 * cell this page draws over several of the table's columns is parted at a boundary its text stays clear of, with text
 * on both sides: Chromium draws no border beside a rowspan cell on the pages after its first (表三's “（四）无法提供”
 * beside “2.没有现成信息需要另行制作” is one box there, its two texts interleaved line by line).
 */
function onColumns(table: RuledTable, xs: readonly number[]): RuledTable | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME_COLUMN;
  if (!near(table.left, xs[0]!) || !near(table.right, xs[xs.length - 1]!)) return undefined;
  if (!table.xs.every((x) => xs.some((y) => near(x, y)))) return undefined;
  // Each target column takes the source column that holds its middle.
  const source = xs.slice(0, -1).map((x, k) => {
    const mid = (x + xs[k + 1]!) / 2;
    return Math.max(0, table.xs.findIndex((a, i) => i + 1 < table.xs.length && mid >= a && mid <= table.xs[i + 1]!));
  });
  const parts = partedCells(table, xs, source);
  const owner = table.owner.map((row) => source.map((s, c) => parts.owners.get(row[s]!)?.get(c) ?? row[s]!));
  const cells = new Map<number, RuledCell>();
  owner.forEach((row, r) =>
    row.forEach((id, c) => {
      if (cells.has(id)) return;
      const own = table.cells.get(id);
      const pieces = own ? own.pieces : (parts.pieces.get(id) ?? []);
      cells.set(id, { text: own ? own.text : cellLines(pieces), row: r, column: c, pieces });
    }),
  );
  return { ...table, xs, owner, cells, openEdges: table.openEdges.map((edge) => source.map((s) => edge[s]!)) };
}

/**
 * Per source cell that spans several target columns and whose text parts at one of their boundaries: a new cell id
 * for each of those target columns (the columns on one side of a cut share one), and each new cell's pieces. Ids
 * above the table's own.
 */
function partedCells(table: RuledTable, xs: readonly number[], source: readonly number[]): { owners: Map<number, Map<number, number>>; pieces: Map<number, readonly TextPiece[]> } {
  const owners = new Map<number, Map<number, number>>();
  const pieces = new Map<number, readonly TextPiece[]>();
  let next = Math.max(-1, ...table.cells.keys()) + 1;
  for (const [id, cell] of table.cells) {
    const columns = source.flatMap((s, c) => (table.owner[cell.row]![s] === id ? [c] : []));
    if (columns.length < 2 || cell.pieces.length === 0) continue;
    const cuts = columns.slice(1).filter((c) => clearOf(cell.pieces, xs[c]!));
    if (cuts.length === 0) continue;
    const bands = [columns[0]!, ...cuts];
    const ids = new Map<number, number>();
    const byBand = new Map<number, TextPiece[]>();
    for (const piece of cell.pieces) {
      const band = bands.filter((b) => piece.x >= xs[b]! - SAME_COLUMN).pop()!;
      byBand.set(band, [...(byBand.get(band) ?? []), piece]);
    }
    // Words on one side only are one cell as drawn (a label or a header set in a box wider than its column); a figure
    // alone goes to the column it stands in (Chromium leaves out borders between figure cells too: “2” under 其他 for 总计).
    if (byBand.size < 2 && !cell.pieces.every((p) => PLAIN_NUMBER.test(p.text.trim()))) continue;
    for (const band of bands) {
      ids.set(band, next);
      pieces.set(next++, byBand.get(band) ?? []);
    }
    owners.set(id, new Map(columns.map((c) => [c, ids.get(bands.filter((b) => b <= c).pop()!)!])));
  }
  return { owners, pieces };
}

/** No piece runs over the boundary (a piece cut there by splitAtColumns runs over it: `continues`). */
function clearOf(pieces: readonly TextPiece[], x: number): boolean {
  return pieces.every((p) => !p.continues && (p.x + p.width <= x + SAME_COLUMN || p.x >= x - SAME_COLUMN));
}
