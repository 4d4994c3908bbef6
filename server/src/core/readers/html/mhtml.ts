// A web page saved as one file (.mhtml, .mht): Chromium's "Save as: Webpage,
// Single File", Internet Explorer's and Word's "Single File Web Page". It is a
// MIME message (RFC 2557): headers, then the page and its images as parts of
// a multipart/related body, each in quoted-printable or base64. The page is
// its root part: the one the `start` parameter names, else the first HTML
// part (RFC 2387), which is the main frame in Chromium's files.
//
// Written here rather than taken from a mail parser: a mail parser hands a
// text part back as a string decoded in the charset its header names, and
// Chromium's parts name none (the page's own <meta> does), so the page's
// bytes are what the HTML reader needs, with the header's charset if any.

export interface SavedPage {
  readonly bytes: Uint8Array;
  /** The charset the part's Content-Type names (it comes before the page's own declaration, as an HTTP header does). */
  readonly charset?: string;
}

/** `page`: the root part; `frames`: the other HTML parts in the file's order (Chromium saves each frame's page so). */
export type Unwrapped = { readonly ok: true; readonly page: SavedPage; readonly frames: readonly SavedPage[] } | { readonly ok: false; readonly detail: string };

// A header block's first line: a field name of printable ASCII but the colon, then the colon.
const FIELD_LINE = /^[!-9;-~]+:/;
const MIME_VERSION = /^mime-version\s*:/im;
const RELATED_OR_PAGE = /^content-type\s*:\s*(?:multipart\/related|text\/html)\b/im;

/** Whether a file's start (read as latin1) is a saved single-file page's MIME headers. */
export function looksLikeMhtml(head: string): boolean {
  const text = head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '');
  if (!FIELD_LINE.test(text)) return false;
  const headers = headerBlock(text);
  return RELATED_OR_PAGE.test(headers) && (MIME_VERSION.test(headers) || /^from\s*:\s*<saved by /im.test(headers) || /^snapshot-content-location\s*:/im.test(headers));
}

/** The saved page's root part: its bytes, decoded from their transfer encoding, and the charset its header names. */
export function unwrapMhtml(bytes: Uint8Array): Unwrapped {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  const top = splitEntity(text);
  const type = parseContentType(top.headers);
  if (type.mediaType === 'text/html') return { ok: true, page: decodePart(top), frames: [] };
  if (!type.mediaType.startsWith('multipart/')) return { ok: false, detail: `Content-Type ${type.mediaType || '(none)'} is not a saved page` };
  const boundary = type.params.get('boundary');
  if (!boundary) return { ok: false, detail: 'multipart body without a boundary' };
  const parts = splitParts(top.body, boundary).map(splitEntity);
  const start = type.params.get('start');
  const root =
    (start !== undefined ? parts.find((p) => headerValue(p.headers, 'content-id')?.trim() === start.trim()) : undefined) ??
    parts.find((p) => parseContentType(p.headers).mediaType === 'text/html');
  if (!root) return { ok: false, detail: `no HTML part among ${parts.length}` };
  const frames = parts.filter((p) => p !== root && parseContentType(p.headers).mediaType === 'text/html').slice(0, MAX_FRAMES).map(decodePart);
  return { ok: true, page: decodePart(root), frames };
}

/** A page whose text names this many parts holds the report. */
const MIN_PARTS = 2;

/** Frames' pages kept from one file: a portal page has a few; the rest of a hostile file's are not read. */
const MAX_FRAMES = 20;

/**
 * Which saved page holds the report: the root, unless its text names fewer parts than a frame's does (a portal
 * that shows the article in an <iframe>: the root page is its chrome). `parts` counts a page's part headings.
 */
export function reportPage<T>(root: T, frames: readonly T[], parts: (page: T) => number): T {
  const own = parts(root);
  if (own >= MIN_PARTS) return root;
  let best = root;
  let most = own;
  for (const frame of frames) {
    const n = parts(frame);
    if (n > most) [best, most] = [frame, n];
  }
  return best;
}

interface Entity {
  /** Unfolded header lines. */
  readonly headers: string;
  /** The body as latin1 (one character a byte). */
  readonly body: string;
}

function headerBlock(text: string): string {
  const end = /\r?\n\r?\n/.exec(text);
  return (end ? text.slice(0, end.index) : text).replace(/\r?\n[ \t]+/g, ' ');
}

function splitEntity(text: string): Entity {
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return { headers: headerBlock(text), body: '' };
  return { headers: headerBlock(text), body: text.slice(end.index + end[0].length) };
}

/** The parts between `--boundary` lines, up to `--boundary--` (the preamble and epilogue dropped). */
function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let at = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`);
  while (at >= 0) {
    const lineStart = body[at] === '\n' ? at + 1 : at;
    const after = lineStart + delimiter.length;
    if (body.startsWith('--', after)) break;
    const contentStart = body.indexOf('\n', after);
    if (contentStart < 0) break;
    const next = body.indexOf(`\n${delimiter}`, contentStart);
    const contentEnd = next < 0 ? body.length : next > 0 && body[next - 1] === '\r' ? next - 1 : next;
    parts.push(body.slice(contentStart + 1, contentEnd));
    at = next;
  }
  return parts;
}

interface ContentType {
  readonly mediaType: string;
  readonly params: ReadonlyMap<string, string>;
}

function parseContentType(headers: string): ContentType {
  const value = headerValue(headers, 'content-type') ?? '';
  const [mediaType = '', ...rest] = splitParams(value);
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params.set(param.slice(0, eq).trim().toLowerCase(), unquote(param.slice(eq + 1).trim()));
  }
  return { mediaType: mediaType.trim().toLowerCase(), params };
}

/** A header's parameters parted at semicolons outside quotes. */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let piece = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(piece);
      piece = '';
    } else piece += ch;
  }
  out.push(piece);
  return out;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

function headerValue(headers: string, name: string): string | undefined {
  for (const line of headers.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return undefined;
}

function decodePart(part: Entity): SavedPage {
  const encoding = (headerValue(part.headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const bytes =
    encoding === 'base64' ? new Uint8Array(Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')) :
    encoding === 'quoted-printable' ? quotedPrintable(part.body) :
    new Uint8Array(Buffer.from(part.body, 'latin1'));
  const charset = parseContentType(part.headers).params.get('charset');
  return charset ? { bytes, charset } : { bytes };
}

/** Quoted-printable (RFC 2045 6.7): `=XX` a byte, `=` at a line's end a soft break; anything else as it is. */
function quotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x3d) {
      const softEnd = softBreakEnd(body, i + 1);
      if (softEnd >= 0) {
        i = softEnd - 1;
        continue;
      }
      const hex = body.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}

/** Where a soft line break that starts at `from` (spaces or tabs, then a line end) ends, or -1. */
function softBreakEnd(body: string, from: number): number {
  let i = from;
  while (body[i] === ' ' || body[i] === '\t') i++;
  if (body[i] === '\r' && body[i + 1] === '\n') return i + 2;
  return body[i] === '\n' ? i + 1 : -1;
}
