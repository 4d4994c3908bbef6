// The command-line checker, run as a user runs it (node bin/gov-report.js …,
// after `npm run build`), plus pure tests of argv parsing, config parsing and
// the byte decoder.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { parseConfig, parseRuleOption } from '../../../server/src/cli/config';
import { decodeReport } from '../../../server/src/core/text/decode';
import { decodePage } from '../../../server/src/core/readers/html/encoding';
import { check, parseDocument } from '../../../server/src/core/service';
import { sharedDir } from '../../helpers/fixtures';
import { chineseProse } from '../../helpers/i18n';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEEDS = 'test/fixtures/seeds';
/** The shared corpus beside the clone, as a user would name it from the repository root. */
const CORPUS = path.relative(ROOT, sharedDir('corpus'));
const SEED_000 = `${SEEDS}/000_ff974b936955be5d.txt`;
/** 表三 rows that lost a cell in export: the parser reports table.shape. */
const SEED_001 = `${SEEDS}/001_b514ee349c59fe59.txt`;
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  related?: { range: JsonDiagnostic['range']; message: string }[];
}
interface JsonResult {
  file: string;
  diagnostics: JsonDiagnostic[];
}

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync('node', [path.join(ROOT, 'bin/gov-report.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliJson(args: string[], cwd = ROOT) {
  const r = cli(['check', '--format', 'json', ...args], cwd);
  return { ...r, results: JSON.parse(r.stdout) as JsonResult[] };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-cli-'));
  temps.push(dir);
  return dir;
}
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function seedText(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

function codesOf(results: JsonResult[]): string[] {
  return results.flatMap((r) => r.diagnostics.map((d) => d.code));
}

describe('gov-report check: text output', () => {
  const r = cli(['check', SEEDS, CORPUS]);
  const lines = r.stdout.trimEnd().split('\n');
  const problemLines = lines.filter((l) => /:\d+:\d+  /.test(l));

  test('one line per problem: path:line:col  severity  message  code', () => {
    assert.ok(problemLines.length > 0, r.stdout);
    for (const line of problemLines) {
      assert.match(line, /^(test\/fixtures\/seeds|\.\.\/shared\/corpus)\/[^:]+\.txt:[1-9]\d*:[1-9]\d*  (error|warning|information|hint)  \S.*  [a-z0-9.-]+$/, line);
    }
  });

  test('sorted by file, then by position', () => {
    const keys = problemLines.map((l) => {
      const m = /^(.+?):(\d+):(\d+)  /.exec(l)!;
      return { file: m[1]!, line: Number(m[2]), col: Number(m[3]) };
    });
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      const ordered = a.file < b.file || (a.file === b.file && (a.line < b.line || (a.line === b.line && a.col <= b.col)));
      assert.ok(ordered, `${a.file}:${a.line}:${a.col} before ${b.file}:${b.line}:${b.col}`);
    }
  });

  test('ends with a summary line counting files, errors and warnings', () => {
    const summary = lines.at(-1)!;
    assert.match(summary, /^8 个文件，\d+ 个错误，\d+ 个警告/);
    const errors = problemLines.filter((l) => /  error  /.test(l)).length;
    const warnings = problemLines.filter((l) => /  warning  /.test(l)).length;
    assert.ok(summary.includes(`${errors} 个错误，${warnings} 个警告`), summary);
  });

  test('text positions are the JSON positions plus one', () => {
    const text = cli(['check', SEED_001]).stdout;
    const { results } = cliJson([SEED_001]);
    const expected = results[0]!.diagnostics.map((d) => `${SEED_001}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  `);
    const actual = text.split('\n').filter((l) => l.startsWith(`${SEED_001}:`));
    assert.equal(actual.length, expected.length);
    actual.forEach((line, i) => assert.ok(line.startsWith(expected[i]!), `${line}\n  expected to start with ${expected[i]}`));
  });
});

describe('gov-report check: JSON output', () => {
  test('an array of { file, diagnostics } with LSP-shaped diagnostics', () => {
    const { status, results, stderr } = cliJson([SEEDS, CORPUS]);
    assert.notEqual(status, 2, stderr);
    assert.equal(results.length, 8);
    assert.deepEqual(results.map((r) => r.file), [...results.map((r) => r.file)].sort());
    for (const result of results) {
      assert.deepEqual(Object.keys(result).sort(), ['diagnostics', 'file', 'format']);
      assert.ok(result.file.startsWith('test/fixtures/seeds/') || result.file.startsWith('../shared/corpus/'), result.file);
      for (const d of result.diagnostics) {
        const keys = Object.keys(d).sort();
        assert.deepEqual(keys.filter((k) => k !== 'related'), ['code', 'message', 'range', 'severity']);
        // The other places the finding names (the cells of a total), each a range and words.
        for (const r of d.related ?? []) assert.deepEqual(Object.keys(r).sort(), ['message', 'range']);
        assert.ok(SEVERITIES.includes(d.severity), d.severity);
        assert.equal(typeof d.code, 'string');
        assert.equal(typeof d.message, 'string');
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(Number.isInteger(p.line) && p.line >= 0, JSON.stringify(p));
          assert.ok(Number.isInteger(p.character) && p.character >= 0, JSON.stringify(p));
        }
      }
    }
  });

  test('ranges are zero-based line/character into the file', () => {
    const { results } = cliJson([SEED_001]);
    const fileLines = seedText(SEED_001).split(/\r\n|\r|\n/);
    const shape = results[0]!.diagnostics.find((d) => d.code === 'table.shape' && d.message.includes('予以公开'));
    assert.ok(shape, 'seed 001 reports the （一）予以公开 row that lost a cell');
    const { start, end } = shape.range;
    assert.equal(start.line, end.line);
    const covered = fileLines[start.line]!.slice(start.character, end.character);
    assert.ok(covered.includes('予以公开'), `range covers “${covered}”`);
  });
});

describe('gov-report check: exit codes', () => {
  test('0 when nothing is an error', () => {
    // Whatever the core reports as an error today is demoted to a warning,
    // so this test does not depend on which rules exist.
    const errorCodes = new Set(cliJson([SEEDS, CORPUS]).results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)));
    const demote = [...errorCodes].flatMap((code) => ['--rule', `${code}=warning`]);
    const r = cli(['check', ...demote, SEEDS, CORPUS]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /8 个文件，0 个错误/);
  });

  test('1 when an error is reported (table.shape raised to error on seed 001)', () => {
    const r = cli(['check', '--rule', 'table.shape=error', SEED_001]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /  error  .*  table\.shape$/m);
    assert.equal(r.stderr, '');
  });

  test('2 when a path cannot be read; the other files are still checked; 2 wins over 1', () => {
    const missing = path.join(tempDir(), '不存在的报告.txt');
    const r = cli(['check', '--rule', 'table.shape=error', missing, SEED_001]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(missing), r.stderr);
    assert.match(r.stderr, /^无法读取.*文件或文件夹不存在.*\(cannot read .*no such file or directory\)/m);
    assert.match(r.stdout, new RegExp(`^${SEED_001}:\\d+:\\d+  error  .*table\\.shape$`, 'm'));
    assert.match(r.stdout, /1 个文件，\d+ 个错误/);
  });

  test('2 with JSON output too, and stdout stays valid JSON', () => {
    const { status, results, stderr } = cliJson(['no-such-folder', SEED_000]);
    assert.equal(status, 2);
    assert.ok(stderr.includes('no-such-folder'));
    assert.deepEqual(results.map((r) => r.file), [SEED_000]);
  });
});

