// The CLI on originals (web pages, Word files, PDFs), as a user runs it
// (node bin/gov-report.js …, after `npm run build`): told by content, walked
// in folders beside .txt reports, each finding told by its place in the file.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { savedAsOneFile } from '../../corpus/print';
import { sharedDir } from '../../helpers/fixtures';
import { wordReport } from '../../helpers/word-report';
import { reportPage } from '../../helpers/report-html';
import { strToU8, zipSync } from 'fflate';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin/gov-report.js');
const SEED_001 = path.join(ROOT, 'test/fixtures/seeds/001_b514ee349c59fe59.txt');
/** Seed 000 (tab grid) with 表三 （七）总计's 自然人 5 where its rows add up to 0: one sum error. */
const BROKEN_000 = readFileSync(path.join(ROOT, 'test/fixtures/seeds/000_ff974b936955be5d.txt'), 'utf8').replace(/^\(七\) 总计\t0/m, '(七) 总计\t5');
const PLACE = '表三“（七）总计”行“自然人”列';

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
  test('a folder of a text report, a truncated PDF, a cut .docx and an OpenDocument text: each named (exit 2), the report still checked', () => {
    const dir = tempDir();
    copyFileSync(SEED_001, path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'b.pdf'), TRUNCATED_PDF);
    writeFileSync(path.join(dir, 'c.docx'), TRUNCATED_DOCX);
    writeFileSync(path.join(dir, 'd.odt'), zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') }));
    writeFileSync(path.join(dir, 'notes.md'), '不是报告');
    const r = cli(['check', '--format', 'json', dir]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`无法读取“${escape(path.join(dir, 'b.pdf'))}”：这是 ?PDF 文件，`));
    assert.match(r.stderr, new RegExp(`无法读取“${escape(path.join(dir, 'c.docx'))}”：这是 ?Word 文件（\\.docx），`));
    assert.match(r.stderr, new RegExp(`无法读取“${escape(path.join(dir, 'd.odt'))}”：这是 OpenDocument 文本（\\.odt），不是 Word 文件；请在 WPS、LibreOffice 或 Word 中另存为 \\.docx`));
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

describe('gov-report check: a web page beside text reports', () => {
  const dir = tempDir();
  copyFileSync(SEED_001, path.join(dir, 'a.txt'));
  writeFileSync(path.join(dir, 'b.html'), reportPage(BROKEN_000));
  writeFileSync(path.join(dir, 'b-as-text.txt'), BROKEN_000);
  // A page saved under a .txt name is still a page.
  writeFileSync(path.join(dir, 'c-page-named.txt'), reportPage(BROKEN_000));
  writeFileSync(path.join(dir, 'd.pdf'), TRUNCATED_PDF);
  // A saved site's other pages: one with no text, one that is no report. Skipped, as a .txt would be.
  writeFileSync(path.join(dir, 'e-empty.html'), '<!DOCTYPE html><html><head><title></title></head><body><div class="nav"></div></body></html>');
  writeFileSync(path.join(dir, 'f-news.htm'), '<!DOCTYPE html><html><body><p>本周天气晴好，气温回升。</p></body></html>');

  test('JSON: each file its format; the page’s findings are the text’s, each with its place in the page', () => {
    const r = cli(['check', '--format', 'json', dir]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /d\.pdf”：这是 ?PDF 文件/);
    assert.doesNotMatch(r.stderr, /e-empty|f-news/);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(results.map((x) => [path.basename(x.file), x.format]), [['a.txt', 'text'], ['b-as-text.txt', 'text'], ['b.html', 'html'], ['c-page-named.txt', 'html']]);
    const byName = (name: string) => results.find((x) => path.basename(x.file) === name)!;
    const codes = (x: JsonResult) => x.diagnostics.map((d) => `${d.severity} ${d.code}`).sort();
    assert.deepEqual(codes(byName('b.html')), codes(byName('b-as-text.txt')));
    const error = byName('b.html').diagnostics.filter((d) => d.severity === 'error');
    assert.equal(error.length, 1);
    assert.deepEqual(error[0]!.original, { format: 'html', table: 2, row: 27, column: 2, template: { table: 't3', row: '（七）总计', column: '自然人' }, text: PLACE });
    assert.ok(byName('b.html').diagnostics.every((d) => d.original && typeof d.original.text === 'string'));
    assert.ok(byName('b-as-text.txt').diagnostics.every((d) => d.original === undefined));
  });

  test('text: the page’s finding is told by its place, on one line', () => {
    const r = cli(['check', path.join(dir, 'b.html'), path.join(dir, 'b-as-text.txt')]);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(`${path.join(dir, 'b.html')}:${PLACE}  error  ${lines.find((l) => l.startsWith(path.join(dir, 'b-as-text.txt')) && l.includes('  error  '))!.split('  error  ')[1]}`), r.stdout);
    assert.match(r.stdout, /^2 个文件，2 个错误/m);
    assert.match(cli(['check', dir]).stdout, /跳过 2 个不像年报的文件，1 个路径未能检查$/m);
    const en = cli(['check', '--lang', 'en', path.join(dir, 'b.html')]).stdout;
    assert.match(en, /b\.html:表三 row “（七）总计”, column “自然人”  error  /);
  });

  test('render prints the page as the text that is checked; tables reads it', () => {
    const rendered = cli(['render', path.join(dir, 'b.html')]);
    assert.equal(rendered.status, 0, rendered.stderr);
    assert.match(rendered.stdout, /^\(七\) 总计\t5\t0/m);
    assert.doesNotMatch(rendered.stdout, /网站标识码|打印本页|fontSize/);
    const tables = cli(['tables', path.join(dir, 'b.html')]);
    assert.equal(tables.status, 0, tables.stderr);
    assert.match(tables.stdout, /表三/);
  });
});

