// The acceptance corpus (issue 12): every source report, each rendition of it
// made with real tools, its hand-checked expectations (test/corpus/expected,
// format in test/corpus/README.md), and the acceptance rule applied to what
// the checker finds in a rendition.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Range, Report, TableRow } from '../../server/src/core/model';
import type { Finding } from '../../server/src/core/rules/types';
import { readOriginal } from '../../server/src/core/readers/original';
import { check, parseDocument } from '../../server/src/core/service';
import { TABLE2_BLOCKS, TABLE3_COLUMNS } from '../../server/src/core/template';
import { REPO_ROOT, SEEDS_DIR, sharedDir } from '../helpers/fixtures';
import {
  flattenOneLine, htmlToMarkdown, htmlToMarkdownDefaults, htmlToText, htmlToTextDefaults, mutoolText, nodeHtmlMarkdown, pandoc, pdfminerText, pdftotext,
  pdfjsViewerText, pyHtml2text, pymupdfText, soupText, textBrowserDump,
} from './render';
import { copiedText, printedPdf, printedPdfOf, savedPage, withoutBorders } from './print';

export const OWN_DIR = path.join(REPO_ROOT, 'test', 'corpus', 'own');
export const EXPECTED_DIR = path.join(REPO_ROOT, 'test', 'corpus', 'expected');

export type TableId = 't2' | 't3' | 't4';

/**
 * Where a defect is (test/corpus/README.md): a cell, a row (label and cells), a column (header and
 * cells), a table or 表二 block, `absent` (the row or column is not printed: anywhere in its table or
 * block), a prose snippet, or a part's heading. Columns are template column ids or 0-based indexes.
 */
export type Where =
  | { table: TableId; block?: string; row?: string; column?: string | number; cell?: number; absent?: boolean }
  | { prose: string }
  | { section: number };

export interface ExpectedDefect {
  where: Where;
  codes: string[];
  why: string;
  /**
   * A prose figure's defect: the table it contradicts (it cannot be found where that table is declared
   * unreadable), or the 表三 row, which the checker may have read without certainty (then it must say so there).
   */
  against?: TableId | { table: 't3'; row: string };
}

export interface Expectation {
  source: string;
  checkedBy: string;
  year?: number;
  template?: string;
  defects: ExpectedDefect[];
  /** Findings that are right or defensible but not required: matching one is neither required nor counted. */
  acceptable?: ExpectedDefect[];
  notes?: string;
}

export interface Rendition {
  /** `<file> (<how>)`, e.g. `own/legacy-2019.html (markdown)`, `raw/淮安市人民政府_2024.pdf (pdftotext -layout)`; a text read as it is has no suffix. */
  id: string;
  /** The source id the expectations are filed under: `own/legacy-2019`, `crawled/平潭…_2022`. */
  source: string;
  how: string;
  text: () => string;
  /**
   * An original (web page, Word file, PDF) read by the checker's own reader, which is asynchronous:
   * `withText` reads it once before judging, and `text` is then its rendition.
   */
  read?: () => Promise<string>;
  /** Tables this rendition cannot show at all (their defects are not required); rare, justified where declared. */
  unreadable?: TableId[];
}

/**
 * Tables a rendition cannot show at all, by rendition id: their defects are not required there, and
 * the checker's table.shape warning that says so is not counted as extra. Rare, and each entry says why.
 */
const UNREADABLE: Readonly<Record<string, TableId[]>> = {
  // poppler's pdftotext without -layout writes 表三 block by block: the rows' labels first, then the numbers
  // column by column (see the rendition: `node --import tsx test/corpus/show.ts '<id>' --text`). No reader can
  // put them back into rows; the checker says so once (table.shape) and sums nothing.
  'raw/淮安市洪泽区人民政府_2023.pdf (pdftotext)': ['t3'],
  'raw/淮安市洪泽区人民政府_2024.pdf (pdftotext)': ['t3'],
  // The same for 淮安市 2024's 表三, and its 表四's numbers come interleaved with the header words of another group.
  'raw/淮安市人民政府_2024.pdf (pdftotext)': ['t3', 't4'],
  // pdfminer's pdf2txt writes each table's row names first and its figures after them, a line each, column by column
  // and box by box: 表二 and 表三 cannot be put back into rows. 表三 says so (its figures apart from its row names).
  'raw/淮安市人民政府_2024.pdf (pdfminer)': ['t2', 't3'],
  'raw/淮安市洪泽区人民政府_2023.pdf (pdfminer)': ['t2', 't3'],
  'raw/淮安市洪泽区人民政府_2024.pdf (pdfminer)': ['t2', 't3'],
};