describe('gov-report check: collecting files', () => {
  test('a folder with no report: nothing checked, exit 0', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), '会议纪要：下周一上午九点开会。\n');
    writeFileSync(path.join(dir, 'report.md'), seedText(SEED_001));
    // Reports under node_modules and dot-folders are not walked into.
    for (const skipped of ['node_modules', '.history']) {
      mkdirSync(path.join(dir, skipped));
      writeFileSync(path.join(dir, skipped, 'r.txt'), seedText(SEED_001));
    }
    const r = cli(['check', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0 个文件，0 个错误，0 个警告，跳过 1 个不像年报的文件$/m);
    assert.deepEqual(cliJson([dir]).results, []);
  });

  test('folders are walked recursively for *.txt; an explicit file is checked whatever its extension', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'b', '年报.TXT'), seedText(SEED_001));
    const explicit = path.join(dir, 'report.md');
    writeFileSync(explicit, seedText(SEED_001));
    const { results } = cliJson([dir, explicit]);
    assert.deepEqual(results.map((r) => r.file).sort(), [path.join(dir, 'a', 'b', '年报.TXT'), explicit].sort());
    assert.ok(results.every((r) => r.diagnostics.some((d) => d.code === 'table.shape')));
  });

  test('a file given twice is checked once', () => {
    const { results } = cliJson([SEED_001, `./${SEED_001}`, SEEDS]);
    assert.equal(results.filter((r) => r.file.endsWith('001_b514ee349c59fe59.txt')).length, 1);
  });
});

