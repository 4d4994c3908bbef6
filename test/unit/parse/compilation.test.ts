// A compilation (年报汇编): a county's offices' reports bound one after another in one file, a cover and contents
// first. Read whole, every later report's parts were "repeated" (section.duplicate), its prose compared with the
// first report's tables, and its own tables never checked (a helper's compilations: 21–22 false warnings a file, the
// second report's wrong 表四 total missed). Each report is checked on its own, at the file's own places.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, compilationSpans, parseDocument } from '../../../server/src/core/service';
import type { Finding } from '../../../server/src/core/rules/types';
import { ALL_LAYOUTS, buildReport, type ReportData } from '../../helpers/build-report';

const AGENCIES = ['某某县人力资源和社会保障局', '某某县农业农村局', '某某县教育局'];
const said = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.message}`);

function compilation(reports: readonly string[]): string {
  const cover = ['某某县2023年度政府信息公开工作年度报告汇编', '', '目录', ...AGENCIES.map((a, k) => `${a}2023年政府信息公开工作年度报告……………………${k * 5 + 1}`), ''];
  return [...cover, ...reports].join('\n');
}

describe('a compilation of reports', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: each report checked on its own: no part "repeated", the second report's wrong 表四 total found at its cell`, () => {
      const data: ReportData[] = AGENCIES.map((agency) => ({ layout, agency, year: 2023 }));
      data[1] = { ...data[1], t4: [1, 0, 1, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0] };
      const reports = data.map((d) => buildReport(d));
      const text = compilation(reports);
      const doc = parseDocument(text);
      const spans = compilationSpans(doc);
      assert.equal(spans?.length, 3, JSON.stringify(spans));
      const found = check(doc);
      assert.deepEqual(found.filter((f) => f.code === 'section.duplicate' || f.code.startsWith('prose.')).map((f) => f.message), []);
      // The second report's own findings, as when it is checked alone, at its place in the file.
      const second = reports[1]!;
      const offset = text.indexOf(second);
      const alone = check(parseDocument(second));
      assert.ok(alone.some((f) => f.severity === 'error'), said(alone).join('\n'));
      const inFile = found.filter((f) => f.range.start >= offset && f.range.end <= offset + second.length);
      assert.deepEqual(said(inFile), said(alone));
      assert.deepEqual(inFile.map((f) => f.range.start - offset), alone.map((f) => f.range.start));
      // The others are clean.
      assert.deepEqual(said(found.filter((f) => f.range.start < offset || f.range.start >= offset + second.length)).filter((s) => s.startsWith('error') || s.startsWith('warning')), []);
    });
  }
  it('one report whose part 一 is written twice, no title between: one report, the repeat said', () => {
    const text = buildReport({});
    const twice = text.replace('二、主动公开政府信息情况', '一、总体情况\n\n本年度工作情况如上。\n\n二、主动公开政府信息情况');
    assert.notEqual(twice, text);
    const doc = parseDocument(twice);
    assert.equal(compilationSpans(doc), undefined);
    assert.ok(check(doc).some((f) => f.code === 'section.duplicate'));
  });
  it('a report that quotes another\'s title in its text is one report', () => {
    const text = buildReport({ prose: { 0: '参照《某某县教育局2022年政府信息公开工作年度报告》的做法，本年度继续推进公开工作。' } });
    assert.equal(compilationSpans(parseDocument(text)), undefined);
  });
});
