// `gov-report check` on a folder reads each report beside the same agency's
// report of the year before among the files it checks (issue 15), as a
// reviewer runs it on what they collected: text files in several layouts and
// a web page, named as people name them.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { buildReport, validT3 } from '../../helpers/build-report';
import { reportPage } from '../../helpers/report-html';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin/gov-report.js');

interface Related { file?: string; message: string; range: unknown; original?: { text: string } }
interface JsonResult {
  file: string;
  diagnostics: { code: string; severity: string; message: string; related?: Related[] }[];
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The series in a fresh folder; 2019 (tab grid) as the portal published it, the others as text. */
function seriesFolder(change: (year: number, text: string) => string | undefined = (_y, t) => t): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-years-cli-'));
  temps.push(dir);
  for (const { year, text } of yearSeries()) {
    const body = change(year, text);
    if (body === undefined) continue;
    if (year === 2019) writeFileSync(path.join(dir, `${year}年报.html`), reportPage(body));
    else writeFileSync(path.join(dir, `${AGENCY}${year}.txt`), body);
  }
  return dir;
}

/** The text with every line that is only figures or table labels dropped: what a prose-only export keeps. */
const withoutTables = (text: string) => text.split('\n').filter((l) => !/^[\s\d.\-—]*$/.test(l) && !/^[^。，]{1,30}$/.test(l.trim()) || /^[一二三四五六]、|报告$/.test(l.trim())).join('\n');

const crossYear = (results: JsonResult[]) =>
  results.flatMap((r) => r.diagnostics.filter((d) => d.code.startsWith('cross-year.')).map((d) => ({ file: path.basename(r.file), ...d })));

describe('gov-report check across years', () => {
  test('a folder of five years: one finding for each break, at this year’s file, pointing at last year’s', () => {
    const dir = seriesFolder();
    const run = cli(['check', '--format', 'json', dir]);
    assert.equal(run.stderr, '');
    const found = crossYear(JSON.parse(run.stdout) as JsonResult[]);
    assert.deepEqual(found.map((f) => `${f.file} ${f.code} ${f.severity}`).sort(), [
      `${AGENCY}2020.txt cross-year.in-force warning`,
      `${AGENCY}2021.txt cross-year.carried warning`,
      `${AGENCY}2021.txt cross-year.carried warning`,
      `${AGENCY}2023.txt cross-year.in-force warning`,
    ]);
    // 2020 against 2019: last year's cell is in the web page, told by its place there too.
    const of2020 = found.find((f) => f.file === `${AGENCY}2020.txt`)!;
    assert.equal(path.basename(of2020.related![0]!.file!), '2019年报.html');
    assert.match(of2020.related![0]!.original!.text, /表二/);
    const of2023 = found.find((f) => f.file === `${AGENCY}2023.txt`)!;
    assert.equal(path.basename(of2023.related![0]!.file!), `${AGENCY}2022.txt`);
    assert.match(of2023.message, /32/);
    assert.match(of2023.message, /2022\.txt/);
  });

  test('the text output names last year’s file in the message, one line a finding', () => {
    const run = cli(['check', seriesFolder()]);
    const lines = run.stdout.split('\n').filter((l) => l.includes('cross-year.'));
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => /warning/.test(l)));
  });

  test('--no-cross-year: none; a cross-year rule set off: none of it', () => {
    const dir = seriesFolder();
    assert.deepEqual(crossYear(JSON.parse(cli(['check', '--format', 'json', '--no-cross-year', dir]).stdout) as JsonResult[]), []);
    const off = crossYear(JSON.parse(cli(['check', '--format', 'json', '--rule', 'cross-year.carried=off', dir]).stdout) as JsonResult[]);
    assert.deepEqual(off.map((f) => f.code).sort(), ['cross-year.in-force', 'cross-year.in-force']);
  });

  test('last year’s report unreadable or its tables lost: no cross-year finding, nothing else changes', () => {
    const dir = seriesFolder((year, text) => (year === 2022 ? undefined : text));
    writeFileSync(path.join(dir, `${AGENCY}2022.pdf`), Buffer.from('%PDF-1.7\n1 0 obj\n<<', 'latin1'));
    const run = cli(['check', '--format', 'json', dir]);
    assert.equal(run.status, 2, 'the unreadable file is said (exit 2), the others checked');
    const found = crossYear(JSON.parse(run.stdout) as JsonResult[]);
    assert.equal(found.filter((f) => f.file.includes('2023')).length, 0);

    // 2022's page lost its tables (an export that kept only the prose): 2023 is not judged by figures not read.
    const lost = seriesFolder((year, text) => (year === 2022 ? withoutTables(text) : text));
    const again = crossYear(JSON.parse(cli(['check', '--format', 'json', lost]).stdout) as JsonResult[]);
    assert.equal(again.filter((f) => f.file.includes('2023')).length, 0);
  });

  test('the same report saved twice (a second download): one report, compared as usual', () => {
    const dir = seriesFolder();
    const of2022 = yearSeries().find((r) => r.year === 2022)!.text;
    writeFileSync(path.join(dir, `${AGENCY}2022 (1).txt`), of2022);
    const found = crossYear(JSON.parse(cli(['check', '--format', 'json', dir]).stdout) as JsonResult[]);
    assert.deepEqual(found.filter((f) => f.file.includes('2023')).map((f) => f.code), ['cross-year.in-force']);
  });

  test('two reports of one agency and year: no cross-year check for them, one information finding saying so', () => {
    const dir = seriesFolder();
    const of2022 = yearSeries().find((r) => r.year === 2022)!.text;
    // A revised draft beside the published one (a figure changed): which one is the report is not known.
    writeFileSync(path.join(dir, `${AGENCY}2022（修订稿）.txt`), of2022.replace(/\n\t32\n/, '\n\t33\n'));
    const found = crossYear(JSON.parse(cli(['check', '--format', 'json', dir]).stdout) as JsonResult[]);
    const of2023 = found.filter((f) => f.file.includes('2023'));
    assert.deepEqual(of2023.map((f) => `${f.code} ${f.severity}`), ['cross-year.ambiguous information']);
    assert.match(of2023[0]!.message, /修订稿/);
  });
});

