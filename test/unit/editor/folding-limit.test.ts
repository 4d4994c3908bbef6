// Folding ranges within the client's rangeLimit (VS Code asks for at most 5,000 and drops the rest itself,
// wherever they are): what is cut is the deepest level, never a section while its sub-items stay.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { FoldingRange } from 'vscode-languageserver-types';
import { limitFoldingRanges } from '../../../server/src/core/features/folding';
import { folding, parseDocument } from '../../../server/src/core/service';
import { generateLargeReport } from '../../../scripts/bench/generate';
import { fixturePath } from '../../helpers/fixtures';

const r = (start: number, end: number) => FoldingRange.create(start, end);

test('under the limit, the ranges are answered as they are', () => {
  const ranges = [r(0, 10), r(1, 3), r(5, 9)];
  assert.equal(limitFoldingRanges(ranges, 3), ranges);
  assert.equal(limitFoldingRanges(ranges, undefined), ranges);
});

test('over the limit, the outer levels are kept whole and the next one in document order', () => {
  // 0–20 [1–5 [2–3] 6–10 [7–8]] 21–30 [22–25]
  const ranges = [r(0, 20), r(1, 5), r(2, 3), r(6, 10), r(7, 8), r(21, 30), r(22, 25)];
  assert.deepEqual(limitFoldingRanges(ranges, 2), [r(0, 20), r(21, 30)]);
  assert.deepEqual(limitFoldingRanges(ranges, 4), [r(0, 20), r(1, 5), r(6, 10), r(21, 30)]);
  assert.deepEqual(limitFoldingRanges(ranges, 6), [r(0, 20), r(1, 5), r(2, 3), r(6, 10), r(21, 30), r(22, 25)]);
  assert.deepEqual(limitFoldingRanges(ranges, 1), [r(0, 20)]);
  assert.deepEqual(limitFoldingRanges(ranges, 0), []);
});

test('any nesting: at most the limit, in order, and a kept range keeps every range around it', () => {
  // Nested ranges as foldingRanges makes them: sorted by start, the longer first, properly nested.
  const nested = fc.array(fc.nat(6), { maxLength: 60 }).map((depths) => {
    const out: FoldingRange[] = [];
    const open: { start: number; depth: number }[] = [];
    let line = 0;
    const closeTo = (depth: number) => {
      while (open.length > depth) out.push(r(open.pop()!.start, line++));
    };
    for (const d of depths) {
      closeTo(Math.min(d, open.length));
      open.push({ start: line++, depth: open.length });
    }
    closeTo(0);
    return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  });
  fc.assert(
    fc.property(nested, fc.nat(70), (ranges, limit) => {
      const kept = limitFoldingRanges(ranges, limit);
      assert.ok(kept.length <= limit);
      assert.equal(kept.length, Math.min(limit, ranges.length));
      // A subsequence of the input, in its order.
      let k = 0;
      for (const x of kept) {
        while (k < ranges.length && ranges[k] !== x) k++;
        assert.ok(k < ranges.length, 'not in order or not from the input');
        k++;
      }
      for (const x of kept) {
        for (const y of ranges) {
          const encloses = y !== x && y.startLine <= x.startLine && y.endLine >= x.endLine;
          if (encloses) assert.ok(kept.includes(y), `(${x.startLine}–${x.endLine}) kept without (${y.startLine}–${y.endLine})`);
        }
      }
    }),
  );
});

test('a sub-item folds from its line to its text’s last line; one of a single line does not fold', () => {
  // Seed 001's section 二 with two sub-items added at its start: one of a line, one with a paragraph, each
  // followed by a blank line (Markdown's header folding leaves that line out too).
  const seed = readFileSync(fixturePath('seeds/001_b514ee349c59fe59.txt'), 'utf8');
  const at = seed.indexOf('\n二、主动公开政府信息情况') + 1;
  const text = `${seed.slice(0, at)}（1）第一项工作。\n\n（2）第二项工作。\n本年度持续推进该项工作。\n取得较好成效。\n\n${seed.slice(at)}`;
  const doc = parseDocument(text);
  const lineOf = (needle: string) => doc.lines.positionAt(text.indexOf(needle)).line;
  const ranges = folding(doc);
  assert.ok(!ranges.some((f) => f.startLine === lineOf('（1）第一项')), 'a one-line item does not fold');
  assert.ok(ranges.some((f) => f.startLine === lineOf('（2）第二项') && f.endLine === lineOf('取得较好成效')), 'to its last line, not the blank one');
});

test('a report with 8,500 sub-items folds within 5,000: every section and table kept', () => {
  // The generated report's sub-items are one line each: each is given a second line here, so each folds.
  const doc = parseDocument(generateLargeReport().replace(/^(（\d）第\d+项工作情况。.*)$/gm, '$1\n本项工作持续推进。'));
  const all = folding(doc);
  assert.ok(all.length > 5000, `${all.length} ranges`);
  const limited = folding(doc, { rangeLimit: 5000 });
  assert.equal(limited.length, 5000);
  const line = (offset: number) => doc.lines.positionAt(offset).line;
  for (const s of doc.report.sections) {
    if (line(s.range.end) > line(s.range.start)) assert.ok(limited.some((f) => f.startLine === line(s.range.start)), `section at line ${line(s.range.start)} cut`);
  }
  const t3 = doc.report.tables.t3!;
  assert.ok(limited.some((f) => f.startLine === line(t3.range.start)), '表三 cut');
});
