// A blank cell is not 0 (issue 12): a blank (empty, /, -, —) is an unknown
// the 勾稽关系 determine where they can. Whole small reports, each case in
// several table layouts: an empty cell survives only where the layout keeps
// cell boundaries (tab grid, pipe); a placeholder survives in all five.
// Run: node --import tsx --test test/unit/parse/blanks.test.ts

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableLayout } from '../../../server/src/core/model';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, hover, parseDocument, tables } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, validT3, validT4, type ReportData } from '../../helpers/build-report';
import { assertLangParity } from '../../helpers/i18n';

/** Layouts that keep an empty cell in its column (one cell a line: a line holding only a tab). */
const EMPTY_LAYOUTS: TableLayout[] = ['tab-grid', 'cell-per-line', 'pipe'];
/** [mark, layout]: every layout with a placeholder, the cell-keeping ones with an empty cell too. */
const CASES: [string, TableLayout][] = [...EMPTY_LAYOUTS.map((l): [string, TableLayout] => ['', l]), ...ALL_LAYOUTS.map((l): [string, TableLayout] => ['/', l])];

function run(data: ReportData): { text: string; list: Finding[] } {
  const text = buildReport(data);
  const doc = parseDocument(text);
  assertLangParity(doc, 'blanks');
  return { text, list: check(doc) };
}

const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);
const codes = (list: Finding[]) => list.map((f) => f.code);

/** The text with every edit of the fixes applied (edits do not overlap). */
function applyFixes(text: string, list: Finding[]): string {
  const edits = list.flatMap((f) => f.fix?.edits ?? []).sort((a, b) => b.range.start - a.range.start);
  for (const e of edits) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
  return text;
}

describe('a blank the identities determine', () => {
  it('a blank 总计 with known parts: one warning with the value, a fix that writes it, no sum error', () => {
    for (const [mark, layout] of CASES) {
      const { text, list } = run({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, mark] } });
      assert.deepEqual(codes(list), ['cell.blank'], `${layout} ${JSON.stringify(mark)}`);
      const [f] = list;
      assert.equal(at(text, f!), mark);
      assert.equal(f!.message, `表三“一、本年新收政府信息公开申请数量”的“总计”${mark ? `填写为“${mark}”` : '为空'}；按本行各项之和应为 5。`);
      assert.equal(f!.fix?.edits[0]!.newText, '5');
      assert.deepEqual(run({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 5] } }).list, []);
      assert.deepEqual(check(parseDocument(applyFixes(text, list))), [], layout);
    }
  });
  it('a blank part with its total and the other parts known', () => {
    for (const [mark, layout] of CASES) {
      const { text, list } = run({ layout, t3: { ...validT3(), public: [mark, 0, 0, 0, 0, 0, 2] } });
      assert.deepEqual(codes(list), ['cell.blank'], `${layout} ${JSON.stringify(mark)}`);
      assert.match(list[0]!.message, /“（一）予以公开”的“自然人”.*应为 2。$/);
      assert.equal(list[0]!.fix?.edits[0]!.newText, '2');
      assert.deepEqual(check(parseDocument(applyFixes(text, list))), []);
    }
  });
  it('表四: a blank group total', () => {
    for (const [mark, layout] of CASES) {
      const t4: (number | string)[] = validT4();
      t4[4] = mark;
      const { list } = run({ layout, t4 });
      assert.deepEqual(codes(list), ['cell.blank'], `${layout} ${JSON.stringify(mark)}`);
      assert.match(list[0]!.message, /^表四的“行政复议·总计”.*；按“行政复议”各项之和应为 2。$/);
    }
  });
  it('iteratively: a value one identity determines lets another determine its blank', () => {
    for (const [mark, layout] of CASES) {
      // Round 1: （一）'s 自然人 by its column (4 − 1 − 1), （七）'s 商业企业 by its balance (1 + 0 − 0).
      // Round 2: （一）'s 商业企业 by the 商业企业 column (1 − 1), now its only unknown.
      const t3 = { ...validT3(), public: [mark, '/', 0, 0, 0, 0, 2], total: [4, '—', 0, 0, 0, 0, 5] };
      const { text, list } = run({ layout, t3 });
      assert.deepEqual(list.map((f) => [f.code, at(text, f), f.fix?.edits[0]!.newText]), [['cell.blank', mark, '2'], ['cell.blank', '/', '0'], ['cell.blank', '—', '1']], layout);
      assert.match(list[1]!.message, /^表三“（一）予以公开”的“商业企业”填写为“\/”；按.*应为 0。$/);
      assert.deepEqual(check(parseDocument(applyFixes(text, list))), []);
    }
  });
  it('blanks that must add up to 0 are each 0', () => {
    for (const [mark, layout] of CASES) {
      // 未经复议直接起诉: ? + 1 + ? + 0 = 1, so 结果维持 and 其他结果 are 0.
      const t4: (number | string)[] = [...validT4()];
      t4[5] = mark || '-';
      t4[7] = '-';
      const { list } = run({ layout, t4 });
      assert.deepEqual(list.map((f) => [f.code, f.fix?.edits[0]!.newText]), [['cell.blank', '0'], ['cell.blank', '0']], layout);
      assert.ok(list.every((f) => /应为 0。$/.test(f.message)));
    }
  });
});