describe('gov-report check: a web page saved as one file by Chromium (.mhtml, .mht)', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'b.html'), reportPage(BROKEN_000));
  before(async () => {
    const [saved] = await savedAsOneFile([new Uint8Array(Buffer.from(reportPage(BROKEN_000), 'utf8'))]);
    writeFileSync(path.join(dir, 'c.mhtml'), saved!);
    // Internet Explorer's ending for the same kind of file.
    writeFileSync(path.join(dir, 'd.mht'), saved!);
  });

  test('the folder walk takes both; each reads as the page it holds, its finding told by its place in the page', () => {
    const r = cli(['check', '--format', 'json', dir]);
    assert.equal(r.status, 1, r.stderr);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(results.map((x) => [path.basename(x.file), x.format]), [['b.html', 'html'], ['c.mhtml', 'html'], ['d.mht', 'html']]);
    const shown = (x: JsonResult) => x.diagnostics.map((d) => [d.severity, d.code, d.message, d.original?.text]);
    assert.deepEqual(shown(results[1]!), shown(results[0]!));
    assert.deepEqual(shown(results[2]!), shown(results[0]!));
    assert.equal(results[1]!.diagnostics.filter((d) => d.severity === 'error' && d.original?.text === PLACE).length, 1);
  });

  test('SARIF names the saved file a MIME message', () => {
    const r = cli(['check', '--format', 'sarif', path.join(dir, 'c.mhtml')]);
    const log = JSON.parse(r.stdout) as { runs: { artifacts: { mimeType: string }[] }[] };
    assert.deepEqual(log.runs[0]!.artifacts.map((a) => a.mimeType), ['multipart/related']);
  });
});

describe('gov-report check: a Word file', () => {
  test('the two wrong totals of the template typed into, each at its template cell and grid position', () => {
    const dir = tempDir();
    const file = path.join(dir, '年报.docx');
    writeFileSync(file, wordReport());
    const r = cli(['check', '--format', 'json', file]);
    assert.equal(r.status, 1, r.stderr);
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    assert.equal(result!.format, 'docx');
    const errors = result!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.original);
    assert.deepEqual(
      errors.map((o) => o?.text).sort(),
      ['表三“（七）总计”行“总计”列', '表四“行政复议”行“总计”列'],
    );
    // 表三 is the document's 2nd table, （七）总计 its grid row 27, 总计 column 10; 表四 the 3rd, row 4, column 5.
    assert.ok(errors.some((o) => o?.table === 2 && o.row === 27 && o.column === 10), JSON.stringify(errors));
    assert.ok(errors.some((o) => o?.table === 3 && o.row === 4 && o.column === 5), JSON.stringify(errors));
    const text = cli(['check', file]).stdout;
    assert.match(text, /年报\.docx:表四“行政复议”行“总计”列  error  .*  sum\.review$/m);
  });
});

describe('gov-report check: the published PDFs and the Word template (../shared/raw)', () => {
  const RAW = sharedDir('raw');
  const HONGZE_2023 = path.join(RAW, '淮安市洪泽区人民政府_2023.pdf');
  const WRONG_TOTALS = ['第 4 页，表四“行政复议”行“总计”列', '第 4 页，表四“行政诉讼 复议后起诉”行“总计”列'];

  test('the folder: every file read by content; 洪泽区 2023’s two wrong 表四 totals at page 4 and their cells', () => {
    const r = cli(['check', '--format', 'json', RAW]);
    assert.equal(r.status, 1, r.stderr);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(results.map((x) => [path.basename(x.file), x.format]), [
      ['政务公开年报模版_2021.docx', 'docx'],
      ['淮安市人民政府_2024.pdf', 'pdf'],
      ['淮安市洪泽区人民政府_2023.pdf', 'pdf'],
      ['淮安市洪泽区人民政府_2024.pdf', 'pdf'],
    ]);
    const hongze = results.find((x) => x.file === HONGZE_2023)!;
    const errors = hongze.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.code, d.original?.text]), WRONG_TOTALS.map((t) => ['sum.review', t]));
    assert.deepEqual(errors[0]!.original!['template'], { table: 't4', row: '行政复议', column: '总计' });
    assert.ok(results.filter((x) => x.file !== HONGZE_2023).every((x) => x.diagnostics.every((d) => d.severity !== 'error')));
  });

  test('a PDF named .txt is read as the PDF it is: the same findings, told by page and cell', () => {
    const dir = tempDir();
    const renamed = path.join(dir, '洪泽区2023年报.txt');
    copyFileSync(HONGZE_2023, renamed);
    const text = cli(['check', renamed]);
    assert.equal(text.status, 1, text.stderr);
    for (const place of WRONG_TOTALS) assert.match(text.stdout, new RegExp(`^${escape(renamed)}:${escape(place)}  error  .*  sum\\.review$`, 'm'));
    const [result] = JSON.parse(cli(['check', '--format', 'json', renamed]).stdout) as JsonResult[];
    assert.equal(result!.format, 'pdf');
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