// From a seventeenth-session tester's five cities' folders checked at once: titles that leave out their city
// (`市教育局2023年…`) named two cities' offices alike, and a city ending in 州 was cut inside its name (`苏州` before
// `市农业农村局`): another city's report was taken for last year's (false cross-year warnings).
describe('gov-report check across years: agencies of several cities in one run', () => {
  const row = (natural: number, business = 0) => [natural, business, 0, 0, 0, 0, natural + business];
  // 2022 carries 1 forward; 2023 says 2 were carried over (a break when the two are one agency's).
  const y2022 = (agency: string) => buildReport({ year: 2022, agency, t3: validT3() });
  const y2023 = (agency: string) => buildReport({ year: 2023, agency, t3: { ...validT3(), carried: row(2), forward: row(2) } });
  function folders(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-cities-'));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const pairedFiles = (dir: string) =>
    crossYear(JSON.parse(cli(['check', '--format', 'json', '--rule', 'section.missing=off', dir]).stdout) as JsonResult[])
      .filter((f) => f.code === 'cross-year.carried')
      .map((f) => `${f.file} ← ${path.basename(f.related?.[0]?.file ?? '')}`);

  test('a title without its city is the office of the city its folder holds, or its file name names', () => {
    // Two cities' folders, files named without the place: not paired across the folders; within one folder, paired.
    assert.deepEqual(pairedFiles(folders({ '淮安/报告2022.txt': y2022('市教育局'), '苏州/报告2023.txt': y2023('市教育局') })), []);
    assert.deepEqual(new Set(pairedFiles(folders({ '淮安/报告2022.txt': y2022('市教育局'), '淮安/报告2023.txt': y2023('市教育局') }))), new Set(['报告2023.txt ← 报告2022.txt']));
    // The file's name names the place: 苏州's is not 淮安's, and 淮安's bare title is 淮安市教育局 in full in another folder.
    assert.deepEqual(pairedFiles(folders({ '淮安/淮安市教育局_2022.txt': y2022('市教育局'), '苏州/苏州市教育局_2023.txt': y2023('市教育局') })), []);
    assert.deepEqual(new Set(pairedFiles(folders({ '2022/淮安市教育局_2022.txt': y2022('市教育局'), '2023/淮安市教育局_2023.txt': y2023('淮安市教育局') }))), new Set(['淮安市教育局_2023.txt ← 淮安市教育局_2022.txt']));
    // A development zone's committee without its place, in two counties' folders.
    assert.deepEqual(pairedFiles(folders({ '涟水/a_2022.txt': y2022('经济开发区管理委员会'), '洪泽/b_2023.txt': y2023('经济开发区管理委员会') })), []);
    // A department's own title leaving its county out altogether (a helper's county collection): any county's office.
    assert.deepEqual(pairedFiles(folders({ '万年县/教育体育局2023.txt': y2022('教育体育局'), '余干县/教育体育局2024.txt': y2023('教育体育局') })), []);
    assert.deepEqual(new Set(pairedFiles(folders({ '万年县/a.txt': y2022('教育体育局'), '万年县/b.txt': y2023('教育体育局') }))), new Set(['b.txt ← a.txt']));
    assert.deepEqual(new Set(pairedFiles(folders({ '2022/万年县教育体育局.txt': y2022('教育体育局'), '2023/万年县教育体育局.txt': y2023('万年县教育体育局') }))), new Set(['万年县教育体育局.txt ← 万年县教育体育局.txt']));
  });

  test('a city whose name ends in 州 is one name: no other city\'s bare office, but its own districts with and without it', () => {
    assert.deepEqual(pairedFiles(folders({ 'x/a_2022.txt': y2022('市农业农村局'), 'x/b_2023.txt': y2023('苏州市农业农村局') })), []);
    assert.deepEqual(pairedFiles(folders({ 'x/a_2022.txt': y2022('省人民政府办公厅'), 'x/b_2023.txt': y2023('贵州省人民政府办公厅') })), []);
    assert.deepEqual(new Set(pairedFiles(folders({ 'x/a_2022.txt': y2022('吴中区人民政府'), 'x/b_2023.txt': y2023('苏州市吴中区人民政府') }))), new Set(['b_2023.txt ← a_2022.txt']));
  });

  test('关于 after the agency\'s name (`某局关于2023年度…`) is no part of it', () => {
    const titled = y2023('淮安市住房和城乡建设局').replace(/^[^\n]*/, '淮安市住房和城乡建设局关于2023年度政府信息公开工作年度报告');
    assert.deepEqual(new Set(pairedFiles(folders({ 'a_2022.txt': y2022('淮安市住房和城乡建设局'), 'b_2023.txt': titled }))), new Set(['b_2023.txt ← a_2022.txt']));
  });

  test('-q is --quiet', () => {
    const dir = folders({ 'a_2022.txt': y2022('淮安市住房和城乡建设局') });
    const run = cli(['check', '-q', dir]);
    assert.equal(run.status, 0, run.stderr);
  });
});