describe('a blank the identities do not determine', () => {
  it('two unknowns in one identity: no sum finding, a plain warning per blank', () => {
    for (const [mark, layout] of CASES) {
      const t4: (number | string)[] = validT4();
      t4[1] = mark;
      t4[2] = '/'; // 行政复议: 1 + ? + ? + 0 = 2
      const { text, list } = run({ layout, t4 });
      assert.deepEqual(codes(list), ['cell.blank', 'cell.blank'], `${layout} ${JSON.stringify(mark)}`);
      assert.deepEqual(list.map((f) => at(text, f)), [mark, '/']);
      assert.match(list[1]!.message, /^表四的“行政复议·其他结果”填写为“\/”，模板要求填写数字（没有则填 0）。$/);
    }
  });
  it('figures written that already pass their total: broken whatever the blank holds, an error at the total, no "应为"', () => {
    // A tester's bank: 维持 12 written for 11 beside an empty 纠正 (12 + 空 + 1 + 4 = 16) was not said at all.
    for (const [mark, layout] of CASES) {
      const t4: (number | string)[] = validT4();
      t4.splice(0, 5, 3, mark, 1, 0, 3); // 行政复议: 3 + ? + 1 + 0 = 3
      const { text, list } = run({ layout, t4 });
      const sums = list.filter((f) => f.code.startsWith('sum.'));
      assert.equal(sums.length, 1, `${layout} ${JSON.stringify(mark)}: ${list.map((f) => f.message).join(' / ')}`);
      assert.equal(sums[0]!.severity, 'error');
      assert.equal(at(text, sums[0]!), '3');
      assert.equal(sums[0]!.message, '已填各项之和 4，已超过总计 3：表四“行政复议”的总计不成立，空白单元格填任何数都不能使其成立，应核对各项');
      assert.equal(sums[0]!.fix, undefined);
      // Parts that do not pass their total leave the sum unsaid: the blank may hold the rest.
      t4.splice(0, 5, 1, mark, 1, 0, 3);
      assert.deepEqual(run({ layout, t4 }).list.filter((f) => f.code.startsWith('sum.')), [], layout);
    }
  });
  it('two typos off by the same amount beside empty 0s: each said at its cell, as in the table filled in', () => {
    // A tester's bank: （二）部分公开·自然人 6 → 9 (its row 9 + blanks = 6, broken whatever they hold) and 1.本机关不掌握·其他
    // 1 → 4 (its column 4 + blanks = 1). The cell where their row and column cross mends the sums evaluated, not those.
    for (const layout of EMPTY_LAYOUTS) {
      const t3 = { ...validT3(), new: [20, 3, 0, '', '', 1, 24], carried: [1, '', 0, '', '', '', 1], public: [10, 2, 0, '', '', '', 12], partial: [9, '', 0, '', '', '', 6], 'unable.1': [4, 1, 0, '', '', 4, 6], total: [20, 3, 0, '', '', 1, 24], forward: [1, '', 0, '', '', '', 1] };
      const { text, list } = run({ layout, t3 });
      const sums = list.filter((f) => f.code.startsWith('sum.'));
      assert.deepEqual(sums.map((f) => [at(text, f), f.fix?.edits[0]?.newText]), [['9', '6'], ['4', '1']], `${layout}: ${sums.map((f) => f.message).join(' / ')}`);
    }
  });
  it('identities that disagree on a blank leave it unknown and say nothing about their sums', () => {
    for (const [mark, layout] of CASES) {
      // 二: 1 + ? = 2 gives 1; the 社会公益组织 column's balance 0 + ? = 0 + 0 gives 0. Only the 总计 column's
      // balance, which has no blank, is broken; of its cells only 二's 总计 mends it without breaking a sum that holds
      // (二's own row is not judged, its blank unknown), so it is said there.
      const { text, list } = run({ layout, t3: { ...validT3(), carried: [1, 0, 0, mark, 0, 0, 2] } });
      assert.deepEqual(list.map((f) => [f.code, at(text, f)]), [['cell.blank', mark], ['sum.balance', '2']], `${layout} ${JSON.stringify(mark)}`);
      assert.match(list[0]!.message, /“社会公益组织”(为空|填写为“\/”)，模板要求填写数字/);
      // Neither 0 nor 1 keeps every sum: 0 breaks the row, 1 the column's balance. No fix (a fix never adds an error).
      assert.equal(list[0]!.fix, undefined);
      assert.match(list[1]!.message, /^2 应为 1：改为 1 后“总计”列的收支平衡（一 \+ 二 = （七）\+ 四）成立/);
    }
  });
  it('a broken identity is computed with the determined blank, and says so', () => {
    for (const [mark, layout] of CASES) {
      // （七）'s 自然人 and 总计 are blank: their balances give 4 and 5. Then （七）'s row breaks: 4 + 2 ≠ 5.
      const { text, list } = run({ layout, t3: { ...validT3(), total: ['/', 2, 0, 0, 0, 0, mark] } });
      // The 2 breaks its column, the balance and （七）'s row; it alone explains all three, so it is the finding
      // (issue 12: no error on a right total), and the row's sum, computed with the determined blanks, is related.
      const at2 = list.find((f) => f.code.startsWith('sum.'));
      assert.ok(at2, `${layout}: ${codes(list).join()}`);
      assert.deepEqual(codes(list).filter((c) => c.startsWith('sum.')), ['sum.column'], layout);
      assert.equal(at(text, at2!), '2');
      const rowSays = at2!.related?.find((r) => r.message.includes('应为 6'));
      assert.ok(rowSays, JSON.stringify(at2!.related));
      // Figures first (issue 18): the blank total as the balance determines it, then what the row makes it; the parts are in the hover.
      assert.match(rowSays!.message, /^因此不成立：实为 (（空，应为 5）|“\/”（应为 5）)，应为 6：“（七）总计”一行的总计/);
    }
  });
});

