// OLE compound files: old binary Word (.doc, .wps) and every encrypted Office
// file (an encrypted .docx is an OLE container holding an EncryptedPackage
// stream). A .doc is read by this project's own reader (doc/ole-streams.ts,
// doc/word97.ts), not word-extractor@1, the npm one still published: it turns
// every \x07 mark into a tab, the row-end mark too, so rows run into each other
// and merged cells cannot be placed (its maintainer: "Row boundaries are a bit
// hard in Word, and I haven't engaged with that yet",
// morungos/node-word-extractor#9), and its OLE walk only stops a sector chain
// that points at itself. An encrypted file says it is encrypted; a Word 6/95
// file or an OLE file of another kind is unsupported (save it as .docx).

import { readProblem, type ReaderLimits, type ReadResult } from './blocks';
import { OleError, OleTooLarge, readOleStreams } from './doc/ole-streams';
import { readWord97, WordFormatError, WordTooMuchText, WordVersionUnsupported } from './doc/word97';
import { oleDirectory } from './docx/ole';

export async function readDoc(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadResult> {
  const directory = oleDirectory(bytes);
  if (!directory) return readProblem('broken', 'not a valid OLE compound file');
  if (directory.has('EncryptedPackage')) return readProblem('encrypted', 'an encrypted Office file (EncryptedPackage)');
  const word = directory.get('WordDocument');
  if (!word) {
    // Excel 97–2003 keeps its sheets in a Workbook (Excel 5: Book) stream, PowerPoint in a PowerPoint Document stream.
    const other = directory.has('Workbook') || directory.has('Book') ? 'xls' : directory.has('PowerPoint Document') ? 'ppt' : undefined;
    return readProblem('unsupported', `an OLE file without a WordDocument stream (${[...directory.keys()].slice(0, 6).join(', ')})`, other);
  }
  if (word.encrypted) return readProblem('encrypted', 'an encrypted Word 97–2003 document');
  try {
    const streams = readOleStreams(bytes, ['WordDocument', '0Table', '1Table', 'Data'], limits.maxUnpackedBytes);
    const document = streams.get('WordDocument');
    if (!document) return readProblem('broken', 'the WordDocument stream cannot be read');
    return { ok: true, blocks: readWord97(document, streams, limits) };
  } catch (error) {
    if (error instanceof WordTooMuchText || error instanceof OleTooLarge) return readProblem('too-large', error.message);
    if (error instanceof WordVersionUnsupported) return readProblem('unsupported', error.message);
    if (error instanceof OleError || error instanceof WordFormatError || error instanceof RangeError) return readProblem('broken', error.message);
    throw error;
  }
}
