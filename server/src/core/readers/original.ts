// Originals: a report as the file it really is (a web page, a Word file, a
// PDF), told by its content, not its name (a PDF named .txt is still a PDF).
// Each format's reader is loaded only when a file of that format is read, so
// the editor's start and a text report's check never pay for them.

import { DEFAULT_LIMITS, readProblem, type ReaderLimits, type ReadProblem, type ReadResult } from './blocks';
import { looksLikeMhtml } from './html/mhtml';
import { picturesOnly, textLength } from './what-it-holds';
import { renderBlocks, type OriginalRendition } from './tab-grid';

export type OriginalKind = 'html' | 'docx' | 'doc' | 'pdf' | 'rtf';

/** File name endings that are originals (the CLI's folder walk and the editor's menus). */
export const ORIGINAL_EXTENSIONS: Readonly<Record<string, OriginalKind>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  // A page saved as one file (Chromium's .mhtml, Internet Explorer's and Word's .mht): read as the page it holds.
  '.mhtml': 'html',
  '.mht': 'html',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'doc',
  '.pdf': 'pdf',
  '.rtf': 'rtf',
  // Not read: taken by the folder walk and the editor so that the message names it and says how to get a .docx.
  '.odt': 'docx',
};

/** A file a folder walk takes for a report: a .txt, or a name ending like an original. */
export function isReportFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot).toLowerCase();
  return extension === '.txt' || Object.hasOwn(ORIGINAL_EXTENSIONS, extension);
}

// How a web page starts (after a byte order mark, white space, an XML declaration or comments).
const HTML_START = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|div|table|p|span|center|font)[\s>/]/i;

/** What kind of original the bytes are, or undefined for text (a text report, or anything else). */
export function originalKind(bytes: Uint8Array): OriginalKind | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // a zip: the reader says if it is not Word's
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // an OLE compound file
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  // A page's start is ASCII in every encoding it is saved in but UTF-16 (read as latin1, which never fails).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  return HTML_START.test(head) || looksLikeMhtml(head) ? 'html' : undefined;
}

export type OriginalOutcome =
  | { readonly ok: true; readonly kind: OriginalKind; readonly rendition: OriginalRendition }
  | { readonly ok: false; readonly kind: OriginalKind; readonly problem: ReadProblem };

/**
 * The original's rendition, or why it could not be read; undefined when the
 * bytes are not an original (read them as text). Never throws: a reader's
 * failure is a problem of kind 'broken'.
 */
export async function readOriginal(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS): Promise<OriginalOutcome | undefined> {
  const kind = originalKind(bytes);
  if (!kind) return undefined;
  let result: ReadResult;
  try {
    result = bytes.byteLength > limits.maxFileBytes ? readProblem('too-large', `${bytes.byteLength} bytes > ${limits.maxFileBytes}`) : await readerFor(kind)(bytes, limits);
  } catch (error) {
    result = readProblem('broken', error instanceof Error ? error.message : String(error));
  }
  if (!result.ok) return { ok: false, kind, problem: result.problem };
  const rendition = renderBlocks(result.blocks);
  if (!rendition.text.trim()) return { ok: false, kind, problem: { kind: 'empty' } };
  const pictures = picturesOnly(result.blocks);
  if (pictures) return { ok: false, kind, problem: { kind: 'pictures', detail: `${pictures} picture(s), ${textLength(result.blocks)} characters of text` } };
  return { ok: true, kind, rendition };
}

type Reader = (bytes: Uint8Array, limits: ReaderLimits) => Promise<ReadResult>;

function readerFor(kind: OriginalKind): Reader {
  switch (kind) {
    case 'html':
      return async (bytes, limits) => (await import('./html')).readHtml(bytes, limits);
    case 'docx':
      return async (bytes, limits) => (await import('./docx')).readDocx(bytes, limits);
    case 'doc':
      return async (bytes, limits) => (await import('./doc')).readDoc(bytes, limits);
    case 'pdf':
      return async (bytes, limits) => (await import('./pdf')).readPdf(bytes, limits);
    case 'rtf':
      return async (bytes, limits) => (await import('./rtf')).readRtf(bytes, limits);
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.byteLength >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
