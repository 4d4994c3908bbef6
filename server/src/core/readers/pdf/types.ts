// What the PDF reader works on: text pieces and ruling lines in page space
// (PDF units, y growing upwards), read from pdf.js and nothing else.

/** A run of text pdf.js reports, at its baseline. */
export interface TextPiece {
  readonly text: string;
  /** Left end and baseline. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (the text matrix's vertical scale). */
  readonly size: number;
  /** The rest of a run cut at a table's column boundary (grid.ts): the run crossed it, so no border is there. */
  readonly continues?: boolean;
}

/** A horizontal (y1 === y2) or vertical (x1 === x2) line the page draws: a table's rule. */
export interface Rule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** An axis-aligned box on the page (PDF units, y upwards): a picture's, or a filled rectangle's. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
}

export interface PageContent {
  /** 1-based. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly pieces: readonly TextPiece[];
  readonly horizontal: readonly Rule[];
  readonly vertical: readonly Rule[];
}
