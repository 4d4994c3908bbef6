// sum.in-force: in 表二 第二十条第（一）项, 现行有效件数 ≥ 本年制发件数 − 本年废止件数
// (what was issued this year and not repealed is still in force). In the 2019
// trial form the block counts publication instead: 对外公开总数量, the
// documents published to date, includes the 本年新公开数量 published this year.
// 本年新制作数量 bounds neither (documents made last year can be published this year).

import { messagesFor } from '../i18n';
import { termValue } from '../identities';
import { TABLE2_BLOCKS, table2Form } from '../template';
import { finding, type Rule } from './types';

const ITEM1 = TABLE2_BLOCKS.find((b) => b.id === 'item1')!;

export const sumInForce: Rule = {
  code: 'sum.in-force',
  name: '表二现行有效件数不少于制发减废止',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, lang }) {
    const m = messagesFor(lang)['sum.in-force'];
    const block = report.tables.t2?.blocks.find((b) => b.id === 'item1');
    if (!block) return [];
    const form = table2Form(ITEM1, block.legacy);
    return block.rows.flatMap((row) => {
      if (row.cells.length !== 3) return [];
      const name = form.rows.find((r) => r.id === row.id)?.label ?? row.label.text;
      const [first, second, third] = row.cells.map((cell) => termValue(cell));
      if (block.legacy) {
        const [published, total] = [second, third];
        if (published === undefined || total === undefined || total >= published) return [];
        return [finding(sumInForce, row.cells[2]!.range, m.published2019(name, total, published), { related: [{ range: row.cells[1]!.range, message: m.publishedThisYear(published) }] })];
      }
      const [issued, repealed, inForce] = [first, second, third];
      if (issued === undefined || repealed === undefined || inForce === undefined || inForce >= issued - repealed) return [];
      return [finding(sumInForce, row.cells[2]!.range, m.message(name, inForce, issued, repealed), {
        related: [
          { range: row.cells[0]!.range, message: m.issued(issued) },
          { range: row.cells[1]!.range, message: m.repealed(repealed) },
        ],
      })];
    });
  },
};
