// The renditions of the acceptance corpus, made at test time with real tools
// (nothing rendered is committed): an own HTML report through html-to-text, markdown
// converters (turndown with GFM pipe tables, node-html-markdown, pandoc), Python's html2text and
// BeautifulSoup, the text browsers lynx and w3m, and a crawler's one-line flattening; a shared PDF
// through poppler's pdftotext (plain and -layout), MuPDF, pdfminer, PyMuPDF, and pdf.js's text layer (what
// Firefox's PDF viewer copies).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { convert } from 'html-to-text';
import TurndownService from 'turndown';
import { tables as gfmTables } from 'turndown-plugin-gfm';
import { NodeHtmlMarkdown } from 'node-html-markdown';
import { loadPdfJs } from '../../server/src/core/readers/pdf/load';

/**
 * html-to-text as a copy from a browser gives it: every table cell a line of
 * its own, rows not separated by blank lines, links without their address,
 * headings as written (no upper-casing), lines never wrapped.
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'table', format: 'block' },
      { selector: 'thead', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'tbody', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'tr', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'th', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'td', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      ...['h1', 'h2', 'h3', 'h4'].map((selector) => ({ selector, options: { uppercase: false } })),
    ],
  });
}

/**
 * turndown with the GFM plugin: `##` headings and pipe tables (a table whose
 * header rows sit in <thead>). A <br> inside a cell becomes a space, since a
 * pipe row cannot hold a line break (pandoc does the same); merged cells are
 * not expanded, as no markdown converter can.
 */
export function htmlToMarkdown(html: string): string {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-' });
  service.use(gfmTables);
  service.remove(['script', 'style', 'title', 'head', 'nav', 'header', 'footer']);
  service.addRule('cellBreak', {
    filter: (node) => node.nodeName === 'BR' && !!node.closest?.('td, th'),
    replacement: () => ' ',
  });
  // Whitespace between tags is source formatting; turndown would keep it as text inside rows.
  return service.turndown(html.replace(/>\s+</g, '><'));
}

/**
 * The converters as a crawler or a save-as-Markdown tool runs them, with their defaults: nothing configured for
 * tables. Each mangles a report's tables its own way:
 * - html-to-text: a table's cells run inline, rows and all, on the table's one line (only a <br> breaks it);
 * - turndown with the GFM plugin (as MarkDownload and reader services use it): a table whose first row is not a
 *   header row stays HTML, one line of tags in the Markdown;
 * - node-html-markdown: every table a pipe table, padded to its widest row, the first row taken for the header
 *   (a `---` row after it), bold cells as `**…**`, merged cells not expanded.
 */
export function htmlToTextDefaults(html: string): string {
  return convert(html, { wordwrap: false });
}

export function htmlToMarkdownDefaults(html: string): string {
  const service = new TurndownService();
  service.use(gfmTables);
  service.remove(['script', 'style', 'title', 'head']);
  return service.turndown(html);
}

