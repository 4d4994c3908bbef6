// The two message catalogs (server/src/core/i18n): the same keys; every
// English text English, naming only the template's labels in Chinese; and on
// the real reports (and copies with their numbers changed) the English
// findings, hovers and code actions are the Chinese ones in other words.
// The rules' own tests check the same on their small reports (test/helpers/i18n.ts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../../server/src/core/i18n/en';
import { messagesFor } from '../../../server/src/core/i18n';
import { zh, type Messages } from '../../../server/src/core/i18n/zh';
import { RULE_TABLE } from '../../../server/src/core/rule-table';
import { actions, check, hover, parseDocument, symbols, tables, tablesAsText, type ParsedDocument } from '../../../server/src/core/service';
import { buildReport, validT3 } from '../../helpers/build-report';
import { assertLangParity, chineseProse, FIXED_LABELS } from '../../helpers/i18n';
import { loadFixtures } from '../../helpers/mutate';

// ------------------------------------------------------------------ the catalogs

type Leaf = string | ((...args: never[]) => string);

function leaves(catalog: Messages): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [group, keys] of Object.entries(catalog)) for (const [key, value] of Object.entries(keys as Record<string, Leaf>)) out.set(`${group}.${key}`, value);
  return out;
}

/** Sample arguments for every English template, in ASCII (and the numbers a message states). */
type Samples = {
  [G in keyof Messages]: { [K in keyof Messages[G] as Messages[G][K] extends string ? never : K]: Messages[G][K] extends (...args: infer A) => string ? A[] : never };
};

