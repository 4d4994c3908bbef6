// The status item's facts (core/features/status.ts) on the real reports and on
// built ones in every layout; the templateYear setting as the server sanitises it.
// Run: node --import tsx --test test/unit/editor/status.test.ts

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { TableLayout } from '../../../server/src/core/model';
import { parseDocument, status } from '../../../server/src/core/service';
import { sanitizeSettings, sanitizeTemplateYear } from '../../../server/src/lsp/settings';
import { buildReport } from '../../helpers/build-report';
import { readFixture } from '../../helpers/fixtures';

const read = (rel: string) => parseDocument(readFixture(rel));

describe('govReport/status on the real reports', () => {
  const cases: [string, 2021 | 2019, TableLayout, { t2: boolean; t3: boolean }, number][] = [
    ['seeds/000_ff974b936955be5d.txt', 2021, 'tab-grid', { t2: false, t3: false }, 2022],
    ['seeds/001_b514ee349c59fe59.txt', 2021, 'tab-grid', { t2: false, t3: false }, 2022],
    ['seeds/002_1e78f43606d75d41.txt', 2021, 'cell-per-line', { t2: false, t3: false }, 2023],
    ['seeds/003_9d29cacfbc1688a2.txt', 2021, 'cell-per-line', { t2: false, t3: false }, 2022],
    ['seeds/004_8f491daf4ec9a00b.txt', 2021, 'cell-per-paragraph', { t2: false, t3: false }, 2022],
    ['corpus/淮安市人民政府_2024_pypdf-extract.txt', 2021, 'pdf-rows', { t2: false, t3: false }, 2024],
    // （六）其他处理 as one row: the 2019 layout of 表三, still used in 2023.
    ['corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt', 2019, 'pdf-rows', { t2: false, t3: true }, 2023],
    ['corpus/淮安市洪泽区人民政府_2024_pypdf-extract.txt', 2019, 'pdf-rows', { t2: false, t3: true }, 2024],
  ];
  for (const [file, template, layout, legacy, year] of cases) {
    test(path.basename(file), () => {
      assert.deepEqual(status(read(file)), { template, layout, tables: { t2: true, t3: true, t4: true }, legacy, year, yearSource: 'title' });
    });
  }
});

describe('govReport/status on built reports', () => {
  for (const layout of ['tab-grid', 'cell-per-line', 'cell-per-paragraph', 'pdf-rows', 'pipe'] as const) {
    test(`the layout is reported: ${layout}`, () => {
      const s = status(parseDocument(buildReport({ layout })));
      assert.equal(s.layout, layout);
      assert.equal(s.template, 2021);
      assert.deepEqual(s.tables, { t2: true, t3: true, t4: true });
    });
  }

  test('the 2019 form of （六） makes the template 2019', () => {
    const s = status(parseDocument(buildReport({ legacyOther: true })));
    assert.equal(s.template, 2019);
    assert.deepEqual(s.legacy, { t2: false, t3: true });
  });

  test('no tables: no layout, nothing found', () => {
    const s = status(parseDocument('某某局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作正常开展。\n'));
    assert.deepEqual(s.tables, { t2: false, t3: false, t4: false });
    assert.equal(s.layout, null);
    assert.equal(s.template, 2021);
  });

  test('the templateYear setting gives the year only when the title has none', () => {
    const untitled = parseDocument('一、总体情况\n\n本年度工作正常开展。\n');
    assert.deepEqual([status(untitled).year, status(untitled).yearSource], [null, null]);
    assert.deepEqual([status(untitled, { templateYear: 2023 }).year, status(untitled, { templateYear: 2023 }).yearSource], [2023, 'setting']);
    const titled = parseDocument(buildReport({ year: 2022 }));
    assert.deepEqual([status(titled, { templateYear: 2023 }).year, status(titled, { templateYear: 2023 }).yearSource], [2022, 'title']);
  });
});

describe('govReport.templateYear in the server settings', () => {
  test('a year is kept, null and nonsense are dropped', () => {
    assert.equal(sanitizeSettings({ templateYear: 2024 }).templateYear, 2024);
    assert.equal(sanitizeSettings({ templateYear: null }).templateYear, undefined);
    for (const bad of ['2024', 2024.5, 1900, 99999, NaN, {}, true]) assert.equal(sanitizeTemplateYear(bad), undefined, String(bad));
  });

  test('rules and templateYear are read together', () => {
    assert.deepEqual(sanitizeSettings({ rules: { 'text.artifact': 'off', x: 'loud' }, templateYear: 2022 }), { rules: { 'text.artifact': 'off' }, templateYear: 2022 });
    assert.deepEqual(sanitizeSettings({ rules: { 'text.artifact': 'off' } }), { rules: { 'text.artifact': 'off' } });
  });
});
