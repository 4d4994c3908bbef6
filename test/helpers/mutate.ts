// Random mutations of real reports, for the fuzz and fix-safety tests and
// scripts/fuzz-long.ts. A mutation is plain data (so fast-check prints a
// readable counterexample and shrinks it); positions are taken modulo the
// current length, so any integer is valid for any text.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import * as path from 'node:path';
import { buildReport, HEADINGS, pipesAsConverted, validT3, validT4 } from './build-report';
import { fixtureFiles, REPO_ROOT, sharedDir } from './fixtures';
import { flattenOneLine, htmlToMarkdownDefaults, htmlToTextDefaults, mutoolText, nodeHtmlMarkdown, pandoc, pdfminerText, pyHtml2text, textBrowserDump } from '../corpus/render';
import { pipedCells } from './piped-cells';
import { IMAGE_TEXT } from '../../server/src/core/text/images';
import { paragraphCells, portalPageHtml, wordMadeCells } from './portal-page';

const OWN_DIR = path.join(REPO_ROOT, 'test', 'corpus', 'own');

export interface Fixture {
  name: string;
  text: string;
}

/**
 * Pages saved by a crawler (../shared/crawled): the body on one line, read through its rendition. Three that
 * differ (the 2019 template, a 2021 table with errors, a part numbered 六 with a title of its own), not all
 * thirteen, to keep the fuzz quick.
 */
const CRAWLED = ['平潭综合实验区农业农村局_2019.txt', '平潭综合实验区农业农村局_2021.txt', '平潭综合实验区自然资源与生态环境局_2023.txt'];

/** Every report in test/fixtures/seeds and ../shared/corpus, and three crawled pages, in a stable order. */
export function loadFixtures(): Fixture[] {
  const crawled = CRAWLED.map((f) => ({ name: `crawled/${f}`, path: path.join(sharedDir('crawled'), f) }));
  return [...fixtureFiles(), ...crawled].map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') }));
}

/**
 * The fixtures, and reports built in two shapes published pages take once turned into text, full of blank cells:
 * pipes as HTML-to-text tools write them (`a | b |`), and one cell a line with blanks written as no-break spaces
 * (LibreOffice's text of a page); one cell a line closed by pipes; corpus pages as Markdown converters and
 * html-to-text write them with their defaults; a Word-made page whose tables turndown kept as HTML; and a page
 * in pandoc's Markdown. The fuzz
 * mutates these too; the other tests keep to the fixtures.
 */
