// What the editor's status item says about a report: which template it
// follows (2021, or the 2019 trial layout of 表二 or of 表三 （六）), which text
// layout its tables use, which tables were found. Answers `govReport/status`.

import type { Report, TableLayout } from '../model';

export interface ReportStatus {
  /** 2019 when 表二 or 表三 follows the 2019 trial template, else 2021. */
  template: 2021 | 2019;
  /** The layout most tables use; null when the report has no table. */
  layout: TableLayout | null;
  tables: { t2: boolean; t3: boolean; t4: boolean };
  /** Which tables follow the 2019 trial layout (表二's columns/rows, 表三's single （六） row). */
  legacy: { t2: boolean; t3: boolean };
  /** The report year: the title's, else the `govReport.templateYear` setting, else null. */
  year: number | null;
  yearSource: 'title' | 'setting' | null;
}

export interface StatusOptions {
  /** `govReport.templateYear`: the year to assume when the title does not say. */
  templateYear?: number | undefined;
}

export function reportStatus(report: Report, options: StatusOptions = {}): ReportStatus {
  const { t2, t3, t4 } = report.tables;
  const legacy = { t2: !!t2?.legacy, t3: !!t3?.legacy };
  const titleYear = report.title?.year;
  const year = titleYear ?? options.templateYear ?? null;
  return {
    template: legacy.t2 || legacy.t3 ? 2019 : 2021,
    layout: report.layout ?? t3?.layout ?? t2?.layout ?? t4?.layout ?? null,
    tables: { t2: !!t2, t3: !!t3, t4: !!t4 },
    legacy,
    year,
    yearSource: titleYear !== undefined ? 'title' : year !== null ? 'setting' : null,
  };
}