const SECTION = { id: 5, numeral: 'V' };
const SAMPLES: Samples = {
  names: {},
  rules: { internalError: [['sum.row', 'TypeError: x']] },
  sums: {
    value: [[{ kind: 'number', text: '3' }, 3], [{ kind: 'blank', text: '' }, 5], [{ kind: 'placeholder', text: '-' }, 0]],
    related: [['This row', 'Label', '3']],
    fix: [['31', 30], ['', 30]],
    atCell: [['74', 71, ['总计 of row “Row”', '（七）总计 of column “Col”']], ['', 3, ['A', 'B', 'C']]],
    witnessed: [['3', 2, ['总计 of 表四 “G”'], '2 x'], ['', 2, ['A', 'B'], 'x 2 y']],
    witness: [['x 2 y']],
    identityName: [['t3.row', 'Row'], ['t3.column', 'Col'], ['t3.balance', 'Col'], ['t4.group', 'Group']],
    brokenTotal: [['Is 217, should be 220: （七）总计 of column “Col”']],
    alsoBroken: [['Is 217, should be 220: （七）总计 of column “Col”']],
    suspect: [[3]],
    partsOff: [['（七）总计 of column “Col”', 42, '41']],
    partsOffTold: [['总计 of 表四 “Group”', 5, '4', '行政复议 4 件']],
    overWhateverBlanks: [['the total of row “（二）”', 9, 6], ['the balance of column “总计”', 12, 10, '一 + 二']],
    candidate: [['Group', 'Total', '2', 1, 4], ['Row', 'Col', '', 0, 2]],
  },
  'sum.row': { message: [['Row', 32, '30'], ['Row', 6, '5 (blank, determined)']] },
  'sum.column': { message: [['Column', 5, '4'], ['Column', 0, '1']] },
  'sum.balance': {
    message: [
      [{ column: 'A', received: '4', carried: '1', left: 5, handled: '4', forward: '2', right: 6, carryForward: 1 }],
      [{ column: 'A', received: '4', carried: '1', left: 5, handled: '9', forward: '0', right: 9, carryForward: -4 }],
    ],
    related: [['A', '4']],
  },
  'sum.review': { message: [['Group', 11, '0']] },
  'sum.in-force': { message: [['Row', 3, 5, 1]], issued: [[5]], repealed: [[1]], published2019: [['Row', 3, 5]], publishedThisYear: [[5]] },
  repair: { severalCells: [[[{ text: '3', value: 2 }, { text: '', value: 1 }]]] },
  'section.missing': {
    none: [[['I. A', 'II. B']]],
    noBody: [[['I. A', 'II. B']]],
    message: [[SECTION, 'Title', 'Next', true], [SECTION, 'Title', 'Prev', false]],
    insertHeading: [[SECTION, 'Title']],
    insertSection: [[SECTION, 'Title', true], [SECTION, 'Title', false]],
  },
  'section.order': { message: [[SECTION, 'Title', { id: 6, numeral: 'VI' }]] },
  'section.duplicate': { message: [[SECTION, 'Title']] },
  'section.numbering': {
    fix: [['V.']],
    written: [['5-', 'V.']],
    missing: [['Title', 'V.']],
    arabic: [['V.', '5.']],
    ordinal: [['Title', SECTION, 'V.', 'VI.']],
    mixed: [[['chinese', 'arabic', 'paren-chinese', 'paren-arabic', 'none'], '(1)', '(a)']],
    unify: [['(a)']],
  },
  'section.title': { message: [['Title', 'Template']], fix: [['Template']] },
  'section.empty': { message: [['Title', 'nothing'], ['Title', 'none'], ['Title', 'placeholder']], placeholderLeft: [['Title', '【待填写】']] },
  'preface.sections': {
    message: [[{ notInText: ['I. A'], notListed: ['V. E'], count: { written: '5', stated: 5, present: 6 } }], [{ notInText: [], notListed: ['V. E'] }]],
  },
  'year.mismatch': { titleYear: [[2023]], period: [['2022', 2023]], opening: [['2022', 2023]] },
  'table.missing': { message: [['Heading', 'Table', 'Subject']], picture: [['Heading', 'Table', 'Subject', 1], ['Heading', 'Table', 'Subject', 3]] },
  'file.not-text': { message: [['pdf'], ['zip'], ['ole'], ['rtf'], ['binary']] },
  'report.before-template': { message: [[2016]] },
  'file.not-report': { message: [['interpretation'], ['correction'], ['guide'], ['plan'], ['summary'], ['list']] },
  'table.shape': {
    message: [
      ['t2', { what: 'values', row: 'Row', found: 2, expected: 3, fit: 'extra', zeros: false }],
      ['t3', { what: 'values', row: 'Row', found: 6, expected: 7, fit: 'inferred', zeros: true }],
      ['t3', { what: 'values', row: 'Row', found: 1, expected: 7, fit: 'unaligned', zeros: false }],
      ['t3', { what: 'values', row: 'Row', found: 7, expected: 7, fit: 'scattered', zeros: false }],
      ['t2', { what: 'no-values', row: 'Row' }],
      ['t3', { what: 'unknown-row', text: 'Text' }],
      ['t3', { what: 'unknown-row', text: '', figures: '1 0 0 0 0 0 1' }],
      ['t2', { what: 'missing-row', row: 'Row', block: 'Block' }],
      ['t3', { what: 'missing-row', row: 'Row' }],
      ['t2', { what: 'missing-block', block: 'Block' }],
      ['t2', { what: 'unreadable' }],
      ['t3', { what: 'unreadable' }],
      ['t4', { what: 'unreadable' }],
      ['t2', { what: 'no-figures' }],
      ['t4', { what: 'no-figures' }],
      ['t4', { what: 'values-count', found: 14, expected: 15 }],
      ['t3', { what: 'run-together', row: 'Row', digits: '5125' }],
      ['t2', { what: 'run-together', row: 'Row', digits: '5125', reading: '5 | 1 | 25' }],
      ['t4', { what: 'run-together', row: '', digits: '000' }],
      ['t4', { what: 'order-unknown' }],
      ['t3', { what: 'columns-order', parted: true }],
      ['t4', { what: 'columns-order', parted: false }],
      ['t2', { what: 'figures-apart' }],
      ['t3', { what: 'figures-apart' }],
    ],
    summary: [['t3', 21, 'First']],
    more: [[3]],
  },
  'table.label': { message: [['Found', 'Label']], fix: [['Label']] },
  'table.legacy': {},
  cells: { where: [[{ table: 't2', label: 'Row' }], [{ table: 't3', label: 'Row' }], [{ table: 't4' }]] },
  'cell.blank': {
    message: [['Where', 'Column', { kind: 'blank', text: '' }], ['Where', 'Column', { kind: 'placeholder', text: '-' }]],
    fill: [[3]],
    determined: [['Where', 'Column', { kind: 'blank', text: '' }, 272, 'basis'], ['Where', 'Column', { kind: 'placeholder', text: '/' }, 0, 'basis']],
    basis: [['t3.row', 'S', true], ['t3.row', 'S', false], ['t3.column', 'S', true], ['t3.column', 'S', false], ['t3.balance', 'S', false], ['t4.group', 'S', true], ['t4.group', 'S', false]],
    many: [['t3', 133, 128], ['t4', 4, 0]],
    manyPart: [['Where', 'Column', undefined], ['Where', 'Column', 5]],
    fillAll: [[133]],
  },
  'cell.invalid': { negative: [['Where', '-3', true], ['Where', '-3', false]], notNumber: [['Where', 'n/a']], zeroCharacter: [['Where', '〇']], zeroCharacters: [['t3', 7, '〇', 2], ['t4', 2, 'O', 0]], zeroPart: [['Where', 'Column', '〇']], writeZero: [[1], [7]], decimals: [['Where', '3.5']], plainOne: [['Where', '5件', '5']], plainMany: [['t3', 7, '0.00', '0', 2], ['t2', 3, '1件', '1', 0]], plainPart: [['Where', 'Column', '7.5万元', '7.5']], writePlain: [[1, '5'], [7, '0']] },
  'cell.unit': { message: [['3940 yuan', '0.394'], ['yuan', undefined]] },
  'cell.precision': { message: [[4, '1.5', 1], [1, '1.55', 2]], fix: [['1.5000']] },
  'text.artifact': { message: [['bookmark', '[bookmark: x]'], ['web-chrome', 'print'], ['page-number', '- 4 -']], fix: [['bookmark'], ['web-chrome'], ['page-number']] },
  figures: {
    name: [[{ kind: 'total', table: 't3', label: 'Row' }], [{ kind: 'row', label: 'Row' }], [{ kind: 'sum', table: 't3', labels: ['A', 'B'] }], [{ kind: 'sum', table: 't2', labels: ['A', 'B', 'C'], column: 'Col' }], [{ kind: 'cell', row: 'R', column: 'Col' }], [{ kind: 'group', label: 'G' }], [{ kind: 'suits' }], [{ kind: 'stated' }]],
    describe: [[{ kind: 'total', table: 't4', label: 'G' }, 3]],
    part: [[{ kind: 'stated' }, '95 x'], [{ kind: 'row', label: 'Row' }, 5]],
  },
  'prose.sum': { message: [[{ kind: 'exact', sum: 872, list: '420 + 452', total: '873' }], [{ kind: 'at-least', least: 110, list: '60 + 50', total: '100 x' }]], part: [['420 x']] },
  'prose.table': {
    message: [['claim 17 x', { kind: 'total', table: 't3', label: 'Row' }, 95, 17], ['3 x', { kind: 'suits' }, 1, 3]],
    blank: [['claim 0 x', { kind: 'total', table: 't3', label: 'Row' }, 1, 0]],
    noReading: [['claim 75 x', [{ figure: { kind: 'total', table: 't3', label: 'Row' }, value: 70 }, { figure: { kind: 'sum', table: 't3', labels: ['A', 'B'] }, value: 72 }], 75]],
  },
  'prose.percent': { message: [['2 x', '45', { kind: 'row', label: 'Total' }, 5, '40'], ['90 x', '94.5', { kind: 'stated' }, 95, '94.7']], count: [['2 x']] },
  hover: {
    cell: [['Title', { kind: 'number', text: '6' }], ['Title', { kind: 'missing', text: '' }], ['Title', { kind: 'blank', text: '' }], ['Title', { kind: 'placeholder', text: '-' }]],
    blank: [[undefined], [5]],
    identity: [['t3.row', 'Row'], ['t3.column', 'Column'], ['t3.balance', 'Column'], ['t4.group', 'Group']],
    othersZero: [['A 1'], ['']],
    noFix: [['Reason.']],
    thisCell: [[6]],
    otherCell: [['7', 6], ['', 6]],
    rowTotal: [['A 1 = 1', true], ['A 1 ≠ 2', false]],
    heading: [[SECTION, 'Title']],
    contains: [[1, 'x'], [2, 'x'], [3, 'x'], [4, 'x'], [5, 'x'], [6, 'x']],
    aliases: [[['A', 'B']]],
  },
  proseHover: { total: [['100 x']], parts: [['60 + 50', 110, false], ['60 + 40', 100, true]], unknown: [['claim']], claim: [['claim', true, { kind: 'stated' }, 3], ['claim', false, { kind: 'group', label: 'G' }, 3]] },
  symbols: { subItemsCut: [[1000, 4300]] },
  actions: { fixAllOfKind: [['Rule', 3]], disableRule: [['sum.review']], showRuleDocs: [['sum.review']] },
  config: { invalid: [['/a/.gov-report.json', 'not valid JSON']] },
  diagnostics: { more: [[7561, [['prose.sum', 7550], ['section.numbering', 11]], 1000]] },
  preview: {},
  tablesText: { layout: [['t2', 'tab-grid', true], ['t3', 'pipe', true], ['t4', 'pdf-rows', false]], decimals: [[4], [1]] },
  'cross-year.carried': { message: [['Col', 3, 2, 'a 2022.txt']], previous: [[2, 2022]], hover: [[2, 2022, 'a 2022.txt']] },
  'cross-year.in-force': {
    message: [['Row', 10, 12, 9, 4, 1, 'a 2022.txt']],
    message2019: [['Row', 10, 12, 9, 3, 'a 2019.txt']],
    previous: [[9, 2022]],
    previous2019: [[9, 2019]],
    hover: [[9, 2022, 'a 2022.txt']],
  },
  'cross-year.ambiguous': { message: [[2023, ['a.txt', 'b.pdf']]] },
  readers: {
    format: [['pdf'], ['html']],
    problem: [['a.pdf', 'pdf', 'scanned'], ['b.docx', 'docx', 'too-large', '300 MB']],
    notOriginal: [['a.bin']],
    inOriginal: [['Place']],
    place: [[{ page: 3, table: 't3', row: 'Row', column: 'Col' }], [{ originalTable: 2, gridRow: 4, gridColumn: 1 }], [{ paragraph: 7 }]],
  },
  cli: { summary: [[{ files: 1, errors: 0, warnings: 1, information: 0, hints: 0, skipped: 0, notChecked: 0 }], [{ files: 3, errors: 2, warnings: 5, information: 1, hints: 12, skipped: 1, notChecked: 2 }]] },
};