describe('gov-report check: encodings', () => {
  const original = cliJson([SEED_001]).results[0]!.diagnostics;

  test('a GB18030 copy gives the same diagnostics as the UTF-8 original', () => {
    const file = path.join(tempDir(), 'gb18030.txt');
    writeFileSync(file, iconv.encode(seedText(SEED_001), 'gb18030'));
    const { results, status } = cliJson([file]);
    assert.notEqual(status, 2);
    assert.deepEqual(results[0]!.diagnostics, original);
  });

  test('a BOM + CRLF copy gives the same diagnostic codes at the same lines', () => {
    const file = path.join(tempDir(), 'bom-crlf.txt');
    writeFileSync(file, '\uFEFF' + seedText(SEED_001).replace(/\r?\n/g, '\r\n'), 'utf8');
    const copy = cliJson([file]).results[0]!.diagnostics;
    assert.deepEqual(copy.map((d) => d.code), original.map((d) => d.code));
    assert.deepEqual(copy.map((d) => d.range.start.line), original.map((d) => d.range.start.line));
  });
});

describe('gov-report check: severities', () => {
  test('--rule table.shape=off silences it', () => {
    assert.ok(codesOf(cliJson([SEED_001]).results).includes('table.shape'));
    assert.ok(!codesOf(cliJson(['--rule', 'table.shape=off', SEED_001]).results).includes('table.shape'));
  });

  test('--rule accepts info, and --rule=code=level', () => {
    const { results } = cliJson(['--rule=table.shape=info', SEED_001]);
    const shape = results[0]!.diagnostics.filter((d) => d.code === 'table.shape');
    assert.ok(shape.length > 0 && shape.every((d) => d.severity === 'information'));
  });

  test('an unknown rule code is a warning on stderr, not a failure', () => {
    const r = cli(['check', '--rule', 'no.such.rule=off', SEED_000]);
    assert.notEqual(r.status, 2);
    assert.match(r.stderr, /未知的规则代码 no\.such\.rule/);
  });

  test('a bad --rule value is a usage error', () => {
    for (const bad of ['table.shape', 'table.shape=loud', '=error']) {
      const r = cli(['check', '--rule', bad, SEED_000]);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /用法/);
      assert.equal(r.stdout, '');
    }
  });

  test('.gov-report.json in a parent folder applies; the nearest wins; the command line wins over it', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'near'));
    const far = path.join(dir, 'far.txt');
    const near = path.join(dir, 'near', 'near.txt');
    writeFileSync(far, seedText(SEED_001));
    writeFileSync(near, seedText(SEED_001));
    writeFileSync(path.join(dir, '.gov-report.json'), JSON.stringify({ rules: { 'table.shape': 'off' } }));
    writeFileSync(path.join(dir, 'near', '.gov-report.json'), JSON.stringify({ rules: { 'table.shape': 'error' } }));

    const shapeSeverities = (results: JsonResult[], file: string) =>
      [...new Set(results.find((r) => r.file === file)!.diagnostics.filter((d) => d.code === 'table.shape').map((d) => d.severity))];

    const byFile = cliJson([far, near]);
    assert.deepEqual(shapeSeverities(byFile.results, far), []);
    assert.deepEqual(shapeSeverities(byFile.results, near), ['error']);
    assert.equal(byFile.status, 1);

    const overridden = cliJson(['--rule', 'table.shape=hint', far, near]);
    assert.deepEqual(shapeSeverities(overridden.results, far), ['hint']);
    assert.deepEqual(shapeSeverities(overridden.results, near), ['hint']);
  });

  test('a malformed .gov-report.json: a message naming it, exit 2, other folders still checked', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'bad'));
    mkdirSync(path.join(dir, 'good'));
    writeFileSync(path.join(dir, 'bad', '.gov-report.json'), '{ "rules": { "table.shape": "off", } ');
    writeFileSync(path.join(dir, 'bad', 'r.txt'), seedText(SEED_001));
    writeFileSync(path.join(dir, 'good', 'r.txt'), seedText(SEED_001));
    const r = cli(['check', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /配置文件无效.*\.gov-report\.json.*JSON/);
    assert.ok(r.stderr.includes(path.join(dir, 'bad', '.gov-report.json')), r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.match(r.stdout, /good\/r\.txt:\d+:\d+  warning  .*table\.shape/);
    assert.doesNotMatch(r.stdout, /bad\/r\.txt/);
  });

  test('a config with an invalid level is malformed too', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.gov-report.json'), JSON.stringify({ rules: { 'table.shape': 'loud' } }));
    writeFileSync(path.join(dir, 'r.txt'), seedText(SEED_001));
    const r = cli(['check', path.join(dir, 'r.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /配置文件无效.*table\.shape.*loud/);
  });
});

