// A report file's bytes → the text the checker reads: an original (web page,
// Word file, PDF, told by content) through its reader, else the bytes decoded
// (UTF-8, UTF-16, GB18030). For callers that only need the text, as the
// editor's index of last years' reports; the CLI reads with its errors.

import { decodeReport } from '../text/decode';
import { readOriginal } from './original';

/** The text, with the original's rendition when it was one; undefined when the file is no report text (binary, unreadable original). */
export async function reportText(bytes: Uint8Array): Promise<string | undefined> {
  const original = await readOriginal(bytes);
  if (original) return original.ok ? original.rendition.text : undefined;
  try {
    return decodeReport(bytes).text;
  } catch {
    return undefined;
  }
}