export function nodeHtmlMarkdown(html: string): string {
  return NodeHtmlMarkdown.translate(html);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', mdash: '—', middot: '·' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function meta(html: string, name: string): string {
  return new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`, 'i').exec(html)?.[1] ?? '';
}

/**
 * What the crawler of ../shared/crawled saves (see its README): a few header
 * lines, then the page body with the site's header, navigation and footer
 * dropped, tags stripped (cells run together when the source has no space
 * between them), entities decoded and all white space collapsed: one line, no
 * trailing newline.
 */
export function flattenOneLine(html: string, url: string): string {
  const title = meta(html, 'ArticleTitle') || /<title>([^<]*)<\/title>/i.exec(html)?.[1] || '';
  const body = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html)
    .replace(/<(script|style|header|nav|footer)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '');
  const text = decodeEntities(body).replace(/\s+/g, ' ').trim();
  return [
    `标题: ${title}`,
    `发布时间: ${meta(html, 'PubDate')}`,
    '文号: ',
    `发布机构: ${meta(html, 'ContentSource')}`,
    `栏目: ${meta(html, 'ColumnName')}`,
    `原文链接: ${url}`,
    `本地目录: ${path.posix.basename(url, '.html')}`,
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ====================',
    text,
  ].join('\n');
}

/**
 * pandoc (the Debian package), from HTML to its own Markdown (a page's styled text kept as spans,
 * `[5]{style="…"}`; tables as multiline or grid tables in columns of spaces) or to plain text, with its
 * defaults, as a reviewer runs `pandoc page.html -o page.md`.
 */
export function pandoc(input: string, from: 'html' | 'docx', to: 'markdown' | 'plain' | 'gfm'): string {
  return inTempFile(from === 'html' ? input : Buffer.from(input, 'base64'), `.${from}`, (source) => run('pandoc', ['-f', from, '-t', to, source], 'pandoc'));
}

/** MuPDF's `mutool draw -F txt` (the Debian package mupdf-tools): another extractor a reviewer has at hand. */
export function mutoolText(pdf: string): string {
  const run = spawnSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new Error(`mutool failed on ${pdf}: ${run.error?.message ?? run.stderr}. Is mupdf-tools installed? (npm test runs scripts/setup-tools.sh first)`);
  }
  return run.stdout;
}

/** poppler's pdftotext (plain reading order, or -layout), run on a copy-free temp output. */
export function pdftotext(pdf: string, layout: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-pdftotext-'));
  try {
    const out = path.join(dir, 'out.txt');
    const run = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, out], { encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      throw new Error(`pdftotext failed on ${pdf}: ${run.error?.message ?? run.stderr}. Is poppler-utils installed? (npm test runs scripts/setup-tools.sh first)`);
    }
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], what: string, input?: string): string {
  const done = spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (done.error || done.status !== 0) {
    throw new Error(`${what} failed: ${done.error?.message ?? done.stderr}. Is it installed? (npm test runs scripts/setup-tools.sh first)`);
  }
  return done.stdout;
}

const PYTHON = '/usr/bin/python3';

/** pdfminer.six's `pdf2txt` with its defaults (Debian python3-pdfminer): text boxes in its reading order, a blank line after each box. */
export function pdfminerText(pdf: string): string {
  return run('/usr/bin/pdf2txt', [pdf], 'pdf2txt (pdfminer)');
}

/** PyMuPDF's `page.get_text()` page after page (Debian python3-fitz), as a script that collects PDFs calls it. */
export function pymupdfText(pdf: string): string {
  return run(PYTHON, ['-c', 'import fitz, sys\nfor page in fitz.open(sys.argv[1]):\n    sys.stdout.write(page.get_text())', pdf], 'PyMuPDF');
}

/**
 * The PDF printed two pages to a sheet, imposed with PyMuPDF's `show_pdf_page` (Debian python3-fitz) as a print
 * dialog's "2 pages per sheet" or pdfjam's `--nup 2x1` lays them out: each page in its half of the sheet, either at its
 * own size (a sheet twice as wide) or scaled into half an A4 landscape sheet with a margin.
 */
export function twoPagesASheet(pdf: Uint8Array, fit: 'own-size' | 'a4'): Uint8Array {
  const script = `import fitz, sys
src = fitz.open(sys.argv[1]); out = fitz.open()
for i in range(0, len(src), 2):
    w, h = src[i].rect.width, src[i].rect.height
    if sys.argv[2] == 'a4':
        sheet = out.new_page(width=842, height=595)
        boxes = [fitz.Rect(10, 10, 411, 585), fitz.Rect(431, 10, 832, 585)]
    else:
        sheet = out.new_page(width=2 * w, height=h)
        boxes = [fitz.Rect(0, 0, w, h), fitz.Rect(w, 0, 2 * w, h)]
    for k in range(2):
        if i + k < len(src):
            sheet.show_pdf_page(boxes[k], src, i + k)
sys.stdout.buffer.write(out.tobytes())`;
  return inTempFile(pdf, '.pdf', (file) => {
    const done = spawnSync(PYTHON, ['-c', script, file, fit], { maxBuffer: 64 * 1024 * 1024 });
    if (done.error || done.status !== 0) throw new Error(`PyMuPDF failed: ${done.error?.message ?? String(done.stderr)}. Is it installed? (npm test runs scripts/setup-tools.sh first)`);
    return new Uint8Array(done.stdout);
  });
}

/** Python's html2text with its defaults (Debian python3-html2text), a crawler's usual Markdown of a page. */
export function pyHtml2text(html: string): string {
  return run(PYTHON, ['-c', 'import html2text, sys\nsys.stdout.write(html2text.html2text(sys.stdin.read()))'], 'html2text', html);
}

/**
 * Python's textwrap at each of `widths`, as a crawler or a mail client wraps a saved page: every line longer than the
 * width filled at it (spaces consumed where it breaks, a word longer than the width cut), the others left as they are.
 * One run of Python for all the texts and widths: `[text][width]`.
 */
export function textwrapFilled(texts: readonly string[], widths: readonly number[]): string[][] {
  const script = `import json, sys, textwrap
req = json.load(sys.stdin)
out = [['\\n'.join(textwrap.fill(l, w) if len(l) > w else l for l in t.split('\\n')) for w in req['widths']] for t in req['texts']]
sys.stdout.write(json.dumps(out))`;
  return JSON.parse(run(PYTHON, ['-c', script], 'textwrap', JSON.stringify({ texts, widths }))) as string[][];
}

/** BeautifulSoup's `get_text()`: with no separator (the page's own white space between tags kept), or one cell a line (`'\n'`, stripped). */
export function soupText(html: string, separator: boolean): string {
  const call = separator ? "get_text('\\n', strip=True)" : 'get_text()';
  return run(PYTHON, ['-c', `import sys\nfrom bs4 import BeautifulSoup\nsys.stdout.write(BeautifulSoup(sys.stdin.read(), 'html.parser').${call})`], 'BeautifulSoup', html);
}

/**
 * A text browser's dump of the page (Debian packages), at its default width: w3m draws tables in box lines, links in
 * ASCII (`|`, `+---+`), elinks and lynx in columns of spaces.
 */
export function textBrowserDump(html: string, browser: 'w3m' | 'lynx' | 'links' | 'elinks'): string {
  switch (browser) {
    case 'w3m': return run('w3m', ['-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8'], 'w3m', html);
    case 'lynx': return run('lynx', ['-dump', '-stdin', '-nolist', '-display_charset=utf-8', '-assume_charset=utf-8'], 'lynx', html);
    case 'links': return inTempFile(html, '.html', (file) => run('links2', ['-dump', '-codepage', 'utf-8', file], 'links'));
    case 'elinks': return inTempFile(html, '.html', (file) => run('elinks', ['-dump', '-dump-charset', 'utf-8', '-no-home', file], 'elinks'));
  }
}

const PYTHON_DOCX = `import docx, docx.table, sys
d = docx.Document(sys.argv[1])
out = []
for child in d.element.body.iterchildren():
    tag = child.tag.split('}')[1]
    if tag == 'p':
        out.append(''.join(t.text or '' for t in child.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t')))
    elif tag == 'tbl':
        for row in docx.table.Table(child, d).rows:
            out.append('\\t'.join(cell.text for cell in row.cells))
sys.stdout.write('\\n'.join(out))
`;

/**
 * A Word file's text as a script reads it with python-docx (Debian python3-docx): each paragraph a line, each table
 * row its cells joined by tabs, where row.cells gives a merged cell once for every grid column it spans.
 */
export function pythonDocxText(docx: Uint8Array): string {
  return inTempFile(docx, '.docx', (file) => run(PYTHON, ['-c', PYTHON_DOCX, file], 'python-docx'));
}

/** A Word file's text by docx2txt (Debian's package), as a reviewer converts a folder of Word files. */
export function docx2txtText(docx: Uint8Array): string {
  return inTempFile(docx, '.docx', (file) => run('docx2txt', [file, '-'], 'docx2txt'));
}

/** `use` called with `content` written to a temporary file of that extension (for tools that read no standard input), removed after. */
function inTempFile<T>(content: string | Uint8Array, extension: string, use: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-file-'));
  try {
    const file = path.join(dir, `report${extension}`);
    writeFileSync(file, content);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF's text as Firefox's PDF viewer (pdf.js) lays out its text layer, which is what selecting a page whole and
 * copying it gives: each text run as pdf.js reads it, a line ended where pdf.js marks one (hasEOL), a page a line.
 */
export async function pdfjsViewerText(pdf: Uint8Array): Promise<string> {
  const { pdfjs, cMapUrl } = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: pdf.slice(), cMapUrl, cMapPacked: true, isEvalSupported: false }).promise;
  try {
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      text += '\n';
    }
    return text;
  } finally {
    await doc.destroy();
  }
}
