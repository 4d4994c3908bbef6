// The command line under hostile file systems: unreadable files, dangling
// links, folders with no report, encodings side by side, a file that vanishes
// while the CLI runs. Each problem: a message naming the file on stderr,
// exit 2, and every other file still checked. (test/unit/cli/cli.test.ts covers
// the ordinary behaviour; run `npm run build` first.)

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { check, looksLikeReport, parseDocument } from '../../../server/src/core/service';
import { flattenOneLine } from '../../corpus/render';
import { reportListPage, reportNoticePage } from '../../helpers/column-pages';
import { converted } from '../../corpus/libreoffice';
import { wordReport } from '../../helpers/word-report';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin/gov-report.js');
const SEED = readFileSync(path.join(ROOT, 'test/fixtures/seeds/001_b514ee349c59fe59.txt'), 'utf8');

interface JsonResult {
  file: string;
  format: string;
  diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string; severity: string }[];
}

function cli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...options.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const r = cli(['check', '--format', 'json', ...args], options);
  return { ...r, results: JSON.parse(r.stdout) as JsonResult[] };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-robust-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const d of temps) {
    try {
      chmodSync(d, 0o700);
    } catch {
      // already gone
    }
    rmSync(d, { recursive: true, force: true });
  }
});

function names(results: JsonResult[], dir: string): string[] {
  return results.map((r) => path.relative(dir, r.file)).sort();
}

describe('gov-report check: unreadable paths', () => {
  test('a file with mode 000: message naming it, exit 2, the others checked', (t) => {
    const dir = tempDir();
    const locked = path.join(dir, 'locked.txt');
    writeFileSync(locked, SEED);
    writeFileSync(path.join(dir, 'ok.txt'), SEED);
    chmodSync(locked, 0o000);
    let readable = true;
    try {
      readFileSync(locked);
    } catch {
      readable = false;
    }
    if (readable) {
      t.skip('running as root (or with CAP_DAC_OVERRIDE): mode 000 does not stop reading, so there is nothing to test');
      return;
    }
    const r = json([dir]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(locked), r.stderr);
    assert.match(r.stderr, /没有读取权限.*permission denied/);
    assert.deepEqual(names(r.results, dir), ['ok.txt']);
  });

  test('a folder with mode 000 inside the folder checked', (t) => {
    const dir = tempDir();
    const sub = path.join(dir, 'locked');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'r.txt'), SEED);
    writeFileSync(path.join(dir, 'ok.txt'), SEED);
    chmodSync(sub, 0o000);
    let readable = true;
    try {
      readFileSync(path.join(sub, 'r.txt'));
    } catch {
      readable = false;
    }
    if (readable) {
      t.skip('running as root: mode 000 does not stop reading a folder');
      return;
    }
    const r = json([dir]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(sub), r.stderr);
    assert.deepEqual(names(r.results, dir), ['ok.txt']);
  });

  test('a dangling symbolic link named on the command line', () => {
    const dir = tempDir();
    const link = path.join(dir, 'gone.txt');
    symlinkSync(path.join(dir, 'no-such-target.txt'), link);
    writeFileSync(path.join(dir, 'ok.txt'), SEED);
    const r = json([link, path.join(dir, 'ok.txt')]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(link), r.stderr);
    assert.match(r.stderr, /文件或文件夹不存在.*no such file or directory/);
    assert.deepEqual(names(r.results, dir), ['ok.txt']);
  });

  test('a dangling symbolic link inside a folder is named too, not silently passed over', () => {
    const dir = tempDir();
    const link = path.join(dir, 'b-gone.txt');
    symlinkSync(path.join(dir, 'no-such-target.txt'), link);
    writeFileSync(path.join(dir, 'a.txt'), SEED);
    writeFileSync(path.join(dir, 'c.txt'), SEED);
    const r = json([dir]);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.includes(link), r.stderr);
    assert.deepEqual(names(r.results, dir), ['a.txt', 'c.txt']);
    const text = cli(['check', dir]);
    assert.match(text.stdout, /1 个路径未能检查/);
  });

  test('a link to a folder that links back: no loop, the report inside checked once', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'r.txt'), SEED);
    symlinkSync(dir, path.join(dir, 'a', 'loop'));
    const r = json([dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(names(r.results, dir), [path.join('a', 'r.txt')]);
  });

  test('a folder whose name ends in .txt is walked, not read as a file', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'reports.txt'));
    writeFileSync(path.join(dir, 'reports.txt', 'r.txt'), SEED);
    const r = json([dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(names(r.results, dir), [path.join('reports.txt', 'r.txt')]);
  });
});

