// `gov-report check` on many files spreads them over worker threads: what it
// prints (stdout and stderr, in every format) and its exit code are those of a
// run on one thread, on a folder with everything a walk meets: reports with
// findings, a web page, a year series (the cross-year pass reads every file's
// report), a truncated PDF, a broken .gov-report.json, a note that is no report,
// an unknown rule in a config. The progress line: on a terminal only, not with --quiet.
// Needs `npm run build` (the CLI is run as users run it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { reportPage } from '../../helpers/report-html';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin/gov-report.js');
const SEEDS = path.join(ROOT, 'test/fixtures/seeds');

const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const seed of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, seed), path.join(dir, seed));
const clean = readFileSync(path.join(SEEDS, '000_ff974b936955be5d.txt'), 'utf8');
writeFileSync(path.join(dir, 'broken.txt'), clean.replace(/^\(七\) 总计\t0/m, '(七) 总计\t5'));
writeFileSync(path.join(dir, 'page.html'), reportPage(clean.replace(/^\(七\) 总计\t0/m, '(七) 总计\t3')));
mkdirSync(path.join(dir, 'years'));
for (const { year, text } of yearSeries()) writeFileSync(path.join(dir, 'years', `${AGENCY}${year}.txt`), text);
writeFileSync(path.join(dir, 'years', '.gov-report.json'), JSON.stringify({ rules: { 'no.such-rule': 'off', 'section.numbering': 'error' } }));
writeFileSync(path.join(dir, 'cut.pdf'), Buffer.from('%PDF-1.7\n1 0 obj\n<<'));
writeFileSync(path.join(dir, 'notes.txt'), '下周开会。');
mkdirSync(path.join(dir, 'bad'));
copyFileSync(path.join(SEEDS, '001_b514ee349c59fe59.txt'), path.join(dir, 'bad', 'r.txt'));
writeFileSync(path.join(dir, 'bad', '.gov-report.json'), '{ "rules": ');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gov-report check on worker threads', () => {
  for (const format of ['text', 'json', 'sarif']) {
    test(`--format ${format}: three threads print what one thread prints`, () => {
      const one = cli(['check', '--jobs', '1', '--format', format, '.']);
      const three = cli(['check', '--jobs', '3', '--format', format, '.']);
      assert.equal(one.status, 2, one.stderr);
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      // The run is not trivially equal: findings of every kind are in it, cross-year ones too.
      for (const code of ['sum.column', 'cross-year.carried', 'section.numbering']) assert.ok(one.stdout.includes(code), code);
      assert.match(one.stderr, /cut\.pdf/);
      assert.match(one.stderr, /bad[\\/]\.gov-report\.json/);
      assert.match(one.stderr, /no\.such-rule/);
    });
  }

  test('the default (every core but one) prints what one thread prints', () => {
    const one = cli(['check', '--jobs', '1', '.']);
    const all = cli(['check', '.']);
    assert.deepEqual(all, one);
  });

  test('progress on standard error only when it is a terminal, and not with --quiet', () => {
    assert.doesNotMatch(cli(['check', '.']).stderr, /已检查|\r/);
    // `script` gives the command a terminal; its output is the terminal's.
    const onTerminal = (args: string) => spawnSync('script', ['-qec', `${process.execPath} ${CLI} check ${args} . > /dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8' }).stdout;
    const shown = onTerminal('');
    // The files the walk takes: the seeds, broken.txt, page.html, cut.pdf, notes.txt, bad/r.txt and the years.
    const total = readdirSync(SEEDS).length + 5 + yearSeries().length;
    assert.match(shown, new RegExp(`已检查 ${total}/${total} 个文件`));
    assert.match(onTerminal('--lang en'), new RegExp(`checked ${total}/${total} files`));
    // The line is cleared before a message and at the end: no message starts after it on its line.
    assert.doesNotMatch(shown, /个文件[^\r\n]*无法读取/);
    assert.doesNotMatch(onTerminal('--quiet'), /已检查/);
  });

  test('a year series split over threads: each pair compared wherever its years were checked, as on one thread', () => {
    // Five years (2019 as a web page: its related place in the original), a revised 2022 draft beside the
    // published one (ambiguous) and a second download of 2021 (the same report): on two to six threads the
    // stretches of the walk split the series, so last year's report is lent from one thread to another.
    const years = mkdtempSync(path.join(os.tmpdir(), 'gov-report-threads-years-'));
    try {
      for (const { year, text } of yearSeries()) {
        if (year === 2019) writeFileSync(path.join(years, `${AGENCY}${year}.html`), reportPage(text));
        else writeFileSync(path.join(years, `${AGENCY}${year}.txt`), text);
        if (year === 2021) writeFileSync(path.join(years, `${AGENCY}${year} (1).txt`), text);
        if (year === 2022) writeFileSync(path.join(years, `${AGENCY}${year}（修订稿）.txt`), text.replace(/\n\t32\n/, '\n\t33\n'));
      }
      const run = (jobs: number) => spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', String(jobs), years], { encoding: 'utf8' }).stdout;
      const one = run(1);
      for (const code of ['cross-year.in-force', 'cross-year.ambiguous']) assert.ok(one.includes(code), code);
      assert.match(one, /"related": \[\s*\{\s*"file": "[^"]*2019\.html"[^\]]*"original"/);
      for (const jobs of [2, 3, 4, 5, 6]) assert.equal(run(jobs), one, `--jobs ${jobs}`);
    } finally {
      rmSync(years, { recursive: true, force: true });
    }
  });

  test('--jobs takes a positive whole number', () => {
    for (const bad of ['0', '-1', 'two', '1.5']) assert.equal(cli(['check', '--jobs', bad, '.']).status, 2, bad);
  });
});
