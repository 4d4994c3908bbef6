// Writes syntaxes/gov-report.tmLanguage.json (scope text.gov-report) from the
// template (server/src/core/template.ts), so the highlighter knows every label
// the checker knows and no label is spelled twice. `--check` fails when the
// committed grammar differs from what this would write (npm run test:grammar).
//
//   npm run grammar                        regenerate after changing template.ts or this file
//
// Scopes (what a theme colours):
//   markup.heading.title                    the report's title line
//   markup.heading.section                  一、总体情况 … 六、其他需要报告的事项 (also 一 、 一. 1、 6、)
//     punctuation.definition.heading(.arabic)   its numbering (.arabic for 1、 … 6、)
//     entity.name.section                   its title
//   markup.list.numbered                    sub-item numbering at a line start: （一） (一) （1） (1) 1、 1.
//   entity.name.type.table-caption          表二 block captions: 第二十条第（一）项
//   support.variable.table-label            table row labels and column headers, in a table cell (blue in the
//                                           built-in themes; attribute-name, the usual choice, is red in light ones)
//                                           (一、本年新收政府信息公开申请数量 is a label, never a heading)
//   comment.line.table-note                 表三's note （本列数据的勾稽关系为：…）
//   constant.numeric                        numbers; keyword.other.unit after them (件 条 万元 % …),
//                                           keyword.operator.approximate for 余 (83余条)
//   constant.other.date(.year)              2022年1月1日, 2023-01-19; 2022年, 2022年度
//   comment.block.debris.*                  export debris (greyed; text.artifact warns about it): .bookmark [bookmark: …], .web-chrome
//                                           (字号 · 打印 · 语音播报 …), .page-number (- 4 -, 第 4 页)

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  SECTIONS,
  TABLE2_BLOCKS,
  TABLE2_LEGACY_COLUMNS,
  TABLE2_LEGACY_ROWS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
} from '../../server/src/core/template';

export const GRAMMAR_PATH = path.resolve(__dirname, '..', '..', 'syntaxes', 'gov-report.tmLanguage.json');

const SP = '[ 　\\x{00A0}]'; // a space, half or full width
const WS = '[ \\t　\\x{00A0}]'; // … or a tab
const DIGIT = '[0-9０-９]';

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
}

/** A label's text as a pattern: full- or half-width brackets and punctuation, quotes optional. */
function flexible(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') out += `[（(]${SP}*`;
    else if (ch === '）' || ch === ')') out += `${SP}*[）)]`;
    else if (ch === '，' || ch === ',') out += `[，,]${SP}*`;
    else if (ch === '：' || ch === ':') out += `[：:]${SP}*`;
    else if (ch === '“' || ch === '”' || ch === '"') out += '[“”"]?';
    else if (ch === '、') out += `[、，,]${SP}*`;
    else out += escape(ch);
  }
  return out;
}

/** 一、 （三） 1. at the start of a label, written any of the usual ways. */
function numberingPattern(numbering: string): string {
  if (/^[一二三四五六七八九十]+、$/.test(numbering)) return `${numbering.slice(0, -1)}${SP}*[、.．]${SP}*`;
  if (/^（[一二三四五六七八九十]+）$/.test(numbering)) return `[（(]${numbering.slice(1, -1)}[）)]${SP}*`;
  if (/^\d+\.$/.test(numbering)) return `${DIGIT}{1,2}${SP}*[.．、]${SP}*`;
  throw new Error(`unknown numbering ${numbering}`);
}

/** A label as a pattern: its numbering optional, a trailing note in brackets optional. */
function labelPattern(label: string): string {
  const m = /^((?:[一二三四五六七八九十]+、)|(?:（[一二三四五六七八九十]+）)|(?:\d+\.))?(.*)$/.exec(label)!;
  const [, numbering, rest] = m;
  const note = /^(.+?)(（[^（）]+）)$/.exec(rest!);
  const body = note ? `${flexible(note[1]!)}(?:${SP}*${flexible(note[2]!)})?` : flexible(rest!);
  return numbering ? `(?:${numberingPattern(numbering)})?${body}` : body;
}

