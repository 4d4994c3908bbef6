// Where a finding is in the original: the page and the cell in the template's
// words, else the original's table grid, else its paragraph.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderBlocks } from '../../../server/src/core/readers/tab-grid';
import { check, describePlace, parseDocument } from '../../../server/src/core/service';
import { blocksOf } from '../../helpers/blocks';
import { SEEDS_DIR } from '../../helpers/fixtures';

const SEED = readFileSync(path.join(SEEDS_DIR, '000_ff974b936955be5d.txt'), 'utf8');

/** The seed with one line replaced (a figure changed), rendered as an original's blocks would be. */
function renditionWith(edit: (lines: string[]) => void) {
  const lines = SEED.split('\n');
  edit(lines);
  const rendition = renderBlocks(blocksOf(lines.join('\n')));
  return { rendition, doc: parseDocument(rendition.text) };
}

function lineStarting(lines: string[], start: string): number {
  const i = lines.findIndex((l) => l.startsWith(start));
  assert.ok(i >= 0, `no line starts with ${start}`);
  return i;
}

test('a wrong 表三 total is placed at its page, row and column', () => {
  const { rendition, doc } = renditionWith((lines) => {
    const i = lineStarting(lines, '(七) 总计\t');
    lines[i] = lines[i]!.replace('\t0', '\t5');
  });
  const findings = check(doc).filter((f) => f.severity === 'error');
  assert.equal(findings.length, 1);
  const place = describePlace(doc, rendition, findings[0]!.range);
  assert.equal(place.text, '第 3 页，表三“（七）总计”行“自然人”列');
  assert.deepEqual(place.origin, { page: 3, table: 2, row: 27, column: 2 });
  assert.equal(describePlace(doc, rendition, findings[0]!.range, { lang: 'en' }).text.includes('自然人'), true);
});

test('a 表四 cell is named by its group and column; a 表三 leaf with its group', () => {
  const { rendition, doc } = renditionWith(() => {});
  const t4 = doc.report.tables.t4!;
  assert.equal(describePlace(doc, rendition, t4.cells[14]!.range).text, '第 3 页，表四“行政诉讼 复议后起诉”行“总计”列');
  assert.equal(describePlace(doc, rendition, t4.cells[0]!.range).text, '第 3 页，表四“行政复议”行“结果维持”列');
  const deny1 = doc.report.tables.t3!.rows.find((r) => r.id === 'deny.1')!;
  assert.equal(describePlace(doc, rendition, deny1.cells[6]!.range).text, '第 2 页，表三“（三）不予公开 1.属于国家秘密”行“总计”列');
  // The row's label: the row without a column.
  assert.equal(describePlace(doc, rendition, deny1.label.range).text, '第 2 页，表三“（三）不予公开 1.属于国家秘密”行');
});

test('a 表二 cell is named by its block, row and column', () => {
  const { rendition, doc } = renditionWith(() => {});
  const block = doc.report.tables.t2!.blocks.find((b) => b.id === 'item1')!;
  const rules = block.rows.find((r) => r.id === 'rules')!;
  assert.match(describePlace(doc, rendition, rules.cells[2]!.range).text, /^第 \d 页，表二“第二十条第（一）项 规章”行“现行有效件数”列$/);
});

test('outside the template cells: the original table grid, else the paragraph', () => {
  const { rendition, doc } = renditionWith(() => {});
  const header = rendition.text.indexOf('申请人情况');
  const inHeader = describePlace(doc, rendition, { start: header, end: header + 5 });
  assert.equal(inHeader.shown.table, undefined);
  assert.match(inHeader.text, /^第 2 页，第 2 个表格第 1 行第 \d+ 列$/);
  const heading = doc.report.sections[0]!.heading.range;
  assert.equal(describePlace(doc, rendition, heading).text, '第 1 页，第 3 段');
  assert.match(describePlace(doc, rendition, heading, { lang: 'en' }).text, /page 1/i);
});
