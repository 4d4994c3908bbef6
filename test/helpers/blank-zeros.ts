// A report whose writer left every 0 empty (自然人 made no request, so every 表三 row's first figure cell is empty; no
// 行政复议 and no 复议后起诉 in 表四): the data the empty-0s tests type into the Word template and convert.

import { table3RowsFor } from '../../server/src/core/template';
import type { ReportData } from './build-report';

const E = '';

/** 表三 with its 0s empty; （一）予以公开's 总计 written `publicTotal` (3 is right). */
export function blankT3(publicTotal: number): Record<string, (number | string)[]> {
  const t3: Record<string, (number | string)[]> = Object.fromEntries(table3RowsFor(false).map((r) => [r.id, [E, E, E, E, E, E, E]]));
  Object.assign(t3, {
    new: [E, 3, E, E, 1, E, 4],
    carried: [E, 1, E, E, E, E, 1],
    public: [E, 2, E, E, 1, E, publicTotal],
    partial: [E, 1, E, E, E, E, 1],
    'unable.1': [E, 1, E, E, E, E, 1],
    total: [E, 4, E, E, 1, E, 5],
  });
  return t3;
}

/** 表四 with no 行政复议 and no 复议后起诉: those groups empty. */
export const BLANK_T4: readonly (number | string)[] = [E, E, E, E, E, 1, E, E, E, 1, E, E, E, E, E];

/** The whole report, （一）予以公开's 总计 written `publicTotal`. */
export const blankZerosReport = (publicTotal: number): ReportData => ({ agency: '某某县自然资源局', year: 2024, t3: blankT3(publicTotal), t4: [...BLANK_T4] });
