// Each rule on small reports: a valid one that must stay silent, and one with
// the defect injected, checked for the code, the exact range and the message.
// Every report is also checked in English: the same findings, English words.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import type { Finding } from '../../../server/src/core/rules/types';
import { ALL_LAYOUTS, buildReport, HEADINGS, validT3, validT4, type ReportData } from '../../helpers/build-report';
import { assertLangParity } from '../../helpers/i18n';

function findings(data: ReportData | string, code?: string): { text: string; list: Finding[] } {
  const text = typeof data === 'string' ? data : buildReport(data);
  const doc = parseDocument(text);
  assertLangParity(doc, code ?? 'all rules');
  const list = check(doc).filter((f) => !code || f.code === code);
  return { text, list };
}

const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);

describe('sum.row', () => {
  it('flags the total of a row whose parts do not add up, in every layout', () => {
    for (const layout of ALL_LAYOUTS) {
      const { text, list } = findings({ layout, t3: { new: [32, 0, 0, 0, 0, 0, 30] } }, 'sum.row');
      assert.equal(list.length, 1, layout);
      assert.equal(at(text, list[0]!), '30');
      assert.equal(list[0]!.severity, 'error');
      // Figures first (issue 18): what is written, what it should be, then which sum; the parts are in the hover.
      assert.match(list[0]!.message, /^实为 30，应为 32：“一、本年新收政府信息公开申请数量”一行的总计/);
      // The row's 一 breaks three balances too (the 自然人 and 商业企业 columns, 总计): those totals are the related locations, not the six parts.
      assert.deepEqual(list[0]!.related?.map((r) => r.message.split('：').slice(0, 2).join('：')), ['同时不成立：实为 1，应为 29', '同时不成立：一 + 二 = 0，（七）+ 四 = 1', '同时不成立：实为 1，应为 26']);
    }
  });
  it('is silent on a valid report', () => assert.deepEqual(findings({}, 'sum.row').list, []));
});

