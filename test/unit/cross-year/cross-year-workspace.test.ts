// The editor's side of year against year: last year's report found in the
// workspace whether it is open or only on disk, and followed when it changes.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { parseDocument, type ParsedDocument } from '../../../server/src/core/service';
import { crossYearFindings, crossYearKey, type OpenReports } from '../../../server/src/lsp/crossYear';
import { YearIndex } from '../../../server/src/lsp/yearIndex';
import { buildReport, validT3 } from '../../helpers/build-report';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const folder = mkdtempSync(path.join(tmpdir(), 'gov-report-years-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const fileOfYear = (year: number) => path.join(folder, 'reports', `${AGENCY}_${year}.txt`);
const series = yearSeries();
writeFileSync(path.join(folder, 'notes.txt'), '会议纪要\n');
for (const r of series) {
  const file = fileOfYear(r.year);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, r.text);
}

const readText = (file: string) => readFile(file, 'utf8');
const openSet = (docs: { uri: string; version?: number; parsed: ParsedDocument }[]): OpenReports => ({ all: () => docs });
const codesAndCells = (text: string, list: readonly { code: string; range: { start: number; end: number } }[]) => list.map((f) => `${f.code} “${text.slice(f.range.start, f.range.end)}”`);

describe('last year’s report in the workspace', () => {
  const index = new YearIndex(readText);
  const uri2023 = pathToFileURL(fileOfYear(2023)).href;
  const text2023 = readFileSync(fileOfYear(2023), 'utf8');
  const parsed2023 = parseDocument(text2023);
  const run = (open: OpenReports = openSet([{ uri: uri2023, parsed: parsed2023 }])) => crossYearFindings(uri2023, parsed2023, index, open, { lang: 'zh' });

  it('finds the reports on disk by agency and year, and not the notes', async () => {
    await index.scan([folder]);
    assert.deepEqual(index.reportsOf(AGENCY, [2022, 2023]).map((r) => path.basename(r.file)), [`${AGENCY}_2022.txt`, `${AGENCY}_2023.txt`]);
  });

  it('the open 2023 report is checked against 2022 on disk only (its own disk copy is not a second 2023)', async () => {
    const found = await run();
    assert.deepEqual(codesAndCells(text2023, found), ['cross-year.in-force “30”']);
    assert.equal(found[0]!.related![0]!.elsewhere!.uri, pathToFileURL(fileOfYear(2022)).href);
  });

  it('when 2022 changes on disk, the findings follow', async () => {
    const file = fileOfYear(2022);
    const before = readFileSync(file, 'utf8');
    // 2022 now says 28 in force: 28 + 2 − 0 = 30, as 2023 says.
    writeFileSync(file, before.replace(/\n\t32\n/, '\n\t28\n'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const generation = index.generation;
    assert.equal(await index.update(file), true);
    assert.ok(index.generation > generation);
    assert.deepEqual(await run(), []);
    writeFileSync(file, before);
    utimesSync(file, new Date(), new Date(Date.now() + 10000));
    await index.update(file);
    assert.equal((await run()).length, 1);
  });

  it('an open 2022 is taken as it is in the editor, not as saved', async () => {
    const edited = readFileSync(fileOfYear(2022), 'utf8').replace(/\n\t32\n/, '\n\t28\n');
    const uri2022 = pathToFileURL(fileOfYear(2022)).href;
    const open = openSet([{ uri: uri2023, parsed: parsed2023 }, { uri: uri2022, parsed: parseDocument(edited) }]);
    assert.deepEqual(await run(open), []);
  });

  it('2022 deleted: nothing across years', async () => {
    const file = fileOfYear(2022);
    const saved = readFileSync(file, 'utf8');
    rmSync(file);
    assert.equal(await index.update(file), true);
    assert.deepEqual(await run(), []);
    writeFileSync(file, saved);
    await index.update(file);
  });

  it('a file the reader cannot read is no report, and no error', async () => {
    const broken = new YearIndex(async (file) => (file.endsWith('2022.txt') ? undefined : readText(file)));
    await broken.scan([folder]);
    assert.deepEqual(await crossYearFindings(uri2023, parsed2023, broken, openSet([]), { lang: 'zh' }), []);
  });
});

describe('what an open report’s cross-year answer depends on (its result id)', () => {
  const alone = mkdtempSync(path.join(tmpdir(), 'gov-report-years-alone-'));
  after(() => rmSync(alone, { recursive: true, force: true }));
  const text2022 = series.find((r) => r.year === 2022)!.text;
  const uriA = pathToFileURL(path.join(alone, 'a.txt')).href;
  const uriDraft = pathToFileURL(path.join(alone, 'draft.txt')).href;
  const parsedA = parseDocument(text2022);
  const draft = (version: number) => ({ uri: uriDraft, version, parsed: parseDocument(text2022.replace(/\n\t32\n/, `\n\t${30 + version}\n`)) });

  it('a same-year draft’s edits leave the report’s answer alone when no year before or after exists', async () => {
    const index = new YearIndex(readText);
    await index.scan([alone]);
    const key = (v: number) => crossYearKey(uriA, parsedA, index, openSet([{ uri: uriA, version: 1, parsed: parsedA }, draft(v)]));
    assert.equal(key(1), key(2));
  });

  it('with last year on disk, the draft’s edits matter (it makes this year ambiguous or not)', async () => {
    writeFileSync(path.join(alone, '2021.txt'), series.find((r) => r.year === 2021)!.text);
    const index = new YearIndex(readText);
    await index.scan([alone]);
    const key = (v: number) => crossYearKey(uriA, parsedA, index, openSet([{ uri: uriA, version: 1, parsed: parsedA }, draft(v)]));
    assert.notEqual(key(1), key(2));
  });
});

// From a seventeenth-session tester: the editor paired only identical names (the CLI follows a name with and without
// its city, as the rule page says), and named a file on disk from its first 4,000 characters only (a crawled page's
// body is one line: a title without its year left the year, in the body's 统计期限, unread).
describe('the editor pairs as the CLI does', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-years-editor-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const row = (natural: number, business = 0) => [natural, business, 0, 0, 0, 0, natural + business];
  const open2023 = (agency: string, folder: string) => {
    const text = buildReport({ year: 2023, agency, t3: { ...validT3(), carried: row(2), forward: row(2) } });
    const uri = pathToFileURL(path.join(folder, `${agency}_2023.txt`)).href;
    const parsed = parseDocument(text);
    return { text, uri, parsed };
  };

  it('last year on disk titled without the city (洪泽区人民政府), this year open with it (淮安市洪泽区人民政府)', async () => {
    const sub = path.join(dir, 'division');
    mkdirSync(sub);
    writeFileSync(path.join(sub, '2022.txt'), buildReport({ year: 2022, agency: '洪泽区人民政府', t3: validT3() }));
    const index = new YearIndex(readText);
    await index.scan([sub]);
    const { text, uri, parsed } = open2023('淮安市洪泽区人民政府', sub);
    const found = await crossYearFindings(uri, parsed, index, openSet([{ uri, parsed }]), { lang: 'zh' });
    assert.deepEqual(codesAndCells(text, found).filter((f) => f.startsWith('cross-year.carried')), ['cross-year.carried “2”', 'cross-year.carried “2”']);
  });

  it('last year as a crawler saved it, its title without the year and its body on one line past 4,000 characters', async () => {
    const sub = path.join(dir, 'crawled');
    mkdirSync(sub);
    const body = buildReport({ year: 2022, agency: '淮安市水利局', t3: validT3() }).split('\n').slice(1).join(' ');
    const page = `标题：淮安市水利局政府信息公开工作年度报告\n发布日期：2023-01-20\n${'　'.repeat(4100)}${body}\n`;
    assert.ok(page.indexOf('2022年1月1日') > 4000, 'the 统计期限 lies past the head');
    writeFileSync(path.join(sub, '水利局年报.txt'), page);
    const index = new YearIndex(readText);
    await index.scan([sub]);
    assert.deepEqual(index.reportsOf('淮安市水利局', [2022]).map((r) => path.basename(r.file)), ['水利局年报.txt']);
  });
});
