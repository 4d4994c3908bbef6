// A report written in the blank 2021 template Word file (../shared/raw) the
// way a clerk writes one: the title typed over, a preface added under it, the
// （文字描述） placeholders typed over with the text, a heading the report
// leaves out deleted, and the figures typed into the tables' cells (table →
// row → the row's last cells, XML order: test/helpers/docx.ts typeIntoTables).
// The content is build-report.ts's ReportData, the one source the text and the
// portal page are made from too. By default (WORD_FIGURES): 表三 （七）总计's
// 总计 and 表四 行政复议's 总计 one more than their parts.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { table3RowsFor } from '../../server/src/core/template';
import { reportContent, type ReportContent, type ReportData, type Table2Figures } from './build-report';
import { typeIntoTables } from './docx';
import { sharedDir } from './fixtures';

const t3Row = (natural: number, business: number) => [natural, business, 0, 0, 0, 0, natural + business];

/** The figures the Word report has always carried; `clean` mends its two wrong totals. */
export function wordFigures({ clean = false }: { clean?: boolean } = {}): ReportData {
  const zero = t3Row(0, 0);
  const t3: Record<string, number[]> = Object.fromEntries(table3RowsFor(false).map((r) => [r.id, zero]));
  Object.assign(t3, { new: t3Row(10, 2), carried: t3Row(2, 0), public: t3Row(5, 2), partial: t3Row(1, 0), 'deny.1': t3Row(1, 0), 'unable.1': t3Row(1, 0), forward: t3Row(4, 0) });
  t3.total = clean ? t3Row(8, 2) : [...t3Row(8, 2).slice(0, 6), 11];
  return {
    t2: { rules: [1, 0, 5], normative: [3, 1, 20], licensing: [100], penalty: [50], coercion: [3], fees: [0] },
    t3,
    t4: [2, 1, 0, 1, clean ? 4 : 5, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1],
  };
}

/** XML rows of the template's 表二 (table 0) that hold each row's figures. */
const T2_ROWS: Readonly<Record<keyof Table2Figures, number>> = { rules: 2, normative: 3, licensing: 6, penalty: 9, coercion: 10, fees: 13 };
/** 表三 (table 1): three header rows, then the 2021 form's rows in template order. */
const T3_FIRST_ROW = 3;
/** 表四 (table 2): three header rows, then the figures. */
const T4_ROW = 3;

export function wordReport(data: ReportData = wordFigures()): Uint8Array {
  if (data.legacyOther) throw new Error('the Word template is the 2021 form: no 2019 （六）其他处理 row');
  const report = reportContent(data);
  const template = new Uint8Array(readFileSync(path.join(sharedDir('raw'), '政务公开年报模版_2021.docx')));
  const typed = typeIntoTables(template, {
    0: Object.fromEntries(Object.entries(T2_ROWS).map(([id, row]) => [row, report.t2[id as keyof Table2Figures].map(String)])),
    1: Object.fromEntries(table3RowsFor(false).map((spec, i) => [T3_FIRST_ROW + i, (report.t3[spec.id] ?? t3Row(0, 0)).map(String)])),
    2: { [T4_ROW]: report.t4.map(String) },
  });
  const files = unzipSync(typed);
  files['word/document.xml'] = strToU8(writeText(new TextDecoder().decode(files['word/document.xml']), report));
  return zipSync(files);
}

const HEADINGS_IN_TEMPLATE = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
/** The placeholder paragraph under sections 一, 五 and 六. */
const PLACEHOLDERS: Readonly<Record<number, string>> = { 0: '（文字描述）', 4: '（文字描述）', 5: '（文字描述，收取信息处理费情况在此处报告。）' };

