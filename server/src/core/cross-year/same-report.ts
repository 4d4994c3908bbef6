// When two reports of one agency and year are the same report: copies of one
// text (a file and its open editor, a download saved twice), or one report in
// two forms (a PDF and its text export) whose tables read the same figures.
// The cross-year checks read only those figures, so such reports compare alike
// and are one candidate, not an ambiguity.
//
// The key is a 64-bit digest of the figures (or the text), not the figures
// spelled out: it is made for every report of a folder, and spelling out some
// 300 cells cost about half of what the cross-year pass added to a check.
// Two different reports of one agency and year whose digests collide (odds of
// about 2^-64) would be taken for one: no ambiguity said, one compared.

import type { Cell, Report, TableRow } from '../model';
import { Digest } from '../text/hash';
import type { YearCandidate } from './types';

const SEPARATOR = -2;

function addRows(digest: Digest, rows: readonly TableRow[]): void {
  for (const row of rows) {
    digest.addText(row.id);
    addCells(digest, row.cells);
  }
}

function addCells(digest: Digest, cells: readonly Cell[]): void {
  digest.add(cells.length);
  for (const cell of cells) digest.addValue(cell.value);
}

/** Every figure of 表二, 表三 and 表四 in template order; undefined unless all three were read. */
function figures(report: Report): string | undefined {
  const { t2, t3, t4 } = report.tables;
  if (!t2 || !t3 || !t4) return undefined;
  const digest = new Digest();
  for (const block of t2.blocks) {
    digest.addText(block.id);
    addRows(digest, block.rows);
  }
  digest.add(SEPARATOR);
  addRows(digest, t3.rows);
  digest.add(SEPARATOR);
  addCells(digest, t4.cells);
  return digest.toString();
}

/** A key equal for two candidates that are the same report; undefined when nothing tells. */
export function sameReportKey(candidate: YearCandidate): string | undefined {
  const read = figures(candidate.report);
  if (read !== undefined) return `figures ${read}`;
  if (candidate.text === undefined) return undefined;
  const digest = new Digest();
  digest.addText(candidate.text);
  return `text ${digest}`;
}
