// Colours as users see them (issue 16): the grammar's scopes through the themes
// VS Code ships (the code-server install the editor tests use), tokenised and
// coloured by vscode-textmate exactly as the editor does. Table labels, captions,
// headings and debris must never take the colour themes give errors (red).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { isRed } from './colours';
import { CACHE, CODE_SERVER_VERSION, ROOT, SEEDS } from './harness';

const THEMES = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
const THEME_FILES = ['dark_modern.json', 'light_modern.json', 'dark_plus.json', 'light_plus.json', '2026-dark.json', '2026-light.json', 'hc_black.json', 'hc_light.json'];

interface Theme {
  settings: textmate.IRawThemeSetting[];
  colors: Record<string, string>;
}

/** A theme file with the ones it includes (VS Code's theme JSON allows comments and trailing commas). */
function loadTheme(file: string): Theme {
  const raw = JSON.parse(readFileSync(path.join(THEMES, file), 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1')) as {
    include?: string;
    tokenColors?: textmate.IRawThemeSetting[];
    colors?: Record<string, string>;
  };
  const parent = raw.include ? loadTheme(path.basename(raw.include)) : { settings: [], colors: {} };
  return { settings: [...parent.settings, ...(raw.tokenColors ?? [])], colors: { ...parent.colors, ...(raw.colors ?? {}) } };
}

describe('the grammar in the themes VS Code ships', async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const onigLib = Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) });
  const grammarText = readFileSync(path.join(ROOT, 'syntaxes', 'gov-report.tmLanguage.json'), 'utf8');
  // A Word export (tab grid) with captions, labels, headings, a page number and a bookmark added.
  const lines = [...readFileSync(path.join(SEEDS, '000_ff974b936955be5d.txt'), 'utf8').split(/\r?\n/), '- 4 -', '[bookmark: OLE_LINK1]'];

  for (const file of THEME_FILES) {
    it(`${file}: labels, captions, headings and debris are not painted red`, async () => {
      const theme = loadTheme(file);
      const foreground = theme.colors['editor.foreground'] ?? (file.includes('light') ? '#000000' : '#D4D4D4');
      const registry = new textmate.Registry({ onigLib, loadGrammar: async () => textmate.parseRawGrammar(grammarText, 'gov-report.tmLanguage.json') });
      registry.setTheme({ name: file, settings: [{ settings: { foreground, background: '#808080' } }, ...theme.settings] });
      const colours = registry.getColorMap();
      const grammar = (await registry.loadGrammar('text.gov-report'))!;
      const seen = new Map<string, Set<string>>();
      let stack = textmate.INITIAL;
      for (const line of lines) {
        const coloured = grammar.tokenizeLine2(line, stack);
        const scoped = grammar.tokenizeLine(line, stack);
        stack = coloured.ruleStack;
        // Scopes by token; colours by run (tokenizeLine2 merges neighbours of one colour).
        for (const token of scoped.tokens) {
          let k = 0;
          while (k + 2 < coloured.tokens.length && coloured.tokens[k + 2]! <= token.startIndex) k += 2;
          // vscode-textmate's metadata: the foreground colour's index sits at bits 15–23.
          const colour = colours[(coloured.tokens[k + 1]! >>> 15) & 0x1ff]!.toUpperCase();
          const kind = /table-label|table-caption|heading|section|debris|list/.exec(token.scopes.at(-1) ?? '')?.[0];
          if (!kind || !line.slice(token.startIndex, token.endIndex).trim()) continue;
          if (!seen.has(kind)) seen.set(kind, new Set());
          seen.get(kind)!.add(colour);
        }
      }
      for (const kind of ['table-label', 'table-caption', 'section', 'debris']) assert.ok(seen.has(kind), `${file}: no ${kind} token in the sample`);
      for (const [kind, set] of seen) for (const colour of set) assert.ok(!isRed(colour), `${file}: ${kind} is painted ${colour}, a red`);
      // Labels read as structure: coloured apart from the text around them (except where a high-contrast theme keeps all text one colour).
      if (!file.startsWith('hc_')) assert.ok(![...seen.get('table-label')!].includes(foreground.toUpperCase()), `${file}: table labels in the plain text colour`);
    });
  }
});
