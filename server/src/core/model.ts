// The report model: what the parser understood. Every range is a half-open
// pair of UTF-16 offsets into the document text (LSP positions are derived
// from them at the edge, by LineIndex).

import type { SectionId, Table2BlockId } from './template';
import type { NotTextKind } from './text/not-text';

export interface Range {
  start: number;
  end: number;
}

/**
 * 'cell-lines': one cell a line with no blank line between rows (what HTML-to-text tools write; a blank line is an empty cell).
 * 'run-together': a flattened web page, each row's values one run of digits (`规章000`).
 * 'html': a table left as HTML in the text (`<table>…</table>`, as turndown keeps a table without a header row).
 * 'box': a table drawn in box-drawing characters (`│规章 │0 │`, rows parted by `├──┼──┤`), as text browsers dump a page.
 */
export type TableLayout = 'tab-grid' | 'cell-per-line' | 'cell-per-paragraph' | 'cell-lines' | 'pdf-rows' | 'pipe' | 'run-together' | 'html' | 'box';

export type NumberingStyle =
  | 'chinese' // 一、
  | 'arabic' // 1、 1.
  | 'paren-chinese' // （一） (一)
  | 'paren-arabic' // （1） (1)
  | 'none';

export interface Numbering {
  text: string;
  range: Range;
  style: NumberingStyle;
  /** The ordinal the numbering stands for (一 = 1, 6 = 6). */
  ordinal: number;
  /** The separator used after a bare numeral: 、 . ． or a space. */
  separator: string;
}

export interface Heading {
  range: Range;
  numbering: Numbering | undefined;
  title: string;
  titleRange: Range;
  sectionId: SectionId;
  /** 1 when the wording is the template's or a known variant. */
  similarity: number;
}

export interface SubItem {
  range: Range; // the line
  numbering: Numbering;
  title: string;
  titleRange: Range;
  level: number; // 1 = directly under the section
  children: SubItem[];
}

export interface Paragraph {
  range: Range;
  /** The lines joined without breaks, page numbers dropped (PDF text wraps mid-sentence). */
  text: string;
  /**
   * Where each joined line begins: text[at] is at document offset range.start + offset.
   * Relative, so a paragraph that only moved shares them with its previous version.
   */
  segments: readonly { at: number; offset: number }[];
}

export interface Section {
  /** Template section, or undefined for the preface before 一. */
  heading: Heading;
  range: Range;
  subItems: SubItem[];
  paragraphs: Paragraph[];
}

export type CellKind =
  | 'number'
  | 'blank' // empty where a number belongs
  | 'placeholder' // / - — where a number belongs
  | 'invalid' // looks like a value but is not a plain number (10元, -3, 5件)
  | 'missing'; // lost in export: no text at all, inferred from the row

export interface Cell {
  kind: CellKind;
  text: string;
  range: Range;
  /**
   * The numeric value of a number; undefined otherwise. A blank or placeholder
   * is an unknown, not 0: arithmetic uses the value the identities determine
   * for it, if any (identities.ts cellValue); invalid/missing are unknown.
   */
  value: number | undefined;
  decimals: number;
  /** False when the column was inferred (a row that lost cells in export). */
  certain: boolean;
}

export interface RowLabel {
  text: string;
  range: Range;
}

export interface TableRow<RowId extends string = string> {
  id: RowId;
  label: RowLabel;
  cells: Cell[];
  /** 'exact' = one value per column; 'inferred' = alignment guessed; 'unaligned' = columns unknown. */
  alignment: 'exact' | 'inferred' | 'unaligned';
  /** How many values the text had, when it differs from the template. */
  foundValues: number;
  range: Range;
}

export interface ShapeProblem {
  range: Range;
  /** Stable sub-kind for tests and fixes. */
  kind: 'row-cells' | 'row-missing' | 'row-unknown' | 'row-inferred' | 'row-run-together' | 'values-count' | 'unreadable' | 'block-missing' | 'columns-order';
  /** What the message says, as data: the text is written in the reader's language (i18n/), not at parse time. */
  detail: ShapeDetail;
}

