// Glue for core/features/ruleActions.ts: "关闭此规则" edits the config file
// that governs the document (configFiles.ts), "查看规则说明" runs a command the
// server carries out with window/showDocument, so any client that can show a
// document opens the page (no client code).

import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Connection } from 'vscode-languageserver/node';
import { SOURCE, ruleActions, type Lang, type RuleSeverities } from '../core/service';
import type { ConfigFiles } from './configFiles';
import { guardRequest } from './guard';

export { SHOW_RULE_DOCS_COMMAND } from './protocol';
import { SHOW_RULE_DOCS_COMMAND } from './protocol';

export interface RuleActionDeps {
  files: ConfigFiles;
  /** What the client can do (capabilities.ts ClientFeatures). */
  features: { readonly showDocument?: boolean; readonly createFiles?: boolean };
  docsBase: string;
  lang: Lang;
  /** The rules the user's settings set: they sit above the file, so writing it would change nothing. */
  setInSettings?: RuleSeverities;
}

/** The rule actions for the client's diagnostics under the cursor; none when it asks only for other kinds. */
export function ruleActionsFor(uri: string, context: CodeActionContext | undefined, deps: RuleActionDeps): CodeAction[] {
  const diagnostics = context?.diagnostics ?? [];
  const only = context?.only;
  if (diagnostics.length === 0 || (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))) return [];
  const target = deps.files.targetFor(uri);
  return ruleActions(diagnostics, SOURCE, {
    config: target && { uri: pathToFileURL(target.file).href, text: target.text },
    canCreateFiles: !!deps.features.createFiles,
    docs: deps.features.showDocument ? { command: SHOW_RULE_DOCS_COMMAND, base: deps.docsBase } : undefined,
    lang: deps.lang,
    ...(deps.setInSettings ? { setInSettings: Object.keys(deps.setInSettings) } : {}),
  });
}

/** Opens a rule's page. Only our own pages: the argument comes from the client. */
export function registerRuleDocsCommand(connection: Connection, docsBase: string): void {
  connection.onExecuteCommand(guardRequest(connection.console, 'executeCommand', () => null, async ({ command, arguments: args }) => {
    if (command !== SHOW_RULE_DOCS_COMMAND) return null;
    const page = args?.[0];
    if (typeof page !== 'string' || !page.startsWith(docsBase) || !/^[a-z0-9.-]+\.md$/.test(page.slice(docsBase.length))) return null;
    await connection.window.showDocument({ uri: page, takeFocus: true });
    return null;
  }));
}
