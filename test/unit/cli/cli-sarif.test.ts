// `gov-report check --format sarif`, as a code-scanning tool takes it: the log
// of reports with findings, a published PDF and a clean report, each checked
// by Microsoft's own validator (`sarif-multitool validate`, SARIF's rules and GitHub code
// scanning's: each rule's full description and help from its page; a self-contained
// Linux binary that npm installs: no .NET runtime, no network), and read back
// to see that the places are the ones the JSON output gives.
// Needs `npm run build` (the CLI is run as users run it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { BROKEN, CLEAN, CLI, HONGZE_2023 } from '../../helpers/cli-cases';
import { SEEDS_DIR as SEEDS } from '../../helpers/fixtures';
import { reportPage } from '../../helpers/report-html';
import { AGENCY, yearSeries } from '../../helpers/year-series';

// The package's entry is the path of the platform's validator binary.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MULTITOOL = require('@microsoft/sarif-multitool') as string;

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index?: number }; region?: Record<string, number> };
  logicalLocations?: { name: string; fullyQualifiedName: string }[];
  properties?: Record<string, unknown>;
  message?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    artifacts: { location: { uri: string } }[];
    results: SarifResult[];
  }[];
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-sarif-'));
  temps.push(dir);
  return dir;
}
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
}

/** The validator's findings on a log: [level, rule id, message] for each error and warning. */
function validate(file: string): { level: string; ruleId: string; text: string }[] {
  const out = `${file}.validation.sarif`;
  // SARIF's own rules and GitHub code scanning's (a rule's full description and help are required there).
  const r = spawnSync(MULTITOOL, ['validate', file, '--output', out, '--quiet', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `the validator runs: ${String(r.error)}`);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }[] }[] };
  return (log.runs[0]!.results ?? []).map((x) => ({ level: x.level ?? 'warning', ruleId: x.ruleId, text: x.message.text ?? (x.message.arguments ?? []).join(' ') }));
}

describe('gov-report check --format sarif', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, '甲区2023年报.txt'), BROKEN);
  for (const seed of ['001_b514ee349c59fe59.txt', '003_9d29cacfbc1688a2.txt']) copyFileSync(path.join(SEEDS, seed), path.join(dir, seed));
  copyFileSync(HONGZE_2023, path.join(dir, '洪泽区2023.pdf'));
  copyFileSync(CLEAN, path.join(dir, 'clean.txt'));

  test('the validator itself finds a broken log (so its silence below means something)', () => {
    const bad = path.join(dir, 'bad.sarif');
    writeFileSync(bad, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.txt' }, region: { startLine: 0 } } }] }] }] }));
    assert.ok(validate(bad).some((f) => f.level === 'error'));
  });

  test('reports with findings and a published PDF: valid SARIF 2.1.0, every finding at its place', () => {
    const out = path.join(dir, 'out.sarif');
    const r = cli(['check', '--format', 'sarif', '-o', out, '甲区2023年报.txt', '001_b514ee349c59fe59.txt', '003_9d29cacfbc1688a2.txt', '洪泽区2023.pdf'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '', 'with -o nothing goes to stdout');
    const problems = validate(out);
    assert.deepEqual(problems.filter((p) => p.level === 'error'), []);
    // The only warning allowed: an original's location has no text region (its rendition's lines are not the file's).
    assert.deepEqual(problems.filter((p) => p.level === 'warning' && p.ruleId !== 'SARIF2017'), []);

    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['SRCROOT']!.uri, pathToFileURL(dir).href + '/');
    const rules = run.tool.driver.rules;
    assert.ok(rules.length >= 25);
    for (const rule of rules) assert.match(rule.helpUri, new RegExp(`^file://.*/docs/rules/${rule.id.replace(/\./g, '\\.')}\\.md$`));
    // Every result names its rule by index; the levels are SARIF's.
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex]!.id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
    }

    // The text report: the same places as the JSON output, 1-based.
    const json = JSON.parse(cli(['check', '--format', 'json', '甲区2023年报.txt'], dir).stdout) as { diagnostics: { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
    const sumError = json[0]!.diagnostics.find((d) => d.code === 'sum.column' || d.code === 'sum.row')!;
    const sarifOf = (uri: string) => run.results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === uri);
    const textResults = sarifOf(encodeURIComponent('甲区2023年报.txt'));
    assert.equal(textResults.length, json[0]!.diagnostics.length);
    const same = textResults.find((x) => x.ruleId === sumError.code)!;
    assert.deepEqual(same.locations[0]!.physicalLocation.region, {
      startLine: sumError.range.start.line + 1,
      startColumn: sumError.range.start.character + 1,
      endLine: sumError.range.end.line + 1,
      endColumn: sumError.range.end.character + 1,
    });
    assert.equal(same.locations[0]!.physicalLocation.artifactLocation.uriBaseId, 'SRCROOT');
    assert.ok((same.relatedLocations ?? []).length > 0, 'the sum’s related cells are related locations');

    // The PDF: the file itself, and where in it: 第 4 页, 表四's two wrong totals.
    const pdf = sarifOf(encodeURIComponent('洪泽区2023.pdf')).filter((x) => x.level === 'error');
    assert.deepEqual(pdf.map((x) => x.locations[0]!.logicalLocations![0]!.name), ['第 4 页，表四“行政复议”行“总计”列', '第 4 页，表四“行政诉讼 复议后起诉”行“总计”列']);
    assert.equal(pdf[0]!.locations[0]!.physicalLocation.region, undefined);
    assert.match(pdf[0]!.locations[0]!.logicalLocations![0]!.fullyQualifiedName, /^page 4\/table \d+\/row \d+\/column \d+$/);
    assert.deepEqual((pdf[0]!.locations[0]!.properties!['gov-report/original'] as { template: unknown }).template, { table: 't4', row: '行政复议', column: '总计' });
    assert.ok(pdf[0]!.relatedLocations!.every((l) => l.logicalLocations![0]!.name.startsWith('第 4 页，表四')));
  });

  test('a clean report: valid SARIF with no results; English rule names with --lang en', () => {
    const r = cli(['check', '--format', 'sarif', '--lang', 'en', 'clean.txt'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = path.join(dir, 'clean.sarif');
    writeFileSync(out, r.stdout);
    assert.deepEqual(validate(out).filter((p) => p.level === 'error' || p.level === 'warning'), []);
    const run = (JSON.parse(r.stdout) as SarifLog).runs[0]!;
    assert.deepEqual(run.results, []);
    assert.equal(run.tool.driver.rules.find((x) => x.id === 'sum.row')!.shortDescription.text, '表三 row totals (总计 = the applicant columns added)');
  });
});