/** The facts behind a shape problem; labels are the template's (or the document's) Chinese wording. */
export type ShapeDetail =
  /** A row with another number of values than the template has columns. */
  | { what: 'values'; row: string; found: number; expected: number; fit: 'extra' | 'unaligned' | 'inferred' | 'scattered'; zeros: boolean }
  /** A row named in the table with no number after it. */
  | { what: 'no-values'; row: string }
  /** A row of numbers whose label is no template row; `text` empty: a row of figures with no label (`figures` as written). */
  | { what: 'unknown-row'; text: string; figures?: string }
  /** A template row not found (表二: in block `block`). */
  | { what: 'missing-row'; row: string; block?: string }
  | { what: 'missing-block'; block: string }
  | { what: 'unreadable' }
  /** A table with no number in it at all (the template not filled in yet): said so, not "cannot read". */
  | { what: 'no-figures' }
  /** 表四: its numbers are there, but the text lists them in another order than the columns. */
  | { what: 'order-unknown' }
  /** 表三, 表四: the header puts the columns in another order than the template's, and the figures could not be read by it. */
  | { what: 'columns-order'; parted: boolean }
  /**
   * 表二, 表三: most figures stand apart from any row name, in runs after the names (a PDF's text extracted column by
   * column or block by block, as pdfminer writes a table): no figure can be told its row.
   */
  | { what: 'figures-apart' }
  /**
   * A row (表四: the table) whose values ran together with no separator, and
   * no single reading of the digits fits the columns and the row's sums.
   * `reading`: the only split of the digits into the columns, when there is
   * one but it breaks the row's sum (so it may hide a lost blank).
   */
  | { what: 'run-together'; row: string; digits: string; reading?: string }
  /** 表四: not 15 numbers. */
  | { what: 'values-count'; found: number; expected: number };

export interface HeaderLabel {
  columnId: string;
  text: string;
  range: Range;
}

export interface Table2Block {
  id: Table2BlockId;
  caption: RowLabel;
  headers: HeaderLabel[];
  rows: TableRow[];
  /** 保留N位小数 stated in the header. */
  statedDecimals: number | undefined;
  /** Read in the 2019 trial template's form (its columns and rows: template.ts `trial`). */
  legacy: boolean;
  range: Range;
}

export interface TableBase {
  range: Range;
  layout: TableLayout;
  problems: ShapeProblem[];
  /** True when the 2019 trial layout was recognised. */
  legacy: boolean;
}

export interface Table2 extends TableBase {
  kind: 't2';
  blocks: Table2Block[];
}

export interface Table3 extends TableBase {
  kind: 't3';
  rows: TableRow[];
}

export interface Table4 extends TableBase {
  kind: 't4';
  /** 15 cells in template order (three groups of five), or fewer when unreadable. */
  cells: Cell[];
  certain: boolean;
}

export type Table = Table2 | Table3 | Table4;

export type ArtifactKind = 'bookmark' | 'web-chrome' | 'page-number';

export interface Artifact {
  kind: ArtifactKind;
  range: Range;
  text: string;
  /** A page number that interrupts a sentence or a table (not one between paragraphs). */
  interrupts: boolean;
}

export interface Title {
  text: string;
  range: Range;
  year: number | undefined;
  yearRange: Range | undefined;
}

export interface Report {
  textLength: number;
  title: Title | undefined;
  preface: Paragraph[];
  sections: Section[];
  tables: { t2?: Table2; t3?: Table3; t4?: Table4 };
  artifacts: Artifact[];
  /** The table layout that most of the report's tables use. */
  layout: TableLayout | undefined;
  /** The text is a PDF, Word or other binary file read as text: nothing of it was parsed. */
  notText?: NotTextKind;
}

/** Which section a table belongs in. */
export const TABLE_SECTION: Record<Table['kind'], SectionId> = { t2: 2, t3: 3, t4: 4 };