describe('gov-report check: folders with no report', () => {
  test('an empty folder, a folder of other files, empty and binary .txt files: exit 0, nothing checked (an unreadable original in a folder: cli-originals.test.ts)', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'empty'));
    mkdirSync(path.join(dir, 'other'));
    writeFileSync(path.join(dir, 'other', 'empty.txt'), '');
    writeFileSync(path.join(dir, 'other', 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    for (const folder of [path.join(dir, 'empty'), path.join(dir, 'other'), dir]) {
      const r = cli(['check', folder]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^0 个文件，0 个错误，0 个警告/m);
      assert.deepEqual(json([folder]).results, []);
    }
  });

  test('an empty file named explicitly is checked; a binary, PDF or Word file named explicitly is named as such (exit 2), the rest still checked', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.bin'), Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(path.join(dir, 'report.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(64)]));
    writeFileSync(path.join(dir, 'report.docx'), Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]));
    const files = ['empty.txt', 'binary.bin', 'report.txt', 'report.docx'].map((f) => path.join(dir, f));
    const r = json(files);
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /内部错误|internal error/);
    assert.match(r.stderr, /binary\.bin”：这是二进制文件，不是文本/);
    assert.match(r.stderr, /report\.txt”：这是 ?PDF 文件/);
    assert.match(r.stderr, /report\.docx”：这是 ?Word 文件（\.docx）/);
    assert.equal(r.results.length, 1, 'the empty file is still checked');
  });

  test('the Word report saved as RTF by LibreOffice: read as the original it is, in a folder too; its RTF source opened as text is named as such', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '年度报告.rtf'), converted(wordReport(), 'rtf'));
    const r = json([dir]);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.results.map((x) => [path.basename(x.file), x.format]), [['年度报告.rtf', 'rtf']]);
    assert.deepEqual(r.results[0]!.diagnostics.map((d) => `${d.severity} ${d.code}`).sort(), ['error sum.review', 'error sum.row']);
    // Its text opened in the editor as a text report says what the file is, as an error on the file, and nothing else.
    const findings = check(parseDocument(new TextDecoder().decode(converted(wordReport(), 'rtf'))));
    assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), ['file.not-text 这是 RTF 格式的文件（Word、写字板等导出），不是文本，无法作为年度报告检查；请先另存为文本（.txt）再检查。']);
  });
});

describe('gov-report check: encodings side by side', () => {
  test('UTF-8, UTF-8 with BOM, GBK, GB18030 and UTF-16 copies of one report: the same diagnostics', () => {
    const dir = tempDir();
    // 𠀀 needs GB18030's four-byte form; GBK cannot hold it, so the GBK copy goes without.
    const text = SEED.replace('一、总体情况', '一、总体情况');
    const files: Record<string, Buffer> = {
      'a-utf8.txt': Buffer.from(text, 'utf8'),
      'b-utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'c-gbk.txt': iconv.encode(text, 'gbk'),
      'd-gb18030.txt': iconv.encode(text, 'gb18030'),
      'e-utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'f-crlf-gbk.txt': iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    assert.notDeepEqual(files['c-gbk.txt'], files['a-utf8.txt'], 'the GBK copy really is other bytes');
    const r = json([dir]);
    assert.notEqual(r.status, 2, r.stderr);
    assert.deepEqual(names(r.results, dir), Object.keys(files).sort());
    const shape = (res: JsonResult) => res.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
    const expected = shape(r.results[0]!);
    assert.ok(expected.length > 0);
    for (const res of r.results) assert.deepEqual(shape(res), expected, res.file);
  });

  test('a GB18030 file with a character outside the BMP: columns counted in UTF-16 units, as in the editor', () => {
    const dir = tempDir();
    const line = SEED.split('\n').findIndex((l) => l.includes('予以公开'));
    const lines = SEED.split('\n');
    lines[line] = `𠀀${lines[line]}`;
    writeFileSync(path.join(dir, 'plain.txt'), SEED);
    writeFileSync(path.join(dir, 'wide.txt'), iconv.encode(lines.join('\n'), 'gb18030'));
    const r = json([dir]);
    const plain = r.results.find((x) => x.file.endsWith('plain.txt'))!.diagnostics.filter((d) => d.range.start.line === line);
    const wide = r.results.find((x) => x.file.endsWith('wide.txt'))!.diagnostics.filter((d) => d.range.start.line === line);
    assert.ok(plain.length > 0, 'seed 001 has a finding on the 予以公开 row');
    assert.deepEqual(wide.map((d) => d.range.start.character), plain.map((d) => d.range.start.character + 2));
  });
});

describe('gov-report check: a file that vanishes while the CLI runs', () => {
  const REPORTS = 24;
  function folderOfReports(): { dir: string; files: string[] } {
    const dir = tempDir();
    const files = Array.from({ length: REPORTS }, (_, i) => path.join(dir, `r${String(i).padStart(3, '0')}.txt`));
    for (const f of files) writeFileSync(f, SEED);
    return { dir, files };
  }

  test('deterministic: deleted between the listing and its reading (a preload unlinks it just before the CLI reads it)', () => {
    // A real race cannot be made reliable; this puts the deletion exactly
    // where a race would: after the folder was listed, before the file is read.
    const { dir, files } = folderOfReports();
    const victim = files[REPORTS / 2]!;
    const preload = path.join(dir, 'vanish.cjs');
    writeFileSync(preload, `
const fs = require('node:fs');
const original = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (String(file) === process.env.VANISH && fs.existsSync(file)) fs.unlinkSync(file);
  return original.call(this, file, ...rest);
};
`);
    const r = spawnSync(process.execPath, ['--require', preload, CLI, 'check', '--format', 'json', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VANISH: victim } });
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.includes(victim), r.stderr);
    assert.match(r.stderr, /文件或文件夹不存在/);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.equal(results.length, REPORTS - 1, 'every other report checked');
    assert.ok(!results.some((x) => x.file === victim));
  });

  test('a real race: whichever way it goes (read first, listed then gone, or never listed), the rest are checked and a listed-then-gone file is named', async (t) => {
    const { dir, files } = folderOfReports();
    const victim = files[REPORTS - 1]!;
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', dir], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((r) => setTimeout(r, 400));
    unlinkSync(victim);
    const status = await exited;
    const results = JSON.parse(stdout) as JsonResult[];
    const others = results.filter((x) => x.file !== victim);
    assert.equal(others.length, REPORTS - 1, 'every other report checked');
    const outcome = results.length === REPORTS ? 'read before it was deleted' : stderr.includes(victim) ? 'listed, then deleted before reading' : 'deleted before the listing';
    t.diagnostic(`the race went: ${outcome}`);
    if (outcome === 'listed, then deleted before reading') assert.equal(status, 2, 'listed, then gone: exit 2');
    else assert.notEqual(status, 2, `nothing went wrong from the CLI's point of view\n${stderr}`);
  });
});

