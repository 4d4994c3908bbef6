// Whether a parse found anything of a report's body. A folder a reviewer collects holds other pages that name
// the report in their opening (looksLikeReport): the column's list of reports by year, a notice on writing or
// publishing them. Checked, each got "six parts missing", an error on a file that is no report. A report, however
// mangled, has a part heading or a table the parser finds (a report of pictures, or text it cannot read at all,
// is a read problem said before this).

import type { Report } from './model';

export function holdsReportBody(report: Report): boolean {
  return report.notText !== undefined || report.sections.length > 0 || report.tables.t2 !== undefined || report.tables.t3 !== undefined || report.tables.t4 !== undefined;
}
