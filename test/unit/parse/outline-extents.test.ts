// Where each sub-item ends (core/outline.ts): at the next item at its level or
// above, or the section's end; found in one pass, however deep or long.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Section, SubItem } from '../../../server/src/core/model';
import { subItemExtents } from '../../../server/src/core/outline';

const item = (start: number, level: number, children: SubItem[] = []): SubItem => ({
  range: { start, end: start + 1 },
  numbering: { style: 'chinese', value: 1, text: '', range: { start, end: start } } as unknown as SubItem['numbering'],
  title: `#${start}`,
  titleRange: { start, end: start + 1 },
  level,
  children,
});

const section = (subItems: SubItem[]): Section => ({ subItems, range: { start: 0, end: 1000 }, paragraphs: [], heading: {} as Section['heading'] });

test('an item ends where the next item at its level or above starts; the last ones run to the section end', () => {
  // （一）10 [1.20 [(1)30] 2.40] （二）50 [1.60]
  const s = section([item(10, 1, [item(20, 2, [item(30, 3)]), item(40, 2)]), item(50, 1, [item(60, 2)])]);
  assert.deepEqual(
    subItemExtents(s).map((e) => [e.item.range.start, e.nextStart]),
    [[10, 50], [20, 40], [30, 40], [40, 50], [50, undefined], [60, undefined]],
  );
});

test('the same as the naive search on a long irregular outline, and no recursion limit', () => {
  // Levels that rise and fall at random, as a damaged report's numbering does.
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const flat: SubItem[] = [];
  const roots: SubItem[] = [];
  const open: SubItem[] = [];
  for (let i = 0; i < 3000; i++) {
    const level = Math.min(open.length + 1, 1 + Math.floor(random() * 4));
    const it = item(i * 10, level);
    open.length = level - 1;
    (level === 1 ? roots : open[level - 2]!.children).push(it);
    open.push(it);
    flat.push(it);
  }
  const naive = flat.map((it, k) => flat.slice(k + 1).find((o) => o.level <= it.level)?.range.start);
  assert.deepEqual(subItemExtents(section(roots)).map((e) => e.nextStart), naive);

  // 20,000 levels deep: one pass, no stack overflow.
  let deep = item(0, 20_000);
  for (let level = 19_999; level >= 1; level--) deep = item(level, level, [deep]);
  assert.equal(subItemExtents(section([deep])).length, 20_000);
});
