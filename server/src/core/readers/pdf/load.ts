// Loads Mozilla's PDF.js on the first PDF read, never before: the editor's
// start and a text report's check do not pay for it (it is ~2 MB of ESM).
// Shipped bundles carry it beside them in dist/pdfjs/ (scripts/build.mjs copies
// it there); in development it comes from node_modules. Its "worker" runs in
// this process: its message handler is handed over as pdf.js's documented
// `globalThis.pdfjsWorker`, so it never resolves a worker script on its own.

import { ensureDomMatrix } from './dom-matrix';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface LoadedPdfJs {
  readonly pdfjs: PdfJs;
  /**
   * Adobe's character maps (a folder, with its trailing slash): a PDF whose Chinese font is not
   * embedded (STSong-Light with UniGB-UCS2-H, as many office tools write) has no text without them.
   */
  readonly cMapUrl: string;
}

let loading: Promise<LoadedPdfJs> | undefined;

export function loadPdfJs(): Promise<LoadedPdfJs> {
  // A failed load is not kept: the next PDF tries again (a long-running server must not stay broken).
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<LoadedPdfJs> {
  const bundled = bundledDir();
  // pdf.js warns on the console when it loads in Node without a canvas package, which it needs only to
  // render pages (never here); the language server's stdout is its protocol, so nothing may be printed.
  const quiet = silenceConsole();
  try {
    // Both by file URL (an ESM import from this CommonJS code); the worker module has no type declarations.
    const url = (file: string) => pathToFileURL(bundled ? path.join(bundled, file) : require.resolve(`pdfjs-dist/legacy/build/${file}`)).href;
    const worker = (await import(url('pdf.worker.mjs'))) as { WorkerMessageHandler: unknown };
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= { WorkerMessageHandler: worker.WorkerMessageHandler };
    ensureDomMatrix();
    const pdfjs = (await import(url('pdf.mjs'))) as PdfJs;
    pdfjs.GlobalWorkerOptions.workerSrc ||= 'pdf.worker.mjs';
    const cMaps = bundled ? path.join(bundled, 'cmaps') : path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
    return { pdfjs, cMapUrl: `${cMaps}${path.sep}` };
  } finally {
    quiet();
  }
}

/** dist/pdfjs beside a bundle (dist/server.js, dist/cli.js), or undefined when running from the sources. */
function bundledDir(): string | undefined {
  const dir = typeof __dirname === 'string' ? path.join(__dirname, 'pdfjs') : undefined;
  return dir && existsSync(path.join(dir, 'pdf.mjs')) ? dir : undefined;
}

function silenceConsole(): () => void {
  const { log, warn, info } = console;
  console.log = console.warn = console.info = () => {};
  return () => {
    Object.assign(console, { log, warn, info });
  };
}
