// sum.in-force: in 表二 第二十条第（一）项, 现行有效件数 ≥ 本年制发件数 − 本年废止件数
// (what was issued this year and not repealed is still in force).

import { messagesFor } from '../i18n';
import { termValue } from '../identities';
import { finding, type Rule } from './types';

export const sumInForce: Rule = {
  code: 'sum.in-force',
  name: '表二现行有效件数不少于制发减废止',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['sum.in-force'];
    const block = report.tables.t2?.blocks.find((b) => b.id === 'item1');
    // The 2019 columns (本年新制作/新公开/对外公开总数量) are not this identity.
    if (!block || report.tables.t2!.legacy) return [];
    return block.rows.flatMap((row) => {
      if (row.cells.length !== 3) return [];
      const [issued, repealed, inForce] = row.cells.map((cell) => termValue(cell));
      if (issued === undefined || repealed === undefined || inForce === undefined || inForce >= issued - repealed) return [];
      const name = row.id === 'rules' ? '规章' : '行政规范性文件';
      return [finding(sumInForce, row.cells[2]!.range, m.message(name, inForce, issued, repealed), {
        related: [
          { range: row.cells[0]!.range, message: m.issued(issued) },
          { range: row.cells[1]!.range, message: m.repealed(repealed) },
        ],
      })];
    });
  },
};
