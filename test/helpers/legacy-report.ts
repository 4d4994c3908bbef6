// A report in the 2019 trial template (国办公开办函〔2019〕60号): its 表二 as
// such reports print it (figures like the 平潭 2019/2020 reports'), in any layout.

import type { TableLayout } from '../../server/src/core/model';
import { renderTable, type Row } from '../../server/src/core/template-text';
import { buildReport, type ReportData } from './build-report';

export type Values = Partial<Record<'rules' | 'normative' | 'licensing' | 'otherServices' | 'penalty' | 'coercion' | 'fees' | 'procurement', string[]>>;

/** 表二 in the 2019 form; `headers` replaces a block's header cells (by caption item). */
export function table2of2019(values: Values = {}, headers: Partial<Record<string, string[]>> = {}): Row[] {
  const v: Required<Values> = {
    rules: ['0', '0', '0'],
    normative: ['9', '9', '21'],
    licensing: ['20', '18', '0'],
    otherServices: ['0', '0', '0'],
    penalty: ['88', '-18', '314'],
    coercion: ['7', '减1', '14'],
    fees: ['16', '减12'],
    procurement: ['48', '38518699.09元'],
    ...values,
  };
  const items = ['上一年项目数量', '本年增/减', '处理决定数量'];
  const block = (item: string, columns: string[], rows: [string, string[]][]): Row[] => [
    [`第二十条第（${item}）项`],
    ['信息内容', ...(headers[item] ?? columns)],
    ...rows.map(([label, cells]) => [label, ...cells]),
  ];
  return [
    ...block('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [['规章', v.rules], ['规范性文件', v.normative]]),
    ...block('五', items, [['行政许可', v.licensing], ['其他对外管理服务事项', v.otherServices]]),
    ...block('六', items, [['行政处罚', v.penalty], ['行政强制', v.coercion]]),
    ...block('八', items.slice(0, 2), [['行政事业性收费', v.fees]]),
    ...block('九', ['采购项目数量', '采购总金额'], [['政府集中采购', v.procurement]]),
  ];
}

/** A whole report (valid 表三 with the single （六） row, valid 表四) whose 表二 is `rows`. */
export function reportWith(rows: Row[], layout: TableLayout, data: ReportData = {}): string {
  const lines = buildReport({ layout, legacyOther: true, year: 2019, ...data }).split('\n');
  const start = lines.findIndex((l) => l.startsWith('二、')) + 2;
  const end = lines.findIndex((l) => l.startsWith('三、'));
  lines.splice(start, end - start, ...renderTable(layout, rows), '');
  return lines.join('\n');
}