/** The template's paragraphs typed over: title, preface, headings, prose. */
function writeText(xml: string, report: ReportContent): string {
  const body = paragraphAt(xml, PLACEHOLDERS[0]!, 0);
  const as = (paragraph: string, key: string, text: string) => paragraph.replace(`<w:t>${key}</w:t>`, `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`);
  const edits: { start: number; end: number; xml: string }[] = [];
  const title = paragraphAt(xml, '政府信息公开工作年度报告格式模板', 0);
  edits.push({ ...title, xml: as(title.xml, '政府信息公开工作年度报告格式模板', report.title) + as(body.xml, PLACEHOLDERS[0]!, report.preface) });
  let tables = 0;
  HEADINGS_IN_TEMPLATE.forEach((key, k) => {
    const heading = paragraphAt(xml, key, 0);
    const text = report.headings[k];
    edits.push({ ...heading, xml: text === null || text === undefined ? '' : as(heading.xml, key, text) });
    const placeholder = PLACEHOLDERS[k];
    if (placeholder !== undefined) {
      const at = paragraphAt(xml, placeholder, heading.end);
      edits.push({ ...at, xml: report.prose[k]!.map((t) => as(at.xml, placeholder, t)).join('') });
    } else if (report.prose[k]!.length) {
      // Prose after the section's table: paragraphs in the body text's style, after the table.
      let end = -1;
      for (let i = 0; i <= tables; i++) end = xml.indexOf('</w:tbl>', end + 1);
      end += '</w:tbl>'.length;
      edits.push({ start: end, end, xml: report.prose[k]!.map((t) => as(body.xml, PLACEHOLDERS[0]!, t)).join('') });
    }
    if (k >= 1 && k <= 3) tables++;
  });
  edits.sort((a, b) => b.start - a.start);
  return edits.reduce((out, e) => out.slice(0, e.start) + e.xml + out.slice(e.end), xml);
}

/** The top-level paragraph holding the text run `key`, the first at or after `from`. */
function paragraphAt(xml: string, key: string, from: number): { start: number; end: number; xml: string } {
  const at = xml.indexOf(`<w:t>${key}</w:t>`, from);
  if (at < 0) throw new Error(`the Word template has no paragraph “${key}” any more`);
  const start = Math.max(xml.lastIndexOf('<w:p ', at), xml.lastIndexOf('<w:p>', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return { start, end, xml: xml.slice(start, end) };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One revision a reviewer makes with Track Changes on: in the table at `table` (0 表二, 1 表三, 2 表四), a cell's figure struck out and another put in. */
export interface TrackedFigure {
  readonly table: number;
  /** The figure as typed; its first run in the table, or its last with `last`. */
  readonly was: string;
  readonly now: string;
  readonly last?: boolean;
}

/**
 * The Word report with revisions tracked as Word writes them (`<w:del>` holding the old run's `<w:delText>`, then
 * `<w:ins>` holding the new run), and with `hidden` text (`<w:vanish/>`) put in front of a figure: what a reviewer sends
 * back to the writer, before anyone accepts the changes.
 */
export function withTrackedFigures(report: Uint8Array, edits: readonly TrackedFigure[], hidden?: { table: number; before: string; text: string }): Uint8Array {
  const files = unzipSync(report);
  const tables = new TextDecoder().decode(files['word/document.xml']).split('</w:tbl>');
  const mark = (id: number) => `w:id="${id}" w:author="审核人" w:date="2024-01-20T10:00:00Z"`;
  const run = (figure: string) => `<w:r><w:t>${figure}</w:t></w:r>`;
  edits.forEach((edit, k) => {
    const xml = tables[edit.table]!;
    const at = edit.last ? xml.lastIndexOf(run(edit.was)) : xml.indexOf(run(edit.was));
    if (at < 0) throw new Error(`no run of ${edit.was} in table ${edit.table}`);
    const revision = `<w:del ${mark(900 + 2 * k)}><w:r><w:delText>${edit.was}</w:delText></w:r></w:del><w:ins ${mark(901 + 2 * k)}>${run(edit.now)}</w:ins>`;
    tables[edit.table] = xml.slice(0, at) + revision + xml.slice(at + run(edit.was).length);
  });
  if (hidden) {
    const xml = tables[hidden.table]!;
    const at = xml.indexOf(run(hidden.before));
    if (at < 0) throw new Error(`no run of ${hidden.before} in table ${hidden.table}`);
    tables[hidden.table] = `${xml.slice(0, at)}<w:r><w:rPr><w:vanish/></w:rPr><w:t>${hidden.text}</w:t></w:r>${xml.slice(at)}`;
  }
  files['word/document.xml'] = strToU8(tables.join('</w:tbl>'));
  return zipSync(files);
}
