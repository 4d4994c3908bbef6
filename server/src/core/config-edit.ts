// The edit that turns a rule off in a `.gov-report.json` ("关闭此规则"): the
// file's other content and formatting kept, its indentation and line ends
// followed. jsonc-parser (Microsoft's, the one VS Code edits settings.json
// with) makes the minimal edit, so this file stays free of hand-written JSON
// surgery.

import { applyEdits, modify, parseTree, type EditResult, type FormattingOptions, type ParseError } from 'jsonc-parser';
import type { Position } from './text/lines';

export interface ConfigTextEdit {
  /** In the config file's text, as LSP counts (lines, UTF-16 code units). */
  range: { start: Position; end: Position };
  newText: string;
}

/** A new config file that sets `code` to "off". */
export function newConfigText(code: string): string {
  return `${JSON.stringify({ rules: { [code]: 'off' } }, null, 2)}\n`;
}

/**
 * The edits that set `rules[code]` to "off" in `text`, or undefined when the
 * file is not a JSON object with an object (or no) "rules" that could be
 * edited safely: the user then edits it by hand. Empty when it is off already.
 */
export function ruleOffEdits(text: string, code: string): ConfigTextEdit[] | undefined {
  return offsetEdits(text, code)?.map((e) => ({ range: { start: positionAt(text, e.offset), end: positionAt(text, e.offset + e.length) }, newText: e.content }));
}

/** The text with `code` off, or undefined as for ruleOffEdits. */
export function withRuleOff(text: string, code: string): string | undefined {
  const edits = offsetEdits(text, code);
  return edits && applyEdits(text, edits);
}

function offsetEdits(text: string, code: string): EditResult | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || root?.type !== 'object') return undefined;
  const rules = root.children?.find((p) => p.children?.[0]?.value === 'rules')?.children?.[1];
  if (rules && rules.type !== 'object') return undefined;
  const current = rules?.children?.find((p) => p.children?.[0]?.value === code)?.children?.[1];
  if (current?.value === 'off') return [];
  return modify(text, ['rules', code], 'off', options(text));
}

/**
 * The file's own indentation (the first indented line) and line end; a file
 * written on one line stays on one line (nothing is laid out).
 */
function formattingOf(text: string): FormattingOptions | undefined {
  if (!text.trim().includes('\n')) return undefined;
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

function options(text: string): { formattingOptions?: FormattingOptions } {
  const formattingOptions = formattingOf(text);
  return formattingOptions ? { formattingOptions } : {};
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
