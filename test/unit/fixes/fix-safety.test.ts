// Fix safety at scale. test/unit/fixes/fixes.test.ts applies each finding's fix to
// the fixtures and to reports with injected defects; this goes further, on
// mutated reports, and through the protocol's path: every code action offered
// for the whole document (each quick fix, each "fix all of this kind", and
// source.fixAll) is applied as VS Code applies it (LSP positions,
// vscode-languageserver-textdocument), one at a time, and must
//  - leave every character outside its edits as it was, byte for byte;
//  - remove only what it is about (a number, a numbering, debris, a label
//    misspelt: test/helpers/properties.ts textLost);
//  - lower the count of the diagnostics it targets (same code);
//  - add no error-severity finding.
// Fixed seed and N small here; `npm run fuzz` runs many more.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, validT3 } from '../../helpers/build-report';
import { applyEdits } from '../../helpers/invariants';
import { applyMutations, loadFixtures, loadFuzzFixtures, sampleMutated, type Mutation } from '../../helpers/mutate';
import { checkFixSafety } from '../../helpers/properties';

const SEED = 424242;
const MUTATED = 25;
const fixtures = loadFixtures();

describe('fix safety: every code action on every fixture, as is and with a BOM and CRLF', () => {
  for (const { name, text } of fixtures) {
    it(name, () => {
      for (const variant of [text, `\uFEFF${text.replace(/\n/g, '\r\n')}`]) checkFixSafety(variant);
    });
  }
  for (const layout of ALL_LAYOUTS) {
    it(`built report with broken sums, blanks and Arabic numbering (${layout}), CRLF and 𠀀`, () => {
      const text = buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7], carried: [1, 0, '/', 0, '—', 0, 1] }, headings: ['1、总体情况'] });
      const stats = checkFixSafety(text);
      assert.ok(stats.applied >= 3, `only ${stats.applied} actions`);
      checkFixSafety(`𠀀${text.replace(/\n/g, '\r\n')}`);
    });
  }
});

describe(`fix safety: ${MUTATED} mutated fixtures (seed ${SEED})`, () => {
  it('every offered action keeps the text and removes what it targets', (t) => {
    let applied = 0;
    let edits = 0;
    for (const sample of sampleMutated(fixtures, MUTATED, SEED)) {
      try {
        const stats = checkFixSafety(sample.text);
        applied += stats.applied;
        edits += stats.edits;
      } catch (error) {
        (error as Error).message += `\n  input: ${sample.name} mutated by ${JSON.stringify(sample.mutations)}`;
        throw error;
      }
    }
    t.diagnostic(`${MUTATED} mutated reports: ${applied} code actions applied (${edits} edits), 0 characters lost`);
    assert.ok(applied > MUTATED, `only ${applied} actions applied`);
  });
});

