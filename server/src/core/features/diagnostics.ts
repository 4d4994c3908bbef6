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
  return findings.map((f) => toDiagnostic(f, index, uri, docsBase));
}

function toDiagnostic(f: Finding, index: LineIndex, uri: string, docsBase: string | undefined): Diagnostic {
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
}

/**
 * Converts the findings of one file, version after version, reusing the
 * diagnostic of a finding it converted before (issue 19). Findings are
 * values: the rule engine keeps the very object of a finding the edit did not
 * touch, so on a keystroke most of the 1,000 sent are the same objects as
 * before, and the pull handler can tell an unchanged list by identity. A
 * reused diagnostic is checked against the current lines first (constant
 * time a range): the same offsets can sit elsewhere after an edit that moved
 * a line break without changing the length.
 */
export class DiagnosticConverter {
  private readonly converted = new WeakMap<Finding, Diagnostic>();
  private lastNote: Diagnostic | undefined;

  constructor(
    readonly uri: string,
    readonly docsBase: string | undefined,
  ) {}

  convert(f: Finding, index: LineIndex): Diagnostic {
    const hit = this.converted.get(f);
    if (hit && this.stillAt(f, hit, index)) return hit;
    const d = toDiagnostic(f, index, this.uri, this.docsBase);
    this.converted.set(f, d);
    return d;
  }

  /** The "more findings" note: the previous object when it says the same. */
  note(message: string): Diagnostic {
    if (this.lastNote?.message !== message) this.lastNote = Diagnostic.create(TOP, message, DiagnosticSeverity.Information, undefined, SOURCE);
    return this.lastNote;
  }

  private stillAt(f: Finding, d: Diagnostic, index: LineIndex): boolean {
    if (!index.isAt(f.range.start, d.range.start) || !index.isAt(f.range.end, d.range.end)) return false;
    const related = f.related ?? [];
    for (let k = 0; k < related.length; k++) {
      const r = related[k]!;
      if (r.elsewhere) continue;
      const at = d.relatedInformation![k]!.location.range;
      if (!index.isAt(r.range.start, at.start) || !index.isAt(r.range.end, at.end)) return false;
    }
    return true;
  }
}

/** The note's place: the top of the file. */
const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

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

/**
 * The findings as diagnostics, at most `max`: when some are left out, the
 * first says how many, by rule. With a converter (one per file), diagnostics
 * of findings converted before are the same objects as then.
 */
export function limitedDiagnostics(findings: readonly Finding[], index: LineIndex, uri: string, docsBase: string | undefined, lang: Lang, max = MAX_DIAGNOSTICS, converter?: DiagnosticConverter): Diagnostic[] {
  const { shown, hidden } = limitFindings(findings, max);
  const usable = converter && converter.uri === uri && converter.docsBase === docsBase ? converter : undefined;
  const diagnostics = usable ? shown.map((f) => usable.convert(f, index)) : toDiagnostics(shown, index, uri, docsBase);
  if (hidden.length === 0) return diagnostics;
  const count = hidden.reduce((sum, [, n]) => sum + n, 0);
  // At the top of the file, with no rule code: it is about the list, not about the text.
  const message = messagesFor(lang).diagnostics.more(count, hidden, max);
  const note = usable ? usable.note(message) : Diagnostic.create(TOP, message, DiagnosticSeverity.Information, undefined, SOURCE);
  return [note, ...diagnostics];
}
