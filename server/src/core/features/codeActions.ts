// Code actions from the findings' fixes: one quick fix per finding under the
// cursor, "fix all of this kind" per rule, and source.fixAll.gov-report for
// editor.codeActionsOnSave. Edits are pinned to the document version and a
// combined action never carries two overlapping edits.

import { CodeAction, CodeActionKind, TextEdit as LspTextEdit, type Diagnostic } from 'vscode-languageserver-types';
import { messagesFor, type Lang, type RuleCode } from '../i18n';
import type { Range } from '../model';
import type { Finding, TextEdit } from '../rules/types';
import type { LineIndex } from '../text/lines';
import { toDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gov-report`;

export interface CodeActionQuery {
  uri: string;
  version: number;
  range: Range;
  /** context.only: the kinds the client wants, or undefined for all but source actions. */
  only?: string[];
}

/** `lang`: the language of the fix-all titles (the findings' own titles are already in it). */
export function codeActions(findings: readonly Finding[], lines: LineIndex, query: CodeActionQuery, docsBase?: string, lang: Lang = 'zh'): CodeAction[] {
  const m = messagesFor(lang);
  const fixable = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  const wants = (kind: string) => (query.only ? query.only.some((o) => kind === o || kind.startsWith(`${o}.`)) : !kind.startsWith(CodeActionKind.Source));
  const diagnosticOf = (f: Finding): Diagnostic => toDiagnostics([f], lines, query.uri, docsBase)[0]!;
  const edit = (edits: TextEdit[]) => ({
    documentChanges: [{ textDocument: { uri: query.uri, version: query.version }, edits: edits.map((e) => LspTextEdit.replace(lines.rangeOf(e.range), e.newText)) }],
  });
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const here = fixable.filter((f) => touches(f.range, query.range));
    // Findings that share one repair (a wrong total breaks its row and its column) offer it once.
    const byEdit = new Map<string, Finding[]>();
    for (const f of here) {
      const key = `${f.fix!.title}|${JSON.stringify(f.fix!.edits)}`;
      byEdit.set(key, [...(byEdit.get(key) ?? []), f]);
    }
    for (const group of byEdit.values()) {
      const f = group[0]!;
      const action = CodeAction.create(f.fix!.title, edit(f.fix!.edits), CodeActionKind.QuickFix);
      action.diagnostics = group.map(diagnosticOf);
      action.isPreferred = true;
      actions.push(action);
    }
    for (const code of new Set(here.map((f) => f.code))) {
      const all = fixable.filter((f) => f.code === code);
      const edits = nonOverlapping(all.flatMap((f) => f.fix!.edits));
      if (all.length < 2 || edits.length < 2) continue;
      const name = m.names[code as RuleCode] ?? code;
      const action = CodeAction.create(m.actions.fixAllOfKind(name, edits.length), edit(edits), CodeActionKind.QuickFix);
      action.diagnostics = all.map(diagnosticOf);
      actions.push(action);
    }
  }
  if (wants(FIX_ALL_KIND) && fixable.length > 0) {
    actions.push(CodeAction.create(m.actions.fixAll, edit(nonOverlapping(fixable.flatMap((f) => f.fix!.edits))), FIX_ALL_KIND));
  }
  return actions;
}

/** A finding is under the cursor when their ranges overlap or touch. */
function touches(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Sorted, duplicates merged (two findings can share one repair), overlaps dropped. */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.range.start === e.range.start && last.range.end === e.range.end && last.newText === e.newText) continue;
    if (last && (e.range.start < last.range.end || (e.range.start === last.range.start && e.range.start === e.range.end))) continue;
    out.push(e);
  }
  return out;
}
