// The template written out as report text, in any of the five layouts: for
// the "新建年度报告" command, for inserting a missing section, and for tests.

import type { TableLayout } from './model';
import { SECTIONS, TABLE2_BLOCKS, TABLE3_NOTE, table3RowsFor, type SectionId } from './template';

export type Row = string[];
type Values = (number | string)[];

export interface Table2Values {
  rules?: Values;
  normative?: Values;
  licensing?: Values;
  penalty?: Values;
  coercion?: Values;
  fees?: Values;
}

const zeros = (n: number) => Array.from({ length: n }, () => 0);

export function table2Rows(values: Table2Values = {}, feeHeader?: string): Row[] {
  const rows: Row[] = [];
  for (const block of TABLE2_BLOCKS.filter((b) => !b.legacyOnly)) {
    rows.push([block.caption]);
    const header = block.columns.map((c) => c.label);
    if (block.money && feeHeader) header[0] = feeHeader;
    rows.push(['信息内容', ...header]);
    for (const r of block.rows) {
      const v = (values as Record<string, Values | undefined>)[r.id] ?? zeros(block.columns.length);
      rows.push([r.label, ...v.map(String)]);
    }
  }
  return rows;
}

const GROUP_LABELS: Record<string, string> = { deny: '（三）不予公开', unable: '（四）无法提供', refuse: '（五）不予处理', other: '（六）其他处理' };

export function table3Rows(values: Record<string, Values> = {}, legacyOther = false): Row[] {
  const rows: Row[] = [
    [TABLE3_NOTE, '申请人情况'],
    ['自然人', '法人或其他组织', '总计'],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ];
  const seen = new Set<string>();
  for (const spec of table3RowsFor(legacyOther)) {
    const label: string[] = [];
    if (spec.id === 'public') label.push('三、本年度办理结果');
    const group = spec.group && GROUP_LABELS[spec.group];
    if (group && !seen.has(spec.group!)) {
      seen.add(spec.group!);
      label.push(group);
    }
    label.push(spec.label);
    rows.push([...label, ...(values[spec.id] ?? zeros(7)).map(String)]);
  }
  return rows;
}

export function table4Rows(values: Values = zeros(15)): Row[] {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [['行政复议', '行政诉讼'], [...five, '未经复议直接起诉', '复议后起诉'], [...five, ...five], values.map(String)];
}

/** Rows of cells as text lines in one of the five layouts of report-format.md §3. */
export function renderTable(layout: TableLayout, rows: Row[]): string[] {
  switch (layout) {
    case 'tab-grid':
      return rows.map((r) => r.join('\t'));
    case 'pipe':
      return rows.flatMap((r, i) => (i === 0 ? [`| ${r.join(' | ')} |`, `|${r.map(() => '---').join('|')}|`] : [`| ${r.join(' | ')} |`]));
    case 'cell-per-line':
      return rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']);
    case 'cell-per-paragraph':
      return rows.flatMap((r) => r.flatMap((c) => [c, '']));
    case 'cell-lines':
      return rows.flat();
    case 'pdf-rows':
      return rows.map((r) => r.join(' '));
    case 'run-together':
      // As a flattened page has them: the cells of a row with nothing between them.
      return rows.map((r) => r.join(''));
    case 'box':
      // As a text browser draws a table: each row between bars, a rule under it.
      return ['─'.repeat(8), ...rows.flatMap((r) => [`│${r.join('│')}│`, '─'.repeat(8)])];
    case 'html':
      // As turndown leaves a table it keeps as HTML: the whole table on one line.
      return [`<table><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`];
  }
}

export function placeholder(what: string): string {
  return `【待填写：${what}】`;
}

/** A section as the template has it: heading, then its zero-filled table or a placeholder. */
export function sectionLines(id: SectionId, layout: TableLayout): string[] {
  const spec = SECTIONS.find((s) => s.id === id)!;
  const heading = `${spec.numeral}、${spec.title}`;
  switch (id) {
    case 2: return [heading, '', ...renderTable(layout, table2Rows()), ''];
    case 3: return [heading, '', ...renderTable(layout, table3Rows()), ''];
    case 4: return [heading, '', ...renderTable(layout, table4Rows()), ''];
    default: return [heading, '', placeholder(spec.contains), ''];
  }
}

export interface NewReportOptions {
  year: number;
  agency: string;
  layout?: TableLayout;
}

/** A full 2021-template report: tables zero-filled, prose left as marked placeholders. */
export function renderNewReport({ year, agency, layout = 'tab-grid' }: NewReportOptions): string {
  const lines = [
    `${agency}${year}年政府信息公开工作年度报告`,
    '',
    `本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  ];
  for (const s of SECTIONS) lines.push(...sectionLines(s.id, layout));
  return lines.join('\n');
}
