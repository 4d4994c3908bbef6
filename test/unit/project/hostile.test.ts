// Hostile input: what no report looks like but an editor or a pipeline can
// hand the core anyway. For each: no throw, every range inside the document,
// time within a generous linear budget. And the text encodings of the same
// report (line ends, BOM, characters outside the BMP) give the same findings
// at the same places, counted in UTF-16 units as LSP counts them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument, type ParsedDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, validT3 } from '../../helpers/build-report';
import { loadFixtures } from '../../helpers/mutate';
import { checkInvariants } from '../../helpers/properties';
import { runEverything } from '../../helpers/invariants';

const fixtures = loadFixtures();
const allFixtures = fixtures.map((f) => f.text).join('\n');
/** Big inputs: no hovers and no code actions (each would run the rules again); 10 ms per 1000 characters. */
const BIG = { budget: { perK: 10, base: 1000 }, run: { hoverProbes: 2, actions: false } } as const;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A deterministic pseudo-random source (no Math.random in tests). */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
}

describe('hostile input: no throw, ranges inside, linear time', () => {
  it('an empty file, and files of only a break, a space, a BOM, a NUL', () => {
    for (const text of ['', '\n', '\r\n', '\r', ' ', '\t', '\uFEFF', '\u0000', '\n\n\n']) {
      const { findings } = checkInvariants(text);
      assert.ok(findings <= 1, `${JSON.stringify(text)}: at most “no sections found”`);
    }
  });

  it('10 MB of text (every fixture, repeated)', (t) => {
    let text = '';
    while (Buffer.byteLength(text, 'utf8') < 10 * 1024 * 1024) text += `${allFixtures}\n`;
    const { ms, findings } = checkInvariants(text, BIG.budget, BIG.run);
    t.diagnostic(`${text.length} UTF-16 units, ${Buffer.byteLength(text)} bytes: ${ms.toFixed(0)} ms, ${findings} findings`);
  });

  it('one line of 1,000,000 characters', (t) => {
    const text = repeatTo('一、总体情况 1 2 3\t（七）总计 ５ ０ 十 (三) ，、. |', 1_000_000);
    const { ms } = checkInvariants(text, BIG.budget, BIG.run);
    t.diagnostic(`${ms.toFixed(0)} ms`);
  });

  it('one line of 1,000,000 characters of numberings that could start a part (二、主动公开 repeated): linear, no flattened page', () => {
    for (const unit of ['二、主动公开', '二、主', '一、总体情况二、主动公开政府信息情况三、收到和处理政府信息公开申请情况']) {
      const text = repeatTo(unit, 1_000_000);
      checkInvariants(text, BIG.budget, BIG.run);
    }
  });

  it('lines of long space runs ending in a span or markup (pandoc\'s tables): linear', () => {
    // Read backwards by hand (headings.ts markupStart): an expression anchored at the end took 1.4 s for 17 KB.
    for (const end of [']{style="font-family:宋体"}', '**', ' ##', '   ']) {
      const line = `一、总体情况${' '.repeat(2_000)}0${' '.repeat(2_000)}${end}`;
      checkInvariants(Array.from({ length: 100 }, () => line).join('\n'));
    }
  });

  it('one line of 1,000,000 digits, and one of 1,000,000 tabs', () => {
    checkInvariants(repeatTo('1234567890', 1_000_000), BIG.budget, BIG.run);
    checkInvariants('\t'.repeat(1_000_000), BIG.budget, BIG.run);
  });

  it('200,000 lines that each look like a heading or a table row', (t) => {
    const kinds = ['一、总体情况', '三、收到和处理', '（七）总计 1 2', '\t1\t2\t3', '| 行政复议 | 1 |', '第二十条第（一）项', '四、结转下年度\t0', '6、其他事项'];
    const text = Array.from({ length: 200_000 }, (_, i) => kinds[i % kinds.length]).join('\n');
    const { ms, findings } = checkInvariants(text, BIG.budget, BIG.run);
    t.diagnostic(`${text.length} characters: ${ms.toFixed(0)} ms, ${findings} findings`);
  });

  it('time grows linearly with the number of heading and table-row lines', (t) => {
    const kinds = ['一、总体情况', '（七）总计 1 2 3 4 5 6 21', '\t1\t2\t3', '二、主动公开政府信息情况', '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1'];
    const doc = (n: number) => Array.from({ length: n }, (_, i) => kinds[i % kinds.length]).join('\n');
    // The fastest of three runs: a full collection of the garbage heap can land in any single run.
    const time = (text: string) => Math.min(...[0, 1, 2].map(() => runEverything(text, { hoverProbes: 0, actions: false }).ms));
    const small = time(doc(5_000));
    const large = time(doc(20_000));
    t.diagnostic(`5,000 lines: ${small.toFixed(0)} ms; 20,000 lines: ${large.toFixed(0)} ms`);
    // Linear would be ×4, quadratic ×16: allow twice linear for noise.
    assert.ok(large < 8 * Math.max(small, 20), `×${(large / small).toFixed(1)} for ×4 the lines`);
  });

  it('binary data: random code units, NULs, lone surrogates, U+FFFD', () => {
    const next = lcg(8);
    let text = '';
    for (let i = 0; i < 300_000; i++) text += String.fromCharCode(next() % 0x10000);
    checkInvariants(text, BIG.budget, BIG.run);
    checkInvariants('\u0000'.repeat(100_000), BIG.budget, BIG.run);
    // A real report with NULs and bytes decoded wrongly sprinkled in.
    const bytes = Buffer.from(fixtures[0]!.text, 'utf8');
    for (let i = 0; i < bytes.length; i += 97) bytes[i] = next() % 256;
    checkInvariants(bytes.toString('latin1'));
    checkInvariants(bytes.toString('utf8'));
    checkInvariants(fixtures[1]!.text.replace(/0/g, '\u0000').replace(/、/g, '\uD800'));
  });
});

