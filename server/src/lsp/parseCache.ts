// One parse per document version, shared by the symbol, folding and
// diagnostic handlers (VS Code asks for all three after every edit).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument, updateDocument, type ParsedDocument } from '../core/service';
import { EditedDocument } from './editedDocument';
import type { EditLog } from './trackedDocuments';

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

  /** With an edit log, a new version updates the previous parse (only the touched lines are read again). */
  constructor(private readonly edits?: EditLog, private readonly log?: { error(message: string): void }) {}

  get(doc: TextDocument): CachedParse {
    const hit = this.latest.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    // A snapshot is never changed by a later update, so an entry handed out stays true to its version.
    // An older version than the latest (a document object a handler kept) is parsed on its own, not kept.
    if (hit && doc.version < hit.version) return { uri: doc.uri, version: doc.version, serial: ++this.serial, parsed: parseDocument(doc.getText()) };
    const entry: CachedParse = { uri: doc.uri, version: doc.version, serial: ++this.serial, parsed: this.parse(doc, hit) };
    // Only the latest version is kept: older ones are never asked for again.
    this.latest.set(doc.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.edits?.forget(uri);
  }

  private parse(doc: TextDocument, previous: CachedParse | undefined): ParsedDocument {
    const changes = previous && this.edits?.since(doc.uri, previous.version);
    if (previous && changes) {
      try {
        // Checks the logged changes against the document's text (length and the
        // lines they touched) and parses afresh where they disagree. An edited
        // document is read only where the changes are: its text is not built.
        return updateDocument(previous.parsed, changes, doc instanceof EditedDocument ? doc : doc.getText());
      } catch (error) {
        // A bug in the incremental path: the previous version is left as it was, but parse afresh to be safe.
        this.log?.error(`增量解析失败，已重新解析 (incremental parse failed, parsed afresh): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return parseDocument(doc.getText());
  }
}