describe('a table with many blanks', () => {
  /** 表三 as a report that follows "empty means 0": every 0 left blank. */
  const blankZeros = (mark: string) => Object.fromEntries(Object.entries(validT3()).map(([k, v]) => [k, v.map((x) => (x === 0 ? mark : x))]));

  it('one finding for the table at its first blank, five related, a fix that fills them all', () => {
    for (const [mark, layout] of CASES) {
      const { text, list } = run({ layout, t3: blankZeros(mark) });
      assert.deepEqual(codes(list), ['cell.blank'], `${layout} ${JSON.stringify(mark)}`);
      const [f] = list;
      assert.equal(f!.message, '表三中有 32 个应填数字的单元格为空或只填了占位符，模板要求填写数字（没有则填 0）；相关位置列出前 5 个，另有 27 个。');
      assert.equal(f!.related?.length, 5);
      assert.equal(f!.related![0]!.range.start, f!.range.start);
      assert.equal(f!.fix?.edits.length, 32);
      assert.deepEqual(check(parseDocument(applyFixes(text, list))), [], layout);
    }
  });
  it('the fill-all fix writes the determined values, not only 0', () => {
    for (const [mark, layout] of CASES) {
      const t3 = { ...blankZeros(mark), public: [mark || '/', mark, mark, mark, mark, mark, 2] };
      const { text, list } = run({ layout, t3 });
      assert.deepEqual(codes(list), ['cell.blank'], layout);
      assert.ok(list[0]!.fix!.edits.some((e) => e.newText === '2'));
      const fixed = applyFixes(text, list);
      assert.deepEqual(check(parseDocument(fixed)), [], layout);
    }
  });
  it('more than three blanks in a table make one finding, three make three', () => {
    for (const [mark, layout] of CASES) {
      const three = { ...validT3(), carried: [1, mark, '/', '-', 0, 0, 1] };
      assert.deepEqual(codes(run({ layout, t3: three }).list), ['cell.blank', 'cell.blank', 'cell.blank'], layout);
      const four = { ...validT3(), carried: [1, mark, '/', '-', '—', 0, 1] };
      const { list } = run({ layout, t3: four });
      assert.deepEqual(codes(list), ['cell.blank'], layout);
      assert.equal(list[0]!.message, '表三中有 4 个应填数字的单元格为空或只填了占位符，模板要求填写数字（没有则填 0）。');
      assert.equal(list[0]!.related?.length, 4);
    }
  });
  it('counts each table apart', () => {
    for (const [mark, layout] of CASES) {
      const t4: (number | string)[] = validT4();
      t4[14] = mark || '—'; // an empty cell that ends the table is not kept by the tab-grid reader
      const { list } = run({ layout, t3: blankZeros(mark), t4 });
      assert.deepEqual(codes(list), ['cell.blank', 'cell.blank'], layout);
      assert.match(list[1]!.message, /^表四的“行政诉讼（复议后起诉）·总计”.*应为 0。$/);
    }
  });
});

