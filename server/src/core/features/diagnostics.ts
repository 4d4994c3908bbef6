// Findings → LSP diagnostics: exact range, stable code, source, a link to the
// rule's page, related locations.

import { Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../rules/types';
import type { LineIndex } from '../text/lines';

export const SOURCE = 'gov-report';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `docsBase` ends with a slash: the rule page is `${docsBase}${code}.md`. */
export function toDiagnostics(findings: readonly Finding[], index: LineIndex, uri: string, docsBase: string | undefined): Diagnostic[] {
  return findings.map((f) => {
    const d = Diagnostic.create(index.rangeOf(f.range), f.message, SEVERITY[f.severity], f.code, SOURCE);
    if (docsBase) d.codeDescription = { href: `${docsBase}${f.code}.md` };
    if (f.related?.length) {
      d.relatedInformation = f.related.map(
        (r): DiagnosticRelatedInformation => ({
          location: r.elsewhere ? { uri: r.elsewhere.uri, range: { start: r.elsewhere.start, end: r.elsewhere.end } } : { uri, range: index.rangeOf(r.range) },
          message: r.message,
        }),
      );
    }
    return d;
  });
}
