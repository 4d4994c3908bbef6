// The page's tree in reading order as drafts: paragraphs (a block element or a
// <br> ends one) and data tables as grids. Layout tables (portals wrap whole
// articles in them) are read through as paragraphs. Each element's drafts are
// a contiguous run, recorded so the report can be found inside the chrome.

import { recogniseHeading } from '../../parse/headings';
import { cellContent, GridTooLarge, tableGrid, type GridBudget } from './grid';
import { IMAGE_TEXT } from '../../text/images';
import { PICTURE_MARK, type HtmlElement, type HtmlNode } from './tree';

export type Draft =
  | { readonly kind: 'paragraph'; readonly text: string; readonly inH1: boolean }
  | { readonly kind: 'table'; readonly grid: readonly (readonly string[])[] };

/** The drafts an element's content became: drafts[start .. end). */
export interface ElementSpan {
  readonly start: number;
  readonly end: number;
}

export interface PageDrafts {
  readonly drafts: readonly Draft[];
  readonly spans: readonly ElementSpan[];
}

export { GridTooLarge };

// Elements that start and end a paragraph (everything else is inline: its text joins the paragraph around it).
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

type Step = { node: HtmlNode; inH1: boolean } | { close: HtmlElement; start: number; block: boolean };

/** The drafts of the page in reading order, and the run of drafts of every element. */
export function walkPage(root: HtmlElement): PageDrafts {
  const drafts: Draft[] = [];
  const spans: ElementSpan[] = [];
  const budget: GridBudget = { cells: 0 };
  let buffer: string[] = [];
  let bufferInH1 = false;
  const flush = () => {
    for (const line of buffer.join('').split('\n')) {
      const shown = line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
      // A line of pictures alone is a paragraph saying so (a table pasted as a picture); beside text they are nothing.
      const text = shown.includes(PICTURE_MARK) ? (shown.replaceAll(PICTURE_MARK, '').trim() || IMAGE_TEXT) : shown;
      if (text) drafts.push({ kind: 'paragraph', text, inH1: bufferInH1 });
    }
    buffer = [];
    bufferInH1 = false;
  };
  const stack: Step[] = [{ node: root, inH1: false }];
  while (stack.length) {
    const step = stack.pop()!;
    if ('close' in step) {
      if (step.block) flush();
      spans.push({ start: step.start, end: drafts.length });
      continue;
    }
    const { node, inH1 } = step;
    if (node.kind === 'text') {
      buffer.push(node.text);
      bufferInH1 ||= inH1 && node.text.trim().length > 0;
      continue;
    }
    const block = BLOCK.has(node.name);
    if (block) flush();
    if (node.name === 'table' && !node.holdsTable) {
      const before = budget.cells;
      const grid = tableGrid(node, budget);
      if (isLayoutGrid(grid)) budget.cells = before; // its cells are counted again as it is read through
      else {
        const start = drafts.length;
        // A <caption> (表三 收到和处理政府信息公开申请情况) is the line above the table, as a text export writes it.
        for (const child of node.children) {
          if (child.kind === 'element' && child.name === 'caption') buffer.push(cellContent(child));
        }
        flush();
        if (grid.length) drafts.push({ kind: 'table', grid });
        spans.push({ start, end: drafts.length });
        continue;
      }
    }
    const start = drafts.length;
    stack.push({ close: node, start, block });
    const childInH1 = inH1 || node.name === 'h1';
    for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]!, inH1: childInH1 });
  }
  flush();
  return { drafts, spans };
}

/**
 * A table without tables inside is still laid out text, not data, when it is
 * one cell (an article in a frame) or a cell holds a section heading of the
 * report on a line of its own: then its cells are read as paragraphs.
 */
function isLayoutGrid(grid: readonly (readonly string[])[]): boolean {
  if (grid.length === 1 && grid[0]!.length === 1) return true;
  return grid.some((row) => row.some((cell) => cell.includes('\n') && cell.split('\n').some((line) => recogniseHeading(line.trim(), 0) !== undefined)));
}