const sourceId = (dir: string, file: string) => `${dir}/${file.replace(/\.[^.]+$/, '')}`;
const filesIn = (dir: string, ext: string) => readdirSync(dir).filter((f) => f.endsWith(ext)).sort();

/**
 * Every rendition of every source: own HTML pages (14 tools, 19 renditions), shared PDFs (pypdf text, pdftotext twice,
 * mutool, pdfminer, PyMuPDF, our reader), seeds and crawled pages as they are.
 */
export function renditions(): Rendition[] {
  const out: Rendition[] = [];
  for (const file of filesIn(OWN_DIR, '.html')) {
    const html = () => readFileSync(path.join(OWN_DIR, file), 'utf8');
    const source = sourceId('own', file);
    out.push({ id: `own/${file} (html-to-text)`, source, how: 'html-to-text', text: () => htmlToText(html()) });
    out.push({ id: `own/${file} (markdown)`, source, how: 'markdown', text: () => htmlToMarkdown(html()) });
    out.push({ id: `own/${file} (html-to-text, defaults)`, source, how: 'html-to-text with its defaults', text: () => htmlToTextDefaults(html()) });
    out.push({ id: `own/${file} (turndown, defaults)`, source, how: 'turndown + GFM with their defaults', text: () => htmlToMarkdownDefaults(html()) });
    out.push({ id: `own/${file} (node-html-markdown)`, source, how: 'node-html-markdown', text: () => nodeHtmlMarkdown(html()) });
    out.push({ id: `own/${file} (pandoc markdown)`, source, how: 'pandoc -t markdown', text: () => pandoc(html(), 'html', 'markdown') });
    out.push({ id: `own/${file} (pandoc plain)`, source, how: 'pandoc -t plain', text: () => pandoc(html(), 'html', 'plain') });
    out.push({ id: `own/${file} (html2text)`, source, how: "Python's html2text with its defaults", text: () => pyHtml2text(html()) });
    out.push({ id: `own/${file} (BeautifulSoup)`, source, how: "BeautifulSoup's get_text()", text: () => soupText(html(), false) });
    out.push({ id: `own/${file} (BeautifulSoup, a line a string)`, source, how: "BeautifulSoup's get_text('\\n', strip=True)", text: () => soupText(html(), true) });
    out.push({ id: `own/${file} (lynx)`, source, how: 'lynx -dump', text: () => textBrowserDump(html(), 'lynx') });
    out.push({ id: `own/${file} (w3m)`, source, how: 'w3m -dump', text: () => textBrowserDump(html(), 'w3m') });
    out.push({ id: `own/${file} (links)`, source, how: 'links -dump', text: () => textBrowserDump(html(), 'links') });
    out.push({ id: `own/${file} (elinks)`, source, how: 'elinks -dump', text: () => textBrowserDump(html(), 'elinks') });
    out.push({ id: `own/${file} (copied from Chromium)`, source, how: 'the page selected whole in Chromium and copied as text', text: () => '', read: () => copiedText(path.join(OWN_DIR, file)) });
    out.push({ id: `own/${file} (one-line)`, source, how: 'one-line', text: () => flattenOneLine(html(), `https://www.example.gov.cn/zwgk/nb/${file}`) });
    out.push({ id: `own/${file} (html reader)`, source, how: 'html reader', text: () => '', read: () => readOriginalText(readFileSync(path.join(OWN_DIR, file))) });
    out.push({ id: `own/${file} (saved as one file by Chromium)`, source, how: 'Chromium: save page as a single file (.mhtml), read by the html reader', text: () => '', read: async () => readOriginalText(await savedPage(path.join(OWN_DIR, file))) });
    out.push({ id: `own/${file} (chromium pdf)`, source, how: 'chromium pdf', text: () => '', read: async () => readOriginalText(await printedPdf(path.join(OWN_DIR, file))) });
    const unruled = async () => readOriginalText(await printedPdfOf(withoutBorders(readFileSync(path.join(OWN_DIR, file), 'utf8'))));
    out.push({ id: `own/${file} (chromium pdf, no borders)`, source, how: 'chromium pdf, tables without borders', text: () => '', read: unruled });
  }
  const raw = sharedDir('raw');
  const pypdf = sharedDir('corpus');
  for (const file of filesIn(raw, '.pdf')) {
    const source = sourceId('raw', file);
    const extract = path.join(pypdf, file.replace(/\.pdf$/, '_pypdf-extract.txt'));
    if (existsSync(extract)) out.push({ id: `corpus/${path.basename(extract)} (pypdf)`, source, how: 'pypdf', text: () => readFileSync(extract, 'utf8') });
    out.push({ id: `raw/${file} (pdftotext)`, source, how: 'pdftotext', text: () => pdftotext(path.join(raw, file), false) });
    out.push({ id: `raw/${file} (pdftotext -layout)`, source, how: 'pdftotext -layout', text: () => pdftotext(path.join(raw, file), true) });
    out.push({ id: `raw/${file} (mutool)`, source, how: 'mutool draw -F txt', text: () => mutoolText(path.join(raw, file)) });
    out.push({ id: `raw/${file} (pdfminer)`, source, how: "pdfminer.six's pdf2txt", text: () => pdfminerText(path.join(raw, file)) });
    out.push({ id: `raw/${file} (PyMuPDF)`, source, how: "PyMuPDF's page.get_text()", text: () => pymupdfText(path.join(raw, file)) });
    out.push({ id: `raw/${file} (copied from Firefox's PDF viewer)`, source, how: "pdf.js's text layer, as Firefox's PDF viewer copies a page", text: () => '', read: () => pdfjsViewerText(new Uint8Array(readFileSync(path.join(raw, file)))) });
    out.push({ id: `raw/${file} (pdf reader)`, source, how: 'pdf reader', text: () => '', read: async () => readOriginalText(readFileSync(path.join(raw, file))) });
  }
  for (const file of filesIn(SEEDS_DIR, '.txt')) {
    out.push({ id: `seeds/${file}`, source: sourceId('seeds', file), how: 'as published', text: () => readFileSync(path.join(SEEDS_DIR, file), 'utf8') });
  }
  const crawled = sharedDir('crawled');
  for (const file of filesIn(crawled, '.txt')) {
    out.push({ id: `crawled/${file}`, source: sourceId('crawled', file), how: 'one line as crawled', text: () => readFileSync(path.join(crawled, file), 'utf8') });
  }
  return out.map((r) => (UNREADABLE[r.id] ? { ...r, unreadable: UNREADABLE[r.id] } : r));
}

