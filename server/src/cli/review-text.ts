// The review page's own words (`check --format html`), Chinese and English;
// what is said about a report (messages, rule names, places) comes from the
// core's catalogs in the same language.

import { DEFAULT_STRINGS, type PreviewStrings, type Lang } from '../core/service';
import type { DefectCount } from './review-chart';

export interface ReviewText {
  title: string;
  reportsHeading: string;
  file: string;
  agency: string;
  year: string;
  template: string;
  templateName: (year: 2021 | 2019) => string;
  errors: string;
  warnings: string;
  /** The column of a rule family (`sum`, `section` …): its findings as errors / warnings. */
  family: (family: string) => string;
  familyNote: string;
  uncheckedHeading: string;
  chartHeading: string;
  chartCaption: string;
  chartCount: (c: DefectCount) => string;
  defectsTable: string;
  rule: string;
  reportsWith: string;
  findings: string;
  place: string;
  lineColumn: (line: number, column: number) => string;
  message: string;
  code: string;
  noFindings: string;
  tables: string;
  seeCell: string;
  unknown: string;
  sortHint: string;
  /** The table preview's words (the editor's preview has the same, from its l10n bundles). */
  preview: PreviewStrings;
}

const FAMILIES_ZH: Record<string, string> = {
  sum: '勾稽关系',
  section: '章节',
  table: '表格',
  cell: '单元格',
  prose: '正文与表格',
  text: '文本',
  year: '年份',
  'cross-year': '跨年度',
  preface: '前言',
  file: '文件',
};

const FAMILIES_EN: Record<string, string> = {
  sum: 'Sums',
  section: 'Sections',
  table: 'Tables',
  cell: 'Cells',
  prose: 'Prose',
  text: 'Text',
  year: 'Year',
  'cross-year': 'Cross-year',
  preface: 'Preface',
  file: 'File',
};

const ZH: ReviewText = {
  title: '政府信息公开工作年度报告审阅',
  reportsHeading: '报告一览',
  file: '文件',
  agency: '机关',
  year: '年度',
  template: '模板',
  templateName: (y) => (y === 2021 ? '2021 年版' : '2019 年试行版'),
  errors: '错误',
  warnings: '警告',
  family: (f) => FAMILIES_ZH[f] ?? f,
  familyNote: '各类规则一栏写“错误 / 警告”的个数。',
  uncheckedHeading: '未能检查的文件',
  chartHeading: '最常见的问题',
  chartCaption: '各类问题出现在多少份报告中',
  chartCount: (c) => `${c.reports} 份报告，${c.findings} 处`,
  defectsTable: '全部问题类别',
  rule: '规则',
  reportsWith: '报告数',
  findings: '问题',
  place: '位置',
  lineColumn: (line, column) => `第 ${line} 行第 ${column} 列`,
  message: '说明',
  code: '代码',
  noFindings: '未发现问题。',
  tables: '表格（问题所在单元格已标出）',
  seeCell: '在表格中查看',
  unknown: '—',
  sortHint: '点击表头可排序。',
  preview: DEFAULT_STRINGS,
};

const EN: ReviewText = {
  title: 'Government information disclosure annual reports: review',
  reportsHeading: 'Reports',
  file: 'File',
  agency: 'Agency',
  year: 'Year',
  template: 'Template',
  templateName: (y) => (y === 2021 ? '2021' : '2019 trial'),
  errors: 'Errors',
  warnings: 'Warnings',
  family: (f) => FAMILIES_EN[f] ?? f,
  familyNote: 'A rule family’s column gives its errors / warnings.',
  uncheckedHeading: 'Files not checked',
  chartHeading: 'Most common defects',
  chartCaption: 'How many reports have each defect',
  chartCount: (c) => `${c.reports} ${c.reports === 1 ? 'report' : 'reports'}, ${c.findings} ${c.findings === 1 ? 'finding' : 'findings'}`,
  defectsTable: 'All defects',
  rule: 'Rule',
  reportsWith: 'Reports',
  findings: 'Findings',
  place: 'Where',
  lineColumn: (line, column) => `line ${line}, column ${column}`,
  message: 'Message',
  code: 'Code',
  noFindings: 'No findings.',
  tables: 'Tables (the cells with findings marked)',
  seeCell: 'see in the table',
  unknown: '—',
  sortHint: 'Click a column heading to sort.',
  preview: {
    ...DEFAULT_STRINGS,
    noTables: 'No 表二, 表三 or 表四 found.',
    notFound: '(not found)',
    blank: '(blank)',
    lost: 'Cell lost in export',
    uncertain: 'Column inferred (the row lost a cell in export): not used in sums',
    expected: 'should be',
    rowSum: 'Row sum (computed)',
    leafSums: 'Sum of （一） to （六） (computed)',
    balance: 'Balance: 一 + 二 (computed; should equal （七）总计 + 四)',
    computedLabel: 'computed',
    tableProblems: 'Problems in this table',
    unknownSum: 'Uncertain cells: not computed',
  },
};

export function reviewText(lang: Lang): ReviewText {
  return lang === 'en' ? EN : ZH;
}
