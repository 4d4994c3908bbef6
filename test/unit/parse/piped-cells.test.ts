// Tables as a crawler's HTML-to-text step saves a page whose cells hold paragraphs (test/helpers/piped-cells.ts):
// one cell a line closed by a pipe, blanks as a pipe alone, rows padded with pipes; or the pipe on the line after
// each cell. Read, they give the page's own findings, each error at its figure.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { validT3, validT4 } from '../../helpers/build-report';
import { findingCodes, originalFindings } from '../../helpers/original-findings';
import { pipedCells, type PipePlacement } from '../../helpers/piped-cells';
import { portalPageBytes, portalPageHtml, type PortalPageData } from '../../helpers/portal-page';

// 表三's 总计 of 自然人+企业 is 5, printed 6; 表四's 行政复议 总计 is 2, printed 3; five blank cells in 表三.
const t3 = { ...validT3(), total: [4, 1, 0, 0, 0, 0, 6], carried: [1, '', '', '', '', '', 1] };
const t4 = validT4().map((v, k) => (k === 4 ? 3 : v));

describe('one cell a line, closed by pipes, as a crawler saved the page', () => {
  for (const pipe of ['after-cell', 'next-line'] as PipePlacement[]) {
    for (const splitCells of [false, true]) {
      test(`the pipe ${pipe === 'after-cell' ? 'after each cell' : 'on the line after each cell'}${splitCells ? ', 表二 with split cells' : ''}: the page's findings, each error at its figure`, async () => {
        const data: PortalPageData = { t3, t4, splitCells };
        const text = pipedCells(portalPageHtml(data), pipe);
        const doc = parseDocument(text);
        const findings = check(doc);
        assert.deepEqual(findingCodes(findings), findingCodes(await originalFindings(portalPageBytes(data))));
        const at = (code: string) => findings.filter((f) => f.code === code).map((f) => text.slice(f.range.start, f.range.end));
        assert.deepEqual(at('sum.row'), ['6']);
        assert.deepEqual(at('sum.review'), ['3']);
        for (const kind of ['t2', 't3', 't4'] as const) assert.deepEqual(doc.report.tables[kind]?.problems ?? [], [], kind);
        assert.equal(doc.report.tables.t3?.layout, 'cell-lines');
      });
    }
  }

  test('a correct page so saved has no finding about its tables', () => {
    const text = pipedCells(portalPageHtml({}), 'after-cell');
    const codes = check(parseDocument(text)).map((f) => f.code);
    assert.deepEqual(codes.filter((c) => /^(sum|table|cell)\./.test(c)), []);
  });
});
