// TextDocuments that also remember each incremental edit as offsets, so the
// parse cache can update the previous parse instead of starting over.

import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { EditedDocument } from './editedDocument';
import type { TextChange } from '../core/service';

export interface EditLog {
  /** The edits that lead from `fromVersion` to the document's current version, or undefined when unknown. */
  since(uri: string, fromVersion: number): TextChange[] | undefined;
  forget(uri: string): void;
}

export function trackedDocuments(): { documents: TextDocuments<EditedDocument>; edits: EditLog } {
  // uri → edits in order, each tagged with the version it produced.
  const log = new Map<string, { version: number; change: TextChange }[]>();
  const documents = new TextDocuments<EditedDocument>({
    create: (uri, languageId, version, content) => {
      log.delete(uri);
      return new EditedDocument(uri, languageId, version, content);
    },
    update: (doc, changes: TextDocumentContentChangeEvent[], version) => {
      const entries = log.get(doc.uri) ?? [];
      doc.update(changes, version, (start, end, text) => entries.push({ version, change: { range: { start, end }, text } }));
      // Keep a bounded tail: a cache that fell this far behind parses afresh.
      log.set(doc.uri, entries.slice(-1000));
      return doc;
    },
  });
  const edits: EditLog = {
    since(uri, fromVersion) {
      const entries = log.get(uri);
      if (!entries) return undefined;
      const k = entries.findIndex((e) => e.version > fromVersion);
      if (k < 0) return [];
      // Every edit after fromVersion must still be in the log.
      if (k === 0 && entries.length === 1000) return undefined;
      return entries.slice(k).map((e) => e.change);
    },
    forget(uri) {
      log.delete(uri);
    },
  };
  return { documents, edits };
}