describe('sum.column', () => {
  it('flags （七）总计 when the outcome rows do not add up', () => {
    const t3 = { ...validT3(), public: [3, 0, 0, 0, 0, 0, 3], total: [4, 1, 0, 0, 0, 0, 5] };
    const { text, list } = findings({ t3, t2: {} }, 'sum.column');
    // 自然人: 3 + 1 + 1 = 5 ≠ 4; 总计: 3 + 1 + 2 = 6 ≠ 5
    assert.deepEqual(list.map((f) => at(text, f)), ['4', '5']);
    // No single cell mends it, and （七）总计 4 agrees with its row (4 + 1 = 5) and the balance: no "应为" of it.
    assert.equal(list[0]!.message, '各项之和 5，总计 4：“自然人”列的（七）总计不成立；总计与其他勾稽关系相符（改动它会使别的勾稽关系不成立），应核对各项');
    // Nothing narrower is known (no single cell mends it): the non-zero parts are related, at most five.
    assert.deepEqual(list[0]!.related?.map((r) => r.message), ['本列：（一）予以公开 = 3', '本列：（二）部分公开 = 1', '本列：1.本机关不掌握相关政府信息 = 1']);
  });
  it('a result row\'s 总计 off where its zeros are written “—”: the one cell that mends it, not （七）总计, which the balance bears out (a tester\'s Word report)', () => {
    // The tester's 表三, every 0 written “—”: 2.重复申请's 总计 is 3 where its figures make 2. Its “—” cells are
    // undetermined, so its own row is no broken sum; （七）总计 41 agrees with 一 + 二 = （七）+ 四 (39 + 3 = 41 + 1), and
    // changing it to 42 would break that. The one cell that mends the 总计 column alone is 2.重复申请's 总计: said there
    // (it was "实为 41，应为 42" at （七）总计, with a fix that changed the 3).
    const _ = '—';
    const t3: Record<string, (number | string)[]> = {
      new: [30, 5, 1, _, 2, 1, 39], carried: [2, 1, _, _, _, _, 3], public: [15, 3, 1, _, 1, _, 20], partial: [3, 1, _, _, _, _, 4],
      'deny.1': [_, _, _, _, _, _, _], 'deny.2': [1, _, _, _, _, _, 1], 'deny.3': [_, _, _, _, _, _, _], 'deny.4': [1, _, _, _, _, _, 1],
      'deny.5': [_, _, _, _, _, _, _], 'deny.6': [1, _, _, _, _, _, 1], 'deny.7': [_, _, _, _, _, _, _], 'deny.8': [_, _, _, _, 1, _, 1],
      'unable.1': [5, 1, _, _, _, 1, 7], 'unable.2': [1, _, _, _, _, _, 1], 'unable.3': [1, _, _, _, _, _, 1],
      'refuse.1': [1, _, _, _, _, _, 1], 'refuse.2': [1, 1, _, _, _, _, 3], 'refuse.3': [_, _, _, _, _, _, _], 'refuse.4': [_, _, _, _, _, _, _], 'refuse.5': [_, _, _, _, _, _, _],
      'other.1': [1, _, _, _, _, _, 1], 'other.2': [_, _, _, _, _, _, _], 'other.3': [_, _, _, _, _, _, _],
      total: [31, 6, 1, _, 2, 1, 41], forward: [1, _, _, _, _, _, 1],
    };
    const { text, list } = findings({ t3 });
    const sums = list.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(sums.map((f) => [at(text, f), f.message]), [['3', '3 应为 2：改为 2 后“总计”列的（七）总计成立']]);
    assert.equal(sums[0]!.fix?.edits[0]!.newText, '2');
    // 1.信访举报投诉类申请's 总计 one over as well: either cell would do, and （七）总计 still would not. No "应为" of it.
    const two = findings({ t3: { ...t3, 'refuse.1': [1, _, _, _, _, _, 2], 'refuse.2': [1, 1, _, _, _, _, 3], total: [31, 6, 1, _, 2, 1, 41] } }).list.filter((f) => f.code === 'sum.column');
    assert.equal(two.length, 1, JSON.stringify(two.map((f) => f.message)));
    assert.match(two[0]!.message, /^各项之和 43，总计 41：“总计”列的（七）总计不成立；总计与其他勾稽关系相符/);
  });
  it('a wrong （七）总计 where a column is left empty: the total is named, the empty column is no error (a tester\'s bank)', () => {
    // Every cell of 科研机构 left empty, as writers leave their 0s; （七）总计's 总计 written 6 where its row makes 5. The
    // row would make its empty 科研机构 cell 1, the 科研机构 column (its empty rows 0) makes it 0: it stays unknown, and
    // neither the column nor its balance is called wrong (they were two false errors, the balance's 四 a third).
    const ids = ['new', 'carried', 'public', 'partial', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `deny.${n}`), 'unable.1', 'unable.2', 'unable.3',
      ...[1, 2, 3, 4, 5].map((n) => `refuse.${n}`), 'other.1', 'other.2', 'other.3', 'total', 'forward'];
    const base = validT3();
    const t3 = Object.fromEntries(ids.map((id) => {
      const row: (number | string)[] = [...(base[id] ?? [0, 0, 0, 0, 0, 0, 0])];
      row[2] = '';
      return [id, row];
    }));
    t3.total![6] = 6;
    const { text, list } = findings({ t3 });
    const sums = list.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(sums.map((f) => [at(text, f), f.message.split('：')[0]]), [['6', '6 应为 5']]);
  });
  it('every 0 left empty and a row\'s 总计 over its parts: the 总计 is named (its empty parts, which their columns make 0, are not contested)', () => {
    const ids = ['new', 'carried', 'public', 'partial', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `deny.${n}`), 'unable.1', 'unable.2', 'unable.3',
      ...[1, 2, 3, 4, 5].map((n) => `refuse.${n}`), 'other.1', 'other.2', 'other.3', 'total', 'forward'];
    const base = validT3();
    const t3 = Object.fromEntries(ids.map((id) => [id, (base[id] ?? [0, 0, 0, 0, 0, 0, 0]).map((v) => (v === 0 ? '' : v))]));
    t3['unable.1']![6] = 12;
    const { text, list } = findings({ t3 });
    const sums = list.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(sums.map((f) => [at(text, f), f.message.split('：')[0]]), [['12', '12 应为 2']]);
  });
  it('two typos beside empty 0s: a sum broken whatever its blanks hold keeps a right cell from being named (a tester\'s bank)', () => {
    // The 法人 columns' 0s left empty; typos （二）部分公开·自然人 6 → 9 (9 + blanks can never make 6) and 1.本机关不掌握·其他
    // 1 → 4. The sums that can be evaluated were mended by 1.本机关不掌握·自然人 14 → 11, a right figure: not named now.
    const _ = '';
    const zero = [0, _, _, _, _, _, 0];
    const ids = [...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `deny.${n}`), 'unable.2', 'unable.3', ...[1, 2, 3, 4, 5].map((n) => `refuse.${n}`), 'other.1', 'other.2', 'other.3'];
    const t3: Record<string, (number | string)[]> = {
      ...Object.fromEntries(ids.map((id) => [id, zero])),
      new: [30, 5, _, _, _, 1, 36], carried: zero, public: [10, 3, _, _, _, _, 13], partial: [9, _, _, _, _, _, 6],
      'unable.1': [14, 2, _, _, _, 4, 17], total: [30, 5, _, _, _, 1, 36], forward: zero,
    };
    const { text, list } = findings({ t3 });
    const named = list.filter((f) => f.code.startsWith('sum.') && /^\d+ 应为/.test(f.message)).map((f) => at(text, f));
    assert.ok(!named.includes('14'), JSON.stringify(list.map((f) => f.message)));
    assert.ok(list.some((f) => f.code.startsWith('sum.')), 'the broken sums are still said');
  });
  it('two cells swapped in a row or in a column: the totals they break are not called wrong (a tester\'s Word report)', () => {
    // 予以公开 2 自然人 + 1 商业企业 = 3; written the other way round (1, 2) its row still holds, and the two columns break.
    const t3 = { ...validT3(), public: [2, 1, 0, 0, 0, 0, 3], 'unable.1': [1, 0, 0, 0, 0, 0, 1] };
    assert.deepEqual(findings({ t3 }).list.filter((f) => f.code.startsWith('sum.')), []);
    const inRow = findings({ t3: { ...t3, public: [1, 2, 0, 0, 0, 0, 3] } }).list.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(inRow.map((f) => [f.code, f.message.split('：')[0]]), [['sum.column', '各项之和 3，总计 4'], ['sum.column', '各项之和 2，总计 1']]);
    for (const f of inRow) assert.match(f.message, /总计与其他勾稽关系相符.*应核对各项$/);
    assert.ok(inRow.every((f) => !f.fix && !f.suggestions));
    // 自然人 of 予以公开 and 部分公开 swapped (1 and 2): the column holds, the two rows break.
    const inColumn = findings({ t3: { ...t3, public: [1, 1, 0, 0, 0, 0, 3], partial: [2, 0, 0, 0, 0, 0, 1] } }).list.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(inColumn.map((f) => [f.code, f.message.split('：')[0]]), [['sum.row', '各项之和 2，总计 3'], ['sum.row', '各项之和 2，总计 1']]);
    // Two （七）总计 cells off by one between columns (5 and 0 for 4 and 1), the （七）总计 row still adding up: each column
    // and its balance call the total wrong, only the row bears it out, so the total is said wrong (a crawled 2021 report).
    const between = findings({ t3: { ...t3, total: [5, 0, 0, 0, 0, 0, 5] } }).list.filter((f) => f.code === 'sum.column');
    assert.deepEqual(between.map((f) => f.message.split('：')[0]), ['实为 5，应为 4', '实为 0，应为 1']);
    // One wrong total is still said as it is.
    const wrongTotal = findings({ t3: { ...t3, public: [2, 1, 0, 0, 0, 0, 4] } }).list.filter((f) => f.code.startsWith('sum.'));
    assert.match(wrongTotal[0]!.message, /^4 应为 3：/);
  });
  it('counts the 2019 single （六） row', () => {
    const t3 = { ...validT3(), other: [1, 0, 0, 0, 0, 0, 1], total: [5, 1, 0, 0, 0, 0, 6], new: [5, 1, 0, 0, 0, 0, 6] };
    assert.deepEqual(findings({ t3, legacyOther: true }, 'sum.column').list, []);
    assert.deepEqual(findings({ t3, legacyOther: true }, 'sum.balance').list, []);
  });
});