function alternation(patterns: Iterable<string>): string {
  // Longest first, so a label that begins another is tried after it.
  return [...new Set(patterns)].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
}

// ------------------------------------------------------------------ what the template says

const tableLabels = [
  ...TABLE3_ROWS.flatMap((r) => [r.label, ...(r.aliases ?? [])]),
  ...TABLE3_GROUPS.map((g) => g.label),
  ...TABLE3_COLUMNS.map((c) => c.label),
  TABLE3_LEGAL_PERSON_GROUP,
  '申请人情况',
  '信息内容',
  ...TABLE2_BLOCKS.flatMap((b) => [...b.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]), ...b.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])]),
  ...TABLE2_LEGACY_COLUMNS,
  ...TABLE2_LEGACY_ROWS,
  ...TABLE4_GROUPS.flatMap((g) => [g.label, ...(g.parent ? [g.parent] : [])]),
  ...TABLE4_COLUMNS.map((c) => c.label),
];
const LABEL = alternation(tableLabels.map(labelPattern));

const sectionTitles = SECTIONS.flatMap((s) => [s.title, ...s.aliases]);
// Wordings seen beyond the known aliases: a short prefix before a title's core.
const SECTION_CORES = ['总体(?:工作)?情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议[、和及]?(?:提起)?行政诉讼情况', '存在的?(?:主要)?问题(?:及|和)改进情况', '其他需要报告的事项', '下一步工作(?:打算|计划)?'];
const SECTION_TITLE = `${alternation(sectionTitles.map(flexible))}|[^\\s 　，。；：]{0,12}?(?:${SECTION_CORES.join('|')})`;

const CHROME_WORDS = ['字号', '字号:', '字号：', '打印', '【打印】', '关闭', '【关闭】', '关闭窗口', '语音播报', '简明问答', '图文解读', '分享', '分享到', '分享到:', '收藏', '【收藏】', '默认', '【大】', '【中】', '【小】'];
const CHROME_SINGLE = ['大', '中', '小', '[', ']', '【', '】'];
const CHROME_SEP = '[•·|｜]';

const UNITS = ['个工作日', '工作日', '人次', '件次', '场次', '个月', '万元', '亿元', '元', '件', '条', '个', '次', '份', '篇', '期', '项', '家', '场', '名', '人', '天', '户', '批', '页', '部', '宗', '起', '%', '％'];

const YEAR = `(?:19|20|１９|２０)${DIGIT}{2}`;
const NUMBER = `${DIGIT}+(?:[,，][0-9]{3})*(?:[.．]${DIGIT}+)?`;
/** Where a table cell starts: a line start (after indentation), a tab, a pipe, or a bookmark's end. */
const CELL_START = `(?:^|(?<=[\\t|｜\\]]))${WS}*`;
/** Where a label cell ends: the line, a tab or pipe, or the numbers of a PDF row. */
const CELL_END = `(?=${WS}*(?:$|[\\t|｜])|${SP}+${DIGIT})`;

// ------------------------------------------------------------------ the grammar

type Rule = Record<string, unknown>;

/** A section heading up to its title (bookmarks, numbering, title): alone on its line, or with the section's first words after it. */
const SECTION_HEADING = `^((?:${WS}*\\[bookmark:[^\\]]*\\])*)${WS}*(?:([一二三四五六](?:${SP}*[、.．，,]|${SP}+))|([1-6１-６]${SP}*[、.．]))${SP}*(${SECTION_TITLE})`;
const SECTION_HEADING_CAPTURES = {
  1: { name: 'comment.block.debris.bookmark.gov-report' },
  2: { name: 'punctuation.definition.heading.gov-report' },
  3: { name: 'punctuation.definition.heading.arabic.gov-report' },
  4: { name: 'entity.name.section.gov-report' },
};

