// word/document.xml's body → blocks, in body order: paragraphs (with the
// numbers Word generates in front of list paragraphs) and tables laid onto
// their grid (w:gridSpan and w:vMerge expanded: the text at the merged
// cell's top-left, continuation positions empty). Content controls (w:sdt),
// insertions, hyperlinks and field results are read through; deletions,
// field codes, hidden text, text boxes and mc:Fallback copies are dropped. A
// paragraph of pictures alone reads as IMAGE_TEXT (text/images.ts).
//
// A table nested inside a cell is read as lines of that cell's text (its
// rows one a line, cells joined by a space): a block cannot sit inside a
// cell, and the outer table's grid is what the reader of the report sees.

import { gridTable, type Block, type ParagraphBlock } from '../blocks';
import { Counters, type NumberingDefinitions } from './numbering';
import { isOn, readXml, type XmlElement } from './xml';
import { IMAGE_TEXT } from '../../text/images';

/** Thrown when the body's text passes ReaderLimits.maxTextChars. */
export class TooMuchText extends Error {}

// Elements whose content is not the document's text as Word shows it.
const DROPPED = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'txbxContent',
  'sdtPr',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'numberingChange',
  'mc:Fallback',
]);

// Characters a run holds as elements.
const RUN_CHARACTERS: Readonly<Record<string, string>> = { tab: ' ', ptab: ' ', br: '\n', cr: '\n', noBreakHyphen: '-', softHyphen: '' };

interface ParagraphBuild {
  parts: string[];
  /** Pictures (w:drawing, w:pict) in the paragraph: one that holds nothing else reads as IMAGE_TEXT. */
  pictures?: number;
  /** A drawing of the paragraph holds a text box: a shape with text, not a picture. */
  boxed?: boolean;
  numId?: string;
  ilvl?: number;
  style?: string;
}

interface CellBuild {
  lines: string[];
  span: number;
  vMerge?: string;
}

interface RowBuild {
  cells: CellBuild[];
  gridBefore: number;
}

interface TableBuild {
  rows: RowBuild[];
  gridColumns: number;
}

export interface Body {
  readonly blocks: Block[];
  /** Characters (not white space) in text boxes, which are not read: a file whose text is mostly there is not read. */
  readonly textBoxChars: number;
  /** Characters (not white space) read from the body. */
  readonly bodyChars: number;
}