describe('sum.balance', () => {
  it('flags 四 when 一 + 二 ≠ （七） + 四', () => {
    const t3 = { ...validT3(), forward: [2, 0, 0, 0, 0, 0, 2] };
    const { text, list } = findings({ t3 }, 'sum.balance');
    assert.deepEqual(list.map((f) => at(text, f)), ['2', '2']);
    assert.equal(list[0]!.message, '实为 2，应为 1：“自然人”列结转下年度 = 一 4 + 二 1 − （七）总计 4');
  });
});

describe('sum.review', () => {
  it('flags a group total of 表四', () => {
    const t4 = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5];
    const { list } = findings({ t4 }, 'sum.review');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.message, '实为 0，应为 11：表四“行政复议”的总计应等于维持、纠正、其他结果与尚未审结之和');
  });
});

describe('sum.in-force', () => {
  it('warns when 现行有效件数 < 制发 − 废止', () => {
    const { text, list } = findings({ t2: { normative: [5, 1, 3] } }, 'sum.in-force');
    assert.equal(list.length, 1);
    assert.equal(at(text, list[0]!), '3');
    assert.equal(list[0]!.severity, 'warning');
  });
  it('accepts 现行有效件数 ≥ 制发 − 废止', () => assert.deepEqual(findings({ t2: { normative: [5, 1, 4] } }, 'sum.in-force').list, []));
});

describe('section rules', () => {
  it('section.missing names the missing section and sits on the next heading', () => {
    const { text, list } = findings({ headings: [undefined, undefined, undefined, undefined, null] }, 'section.missing');
    assert.equal(list.length, 1);
    assert.equal(at(text, list[0]!), HEADINGS[5]);
    assert.match(list[0]!.message, /缺少第五部分“五、存在的主要问题及改进情况”/);
  });
  it('section.numbering: Arabic top-level numbering, with a fix to the Chinese numeral', () => {
    const { text, list } = findings({ headings: ['1、总体情况'] }, 'section.numbering');
    assert.equal(list.length, 1);
    assert.equal(at(text, list[0]!), '1、');
    assert.deepEqual(list[0]!.fix?.edits.map((e) => e.newText), ['一、']);
  });
  it('section.numbering: a wrong numeral', () => {
    const { list } = findings({ headings: [undefined, undefined, undefined, undefined, undefined, '五、其他需要报告的事项'] }, 'section.numbering');
    assert.match(list[0]!.message, /编号应为“六、”，实为“五、”/);
  });
  it('section.numbering: mixed sub-item styles at one level are a hint', () => {
    const prose = '（1）主动公开。内容。\n（2）依申请公开。内容。\n（三）政府信息管理。内容。\n（四）平台建设。内容。\n（五）监督保障。内容。';
    const { text, list } = findings({ prose: { 0: prose } }, 'section.numbering');
    assert.deepEqual(list.map((f) => at(text, f)), ['（1）', '（2）']);
    assert.ok(list.every((f) => f.severity === 'hint'));
  });
  it('section.numbering: nested items numbered 1. under （一） are not mixing', () => {
    const prose = '（一）主动公开。内容。\n1.网站。内容。\n2.新媒体。内容。\n（二）依申请公开。内容。';
    assert.deepEqual(findings({ prose: { 0: prose } }, 'section.numbering').list, []);
  });
  it('section.order and section.duplicate', () => {
    const text = buildReport().replace('五、存在的主要问题及改进情况', '六、其他需要报告的事项').replace(/六、其他需要报告的事项\n\n本年度未收取信息处理费。/, '五、存在的主要问题及改进情况\n\n内容。');
    const list = findings(text).list.map((f) => f.code);
    assert.ok(list.includes('section.order'), list.join());
    const dup = buildReport() + '\n一、总体情况\n\n又一段。\n';
    assert.deepEqual(findings(dup, 'section.duplicate').list.length, 1);
  });
  it('section.title: a known variant is a hint with the template title', () => {
    const { list } = findings({ headings: [undefined, undefined, undefined, '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'] }, 'section.title');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.severity, 'hint');
    assert.equal(list[0]!.fix?.edits[0]!.newText, '政府信息公开行政复议、行政诉讼情况');
  });
  it('section.empty: 无 and placeholders', () => {
    assert.equal(findings({ prose: { 5: '无。' } }, 'section.empty').list.length, 1);
    assert.equal(findings({ prose: { 4: '【待填写：存在的主要问题及改进情况】' } }, 'section.empty').list.length, 1);
    assert.equal(findings({}, 'section.empty').list.length, 0);
  });
  it('section.empty: what is still to be written is information, a section of only 无 a hint', () => {
    assert.deepEqual(findings({ prose: { 5: '无。' } }, 'section.empty').list.map((f) => f.severity), ['hint']);
    const unfilled = findings({ prose: { 4: '【待填写：存在的主要问题及改进情况】' } }, 'section.empty').list;
    assert.deepEqual(unfilled.map((f) => f.severity), ['information']);
  });
  it('section.empty: a placeholder left in a section with content, named with its section', () => {
    const { text, list } = findings({ prose: { 0: '本机关主动公开政府信息 120 条。\n\n【待填写：重点领域信息公开情况】' } }, 'section.empty');
    assert.equal(list.length, 1);
    assert.equal(at(text, list[0]!), '【待填写：重点领域信息公开情况】');
    assert.equal(list[0]!.severity, 'information');
    assert.match(list[0]!.message, /^“总体情况”中还有待填写的内容：【待填写：重点领域信息公开情况】/);
  });
  it("section.empty: the template's own （文字描述…）, alone or left beside written text; the words within a sentence are text", () => {
    assert.deepEqual(findings({ prose: { 4: '（文字描述）' } }, 'section.empty').list.map((f) => f.message), ['“存在的主要问题及改进情况”尚未填写（只有占位内容）。']);
    assert.equal(findings({ prose: { 5: '（文字描述，收取信息处理费情况在此处报告。）' } }, 'section.empty').list.length, 1);
    const { text, list } = findings({ prose: { 0: '本机关主动公开政府信息 120 条。\n\n(文字描述)' } }, 'section.empty');
    assert.deepEqual(list.map((f) => at(text, f)), ['(文字描述)']);
    assert.equal(findings({ prose: { 4: '对照模板（文字描述）逐项撰写了本部分。' } }, 'section.empty').list.length, 0);
  });
});

