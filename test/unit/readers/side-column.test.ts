// pdf/side-column.ts on pieces laid out by hand: what it tells as a column beside the body, and what it must not
// (a table's column of figures, a body that runs across the gutter, a few aligned words). The Chromium prints of
// printed-side-column.test.ts are the pages as users print them; these are its guards, one at a time.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sideColumnOf } from '../../../server/src/core/readers/pdf/side-column';
import type { TextPiece } from '../../../server/src/core/readers/pdf/types';

const SIZE = 12;
/** A run of CJK text (each character SIZE wide) at x on baseline y. */
const run = (text: string, x: number, y: number): TextPiece => ({ text, x, y, width: text.length * SIZE, size: SIZE });
const PROSE = '本机关认真贯彻落实政府信息公开条例全面推进'; // 21 characters: 252 wide
const EDGE = 300;

/** Lines of prose at x 40 with an item at EDGE on each, from y 700 down. */
function page(items: readonly string[], body: (k: number) => string = () => PROSE.slice(0, 20)): TextPiece[] {
  return items.flatMap((item, k) => [run(body(k), 40, 700 - 20 * k), run(item, EDGE, 700 - 20 * k)]);
}

describe('pdf side column', () => {
  it('tells a right-hand column of worded items beside prose, and holds only its pieces', () => {
    const pieces = page(['相关链接', '政务服务热线12345', '信息公开指南', '依申请公开', '政策解读']);
    const found = sideColumnOf(pieces, []);
    assert.ok(found);
    assert.deepEqual(found.column, { side: 'right', edge: EDGE });
    assert.deepEqual(pieces.filter(found.holds).map((p) => p.text), ['相关链接', '政务服务热线12345', '信息公开指南', '依申请公开', '政策解读']);
  });

  it('tells a left-hand column: the body starts at one x after a gutter', () => {
    const pieces = ['首页', '政务公开', '信息公开年报', '办事服务'].flatMap((item, k) => [run(item, 20, 700 - 20 * k), run(PROSE.slice(0, 16), 120, 700 - 20 * k)]);
    const found = sideColumnOf(pieces, []);
    assert.equal(found?.column.side, 'left');
    assert.deepEqual(pieces.filter(found!.holds).map((p) => p.text), ['首页', '政务公开', '信息公开年报', '办事服务']);
  });

  it('is no column where the items are figures (a table printed without rules: its 总计 column)', () => {
    assert.equal(sideColumnOf(page(['5', '12', '0', '7', '3']), []), undefined);
  });

  it('is no column where a line of the body runs over the gutter while the items last', () => {
    const pieces = [...page(['相关链接', '信息公开指南', '依申请公开', '政策解读']), run(PROSE + PROSE, 40, 690)];
    assert.equal(sideColumnOf(pieces, []), undefined);
  });

  it('is no column where a ruled table spans the gutter while the items last', () => {
    const table = { top: 690, bottom: 650, left: 40, right: 500 } as Parameters<typeof sideColumnOf>[1][number];
    assert.equal(sideColumnOf(page(['相关链接', '信息公开指南', '依申请公开', '政策解读']), [table]), undefined);
  });

  it('is no column with fewer than three items beside the body, or beside no prose', () => {
    assert.equal(sideColumnOf(page(['相关链接', '信息公开指南']), []), undefined);
    assert.equal(sideColumnOf(page(['相关链接', '信息公开指南', '依申请公开', '政策解读'], () => '序号'), []), undefined);
  });

  it('is no column where an item is a paragraph (longer than a link)', () => {
    assert.equal(sideColumnOf(page(['相关链接', '信息公开指南', '依申请公开', '本机关认真贯彻落实政府信息公开条例全面推进政务公开工作']), []), undefined);
  });

  it('goes on on the next page at the same edge, beside no prose (the tables of part 二)', () => {
    const first = sideColumnOf(page(['相关链接', '信息公开指南', '依申请公开', '政策解读']), []);
    assert.ok(first);
    const next = [run('专题一', EDGE, 700), run('专题二', EDGE, 680), run('第二十条第（一）项', 40, 680)];
    assert.deepEqual(next.filter(sideColumnOf(next, [], first.column)!.holds).map((p) => p.text), ['专题一', '专题二']);
    // Not told there without the page before.
    assert.equal(sideColumnOf(next, []), undefined);
  });
});

describe('pdf side column: an article set in two columns of its own', () => {
  it('is no column beside the body where the right-hand lines are the report (a heading, sentences)', () => {
    assert.equal(sideColumnOf(page(['全面推进政务公开工作。', '二、主动公开政府信息情况', '本年新制发规范性文件', '5件，废止1件；']), []), undefined);
  });
});

describe('pdf side column: a hostile page', () => {
  it('answers on 60,000 lines split at one x: no count of every edge against every other (a hang guard, not a timing)', { timeout: 30_000 }, () => {
    const pieces: TextPiece[] = [];
    for (let k = 0; k < 60_000; k++) pieces.push(run('本机关认真贯彻落实政府信息公开', 40, 700000 - 20 * k), run('链接', EDGE, 700000 - 20 * k));
    const found = sideColumnOf(pieces, []);
    assert.equal(found?.column.edge, EDGE);
  });
});
