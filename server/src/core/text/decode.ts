// Bytes → text for a report file. Pure: no fs, so it is easy to test.
// Agencies save reports as UTF-8 (often with a BOM from Notepad/WPS) or in
// the legacy GBK/GB18030 code page; the latter is a superset of GBK, so one
// fallback covers both. Line breaks are left alone: the core handles CRLF.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { notTextKind, type NotTextKind } from './not-text';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Thrown for a PDF, Word or other binary file: its bytes are not report text (messages.ts names the kind). */
export class NotTextError extends Error {
  readonly code = 'ENOTTEXT';
  constructor(readonly kind: NotTextKind) {
    super(`not text: ${kind}`);
  }
}

export function decodeReport(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  // Notepad's "Unicode" save: rare for reports, but garbage if read as GB18030.
  if (startsWith(buffer, [0xff, 0xfe])) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(buffer, [0xfe, 0xff])) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  // After the BOMs: UTF-16 text is full of NUL bytes.
  const kind = notTextKind(buffer.subarray(0, 4096).toString('latin1'));
  if (kind) throw new NotTextError(kind);
  if (isUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  const nearly = nearlyUtf8(buffer);
  if (nearly !== undefined) return { text: nearly, encoding: 'utf-8' };
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
}

/**
 * UTF-8 with a few broken sequences, as UTF-8 (each broken sequence a U+FFFD), or undefined. A crawler's size limit
 * cuts the last character in two, or a byte is lost; read as GB18030 instead, the whole report was garbage and nothing
 * was checked. GB18030 read as UTF-8 breaks at most of its characters. A text broken all over (fold cuts a character
 * at every line's end) is no such file: read as UTF-8, its broken headings and labels would be "missing" or "unlike
 * the template", errors and warnings on words the writer wrote right.
 */
export function nearlyUtf8(buffer: Buffer): string | undefined {
  const text = buffer.toString('utf8');
  let broken = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === REPLACEMENT) broken++;
    else if (c >= 0x80) wide++;
  }
  return broken * WHOLE_PER_BROKEN <= wide ? text : undefined;
}

const REPLACEMENT = 0xfffd;
/** Characters decoded whole for each broken sequence, at least, in a UTF-8 file that lost a few bytes. */
const WHOLE_PER_BROKEN = 100;

function startsWith(buffer: Buffer, prefix: readonly number[]): boolean {
  return buffer.length >= prefix.length && prefix.every((b, i) => buffer[i] === b);
}
