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

export type Table2Figures = Record<'rules' | 'normative' | 'licensing' | 'penalty' | 'coercion' | 'fees', (number | string)[]>;

/**
 * One report's content with every default filled in: the single source the
 * text (buildReport), the portal page (portal-page.ts) and the Word file
 * (word-report.ts) are made from, so the same data is the same report in every form.
 */
export interface ReportContent {
  year: number;
  agency: string;
  title: string;
  preface: string;
  t2: Table2Figures;
  t3: Record<string, (number | string)[]>;
  t4: (number | string)[];
  feeHeader?: string | undefined;
  legacyOther: boolean;
  /** Each section's heading, null when the report leaves it out. */
  headings: (string | null)[];
  /** Each section's own paragraphs (一, 五, 六: the text; 二–四: prose after the table, maybe none). */
  prose: string[][];
}

export function reportContent(data: ReportData = {}): ReportContent {
  const year = data.year ?? 2022;
  const agency = data.agency ?? '某某市某某局';
  const lines = (text: string | undefined) => (text ? [text] : []);
  return {
    year,
    agency,
    title: `${agency}${year}年政府信息公开工作年度报告`,
    preface: data.preface ?? `本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    t2: { rules: [0, 0, 0], normative: [1, 0, 5], licensing: [85], penalty: [5990], coercion: [565], fees: [7.5], ...(data.t2 ?? {}) },
    t3: { ...validT3(), ...(data.t3 ?? {}) },
    t4: data.t4 ?? validT4(),
    feeHeader: data.feeHeader,
    legacyOther: !!data.legacyOther,
    headings: HEADINGS.map((h, i) => (data.headings && data.headings[i] !== undefined ? data.headings[i]! : h)),
    prose: [
      [data.prose?.[0] ?? `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`],
      lines(data.prose?.[1]),
      lines(data.prose?.[2]),
      lines(data.prose?.[3]),
      [data.prose?.[4] ?? '一是公开内容有待丰富。下一步，将进一步加强政策解读。'],
      [data.prose?.[5] ?? '本年度未收取信息处理费。'],
    ],
  };
}

export function buildReport(data: ReportData = {}): string {
  const layout = data.layout ?? 'tab-grid';
  const c = reportContent(data);
  const tables: Record<number, string[][]> = { 1: table2Rows(c.t2, c.feeHeader), 2: table3Rows(c.t3, c.legacyOther), 3: table4Rows(c.t4) };

  const out: string[] = [];
  out.push(c.title, '');
  out.push(c.preface, '');
  c.headings.forEach((h, i) => {
    if (h !== null) out.push(h, '');
    const table = tables[i];
    if (table) out.push(...renderTable(layout, table), '');
    for (const paragraph of c.prose[i]!) out.push(paragraph, '');
  });
  return out.join('\n');
}

export const ALL_LAYOUTS: TableLayout[] = ['tab-grid', 'cell-per-line', 'cell-per-paragraph', 'pdf-rows', 'pipe'];
export const T3_IDS = TABLE3_ROWS.map((r) => r.id);

/**
 * Pipe rows as HTML-to-text tools write a page's table: each row's cells joined by ` | ` with one after the last,
 * no separator row (a row whose first cell is empty, under a merged label, starts with ` | `).
 */
export function pipesAsConverted(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\|(?:---\|)+$/.test(l))
    .map((l) => l.replace(/^\| /, ''))
    .join('\n');
}