describe('gov-report check -o', () => {
  test('a file that cannot be written: said, exit 2, nothing on stdout', () => {
    const dir = tempDir();
    const r = cli(['check', '--format', 'sarif', '-o', path.join(dir, 'no-such-folder', 'out.sarif'), CLEAN], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /无法写入“.*out\.sarif”：文件或文件夹不存在/);
  });
});

describe('gov-report check --format sarif across years', () => {
  test('a cross-year finding: valid, last year’s cell a related location in last year’s file (a web page: its place there)', () => {
    const dir = tempDir();
    for (const { year, text } of yearSeries()) {
      if (year === 2019) writeFileSync(path.join(dir, `${year}年报.html`), reportPage(text));
      else writeFileSync(path.join(dir, `${AGENCY}${year}.txt`), text);
    }
    const out = path.join(dir, 'years.sarif');
    const r = cli(['check', '--format', 'sarif', '-o', out, '.'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.deepEqual(validate(out).filter((p) => p.level === 'error' || (p.level === 'warning' && p.ruleId !== 'SARIF2017')), []);
    const run = (JSON.parse(readFileSync(out, 'utf8')) as SarifLog).runs[0]!;
    const crossYear = run.results.filter((x) => x.ruleId.startsWith('cross-year.'));
    assert.ok(crossYear.length > 0);
    for (const x of crossYear) {
      const own = x.locations[0]!.physicalLocation.artifactLocation.uri;
      const others = (x.relatedLocations ?? []).map((l) => l.physicalLocation.artifactLocation);
      assert.ok(others.some((o) => o.uri !== own && o.uriBaseId === 'SRCROOT'), JSON.stringify(x));
    }
    // The 2020 report's in-force break points into the 2019 page, told by its place in the page.
    const fromPage = crossYear.flatMap((x) => x.relatedLocations ?? []).filter((l) => l.physicalLocation.artifactLocation.uri === encodeURIComponent('2019年报.html'));
    assert.ok(fromPage.length > 0 && fromPage.every((l) => l.logicalLocations?.[0]?.name.includes('表二')), JSON.stringify(fromPage));
  });
});

describe('gov-report check: files that could not be read, in the SARIF log and the review page', () => {
  test('a scanned-looking PDF and an .odt beside a report: the log says the run was not successful and names each (valid SARIF); the review page lists them', () => {
    const dir = tempDir();
    copyFileSync(CLEAN, path.join(dir, 'report.txt'));
    // A PDF with no text: one empty page.
    writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    writeFileSync(path.join(dir, 'notes.odt'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')]));
    const out = path.join(dir, 'run.sarif');
    const r = cli(['check', '--format', 'sarif', '-o', out, '.'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(validate(out).filter((p) => p.level === 'error' || p.level === 'warning'), []);
    const run = (JSON.parse(readFileSync(out, 'utf8')) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; locations: SarifLocation[] }[] }[] }[] }).runs[0]!;
    const invocation = run.invocations[0]!;
    assert.equal(invocation.executionSuccessful, false);
    const named = (invocation.toolExecutionNotifications ?? []).map((n) => decodeURIComponent(n.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.deepEqual(named.sort(), ['notes.odt', 'scan.pdf'], JSON.stringify(invocation));
    for (const n of invocation.toolExecutionNotifications!) assert.equal(n.level, 'error');
    const page = path.join(dir, 'review.html');
    assert.equal(cli(['check', '--format', 'html', '-o', page, '.'], dir).status, 2);
    const html = readFileSync(page, 'utf8');
    assert.match(html, /<div id="unchecked"><h2>未能检查的文件<\/h2><ul><li>[^<]*notes\.odt[^<]*<\/li><li>[^<]*scan\.pdf/);
    // A run where everything was read: successful, nothing to notify.
    const clean = cli(['check', '--format', 'sarif', 'report.txt'], dir);
    assert.deepEqual((JSON.parse(clean.stdout) as { runs: { invocations: unknown[] }[] }).runs[0]!.invocations, [{ executionSuccessful: true }]);
  });
});