describe('prose and the views read the determined value', () => {
  const prose = (count: number) => ({ 0: `2022年，本机关共收到政府信息公开申请${count}件，均按时答复。` });

  it('prose quoting the determined figure is not flagged; another figure is, against the determined value', () => {
    for (const [mark, layout] of CASES) {
      const t3 = { ...validT3(), new: [4, 1, 0, 0, 0, 0, mark] };
      assert.deepEqual(codes(run({ layout, t3, prose: prose(5) }).list), ['cell.blank'], layout);
      const wrong = run({ layout, t3, prose: prose(7) }).list.find((f) => f.code === 'prose.table');
      assert.match(wrong?.message ?? '', /为 5/, layout);
    }
  });
  it('prose is not compared with a blank the identities do not determine', () => {
    for (const [mark, layout] of CASES) {
      // 一 and 二 each with a blank 自然人 and 总计: a + b = 5, 一 = a + 1, 二 = b — not determined.
      const t3 = { ...validT3(), new: [4, 1, 0, 0, 0, 0, mark], carried: ['/', 0, 0, 0, 0, 0, '-'], public: [2, '/', 0, 0, 0, 0, 2] };
      const { list } = run({ layout, t3: { ...t3, new: ['/', 1, 0, 0, 0, 0, mark || '-'] }, prose: prose(0) });
      assert.ok(!codes(list).includes('prose.table'), `${layout}: ${codes(list).join()}`);
      assert.ok(!codes(list).some((c) => c.startsWith('sum.')), `${layout}: ${codes(list).join()}`);
    }
  });
  it('the hover shows a blank as determined, never as 0', () => {
    for (const [mark, layout] of CASES) {
      const text = buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, mark || '—'] } });
      const doc = parseDocument(text);
      const offset = text.indexOf(mark || '—', text.indexOf('一、本年新收'));
      const value = (hover(doc, offset)!.contents as { value: string }).value;
      assert.match(value, /按勾稽关系应为 \*\*5\*\*/, layout);
      assert.match(value, /总计 (（空，应为 5）|“[\/—]”（应为 5）) = 自然人 4/, layout);
      assert.doesNotMatch(value, /（空）0|”0/);
    }
  });
  it('the preview shows the determined value as expected, and an undetermined blank as no value', () => {
    for (const [mark, layout] of CASES) {
      const view = tables(parseDocument(buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, mark] } })));
      const row = view.t3!.rows.find((r) => r.id === 'new')!;
      assert.equal(row.cells[6]!.value, null);
      assert.equal(row.cells[6]!.expected, 5);
      assert.deepEqual([row.computed?.value, row.computed?.against, row.computed?.holds], [5, 5, true]);
      const t4: (number | string)[] = validT4();
      t4[1] = '/';
      t4[3] = '/';
      const group = tables(parseDocument(buildReport({ layout, t4: t4.map((x, i) => (i === 0 ? 0 : i === 4 ? 1 : x)) }))).t4!.groups[0]!;
      // 0 + ? + 1 + ? = 1: both blanks are 0, so the group computes.
      assert.equal(group.computed?.holds, true, layout);
    }
  });
});

