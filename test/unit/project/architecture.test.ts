// The house rules that a reader of the code relies on, checked on the sources:
// no import cycle between modules (type imports included: a cycle of types is
// still a knot to untie), the core imports no editor or protocol library but
// the plain LSP types, and the client bundles no reader or rule.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file imports (static, re-exports and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

const files = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))];
const graph = new Map(files.map((f) => [f, specifiers(f).flatMap((s) => resolve(f, s) ?? [])]));

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out;
}

describe('the shape of the code', () => {
  test('the sources were found and their imports read', () => {
    assert.ok(files.length > 100, `${files.length} files`);
    const service = graph.get(path.join(ROOT, 'server', 'src', 'core', 'service.ts'))!;
    assert.ok(service.length > 10, 'the façade imports the core');
  });

  test('no import cycle between modules', () => {
    assert.deepEqual(cycles(), []);
  });

  test('the core imports no editor, protocol connection or CLI module: only the plain LSP types', () => {
    const core = files.filter((f) => f.includes(`${path.sep}core${path.sep}`));
    const offending = core.flatMap((f) =>
      specifiers(f)
        .filter((s) => /^vscode(?!-languageserver-types$)/.test(s) || /\/(?:lsp|cli)\//.test(s) || /^\.\.\/(?:\.\.\/)*(?:lsp|cli|client)\b/.test(s))
        .map((s) => `${path.relative(ROOT, f)} → ${s}`),
    );
    assert.deepEqual(offending, []);
  });

  test('the CLI and the server reach the core through the façade (core/service.ts) only', () => {
    const outer = files.filter((f) => /[\\/]server[\\/]src[\\/](?:cli|lsp|node)[\\/]/.test(f));
    const offending = outer.flatMap((f) => specifiers(f).filter((s) => /(?:^|\/)core\//.test(s) && !/(?:^|\/)core\/service$/.test(s)).map((s) => `${path.relative(ROOT, f)} → ${s}`));
    assert.deepEqual(offending, []);
  });

  test('the rules read the model, never the parser', () => {
    const rules = files.filter((f) => f.includes(`${path.sep}core${path.sep}rules${path.sep}`));
    const offending = rules.flatMap((f) => (graph.get(f) ?? []).filter((g) => g.includes(`${path.sep}core${path.sep}parse${path.sep}`)).map((g) => `${path.relative(ROOT, f)} → ${path.relative(ROOT, g)}`));
    assert.ok(rules.length > 20, `${rules.length} rule modules`);
    assert.deepEqual(offending, []);
  });

  // Besides types: the preview page (pure HTML from the server's view), the catalogs, and the few lines that tell a
  // plain-text file is a report (core/detect), which the client runs before the server is up.
  test('the client imports nothing of the core but types, the preview page and report detection', () => {
    const client = files.filter((f) => f.includes(`${path.sep}client${path.sep}`));
    const offending = client.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]*server\/src\/core[^'"]*)['"]/g)]
        .map((m) => m[1]!)
        .filter((s) => !/features\/preview-?[Hh]tml|core\/i18n|core\/detect$/.test(s))
        .map((s) => `${path.relative(ROOT, f)} → ${s}`);
    });
    assert.deepEqual(offending, []);
  });
});
