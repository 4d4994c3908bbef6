// Fuzzing the core with random mutations of every real report (seeds and
// corpus): characters and lines inserted, deleted, duplicated and swapped;
// tabs, digits, full-width digits, Chinese numerals, brackets and report
// vocabulary dropped in at random. For every input: parseDocument, check,
// symbols, folding, hover and code actions never throw, every range lies
// inside the document, the time stays within a linear budget, and
// updateDocument answers exactly as a fresh parse.
//
// Fixed seed and few runs here (npm test); `npm run fuzz` runs the same
// properties with many more (scripts/fuzz-long.ts, GOV_REPORT_FUZZ_RUNS).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check, hover, parseDocument, updateDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, validT3 } from '../../helpers/build-report';
import { applyMutations, changeArb, changesFor, figureKeystrokeArb, keystrokeArb, loadFuzzFixtures, mutatedFixtureArb, type Mutation } from '../../helpers/mutate';
import { assertLspRange } from '../../helpers/invariants';
import { checkFigureTyping, checkFixSafety, checkIncremental, checkIncrementalBatch, checkInvariants } from '../../helpers/properties';

const SEED = 20240601;
const fixtures = loadFuzzFixtures();

describe('fuzz: the fixtures themselves', () => {
  for (const { name, text } of fixtures) {
    it(name, () => {
      checkInvariants(text);
    });
  }
  for (const layout of ALL_LAYOUTS) {
    it(`a built report with a broken total (${layout})`, () => {
      checkInvariants(buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] } }));
    });
  }
});

describe('fuzz: hover at every offset of every fixture', () => {
  it('answers or not, never throws, its range inside the document', (t) => {
    let hovers = 0;
    for (const { text } of fixtures) {
      const doc = parseDocument(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const h = hover(doc, offset);
        if (!h) continue;
        hovers++;
        if (h.range) assertLspRange(doc, h.range, `hover at ${offset}`);
      }
    }
    t.diagnostic(`${hovers} hovers`);
    assert.ok(hovers > 1000);
  });
});

describe('fuzz: mutated fixtures', () => {
  it('never throw, every range inside the document, linear time', (t) => {
    let tried = 0;
    let chars = 0;
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures), ({ text }) => {
        tried++;
        chars += text.length;
        checkInvariants(text);
      }),
      { seed: SEED, numRuns: 100 },
    );
    t.diagnostic(`${tried} mutated reports, ${chars} characters, 0 crashes`);
  });

  it('updateDocument, edit after edit, answers as parseDocument of the new text', (t) => {
    let edits = 0;
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures, 4), fc.array(changeArb, { minLength: 1, maxLength: 3 }), ({ text }, raw) => {
        const changes = changesFor(text, raw);
        edits += changes.length;
        checkIncremental(text, changes);
      }),
      { seed: SEED + 1, numRuns: 30 },
    );
    t.diagnostic(`${edits} incremental edits compared`);
  });

  it('updateDocument, keystroke after keystroke, answers as parseDocument of the new text', (t) => {
    // Typing mostly keeps the structure, so this exercises the in-place path (parse/patch-report.ts).
    let edits = 0;
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures, 2), fc.array(keystrokeArb, { minLength: 1, maxLength: 8 }), ({ text }, raw) => {
        const changes = changesFor(text, raw);
        edits += changes.length;
        checkIncremental(text, changes);
      }),
      { seed: SEED + 3, numRuns: 30 },
    );
    t.diagnostic(`${edits} keystrokes compared`);
  });

  it('updateDocument, keystroke after keystroke in the tables\' figures, answers as parseDocument of the new text', (t) => {
    // Digits typed into, over and out of figures: where the read does not depend on them, 表三 is kept row by row
    // (parse/retyped-cell.ts); a sign or a point, or a row aligned by its sums, reads the table again.
    let typed = 0;
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures, 2), fc.array(figureKeystrokeArb, { minLength: 1, maxLength: 8 }), ({ text }, keys) => {
        typed += checkFigureTyping(text, keys);
      }),
      { seed: SEED + 4, numRuns: 30 },
    );
    t.diagnostic(`${typed} figure keystrokes compared`);
  });

  it('updateDocument with several changes in one call', () => {
    fc.assert(
      fc.property(mutatedFixtureArb(fixtures, 3), fc.array(changeArb, { minLength: 2, maxLength: 4 }), ({ text }, raw) => {
        checkIncrementalBatch(text, changesFor(text, raw));
      }),
      { seed: SEED + 2, numRuns: 10 },
    );
  });
});

