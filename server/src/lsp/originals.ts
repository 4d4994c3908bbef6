// Originals in the editor (issue 13): the client reads an original's bytes
// (vscode.workspace.fs, so remote and virtual workspaces work) and asks here
// for its rendition, which it shows as a read-only gov-report document. The
// readers stay in the server: the client bundles none of them.
//
//   govReport/readOriginal { uri, name, data (base64), rendition? }
//     → { ok: true, format, text } | { ok: false, format?, message }
//
// `rendition`, the URI the client shows the text under: the server keeps the
// rendition for it (the last few), so a hover there can say where the piece
// is in the original.

import { ErrorCodes, ResponseError, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { messagesFor, describePlace, describeReadProblem, originalKind, readOriginal, type OriginalRendition, type ParsedDocument } from '../core/service';
import { guardRequest } from './guard';
import { READ_ORIGINAL_REQUEST, type ReadOriginalAnswer } from './protocol';
import { uiLanguage } from './locale';


/** Base64 of the largest original a reader takes (readers/blocks.ts DEFAULT_LIMITS.maxFileBytes, 64 MB), with room. */
const MAX_DATA_CHARS = 90 * 1024 * 1024;
/** Renditions kept for hovers: the documents a user has open at once. */
const KEPT = 32;


export class Renditions {
  private readonly byUri = new Map<string, OriginalRendition>();

  keep(uri: string, rendition: OriginalRendition): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, rendition);
    for (const oldest of this.byUri.keys()) {
      if (this.byUri.size <= KEPT) break;
      this.byUri.delete(oldest);
    }
  }

  /** The words for where `offset` of an open rendition is in its original, when the text shown is the one kept. */
  placeAt(uri: string, parsed: ParsedDocument, offset: number): string | undefined {
    const rendition = this.current(uri, parsed);
    return rendition && (describePlace(parsed, rendition, { start: offset, end: offset }, { lang: uiLanguage() }).text || undefined);
  }

  /**
   * A rendition's diagnostics, each with where it is in the original as its
   * first related location (Problems lists it under the finding, the hover says it).
   */
  withPlaces(uri: string, parsed: ParsedDocument, items: Diagnostic[]): Diagnostic[] {
    const rendition = this.current(uri, parsed);
    if (!rendition) return items;
    const m = messagesFor(uiLanguage()).readers;
    return items.map((d) => {
      const start = parsed.lines.offsetAt(d.range.start);
      const place = describePlace(parsed, rendition, { start, end: parsed.lines.offsetAt(d.range.end) }, { lang: uiLanguage() }).text;
      if (!place) return d;
      return { ...d, relatedInformation: [{ location: { uri, range: d.range }, message: m.inOriginal(place) }, ...(d.relatedInformation ?? [])] };
    });
  }

  private current(uri: string, parsed: ParsedDocument): OriginalRendition | undefined {
    const rendition = this.byUri.get(uri);
    return rendition && rendition.text === parsed.text ? rendition : undefined;
  }
}

export function registerOriginals(connection: Connection, renditions: Renditions): void {
  connection.onRequest(
    READ_ORIGINAL_REQUEST,
    guardRequest(connection.console, READ_ORIGINAL_REQUEST, (): ReadOriginalAnswer => ({ ok: false, message: '' }), async (params: unknown): Promise<ReadOriginalAnswer> => {
      const p = (typeof params === 'object' && params !== null ? params : {}) as { uri?: unknown; name?: unknown; data?: unknown; rendition?: unknown };
      if (typeof p.uri !== 'string' || typeof p.data !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, '需要 { uri, data (base64) } (uri and base64 data required)');
      const name = typeof p.name === 'string' && p.name ? p.name : p.uri;
      const lang = uiLanguage();
      if (p.data.length > MAX_DATA_CHARS) {
        // Not decoded: its start says what it is.
        const format = originalKind(Buffer.from(p.data.slice(0, 4096), 'base64'));
        const message = format ? describeReadProblem(name, format, { kind: 'too-large', detail: `${p.data.length} base64 characters` }, { lang }) : messagesFor(lang).readers.notOriginal(name);
        return format ? { ok: false, format, message } : { ok: false, message };
      }
      const decoded = Buffer.from(p.data, 'base64');
      // A plain Uint8Array view, not the Buffer itself: pdf.js refuses a Buffer.
      const outcome = await readOriginal(new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength));
      if (!outcome) return { ok: false, message: messagesFor(lang).readers.notOriginal(name) };
      if (!outcome.ok) return { ok: false, format: outcome.kind, message: describeReadProblem(name, outcome.kind, outcome.problem, { lang }) };
      if (typeof p.rendition === 'string') renditions.keep(p.rendition, outcome.rendition);
      return { ok: true, format: outcome.kind, text: outcome.rendition.text };
    }),
  );
}
