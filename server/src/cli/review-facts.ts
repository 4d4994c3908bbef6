// What the review page (`check --format html`) shows of a report besides its
// findings: who published it, for which year, on which template, and its
// tables as the preview draws them. Plain data, made where the report was
// parsed (a worker thread may make it), so the page needs no parse of its own.

import { reportIdentity, status, tables, type CheckOptions, type ParsedDocument, type TablesView } from '../core/service';

export interface ReviewFacts {
  /** The report's title as read, when it has one. */
  title?: string;
  /** The agency and year its title names (the cross-year checks' reading), when it names them. */
  agency?: string;
  year?: number;
  template: 2021 | 2019;
  tables: TablesView;
}

export function reviewFacts(doc: ParsedDocument, options: CheckOptions): ReviewFacts {
  const { report } = doc;
  const identity = reportIdentity(report);
  const { template, year } = status(doc);
  const shownYear = identity?.year ?? year ?? undefined;
  return {
    ...(report.title ? { title: report.title.text } : {}),
    ...(identity ? { agency: identity.agency } : {}),
    ...(shownYear !== undefined ? { year: shownYear } : {}),
    template,
    tables: tables(doc, options),
  };
}
