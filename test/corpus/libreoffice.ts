// Word files (or plain text) converted by LibreOffice (Debian's
// libreoffice-writer-nogui, installed by scripts/setup-tools.sh), the way an
// office turns its report into the PDF, web page or text it publishes: converted at test time into a
// temporary cache keyed by the input's hash and the target (nothing converted
// is committed). Each conversion runs its own soffice with its own profile, so
// test files running in parallel do not wait on one another's lock.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = '/usr/bin/soffice';
const CACHE = path.join(tmpdir(), 'gov-report-libreoffice');

/** What LibreOffice writes: a PDF, a web page (its HTML export), plain text (UTF-8, each paragraph and cell a line), a Word 97–2003 or Word file, an OpenDocument text, Rich Text Format. */
export type LibreOfficeTarget = 'pdf' | 'html' | 'txt' | 'doc' | 'docx' | 'odt' | 'rtf';

const FILTERS: Readonly<Record<LibreOfficeTarget, string>> = { pdf: 'pdf', html: 'html', txt: 'txt:Text (encoded):UTF8', doc: 'doc:MS Word 97', docx: 'docx:MS Word 2007 XML', odt: 'odt', rtf: 'rtf' };

export interface ConvertOptions {
  /**
   * What the bytes are: a Word file (the default), UTF-8 text, whose lines LibreOffice lays out as paragraphs, a web
   * page, or a PDF, which Writer's PDF import turns into a document of text boxes (a PDF converted to Word).
   */
  readonly from?: 'docx' | 'txt' | 'html' | 'pdf';
  /**
   * 'none': LibreOffice sees no Chinese font (only DejaVu), as on a server that lacks the report's fonts: it
   * draws a stand-in glyph for each Chinese character and keeps the character only in /ActualText.
   */
  readonly chineseFonts?: 'none';
}

/** The file's bytes converted by LibreOffice (cached). */
export function converted(input: Uint8Array, target: LibreOfficeTarget, options: ConvertOptions = {}): Uint8Array {
  const from = options.from ?? 'docx';
  const key = createHash('sha256').update(input).update(`${from} ${target} ${options.chineseFonts ?? ''}`).digest('hex').slice(0, 24);
  const file = path.join(CACHE, `${key}.${target}`);
  if (!existsSync(file)) {
    if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: scripts/setup-tools.sh installs it (Debian package libreoffice-writer-nogui)`);
    mkdirSync(CACHE, { recursive: true });
    const work = mkdtempSync(path.join(tmpdir(), 'gov-report-soffice-'));
    try {
      const source = path.join(work, `report.${from}`);
      writeFileSync(source, input);
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: work };
      if (options.chineseFonts === 'none') env.FONTCONFIG_FILE = withoutChineseFonts(work);
      const infilter = from === 'txt' ? ['--infilter=Text (encoded):UTF8'] : from === 'pdf' ? ['--infilter=writer_pdf_import'] : [];
      execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', ...infilter, '--convert-to', FILTERS[target], '--outdir', path.join(work, 'out'), source], { env, stdio: 'pipe', timeout: 120_000 });
      const out = readdirSync(path.join(work, 'out')).find((f) => f.startsWith('report.'));
      if (!out) throw new Error(`LibreOffice wrote no ${target} for the ${from} file`);
      // Written whole, then renamed: a parallel run never reads half a file.
      writeFileSync(`${file}.${process.pid}`, readFileSync(path.join(work, 'out', out)));
      renameSync(`${file}.${process.pid}`, file);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return new Uint8Array(readFileSync(file));
}

/** A fontconfig file that offers only the DejaVu fonts (no Chinese). */
function withoutChineseFonts(work: string): string {
  const conf = path.join(work, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${path.join(work, 'fontcache')}</cachedir></fontconfig>`);
  return conf;
}