describe('table rules', () => {
  it('table.missing when a section has no table', () => {
    const text = buildReport().replace(/四、政府信息公开行政复议、行政诉讼情况\n\n[\s\S]*?\n\n五、/, '四、政府信息公开行政复议、行政诉讼情况\n\n本年度无。\n\n五、');
    const { list } = findings(text, 'table.missing');
    assert.equal(list.length, 1);
    assert.match(list[0]!.message, /表四/);
  });
  it('table.label: 规范性文件 → 行政规范性文件, with a fix', () => {
    const text = buildReport().replace('行政规范性文件\t', '规范性文件\t');
    const { list } = findings(text, 'table.label');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.fix?.edits[0]!.newText, '行政规范性文件');
  });
  it('table.label: a typo in a 表三 label keeps its numbering in the fix', () => {
    const text = buildReport().replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const { list } = findings(text, 'table.label');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.fix?.edits[0]!.newText, '2.其他法律行政法规禁止公开');
  });
  it('table.legacy: the 2019 single （六） row in a 2022 report, not in a 2020 one', () => {
    assert.equal(findings({ legacyOther: true }, 'table.legacy').list.length, 1);
    assert.equal(findings({ legacyOther: true, year: 2020 }, 'table.legacy').list.length, 0);
  });
  it('table.shape: a row that lost a cell is inferred, warned about, and no sum error is built on it', () => {
    const text = buildReport().replace(/（一）予以公开\t2\t0\t0\t0\t0\t0\t2/, '（一）予以公开\t2\t0\t0\t0\t0\t2');
    const list = findings(text).list;
    assert.deepEqual(list.map((f) => f.code), ['table.shape']);
    assert.match(list[0]!.message, /有 6 个数，模板为 7 个/);
  });
  it('table.shape: a table with no number in it has no figures yet; one whose numbers fit no row cannot be read', () => {
    const t4Figures = '1\t0\t1\t0\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0';
    const report = buildReport();
    assert.ok(report.includes(t4Figures));
    const blankT4 = findings(report.replace(t4Figures, '\t'.repeat(14)), 'table.shape').list;
    assert.deepEqual(blankT4.map((f) => f.message), ['表四还没有填写数字：表中没有任何数字。']);
    // 表三's rows renamed past recognition, their numbers kept: the table is there but cannot be read.
    const [from, to] = [report.indexOf('三、收到和处理'), report.indexOf('四、政府信息公开行政复议')];
    let n = 0;
    const rows = report.slice(from, to).replace(/^.*?(?=\t\d+(?:\t|$))/gm, () => `某某事项${++n}`);
    assert.equal(n, 25);
    const renamed = report.slice(0, from) + rows + report.slice(to);
    const t3 = parseDocument(renamed).report.tables.t3;
    assert.deepEqual(t3?.problems.map((p) => p.detail.what), ['unreadable']);
  });
  it('table.shape: a row of figures with no label quotes its figures, not an empty label (pdftotext sets some above their label)', () => {
    const text = buildReport().replace(/（一）予以公开\t2\t0\t0\t0\t0\t0\t2/, '$&\n1\t0\t0\t0\t0\t0\t1');
    const shape = findings(text, 'table.shape').list;
    assert.equal(shape.length, 1);
    assert.match(shape[0]!.message, /表三中有一行数字没有标签，无法对应到模板：“1 0 0 0 0 0 1”/);
    assert.doesNotMatch(shape[0]!.message, /“”/);
  });
  it('table.shape: a 小计 column added before 总计 (a tester\'s Word template): warnings, and no figure taken for a leaf\'s numbering', () => {
    // Each 表三 row gets 法人或其他组织's 小计 before its 总计: 8 figures. A row ending in 1 before a leaf numbered 1.
    // (8.属于行政查询事项 … 1 before 1.本机关不掌握…) lost that figure to the leaf as its numbering: "实为 0，应为 1".
    const t3 = { ...validT3(), 'deny.8': [0, 0, 0, 0, 1, 0, 1], 'unable.3': [1, 0, 0, 0, 0, 0, 1], new: [5, 0, 0, 0, 1, 0, 6], public: [2, 0, 0, 0, 1, 0, 3], total: [5, 0, 0, 0, 2, 0, 7] };
    const text = buildReport({ t3 }).replace(/^(.*?)((?:\t\d+){7})$/gm, (line, head: string, figures: string) => {
      if (!/申请|公开|信息|处理|事项|明确|总计|办理/.test(head)) return line;
      const f = figures.split('\t').slice(1).map(Number);
      return `${head}\t${f.slice(0, 6).join('\t')}\t${f.slice(1, 6).reduce((a, b) => a + b, 0)}\t${f[6]}`;
    });
    assert.match(text, /8\.属于行政查询事项\t0\t0\t0\t0\t1\t0\t1\t1/);
    const list = findings(text).list;
    assert.deepEqual(list.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(list.some((f) => f.code === 'table.shape'));
  });
  it('table.shape: a 小计 row an agency added under a group is no template row, and not the 2019 form\'s single （六） (a tester\'s Word report)', () => {
    const text = buildReport()
      .replace('8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0', '$&\n（三）不予公开小计\t0\t0\t0\t0\t0\t0\t0')
      .replace('（六）其他处理\t1.申请人无正当理由', '（六）其他处理小计\t0\t0\t0\t0\t0\t0\t0\n（六）其他处理\t1.申请人无正当理由');
    assert.match(text, /（六）其他处理小计/);
    const list = findings(text).list;
    assert.deepEqual(list.filter((f) => f.code === 'table.legacy' || f.severity === 'error').map((f) => f.message), []);
    assert.ok(list.some((f) => f.code === 'table.shape' && /不予公开小计/.test(f.message)), list.map((f) => f.message).join('\n'));
  });
  it('table.shape: （六）其他处理 with its group\'s figures on a row of its own above the three sub-rows is a subtotal, not the 2019 form (a tester\'s 2021 report)', () => {
    const text = buildReport().replace('（六）其他处理\t1.申请人无正当理由', '（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0\n\t1.申请人无正当理由');
    assert.match(text, /（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0\n\t1\.申请人/);
    const list = findings(text).list;
    assert.deepEqual(list.filter((f) => f.code === 'table.legacy' || f.severity === 'error').map((f) => f.message), []);
    assert.deepEqual(list.filter((f) => f.code === 'table.shape').map((f) => f.message), ['表三中有一行无法对应到模板：“（六）其他处理”']);
    // The 2019 form's single （六） row, before （七）总计, is still the 2019 form.
    const legacy = buildReport({ legacyOther: true, t3: { ...validT3(), other: [0, 0, 0, 0, 0, 0, 0] } });
    assert.ok(findings(legacy).list.some((f) => f.code === 'table.legacy'));
  });
  it('table.missing: 表四 with its header rows merged into one, each cell naming group and column, is found and summed (a tester\'s Word report)', () => {
    const merged = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'].flatMap((g) => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => g + c)).join('\t');
    const header = /行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n结果维持(?:\t[^\n]+)\n/;
    const clean = buildReport().replace(header, `${merged}\n`);
    assert.ok(clean.includes(merged));
    assert.deepEqual(findings(clean).list.map((f) => f.code), []);
    const wrong = buildReport({ t4: [1, 0, 1, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0] }).replace(header, `${merged}\n`);
    assert.deepEqual(findings(wrong).list.map((f) => f.code), ['sum.review']);
  });
  it('table.shape: a row with extra numbers is unaligned and its sums are not errors', () => {
    const text = buildReport().replace(/（一）予以公开\t2\t0\t0\t0\t0\t0\t2/, '（一）予以公开\t2\t0\t0\t0\t0\t0\t2\t9');
    assert.deepEqual(findings(text).list.map((f) => f.code), ['table.shape']);
  });
});

