// The PDF reader as it ships: bundled into CommonJS by esbuild with pdfjs-dist
// left out (scripts/build.mjs), PDF.js loaded at run time from dist/pdfjs
// beside the bundle, never from node_modules (the .vsix has none). A probe
// bundled the same way, run by plain Node from a folder with no node_modules
// above it, checks a text report (PDF.js must stay unloaded) and a published
// PDF (its wrong 表四 totals found). Needs `npm run build` first (npm test does it).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { REPO_ROOT, SEEDS_DIR, sharedDir } from '../../helpers/fixtures';

const PROBE = `
import { readFileSync } from 'node:fs';
import { readOriginal } from './server/src/core/readers/original';
import { check, parseDocument } from './server/src/core/service';
(async () => {
  const bytes = new Uint8Array(readFileSync(process.argv[2]!));
  const original = await readOriginal(bytes);
  if (original && !original.ok) throw new Error(JSON.stringify(original.problem));
  const text = original ? original.rendition.text : Buffer.from(bytes).toString('utf8');
  const codes = check(parseDocument(text)).map((f) => f.code);
  process.stdout.write(JSON.stringify({ kind: original?.kind ?? 'text', codes, pdfjsLoaded: 'pdfjsWorker' in globalThis }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('pdf reader from a bundle (the shipped scheme)', () => {
  let dir = '';
  before(async () => {
    const shipped = path.join(REPO_ROOT, 'dist', 'pdfjs');
    assert.ok(existsSync(path.join(shipped, 'pdf.mjs')), `${shipped} is missing: run npm run build first`);
    dir = mkdtempSync(path.join(tmpdir(), 'gov-report-bundle-'));
    // The options of scripts/build.mjs: CommonJS for Node 20, pdfjs-dist external, jsonc-parser's ESM build.
    await build({ stdin: { contents: PROBE, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'probe.ts' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['pdfjs-dist'], alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, outfile: path.join(dir, 'probe.js'), logLevel: 'error' });
    // A copy, not a link: a link's real path is inside the repository, where node_modules (and @napi-rs/canvas's
    // DOMMatrix) would be found, which the installed extension does not have.
    cpSync(shipped, path.join(dir, 'pdfjs'), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (file: string) => JSON.parse(execFileSync(process.execPath, [path.join(dir, 'probe.js'), file], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' })) as { kind: string; codes: string[]; pdfjsLoaded: boolean };

  it('a text report is checked without loading PDF.js', () => {
    const out = run(path.join(SEEDS_DIR, '001_b514ee349c59fe59.txt'));
    assert.equal(out.kind, 'text');
    assert.equal(out.pdfjsLoaded, false);
  });

  it('a published PDF is read with the PDF.js beside the bundle', () => {
    const out = run(path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2023.pdf'));
    assert.equal(out.kind, 'pdf');
    assert.equal(out.pdfjsLoaded, true);
    assert.equal(out.codes.filter((c) => c === 'sum.review').length, 2);
  });
});