describe('the message catalogs', () => {
  const zhLeaves = leaves(zh);
  const enLeaves = leaves(en);

  it('have exactly the same keys, each a text or a function in both', () => {
    assert.deepEqual([...enLeaves.keys()].sort(), [...zhLeaves.keys()].sort());
    for (const [key, value] of zhLeaves) assert.equal(typeof enLeaves.get(key), typeof value, key);
    assert.ok(zhLeaves.size >= 100, `${zhLeaves.size} keys`);
  });

  it('name every rule; the Chinese names are the rules’ own', () => {
    assert.deepEqual(Object.keys(zh.names).sort(), RULE_TABLE.map((r) => r.code).sort());
    for (const rule of RULE_TABLE) assert.equal(zh.names[rule.code as keyof Messages['names']], rule.name, rule.code);
  });

  it('messagesFor: Chinese by default and for zh, English for en', () => {
    assert.equal(messagesFor(), zh);
    assert.equal(messagesFor('zh'), zh);
    assert.equal(messagesFor('en'), en);
  });

  it('every English template, with ASCII arguments, writes no Chinese but the fixed labels it names', () => {
    const fixed = new Set(FIXED_LABELS);
    const samples = leaves(SAMPLES as unknown as Messages) as unknown as Map<string, unknown[][]>;
    for (const [key, value] of enLeaves) {
      const outputs: string[] = [];
      if (typeof value === 'string') outputs.push(value);
      else {
        const calls = samples.get(key);
        assert.ok(calls && calls.length > 0, `no sample arguments for ${key}`);
        for (const args of calls) {
          outputs.push((value as (...a: unknown[]) => string)(...args));
          assert.equal(typeof (zhLeaves.get(key) as (...a: unknown[]) => string)(...args), 'string', key);
        }
      }
      for (const text of outputs) {
        assert.ok(text.length > 0, key);
        assert.deepEqual(chineseProse(text, fixed), [], `${key}: “${text}”`);
        // Written for a reader: no leftover Chinese punctuation in English sentences.
        assert.doesNotMatch(text.replace(/“[^”]*”/g, ''), /[，。；：、]/, `${key}: “${text}”`);
      }
    }
  });
});

