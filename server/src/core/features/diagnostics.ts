// Findings → LSP diagnostics: exact range, stable code, source, a link to the
// rule's page, related locations. An editor is sent at most MAX_DIAGNOSTICS a
// file (issue 19): VS Code shows no more than 1,000 a file, and converting and
// sending thousands on every keystroke made typing slow; the CLI lists all.

import { Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { messagesFor, type Lang } from '../i18n';
import type { Finding, Severity } from '../rules/types';
import type { LineIndex } from '../text/lines';

export const SOURCE = 'gov-report';

/** The most diagnostics a file sends an editor, the "more findings" note included (VS Code's own limit a file). */
export const MAX_DIAGNOSTICS = 1000;

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

export interface LimitedFindings {
  /** The findings an editor is sent, in document order. */
  readonly shown: readonly Finding[];
  /** How many were left out, by rule code, most first; empty when none were. */
  readonly hidden: readonly (readonly [string, number])[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * At most `max` findings (one place kept for the note when some are left out):
 * errors first, then warnings, then information, then hints, each in document
 * order. `findings` are in document order (rules/index.ts sorts them).
 */
export function limitFindings(findings: readonly Finding[], max = MAX_DIAGNOSTICS): LimitedFindings {
  if (findings.length <= max) return { shown: findings, hidden: [] };
  const room = Math.max(0, max - 1);
  // One pass to count each level, one to keep: no sort of thousands of findings on every keystroke.
  const perLevel = [0, 0, 0, 0];
  for (const f of findings) perLevel[RANK[f.severity]]!++;
  // The levels kept whole, then the first `partial` of the level where the room runs out.
  let cut = 0;
  let left = room;
  while (cut < perLevel.length && perLevel[cut]! <= left) left -= perLevel[cut++]!;
  const shown: Finding[] = [];
  const counts = new Map<string, number>();
  for (const f of findings) {
    const rank = RANK[f.severity];
    if (rank < cut || (rank === cut && left > 0 && left--)) shown.push(f);
    else counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  }
  return { shown, hidden: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) };
}

/** The findings as diagnostics, at most `max`: when some are left out, the first says how many, by rule. */
export function limitedDiagnostics(findings: readonly Finding[], index: LineIndex, uri: string, docsBase: string | undefined, lang: Lang, max = MAX_DIAGNOSTICS): Diagnostic[] {
  const { shown, hidden } = limitFindings(findings, max);
  const diagnostics = toDiagnostics(shown, index, uri, docsBase);
  if (hidden.length === 0) return diagnostics;
  const count = hidden.reduce((sum, [, n]) => sum + n, 0);
  // At the top of the file, with no rule code: it is about the list, not about the text.
  const note = Diagnostic.create({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, messagesFor(lang).diagnostics.more(count, hidden, max), DiagnosticSeverity.Information, undefined, SOURCE);
  return [note, ...diagnostics];
}