// ------------------------------------------------------------------ same report, other encodings

interface Placed {
  code: string;
  message: string;
  range: string;
  fix: string;
}

/** Findings with LSP positions: what the user sees, independent of how lines end. */
function placed(doc: ParsedDocument): Placed[] {
  const pos = (r: { start: number; end: number }) => {
    const { start, end } = doc.lines.rangeOf(r);
    return `${start.line}:${start.character}-${end.line}:${end.character}`;
  };
  return check(doc).map((f) => ({ code: f.code, message: f.message, range: pos(f.range), fix: (f.fix?.edits ?? []).map((e) => `${pos(e.range)}→${e.newText.replace(/\r\n?/g, '\n')}`).join(';') }));
}

const reports = [
  ...fixtures,
  ...ALL_LAYOUTS.map((layout) => ({ name: `built, broken total (${layout})`, text: buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] }, headings: ['1、总体情况'] }) })),
];

describe('line ends: CRLF, CR only and mixed give the same findings at the same positions', () => {
  for (const { name, text } of reports) {
    it(name, () => {
      const lf = text.replace(/\r\n?/g, '\n');
      const expected = placed(parseDocument(lf));
      const lines = lf.split('\n');
      const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join('');
      for (const [eol, variant] of [['CRLF', lf.replace(/\n/g, '\r\n')], ['CR', lf.replace(/\n/g, '\r')], ['mixed', mixed]] as const) {
        // A \r that ends one line and the \n of an empty next line are one break: compare with what the text really is.
        const same = variant === mixed ? placed(parseDocument(mixed.replace(/\r\n?/g, '\n'))) : expected;
        const doc = parseDocument(variant);
        assert.deepEqual(placed(doc), same, eol);
        if (eol === 'mixed') checkInvariants(variant);
        // A fix inserts lines with the document's own line break.
        if (eol !== 'mixed') {
          const stray = eol === 'CRLF' ? /(?<!\r)\n|\r(?!\n)/ : /\n/;
          for (const f of check(doc)) for (const e of f.fix?.edits ?? []) assert.doesNotMatch(e.newText, stray, `${f.code}: ${eol} document gets other line breaks`);
        }
      }
    });
  }
});

describe('a BOM at the start of the string', () => {
  for (const { name, text } of reports) {
    it(name, () => {
      const plain = check(parseDocument(text)).map((f) => ({ code: f.code, message: f.message, start: f.range.start + 1, end: f.range.end + 1 }));
      const doc = parseDocument(`\uFEFF${text}`);
      const withBom = check(doc).map((f) => ({ code: f.code, message: f.message, start: f.range.start, end: f.range.end }));
      assert.deepEqual(withBom, plain, 'the same findings, one code unit later');
      assert.equal(doc.report.title?.text, parseDocument(text).report.title?.text, 'the title is still found');
      checkInvariants(`\uFEFF${text}`);
    });
  }
});

describe('characters outside the BMP: ranges stay in UTF-16 units', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`𠀀 before a broken total covers exactly the number (${layout})`, () => {
      const base = buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] } });
      // Two code units each, in the preface and on the row itself, before the 7.
      const text = `𠀀${base.replace('本报告依据', '𠀀本报告依据').replace('一、本年新收', '𠀀𠀀一、本年新收')}`;
      assert.ok(text.includes('𠀀𠀀一、本年新收'));
      const doc = parseDocument(text);
      const sum = check(doc).find((f) => f.code === 'sum.row');
      assert.ok(sum, 'sum.row is reported');
      assert.equal(text.slice(sum.range.start, sum.range.end), '7');
      assert.deepEqual(sum.fix?.edits.map((e) => text.slice(e.range.start, e.range.end)), ['7']);
      // The LSP position counts 𠀀 as two characters, as VS Code does.
      const { start, end } = doc.lines.rangeOf(sum.range);
      const line = text.split(/\r\n|\r|\n/)[start.line]!;
      assert.equal(line.slice(start.character, end.character), '7');
      // Where a row is one line, the 𠀀𠀀 stand before the 7 on it: a count in code points would be two short.
      if (['tab-grid', 'pdf-rows', 'pipe'].includes(layout)) assert.ok(line.slice(0, start.character).includes('𠀀𠀀'), line);
      checkInvariants(text);
    });
  }
});