describe('fuzz: edits at the awkward places', () => {
  // Typing between \r and \n, splitting a surrogate pair, deleting a BOM:
  // an editor sends such edits; the incremental result must still equal a fresh parse.
  const base = fixtures.find((f) => f.name.includes('003'))!.text;
  const crlf = `\uFEFF${base.replace(/\n/g, '\r\n').replace('总体情况', '总体情况𠀀')}`;
  const at = (s: string) => {
    const i = crlf.indexOf(s);
    assert.ok(i >= 0, s);
    return i;
  };
  const cases: [string, { start: number; end: number }, string][] = [
    ['type between \\r and \\n', { start: at('\r\n') + 1, end: at('\r\n') + 1 }, 'x'],
    ['insert a line break between \\r and \\n', { start: at('\r\n') + 1, end: at('\r\n') + 1 }, '\n'],
    ['delete the \\r of a \\r\\n', { start: at('\r\n'), end: at('\r\n') + 1 }, ''],
    ['split a surrogate pair', { start: at('𠀀') + 1, end: at('𠀀') + 1 }, '1'],
    ['delete half a surrogate pair', { start: at('𠀀'), end: at('𠀀') + 1 }, ''],
    ['delete the BOM', { start: 0, end: 1 }, ''],
    ['replace everything', { start: 0, end: crlf.length }, '一、总体情况\r\n'],
    ['append at the very end', { start: crlf.length, end: crlf.length }, '\r\n（七）总计 1 2 3'],
    ['join every line of 表三 into one', { start: at('一、本年新收'), end: at('四、结转下年度') }, '一、本年新收政府信息公开申请数量\t1\t1'],
  ];
  for (const [name, range, text] of cases) {
    it(name, () => {
      checkIncremental(crlf, [{ range, text }]);
      checkInvariants(crlf.slice(0, range.start) + text + crlf.slice(range.end));
    });
  }

  it('a range past the end is clamped, not thrown', () => {
    const doc = parseDocument(base);
    const past = updateDocument(doc, [{ range: { start: base.length + 50, end: base.length + 60 }, text: 'x' }]);
    assert.equal(past.text, `${base}x`);
    assert.deepStrictEqual(check(past), check(parseDocument(`${base}x`)));
  });
});

