// Builds a complete report text from data, in any of the five text layouts,
// so tests can inject one defect into an otherwise valid report and see the
// parser and rules react. Labels are the template's, as reports print them.

import type { TableLayout } from '../../server/src/core/model';
import { TABLE3_ROWS } from '../../server/src/core/template';
import { renderTable, table2Rows, table3Rows, table4Rows } from '../../server/src/core/template-text';

export interface ReportData {
  year?: number;
  agency?: string;
  layout?: TableLayout;
  /** 表三 values by row id: 7 strings or numbers (自然人 … 总计). Missing rows are all zeros. */
  t3?: Record<string, (number | string)[]>;
  /** 表四: 15 values. */
  t4?: (number | string)[];
  /** 表二 values: rules/normative are 3 values, the others 1. */
  t2?: Partial<Record<'rules' | 'normative' | 'licensing' | 'penalty' | 'coercion' | 'fees', (number | string)[]>>;
  feeHeader?: string;
  legacyOther?: boolean;
  /** Replace a section heading (index 0–5) or drop it (null). */
  headings?: (string | null | undefined)[];
  /** Text of sections 一, 五, 六 (index 0, 4, 5), and extra paragraphs appended to 二–四. */
  prose?: Partial<Record<number, string>>;
  preface?: string;
}

export const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** A consistent 表三: 5 received, 1 carried over, 5 handled, 1 carried forward. */
export function validT3(): Record<string, number[]> {
  const row = (natural: number, business = 0) => [natural, business, 0, 0, 0, 0, natural + business];
  return {
    new: row(4, 1),
    carried: row(1),
    public: row(2),
    partial: row(1),
    'unable.1': row(1, 1),
    total: row(4, 1),
    forward: row(1),
  };
}

export function validT4(): number[] {
  return [1, 0, 1, 0, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0];
}

export function buildReport(data: ReportData = {}): string {
  const year = data.year ?? 2022;
  const agency = data.agency ?? '某某市某某局';
  const layout = data.layout ?? 'tab-grid';
  const t3 = { ...validT3(), ...(data.t3 ?? {}) };
  const t4 = data.t4 ?? validT4();
  const t2 = { rules: [0, 0, 0], normative: [1, 0, 5], licensing: [85], penalty: [5990], coercion: [565], fees: [7.5], ...(data.t2 ?? {}) };
  const heading = (i: number) => (data.headings && data.headings[i] !== undefined ? data.headings[i] : HEADINGS[i]);
  const prose = (i: number, fallback: string) => data.prose?.[i] ?? fallback;

  const out: string[] = [];
  out.push(`${agency}${year}年政府信息公开工作年度报告`, '');
  out.push(data.preface ?? `本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, '');
  const section = (i: number, body: string[]) => {
    const h = heading(i);
    if (h !== null && h !== undefined) out.push(h, '');
    out.push(...body);
  };
  section(0, [prose(0, `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`), '']);
  section(1, [...renderTable(layout, table2Rows(t2, data.feeHeader)), '', ...(data.prose?.[1] ? [data.prose[1], ''] : [])]);
  section(2, [...renderTable(layout, table3Rows(t3, !!data.legacyOther)), '', ...(data.prose?.[2] ? [data.prose[2], ''] : [])]);
  section(3, [...renderTable(layout, table4Rows(t4)), '', ...(data.prose?.[3] ? [data.prose[3], ''] : [])]);
  section(4, [prose(4, '一是公开内容有待丰富。下一步，将进一步加强政策解读。'), '']);
  section(5, [prose(5, '本年度未收取信息处理费。'), '']);
  return out.join('\n');
}

export const ALL_LAYOUTS: TableLayout[] = ['tab-grid', 'cell-per-line', 'cell-per-paragraph', 'pdf-rows', 'pipe'];
export const T3_IDS = TABLE3_ROWS.map((r) => r.id);
