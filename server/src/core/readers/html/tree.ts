// A saved page as a small tree of what a reader sees: elements that hold text
// or table structure, and their text. htmlparser2 (not parse5): portal pages
// are tag soup it reads as forgivingly as a browser, it is several times
// faster and smaller, and its streaming callbacks let the tree be bounded
// while it is built (depth, text, elements) instead of after a full DOM of a
// hostile page exists. The tree is built with explicit stacks, never by
// recursion, so nesting depth cannot overflow the call stack.

import { Parser } from 'htmlparser2';
import type { ReaderLimits } from '../blocks';
import { addHiddenSelectors, hiddenBySheet, MAX_STYLE_CHARS, outOfSight, printOnly, styleInvisible, styleNotShown } from './css-hidden';

export interface HtmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly rowspan: number;
  readonly colspan: number;
  readonly children: HtmlNode[];
  /** A <table> is somewhere below (it is then a layout table, not a data table). */
  holdsTable: boolean;
}

export interface HtmlText {
  readonly kind: 'text';
  /** White space collapsed as a browser shows it; a <br> is '\n'. */
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

export type PageTree =
  | { readonly ok: true; readonly root: HtmlElement; readonly title: string; /** Elements the page's style sheet hid, or an inline style put out of sight or made invisible (css-hidden.ts). */ readonly sheetHidden: number }
  | { readonly ok: false; readonly detail: string };

// Never shown as the page's text (the head's <title> is taken apart).
const UNSHOWN = new Set(['script', 'style', 'noscript', 'template', 'select', 'button', 'textarea', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'head']);
// Table structure is kept even when empty: an empty cell is a grid position.
const KEPT_EMPTY = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
// Past maxDepth these still end a line, so flattened paragraphs and cells do not run together.
const BREAKS_WHEN_FLAT = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'ul', 'ol']);
/** Elements kept at once: a real portal page has a few thousand; this bounds memory for hostile ones. */
export const MAX_ELEMENTS = 400_000;
/**
 * Open elements at once (unclosed tag soup included). Past maxDepth the tree is
 * flattened, but htmlparser2 keeps its own stack with Array#unshift, so each
 * open element costs time in proportion to the depth: 100,000 nested <div>s
 * would take a minute. Real pages stay far below this; a page beyond it is too large.
 */
export const MAX_OPEN_ELEMENTS = 10_000;
const CHUNK_CHARS = 1 << 20;

