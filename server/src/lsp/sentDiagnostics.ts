// What each open document was last sent as pulled diagnostics (issue 19). A
// keystroke in a long draft usually leaves the 1,000 diagnostics sent
// unchanged (they are the first ones in the file, the typing is elsewhere):
// then the answer is `unchanged` with the previous resultId, and neither the
// server nor VS Code serialises, sends and converts them again.

import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticConverter } from '../core/service';

interface Sent {
  readonly converter: DiagnosticConverter;
  resultId?: string;
  items?: readonly Diagnostic[];
}

export class SentDiagnostics {
  // Keyed by the document object, which the document manager keeps across
  // versions and drops on close: nothing to forget by hand.
  private readonly byDocument = new WeakMap<TextDocument, Sent>();

  /** The converter of `doc`'s findings (it reuses the diagnostics of findings seen before). */
  converterFor(doc: TextDocument, docsBase: string | undefined): DiagnosticConverter {
    let sent = this.byDocument.get(doc);
    if (!sent || sent.converter.docsBase !== docsBase || sent.converter.uri !== doc.uri) {
      sent = { converter: new DiagnosticConverter(doc.uri, docsBase) };
      this.byDocument.set(doc, sent);
    }
    return sent.converter;
  }

  /**
   * `unchanged` when the client holds the last report sent (`previousResultId`)
   * and `items` say the same; else the full report, remembered as the last sent.
   */
  answer(doc: TextDocument, previousResultId: string | undefined, resultId: string, items: readonly Diagnostic[]): DocumentDiagnosticReport {
    const sent = this.byDocument.get(doc);
    if (sent?.items && sent.resultId !== undefined && previousResultId === sent.resultId && sameDiagnostics(sent.items, items)) {
      return { kind: 'unchanged', resultId: sent.resultId };
    }
    if (sent) {
      sent.resultId = resultId;
      sent.items = items;
    }
    return { kind: 'full', resultId, items: items as Diagnostic[] };
  }
}

/** Same diagnostics in the same order: by identity first (the converter reuses them), by value otherwise. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k] && !sameDiagnostic(a[k]!, b[k]!)) return false;
  return true;
}

/**
 * The fields features/diagnostics.ts writes, compared directly (a moved
 * finding's diagnostic is a new object, usually equal: this runs for hundreds
 * of them on a keystroke); a diagnostic with any other field (one added
 * elsewhere, e.g. by the originals' places) goes to the general comparison.
 */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a.message !== b.message || a.severity !== b.severity || a.code !== b.code || a.source !== b.source) return false;
  if (!sameRange(a.range, b.range) || a.codeDescription?.href !== b.codeDescription?.href) return false;
  if (!onlyKnownFields(a) || !onlyKnownFields(b)) return isDeepStrictEqual(a, b);
  const [ra, rb] = [a.relatedInformation, b.relatedInformation];
  if (!ra || !rb) return ra === rb;
  if (ra.length !== rb.length) return false;
  for (let k = 0; k < ra.length; k++) {
    const [x, y] = [ra[k]!, rb[k]!];
    if (x.message !== y.message || x.location.uri !== y.location.uri || !sameRange(x.location.range, y.location.range)) return false;
  }
  return true;
}

const KNOWN = new Set(['range', 'message', 'severity', 'code', 'source', 'codeDescription', 'relatedInformation']);

function onlyKnownFields(d: Diagnostic): boolean {
  for (const key in d) if (!KNOWN.has(key)) return false;
  return true;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