describe('gov-report check --lang', () => {
  test('--lang en: the same diagnostics as Chinese, in English words; --lang zh is the default', () => {
    const zhResults = cliJson([SEEDS, CORPUS]).results;
    const explicit = cliJson(['--lang', 'zh', SEEDS, CORPUS]).results;
    const en = cliJson(['--lang=en', SEEDS, CORPUS]);
    assert.equal(en.status, 1);
    assert.deepEqual(explicit, zhResults);
    const withoutWords = (d: JsonResult['diagnostics'][number]) => ({ ...d, message: undefined, related: d.related?.map((r) => ({ ...r, message: undefined })) });
    const shape = (results: JsonResult[]) => results.map((r) => ({ file: r.file, diagnostics: r.diagnostics.map(withoutWords) }));
    assert.deepEqual(shape(en.results), shape(zhResults));
    const messages = en.results.flatMap((r) => r.diagnostics.map((d) => d.message));
    assert.ok(messages.length > 20);
    for (const message of messages) assert.deepEqual(chineseProse(message), [], message);
    const shapeRow = en.results.flatMap((r) => r.diagnostics).find((d) => d.code === 'table.shape' && d.message.includes('予以公开'));
    // One finding for the table (its 21 rows that lost a cell), the first row's words after the count.
    assert.match(shapeRow!.message, /^表三 differs from the template in 21 places .*First: Row “（一）予以公开” has 6 numbers where the template has 7/);
  });

  test('--lang en: text output and its summary line in English', () => {
    const r = cli(['check', '--lang', 'en', CORPUS]);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[lines.length - 1]!, /^3 files, 2 errors, \d+ warnings?, \d+ hints?$/);
    assert.match(r.stdout, /  error  Is 0, should be 11: 总计 of 表四 “行政复议” is the sum of its four results  sum\.review$/m);
  });

  test('a bad or missing --lang value: exit 2, a message naming the option, nothing on stdout', () => {
    for (const args of [['check', '--lang', 'fr', SEED_000], ['check', '--lang=zh-cn', SEED_000], ['check', SEED_000, '--lang']]) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /--lang/);
      assert.match(r.stderr, /用法 \(usage\)/);
    }
    assert.match(cli(['check', '--lang', 'fr', SEED_000]).stderr, /--lang 只能是 zh 或 en，收到“fr” \(--lang must be zh or en\)/);
  });

  test('tables --lang en: the reading problems in English', () => {
    const r = cli(['tables', '--lang', 'en', SEED_001]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## Reading problems$/m);
    assert.match(cli(['tables', SEED_001]).stdout, /^## 读取问题$/m);
  });

  test('--help documents --lang', () => {
    assert.match(cli(['--help']).stdout, /--lang zh\|en/);
  });

  test('parseArgs: --lang in either form, only zh or en', () => {
    assert.deepEqual(parseArgs(['check', '--lang', 'en', 'a']), { kind: 'check', format: 'text', rules: {}, lang: 'en', crossYear: true, paths: ['a'] });
    assert.deepEqual(parseArgs(['tables', '--lang=zh', 'a']), { kind: 'tables', lang: 'zh', path: 'a' });
    for (const argv of [['check', '--lang', 'EN', 'a'], ['check', '--lang', '', 'a'], ['check', 'a', '--lang']]) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
  });
});

