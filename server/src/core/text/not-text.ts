// Files that are not text at all: a PDF or Word file handed to the text
// reader (renamed, or opened as text by mistake). Reading their bytes as
// report text would only say "sections missing"; they are named instead.

export type NotTextKind = 'pdf' | 'zip' | 'ole' | 'rtf' | 'binary';

/** How much of the start is looked at: the signatures are at the start, NUL bytes soon after. */
export const NOT_TEXT_PROBE = 4096;
/** NULs in the start that make a binary file: more than a stray one typed or pasted into a report. */
const BINARY_NULS = 8;

/** What kind of non-text file the text was decoded from, if it was. */
export function notTextKind(text: string): NotTextKind | undefined {
  const head = text.slice(0, NOT_TEXT_PROBE).replace(/^\uFEFF/, '');
  if (head.startsWith('%PDF-')) return 'pdf';
  // .docx, .xlsx, .wps saved as OOXML: a zip archive.
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  // .doc, .wps, .xls: an OLE compound file (D0 CF 11 E0), as bytes or as the replacement characters a decoder made of them.
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0') || /^\ufffd\ufffd\u0011\ufffd/.test(head)) return 'ole';
  // Rich Text Format (Word's, WordPad's and office systems' exports): text, but all of it control words.
  if (head.startsWith('{\\rtf')) return 'rtf';
  let nuls = 0;
  for (let i = head.indexOf('\u0000'); i >= 0 && nuls < BINARY_NULS; i = head.indexOf('\u0000', i + 1)) nuls++;
  if (nuls >= BINARY_NULS) return 'binary';
  return undefined;
}
