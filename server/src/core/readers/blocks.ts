// What a reader of an original file (web page, Word file, PDF) hands on: the
// report as paragraphs and table grids in reading order, each piece with the
// place it came from in the original. One writer (tab-grid.ts) turns these into
// text the parser already reads, so the readers never write text layouts and
// the parser never learns a file format.

/** Where a piece of the rendition is in the original file (all numbers 1-based). */
export interface OriginPlace {
  /** The page of a PDF. */
  readonly page?: number;
  /** The table, counted in document order among the original's tables. */
  readonly table?: number;
  /** The cell's row and column in the table's grid, merged cells expanded. */
  readonly row?: number;
  readonly column?: number;
  /** The paragraph outside tables, counted in document order. */
  readonly paragraph?: number;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  /** The paragraph's text as the reader shows it (numbering a word processor generates included). */
  readonly text: string;
  readonly place: OriginPlace;
}

/**
 * A cell of a table's grid. A merged cell's text is in its first (top-left)
 * grid position; the positions it also covers are continuation cells with
 * empty text, as a Word text export writes them.
 */
export interface GridCell {
  readonly text: string;
  readonly place: OriginPlace;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Rows of the grid; every row as long as the widest (short rows are padded with empty cells by the writer). */
  readonly rows: readonly (readonly GridCell[])[];
  readonly place: OriginPlace;
}

export type Block = ParagraphBlock | TableBlock;

/** A table's texts on its grid (rows of texts, merged positions '') as a block, short rows padded to the widest. */
export function gridTable(grid: readonly (readonly string[])[], table: number): TableBlock {
  const width = Math.max(0, ...grid.map((row) => row.length));
  const rows = grid.map((texts, r): GridCell[] => Array.from({ length: width }, (_, c) => ({ text: texts[c] ?? '', place: { table, row: r + 1, column: c + 1 } })));
  return { kind: 'table', rows, place: { table } };
}

/** Why an original could not be read: each has a message naming the file (i18n `readers`). */
export type ReadProblemKind =
  /** A PDF with no text layer (scanned pages). */
  | 'scanned'
  /** A PDF whose text layer is not the characters it shows (fonts without a Unicode map: pdf/undecodable.ts). */
  | 'undecodable'
  /** A PDF or Word file that needs a password. */
  | 'encrypted'
  /** Not a valid file of its kind (truncated, malformed structure). */
  | 'broken'
  /** Over a bound of ReaderLimits (size, pages, unpacked size, nesting). */
  | 'too-large'
  /** A format with no reader here (an old binary format no maintained library reads). */
  | 'unsupported'
  /** Read, but holds no text at all. */
  | 'empty'
  /** The report is pictures (of its pages, of its tables) with a title at most: no text to check. */
  | 'pictures'
  /** A Word file whose text is in text boxes (a PDF converted to Word), not in paragraphs and tables. */
  | 'text-boxes';

/** Office files of other kinds, told from their parts: what a file that is no Word file really is. */
export type OtherOfficeFormat = 'odt' | 'ods' | 'odp' | 'xlsx' | 'pptx' | 'xls' | 'ppt';

export interface ReadProblem {
  readonly kind: ReadProblemKind;
  /** What exactly, for the curious (English, from the library or the bound): shown after the message. */
  readonly detail?: string;
  /** An 'unsupported' file that is another Office format: the message names it instead of the reader's format. */
  readonly actually?: OtherOfficeFormat;
}

/** Bounds that keep a hostile file from taking the machine: time and memory stay in proportion to these. */
export interface ReaderLimits {
  /** Bytes of the file itself. */
  readonly maxFileBytes: number;
  /** Bytes unpacked from a zip (a .docx), all parts together. */
  readonly maxUnpackedBytes: number;
  /** Pages of a PDF read. */
  readonly maxPages: number;
  /** Element nesting of a web page or XML part. */
  readonly maxDepth: number;
  /** Characters of text collected from the file. */
  readonly maxTextChars: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 128 * 1024 * 1024,
  maxPages: 300,
  maxDepth: 256,
  maxTextChars: 4 * 1024 * 1024,
};

export type ReadResult = { readonly ok: true; readonly blocks: readonly Block[] } | { readonly ok: false; readonly problem: ReadProblem };

export function readProblem(kind: ReadProblemKind, detail?: string, actually?: OtherOfficeFormat): ReadResult {
  return { ok: false, problem: { kind, ...(detail !== undefined ? { detail } : {}), ...(actually ? { actually } : {}) } };
}
