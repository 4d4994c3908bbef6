// The text of a saved web page from its bytes. Chinese portals still serve
// many pages in GB2312/GBK, declared in a <meta> tag rather than sent as a
// header (a saved file has no headers), so the declaration in the page is
// read the way a browser pre-scans it.

import iconv from 'iconv-lite';
import { nearlyUtf8 } from '../../text/decode';

export interface DecodedPage {
  readonly text: string;
  /** The encoding the bytes were read in (iconv-lite's name). */
  readonly encoding: string;
}

// Browsers read the declaration in the first 1024 bytes; saved pages put long comments first, so look a little further.
const PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * The page's text: its byte order mark, else the charset its container names (a saved single-file page's part
 * header, which comes first as an HTTP header does), else its declared charset (unless the bytes are valid UTF-8
 * with Chinese in them: a stale declaration), else UTF-8 when valid or nearly (a character cut at the end:
 * text/decode.ts nearlyUtf8), else GB18030.
 */
export function decodePage(bytes: Uint8Array, containerCharset?: string): DecodedPage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) return { text: buffer.toString('utf8', 3), encoding: 'utf8' };
  if (startsWith(buffer, [0xff, 0xfe])) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(buffer, [0xfe, 0xff])) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const declared = (containerCharset !== undefined ? encodingNamed(containerCharset) : undefined) ?? declaredEncoding(buffer.toString('latin1', 0, Math.min(buffer.byteLength, PRESCAN_BYTES)));
  if (declared && declared !== 'utf8') {
    // A template's stale <meta charset=gbk> over UTF-8 bytes (the server's header, which said UTF-8, is not in a saved
    // file): Chinese text in GBK is all but never valid UTF-8, so bytes that are, with Chinese in them, are UTF-8.
    const utf8 = MULTIBYTE_LEAD.test(buffer.toString('latin1', 0, Math.min(buffer.byteLength, PRESCAN_UTF8))) ? strictUtf8(buffer) : undefined;
    if (utf8 !== undefined && multibyteCount(utf8) >= MIN_MULTIBYTE) return { text: utf8, encoding: 'utf8' };
    return { text: iconv.decode(buffer, declared), encoding: declared };
  }
  // Pages often declare UTF-8 and are not (copied templates): a wrong declaration must not turn the report into U+FFFD.
  const utf8 = strictUtf8(buffer) ?? nearlyUtf8(buffer);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf8' };
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
}

// The lead byte of a three-byte UTF-8 sequence (CJK), read as latin1; and how many such characters make the bytes UTF-8.
const MULTIBYTE_LEAD = /[\xe0-\xef][\x80-\xbf]{2}/;
const PRESCAN_UTF8 = 1 << 20;
const MIN_MULTIBYTE = 8;

function multibyteCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n < MIN_MULTIBYTE; i++) if (text.charCodeAt(i) >= 0x800) n++;
  return n;
}

/** The charset a <meta charset> or <meta http-equiv content="…; charset=…"> names, as iconv-lite knows it. */
function declaredEncoding(head: string): string | undefined {
  const label = META_CHARSET.exec(head)?.[1];
  return label ? encodingNamed(label) : undefined;
}

/** A charset label as iconv-lite knows it (the GB family read as GB18030), or undefined when it knows none. */
function encodingNamed(name: string): string | undefined {
  const label = name.trim().toLowerCase();
  if (!label) return undefined;
  // GB2312 and GBK pages use characters beyond their tables (browsers read them as GBK, a subset of GB18030).
  if (/^(?:gb2312|gbk|gb_2312-80|x-gbk|cp936|gb18030|euc-cn)$/.test(label)) return 'gb18030';
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/.test(label)) return 'utf8';
  // A page that says UTF-16 in its own ASCII text is not UTF-16 (browsers read it as UTF-8 too).
  if (/^utf-?16/.test(label)) return 'utf8';
  return iconv.encodingExists(label) ? label : undefined;
}

function strictUtf8(buffer: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

function startsWith(buffer: Buffer, prefix: readonly number[]): boolean {
  return buffer.byteLength >= prefix.length && prefix.every((b, i) => buffer[i] === b);
}
