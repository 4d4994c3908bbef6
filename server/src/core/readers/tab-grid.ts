// Blocks → the text the parser reads: paragraphs one a line, each table row
// one a line with its cells between tabs (the layout of a Word text export,
// report-format.md §3.1, with nothing lost: merged cells are empty cells at
// the positions they cover). Every cell and paragraph keeps the place it came
// from, so a finding in the rendition can be told in the original's terms.

import type { Block, GridCell, OriginPlace } from './blocks';

export interface PlaceSpan {
  /** Offsets of the piece in the rendition text (an empty cell: start === end). */
  readonly start: number;
  readonly end: number;
  readonly place: OriginPlace;
}

export interface OriginalRendition {
  readonly text: string;
  /** Every cell and paragraph, in text order. */
  readonly spans: readonly PlaceSpan[];
}

/** The rendition of a reader's blocks. */
export function renderBlocks(blocks: readonly Block[]): OriginalRendition {
  const parts: string[] = [];
  const spans: PlaceSpan[] = [];
  let offset = 0;
  const put = (text: string, place?: OriginPlace) => {
    if (place) spans.push({ start: offset, end: offset + text.length, place });
    parts.push(text);
    offset += text.length;
  };
  let afterTable = false;
  blocks.forEach((block, k) => {
    if (block.kind === 'paragraph') {
      const lines = paragraphLines(block.text);
      if (!lines.length) return;
      if (afterTable) put('\n');
      afterTable = false;
      for (const line of lines) {
        put(line, block.place);
        put('\n');
      }
      return;
    }
    const width = Math.max(0, ...block.rows.map((r) => r.length));
    if (!width) return;
    // A blank line on each side: a table never runs into the prose around it.
    if (k > 0) put('\n');
    for (const row of block.rows) {
      for (let c = 0; c < width; c++) {
        if (c > 0) put('\t');
        const cell: GridCell | undefined = row[c];
        put(cell ? cellText(cell.text) : '', cell?.place ?? { ...block.place });
      }
      put('\n');
    }
    afterTable = true;
  });
  return { text: parts.join(''), spans };
}

/** The place of the piece that holds `offset` (between pieces: the one before it). */
export function placeAt(rendition: OriginalRendition, offset: number): OriginPlace | undefined {
  const { spans } = rendition;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? spans[lo - 1]!.place : spans[0]?.place;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
// A line break between two CJK characters is where a label wrapped in its cell: nothing was there.
const WRAP_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*[\\r\\n]+[ \\t]*(?=[${CJK}])`, 'g');

/** A cell on one line: wraps inside CJK words joined, other runs of white space one space. */
export function cellText(text: string): string {
  return text.replace(WRAP_BETWEEN_CJK, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A paragraph's lines (a soft break stays a line break), without tabs that would make it read as a table row. */
function paragraphLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
