// The reader of a saved web page (issue 13): bytes → text (encoding.ts) →
// a bounded tree (tree.ts, htmlparser2) → paragraphs and table grids in
// reading order (walk.ts, grid.ts) → the report without the page chrome,
// numbered as read (report-area.ts). A page saved as one file (.mhtml) is
// unwrapped to its page's bytes first (mhtml.ts).

import { readProblem, type ReaderLimits, type ReadResult } from './blocks';
import { decodePage } from './html/encoding';
import { looksLikeMhtml, reportPage, unwrapMhtml, type SavedPage } from './html/mhtml';
import { partHeadings } from './what-it-holds';
import { reportBlocks } from './html/report-area';
import { buildPageTree } from './html/tree';
import { GridTooLarge, walkPage } from './html/walk';

export async function readHtml(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadResult> {
  if (bytes.byteLength > limits.maxFileBytes) return readProblem('too-large', `${bytes.byteLength} bytes > ${limits.maxFileBytes}`);
  if (!looksLikeMhtml(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1'))) return readPage({ bytes }, limits);
  const saved = unwrapMhtml(bytes);
  if (!saved.ok) return readProblem('broken', saved.detail);
  // The root page, unless a frame's page names more of the report's parts (the article shown in an <iframe>).
  const read = new Map<SavedPage, ReadResult>();
  const readOnce = (page: SavedPage) => read.get(page) ?? read.set(page, readPage(page, limits)).get(page)!;
  const partsIn = (page: SavedPage) => {
    const result = readOnce(page);
    return result.ok ? partHeadings(result.blocks) : 0;
  };
  return readOnce(reportPage(saved.page, saved.frames, partsIn));
}

function readPage({ bytes, charset }: SavedPage, limits: ReaderLimits): ReadResult {
  const page = decodePage(bytes, charset);
  const shown = readTree(page.text, limits, true);
  // What the page's style sheet hides may be the report itself, shown by a script or a tab the reader cannot run
  // (`.tab-pane{display:none}` with `.active` showing one), and so may an article kept invisible until the page's
  // script shows it (WeChat's `#js_content` is `visibility: hidden` in the page as served): when the rest names fewer
  // of its parts, it is read whole.
  if (!shown.result.ok || shown.sheetHidden === 0) return shown.result;
  const partsShown = partHeadings(shown.result.blocks);
  if (partsShown >= MIN_PARTS_SHOWN) return shown.result;
  const whole = readTree(page.text, limits, false);
  // Read whole, the page must hold a report's parts (a hidden heading alone is no article a script shows).
  const partsWhole = whole.result.ok ? partHeadings(whole.result.blocks) : 0;
  return partsWhole > partsShown && partsWhole >= MIN_PARTS_SHOWN ? whole.result : shown.result;
}

/** Part headings the page shows that make it the report as shown: hidden copies of it are then copies. */
const MIN_PARTS_SHOWN = 2;

function readTree(text: string, limits: ReaderLimits, sheetRules: boolean): { result: ReadResult; sheetHidden: number } {
  const tree = buildPageTree(text, limits, sheetRules);
  if (!tree.ok) return { result: readProblem('too-large', tree.detail), sheetHidden: 0 };
  try {
    return { result: { ok: true, blocks: reportBlocks(walkPage(tree.root), tree.title) }, sheetHidden: tree.sheetHidden };
  } catch (error) {
    if (error instanceof GridTooLarge) return { result: readProblem('too-large', error.message), sheetHidden: 0 };
    throw error;
  }
}