/** The checker's own reading of an original (a web page, a PDF), from the bytes a user hands over: its rendition text, or a thrown problem. */
async function readOriginalText(bytes: Uint8Array): Promise<string> {
  const outcome = await readOriginal(new Uint8Array(bytes));
  if (!outcome?.ok) throw new Error(`not read: ${JSON.stringify(outcome)}`);
  return outcome.rendition.text;
}

/** The rendition with its text ready for `judge` (an original read by its reader first). */
export async function withText(rendition: Rendition): Promise<Rendition> {
  if (!rendition.read) return rendition;
  const text = await rendition.read();
  return { ...rendition, text: () => text };
}

export const expectationFile = (source: string) => path.join(EXPECTED_DIR, `${source.replace(/\//g, '__')}.json`);

/** The expectations of a source, or undefined when none has been written yet; a malformed file throws. */
export function loadExpectation(source: string): Expectation | undefined {
  const file = expectationFile(source);
  if (!existsSync(file)) return undefined;
  const exp = JSON.parse(readFileSync(file, 'utf8')) as Expectation;
  const problems: string[] = [];
  if (typeof exp.checkedBy !== 'string' || !exp.checkedBy) problems.push('checkedBy is missing');
  if (!Array.isArray(exp.defects)) problems.push('defects is not an array');
  if (exp.acceptable !== undefined && !Array.isArray(exp.acceptable)) problems.push('acceptable is not an array');
  const entries = [...(exp.defects ?? []).map((d, i) => [`defects[${i}]`, d] as const), ...(exp.acceptable ?? []).map((d, i) => [`acceptable[${i}]`, d] as const)];
  for (const [name, d] of entries) {
    if (!d.where || typeof d.where !== 'object') problems.push(`${name}.where is missing`);
    else if (!('table' in d.where) && !('prose' in d.where) && !('section' in d.where)) problems.push(`${name}.where ${JSON.stringify(d.where)} is none of table / prose / section`);
    if (!Array.isArray(d.codes) || d.codes.length === 0) problems.push(`${name}.codes is empty`);
    if (typeof d.why !== 'string' || !d.why) problems.push(`${name}.why is missing`);
  }
  if (problems.length) throw new Error(`${path.relative(REPO_ROOT, file)}: ${problems.join('; ')}`);
  return exp;
}