// ------------------------------------------------------------------ the real reports, in both languages

/** Hovers at every `step`-th offset and at each finding: present at the same places, over the same ranges. */
function assertHoverParity(doc: ParsedDocument, label: string, step: number): void {
  const offsets = new Set<number>();
  for (let i = 0; i <= doc.text.length; i += step) offsets.add(i);
  for (const f of check(doc)) offsets.add(f.range.start);
  for (const offset of offsets) {
    const zhHover = hover(doc, offset, { lang: 'zh' });
    const enHover = hover(doc, offset, { lang: 'en' });
    assert.deepEqual(hover(doc, offset), zhHover, `${label}@${offset}: the default is Chinese`);
    assert.deepEqual(enHover?.range, zhHover?.range, `${label}@${offset}`);
    if (!enHover) continue;
    const text = (enHover.contents as { value: string }).value;
    const zhText = (zhHover!.contents as { value: string }).value;
    // A row label's hover is labels and numbers only: the same in both.
    if (chineseProse(zhText).length > 0) assert.notEqual(text, zhText, `${label}@${offset}: not translated`);
    assert.deepEqual(chineseProse(text), [], `${label}@${offset}: ${text}`);
  }
}

/** The code actions at each finding: the same edits and diagnostics, English titles. */
function assertActionParity(doc: ParsedDocument, label: string): void {
  const queries = [...check(doc).map((f) => ({ range: f.range })), { range: { start: 0, end: 0 }, only: ['source.fixAll.gov-report'] }];
  for (const q of queries) {
    const query = { uri: 'file:///r.txt', version: 1, ...q };
    const zhActions = actions(doc, query, { lang: 'zh' });
    const enActions = actions(doc, query, { lang: 'en' });
    assert.deepEqual(actions(doc, query), zhActions, `${label}: the default is Chinese`);
    const shape = (list: typeof zhActions) => list.map((a) => ({ kind: a.kind, edit: a.edit, preferred: a.isPreferred, diagnostics: a.diagnostics?.map((d) => [d.code, d.range, d.severity]) }));
    assert.deepEqual(shape(enActions), shape(zhActions), `${label}@${q.range.start}`);
    for (const a of enActions) assert.deepEqual(chineseProse(a.title), [], `${label}: ${a.title}`);
  }
}

