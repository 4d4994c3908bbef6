// Security: the extension runs nothing from the workspace and reads no
// setting that could make it run something; the table preview's webview
// loads nothing remote, runs only its own nonced script, and shows report
// text (which comes from the workspace, so is untrusted) only escaped.
// Scans the bundles `npm run build` writes (dist/client.js, dist/server.js).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { previewCsp, renderPreviewDocument } from '../../../server/src/core/features/previewHtml';
import { parseDocument, tables } from '../../../server/src/core/service';
import { buildReport, validT3 } from '../../helpers/build-report';

const ROOT = path.resolve(__dirname, '..', '..', '..');

// ------------------------------------------------------------------ the bundles

/**
 * Every place a bundle can start a process or run code from a string, by the
 * module it comes from (esbuild marks each module with a `// path` comment).
 */
function riskySites(bundle: string): string[] {
  const lines = readFileSync(path.join(ROOT, bundle), 'utf8').split('\n');
  let module = '(bundle prelude)';
  const processApis = new Set<string>();
  const sites = new Set<string>();
  for (const line of lines) {
    const marker = /^\s*\/\/ ((?:node_modules|client|server|scripts)\/\S+\.(?:[cm]?js|ts|json))$/.exec(line);
    if (marker) {
      module = marker[1]!;
      continue;
    }
    const binding = /(?:var|const|let)\s+(\w+)\s*=\s*(?:__importStar\(|__toESM\()?require\(["'](?:node:)?child_process["']\)/.exec(line);
    if (binding) {
      processApis.add(binding[1]!);
      sites.add(`${module}: require("child_process")`);
    }
    for (const name of processApis) {
      for (const use of line.matchAll(new RegExp(`\\b${name}\\.(\\w+)\\b`, 'g'))) sites.add(`${module}: child_process.${use[1]}`);
    }
    if (/require\(["'](?:node:)?(?:child_process|worker_threads|vm|cluster)["']\)/.test(line) && !binding) sites.add(`${module}: ${/require\(["']([^"']+)/.exec(line)![1]}`);
    if (/\beval\s*\(/.test(line)) sites.add(`${module}: eval`);
    if (/\bnew\s+Function\b|\bFunction\s*\(\s*["'`]/.test(line)) sites.add(`${module}: new Function`);
    if (/\brequire\s*\(\s*(?!["'`])[^)\s]/.test(line)) sites.add(`${module}: require(<computed>)`);
    if (/\bimport\s*\(\s*(?!["'`])[^)\s]/.test(line)) sites.add(`${module}: import(<computed>)`);
  }
  return [...sites].sort();
}

// Our own code's one computed import, since the server reads originals (issue 13): the PDF reader loads
// pdf.js (ESM) on the first PDF by file URL, from fixed file names in the extension's dist/pdfjs (or
// node_modules in development); nothing of the input reaches the specifier.
const OWN_SITES = ['server/src/core/readers/pdf/load.ts: import(<computed>)'];

// What the language client and server libraries need: the client spawns or
// forks the server (only as the extension configures it: our own
// dist/server.js) and kills it on Windows with taskkill; the server library's
// Files helpers (module resolution; never called by our code) can spawn npm.
const ALLOWED: Record<string, string[]> = {
  'dist/client.js': [
    'node_modules/vscode-languageclient/lib/node/main.js: child_process.fork',
    'node_modules/vscode-languageclient/lib/node/main.js: child_process.spawn',
    'node_modules/vscode-languageclient/lib/node/main.js: require("child_process")',
    'node_modules/vscode-languageclient/lib/node/processes.js: child_process.execFileSync',
    'node_modules/vscode-languageclient/lib/node/processes.js: child_process.spawnSync',
    'node_modules/vscode-languageclient/lib/node/processes.js: require("child_process")',
  ],
  'dist/server.js': [
    'node_modules/vscode-languageserver/lib/node/files.js: child_process.fork',
    'node_modules/vscode-languageserver/lib/node/files.js: child_process.spawnSync',
    'node_modules/vscode-languageserver/lib/node/files.js: require("child_process")',
    ...OWN_SITES,
  ],
};

describe('the bundles start no process and run no code of their own making', () => {
  for (const bundle of Object.keys(ALLOWED)) {
    it(`${bundle}: only the allowed library sites`, () => {
      assert.ok(existsSync(path.join(ROOT, bundle)), `${bundle} is missing: run npm run build`);
      assert.deepEqual(riskySites(bundle), ALLOWED[bundle]!.slice().sort());
    });
  }

  it('our own code in the bundles has no process, eval or computed require at all', () => {
    for (const bundle of Object.keys(ALLOWED)) {
      assert.deepEqual(riskySites(bundle).filter((s) => /^(client|server|scripts)\//.test(s) && !OWN_SITES.includes(s)), [], bundle);
    }
  });

  it('the client starts the server from the extension itself, by module path, never a command', () => {
    const source = readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(source, /context\.asAbsolutePath\(['"]dist\/server\.js['"]\)/);
    const options = /const serverOptions[^=]*=\s*\{([\s\S]*?)\n\s*\};/.exec(source)?.[1] ?? '';
    assert.match(options, /run:\s*\{\s*module:\s*serverModule/);
    assert.doesNotMatch(options, /command\s*:/, 'no executable to run');
    assert.doesNotMatch(options, /getConfiguration|process\.env/, 'no path from settings or the environment');
  });

  it('our server code does not use the server library’s module resolution (the npm/yarn spawning part)', () => {
    const bundle = readFileSync(path.join(ROOT, 'dist/server.js'), 'utf8');
    const ours = bundle.split(/^\/\/ /m).filter((chunk) => /^server\/src\//.test(chunk)).join('\n');
    assert.ok(ours.length > 1000);
    assert.doesNotMatch(ours, /resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath|\bFiles\.resolve/);
  });
});

// ------------------------------------------------------------------ settings

interface SettingSchema {
  type?: string | string[];
  enum?: unknown[];
  additionalProperties?: SettingSchema | boolean;
  properties?: Record<string, SettingSchema>;
  items?: SettingSchema;
}

describe('settings: none can make the extension run something', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[]; [key: string]: unknown };
  };
  const configs = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
  const properties = Object.assign({}, ...configs.map((c) => c.properties)) as Record<string, SettingSchema>;

  it('no setting names a command, a path or an executable', () => {
    assert.ok(Object.keys(properties).length > 0);
    for (const name of Object.keys(properties)) assert.doesNotMatch(name, /path|command|cmd|exec|executable|program|binary|shell|script|server|runtime|node|args/i, name);
  });

  it('every string a setting can hold is one of a fixed list', () => {
    const check = (name: string, schema: SettingSchema) => {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (types.includes('string')) assert.ok(Array.isArray(schema.enum) && schema.enum.length > 0, `${name}: a free string`);
      if (types.includes('object')) {
        // Either fixed keys (additionalProperties: false), each checked, or free keys whose values are checked.
        const fixed = schema.additionalProperties === false;
        assert.ok(fixed ? schema.properties && Object.keys(schema.properties).length > 0 : schema.additionalProperties && typeof schema.additionalProperties === 'object', `${name}: an object with free keys and values`);
        if (fixed) for (const [key, value] of Object.entries(schema.properties!)) check(`${name}.${key}`, value);
        else check(`${name}.*`, schema.additionalProperties as SettingSchema);
      }
      if (types.includes('array')) {
        assert.ok(schema.items, `${name}: an array of anything`);
        check(`${name}[]`, schema.items);
      }
      for (const t of types) assert.ok(['string', 'boolean', 'integer', 'number', 'object', 'array', 'null'].includes(String(t)), `${name}: type ${String(t)}`);
    };
    for (const [name, schema] of Object.entries(properties)) check(name, schema);
  });

  it('the client reads only declared settings', () => {
    const dir = path.join(ROOT, 'client/src');
    const sources = ['extension.ts', 'runMode.ts', 'detectReport.ts', 'newReport.ts', 'preview.ts', 'statusItem.ts', 'workspaceCheck.ts'].filter((f) => existsSync(path.join(dir, f)));
    const read = sources.flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/getConfiguration\(\s*['"]([\w.]+)['"][^)]*\)\s*\.get(?:<[^>]+>)?\(\s*['"]([\w.]+)['"]/g)].map((m) => `${m[1]}.${m[2]}`));
    assert.ok(read.length > 0);
    for (const key of read) assert.ok(key in properties, `${key} is read but not declared`);
  });

  it('no task, debugger or terminal contribution', () => {
    for (const key of ['taskDefinitions', 'debuggers', 'terminal', 'problemMatchers']) assert.equal(pkg.contributes[key], undefined, key);
  });
});

// ------------------------------------------------------------------ the webview

describe('the table preview webview (server/src/core/features/previewHtml.ts)', () => {
  const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
  const csp = previewCsp(NONCE);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

  it('allows no remote content: nothing by default, no scheme, host or wildcard anywhere', () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    for (const [name, sources] of directives) {
      for (const s of sources) assert.match(s, /^'(none|self|nonce-[A-Za-z0-9+/=]+)'$/, `${name} ${s}`);
    }
    assert.doesNotMatch(csp, /https?:|wss?:|data:|blob:|\*/);
  });

  it('allows no inline script without the nonce (no unsafe-inline, unsafe-eval or unsafe-hashes)', () => {
    assert.deepEqual(directives.get('script-src'), [`'nonce-${NONCE}'`]);
    assert.doesNotMatch(csp, /unsafe-/);
  });

  it('report text with markup in it is escaped: the page holds only its own nonced script', () => {
    // Labels, a cell and a heading carrying HTML, as a malicious or broken workspace file might.
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';
    const text = buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, `5${evil}`] }, prose: { 0: evil } })
      .replace('行政许可', `行政许可${evil}`)
      .replace('规章\t', `规章${evil}\t`);
    const view = tables(parseDocument(text));
    const html = renderPreviewDocument(view, { nonce: NONCE, title: evil, meta: evil });
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the markup is shown as text');
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one script element');
    assert.match(html, new RegExp(`<script nonce="${NONCE}">`));
    // Every real tag (escaped text has no '<'): no loading element, no handler, no source.
    const tags = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '<$1>').match(/<[a-zA-Z][^>]*>/g) ?? [];
    assert.ok(tags.length > 50);
    for (const tag of tags) {
      assert.doesNotMatch(tag, /^<(img|iframe|object|embed|link|base|form|a|svg|math|video|audio|source)\b/i, tag);
      // Attribute values are quoted with " (a " inside is &quot;): look at the names only.
      const names = tag.replace(/"[^"]*"/g, '""');
      assert.doesNotMatch(names, /'|\son\w+\s*=|\ssrc\s*=|\shref\s*=|\sstyle\s*=/i, tag);
    }
  });
});