export function buildGrammar(): Rule {
  const repository: Record<string, Rule> = {
    'page-number': {
      comment: 'A PDF page number on a line of its own: - 4 -, 第 4 页, 第4页 共12页.',
      match: `^${WS}*(?:[-—–－]${SP}*${DIGIT}{1,4}${SP}*[-—–－]|第${SP}*${DIGIT}{1,4}${SP}*页(?:${SP}*[，,]?${SP}*共${SP}*${DIGIT}{1,4}${SP}*页)?)${WS}*$`,
      name: 'comment.block.debris.page-number.gov-report',
    },
    'web-chrome': {
      comment: 'A web page control bar copied with the text: • 字号: | • 打印, 语音播报 | 简明问答 | 图文解读.',
      match: `^${WS}*(?:(?:${CHROME_SEP}${WS}*)*(?:${alternation(CHROME_WORDS.map(escape))})(?:${WS}*(?:${alternation([...CHROME_WORDS, ...CHROME_SINGLE].map(escape))}|${CHROME_SEP}))*|•(?:${WS}|${CHROME_SEP})*)${WS}*$`,
      name: 'comment.block.debris.web-chrome.gov-report',
    },
    'section-heading': {
      comment: 'One of the six sections, alone on a line: 一、总体情况 (also 一 、, 一., 1、, 6、) and the accepted wordings. 表三 rows such as 一、本年新收… have other titles and do not match.',
      match: `${SECTION_HEADING}${SP}*[。.：:]?${WS}*$`,
      name: 'markup.heading.section.gov-report',
      captures: SECTION_HEADING_CAPTURES,
    },
    'section-heading-with-text': {
      comment: 'A section heading with the section\'s first words after it on its line (六、其他需要报告的事项：无。): the heading, then text. Not before a figure standing alone (a table row\'s cells); a year (2022年) is words.',
      match: `${SECTION_HEADING}(?=[：:。（(]|${SP}+(?![0-9０-９][0-9０-９.,，]*(?:\\s|$)))`,
      name: 'markup.heading.section.gov-report',
      captures: SECTION_HEADING_CAPTURES,
    },
    title: {
      comment: 'The title line (or its last part when it wraps): …2022年政府信息公开工作年度报告.',
      match: `^${WS}*((?=\\S)[^\\t。，；：:、]{0,40}?(?:政府信息公开)?(?:工作)?年度报告)${WS}*$`,
      captures: { 1: { name: 'markup.heading.title.gov-report', patterns: [{ include: '#date' }, { include: '#year' }] } },
    },
    'table-note': {
      comment: '表三 header note: （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      match: '[（(]?本列数据的勾稽关系为[^）)]*[）)]?',
      name: 'comment.line.table-note.gov-report',
    },
    'table-header-line': {
      comment: 'A line holding only column headers separated by spaces (PDF text): 信息内容 本年制发件数 本年废止件数 现行有效件数.',
      begin: `^(?=${WS}*(?:${LABEL})(?:${WS}+(?:${LABEL}))+${WS}*$)`,
      end: '$',
      name: 'meta.table.header.gov-report',
      patterns: [{ match: `(?:^|(?<=${WS}))(?:${LABEL})(?=${WS}|$)`, name: 'support.variable.table-label.gov-report' }],
    },
    'table-caption': {
      comment: '表二 block captions, in a cell: 第二十条第（一）项, 第二十条 第(五)项.',
      match: `${CELL_START}(第二十条${SP}*第[（(][一二三四五六七八九十][）)]项)(?=${WS}*(?:$|[\\t|｜]))`,
      captures: { 1: { name: 'entity.name.type.table-caption.gov-report' } },
    },
    'table-label': {
      comment: 'A table row label or column header, as a whole cell. Matched before headings and sub-items, so 一、本年新收政府信息公开申请数量 and 1.属于国家秘密 are labels.',
      match: `${CELL_START}(${LABEL})${CELL_END}`,
      captures: { 1: { name: 'support.variable.table-label.gov-report' } },
    },
    bookmark: {
      comment: 'Word bookmark debris left by export: [bookmark: OLE_LINK1]',
      match: '\\[bookmark:[^\\]]*\\]',
      name: 'comment.block.debris.bookmark.gov-report',
    },
    'sub-item': {
      comment: 'Numbering at the start of a line: （一） (一) （1） (1) 1、 1. – not 3.5 or 2022.',
      match: `^${WS}*((?:（[一二三四五六七八九十]{1,3}）|\\([一二三四五六七八九十]{1,3}\\)|（${DIGIT}{1,2}）|\\(${DIGIT}{1,2}\\)|${DIGIT}{1,2}[、.．](?!${DIGIT})))`,
      name: 'markup.list.numbered.gov-report',
      captures: { 1: { name: 'punctuation.definition.list.begin.gov-report' } },
    },
    date: {
      comment: 'Dates: 2022年1月1日, 2023 年 12 月 31 日, 2022年12月, 12月31日, 2023-01-19, 2023.1.19.',
      patterns: [
        { match: `(?<!${DIGIT})${YEAR}${SP}*年${SP}*${DIGIT}{1,2}${SP}*月(?:${SP}*${DIGIT}{1,2}${SP}*日)?`, name: 'constant.other.date.gov-report' },
        { match: `(?<![0-9０-９.．])${DIGIT}{1,2}${SP}*月${SP}*${DIGIT}{1,2}${SP}*日`, name: 'constant.other.date.gov-report' },
        { match: `(?<![0-9])(?:19|20)[0-9]{2}([-/.])[01]?[0-9]\\1[0-3]?[0-9](?![0-9])`, name: 'constant.other.date.gov-report' },
      ],
    },
    year: {
      comment: 'A year: 2022年, 2022 年, 2022年度.',
      match: `(?<!${DIGIT})${YEAR}${SP}*年度?`,
      name: 'constant.other.date.year.gov-report',
    },
    'number-with-unit': {
      comment: 'A number and its unit: 872条, 57.8374万元, 83余条, 4.5万条, 23.5%.',
      match: `(?<![0-9０-９.．A-Za-z_])(${NUMBER})${SP}*(余)?${SP}*((?:万|亿)?(?:${UNITS.map(escape).join('|')})|万|亿)`,
      captures: {
        1: { name: 'constant.numeric.gov-report' },
        2: { name: 'keyword.operator.approximate.gov-report' },
        3: { name: 'keyword.other.unit.gov-report' },
      },
    },
    number: {
      comment: 'ASCII or full-width digits, thousands separators, decimals: 872, 3,050, 57.8374, ２０２２.',
      match: `(?<![0-9０-９.．A-Za-z_])${NUMBER}(?![0-9０-９A-Za-z_])`,
      name: 'constant.numeric.gov-report',
    },
  };
  const order = ['page-number', 'web-chrome', 'section-heading', 'section-heading-with-text', 'title', 'table-note', 'table-header-line', 'table-caption', 'table-label', 'bookmark', 'sub-item', 'date', 'year', 'number-with-unit', 'number'];
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Gov Report',
    scopeName: 'text.gov-report',
    comment: 'Generated by scripts/grammar/generate.ts from server/src/core/template.ts: edit those, then run `npm run grammar`.',
    patterns: order.map((key) => ({ include: `#${key}` })),
    repository,
  };
}

export function grammarText(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

function main(): void {
  const text = grammarText();
  if (process.argv.includes('--check')) {
    const current = readFileSync(GRAMMAR_PATH, 'utf8');
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), GRAMMAR_PATH)} 与 scripts/grammar/generate.ts 的输出不一致：请运行 npm run grammar。 (The grammar is out of date: run npm run grammar.)`);
      process.exit(1);
    }
    console.log('grammar: up to date');
    return;
  }
  writeFileSync(GRAMMAR_PATH, text);
  console.log(`wrote ${path.relative(process.cwd(), GRAMMAR_PATH)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