const CJK = '\\u2e80-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
// CSS Text: a line break in the source between two CJK characters is removed, other white space runs show as one space.
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\f\\r]*\\n[ \\t\\n\\f\\r]*(?=[${CJK}])`, 'g');
const WHITE_RUN = /[ \t\n\f\r]+/g;
// What a browser draws nothing for: zero-width spaces and joiners, direction marks, the word joiner, U+FEFF, a soft
// hyphen. WeChat's editor leaves them where a run was pasted or retyped, inside a figure too (`8\u200b5` shown as 85);
// left in the text, the text's blanking (text/debris.ts: a space each, so offsets hold) parted such a figure in two.
const UNSEEN = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;

interface Frame {
  readonly created: boolean;
  /** A <style> element: its rules are read when it closes (css-hidden.ts). */
  readonly style: boolean;
  readonly flatBreak: boolean;
  readonly hides: boolean;
  readonly pre: boolean;
  readonly title: boolean;
}

/** The page's tree within the limits (depth beyond maxDepth is flattened into the element at maxDepth), or why not. */
/** `sheetRules`: whether what the page's own style sheet hides is hidden (html.ts reads a page again without them). */
export function buildPageTree(html: string, limits: ReaderLimits, sheetRules = true): PageTree {
  const markdown = isMarkdownWithBlocks(html);
  const root = element('#root', {});
  const nodes: HtmlElement[] = [root];
  const frames: Frame[] = [];
  let hidden = 0;
  let pre = 0;
  let inStyle = 0;
  let sheetHidden = 0;
  let styleText = '';
  const hiddenBySheetRules = { classes: new Set<string>(), ids: new Set<string>() };
  let inTitle = 0;
  let title = '';
  let elements = 0;
  let textChars = 0;
  let pictures = 0;
  let over: string | undefined;

  const append = (text: string) => {
    const children = nodes[nodes.length - 1]!.children;
    const last = children[children.length - 1];
    if (last?.kind === 'text') last.text += text;
    else children.push({ kind: 'text', text });
  };

  const stop = (why: string) => {
    over ??= why;
    parser.pause(); // the tokenizer stops at once, not at the end of the chunk
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        // What the page's style sheet hides, or an inline style moves out of sight or makes invisible, may be shown by a
        // script: counted, and not hidden when html.ts reads the page again without them.
        const inline = attribs.style ?? '';
        const bySheet = sheetRules && !hidden && (hiddenBySheet(attribs, hiddenBySheetRules) || outOfSight(inline) || styleInvisible(inline));
        if (bySheet) sheetHidden++;
        const hides = UNSHOWN.has(name) || 'hidden' in attribs || styleNotShown(inline) || bySheet;
        // A style sheet for the printed page only (<style media="print">) hides nothing on screen.
        const style = name === 'style' && !printOnly(attribs.media ?? '');
        if (style) inStyle++;
        const isTitle = name === 'title';
        const isPre = name === 'pre' || name === 'textarea' || name === 'listing' || name === 'xmp';
        if (hides) hidden++;
        if (isPre) pre++;
        if (isTitle) inTitle++;
        // A picture leaves a mark in the text (walk.ts: a paragraph of its own when nothing else is on its line);
        // icons and spacers, drawn smaller than a line of text, leave none.
        if (name === 'img' && !hidden && pictures < MAX_PICTURES && !isIcon(attribs)) {
          pictures++;
          append(PICTURE_MARK);
        }
        if (name === 'br') {
          if (!hidden) append('\n');
          frames.push({ created: false, flatBreak: false, hides, pre: isPre, title: isTitle, style });
          return;
        }
        if (frames.length >= MAX_OPEN_ELEMENTS) stop(`elements nested deeper than ${MAX_OPEN_ELEMENTS}`);
        const created = !hidden && nodes.length <= limits.maxDepth;
        if (created) {
          if (++elements > MAX_ELEMENTS) stop(`more than ${MAX_ELEMENTS} elements`);
          const node = element(name, attribs);
          nodes[nodes.length - 1]!.children.push(node);
          nodes.push(node);
        }
        const flatBreak = !hidden && !created && BREAKS_WHEN_FLAT.has(name);
        if (flatBreak) append('\n');
        frames.push({ created, flatBreak, hides, pre: isPre, title: isTitle, style });
      },
      onclosetag() {
        const frame = frames.pop();
        if (!frame) return;
        if (frame.hides) hidden--;
        if (frame.style && --inStyle === 0) {
          addHiddenSelectors(styleText, hiddenBySheetRules);
          styleText = '';
        }
        if (frame.pre) pre--;
        if (frame.title) inTitle--;
        if (frame.flatBreak) append('\n');
        if (!frame.created) return;
        const node = nodes.pop()!;
        const parent = nodes[nodes.length - 1]!;
        // An element showing nothing is dropped at once, so empty markup costs no memory.
        if (!KEPT_EMPTY.has(node.name) && node.children.every((c) => c.kind === 'text' && !c.text.trim())) {
          parent.children.pop();
          elements--;
          // What it held still separates: a <br> inside (<span><br></span>) a line break, else a space.
          if (node.children.length) append(node.children.some((c) => c.kind === 'text' && c.text.includes('\n')) ? '\n' : ' ');
          return;
        }
        if (node.name === 'table' || node.holdsTable) parent.holdsTable = true;
      },
      ontext(data) {
        if (inTitle) {
          if (title.length < 1000) title += data;
          return;
        }
        if (inStyle) {
          if (styleText.length < MAX_STYLE_CHARS) styleText += data;
          return;
        }
        if (hidden || over) return;
        const seen = data.replace(UNSEEN, '');
        const text = pre ? seen.replace(/\r\n?/g, '\n') : markdown ? markdownText(seen) : seen.replace(BREAK_BETWEEN_CJK, '').replace(WHITE_RUN, ' ');
        textChars += text.length;
        if (textChars > limits.maxTextChars) {
          stop(`more than ${limits.maxTextChars} characters of text`);
          return;
        }
        append(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (let at = 0; at < html.length && !over; at += CHUNK_CHARS) parser.write(html.slice(at, at + CHUNK_CHARS));
  if (over) return { ok: false, detail: over };
  parser.end();
  return { ok: true, root, title: title.replace(WHITE_RUN, ' ').trim(), sheetHidden };
}

/**
 * Whether the text is Markdown holding HTML blocks rather than a page: no doctype, <html>, <head> or <body> before its
 * first text, and a line left blank beside a line of text. pandoc's gfm of a page whose article sits in <div>s
 * (WeChat's sections) keeps them as HTML, and the file starts as a page does; its paragraphs are parted by blank
 * lines, which HTML shows as a space: the preface and part 一's heading ran into one line ("缺少第一部分", an error).
 */
function isMarkdownWithBlocks(html: string): boolean {
  const head = html.slice(0, 8192);
  return !PAGE_TAGS.test(head) && MARKDOWN_PARAGRAPHS.test(html.slice(0, 200_000));
}

const PAGE_TAGS = /<(?:!doctype|html|head|body)[\s>]/i;
// A blank line after text or before it (not between tags: a page's source spaced out).
const MARKDOWN_PARAGRAPHS = /[^\s<>][ \t]*\r?\n[ \t]*\r?\n|\r?\n[ \t]*\r?\n\s*[^\s<>]/;

/** A text node of Markdown: a blank line ends a paragraph, a pipe table's row is a line; else white space as a page's. */
function markdownText(data: string): string {
  return data
    .split(MARKDOWN_BREAK)
    .map((piece) => piece.replace(BREAK_BETWEEN_CJK, '').replace(WHITE_RUN, ' '))
    .join('\n');
}

const MARKDOWN_BREAK = /[ \t]*\r?\n[ \t]*(?:\r?\n\s*|(?=\|))/;

/** Where a picture stood in the text (a character of the Private Use Area: no page's text holds it as text). */
export const PICTURE_MARK = '\ue000';
/** Pictures marked in a page: a report has a few; past this a page is a gallery (or hostile), and the rest leave no mark. */
const MAX_PICTURES = 1000;
/** Pictures drawn this many pixels wide or high, or less, are icons, spacers and bullets. */
const ICON_PIXELS = 40;

function isIcon(attribs: Record<string, string>): boolean {
  if (!attribs.src?.trim()) return true;
  return [attribs.width, attribs.height].some((v) => v !== undefined && /^\s*\d+\s*(?:px)?\s*$/i.test(v) && parseInt(v, 10) <= ICON_PIXELS);
}

function element(name: string, attribs: Record<string, string>): HtmlElement {
  return { kind: 'element', name, rowspan: span(attribs.rowspan), colspan: span(attribs.colspan), children: [], holdsTable: false };
}

/** A span attribute as browsers read it: a leading integer, 0 kept (rowspan=0: to the end), junk → 1. */
function span(value: string | undefined): number {
  const m = value === undefined ? null : /^\s*(\d+)/.exec(value);
  return m ? Number(m[1]) : 1;
}
