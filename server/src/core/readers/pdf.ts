// The PDF reader (issue 13): a published PDF → paragraphs and table grids with
// their pages, read with Mozilla's PDF.js (the reader browsers use; it parses
// the damaged and odd files offices publish, and gives each text run with its
// position). Text runs become lines by baseline; the rules the page draws
// become tables (pdf/grid.ts); running headers and page numbers go
// (pdf/running.ts); lines become paragraphs and tables over page breaks are
// joined (pdf/assemble.ts). A PDF with no text, a password, a broken
// structure or too many pages is a problem, never a guess.

import { readProblem, type ReaderLimits, type ReadResult } from './blocks';
import { assemble, type LaidOutPage } from './pdf/assemble';
import { withoutLayoutFrames } from './pdf/frames';
import { lanesOf, piecesByLane, type LaneOf } from './pdf/lanes';
import { sideColumnOf, type SideColumn } from './pdf/side-column';
import { ruledTables } from './pdf/grid';
import { toLines } from './pdf/lines';
import { loadPdfJs } from './pdf/load';
import { readPage } from './pdf/page';
import { pagesOfSheet } from './pdf/sheets';
import { inferredRules } from './pdf/unruled';
import { withoutRepeatedHeads, withoutRunningText } from './pdf/running';
import { undecodableText } from './pdf/undecodable';
import type { PageContent, Rule, TextPiece } from './pdf/types';
import { IMAGE_TEXT } from '../text/images';

export async function readPdf(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadResult> {
  const { pdfjs, cMapUrl } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy, the caller's bytes stay usable.
  const task = pdfjs.getDocument({ data: bytes.slice(), cMapUrl, cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      return openProblem(error);
    }
    if (doc.numPages > limits.maxPages) return readProblem('too-large', `${doc.numPages} pages > ${limits.maxPages}`);
    const pages: PageContent[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await readPage(pdfjs, await doc.getPage(n), n);
      // A picture's piece (pdf/page.ts) is no text: a PDF of pictures alone is a scan.
      chars += content.pieces.reduce((sum, p) => sum + (p.text === IMAGE_TEXT ? 0 : p.text.length), 0);
      if (chars > limits.maxTextChars) return readProblem('too-large', `more than ${limits.maxTextChars} characters of text`);
      pages.push(...pagesOfSheet(content));
    }
    if (chars === 0) return readProblem('scanned', `${doc.numPages} page(s) without text`);
    const undecodable = undecodableText(pages.flatMap((p) => p.pieces.map((piece) => piece.text)));
    if (undecodable) return readProblem('undecodable', undecodable);
    return { ok: true, blocks: assemble(layOut(pages)) };
  } finally {
    await task.destroy();
  }
}

function layOut(pages: readonly PageContent[]): LaidOutPage[] {
  // A page laid out in a ruled table: the frame's rules go, the report's tables inside it stay (pdf/frames.ts); the
  // frame's sides on one page tell it on the next, where the article's last part may hold no table.
  let sides: readonly Rule[] = [];
  let column: SideColumn | undefined;
  const ruled = pages.map((content) => {
    const unframed = withoutLayoutFrames(content.pieces, content.horizontal, content.vertical, sides.map((side) => side.x1));
    sides = unframed.sides;
    const read = ruledTables(content.pieces, unframed.horizontal, unframed.vertical);
    // The frame's cells read apart (navigation, article, sidebar), each in its lane (pdf/lanes.ts); without a frame,
    // a column of items beside the body set off by white space alone (pdf/side-column.ts), which may go on next page.
    const laneOf = lanesOf(content.pieces, unframed.sides);
    const beside = laneOf ? undefined : sideColumnOf(read.rest, read.tables, column);
    column = beside?.column;
    if (!beside) return { ...read, laneOf, aside: [] };
    return { tables: read.tables, rest: read.rest.filter((p) => !beside.holds(p)), aside: read.rest.filter(beside.holds), laneOf };
  });
  // Tables printed without rules: their rules inferred from where the text outside the ruled tables stands.
  const inferred = inferredRules(ruled.map((r) => r.rest));
  const split = pages.map((content, i) => {
    const { horizontal, vertical } = inferred[i]!;
    if (!vertical.length) return { content, ...ruled[i]! };
    const unruled = ruledTables(ruled[i]!.rest, horizontal, vertical);
    return { content, tables: [...ruled[i]!.tables, ...unruled.tables].sort((a, b) => b.top - a.top), rest: unruled.rest };
  });
  const lines = withoutRepeatedHeads(
    withoutRunningText(split.map(({ content, rest }, i) => ({ height: content.height, lines: linesOf(rest, ruled[i]!.laneOf) }))),
    split.map((s) => s.tables),
  );
  return split.map(({ content, tables }, i) => ({ page: content.page, lines: lines[i]!, tables, laneOf: ruled[i]!.laneOf, aside: toLines(ruled[i]!.aside) }));
}

/** The lines of the pieces: a frame's lanes each apart (no line runs across a frame's side). */
function linesOf(pieces: readonly TextPiece[], laneOf: LaneOf | undefined) {
  return laneOf ? piecesByLane(pieces, laneOf).flatMap((lane) => toLines(lane)) : toLines(pieces);
}

/** Why pdf.js could not open the file (its exceptions are told by name). */
function openProblem(error: unknown): ReadResult {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return readProblem('encrypted', message);
  return readProblem('broken', message);
}