/** Copies of a report with one number changed, blanked or written as text: broken sums, cells and repairs. */
function variants(text: string, every: number): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  [...text.matchAll(/\d+/g)].forEach((m, k) => {
    if (k % every !== 0) return;
    const at = m.index!;
    const swap = (v: string) => ({ label: `@${at}=${v}`, text: text.slice(0, at) + v + text.slice(at + m[0].length) });
    out.push(swap(String(Number(m[0]) + 1)));
    if (k % (every * 4) === 0) out.push(swap(''), swap('-3'), swap('12元'));
  });
  return out;
}

describe('the real reports in English: the same findings, hovers and fixes', () => {
  for (const fixture of loadFixtures()) {
    it(fixture.name, () => {
      const doc = parseDocument(fixture.text);
      assertLangParity(doc, fixture.name);
      assertHoverParity(doc, fixture.name, 3);
      assertActionParity(doc, fixture.name);
      for (const v of variants(fixture.text, 6)) {
        const changed = parseDocument(v.text);
        assertLangParity(changed, fixture.name + v.label);
        assertActionParity(changed, fixture.name + v.label);
      }
    });
  }

  it('small reports with every kind of defect: hovers over broken sums, ambiguous repairs, prose', () => {
    const broken = [
      buildReport({ t3: { new: [32, 0, 0, 0, 0, 0, 30] }, prose: { 0: '共收到政府信息公开申请 7 件，其中自然人 5 件（70%）、法人 1 件。予以公开 2 件，占 45%。' } }),
      buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2], partial: [1, 0, 0, 0, 0, 0, 3] }, t4: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5], legacyOther: true }),
      buildReport({ t2: { normative: [5, 1, 3], penalty: ['-3'], fees: ['3940元'] }, headings: [undefined, '2、主动公开政府信息情况', undefined, null, '五 存在问题', '六-其他需要报告的事项'] }),
      buildReport({ layout: 'pdf-rows', preface: '本报告包括总体情况、主动公开政府信息情况等五个部分。统计期限自2021年1月1日起至2021年12月31日止。' }),
    ];
    for (const text of broken) {
      const doc = parseDocument(text);
      assertLangParity(doc, 'small');
      assertHoverParity(doc, 'small', 1);
      assertActionParity(doc, 'small');
    }
  });
});