describe('other tables and templates keep working', () => {
  it('the 2019 single （六） row: a blank total there is determined', () => {
    for (const [mark, layout] of CASES) {
      const t3 = { ...validT3(), other: [1, 0, 0, 0, 0, 0, mark], total: [5, 1, 0, 0, 0, 0, 6], new: [5, 1, 0, 0, 0, 0, 6] };
      const { list } = run({ layout, t3, legacyOther: true });
      assert.deepEqual(codes(list).filter((c) => c !== 'table.legacy'), ['cell.blank'], layout);
      assert.equal(list.find((f) => f.code === 'cell.blank')!.fix?.edits[0]!.newText, '1');
    }
  });
  it('a row that lost a cell in export is no basis for a determination', () => {
    // 二 has 6 numbers (inferred), so the balances are not evaluated; 一's blank 总计 is still its row's sum.
    const text = buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, ''] } }).replace('二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t1');
    const list = check(parseDocument(text));
    assert.deepEqual(codes(list).sort(), ['cell.blank', 'table.shape']);
    assert.equal(list.find((f) => f.code === 'cell.blank')!.fix?.edits[0]!.newText, '5');
  });
  it('表四 with its last group blank (复议后起诉, often without a case): 15 cells, the blanks said once, no shape doubted', () => {
    for (const layout of EMPTY_LAYOUTS) {
      const t4 = [...validT4().slice(0, 10), '', '', '', '', ''];
      const { text, list } = run({ layout, t4 });
      assert.deepEqual(codes(list), ['cell.blank'], layout);
      assert.match(list[0]!.message, /^表四中有 5 个应填数字的单元格为空/, layout);
      const table = parseDocument(text).report.tables.t4!;
      assert.deepEqual([table.certain, table.cells.map((c) => c.value ?? c.kind)], [true, [...validT4().slice(0, 10), ...Array(5).fill('blank')]], layout);
      // Filled with 0s, the report is whole.
      assert.deepEqual(check(parseDocument(applyFixes(text, list))), [], layout);
    }
  });
  it('one cell a line: the empty lines ending a table are blanks only where its last cells stood one a line', () => {
    // A text export writes each cell on its own line: 表四's blank last group is five empty lines before 五、.
    const figures = validT4().slice(0, 10).map(String);
    const base = buildReport({ layout: 'cell-lines' });
    const at = base.indexOf('\n1\n0\n1\n0\n2\n');
    const end = base.indexOf('\n五、');
    const oneALine = base.slice(0, at) + '\n' + figures.join('\n') + '\n\n\n\n\n\n' + base.slice(end);
    const t4 = parseDocument(oneALine).report.tables.t4!;
    assert.deepEqual([t4.certain, t4.cells.map((c) => c.value ?? c.kind)], [true, [...validT4().slice(0, 10), ...Array(5).fill('blank')]]);
    // PDF text gives a row on one line; a cell missing from it may be anywhere, so the empty line after it is the
    // table's end, not a blank: 14 figures stay 14, uncertain, and nothing is summed (here the 2 of 行政复议 总计 went).
    const row = validT4().map(String).filter((_, k) => k !== 4);
    const oneLine = base.slice(0, at) + '\n' + row.join(' ') + '\n\n' + base.slice(end);
    const t4b = parseDocument(oneLine).report.tables.t4!;
    assert.deepEqual([t4b.certain, t4b.problems.map((p) => p.detail.what)], [false, ['values-count']]);
    assert.deepEqual(check(parseDocument(oneLine)).filter((f) => f.severity === 'error' || f.code.startsWith('prose.') || f.code === 'cell.blank'), []);
  });
  it('a blank 2019 （六） row before （七）: its cells are blanks, （七） keeps its figures, no 2021 sub-row is made up', () => {
    for (const layout of EMPTY_LAYOUTS) {
      const { text, list } = run({ layout, legacyOther: true, year: 2020, t3: { ...validT3(), other: ['', '', '', '', '', '', ''] } });
      assert.deepEqual(codes(list), ['cell.blank'], layout);
      const rows = parseDocument(text).report.tables.t3!.rows;
      assert.deepEqual(rows.filter((r) => r.id.startsWith('other')).map((r) => [r.id, r.alignment, r.cells.map((c) => c.kind)]), [['other', 'exact', Array(7).fill('blank')]], layout);
      assert.deepEqual(rows.find((r) => r.id === 'total')?.cells.map((c) => c.value), validT3().total, layout);
    }
  });
  it('表二: a blank is an unknown there too (no sum.in-force on it)', () => {
    for (const [mark, layout] of CASES) {
      const { list } = run({ layout, t2: { normative: [1, 0, mark] } });
      assert.deepEqual(codes(list), ['cell.blank'], layout);
    }
  });
});