describe('gov-report tables', () => {
  test('prints the 表三 rows and the 表四 grid of seed 000', () => {
    const r = cli(['tables', SEED_000]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^一、本年新收政府信息公开申请数量 +(\d+ +){6}\d+$/m);
    const t4 = r.stdout.slice(r.stdout.indexOf('## 表四'));
    assert.ok(t4.startsWith('## 表四'), r.stdout);
    assert.match(t4, /结果维持 +结果纠正 +其他结果 +尚未审结 +总计/);
    for (const group of ['行政复议', '未经复议直接起诉', '复议后起诉']) {
      assert.match(t4, new RegExp(`^${group} +(\\S+ +){4}\\S+$`, 'm'), group);
    }
  });

  test('an unreadable file: exit 2 and a message naming it', () => {
    const r = cli(['tables', 'missing.txt']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /无法读取“missing\.txt”/);
  });
});

describe('gov-report usage', () => {
  test('--help and -h print help (mentioning 1-based positions) to stdout, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([flag]);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /gov-report check/);
      assert.match(r.stdout, /从 1 开始/);
    }
    assert.equal(cli(['check', '--help']).status, 0);
  });

  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = cli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  test('an unknown command, an unknown option or no command: usage on stderr, exit 2', () => {
    for (const args of [['lint', SEED_000], ['check', '--fix', SEED_000], ['check', '--format', 'xml', SEED_000], ['check'], []]) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /用法 \(usage\)/);
    }
  });

  test('the launcher is executable and explains a missing build', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(path.join(ROOT, 'bin/gov-report.js'), path.join(dir, 'bin/gov-report.js'));
    const r = spawnSync('node', [path.join(dir, 'bin/gov-report.js'), '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /请先运行 npm run build/);
    if (process.platform !== 'win32') {
      const run = spawnSync(path.join(ROOT, 'bin/gov-report.js'), ['--version'], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    }
  });
});

describe('parseArgs (pure)', () => {
  test('check with options anywhere, repeated --rule, -- ends options', () => {
    assert.deepEqual(parseArgs(['check', 'a', '--rule', 'x=off', '--format=json', '--rule=y=error', '--', '-b.txt']), {
      kind: 'check',
      format: 'json',
      rules: { x: 'off', y: 'error' },
      crossYear: true,
      paths: ['a', '-b.txt'],
    });
    assert.equal((parseArgs(['check', '--no-cross-year', 'a']) as { crossYear: boolean }).crossYear, false);
  });

  test('mistakes are UsageErrors', () => {
    for (const argv of [[], ['check'], ['tables'], ['tables', 'a', 'b'], ['tables', '--format', 'json', 'a'], ['tables', '--no-cross-year', 'a'], ['check', '--format'], ['x']]) {
      assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
    }
  });
});

describe('config parsing (pure)', () => {
  test('parseRuleOption', () => {
    assert.deepEqual(parseRuleOption('table.shape=warning'), { code: 'table.shape', setting: 'warning' });
    assert.throws(() => parseRuleOption('table.shape=loud'), /无效/);
    assert.throws(() => parseRuleOption('table.shape'), /code=level/);
  });

  test('parseConfig', () => {
    assert.deepEqual(parseConfig('{ "rules": { "a": "off", "b": "info" } }'), { a: 'off', b: 'info' });
    assert.deepEqual(parseConfig('{}'), {});
    assert.throws(() => parseConfig('{ "rules": '), /JSON/);
    assert.throws(() => parseConfig('[]'), /对象/);
    assert.throws(() => parseConfig('{ "rules": ["a"] }'), /"rules"/);
    assert.throws(() => parseConfig('{ "rules": { "a": 1 } }'), /级别/);
  });
});

