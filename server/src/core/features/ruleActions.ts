// The two actions every finding offers, as markdownlint's and ESLint's
// extensions do: "关闭此规则（写入 .gov-report.json）" (an edit of the config
// file that governs the report, or a new one) and "查看规则说明" (a command
// that opens the rule's page). One pair per rule under the cursor; quick fixes
// that are never preferred and never part of a fix-all. The caller finds the
// config file and its text (the file system is not the core's).

import { CodeAction, CodeActionKind, Command, CreateFile, TextDocumentEdit, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-types';
import { newConfigText, ruleOffEdits } from '../config-edit';
import { messagesFor, type Lang } from '../i18n';

/** The config file to edit: its URI, and its text when it exists (undefined: it is made). */
export interface ConfigFileTarget {
  uri: string;
  text: string | undefined;
}

export interface RuleActionOptions {
  /** Where "关闭此规则" writes; undefined: not offered (a document not on disk). */
  config?: ConfigFileTarget | undefined;
  /** The client can create a file through a WorkspaceEdit. */
  canCreateFiles?: boolean;
  /** Codes the user's settings set: they override the file, so turning one off there would do nothing. */
  setInSettings?: readonly string[];
  /** The command that opens a rule's page, given its URL, and the base of those URLs; undefined: not offered. */
  docs?: { command: string; base: string } | undefined;
  lang?: Lang;
}

/** The actions for the diagnostics under the cursor (the client's context.diagnostics, our own only). */
export function ruleActions(diagnostics: readonly Diagnostic[], source: string, options: RuleActionOptions): CodeAction[] {
  const m = messagesFor(options.lang ?? 'zh').actions;
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.source !== source || typeof d.code !== 'string' || d.code === '') continue;
    byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
  }
  const out: CodeAction[] = [];
  for (const [code, group] of byCode) {
    const overridden = options.setInSettings?.includes(code) ?? false;
    const edit = options.config && !overridden && ruleOffEdit(options.config, code, !!options.canCreateFiles);
    if (edit) out.push(quickFix(m.disableRule(code), group, { edit }));
    if (options.docs) {
      const title = m.showRuleDocs(code);
      out.push(quickFix(title, group, { command: Command.create(title, options.docs.command, `${options.docs.base}${code}.md`) }));
    }
  }
  return out;
}

function quickFix(title: string, diagnostics: Diagnostic[], what: { edit: WorkspaceEdit } | { command: Command }): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: false, ...what };
}

/**
 * The edit that sets `code` to "off": in the existing file (undefined when it
 * is not JSON we can edit safely, or the rule is off there already), or a new
 * file with just that rule. CreateFile without overwrite: should the file
 * appear meanwhile, the client refuses the edit instead of writing over it.
 */
function ruleOffEdit(config: ConfigFileTarget, code: string, canCreate: boolean): WorkspaceEdit | undefined {
  if (config.text === undefined) {
    if (!canCreate) return undefined;
    const insert = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(code) };
    return { documentChanges: [CreateFile.create(config.uri), TextDocumentEdit.create({ uri: config.uri, version: null }, [insert])] };
  }
  const edits = ruleOffEdits(config.text, code);
  if (!edits || edits.length === 0) return undefined;
  return { changes: { [config.uri]: edits } };
}