// A folder a reviewer collects holds pages that name the report in their opening but are none: the column's list of
// reports by year, a notice on writing them, as the portal serves them and as a crawler saves them (one line). Each
// got "six parts missing", an error. Now a file found in a folder is skipped when nothing of a report's body is
// found in it (report-body.ts); named explicitly, it is checked as before.
describe('gov-report check: pages that name the report but are none', () => {
  const others = (dir: string) => {
    writeFileSync(path.join(dir, '政府信息公开年报.html'), reportListPage());
    writeFileSync(path.join(dir, '关于做好年度报告编制和发布工作的通知.html'), reportNoticePage());
    writeFileSync(path.join(dir, '政府信息公开年报.txt'), flattenOneLine(reportListPage(), 'https://www.example.gov.cn/zwgk/nb/index.html'));
    writeFileSync(path.join(dir, '关于做好年度报告编制和发布工作的通知.txt'), flattenOneLine(reportNoticePage(), 'https://www.example.gov.cn/art/2025/1/5/art_1.html'));
    return ['政府信息公开年报.html', '关于做好年度报告编制和发布工作的通知.html', '政府信息公开年报.txt', '关于做好年度报告编制和发布工作的通知.txt'];
  };

  test('in a folder beside a report: skipped and counted as such, the report checked', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'report.txt'), SEED);
    // Each names the report in its opening, as the walk's first test reads it.
    for (const name of others(dir)) assert.ok(looksLikeReport(readFileSync(path.join(dir, name), 'utf8').replace(/<[^>]+>/g, '').slice(0, 2000)), name);
    const r = json([dir]);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.results.map((x) => path.basename(x.file)), ['report.txt']);
    assert.match(cli(['check', dir]).stdout, /^1 个文件，.*跳过 4 个不像年报的文件$/m);
  });

  test('named explicitly: checked, and said to hold no report body, a warning (no error on a page that is no report)', () => {
    const dir = tempDir();
    const files = others(dir).map((f) => path.join(dir, f));
    const r = json(files);
    assert.equal(r.results.length, 4);
    for (const x of r.results) {
      assert.deepEqual(x.diagnostics.map((d) => `${d.severity} ${d.code}`), ['warning section.missing'], x.file);
      assert.match(x.diagnostics[0]!.message, /^未找到年度报告的正文：.*如果这不是年度报告/, x.file);
    }
  });

  test('a report whose part headings are unreadable but whose tables are read, or the reverse, is still checked in a folder', () => {
    const dir = tempDir();
    const noHeadings = SEED.split('\n').filter((l) => !/^[一二三四五六]、/.test(l)).join('\n');
    assert.equal(parseDocument(noHeadings).report.sections.length, 0, 'no part heading left');
    writeFileSync(path.join(dir, 'no-headings.txt'), noHeadings);
    const noTables = SEED.split('\n').filter((l) => !/\d\s*$/.test(l) && !l.includes('\t')).join('\n');
    writeFileSync(path.join(dir, 'no-tables.txt'), noTables);
    const r = json([dir]);
    assert.deepEqual(r.results.map((x) => path.basename(x.file)).sort(), ['no-headings.txt', 'no-tables.txt']);
    assert.ok(r.results.every((x) => x.diagnostics.some((d) => d.code === 'section.missing' || d.code === 'table.missing')));
    // Tables read without a part heading: the parts are missing from a report, an error as before.
    const tablesOnly = r.results.find((x) => x.file.endsWith('no-headings.txt'))!;
    assert.deepEqual(tablesOnly.diagnostics.filter((d) => d.code === 'section.missing').map((d) => d.severity), ['error']);
  });
});
