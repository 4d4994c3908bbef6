// The keystroke path against a fresh, cold parse: each edit in turn through updateDocument must give the report and
// the findings that parseDocument gives the new text with every cache cleared.

import assert from 'node:assert/strict';
import { check, clearCaches, parseDocument, updateDocument, type ParsedDocument } from '../../server/src/core/service';

/** Each edit ([from, to, text]) in turn through the keystroke path: the report and findings of a fresh, cold parse. */
export function typedAsFresh(start: ParsedDocument, typed: readonly (readonly [number, number, string])[]): void {
  let doc = start;
  for (const [from, to, text] of typed) {
    doc = updateDocument(doc, [{ range: { start: from, end: to }, text }]);
    clearCaches();
    const fresh = parseDocument(doc.text);
    assert.deepEqual(doc.report, fresh.report, `${JSON.stringify(text)} at ${from}`);
    assert.deepEqual(check(doc), check(fresh), `${JSON.stringify(text)} at ${from}`);
  }
}