export function readBody(documentXml: Uint8Array, definitions: NumberingDefinitions, limits: { maxDepth: number; maxTextChars: number }): Body {
  const counters = new Counters(definitions);
  const blocks: Block[] = [];
  let paragraphs = 0;
  let tables = 0;
  let textChars = 0;
  let dropped = 0; // depth inside a dropped element
  let droppedBy = ''; // the dropped element outermost
  let textBoxChars = 0;
  let bodyChars = 0;
  let inBody = false;
  let inText = false;
  let inRun = false;
  let inRunProperties = false;
  let runHidden = false;
  let inParagraphProperties = false;
  const paragraphStack: ParagraphBuild[] = [];
  const tableStack: TableBuild[] = [];

  const cell = (): CellBuild | undefined => tableStack.at(-1)?.rows.at(-1)?.cells.at(-1);
  // Every character and every grid position (a tab in the rendition) counts against the bound.
  const charge = (n: number) => {
    textChars += n;
    if (textChars > limits.maxTextChars) throw new TooMuchText(`more than ${limits.maxTextChars} characters of text and table cells`);
  };
  const put = (text: string) => {
    const p = paragraphStack.at(-1);
    if (!p || runHidden) return;
    charge(text.length);
    p.parts.push(text);
  };

  const open = (e: XmlElement) => {
    if (dropped > 0 || DROPPED.has(e.name)) {
      if (dropped++ === 0) droppedBy = e.name;
      if (e.name === 'txbxContent') {
        const outer = paragraphStack.at(-1);
        if (outer) outer.boxed = true;
      }
      return;
    }
    const p = paragraphStack.at(-1);
    switch (e.name) {
      case 'body':
        inBody = true;
        return;
      case 'p':
        if (inBody) paragraphStack.push({ parts: [] });
        return;
      case 'pPr':
        inParagraphProperties = !inRun && p !== undefined;
        return;
      case 'pStyle':
        if (inParagraphProperties && p) p.style = e.attr('val');
        return;
      case 'numId':
        if (inParagraphProperties && p) p.numId = e.attr('val');
        return;
      case 'ilvl':
        if (inParagraphProperties && p) p.ilvl = intOf(e.attr('val'));
        return;
      case 'r':
        inRun = true;
        runHidden = false;
        return;
      case 'rPr':
        inRunProperties = inRun;
        return;
      case 'vanish':
        if (inRunProperties) runHidden = isOn(e);
        return;
      case 't':
        inText = inRun;
        return;
      case 'drawing':
      case 'pict':
        if (p) p.pictures = (p.pictures ?? 0) + 1;
        return;
      case 'tbl':
        if (inBody) tableStack.push({ rows: [], gridColumns: 0 });
        return;
      case 'gridCol':
        if (tableStack.length) tableStack.at(-1)!.gridColumns++;
        return;
      case 'tr':
        tableStack.at(-1)?.rows.push({ cells: [], gridBefore: 0 });
        return;
      case 'gridBefore': {
        const row = tableStack.at(-1)?.rows.at(-1);
        if (row && !cell()) row.gridBefore = clampSpan(intOf(e.attr('val')) ?? 0);
        return;
      }
      case 'tc':
        tableStack.at(-1)?.rows.at(-1)?.cells.push({ lines: [], span: 1 });
        return;
      case 'gridSpan': {
        const c = cell();
        if (c && !p) c.span = Math.max(1, clampSpan(intOf(e.attr('val')) ?? 1));
        return;
      }
      case 'vMerge': {
        const c = cell();
        if (c && !p) c.vMerge = e.attr('val') ?? 'continue';
        return;
      }
    }
    if (inRun && !inRunProperties && e.name in RUN_CHARACTERS) put(RUN_CHARACTERS[e.name]!);
  };

  const close = (name: string) => {
    if (dropped > 0) {
      dropped--;
      return;
    }
    switch (name) {
      case 'body':
        inBody = false;
        return;
      case 'pPr':
        inParagraphProperties = false;
        return;
      case 'r':
        inRun = false;
        runHidden = false;
        return;
      case 'rPr':
        inRunProperties = false;
        return;
      case 't':
        inText = false;
        return;
      case 'p': {
        const p = paragraphStack.pop();
        if (!p) return;
        const c = cell();
        // A picture alone in a paragraph outside tables (a table pasted as a picture) says so; in a cell it is nothing.
        const text = p.pictures && !p.boxed && !c && !tableStack.length && !p.parts.join('').trim() ? IMAGE_TEXT : numberOf(p) + p.parts.join('');
        if (c) c.lines.push(text);
        else if (!tableStack.length) blocks.push(paragraphBlock(text, ++paragraphs));
        return;
      }
      case 'tbl': {
        const table = tableStack.pop();
        if (!table) return;
        const grid = layOut(table, charge);
        const outer = cell();
        if (outer) outer.lines.push(...grid.map((row) => row.filter((t) => t.trim()).join(' ')));
        else if (!tableStack.length) blocks.push(gridTable(grid, ++tables));
        return;
      }
    }
  };

  const numberOf = (p: ParagraphBuild): string => {
    const fromStyle = p.style !== undefined ? definitions.styleNumbering(p.style) : {};
    const numId = p.numId ?? fromStyle.numId;
    if (numId === undefined) return '';
    return counters.next(numId, p.ilvl ?? fromStyle.ilvl ?? 0) ?? '';
  };

  readXml(
    documentXml,
    {
      open,
      close,
      text: (text) => {
        if (dropped === 0 && inText) {
          put(text);
          bodyChars += visibleLength(text);
        } else if (dropped > 0 && droppedBy === 'txbxContent') textBoxChars += visibleLength(text);
      },
    },
    limits.maxDepth,
  );
  return { blocks, textBoxChars, bodyChars };
}

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x20 && text.charCodeAt(i) !== 0x3000) n++;
  return n;
}

function paragraphBlock(text: string, paragraph: number): ParagraphBlock {
  return { kind: 'paragraph', text, place: { paragraph } };
}

/** The table's cells on its grid: rows of texts, merged positions ''. */
function layOut(table: TableBuild, charge: (positions: number) => void): string[][] {
  const grid: string[][] = [];
  // The origin (row, column) of the vertical merge running down each grid column.
  const mergeOrigin: ([number, number] | undefined)[] = [];
  let width = 0;
  table.rows.forEach((row, r) => {
    charge(row.gridBefore);
    const texts: string[] = Array<string>(row.gridBefore).fill('');
    mergeOrigin.fill(undefined, 0, row.gridBefore);
    for (const c of row.cells) {
      charge(c.span);
      const column = texts.length;
      const text = c.lines.join('\n');
      for (let k = 0; k < c.span; k++) texts.push('');
      const origin = mergeOrigin[column];
      if (c.vMerge !== undefined && c.vMerge !== 'restart' && origin) {
        // Word keeps a continued cell empty; text found there anyway is kept, with the merged cell's.
        if (text.trim()) grid[origin[0]]![origin[1]] += `\n${text}`;
        continue;
      }
      texts[column] = text;
      for (let k = 0; k < c.span; k++) mergeOrigin[column + k] = c.vMerge === 'restart' ? [r, column] : undefined;
    }
    grid.push(texts);
    width = Math.max(width, texts.length);
  });
  // Short rows are padded to the widest: those positions are rendered too.
  charge(grid.reduce((n, row) => n + width - row.length, 0));
  return grid;
}

// A span beyond Word's own limit (63 columns) is a hostile file's way to make a huge grid.
function clampSpan(n: number): number {
  return Math.min(Math.max(0, n), 64);
}

function intOf(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