// ------------------------------------------------------------------ locating

/** A defect's place in one rendition: ranges (a column is one per cell), `anywhere` (a missing part), or why it could not be found. */
export type Location = { ranges: Range[] } | { anywhere: true } | { unlocated: string };

function columnIndex(column: string | number, ids: readonly string[]): number | undefined {
  if (typeof column === 'number') return column;
  const i = ids.indexOf(column);
  return i < 0 ? undefined : i;
}

/** Search the text for a snippet, ignoring all white space (conversions break lines and space digits). */
function findProse(text: string, needle: string): Range | undefined {
  const chars = [...needle.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(chars.join('\\s*')).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** A table region: rows (with labels), a column's cells (and its header where the model has one), a cell. */
function tableRegion(
  where: Extract<Where, { table: TableId }>,
  whole: Range,
  rows: readonly TableRow[],
  columnIds: readonly string[],
  headers: readonly { columnId: string; range: Range }[],
): Location {
  const what = JSON.stringify(where);
  if (where.absent || (where.row === undefined && where.column === undefined)) return { ranges: [whole] };
  const column = where.column === undefined ? undefined : columnIndex(where.column, columnIds);
  if (where.column !== undefined && column === undefined) return { unlocated: `${what}: no such column (ids: ${columnIds.join(', ')})` };
  if (where.row === undefined) {
    const cells = rows.flatMap((r) => (r.cells[column!] ? [r.cells[column!]!.range] : []));
    const header = headers.filter((h) => h.columnId === columnIds[column!]).map((h) => h.range);
    return cells.length ? { ranges: [...header, ...cells] } : { unlocated: `${what}: no row has that column` };
  }
  const row = rows.find((r) => r.id === where.row);
  if (!row) return { unlocated: `${what}: the row is not in the parsed table` };
  if (column === undefined) return { ranges: [row.label.range, row.range] };
  const cell = row.cells[column];
  return cell ? { ranges: [cell.range] } : { unlocated: `${what}: the row has no cell ${column} (${row.cells.length} read)` };
}

export function locate(where: Where, report: Report, text: string): Location {
  if ('prose' in where) {
    const range = findProse(text, where.prose);
    return range ? { ranges: [range] } : { unlocated: `prose “${where.prose}” not in the text` };
  }
  if ('section' in where) {
    const section = report.sections.find((s) => s.heading.sectionId === where.section);
    return section ? { ranges: [section.heading.range] } : { anywhere: true };
  }
  const what = JSON.stringify(where);
  if (where.table === 't4') {
    const t4 = report.tables.t4;
    if (!t4) return { unlocated: `${what}: no 表四 parsed` };
    if (where.cell === undefined || where.absent) return { ranges: [t4.range] };
    const cell = t4.cells[where.cell];
    return cell ? { ranges: [cell.range] } : { unlocated: `${what}: 表四 has ${t4.cells.length} cells` };
  }
  if (where.table === 't3') {
    const t3 = report.tables.t3;
    if (!t3) return { unlocated: `${what}: no 表三 parsed` };
    return tableRegion(where, t3.range, t3.rows, TABLE3_COLUMNS.map((c) => c.id), []);
  }
  const t2 = report.tables.t2;
  if (!t2) return { unlocated: `${what}: no 表二 parsed` };
  if (where.block === undefined) return { ranges: [t2.range] };
  const block = t2.blocks.find((b) => b.id === where.block);
  if (!block) return { unlocated: `${what}: block not in the parsed 表二` };
  const spec = TABLE2_BLOCKS.find((b) => b.id === where.block);
  // A block in the 2019 form has that form's columns (本年新制作数量 …).
  const columns = (block.legacy ? spec?.trial.columns : spec?.columns) ?? [];
  return tableRegion(where, block.range, block.rows, columns.map((c) => c.id), block.headers);
}

/** Half-open ranges overlap; an empty range (a blank cell) overlaps what contains its position. */
export function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

// ------------------------------------------------------------------ judging

export interface Outcome {
  rendition: Rendition;
  /** Every expected defect, with where it was looked for and the finding that matched it (acceptable entries are not here). */
  defects: { defect: ExpectedDefect; location: Location; found: Finding | undefined; excused: boolean }[];
  falseErrors: Finding[];
  extraWarnings: Finding[];
  /** Line:column of an offset, 1-based. */
  at: (offset: number) => string;
  text: string;
}

export const ALLOWED_EXTRA_WARNINGS = 1;

export function judge(rendition: Rendition, expectation: Expectation): Outcome {
  const text = rendition.text();
  const doc = parseDocument(text);
  const findings = check(doc);
  const place = (defect: ExpectedDefect) => ({ defect, location: locate(defect.where, doc.report, text) });
  const located = expectation.defects.map(place);
  const acceptable = (expectation.acceptable ?? []).map(place);
  // A finding stands at its range; a table-wide one (table.shape, many blanks) names the other affected places as
  // related locations, and those find a defect too. Whether a finding is false is judged at its own range only.
  const matches = (f: Finding, d: ExpectedDefect, loc: Location, related = false) => {
    const ranges = related ? [f.range, ...(f.related ?? []).map((r) => r.range)] : [f.range];
    return d.codes.includes(f.code) && ('anywhere' in loc || ('ranges' in loc && loc.ranges.some((r) => ranges.some((fr) => overlaps(fr, r)))));
  };
  // A prose figure cannot be checked against a row the checker could not read with certainty, provided it said so at that row.
  const againstUnread = ({ against }: ExpectedDefect): boolean => {
    if (!against) return false;
    if (typeof against === 'string') return !!rendition.unreadable?.includes(against);
    const row = doc.report.tables.t3?.rows.find((r) => r.id === against.row);
    if (!row || row.cells.every((c) => c.certain)) return false;
    return findings.some((f) => f.code === 'table.shape' && [f.range, ...(f.related ?? []).map((r) => r.range)].some((r) => overlaps(r, row.range)));
  };
  const defects = located.map(({ defect, location }) => ({
    defect,
    location,
    found: findings.find((f) => (f.severity === 'error' || f.severity === 'warning') && matches(f, defect, location, true)),
    excused: ('table' in defect.where && !!rendition.unreadable?.includes(defect.where.table)) || againstUnread(defect),
  }));
  const unmatched = findings.filter((f) => ![...located, ...acceptable].some(({ defect, location }) => matches(f, defect, location)));
  const at = (offset: number) => {
    const p = doc.lines.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  // The checker saying that a table declared unreadable cannot be read is what the declaration expects.
  const saysUnreadable = (f: Finding) =>
    f.code === 'table.shape' && !!rendition.unreadable?.some((t) => { const table = doc.report.tables[t]; return !!table && overlaps(f.range, table.range); });
  return {
    rendition,
    defects,
    falseErrors: unmatched.filter((f) => f.severity === 'error'),
    extraWarnings: unmatched.filter((f) => f.severity === 'warning' && !saysUnreadable(f)),
    at,
    text,
  };
}

export const missingDefects = (o: Outcome) => o.defects.filter((d) => !d.found && !d.excused);

export function passes(o: Outcome): boolean {
  return missingDefects(o).length === 0 && o.falseErrors.length === 0 && o.extraWarnings.length <= ALLOWED_EXTRA_WARNINGS;
}

/** What a developer needs to act: each missing defect and each unmatched finding, at line:column. */
export function explain(o: Outcome): string {
  const excerpt = (r: Range) => JSON.stringify(o.text.slice(r.start, Math.min(r.end, r.start + 30)));
  const finding = (f: Finding) => `    ${o.at(f.range.start)} ${f.severity} ${f.code} ${excerpt(f.range)}: ${f.message}`;
  const lines = [`${o.rendition.id}:`];
  const missing = missingDefects(o);
  if (missing.length) {
    lines.push(`  defects not found (${missing.length} of ${o.defects.length}):`);
    for (const { defect, location } of missing) {
      const place = 'ranges' in location ? `at ${o.at(location.ranges[0]!.start)} ${excerpt(location.ranges[0]!)}` : 'unlocated' in location ? `not located: ${location.unlocated}` : 'anywhere';
      lines.push(`    ${JSON.stringify(defect.where)} expected ${defect.codes.join('|')} ${place} — ${defect.why}`);
    }
  }
  if (o.falseErrors.length) lines.push(`  errors that match no defect (${o.falseErrors.length}, allowed 0):`, ...o.falseErrors.map(finding));
  if (o.extraWarnings.length > ALLOWED_EXTRA_WARNINGS) lines.push(`  warnings that match no defect (${o.extraWarnings.length}, allowed ${ALLOWED_EXTRA_WARNINGS}):`, ...o.extraWarnings.map(finding));
  return lines.join('\n');
}
