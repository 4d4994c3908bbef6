// One parse per document version, shared by the symbol, folding and
// diagnostic handlers (VS Code asks for all three after every edit).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument, type ParsedDocument } from '../core/service';

export interface CachedParse {
  readonly uri: string;
  readonly version: number;
  /** Unique per parse (also across close/reopen), so it can serve as a diagnostic resultId. */
  readonly serial: number;
  readonly parsed: ParsedDocument;
}

export class ParseCache {
  private readonly latest = new Map<string, CachedParse>();
  private serial = 0;

  get(doc: TextDocument): CachedParse {
    const hit = this.latest.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const entry: CachedParse = { uri: doc.uri, version: doc.version, serial: ++this.serial, parsed: parseDocument(doc.getText()) };
    // Only the latest version is kept: older ones are never asked for again.
    this.latest.set(doc.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }
}