describe('cell rules', () => {
  it('cell.blank: blank, / and — where a number belongs', () => {
    const t3 = { ...validT3(), carried: [1, 0, '/', 0, '—', 0, 1] };
    const { text, list } = findings({ t3 }, 'cell.blank');
    assert.deepEqual(list.map((f) => at(text, f)), ['/', '—']);
    assert.equal(list[0]!.fix?.edits[0]!.newText, '0');
  });
  it('cell.invalid: a note in a number cell, a negative, decimals in a count', () => {
    const t3 = { ...validT3(), carried: [1, 0, 0, 0, 0, 0, '1余'] };
    assert.match(findings({ t3 }, 'cell.invalid').list[0]!.message, /不是一个数字/);
    assert.match(findings({ t2: { penalty: ['3.5件'] } }, 'cell.invalid').list[0]!.message, /不是一个数字/);
    assert.ok(findings({ t2: { penalty: ['3.5件'] } }, 'cell.invalid').list.every((f) => f.severity === 'error'));
    assert.match(findings({ t2: { penalty: ['-3'] } }, 'cell.invalid').list[0]!.message, /负数/);
    assert.match(findings({ t2: { penalty: ['3.5'] } }, 'cell.invalid').list[0]!.message, /小数/);
    assert.deepEqual(findings({ t2: { fees: ['3.5'] } }, 'cell.invalid').list, []);
  });
  it('cell.invalid: 0 written as 〇, ○, 零 or the letter O, in every layout: a warning a table, the fix writes 0 where no sum breaks', () => {
    for (const layout of ALL_LAYOUTS) {
      for (const zero of ['〇', '○', '零', 'O']) {
        // 二、上年结转 all zeros but 自然人: seven cells, then one.
        const t3 = { ...validT3(), carried: [1, zero, zero, zero, zero, zero, 1] };
        const { text, list } = findings({ t3, layout }, undefined);
        assert.deepEqual(list.map((f) => `${f.code} ${f.severity}`), ['cell.invalid warning'], `${layout} ${zero}: ${list.map((f) => f.message).join('\n')}`);
        assert.match(list[0]!.message, new RegExp(`^表三中有 5 个单元格把 0 写成了“${zero}”等字符`), layout);
        assert.equal(list[0]!.related?.length, 5);
        const fixed = list[0]!.fix!.edits.reduceRight((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
        assert.deepEqual(check(parseDocument(fixed)), [], `${layout} ${zero}: fixed`);
        const one = findings({ t4: validT4().map((v, k) => (k === 1 ? zero : v)), layout }, 'cell.invalid').list;
        assert.match(one[0]!.message, new RegExp(`表四中的“${zero}”不是数字 0`), layout);
        assert.equal(one[0]!.fix?.edits[0]!.newText, '0');
      }
    }
    // Where 0 would break a sum (its row adds up to 3), the figure is in doubt: no fix.
    const doubt = findings({ t3: { ...validT3(), carried: [1, 0, 0, 0, 0, 0, '〇'] } }, 'cell.invalid').list;
    assert.equal(doubt.length, 1);
    assert.equal(doubt[0]!.fix, undefined);
  });
  it('cell.invalid: figures written with their unit or a spreadsheet\'s zero decimals (5件, 7.5万元, 5.00), in every layout: a warning a table, the fix writes the figure alone', () => {
    // A table typed as "N件" in every cell, or pasted from a spreadsheet formatted 0.00, reads clearly:
    // 32 errors "not a number" on right figures was the reading before.
    const written = (f: (v: number) => string) => Object.fromEntries(Object.entries(validT3()).map(([id, row]) => [id, row.map(f)]));
    for (const layout of ALL_LAYOUTS) {
      for (const [form, t3, sample] of [
        ['unit', written((v) => `${v}件`), /如“4件”应写作 4/],
        ['decimals', written((v) => v.toFixed(2)), /如“4\.00”应写作 4/],
      ] as const) {
        const { text, list } = findings({ t3, layout }, undefined);
        assert.deepEqual(list.map((f) => `${f.code} ${f.severity}`), ['cell.invalid warning'], `${layout} ${form}: ${list.map((f) => f.message).join('\n')}`);
        assert.match(list[0]!.message, new RegExp(`^表三中有 ${7 * 7} 个单元格的数字写法不规范`), `${layout} ${form}`);
        assert.match(list[0]!.message, sample, `${layout} ${form}`);
        const fixed = list[0]!.fix!.edits.reduceRight((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
        assert.deepEqual(check(parseDocument(fixed)), [], `${layout} ${form}: fixed`);
      }
    }
    // The figures keep their values in the sums: a wrong total written "6件" is still the error it is.
    const wrong = written((v) => `${v}件`);
    wrong.new = ['4件', '1件', '0件', '0件', '0件', '0件', '6件'];
    const both = findings({ t3: wrong }, undefined).list;
    assert.ok(both.some((f) => f.code === 'sum.row' && f.severity === 'error'), both.map((f) => f.code).join());
    assert.ok(both.find((f) => f.code === 'cell.invalid')!.fix, 'writing the figures alone changes no value: offered whatever the sums');
    // One cell, in 表二: the amount in the header's unit, a count with its unit, a figure with a note mark (a tester's
    // Word template with “39*” and the note under the table).
    const oneCell: [ReportData['t2'], string][] = [[{ fees: ['7.5万元'] }, '7.5'], [{ fees: ['0万'] }, '0'], [{ licensing: ['85件'] }, '85'], [{ penalty: ['5,990.00'] }, '5,990'], [{ penalty: ['5990*'] }, '5990'], [{ licensing: ['85※'] }, '85'], [{ coercion: ['565①'] }, '565']];
    for (const [t2, plain] of oneCell) {
      const one = findings({ t2 }, 'cell.invalid').list;
      assert.deepEqual(one.map((f) => f.severity), ['warning'], JSON.stringify(t2));
      assert.match(one[0]!.message, new RegExp(`应写作 ${plain}：`));
      assert.equal(one[0]!.fix?.edits[0]!.newText, plain);
    }
    // 0 as a character beside them: one finding for the table, each cell written plainly by its fix.
    const mixed = findings({ t3: { ...validT3(), carried: ['1件', '〇', 0, 0, 0, 0, '1件'] } }, 'cell.invalid').list;
    assert.equal(mixed.length, 1);
    assert.deepEqual(mixed[0]!.fix!.edits.map((e) => e.newText), ['1', '0', '1']);
  });
    it('cell.unit: 元 in the 万元 column', () => {
    const { list } = findings({ t2: { fees: ['3940元'] } }, 'cell.unit');
    assert.equal(list.length, 1);
    assert.match(list[0]!.message, /折合 0\.394 万元/);
  });
  it('cell.precision: the header states 保留4位小数', () => {
    const feeHeader = '本年收费金额（单位：万元，保留4位小数）';
    const { list } = findings({ feeHeader, t2: { fees: ['10267.34'] } }, 'cell.precision');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.fix?.edits[0]!.newText, '10267.3400');
    assert.deepEqual(findings({ feeHeader, t2: { fees: ['10267.3400'] } }, 'cell.precision').list, []);
  });
});

describe('text and year rules', () => {
  it('text.artifact: bookmarks and web chrome, with a fix that removes them', () => {
    const text = buildReport({ prose: { 0: '[bookmark: _GoBack]2022年，本机关全面推进政务公开工作。' } }).replace('一、总体情况', '  • 打印\n\n一、总体情况');
    const { list } = findings(text, 'text.artifact');
    assert.deepEqual(list.map((f) => at(text, f)), ['• 打印', '[bookmark: _GoBack]']);
    assert.ok(list.every((f) => f.fix?.edits[0]!.newText === ''));
  });
  it('text.artifact: a bookmark between a number and a label inside a table leaves a space, so the fix changes no cell', () => {
    // Found by the long fuzz: “9 0[bookmark: _GoBack]总计 0” lost the bookmark and read “0总计” as a cell.
    const text = buildReport().replace(/\t0\n（七）总计/, '\t0[bookmark: _GoBack]（七）总计');
    assert.match(text, /\t0\[bookmark: _GoBack\]（七）总计/);
    const { list } = findings(text, 'text.artifact');
    const bookmark = list.find((f) => at(text, f) === '[bookmark: _GoBack]')!;
    assert.ok(bookmark, 'the bookmark is reported');
    assert.equal(bookmark.fix?.edits[0]!.newText, ' ');
    const fixed = text.slice(0, bookmark.range.start) + ' ' + text.slice(bookmark.range.end);
    assert.deepEqual(findings(fixed).list.filter((f) => f.code === 'cell.invalid'), findings(text).list.filter((f) => f.code === 'cell.invalid'));
  });
  it('year.mismatch: 统计期限 and the opening year against the title', () => {
    const text = buildReport().replace('自2022年1月1日起至2022年12月31日止', '自2021年1月1日起至2021年12月31日止');
    const { list } = findings(text, 'year.mismatch');
    assert.equal(list.length, 2);
    assert.ok(list.every((f) => at(text, f) === '2021'));
    assert.equal(findings({ prose: { 0: '2021年，本机关全面推进政务公开工作。' } }, 'year.mismatch').list.length, 1);
    // The usual wording leaves the end's year unsaid: its start is still read, and only the start can disagree.
    const usual = buildReport().replace('自2022年1月1日起至2022年12月31日止', '从2021年1月1日到12月31日止');
    assert.deepEqual(findings(usual, 'year.mismatch').list.map((f) => at(usual, f)), ['2021']);
    assert.deepEqual(findings(buildReport().replace('自2022年1月1日起至2022年12月31日止', '为2022 年 1月1 日至12月31 日'), 'year.mismatch').list, []);
  });
  it('year.mismatch: an opening year that starts a span, or is compared with the title\'s year in its sentence, is not the year reported on', () => {
    for (const opening of ['2021年以来，本机关认真贯彻落实《条例》。', '2021年至2022年，本机关持续推进政务公开。', '2021年收到政府信息公开申请8件，2022年收到5件。']) {
      assert.deepEqual(findings({ prose: { 0: opening } }, 'year.mismatch').list, [], opening);
    }
    // A later sentence naming the title's year does not excuse the opening's.
    assert.equal(findings({ prose: { 0: '2021年，本机关全面推进政务公开工作。2022年收到申请5件。' } }, 'year.mismatch').list.length, 1);
  });
  it('preface.sections: a preface listing five parts for six headings', () => {
    const preface = '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、其他需要报告的事项等五个部分。';
    const { list } = findings({ preface }, 'preface.sections');
    assert.equal(list.length, 1);
    assert.match(list[0]!.message, /前言未列出“五、存在的主要问题及改进情况”/);
    const six = preface.replace('其他需要报告的事项等五个部分', '下一步工作、其他需要报告的事项等六个部分');
    assert.deepEqual(findings({ preface: six }, 'preface.sections').list, []);
    // 等 after fewer parts than the count names some only (a tester's sentence, sixteenth session); the count still counts.
    assert.deepEqual(findings({ preface: '本报告包括总体情况等六个部分。' }, 'preface.sections').list, []);
    assert.match(findings({ preface: '本报告包括总体情况等五个部分。' }, 'preface.sections').list[0]!.message, /五/);
    assert.doesNotMatch(findings({ preface: '本报告包括总体情况等五个部分。' }, 'preface.sections').list[0]!.message, /前言未列出/);
  });
});

describe('configuration', () => {
  it('a severity setting changes or silences a rule', () => {
    const doc = parseDocument(buildReport({ t3: { new: [32, 0, 0, 0, 0, 0, 30] } }));
    assert.equal(check(doc, { rules: { 'sum.row': 'warning' } }).find((f) => f.code === 'sum.row')?.severity, 'warning');
    assert.equal(check(doc, { rules: { 'sum.row': 'info' } }).find((f) => f.code === 'sum.row')?.severity, 'information');
    assert.equal(check(doc, { rules: { 'sum.row': 'off' } }).find((f) => f.code === 'sum.row'), undefined);
  });
});

describe('regressions found in review', () => {
  it('a 表二 row with a label and empty cells: one blank per cell, each fixed in place', () => {
    const text = buildReport().replace('规章\t0\t0\t0', '规章\t\t\t');
    const { list } = findings(text, 'cell.blank');
    assert.equal(list.length, 3);
    assert.equal(new Set(list.map((f) => f.range.start)).size, 3);
    let fixed = text;
    for (const f of [...list].reverse()) fixed = fixed.slice(0, f.fix!.edits[0]!.range.start) + '0' + fixed.slice(f.fix!.edits[0]!.range.end);
    assert.ok(fixed.includes('规章\t0\t0\t0'));
    assert.deepEqual(findings(fixed).list, []);
  });
  it('a row with a label and nothing else is a shape problem, not blanks fixed after the label', () => {
    const text = buildReport({ layout: 'cell-per-paragraph' }).replace(/规章\n\n0\n\n0\n\n0\n\n/, '规章\n\n');
    const codes = findings(text).list.map((f) => f.code);
    assert.ok(codes.includes('table.shape'), codes.join());
    assert.ok(!codes.includes('cell.blank'), codes.join());
  });
  it('无 in a number cell is a blank, not a label', () => {
    const text = buildReport().replace('1.属于国家秘密\t0\t0', '1.属于国家秘密\t无\t0');
    assert.deepEqual(findings(text).list.map((f) => f.code), ['cell.blank']);
  });
  it('an unrecognised leaf row makes no false sum.column error', () => {
    const t3 = { ...validT3(), 'deny.3': [1, 0, 0, 0, 0, 0, 1], total: [5, 1, 0, 0, 0, 0, 6], new: [5, 1, 0, 0, 0, 0, 6] };
    const text = buildReport({ t3 }).replace('3.危及“三安全一稳定”', '3.某种完全不同的情形');
    const codes = findings(text).list.map((f) => f.code);
    assert.ok(!codes.includes('sum.column'), codes.join());
    assert.ok(codes.includes('table.shape'), codes.join());
  });
  it('the numbering fix of "一 总体情况" gives "一、总体情况"', () => {
    const text = buildReport({ headings: ['一 总体情况'] });
    const f = findings(text, 'section.numbering').list[0]!;
    const e = f.fix!.edits[0]!;
    assert.ok((text.slice(0, e.range.start) + e.newText + text.slice(e.range.end)).includes('\n一、总体情况\n'));
  });
  it('an empty pipe-table row is not web chrome', () => {
    const text = buildReport({ layout: 'pipe', prose: { 0: '2022年，本机关全面推进政务公开工作。\n|  |  |' } });
    assert.deepEqual(findings(text, 'text.artifact').list, []);
  });
});

describe('issue 4 additions', () => {
  it('a blank total is filled with its row sum, not 0', () => {
    const t3 = { ...validT3(), new: [4, 1, 0, 0, 0, 0, ''] };
    const { list } = findings({ t3 }, 'cell.blank');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.fix?.edits[0]!.newText, '5');
    assert.match(list[0]!.fix!.title, /由勾稽关系确定/);
  });
  it('a blank part whose identities disagree gets no fix: 0 would break its row, 1 its column (a fix never adds an error)', () => {
    const t3 = { ...validT3(), carried: [1, 0, 0, '/', 0, 0, 2] };
    assert.equal(findings({ t3 }, 'cell.blank').list[0]!.fix, undefined);
  });
  it('hover over a prose total shows its parts and their sum', async () => {
    const { hover } = await import('../../../server/src/core/service');
    const text = buildReport({ prose: { 0: '2022年，共发布政府信息872条。其中，政策解读栏目发布420条；通知公告栏目发布414条；专题专栏发布38条。' } });
    const doc = parseDocument(text);
    const h = hover(doc, text.indexOf('872'));
    assert.match((h!.contents as { value: string }).value, /所述总数：872 条[\s\S]*420 \+ 414 \+ 38 = 872 ✓/);
  });
  it('hover over a prose count shows the table figure it restates', async () => {
    const { hover } = await import('../../../server/src/core/service');
    const text = buildReport({ prose: { 0: '2022年，本机关共收到政府信息公开申请7件，均按时答复。' } });
    const doc = parseDocument(text);
    const value = (hover(doc, text.indexOf('7件'))!.contents as { value: string }).value;
    assert.match(value, /✗/);
    assert.match(value, /总计为 5/);
  });
});

describe('templateYear', () => {
  it('decides the template when neither the title nor a 统计期限 gives the year', () => {
    const text = buildReport({ legacyOther: true }).replace('某某市某某局2022年政府信息公开工作年度报告', '某某市某某局政府信息公开工作年度报告').replace(/统计期限[^。]*。/, '');
    const doc = parseDocument(text);
    assert.equal(doc.report.title?.year, undefined);
    assert.equal(check(doc, { templateYear: 2020 }).filter((f) => f.code === 'table.legacy').length, 0);
    assert.equal(check(doc, { templateYear: 2023 }).filter((f) => f.code === 'table.legacy').length, 1);
  });
  it('a 统计期限 in the usual wording gives the year where the title is lost (a page printed to PDF without it)', () => {
    const text = buildReport({ legacyOther: true, year: 2019 })
      .replace('某某市某某局2019年政府信息公开工作年度报告', '')
      .replace(/统计期限[^。]*。/, '统计期限从2019 年 1月1 日到12月31 日止。');
    const doc = parseDocument(text);
    assert.equal(doc.report.title?.year, undefined);
    assert.deepEqual(check(doc).filter((f) => f.code === 'table.legacy'), []);
    assert.equal(check(parseDocument(text.replace('从2019 年', '从2022 年'))).filter((f) => f.code === 'table.legacy').length, 1);
  });
});

describe('sum.balance advice', () => {
  it('never advises a negative carry-forward', () => {
    const t3 = { ...validT3(), total: [6, 1, 0, 0, 0, 0, 7], public: [4, 0, 0, 0, 0, 0, 4] };
    const { list } = findings({ t3 }, 'sum.balance');
    assert.ok(list.length > 0);
    assert.ok(list.every((f) => !/应为 -/.test(f.message)), list.map((f) => f.message).join('\n'));
    assert.match(list[0]!.message, /办理结果多于收到的申请/);
  });
});

// From a seventeenth-session tester's text dumps (w3m, pdftotext -layout) of Word reports: a 表三 label whose cell wrapped,
// its end on a line after the row's figures.
describe('labels cut where their cell wrapped', () => {
  // The built report's 表三 (validT3: （二）部分公开 1 自然人), its （二） label cut inside the note as a Word cell wraps it.
  const cutLabel = (partial: number) =>
    buildReport({ t3: { ...validT3(), partial: [partial, 0, 0, 0, 0, 0, 1] } }).replace(
      /（二）部分公开（区分处理的，只计这一情形，不计其他情形）(\t[^\n]*)/,
      '（二）部分公开（区分处理的，只计这一情$1\n形，不计其他情形）',
    );
  it('（二）部分公开 cut inside its note, the note\'s end on the next line: the row is read, and a wrong figure in it found at its cell', () => {
    const clean = cutLabel(1);
    assert.match(clean, /只计这一情\t1\t0\t0\t0\t0\t0\t1\n形，不计其他情形）\n/);
    assert.deepEqual(findings(clean).list.map((f) => `${f.code} ${f.message}`), []);
    const { text, list } = findings(cutLabel(3));
    const sums = list.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(sums.map((f) => [at(text, f), f.message.split('：')[0]]), [['3', '3 应为 1']]);
  });
  it('a label\'s end of seven characters on the line after its figures (5.要求行政机关确认或重新 / 出具已获取信息) joins the label', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量       20    4       0     0   0   0   24',
      '二、上年结转政府信息公开申请数量       0     0       0     0   0   0   0',
      '三、 （一）予以公开             16    4       0     0   0   0   20',
      '     （五）不予处理  1.信访举报投诉类申请     0     0       0     0   0   0   0',
      '       5.要求行政机关确认或重新         0     0       0     0   0   0   0',
      '       出具已获取信息',
      '   （六）其他处理                   4     0       0     0   0   0   4',
      '   （七）总计                     20    4       0     0   0   0   24',
      '四、结转下年度继续办理                  0     0       0     0   0   0   0',
    ].join('\n');
    const shape = findings(text).list.filter((f) => f.code === 'table.shape' || f.code === 'table.label');
    assert.ok(!shape.some((f) => /要求行政机关确认或重新/.test(f.message)), JSON.stringify(shape.map((f) => f.message)));
  });
  it('table.label leaves alone a label missing only its last characters (a wrapped cell\'s end elsewhere), and still flags drift', () => {
    const cut = buildReport({}).replace('5.要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新出具已获取信');
    assert.deepEqual(findings(cut, 'table.label').list.map((f) => f.message), []);
    const drifted = buildReport({}).replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    assert.equal(findings(drifted, 'table.label').list.length, 1);
  });
});
