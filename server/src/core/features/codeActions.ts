// Code actions from the findings' fixes: one quick fix per finding under the
// cursor, "fix all of this kind" per rule, and source.fixAll.gov-report for
// editor.codeActionsOnSave. Where the repair is not unique, each candidate
// (Finding.suggestions) is a quick fix of its own, never preferred and never
// part of a fix-all: the user picks one after checking the records. Edits are pinned to the document version and a
// combined action never carries two overlapping edits.
//
// VS Code asks for actions whenever the cursor or the diagnostics move. With a
// client that resolves actions (codeAction/resolve), an answer carries only
// titles and the diagnostics under the cursor; the edits (for a fix-all, every
// fix in the file) are made when one is chosen (issue 19).

import { CodeAction, CodeActionKind, TextEdit as LspTextEdit, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-types';
import { messagesFor, type Lang, type RuleCode } from '../i18n';
import type { Range } from '../model';
import type { Finding, Fix, TextEdit } from '../rules/types';
import type { LineIndex } from '../text/lines';
import { toDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gov-report`;

export interface CodeActionQuery {
  uri: string;
  version: number;
  range: Range;
  /** context.only: the kinds the client wants, or undefined for all but source actions. */
  only?: string[];
  /** The client resolves actions: leave the edits to resolveCodeAction. */
  lazy?: boolean;
}

/** Which edits an unresolved action stands for: one finding's fix (by key), one candidate fix (by key), every fix of a rule, or every fix. */
export type FixSelection = { one: string } | { candidate: string } | { code: string } | { all: true };

/** `data` of an unresolved action: the document version it was made for, and what it fixes. */
export interface ActionData {
  uri: string;
  version: number;
  fix: FixSelection;
}

/** `lang`: the language of the fix-all titles (the findings' own titles are already in it). */
export function codeActions(findings: readonly Finding[], lines: LineIndex, query: CodeActionQuery, docsBase?: string, lang: Lang = 'zh'): CodeAction[] {
  const m = messagesFor(lang);
  const fixable = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  const wants = (kind: string) => (query.only ? query.only.some((o) => kind === o || kind.startsWith(`${o}.`)) : !kind.startsWith(CodeActionKind.Source));
  const diagnosticOf = (f: Finding): Diagnostic => toDiagnostics([f], lines, query.uri, docsBase)[0]!;
  const action = (title: string, kind: string, fix: FixSelection, edits: () => TextEdit[]): CodeAction => {
    if (!query.lazy) return CodeAction.create(title, workspaceEdit(query, lines, edits()), kind);
    const a = CodeAction.create(title, kind);
    a.data = { uri: query.uri, version: query.version, fix } satisfies ActionData;
    return a;
  };
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const here = fixable.filter((f) => touches(f.range, query.range));
    // Findings that share one repair (a wrong total breaks its row and its column) offer it once.
    const byEdit = new Map<string, Finding[]>();
    for (const f of here) {
      const key = fixKey(f);
      byEdit.set(key, [...(byEdit.get(key) ?? []), f]);
    }
    for (const [key, group] of byEdit) {
      const f = group[0]!;
      const one = action(f.fix!.title, CodeActionKind.QuickFix, { one: key }, () => f.fix!.edits);
      one.diagnostics = group.map(diagnosticOf);
      one.isPreferred = true;
      actions.push(one);
    }
    // Candidates, after the unique repairs: several findings of one broken group offer the same ones once.
    const byCandidate = new Map<string, { fix: Fix; findings: Finding[] }>();
    for (const f of findings) {
      if (!f.suggestions || !touches(f.range, query.range)) continue;
      for (const s of f.suggestions) {
        const key = editKey(s);
        const seen = byCandidate.get(key);
        if (seen) seen.findings.push(f);
        else byCandidate.set(key, { fix: s, findings: [f] });
      }
    }
    for (const [key, { fix, findings: group }] of byCandidate) {
      const candidate = action(fix.title, CodeActionKind.QuickFix, { candidate: key }, () => fix.edits);
      candidate.diagnostics = group.map(diagnosticOf);
      candidate.isPreferred = false;
      actions.push(candidate);
    }
    for (const code of new Set(here.map((f) => f.code))) {
      const all = fixable.filter((f) => f.code === code);
      const edits = nonOverlapping(all.flatMap((f) => f.fix!.edits));
      if (all.length < 2 || edits.length < 2) continue;
      const name = m.names[code as RuleCode] ?? code;
      const ofKind = action(m.actions.fixAllOfKind(name, edits.length), CodeActionKind.QuickFix, { code }, () => edits);
      // Lazily, only the ones under the cursor: listing thousands on every cursor move is what made typing slow.
      ofKind.diagnostics = (query.lazy ? here.filter((f) => f.code === code) : all).map(diagnosticOf);
      actions.push(ofKind);
    }
  }
  if (wants(FIX_ALL_KIND) && fixable.length > 0) {
    actions.push(action(m.actions.fixAll, FIX_ALL_KIND, { all: true }, () => nonOverlapping(fixable.flatMap((f) => f.fix!.edits))));
  }
  return actions;
}

/**
 * The edit of an action made lazily, from the current findings. An action
 * made for another version of the document is returned without an edit: its
 * offsets no longer hold, and applying nothing is safer than a wrong edit.
 */
export function resolveCodeAction(action: CodeAction, findings: readonly Finding[], lines: LineIndex, current: { uri: string; version: number }): CodeAction {
  const data = action.data as Partial<ActionData> | undefined;
  if (!data || data.uri !== current.uri || data.version !== current.version || !data.fix) return action;
  const fixable = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  const selection = data.fix;
  let edits: TextEdit[];
  if ('one' in selection) edits = fixable.find((f) => fixKey(f) === selection.one)?.fix?.edits ?? [];
  else if ('candidate' in selection) edits = findings.flatMap((f) => f.suggestions ?? []).find((s) => editKey(s) === selection.candidate)?.edits ?? [];
  else if ('code' in selection) edits = nonOverlapping(fixable.filter((f) => f.code === selection.code).flatMap((f) => f.fix!.edits));
  else edits = nonOverlapping(fixable.flatMap((f) => f.fix!.edits));
  if (edits.length === 0) return action;
  return { ...action, edit: workspaceEdit(current, lines, edits) };
}

function workspaceEdit(doc: { uri: string; version: number }, lines: LineIndex, edits: readonly TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => LspTextEdit.replace(lines.rangeOf(e.range), e.newText)) }] };
}

/** One repair, whichever findings share it. */
function fixKey(f: Finding): string {
  return editKey(f.fix!);
}

function editKey(fix: Fix): string {
  return `${fix.title}|${JSON.stringify(fix.edits)}`;
}

/**
 * A finding is under the cursor or the range asked about when they overlap; a cursor (an empty range) or an empty
 * finding (an insertion point) also where they touch. Two findings side by side (`[bookmark: A][bookmark: B]`) asked
 * about by one's range (VS Code asks so from the Problems view) do not both answer: the other's fix came first.
 */
function touches(a: Range, b: Range): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
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
