// What the CLI keeps of each report for the cross-year pass, packed
// (cross-year/year-pack.ts, packed-rows.ts): every row of every table of the
// real reports at hand comes back equal, and the pass finds the same on the
// unpacked reports as on the model's, over the five-year series and its breaks.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkYearPair, forYears, packYear, unpackYear, type YearCandidate } from '../../../server/src/core/cross-year';
import { counterparts } from '../../../server/src/core/cross-year/counterparts';
import { packRows, unpackRows } from '../../../server/src/core/cross-year/packed-rows';
import type { Report, TableRow } from '../../../server/src/core/model';
import { LinePositions, parseDocument } from '../../../server/src/core/service';
import { fixtureFiles, sharedDir } from '../../helpers/fixtures';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const reports = (): { name: string; report: Report }[] => [
  ...fixtureFiles().map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') })),
  ...readdirSync(sharedDir('crawled')).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(path.join(sharedDir('crawled'), f), 'utf8') })),
  ...yearSeries().map((r) => ({ name: `${AGENCY}_${r.year}`, text: r.text })),
].map(({ name, text }) => ({ name, report: parseDocument(text).report }));

const everyRow = (report: Report): TableRow[] => [...(report.tables.t2?.blocks.flatMap((b) => b.rows) ?? []), ...(report.tables.t3?.rows ?? [])];

describe('rows packed for keeping', () => {
  it('come back equal, field by field, for every row of every table of the real reports', () => {
    let rows = 0;
    for (const { name, report } of reports()) {
      const all = everyRow(report);
      rows += all.length;
      assert.deepEqual(unpackRows(packRows(all)), all, name);
    }
    assert.ok(rows > 500, String(rows));
  });

  it('keep every kind of cell, no value, decimals, uncertain cells, and texts of any characters', () => {
    const cell = (kind: TableRow['cells'][number]['kind'], text: string, value: number | undefined, start: number, extra: Partial<TableRow['cells'][number]> = {}) => ({ kind, text, range: { start, end: start + text.length }, value, decimals: 0, certain: true, ...extra });
    const rows: TableRow[] = [
      { id: 'a', label: { text: '标签\u0001一', range: { start: 0, end: 4 } }, alignment: 'inferred', foundValues: 6, range: { start: 0, end: 30 }, cells: [cell('number', '12.50', 12.5, 5, { decimals: 2 }), cell('blank', '', undefined, 11), cell('placeholder', '—', undefined, 12), cell('invalid', '10元', undefined, 14), cell('missing', '', undefined, 18, { certain: false })] },
      { id: '', label: { text: '', range: { start: 31, end: 31 } }, alignment: 'unaligned', foundValues: 0, range: { start: 31, end: 31 }, cells: [] },
      { id: 'c', label: { text: 'x', range: { start: 40, end: 41 } }, alignment: 'exact', foundValues: 1, range: { start: 40, end: 44 }, cells: [cell('number', '0', 0, 42)] },
    ];
    assert.deepEqual(unpackRows(packRows(rows)), rows);
    assert.deepEqual(unpackRows(packRows([])), []);
  });
});

describe('a report packed for the cross-year pass', () => {
  it('unpacks to what forYears keeps, in everything the pass reads', () => {
    for (const { name, report } of reports()) {
      const kept = forYears(report);
      const back = unpackYear(packYear(report));
      assert.deepEqual(back.title, kept.title, name);
      assert.deepEqual(back.tables.t3?.rows, kept.tables.t3?.rows, name);
      assert.deepEqual(back.tables.t2?.blocks.map((b) => [b.id, b.legacy, b.rows]), kept.tables.t2?.blocks.map((b) => [b.id, b.legacy, b.rows]), name);
      assert.deepEqual(Object.keys(back.tables).sort(), Object.keys(kept.tables).sort(), name);
    }
  });

  it('gives the pass the same findings as the reports it was made from, breaks and all, from the text\'s length and line starts alone', () => {
    const series = yearSeries().map((r) => ({ year: r.year, doc: parseDocument(r.text) }));
    // What the CLI keeps: the packed rows, and for positions the text's length and line starts, not the text.
    const positions = (k: number) => new LinePositions({ length: series[k]!.doc.text.length }, series[k]!.doc.state.starts);
    const candidate = (k: number, report: Report, packed = false): YearCandidate => ({ uri: `file:///r/${series[k]!.year}.txt`, name: `${series[k]!.year}.txt`, report, lines: packed ? positions(k) : series[k]!.doc.lines });
    let found = 0;
    for (let k = 1; k < series.length; k++) {
      const [before, now] = [series[k - 1]!.doc.report, series[k]!.doc.report];
      const against = (report: Report, packed = false) => ({ kind: 'previous' as const, year: series[k]!.year, previous: candidate(k - 1, report, packed) });
      const fromModel = checkYearPair(candidate(k, forYears(now)), against(forYears(before)));
      const fromPack = checkYearPair(candidate(k, unpackYear(packYear(now)), true), against(unpackYear(packYear(before)), true));
      assert.deepEqual(fromPack, fromModel, String(series[k]!.year));
      assert.deepEqual(counterparts(unpackYear(packYear(now)), unpackYear(packYear(before))), counterparts(forYears(now), forYears(before)));
      found += fromPack.length;
    }
    assert.ok(found >= 3, String(found));
  });
});
