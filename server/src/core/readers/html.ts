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
  const tree = buildPageTree(page.text, limits);
  if (!tree.ok) return readProblem('too-large', tree.detail);
  try {
    return { ok: true, blocks: reportBlocks(walkPage(tree.root), tree.title) };
  } catch (error) {
    if (error instanceof GridTooLarge) return readProblem('too-large', error.message);
    throw error;
  }
}
