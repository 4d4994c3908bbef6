// Word files (.docx): the zip's parts read within bounds (docx/unzip.ts),
// numbering definitions (docx/numbering.ts), then the body in order
// (docx/body.ts). fflate and saxes rather than mammoth: mammoth drops the
// numbers Word generates (`一、` that the parser needs to see a section) and
// hands back HTML whose merged cells would have to be laid out again.

import { readProblem, type OtherOfficeFormat, type ReaderLimits, type ReadResult } from './blocks';
import { readBody, TooMuchText } from './docx/body';
import { NumberingDefinitions } from './docx/numbering';
import { unzipParts } from './docx/unzip';
import { TooDeep } from './docx/xml';

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
// An OpenDocument file's first part names its kind (text, spreadsheet, presentation).
const MIMETYPE = 'mimetype';
/** Text boxes holding this many characters, and more than BOXED_SHARE times the body's, hold the report. */
const MIN_BOXED_TEXT = 300;
const BOXED_SHARE = 2;
// Word writes a few dozen parts; tens of thousands of entries are a hostile archive.
const MAX_ENTRIES = 10_000;

export async function readDocx(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadResult> {
  // Parts are read from their local headers as they stream by; without the end record the file was cut short.
  if (!hasEndRecord(bytes)) return readProblem('broken', 'no zip end record: the file is truncated or not a zip');
  const unzipped = unzipParts(bytes, new Set([DOCUMENT, NUMBERING, STYLES, MIMETYPE]), { maxUnpackedBytes: limits.maxUnpackedBytes, maxEntries: MAX_ENTRIES });
  if (!unzipped.ok) return readProblem(unzipped.kind, unzipped.detail);
  const document = unzipped.parts.get(DOCUMENT);
  if (!document) {
    const other = otherOffice(unzipped.names, unzipped.parts.get(MIMETYPE));
    return readProblem('unsupported', `a zip without ${DOCUMENT}: ${whatZip(unzipped.names, other)}`, other);
  }
  try {
    const definitions = new NumberingDefinitions(unzipped.parts.get(NUMBERING), unzipped.parts.get(STYLES), limits.maxDepth);
    const body = readBody(document, definitions, limits);
    // A file whose text is in text boxes (a PDF converted to Word: a box for each line) has no paragraphs or tables
    // to read: said as such, not read as a report with its parts missing.
    if (body.textBoxChars >= MIN_BOXED_TEXT && body.textBoxChars > BOXED_SHARE * body.bodyChars) {
      return readProblem('text-boxes', `${body.textBoxChars} characters in text boxes, ${body.bodyChars} in the body`);
    }
    return { ok: true, blocks: body.blocks };
  } catch (error) {
    if (error instanceof TooDeep || error instanceof TooMuchText) return readProblem('too-large', error.message);
    return readProblem('broken', error instanceof Error ? error.message : String(error));
  }
}

/** The Office format of a zip that is not a Word file, told by its parts (undefined: none known). */
function otherOffice(names: readonly string[], mimetype: Uint8Array | undefined): OtherOfficeFormat | undefined {
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  const kind = mimetype ? new TextDecoder().decode(mimetype.subarray(0, 100)) : '';
  if (kind.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
  if (kind.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (kind.startsWith('application/vnd.oasis.opendocument.presentation')) return 'odp';
  return undefined;
}

/** What a zip that is not a Word file is (the detail of its problem): the format its parts tell, or what it holds. */
function whatZip(names: readonly string[], other: OtherOfficeFormat | undefined): string {
  if (other) return `.${other} (${names.length} entries)`;
  return names.length ? `not a Word document (${names.length} entries)` : 'an empty zip';
}

// The end of central directory record: its signature within the last 64 KB + 22 bytes (a comment may follow it).
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.byteLength - 22; at >= 0 && at >= bytes.byteLength - 65557; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}
