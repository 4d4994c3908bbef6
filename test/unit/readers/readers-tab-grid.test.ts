// The one writer of every original's rendition: blocks → tab-grid text the
// parser reads, and each offset back to its place in the original.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Block, GridCell } from '../../../server/src/core/readers/blocks';
import { originalKind } from '../../../server/src/core/readers/original';
import { cellText, placeAt, renderBlocks } from '../../../server/src/core/readers/tab-grid';
import { check, parseDocument } from '../../../server/src/core/service';
import { SEEDS_DIR } from '../../helpers/fixtures';

/** A tab-grid text report as a reader would hand it on: prose lines as paragraphs, runs of tab rows as tables. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: GridCell[][] | undefined;
  let paragraph = 0;
  let table = 0;
  text.split(/\r?\n/).forEach((line) => {
    if (line.includes('\t')) {
      if (!rows) {
        rows = [];
        blocks.push({ kind: 'table', rows, place: { table: ++table } });
      }
      const row = rows.length + 1;
      rows.push(line.split('\t').map((t, c) => ({ text: t, place: { table, row, column: c + 1 } })));
      return;
    }
    rows = undefined;
    if (line.trim()) blocks.push({ kind: 'paragraph', text: line, place: { paragraph: ++paragraph } });
  });
  return blocks;
}

const codes = (text: string) =>
  check(parseDocument(text))
    .map((f) => `${f.code}:${f.severity}`)
    .sort();

for (const seed of ['000_ff974b936955be5d.txt', '001_b514ee349c59fe59.txt']) {
  test(`a tab-grid seed written out from its blocks has the same findings (${seed})`, () => {
    const text = readFileSync(path.join(SEEDS_DIR, seed), 'utf8');
    const rendition = renderBlocks(blocksOf(text));
    assert.deepEqual(codes(rendition.text), codes(text));
    assert.equal(parseDocument(rendition.text).report.layout, 'tab-grid');
  });
}

test('every offset of a cell maps to its place; an empty cell has one', () => {
  const blocks: Block[] = [
    { kind: 'paragraph', text: '一、总体情况', place: { paragraph: 1, page: 1 } },
    {
      kind: 'table',
      place: { table: 1, page: 2 },
      rows: [
        [
          { text: '规章', place: { table: 1, row: 1, column: 1, page: 2 } },
          { text: '', place: { table: 1, row: 1, column: 2, page: 2 } },
          { text: '12', place: { table: 1, row: 1, column: 3, page: 2 } },
        ],
      ],
    },
  ];
  const r = renderBlocks(blocks);
  assert.equal(r.text, '一、总体情况\n\n规章\t\t12\n');
  assert.deepEqual(placeAt(r, 0), { paragraph: 1, page: 1 });
  assert.deepEqual(placeAt(r, r.text.indexOf('规章') + 1), { table: 1, row: 1, column: 1, page: 2 });
  assert.deepEqual(placeAt(r, r.text.indexOf('\t\t') + 1), { table: 1, row: 1, column: 2, page: 2 });
  assert.deepEqual(placeAt(r, r.text.indexOf('12')), { table: 1, row: 1, column: 3, page: 2 });
});

test('a cell is one line: a label wrapped inside Chinese words is joined, other breaks are a space', () => {
  assert.equal(cellText('本年\n制发件数'), '本年制发件数');
  assert.equal(cellText(' 1.属于\r\n国家秘密 '), '1.属于国家秘密');
  assert.equal(cellText('12\u00a0\n 345'), '12 345');
  assert.equal(cellText('a\tb'), 'a b');
});

test('originals are told by content, not name', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  assert.equal(originalKind(bytes('%PDF-1.7\n')), 'pdf');
  assert.equal(originalKind(bytes('PK\u0003\u0004....')), 'docx');
  assert.equal(originalKind(bytes('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')), 'doc');
  assert.equal(originalKind(new Uint8Array(Buffer.from('\ufeff<!DOCTYPE html><html>', 'utf8'))), 'html');
  assert.equal(originalKind(bytes('  <!-- saved -->\n<html lang="zh">')), 'html');
  assert.equal(originalKind(new Uint8Array(Buffer.from('XX局2023年政府信息公开工作年度报告\n一、总体情况', 'utf8'))), undefined);
  assert.equal(originalKind(bytes('<2023>')), undefined);
});
