// When two reports of one agency and year are the same report: copies of one
// text (a file and its open editor, a download saved twice), or one report in
// two forms (a PDF and its text export) whose tables read the same figures.
// The cross-year checks read only those figures, so such reports compare alike
// and are one candidate, not an ambiguity.

import type { Report, TableRow } from '../model';
import type { YearCandidate } from './types';

const values = (rows: readonly TableRow[]) => rows.map((r) => `${r.id}=${r.cells.map((c) => c.value ?? '_').join(',')}`).join(';');

/** Every figure of 表二, 表三 and 表四 in template order; undefined unless all three were read. */
function figures(report: Report): string | undefined {
  const { t2, t3, t4 } = report.tables;
  if (!t2 || !t3 || !t4) return undefined;
  return [t2.blocks.map((b) => `${b.id}:${values(b.rows)}`).join('|'), values(t3.rows), t4.cells.map((c) => c.value ?? '_').join(',')].join('#');
}

/** A key equal for two candidates that are the same report; undefined when nothing tells. */
export function sameReportKey(candidate: YearCandidate): string | undefined {
  const read = figures(candidate.report);
  if (read !== undefined) return `figures ${read}`;
  return candidate.text === undefined ? undefined : `text ${candidate.text}`;
}