describe('fuzz: regressions found by the fuzzer', () => {
  const fixture = (part: string) => fixtures.find((f) => f.name.includes(part))!.text;
  const regress = (part: string, mutations: Mutation[]) => applyMutations(fixture(part), mutations);

  it('表二 block whose caption was lost stays inside the table (was: block range from offset 0)', () => {
    // “规章” merged with the next caption line: block （五） has no caption cell.
    checkInvariants(regress('洪泽区人民政府_2024', [{ op: 'deleteChars', at: 16951, length: 22 }, { op: 'deleteLine', at: 0 }]));
  });

  it('a 表三 row whose label is the wrapped line after its figures spans both, start before end (seed 20261311)', () => {
    // A w3m box table with a line of 表三 copied into its header: 3.其他 matched the tail of （二）'s wrapped label.
    const page = loadFuzzFixtures().find((f) => f.name === 'built/portal-page (w3m)')!.text;
    checkInvariants(applyMutations(page, [{ op: 'replaceChars', at: 49485, length: 32, text: '\t' }, { op: 'copyLine', from: 19368, to: 24244 }, { op: 'swapLines', a: 89958, b: 87460 }]));
  });

  it('a 表三 row with no figures whose label runs on past the last row read: the table holds it (seed 20261306)', () => {
    // A w3m box table; the label's last line, with words typed after it, ends after the row before it ended.
    const page = loadFuzzFixtures().find((f) => f.name === 'built/portal-page (w3m)')!.text;
    checkInvariants(applyMutations(page, [{ op: 'replaceChars', at: 0, length: 4, text: '\t' }, { op: 'copyLine', from: 0, to: 20775 }, { op: 'insertChars', at: 28041, text: '结转下年度继续办理\t' }, { op: 'duplicateLine', at: 0 }]));
  });

  it('表三 rows out of template order give an outline whose ranges do not end before they start', () => {
    checkInvariants(regress('004', [{ op: 'copyLine', from: 0, to: 0 }, { op: 'insertLine', at: 95712, text: '结转下年度继续办理\t' }, { op: 'swapLines', a: 0, b: 0 }]));
  });

  it('a cell of a table kept as HTML that ends in a tag left open: its blank lies before the tag, where the fill fix writes (seed 20261266)', () => {
    // A deleted line left `<td …>&nbsp;<span` with the next <td> inside the open tag; the fix wrote its 0 inside it.
    checkFixSafety(regress('pandoc grid tables', [
      { op: 'copyLine', from: 24283, to: 90591 }, { op: 'insertChars', at: 3492, text: '</td>余予以公开' }, { op: 'deleteLine', at: 42680 },
      { op: 'deleteChars', at: 85045, length: 21 }, { op: 'insertChars', at: 95905, text: ' (' }, { op: 'replaceChars', at: 58707, length: 15, text: '—' },
    ]));
  });

  it('a 表二 row named among a row\'s header cells, its label wrapped past the row read next, stays inside its table (seed 20261269)', () => {
    // A figure typed into pandoc's grid header (本年收 |2) made the header line a row; the 行政事业性收费 row it named
    // was added without widening the table, and its wrapped label (行政 / 事业性收费) ended after the table.
    checkInvariants(regress('pandoc grid tables', [
      { op: 'deleteLine', at: 71099 }, { op: 'insertLine', at: 0, text: '\t\t\t\t' }, { op: 'insertLine', at: 0, text: '\t\t' },
      { op: 'swapChars', a: 62378, b: 70199 }, { op: 'duplicateChars', at: 0, length: 1 },
    ]));
  });

  it('a part numbered in brackets is offered no renumbering fix: alone, it made the other parts sub-items (seed 20261269)', () => {
    checkFixSafety(regress('parts numbered in brackets', [{ op: 'duplicateLine', at: 45430 }]));
    checkFixSafety(regress('parts numbered in brackets', [{ op: 'duplicateChars', at: 94610, length: 16 }]));
  });

  it('a part inserted into a report whose parts are numbered in brackets is numbered so (seed 20261269)', () => {
    // Inserted as 三、…, it had a heading of its own, and the other parts were sub-items: five parts "missing".
    checkFixSafety(regress('parts numbered in brackets', [{ op: 'duplicateChars', at: 46634, length: 6 }, { op: 'deleteLine', at: 4234 }, { op: 'insertLine', at: 75643, text: '![](t3.png)余：５' }]));
  });

  it('a stray line above a flattened page\'s body naming part 六 hides none of the body\'s parts (seed 20261287)', () => {
    // Read as the first part in order, its 六 made the body's 一 to 五 "before" it: 一 and 五 (found by their numerals)
    // were missing, and the title fix of that stray heading added a finding.
    const text = regress('clean-prose-2022 (one line', [{ op: 'insertLine', at: 20974, text: '𠀀—|等六、其他報告自然人其他需要报告的事项' }]);
    assert.deepEqual(parseDocument(text).report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
    checkFixSafety(text);
  });

  it('a row of a box-drawn table that matches no template row, its label pieces after its figures: a range that ends after it starts (seed 20261274)', () => {
    checkInvariants(regress('portal-page (w3m)', [{ op: 'deleteLine', at: 43720 }, { op: 'deleteLine', at: 0 }, { op: 'deleteLine', at: 77015 }, { op: 'deleteLine', at: 95122 }, { op: 'duplicateChars', at: 0, length: 1 }]));
  });

  it('a row whose blank total lies after its last value holds that cell (was: 表三 row ending before its blank cells)', () => {
    checkInvariants(regress('000', [{ op: 'deleteChars', at: 32226, length: 29 }, { op: 'insertChars', at: 0, text: '\t' }]));
  });
});