describe('fix safety: regressions found by the fuzzer', () => {
  const fixture = (part: string) => fixtures.find((f) => f.name.includes(part))!.text;
  const regress = (part: string, mutations: Mutation[]) => applyMutations(fixture(part), mutations);

  // Long fuzz, seed 189227005 (twenty-third session; failed on the code before it too): in html2text's paragraph
  // cells, a line ending in digits ("六、其他；25") over a cell's figure (" 1") was joined as one label, its figure 251
  // split off with a range over the line break, and sum.balance's fix wrote 1 over "25\n 1".
  it('digits on two sides of a line break in a paragraph cell are two figures (was: a fix over “25\\n 1”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'built/word-page (html2text)')!.text;
    const text = applyMutations(page, [{ op: 'insertLine', at: 74163, text: '六、其他；25' }, { op: 'insertChars', at: 90232, text: '六、其他\t' }, { op: 'insertChars', at: 69752, text: '\n\n总体情况７（七）' }, { op: 'duplicateChars', at: 8, length: 3 }, { op: 'insertLine', at: 3348, text: '\u200b1.\n\u{20000}- 4 -' }, { op: 'deleteLine', at: 5741 }, { op: 'deleteLine', at: 76787 }, { op: 'replaceChars', at: 84615, length: 40, text: '（七）/' }]);
    assert.ok(text.includes('六、其他；25\n 1'));
    for (const f of check(parseDocument(text))) {
      for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) for (const e of fix.edits) assert.ok(!/[\r\n]/.test(text.slice(e.range.start, e.range.end)), `${f.code}: ${fix.title}`);
    }
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261297: a heading numbered `三` then a soft hyphen a page's editor left and a tab. The parser
  // reads the soft hyphen as a space (text/debris.ts), and the fix writing 三、 replaces it with the tab: an invisible
  // character beside the numbering goes with it, nothing the writer can see.
  // Long fuzz, seed 20261299 (both failed on the code before the fifteenth session too).
  it('a page number in its dashes run onto a part\'s heading is no part of the title (was: the title fix dropped the 4 of “- 4 -”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'built/parts numbered in brackets')!.text;
    const text = applyMutations(page, [{ op: 'insertChars', at: 46142, text: '- 4 -\n' }]);
    assert.ok(text.includes('（五）存在的主要问题及改进情况- 4 -'));
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.code === 'section.title' || f.code === 'section.missing'), []);
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261340 (twenty-fifth session): a part's title wrapped inside a word with a character lost
  // (`三、收` / `和处理政府信息公开申请情况`); section.title's fix writes the template's rest on the second line, which is
  // then a heading by itself, and the two lines were no longer read as one (the hint stayed, a numbering warning came).
  it('a title wrapped inside a word is read whole after its fix (was: “did not lower the count of section.title”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'built/表三 as a picture')!.text;
    const text = applyMutations(page, [{ op: 'duplicateLine', at: 59135 }, { op: 'duplicateChars', at: 18804, length: 22 }, { op: 'copyLine', from: 67597, to: 26649 }, { op: 'swapChars', a: 54207, b: 68567 }, { op: 'deleteChars', at: 13789, length: 17 }, { op: 'deleteLine', at: 67817 }]);
    assert.ok(text.includes('三、收\n和处理政府信息公开申请情况\n'));
    const fixed = text.replace('三、收\n和处理', '三、收\n到和处理');
    assert.deepEqual(check(parseDocument(fixed)).filter((f) => f.code.startsWith('section.')).map((f) => f.message), []);
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261301: a count written with its unit in a table (`0条`), whose fix writes the figure alone (defect 89).
  it('a fix that writes a figure without its unit removes only the unit (was: “removes more than a number”)', () => {
    const text = regress('003', [{ op: 'deleteChars', at: 43141, length: 6 }, { op: 'insertChars', at: 96314, text: '1［图片］\r\n' }, { op: 'swapChars', a: 71517, b: 493 }, { op: 'deleteChars', at: 15642, length: 22 }]);
    const invalid = check(parseDocument(text)).find((f) => f.code === 'cell.invalid' && f.fix);
    assert.ok(invalid && /^\d+\s*条$/.test(text.slice(invalid.fix!.edits[0]!.range.start, invalid.fix!.edits[0]!.range.end)), 'the fix takes a count written with 条');
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261321: the property knew / and — as a blank's placeholder, not \ (numbers.ts PLACEHOLDER has it).
  it('a blank written \\ is filled by cell.blank\'s fix like one written / (the property was wrong: “removes more than a number”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'built/portal-page (html2text)')!.text;
    const text = applyMutations(page, [{ op: 'copyLine', from: 15715, to: 46707 }, { op: 'deleteLine', at: 41653 }, { op: 'swapLines', a: 56857, b: 55366 }, { op: 'duplicateLine', at: 35772 }, { op: 'duplicateLine', at: 19937 }, { op: 'swapChars', a: 3972, b: 24920 }, { op: 'insertLine', at: 77870, text: `${' '.repeat(300)}自然人七结转下年度继续办理保留4位小数余![](t3.png)总计` }]);
    assert.ok(check(parseDocument(text)).some((f) => f.code === 'cell.blank' && f.fix?.edits.some((e) => text.slice(e.range.start, e.range.end) === '\\')), 'a fill of a cell written \\');
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261318: Markdown's bold left after a figure (0**) is no note mark (39*): nothing offers to drop it.
  it('a figure with ** after it is not a figure with a note mark (was: “0**” replaced by “0”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt')!.text;
    const text = applyMutations(page, [{ op: 'deleteLine', at: 32800 }, { op: 'insertLine', at: 80880, text: '\t'.repeat(20) + '予以公开保留4位小数二第二十条第（一）项\r５十' }, { op: 'insertLine', at: 8529, text: '；三、</td>' + '\t'.repeat(20) + '收到一' }, { op: 'copyLine', from: 22052, to: 14443 }, { op: 'duplicateChars', at: 53146, length: 16 }, { op: 'duplicateChars', at: 59944, length: 25 }, { op: 'duplicateChars', at: 20114, length: 18 }, { op: 'insertChars', at: 59683, text: '**' }]);
    assert.ok(text.includes('0**'));
    assert.ok(!check(parseDocument(text)).some((f) => f.code === 'cell.invalid' && f.fix?.edits.some((e) => text.slice(e.range.start, e.range.end).includes('**'))));
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261312: a 表四 figure written with its unit (6件) in a broken group.
  it('a sum\'s fix on a figure written with its unit writes the figure and keeps the unit (was: “6件” replaced by “64”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'corpus/淮安市人民政府_2024_pypdf-extract.txt')!.text;
    const text = applyMutations(page, [{ op: 'swapChars', a: 49344, b: 17741 }, { op: 'duplicateLine', at: 79248 }, { op: 'swapChars', a: 94859, b: 28133 }, { op: 'insertLine', at: 34974, text: '7三、</td>结转下年度继续办理' }, { op: 'swapChars', a: 17012, b: 30921 }, { op: 'replaceChars', at: 5394, length: 7, text: '0\n\n' }, { op: 'swapLines', a: 98896, b: 61972 }, { op: 'duplicateLine', at: 91688 }]);
    const candidate = check(parseDocument(text)).flatMap((f) => f.suggestions ?? []).find((s) => s.title.includes('由 6件 改为'));
    assert.ok(candidate, 'a candidate fix on the cell “6件”');
    assert.equal(text.slice(candidate.edits[0]!.range.start, candidate.edits[0]!.range.end), '6');
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261307: a heading cut short (`…公开申）`) right above 表三's header cell, one cell a line.
  it('a table\'s header line is never a heading\'s second line (was: the title fix wrote “情况” over “申请人情况”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'built/cell-lines-written-blanks')!.text;
    const text = applyMutations(page, [{ op: 'deleteLine', at: 80047 }, { op: 'deleteChars', at: 89532, length: 20 }, { op: 'insertLine', at: 86807, text: '**——〇\n（- 4 -6、2022年' }, { op: 'duplicateChars', at: 96880, length: 34 }, { op: 'deleteChars', at: 37958, length: 38 }, { op: 'duplicateLine', at: 5509 }]);
    const header = text.indexOf('\n申请人情况\n') + 1;
    assert.ok(header > 0, 'the mutated report keeps 表三\'s header cell on its own line');
    const title = check(parseDocument(text)).find((f) => f.code === 'section.title');
    assert.ok(title, 'part 三\'s title is still called not the template\'s');
    assert.ok(title.range.end <= header, 'the title ends before the header cell');
    checkFixSafety(text);
  });

  // Long fuzz, seed 20261302: a Word bookmark between a part's numeral and its title.
  it('a numbering fix leaves a bookmark after the numeral where it was (was: “一[bookmark: _GoBack]” replaced by “一、”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'own/blank-total-2021 (node-html-markdown)')!.text;
    const text = applyMutations(page, [{ op: 'insertChars', at: 17111, text: '[bookmark: _GoBack]打印余2022年' }, { op: 'swapLines', a: 11686, b: 78400 }, { op: 'duplicateLine', at: 43920 }, { op: 'insertChars', at: 42360, text: '(' }]);
    const numbering = check(parseDocument(text)).find((f) => f.code === 'section.numbering' && f.fix && text.slice(f.fix.edits[0]!.range.end).startsWith('[bookmark:'));
    assert.ok(numbering, 'the fix ends before the bookmark');
    checkFixSafety(text);
  });

  it('a numbering fix that writes 2. for 第二部分 removes only the numbering', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'own/subheadings-2021 (html-to-text, defaults)')!.text;
    const text = applyMutations(page, [{ op: 'copyLine', from: 92865, to: 65113 }, { op: 'swapLines', a: 52854, b: 71495 }, { op: 'replaceChars', at: 48948, length: 9, text: '。8\u00ad\r\n（三）收到和处理政府信息公开申请情况' }, { op: 'insertLine', at: 49593, text: '结转下年度继续办理—三、件；2' }, { op: 'insertChars', at: 12886, text: '第二部分 十' }, { op: 'swapChars', a: 34167, b: 34303 }]);
    assert.ok(check(parseDocument(text)).some((f) => f.code === 'section.numbering' && f.fix && text.slice(f.fix.edits[0]!.range.start, f.fix.edits[0]!.range.end) === '第二部分'));
    checkFixSafety(text);
  });

  it('a numbering fix over a soft hyphen beside the numbering (was: “removes more than the numbering”)', () => {
    const page = loadFuzzFixtures().find((f) => f.name === 'built/portal-page (w3m)')!.text;
    const text = applyMutations(page, [{ op: 'duplicateChars', at: 82355, length: 32 }, { op: 'copyLine', from: 33884, to: 91455 }, { op: 'insertChars', at: 83324, text: '\u00ad\t|' }, { op: 'swapLines', a: 64759, b: 5702 }, { op: 'deleteLine', at: 87586 }]);
    const numbering = check(parseDocument(text)).find((f) => f.code === 'section.numbering' && f.fix && /\u00ad/.test(text.slice(f.fix.edits[0]!.range.start, f.fix.edits[0]!.range.end)));
    assert.ok(numbering, 'the numbering fix takes in the soft hyphen');
    checkFixSafety(text);
  });

  it('a damaged value after a row label is not the label (was: “-六4” replaced by “（七）总计”)', () => {
    const text = regress('004', [{ op: 'swapLines', a: 79303, b: 94935 }, { op: 'insertChars', at: 64090, text: '-六' }, { op: 'insertLine', at: 53807, text: ')）1９' }]);
    const total = parseDocument(text).report.tables.t3?.rows.find((r) => r.id === 'total');
    assert.ok(total?.label.text.includes('总计'), `the （七）总计 row's label is “${total?.label.text}”`);
    checkFixSafety(text);
  });

  it('a Word bookmark inside a flattened page\'s 表三 row: removing it brings back the real errors of the table, which the row had hidden (was: flagged as errors the fix added)', () => {
    const text = regress('农业农村局_2021', [{ op: 'insertChars', at: 79980, text: '[bookmark: _GoBack]' }]);
    const codes = (t: string) => check(parseDocument(t)).filter((f) => f.severity === 'error').map((f) => f.code);
    // The bookmark splits a row's digits: the row is unreadable and the column totals unchecked, the errors hidden.
    assert.ok(!codes(text).includes('sum.column'));
    assert.deepEqual(codes(text.replace('[bookmark: _GoBack]', '')).filter((c) => c === 'sum.column'), ['sum.column', 'sum.column']);
    checkFixSafety(text);
  });

  it('a heading typed among a saved page\'s header lines: numbering it 六、 does not hide the body\'s sections (was: 一 to 五 read as missing)', () => {
    const text = regress('农业农村局_2021', [{ op: 'copyLine', from: 33507, to: 99985 }, { op: 'insertLine', at: 48965, text: '[bookmark: _GoBack]其他需要报告的事项' }]);
    const numbered = text.replace('[bookmark: _GoBack]其他需要报告的事项', '[bookmark: _GoBack]六、其他需要报告的事项');
    assert.deepEqual(check(parseDocument(numbered)).filter((f) => f.code === 'section.missing'), []);
    checkFixSafety(text);
  });

  it('a part\'s title typed inside a flattened page\'s 表三: numbering it 六、 does not hide the 四 and 五 after it (was: 五 read as missing)', () => {
    const text = regress('农业农村局_2019', [{ op: 'swapLines', a: 73414, b: 95056 }, { op: 'replaceChars', at: 66554, length: 32, text: '六3总计[bookmark: _GoBack]\t九' }, { op: 'insertChars', at: 78784, text: '其他需要报告的事项第二十条第（一）项6；（1' }, { op: 'swapLines', a: 18731, b: 15211 }, { op: 'insertLine', at: 45677, text: '1' }, { op: 'copyLine', from: 25629, to: 92549 }, { op: 'deleteLine', at: 94330 }, { op: 'duplicateLine', at: 58384 }]);
    const typed = '其他需要报告的事项第二十条第（一）项6；（1';
    assert.ok(text.includes(typed));
    const numbered = text.replace(typed, `六、${typed}`);
    assert.deepEqual(check(parseDocument(numbered)).filter((f) => f.code === 'section.missing').map((f) => f.message), []);
    checkFixSafety(text);
  });

  it('a part\'s title with a figure run into it on a flattened page: the template title written in its place reads whole (was: “…行政诉讼情况、5”, the hint unchanged)', () => {
    const text = regress('自然资源与生态环境局_2023', [{ op: 'replaceChars', at: 98483, length: 15, text: '6、5；\r\n收到' }, { op: 'duplicateChars', at: 79671, length: 26 }, { op: 'copyLine', from: 61026, to: 1200 }, { op: 'duplicateLine', at: 40813 }, { op: 'duplicateChars', at: 80208, length: 9 }, { op: 'insertChars', at: 10628, text: '自然人-年%71.' }, { op: 'duplicateLine', at: 59295 }, { op: 'insertLine', at: 37081, text: '：' }]);
    assert.ok(text.includes('四、政府信息公开行政复议、6、5；'));
    checkFixSafety(text);
  });

  it('a Word cell line without its tab is not joined to the number before it (was: “0\\n5” read as 05, fix deleted the break)', () => {
    checkFixSafety(regress('003', [{ op: 'copyLine', from: 0, to: 0 }, { op: 'insertLine', at: 95070, text: '5\t' }, { op: 'deleteLine', at: 0 }]));
  });

  it('no label fix over a cell that holds another label too (was: “本本年新收…1.政规范性文件” → “行政规范性文件”)', () => {
    checkFixSafety(regress('洪泽区人民政府_2024', [{ op: 'duplicateChars', at: 0, length: 36 }, { op: 'replaceChars', at: 11817, length: 30, text: '本年新收政府信息公开申请数量1.' }, { op: 'deleteLine', at: 0 }]));
  });

  it('no sub-item numbering fix towards 一、 (was: “6.总体情况6” → “六、…”, which became a section heading)', () => {
    checkFixSafety(regress('003', [{ op: 'insertChars', at: 44003, text: '打印2022年三、' }, { op: 'deleteLine', at: 80074 }, { op: 'replaceChars', at: 63165, length: 17, text: '.总体情况' }, { op: 'copyLine', from: 0, to: 0 }]));
  });

  it('no sub-item numbering fix where three styles mix (was: “三、” → “3.” re-nested the items after it)', () => {
    checkFixSafety(regress('003', [{ op: 'insertChars', at: 64006, text: '打印2022年三、' }, { op: 'deleteLine', at: 97801 }, { op: 'replaceChars', at: 63165, length: 22, text: '.(三)）自然人\r总体情况' }, { op: 'duplicateChars', at: 27010, length: 14 }, { op: 'deleteChars', at: 16658, length: 8 }, { op: 'replaceChars', at: 49988, length: 18, text: '）予以公开/' }, { op: 'copyLine', from: 51811, to: 32365 }]));
  });

  it('no title fix over a heading line that holds much more than the title', () => {
    checkFixSafety(regress('003', [{ op: 'deleteLine', at: 55356 }, { op: 'duplicateChars', at: 62376, length: 11 }, { op: 'insertLine', at: 34683, text: '六余8五5' }, { op: 'swapLines', a: 84341, b: 66707 }, { op: 'insertChars', at: 53007, text: '总体情况自然人０六本年新收政府信息公开申请数量２' }, { op: 'deleteLine', at: 35014 }, { op: 'insertChars', at: 80491, text: '\n\n6、' }, { op: 'duplicateLine', at: 25356 }]));
  });

  // parse/numbering.ts reads no numbering in “四-…” (separators 、 . ． and a space only), so
  // section.numbering offered “四、四-政府信息公开…”; the rule now replaces the stray numeral.
  for (const separator of ['-', '—', '：']) {
    it(`a heading numbered “四${separator}”: the numbering fix replaces the numeral, it does not put a second one in front`, () => {
      const text = buildReport({ headings: [undefined, undefined, undefined, `四${separator}政府信息公开行政复议、行政诉讼情况`] });
      const fix = check(parseDocument(text)).find((f) => f.code === 'section.numbering')?.fix;
      assert.ok(fix, 'a numbering fix is offered');
      const after = applyEdits(text, fix.edits);
      assert.ok(after.includes('\n四、政府信息公开行政复议、行政诉讼情况\n'), after.split('\n').find((l) => l.includes('行政复议、行政诉讼情况')));
      checkFixSafety(text);
    });
  }

  it('no label fix over a label that swallowed its first value (was: “…已获取 0” → “…已获取信息”, the 0 deleted)', () => {
    const text = regress('002', [{ op: 'deleteChars', at: 21369, length: 4 }, { op: 'deleteChars', at: 45831, length: 23 }, { op: 'insertChars', at: 98316, text: '2022年七第二十条第（一）项.申请' }, { op: 'deleteLine', at: 48020 }, { op: 'insertChars', at: 38380, text: '七6' }, { op: 'deleteLine', at: 82485 }, { op: 'replaceChars', at: 95676, length: 4, text: '（六2022年' }, { op: 'deleteLine', at: 45852 }]);
    assert.ok(text.includes('5.要求行政机关确认或重新出具已获取\u00a00'), 'the label and its first value, a no-break space between');
    checkFixSafety(text);
  });

  it('a sub-item numbered 五十 among （一）（二）: unify to “（五十）”, not “（50）” (another style)', () => {
    const text = buildReport({ prose: { 0: '（一）主动公开情况\n本年度主动公开信息。\n（二）依申请公开情况\n本年度未收到申请。\n五十 其他情况\n无。' } });
    const mixed = check(parseDocument(text)).filter((f) => f.code === 'section.numbering');
    assert.equal(mixed.length, 1, mixed.map((f) => f.message).join(' | '));
    assert.match(mixed[0]!.message, /“五十”应统一为“（五十）”/);
    checkFixSafety(text);
  });

  it('no renumbering fix that would move a sub-item to another level (was: （五） → （5） after a （三）, 4 missing, went to the top level, mixed there)', () => {
    const text = regress('002', [{ op: 'insertLine', at: 88759, text: '８2.二' }, { op: 'insertLine', at: 90956, text: '\u0000。二五其中第二十条第（一）项9１其他需要报告的事项' }, { op: 'duplicateChars', at: 3506, length: 4 }, { op: 'insertLine', at: 58633, text: '一、|' }, { op: 'deleteLine', at: 79209 }, { op: 'swapLines', a: 17742, b: 33204 }, { op: 'insertLine', at: 75870, text: '十其中元收到、打印。 ' }]);
    const mixed = check(parseDocument(text)).filter((f) => f.code === 'section.numbering' && f.message.includes('混用'));
    assert.deepEqual(mixed.map((f) => [text.slice(f.range.start, f.range.end), !!f.fix]), [['（三）', false], ['（五）', false]]);
    checkFixSafety(text);
  });

  it('（1）（2）（3）（四）（五）: each of （四） and （五） gets its fix, which keeps every sub-item at its level', () => {
    const text = buildReport({ prose: { 0: ['（1）主动公开', '（2）依申请公开', '（3）政府信息管理', '（四）平台建设', '（五）监督保障'].map((t) => `${t}\n本年度开展了相关工作。`).join('\n') } });
    const mixed = check(parseDocument(text)).filter((f) => f.code === 'section.numbering');
    assert.deepEqual(mixed.map((f) => f.fix?.edits.map((e) => e.newText)), [['（4）'], ['（5）']]);
    for (const f of mixed) {
      const after = parseDocument(applyEdits(text, f.fix!.edits));
      assert.deepEqual(after.report.sections[0]!.subItems.map((i) => i.level), [1, 1, 1, 1, 1]);
    }
    checkFixSafety(text);
  });

  it('section 三 lost its heading but kept its table: the fix puts the heading above the table, no second 表三', () => {
    const text = buildReport({ headings: [undefined, undefined, null] });
    const missing = check(parseDocument(text)).find((f) => f.code === 'section.missing');
    assert.ok(missing?.fix);
    assert.deepEqual(missing.fix.edits.map((e) => e.newText), ['三、收到和处理政府信息公开申请情况\n\n']);
    const after = applyEdits(text, missing.fix.edits);
    assert.equal(after.split('（本列数据的勾稽关系为').length, 2, 'one 表三');
    const doc = parseDocument(after);
    assert.deepEqual(doc.report.sections.map((x) => x.heading.sectionId), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(check(doc).filter((f) => f.code === 'section.missing'), []);
    checkFixSafety(text);
  });

  it('fix-all on a report whose 表三 sits under the wrong section inserts no second 表三', () => {
    checkFixSafety(regress('000', [{ op: 'duplicateLine', at: 99989 }, { op: 'deleteChars', at: 82623, length: 40 }, { op: 'swapLines', a: 4, b: 5741 }, { op: 'copyLine', from: 34756, to: 3 }, { op: 'duplicateLine', at: 99985 }, { op: 'duplicateLine', at: 7 }, { op: 'swapLines', a: 15, b: 19738 }, { op: 'duplicateChars', at: 99998, length: 8 }]));
  });

  it('fix-all of blank cells fills no set of blanks that together break a sum (was: two 0s, each safe alone, broke a row)', () => {
    checkFixSafety(regress('001', [{ op: 'swapLines', a: 89281, b: 29718 }, { op: 'replaceChars', at: 99989, length: 29, text: '保留4位小数六5)' }, { op: 'insertLine', at: 83819, text: '５本年新收政府信息公开申请数量其中万（等.年' }, { op: 'swapChars', a: 23884, b: 6399 }, { op: 'insertChars', at: 82833, text: '其他需要报告的事项1７０' }, { op: 'duplicateChars', at: 99984, length: 2 }, { op: 'deleteChars', at: 37116, length: 25 }, { op: 'duplicateLine', at: 9 }]));
  });

  it('a page on one line gets no fix that writes line breaks (was: inserting the missing parts made the page read as lines, 2 → 4 missing)', () => {
    const text = regress('平潭综合实验区农业农村局_2021', [{ op: 'deleteLine', at: 34604 }, { op: 'swapLines', a: 57716, b: 41517 }, { op: 'replaceChars', at: 95108, length: 9, text: '\n-' }, { op: 'insertLine', at: 98435, text: '７)- 4 -8一、六九（七）' }, { op: 'deleteLine', at: 75079 }, { op: 'insertChars', at: 70492, text: '\n' }, { op: 'copyLine', from: 86690, to: 79992 }]);
    checkFixSafety(text);
    const doc = parseDocument(text);
    assert.ok(doc.rendered, 'still read as a page on one line');
    assert.ok(check(doc).every((f) => !f.fix?.edits.some((e) => /[\r\n]/.test(e.newText))));
  });

  it('no renumbering of a heading taken for a part another heading is taken for too (was: fix-all “四、…” → “六、” on a page on one line, 1 → 2 missing)', () => {
    const text = regress('农业农村局_2019', [{ op: 'replaceChars', at: 15599, length: 39, text: '打印其他需要报告的事项\t' }, { op: 'copyLine', from: 995, to: 243 }, { op: 'insertChars', at: 17444, text: '０六5结转下年度继续办理四' }]);
    const doc = parseDocument(text);
    // Two headings read as 六: the one numbered 四、 in 三's place, and the real one at the end.
    assert.deepEqual(doc.report.sections.map((x) => x.heading.sectionId), [1, 2, 3, 6, 5, 6]);
    const wrongNumeral = check(doc).find((f) => f.code === 'section.numbering' && f.message.includes('四、'));
    assert.ok(wrongNumeral, 'the numeral is still reported');
    assert.equal(wrongNumeral.fix, undefined, 'but not renumbered');
    checkFixSafety(text);
  });

  it('a bookmark between two numbers leaves a space (was: “0[bookmark: _GoBack]4” → “04”, one number read as 4)', () => {
    const text = regress('洪泽区人民政府_2023', [{ op: 'insertChars', at: 83738, text: '[bookmark: _GoBack]4' }, { op: 'duplicateLine', at: 44870 }, { op: 'duplicateLine', at: 15812 }]);
    assert.ok(text.includes('0[bookmark: _GoBack]4'));
    const fix = check(parseDocument(text)).find((f) => f.code === 'text.artifact' && f.message.includes('bookmark'))?.fix;
    assert.deepEqual(fix?.edits.map((e) => e.newText), [' ']);
    checkFixSafety(text);
  });

  // Left for the lead: server/src/core/parse/assemble.ts (followedByNumbers), being rewritten.
  it('a section heading followed by a line holding only a number (a bare PDF page number, a year) is still a heading', () => {
    for (const first of ['36', '2022', '5']) {
      const text = buildReport({ prose: { 5: `${first}\n本年度未收取信息处理费。` } });
      const doc = parseDocument(text);
      assert.deepEqual(doc.report.sections.map((x) => x.heading.sectionId), [1, 2, 3, 4, 5, 6], `section 六 then “${first}”`);
    }
    // As the fuzzer met it: removing the web chrome line “打印” leaves “ ３” under the heading…
    checkFixSafety(regress('001', [{ op: 'swapChars', a: 89233, b: 36652 }, { op: 'duplicateChars', at: 6499, length: 25 }, { op: 'insertLine', at: 16720, text: '打印\r ３' }]));
    // …and removing the [bookmark] from “３[bookmark: _GoBack]6” leaves “３6” there.
    checkFixSafety(regress('001', [{ op: 'insertChars', at: 76470, text: '-\n一\u0000二' }, { op: 'insertLine', at: 54273, text: '３[bookmark: _GoBack]6\r２4七8９申请' }, { op: 'swapLines', a: 53842, b: 28184 }, { op: 'swapChars', a: 48540, b: 83712 }, { op: 'deleteLine', at: 83883 }, { op: 'duplicateLine', at: 40593 }, { op: 'swapLines', a: 66272, b: 94392 }, { op: 'insertChars', at: 5308, text: '行政复议一、一、- 4 -申请' }]));
  });
});