describe('the marks writers type for "nothing entered"', () => {
  // Each read as one placeholder cell: a blank the identities determine, one cell.blank, never "a row of 2 numbers".
  const marks = ['−', '×', '空', '\\', '…', '……', '— —'];
  for (const mark of marks) {
    // Two dashes with a space between are two cells where spaces part cells (PDF rows, one cell a paragraph).
    const layouts = mark.includes(' ') ? ALL_LAYOUTS.filter((l) => l !== 'pdf-rows' && l !== 'cell-per-paragraph') : ALL_LAYOUTS;
    it(`“${mark}” is a placeholder`, () => {
      for (const layout of layouts) {
        const { text, list } = run({ layout, t3: { ...validT3(), new: [4, 1, 0, mark, 0, 0, 5] } });
        assert.deepEqual(codes(list), ['cell.blank'], `${layout} ${mark}`);
        assert.equal(at(text, list[0]!), mark, layout);
        assert.match(list[0]!.message, /应为 0。$/);
      }
    });
  }
  // A draft's marks for a figure still to come (a tester's drafts: the row read as "6 figures", a 表二 block "missing").
  for (const mark of ['XX', 'xx', '【】', '【 】', '待填', '___']) {
    // Spaced, two cells where spaces part cells; on a line of its own (one cell a line), also what a page's control
    // brackets leave behind (text.artifact's 【 and 】).
    const layouts = mark.includes(' ') ? ALL_LAYOUTS.filter((l) => l !== 'pdf-rows' && l !== 'cell-per-paragraph' && l !== 'cell-per-line') : ALL_LAYOUTS;
    it(`a draft's “${mark}” is a placeholder, in 表三 and 表二`, () => {
      for (const layout of layouts) {
        const { text, list } = run({ layout, t3: { ...validT3(), new: [4, 1, 0, mark, 0, 0, 5] } });
        assert.deepEqual(codes(list), ['cell.blank'], `${layout} ${mark}`);
        assert.equal(at(text, list[0]!), mark, layout);
        const t2 = run({ layout, t2: { rules: [1, mark, 3], normative: [1, 0, 20], licensing: [5], penalty: [mark], coercion: [0], fees: [0] } });
        assert.deepEqual(codes(t2.list), ['cell.blank', 'cell.blank'], `表二 ${layout} ${mark}: ${t2.list.map((f) => f.message).join(' / ')}`);
      }
    });
  }
  it('a minus sign before a figure is still no placeholder (−3 is a value written wrong)', () => {
    const { list } = run({ t3: { ...validT3(), new: [4, 1, 0, '−3', 0, 0, 5] } });
    assert.ok(!codes(list).includes('cell.blank'), codes(list).join());
  });
});