describe('the outline in English: the document’s own words, only the notes translated', () => {
  it('the same symbols on every real report; 表三’s 2019 note in English', () => {
    let notes = 0;
    for (const fixture of loadFixtures()) {
      const doc = parseDocument(fixture.text);
      const zhSymbols = JSON.stringify(symbols(doc));
      assert.equal(JSON.stringify(symbols(doc, { lang: 'zh' })), zhSymbols);
      const enSymbols = JSON.stringify(symbols(doc, { lang: 'en' }));
      notes += zhSymbols.split(zh.symbols.legacyOther).length - 1;
      assert.equal(enSymbols, zhSymbols.split(zh.symbols.legacyOther).join(en.symbols.legacyOther), fixture.name);
    }
    assert.ok(notes > 0, 'no report with the 2019 （六） row');
  });
});

describe('no cache carries one language into another', () => {
  const text = buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2], partial: [1, 0, 0, 0, 0, 0, 3] }, t4: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5], prose: { 0: '网站共发布政府信息873条。其中，A栏目420条；B栏目414条；C栏目23条；D栏目10条；E栏目5条。收到政府信息公开申请 9 件。' } });
  const total = text.indexOf('873');

  for (const [first, second] of [['en', 'zh'], ['zh', 'en']] as const) {
    it(`${first} first, then ${second} on the same parse: what a fresh parse says in ${second}`, () => {
      const doc = parseDocument(text);
      check(doc, { lang: first });
      hover(doc, total, { lang: first });
      tables(doc, { lang: first });
      const fresh = parseDocument(text);
      assert.deepEqual(check(doc, { lang: second }), check(fresh, { lang: second }));
      assert.deepEqual(hover(doc, total, { lang: second }), hover(fresh, total, { lang: second }));
      assert.deepEqual(tables(doc, { lang: second }), tables(fresh, { lang: second }));
    });
  }
});

describe('the table views in English', () => {
  const seed001 = loadFixtures().find((f) => f.name.includes('001_'))!.text;

  it('tables as text: shape problems and notes in English, the tables as written', () => {
    const doc = parseDocument(seed001);
    const zhText = tablesAsText(doc);
    const enText = tablesAsText(doc, { lang: 'en' });
    assert.equal(tablesAsText(doc, { lang: 'zh' }), zhText);
    assert.match(zhText, /## 读取问题/);
    assert.match(enText, /## Reading problems/);
    assert.match(enText, /^- Row “1\.信访举报投诉类申请” has 6 numbers where the template has 7 \(cells were lost in export\)/m);
    const problems = enText.slice(enText.indexOf('## Reading problems')).split('\n').slice(1).filter(Boolean);
    for (const line of problems) assert.deepEqual(chineseProse(line), [], line);
    // The grids are the same: only the notes and the problems differ.
    const grid = (s: string) =>
      s.slice(0, s.indexOf('\n## ', s.indexOf('## 表四')))
        .split('\n')
        .filter((l) => !/^(版式|Layout)/.test(l))
        .map((l) => l.replace(/ \[(推断|inferred)\]|（保留\d+位小数）| \(\d+ decimal places?\)/g, '').replace(/\(空\)|\(blank\)/g, '()').replace(/\s+/g, ' '));
    assert.deepEqual(grid(enText), grid(zhText));
  });

  it('the preview’s problems are the English findings', () => {
    const doc = parseDocument(seed001);
    const view = tables(doc, { lang: 'en' });
    const messages = JSON.stringify(view).match(/"message":"(?:[^"\\]|\\.)*"/g) ?? [];
    assert.ok(messages.length > 0);
    const english = new Set(check(doc, { lang: 'en' }).map((f) => JSON.stringify({ message: f.message }).slice(1, -1)));
    for (const m of messages) assert.ok(english.has(m), m);
    assert.deepEqual(tables(doc), tables(doc, { lang: 'zh' }));
  });
});