export function loadFuzzFixtures(): Fixture[] {
  const blanks = (blank: string) => ({
    year: 2020,
    legacyOther: true,
    t3: { ...validT3(), public: [2, 0, 0, 0, 0, 0, blank], carried: [1, blank, blank, blank, blank, blank, 1], other: Array(7).fill(blank) },
    t4: [...validT4().slice(0, 10), ...Array(5).fill(blank)],
  });
  return [
    ...loadFixtures(),
    { name: 'built/pipes-as-converted', text: pipesAsConverted(buildReport({ layout: 'pipe', ...blanks('') })) },
    { name: 'built/cell-lines-written-blanks', text: buildReport({ layout: 'cell-lines', ...blanks('\u00a0') }) },
    // Markdown as converters write it with their defaults: cells broken over lines, bold and escaped cells.
    { name: 'own/legacy-2019 (turndown, defaults)', text: htmlToMarkdownDefaults(readFileSync(path.join(OWN_DIR, 'legacy-2019.html'), 'utf8')) },
    { name: 'own/blank-total-2021 (node-html-markdown)', text: nodeHtmlMarkdown(readFileSync(path.join(OWN_DIR, 'blank-total-2021.html'), 'utf8')) },
    // One cell a line closed by a pipe, blanks as pipes alone (piped-cells.ts); and html-to-text's inline tables.
    { name: 'built/piped-cells', text: pipedCells(portalPageHtml({ t3: blanks('').t3, splitCells: true }), 'after-cell') },
    { name: 'own/subheadings-2021 (html-to-text, defaults)', text: htmlToTextDefaults(readFileSync(path.join(OWN_DIR, 'subheadings-2021.html'), 'utf8')) },
    // Tables left as HTML in the Markdown (turndown keeps a table without a header row so).
    { name: 'built/word-page (turndown, defaults)', text: htmlToMarkdownDefaults(wordMadeCells(portalPageHtml({ t3: blanks('').t3 }))) },
    // pandoc's Markdown: styled spans around headings and figures, tables in columns between rules of dashes.
    { name: 'built/portal-page (pandoc markdown)', text: pandoc(portalPageHtml({ t3: blanks('').t3 }), 'html', 'markdown') },
    // A reviewer's scripts and text browsers: pipe rows without outer pipes (html2text), tables in box lines (w3m),
    // a blank line after every line of a PDF (MuPDF, pdfminer), a table's figures after its row names (pdfminer).
    { name: 'built/portal-page (html2text)', text: pyHtml2text(portalPageHtml({ t3: blanks('').t3 })) },
    // html2text of a page whose cells hold paragraphs: each cell on lines of its own between `|` lines (paragraph-pipes.ts).
    { name: 'built/word-page (html2text)', text: pyHtml2text(wordMadeCells(portalPageHtml({ t3: blanks('').t3 }))) },
    { name: 'built/portal-page (w3m)', text: textBrowserDump(portalPageHtml({ t3: blanks('').t3 }), 'w3m') },
    { name: 'raw/淮安市洪泽区人民政府_2024 (mutool)', text: mutoolText(path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2024.pdf')) },
    { name: 'raw/淮安市洪泽区人民政府_2023 (pdfminer)', text: pdfminerText(path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2023.pdf')) },
    // pandoc's grid table: a page whose cells hold two paragraphs (本年 / 制发件数).
    { name: 'built/portal-page (pandoc grid tables)', text: pandoc(paragraphCells(portalPageHtml({ t3: blanks('').t3, splitCells: true })), 'html', 'markdown') },
    // A portal's 繁體 page: a seed in traditional characters (OpenCC's conversion).
    { name: 'seeds/000 in traditional characters', text: OpenCC.Converter({ from: 'cn', to: 't' })(readFileSync(fixtureFiles()[0]!.path, 'utf8')) },
    // Parts worded as writers word them: found by a prefix, by the 2008 regulation's titles, by their numerals alone.
    { name: 'built/headings as writers word them', text: buildReport({ layout: 'cell-per-line', headings: WRITERS_HEADINGS }) },
    { name: 'built/parts numbered in brackets', text: buildReport({ layout: 'pipe', headings: BRACKETED_HEADINGS }) },
    // Headings with their parts' first words on their lines (parse/headings.ts headingWithRest).
    { name: 'built/headings with their words', text: buildReport({ layout: 'pdf-rows', headings: HEADINGS.map((h, k) => (k === 0 ? `${h}：本机关全面推进政务公开工作，` : k === 5 ? `${h}。无。` : h)), prose: { 0: '依法办理政府信息公开申请。', 5: '' } }) },
    // 表三 pasted as a picture (rules/table-missing.ts): the reader's mark where the table was.
    { name: 'built/表三 as a picture', text: buildReport().replace(/(三、收到和处理政府信息公开申请情况\n)[\s\S]*?(?=四、政府信息公开行政复议)/, `$1${IMAGE_TEXT}\n\n`) },
    // Pages as a crawler saves them (readers/flattened.ts): parts titled like no template title, found by their
    // numerals, with blocks run together; parts numbered in brackets.
    { name: 'own/clean-prose-2022 (one line, 一、基本情况 and 五、问题与打算)', text: crawledPage(readFileSync(path.join(OWN_DIR, 'clean-prose-2022.html'), 'utf8').replace('>一、总体情况<', '>一、基本情况<').replace('>五、存在的主要问题及改进情况<', '>五、问题与打算<'), true) },
    { name: 'own/subheadings-2021 (one line, parts numbered in brackets)', text: crawledPage(HEADINGS.reduce((html, h, k) => html.replace(`>${h}<`, `>${BRACKETED_HEADINGS[k]}<`), readFileSync(path.join(OWN_DIR, 'subheadings-2021.html'), 'utf8')), false) },
  ];
}

/** A page as the crawler of ../shared/crawled saves it; `glued`: no white space between its tags (blocks run together). */
function crawledPage(html: string, glued: boolean): string {
  return flattenOneLine(glued ? html.replace(/>\s+</g, '><') : html, 'https://www.example.gov.cn/art/2023/1/10/art_1.html');
}

/** Headings worded as writers word them (parse/headings.ts, assemble.ts placeByNumeral). */
export const WRITERS_HEADINGS = ['一、基本情况', '二、政府信息主动公开情况', '三、依申请公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开工作存在的主要问题及改进情况', '六、其他'];
/** The parts numbered in brackets, as a few reports number them (assemble.ts placeParenthesised). */
export const BRACKETED_HEADINGS = HEADINGS.map((h, k) => `（${'一二三四五六'[k]}）${h.slice(2)}`);

/**
 * The pieces random text is made of: what reports are made of and what
 * confuses parsers of them (the brief's alphabet, plus a few tokens that
 * make a random line look like a heading, a row label or a prose claim).
 */
export const TOKENS: readonly string[] = [
  '\t', '\t', ' ', '\n', '\r\n', '\r', '\n\n',
  ...'0123456789',
  ...'０１２３４５６７８９',
  ...'一二三四五六七八九十',
  ...'（）()，、.',
  '|', '/', '—', '-', '%', '：', '。', '；',
  '一、', '三、', '（七）', '(三)', '1.', '6、', '第二十条第（一）项', '第二部分 ', '六、其他', '（三）收到和处理政府信息公开申请情况', IMAGE_TEXT, '![](t3.png)', '〇',
  '总计', '合计', '自然人', '行政复议', '本年新收政府信息公开申请数量', '予以公开', '结转下年度继续办理',
  '件', '条', '余', '万', '元', '等', '共', '其中', '收到', '申请', '年', '2022年', '保留4位小数',
  '总体情况', '其他需要报告的事项', '[bookmark: _GoBack]', '- 4 -', '打印',
  '𠀀', '\uFEFF', '\u0000', '\uFFFD',
  // What layout tools and Markdown converters write around cells: a column's gap of spaces, a run of tabs, markup.
  ' '.repeat(300), '\t'.repeat(20), '**', ']{style="font-family:宋体"}', '<td>', '</td>', '|',
  // A text browser's table: bars, and a rule between rows.
  '│', '├────┼────┤', '+----+----+',
  // Traditional characters (a 繁體 page): typed into a simplified report, they can turn how it is read.
  '總體情況', '開', '報告',
  // What a web page's editor leaves unseen between what was typed: a zero-width space, a soft hyphen.
  '\u200b', '\u00ad',
];

export const tokenString = (maxTokens = 6) => fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: maxTokens }).map((t) => t.join(''));

export type Mutation =
  | { op: 'insertChars'; at: number; text: string }
  | { op: 'deleteChars'; at: number; length: number }
  | { op: 'replaceChars'; at: number; length: number; text: string }
  | { op: 'duplicateChars'; at: number; length: number }
  | { op: 'swapChars'; a: number; b: number }
  | { op: 'insertLine'; at: number; text: string }
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'copyLine'; from: number; to: number };

const pos = fc.nat({ max: 100_000 });
const len = fc.integer({ min: 1, max: 40 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insertChars' as const), at: pos, text: tokenString() }),
  fc.record({ op: fc.constant('deleteChars' as const), at: pos, length: len }),
  fc.record({ op: fc.constant('replaceChars' as const), at: pos, length: len, text: tokenString() }),
  fc.record({ op: fc.constant('duplicateChars' as const), at: pos, length: len }),
  fc.record({ op: fc.constant('swapChars' as const), a: pos, b: pos }),
  fc.record({ op: fc.constant('insertLine' as const), at: pos, text: tokenString(10) }),
  fc.record({ op: fc.constant('deleteLine' as const), at: pos }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: pos }),
  fc.record({ op: fc.constant('swapLines' as const), a: pos, b: pos }),
  fc.record({ op: fc.constant('copyLine' as const), from: pos, to: pos }),
);

export const mutationsArb = (max = 8) => fc.array(mutationArb, { minLength: 1, maxLength: max });

/** Lines with their breaks attached, so joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const at = (p: number, size = n + 1) => (size <= 0 ? 0 : p % size);
  switch (m.op) {
    case 'insertChars': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'deleteChars': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'replaceChars': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i + m.length);
    }
    case 'duplicateChars': {
      const i = at(m.at);
      return text.slice(0, i + m.length) + text.slice(i, i + m.length) + text.slice(i + m.length);
    }
    case 'swapChars': {
      if (n < 2) return text;
      let [a, b] = [at(m.a, n), at(m.b, n)];
      if (a > b) [a, b] = [b, a];
      if (a === b) return text;
      return text.slice(0, a) + text[b] + text.slice(a + 1, b) + text[a] + text.slice(b + 1);
    }
  }
  const lines = linesOf(text);
  const k = lines.length;
  switch (m.op) {
    case 'insertLine':
      lines.splice(at(m.at, k + 1), 0, `${m.text}\n`);
      break;
    case 'deleteLine':
      if (k) lines.splice(at(m.at, k), 1);
      break;
    case 'duplicateLine':
      if (k) {
        const i = at(m.at, k);
        lines.splice(i, 0, withBreak(lines[i]!));
      }
      break;
    case 'swapLines':
      if (k > 1) {
        const [a, b] = [at(m.a, k), at(m.b, k)];
        const [la, lb] = [withBreak(lines[a]!), withBreak(lines[b]!)];
        lines[a] = lb;
        lines[b] = la;
      }
      break;
    case 'copyLine':
      if (k) lines.splice(at(m.to, k + 1), 0, withBreak(lines[at(m.from, k)]!));
      break;
  }
  return lines.join('');
}

function withBreak(line: string): string {
  return /[\r\n]$/.test(line) ? line : `${line}\n`;
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** A fixture and what was done to it. */
export const mutatedFixtureArb = (fixtures: readonly Fixture[], max = 8) =>
  fc.record({ fixture: fc.constantFrom(...fixtures), mutations: mutationsArb(max) }).map(({ fixture, mutations }) => ({
    name: fixture.name,
    mutations,
    text: applyMutations(fixture.text, mutations),
  }));

/** One LSP-style edit (offsets into the current text), as an editor sends it. */
export interface Change {
  range: { start: number; end: number };
  text: string;
}

export const changeArb = fc.record({ a: pos, b: fc.nat({ max: 60 }), text: fc.oneof(fc.constant(''), tokenString()) });

/** One keystroke: a character typed, typed over or deleted (mostly inside a line: the in-place path). */
export const keystrokeArb = fc.record({
  a: pos,
  b: fc.constantFrom(0, 0, 1),
  text: fc.constantFrom('', '的', '1', '0', '9', '件', '条', '，', '。', ' ', '\t', '\n'),
});

/**
 * A keystroke in a table figure (parse/retyped-cell.ts's path): which figure (`pick`, modulo the figures the
 * current version has), where in it (`at`, modulo its length + 1), and a digit typed at, typed over or deleted
 * there, or a sign or a point typed (which the keystroke path must read again); or a character typed anywhere
 * (`pick` modulo the text's length), which moves the figures after it.
 */
export const figureKeystrokeArb = fc.record({
  pick: fc.nat(),
  at: fc.nat({ max: 20 }),
  kind: fc.constantFrom('insert', 'insert', 'over', 'delete', 'mark', 'elsewhere'),
  digit: fc.constantFrom('0', '1', '5', '9', '-', '.'),
});

export function changeFor(text: string, c: { a: number; b: number; text: string }): Change {
  const start = c.a % (text.length + 1);
  return { range: { start, end: Math.min(text.length, start + c.b) }, text: c.text };
}

/** Random changes made concrete, each in the coordinates the previous ones left (as an editor sends them). */
export function changesFor(text: string, raw: readonly { a: number; b: number; text: string }[]): Change[] {
  let current = text;
  return raw.map((c) => {
    const change = changeFor(current, c);
    current = current.slice(0, change.range.start) + change.text + current.slice(change.range.end);
    return change;
  });
}

/** Deterministic mutated fixtures without fast-check's runner (fix-safety, the long fuzz). */
export function sampleMutated(fixtures: readonly Fixture[], count: number, seed: number, max = 8) {
  return fc.sample(mutatedFixtureArb(fixtures, max), { numRuns: count, seed });
}
