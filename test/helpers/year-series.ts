// One agency's reports for 2019–2023, written as agencies write them: the 2019
// trial template for 2019 and 2020, the 2021 template after, a different layout
// every year, titles spelled differently (年度, full-width digits, spaces).
// Three breaks across years, one of each kind, and one clean year:
//   2020: 对外公开总数量 of 规范性文件 is 24, last year's 21 + 4 published = 25 (2019 form);
//   2021: 上年结转 自然人 and 总计 are 2, 2020 carried 1 forward;
//   2022: consistent with 2021 in every check;
//   2023: 现行有效件数 of 行政规范性文件 is 30, 2022's 32 + 2 issued − 0 repealed = 34.

import type { TableLayout } from '../../server/src/core/model';
import { buildReport } from './build-report';
import { reportWith, table2of2019 } from './legacy-report';

export const AGENCY = '某某县交通运输局';

export interface YearReport {
  year: number;
  layout: TableLayout;
  text: string;
}

const row = (natural: number, business = 0) => [natural, business, 0, 0, 0, 0, natural + business];

/** `title` replaces the built title line (the first line). */
function retitled(text: string, title: string): string {
  return text.replace(/^[^\n]*/, title);
}

export function yearSeries(agency = AGENCY): YearReport[] {
  const r2019 = reportWith(table2of2019({ normative: ['9', '9', '21'] }), 'tab-grid', { year: 2019, agency });
  const r2020 = reportWith(table2of2019({ normative: ['5', '4', '24'] }), 'pdf-rows', { year: 2020, agency });
  const carried2 = { new: row(4, 1), carried: row(2), public: row(2), partial: row(1), 'unable.1': row(1, 1), total: row(4, 1), forward: row(2) };
  const r2021 = buildReport({ year: 2021, agency, layout: 'pipe', t3: carried2, t2: { rules: [0, 0, 0], normative: [1, 0, 30] } });
  const t3of2022 = { new: row(4, 1), carried: row(2), public: row(3), partial: row(1), 'unable.1': row(1, 1), total: row(5, 1), forward: row(1) };
  const r2022 = buildReport({ year: 2022, agency, layout: 'cell-per-line', t3: t3of2022, t2: { rules: [0, 0, 0], normative: [3, 1, 32] } });
  const r2023 = buildReport({ year: 2023, agency, layout: 'cell-per-paragraph', t2: { rules: [0, 0, 0], normative: [2, 0, 30] } });
  return [
    { year: 2019, layout: 'tab-grid', text: r2019 },
    { year: 2020, layout: 'pdf-rows', text: retitled(r2020, `${agency}2020年度政府信息公开工作年度报告`) },
    { year: 2021, layout: 'pipe', text: retitled(r2021, `${agency}２０２１年政府信息公开工作年度报告`) },
    { year: 2022, layout: 'cell-per-line', text: retitled(r2022, `${agency} 2022 年政府信息公开工作年度报告`) },
    { year: 2023, layout: 'cell-per-paragraph', text: r2023 },
  ];
}
