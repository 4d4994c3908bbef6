// Bundles the client, the language server and the CLI with esbuild.
// One file each, so the extension ships without node_modules.
// PDF.js is ESM with top-level await and does not bundle into these CommonJS
// files: it is shipped beside them as files of its own (dist/pdfjs/, its
// minified legacy build for Node), which the PDF reader imports by file URL on
// the first PDF it reads (server/src/core/readers/pdf/load.ts).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['pdfjs-dist'],
  // jsonc-parser's main is a UMD build whose requires esbuild cannot follow (they would stay
  // require('./impl/…') calls in the bundle, which ships without node_modules): bundle its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);

const pdfjs = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
mkdirSync('dist/pdfjs/cmaps', { recursive: true });
for (const [from, to] of [
  ['legacy/build/pdf.min.mjs', 'pdf.mjs'],
  ['legacy/build/pdf.worker.min.mjs', 'pdf.worker.mjs'],
  ['LICENSE', 'LICENSE'],
]) {
  copyFileSync(path.join(pdfjs, from), path.join('dist/pdfjs', to));
}
for (const file of readdirSync(path.join(pdfjs, 'cmaps')).filter((f) => /GB/.test(f))) {
  copyFileSync(path.join(pdfjs, 'cmaps', file), path.join('dist/pdfjs/cmaps', file));
}

// opencc-js's tables are bundled into the server and the CLI (core/text/traditional.ts): its licences go beside them
// (the code MIT, OpenCC's dictionary data Apache-2.0).
// Its package.json is not exported: the package's folder is found above its main file.
let opencc = path.dirname(createRequire(import.meta.url).resolve('opencc-js'));
while (!existsSync(path.join(opencc, 'LICENSES'))) opencc = path.dirname(opencc);
mkdirSync('dist/licenses/opencc-js', { recursive: true });
for (const file of ['LICENSE', 'LICENSES/Apache-2.0.txt']) {
  copyFileSync(path.join(opencc, file), path.join('dist/licenses/opencc-js', path.basename(file)));
}
