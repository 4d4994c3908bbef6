// The CLI on originals (web pages, Word files, PDFs), as a user runs it
// (node bin/gov-report.js …, after `npm run build`): told by content, walked
// in folders beside .txt reports, each finding told by its place in the file.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin/gov-report.js');
const SEED_001 = path.join(ROOT, 'test/fixtures/seeds/001_b514ee349c59fe59.txt');

interface JsonResult {
  file: string;
  format: string;
  diagnostics: { code: string; severity: string; message: string; original?: Record<string, unknown> }[];
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-originals-'));
  temps.push(dir);
  return dir;
}
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A PDF's start with nothing a reader can read after it: a truncated download. */
const TRUNCATED_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<', 'latin1'), Buffer.alloc(32)]);
/** A zip's local header and nothing more: a .docx cut short. */
const TRUNCATED_DOCX = Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]);

describe('gov-report check: originals that cannot be read', () => {
  test('a folder of a text report, a truncated PDF and a cut .docx: both named (exit 2), the report still checked', () => {
    const dir = tempDir();
    copyFileSync(SEED_001, path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'b.pdf'), TRUNCATED_PDF);
    writeFileSync(path.join(dir, 'c.docx'), TRUNCATED_DOCX);
    writeFileSync(path.join(dir, 'notes.md'), '不是报告');
    const r = cli(['check', '--format', 'json', dir]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`无法读取“${escape(path.join(dir, 'b.pdf'))}”：这是 ?PDF 文件，`));
    assert.match(r.stderr, new RegExp(`无法读取“${escape(path.join(dir, 'c.docx'))}”：这是 ?Word 文件（\\.docx），`));
    assert.doesNotMatch(r.stderr, /内部错误|internal error|notes\.md/);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(results.map((x) => [path.basename(x.file), x.format]), [['a.txt', 'text']]);
  });

  test('a PDF named .txt is read as a PDF, and --lang en words the problem in English', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, TRUNCATED_PDF);
    const zh = cli(['check', file]);
    assert.equal(zh.status, 2);
    assert.match(zh.stderr, /report\.txt”：这是 ?PDF 文件，/);
    const en = cli(['check', '--lang', 'en', file]);
    assert.equal(en.status, 2);
    assert.match(en.stderr, /^cannot read .*report\.txt: a PDF file/m);
    assert.match(en.stdout, /1 path not checked/);
  });

  test('tables and render name an unreadable original the same way (exit 2)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.docx');
    writeFileSync(file, TRUNCATED_DOCX);
    for (const command of ['tables', 'render']) {
      const r = cli([command, file]);
      assert.equal(r.status, 2, command);
      assert.equal(r.stdout, '', command);
      assert.match(r.stderr, /report\.docx”：这是 ?Word 文件（\.docx），/, command);
    }
  });
});

describe('gov-report render', () => {
  test('a text report is printed as read (its encoding decoded); usage errors are exit 2', () => {
    const text = readFileSync(SEED_001, 'utf8');
    assert.equal(cli(['render', SEED_001]).stdout, text.endsWith('\n') ? text : `${text}\n`);
    assert.equal(cli(['render']).status, 2);
    assert.equal(cli(['render', '--format', 'json', SEED_001]).status, 2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