describe('decodeReport (pure)', () => {
  const chinese = '政府信息公开工作年度报告\r\n一、总体情况\n“三安全一稳定”';

  test('UTF-8 without BOM', () => {
    assert.deepEqual(decodeReport(Buffer.from(chinese, 'utf8')), { text: chinese, encoding: 'utf-8' });
  });

  test('UTF-8 with BOM: the BOM is stripped, CRLF kept', () => {
    assert.deepEqual(decodeReport(Buffer.from('\uFEFF' + chinese, 'utf8')), { text: chinese, encoding: 'utf-8-bom' });
  });

  test('GB18030 and GBK bytes (invalid UTF-8) decode as GB18030', () => {
    assert.deepEqual(decodeReport(iconv.encode(chinese, 'gb18030')), { text: chinese, encoding: 'gb18030' });
    assert.deepEqual(decodeReport(iconv.encode(chinese, 'gbk')), { text: chinese, encoding: 'gb18030' });
    // A character outside GBK, encoded as a GB18030 four-byte sequence.
    assert.equal(decodeReport(iconv.encode('𠀀年报', 'gb18030')).text, '𠀀年报');
  });

  // A crawler's size limit cuts the last character in two, or a byte is lost: read as GB18030, the whole report was
  // garbage ("no report body"). Now UTF-8, the broken sequence a U+FFFD; a text broken at every line (fold, which
  // counts bytes) stays as before, its broken words never read as the writer's.
  test('UTF-8 with a character cut or a byte lost is UTF-8; broken at every line it is not', () => {
    const page = readFileSync(path.join(sharedDir('crawled'), '平潭综合实验区农业农村局_2021.txt'));
    const text = page.toString('utf8');
    // Cut inside the last Chinese character before the end (its first byte kept).
    const lastWide = Buffer.byteLength(text.slice(0, text.search(/[\u4e00-\u9fff][^\u4e00-\u9fff]*$/)));
    const cut = decodeReport(page.subarray(0, lastWide + 1));
    assert.equal(cut.encoding, 'utf-8');
    assert.equal(cut.text, page.subarray(0, lastWide).toString('utf8') + '\ufffd');
    // The page's real 表三 errors are still found.
    assert.ok(check(parseDocument(cut.text)).filter((f) => f.code === 'sum.column').length >= 2);
    const at = page.indexOf(Buffer.from('总体情况')) + 1;
    const lost = decodeReport(Buffer.concat([page.subarray(0, at), page.subarray(at + 1)]));
    assert.equal(lost.encoding, 'utf-8');
    assert.equal((lost.text.match(/\ufffd/g) ?? []).length, 1);
    const folded = spawnSync('fold', ['-w', '80'], { input: page });
    assert.equal(folded.status, 0);
    assert.equal(decodeReport(folded.stdout).encoding, 'gb18030');
    assert.equal(decodeReport(iconv.encode(text, 'gb18030')).text, text);
    // A saved web page cut the same way (no charset declared).
    const html = Buffer.from(`<html><body><p>${text}</p></body></html>`);
    const htmlCut = decodePage(html.subarray(0, html.indexOf(Buffer.from('</p>')) - 1));
    assert.equal(htmlCut.encoding, 'utf8');
    assert.ok(htmlCut.text.endsWith('\ufffd') && htmlCut.text.includes('一、总体情况'));
  });

  test('UTF-16 with a BOM', () => {
    assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')])), { text: chinese, encoding: 'utf-16le' });
    const be = Buffer.from(chinese, 'utf16le').swap16();
    assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text: chinese, encoding: 'utf-16be' });
  });

  test('empty input, ASCII, and a Uint8Array view into a larger buffer', () => {
    assert.deepEqual(decodeReport(new Uint8Array()), { text: '', encoding: 'utf-8' });
    assert.deepEqual(decodeReport(Buffer.from('abc\r\n')), { text: 'abc\r\n', encoding: 'utf-8' });
    const whole = Buffer.from('xx\uFEFF年报', 'utf8');
    assert.deepEqual(decodeReport(new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.length - 2)), { text: '年报', encoding: 'utf-8-bom' });
  });
});
