// Nothing lost: every fix offered on every real report, and on reports with
// injected errors, removes the finding it targets, adds no error, and leaves
// the text outside its edit byte for byte as it was. Fix-all never carries
// overlapping edits.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { codeActions, FIX_ALL_KIND, nonOverlapping } from '../../../server/src/core/features/codeActions';
import type { Finding, TextEdit } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport, validT3 } from '../../helpers/build-report';
import { fixtureFiles } from '../../helpers/fixtures';

const fixtureTexts = fixtureFiles().map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') }));

const injected = [
  { name: 'wrong total', text: buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] } }) },
  { name: 'wrong part', text: buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2] } }) },
  { name: 'blank cells', text: buildReport({ t3: { ...validT3(), carried: [1, 0, '/', 0, '—', 0, 1] } }) },
  { name: 'Arabic headings', text: buildReport({ headings: ['1、总体情况', undefined, undefined, undefined, undefined, '6、其他需要报告的事项'] }) },
  { name: 'missing section 三', text: buildReport({ headings: [undefined, undefined, null] }).replace(/（本列数据[\s\S]*?四、结转下年度继续办理[^\n]*\n/, '') },
  { name: 'missing section 五 (cell per line)', text: buildReport({ layout: 'cell-per-line', headings: [undefined, undefined, undefined, undefined, null] }).replace('一是公开内容有待丰富。下一步，将进一步加强政策解读。\n', '') },
  { name: 'drifted label', text: buildReport().replace('行政规范性文件\t', '规范性文件\t') },
  { name: 'debris', text: buildReport({ prose: { 0: '[bookmark: _GoBack]2022年，本机关全面推进政务公开工作。' } }).replace('一、总体情况', '  • 打印\n\n一、总体情况') },
];

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

const key = (f: Finding) => `${f.code}|${f.message}`;
const errors = (list: Finding[]) => list.filter((f) => f.severity === 'error').map(key);

describe('every fix is safe', () => {
  let applied = 0;
  for (const { name, text } of [...fixtureTexts, ...injected]) {
    it(name, () => {
      const before = check(parseDocument(text));
      for (const f of before.filter((x) => x.fix)) {
        const edits = f.fix!.edits;
        const after = applyEdits(text, edits);
        applied++;
        // Outside the edit, byte for byte.
        const first = Math.min(...edits.map((e) => e.range.start));
        assert.equal(after.slice(0, first), text.slice(0, first), `${f.code}: text before the edit changed`);
        const lastEnd = Math.max(...edits.map((e) => e.range.end));
        assert.equal(after.slice(after.length - (text.length - lastEnd)), text.slice(lastEnd), `${f.code}: text after the edit changed`);
        // The targeted finding is gone and no new error appears.
        const now = check(parseDocument(after));
        assert.ok(now.filter((x) => x.code === f.code).length < before.filter((x) => x.code === f.code).length, `${f.code} "${f.fix!.title}" did not remove its finding`);
        const newErrors = errors(now).filter((e) => !errors(before).includes(e));
        assert.deepEqual(newErrors, [], `${f.code} "${f.fix!.title}" added errors`);
      }
    });
  }
  it('applied fixes', () => assert.ok(applied > 20, `only ${applied}`));
});

describe('fix all', () => {
  for (const { name, text } of [...fixtureTexts, ...injected]) {
    it(name, () => {
      const doc = parseDocument(text);
      const findings = check(doc);
      const actions = codeActions(findings, doc.lines, { uri: 'file:///r.txt', version: 3, range: { start: 0, end: text.length }, only: [FIX_ALL_KIND] });
      if (!findings.some((f) => f.fix)) return assert.deepEqual(actions, []);
      assert.equal(actions.length, 1);
      const change = actions[0]!.edit!.documentChanges![0] as { textDocument: { version: number }; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] };
      assert.equal(change.textDocument.version, 3);
      // Sorted and never overlapping.
      const offsets = change.edits.map((e) => [doc.lines.offsetAt(e.range.start), doc.lines.offsetAt(e.range.end)] as const);
      for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i]![0] >= offsets[i - 1]![1], 'overlapping edits');
      const edits = nonOverlapping(findings.filter((f) => f.fix).flatMap((f) => f.fix!.edits));
      const after = check(parseDocument(applyEdits(text, edits)));
      assert.deepEqual(errors(after).filter((e) => !errors(findings).includes(e)), [], 'fix-all added errors');
      assert.ok(after.filter((f) => f.fix).length < findings.filter((f) => f.fix).length);
    });
  }
});

describe('code actions honour context.only and the cursor', () => {
  const text = buildReport({ headings: ['1、总体情况', undefined, undefined, undefined, undefined, '6、其他需要报告的事项'] });
  const doc = parseDocument(text);
  const findings = check(doc);
  const at = text.indexOf('1、');
  it('quick fixes under the cursor, plus fix all of this kind', () => {
    const actions = codeActions(findings, doc.lines, { uri: 'u', version: 1, range: { start: at, end: at } });
    assert.deepEqual(actions.map((a) => a.kind), ['quickfix', 'quickfix']);
    assert.match(actions[0]!.title, /将编号改为“一、”/);
    assert.match(actions[1]!.title, /修复本文件中所有“章节编号不规范”问题（2 处）/);
    assert.ok(actions[0]!.diagnostics?.[0]?.code === 'section.numbering');
  });
  it('two findings side by side (`[bookmark: A][bookmark: B]`, seed 003): asked by one\'s range, only its own fix (a tester drove the server)', () => {
    const marks = buildReport({ prose: { 0: '2022年，本机关[bookmark: OLE_LINK2][bookmark: OLE_LINK4]全面推进政务公开工作。' } });
    const d = parseDocument(marks);
    const found = check(d).filter((f) => f.code === 'text.artifact');
    assert.equal(found.length, 2);
    for (const f of found) {
      const own = marks.slice(f.range.start, f.range.end);
      const quick = codeActions(check(d), d.lines, { uri: 'u', version: 1, range: f.range, only: ['quickfix'] }).filter((a) => a.isPreferred);
      assert.equal(quick.length, 1, own);
      const edits = (quick[0]!.edit!.documentChanges![0] as { edits: { range: { start: { character: number }; end: { character: number } } }[] }).edits;
      const line = marks.split('\n').find((l) => l.includes(own))!;
      assert.deepEqual(edits.map((e) => line.slice(e.range.start.character, e.range.end.character)), [own]);
    }
    // A cursor between them still offers both.
    const between = found[0]!.range.end;
    assert.equal(codeActions(check(d), d.lines, { uri: 'u', version: 1, range: { start: between, end: between }, only: ['quickfix'] }).filter((a) => a.isPreferred).length, 2);
  });
  it('no source action unless asked; only quickfix when only = [quickfix]', () => {
    const all = codeActions(findings, doc.lines, { uri: 'u', version: 1, range: { start: 0, end: text.length } });
    assert.ok(all.every((a) => a.kind === 'quickfix'));
    const onlySource = codeActions(findings, doc.lines, { uri: 'u', version: 1, range: { start: at, end: at }, only: ['source'] });
    assert.deepEqual(onlySource.map((a) => a.kind), [FIX_ALL_KIND]);
  });
});

describe('one repair, one quick fix', () => {
  it('a wrong total that breaks its row and its column offers the repair once, for both diagnostics', () => {
    const text = buildReport({ t3: { ...validT3(), total: [4, 1, 0, 0, 0, 0, 7] } });
    const doc = parseDocument(text);
    const at = text.indexOf('（七）总计\t4\t1\t0\t0\t0\t0\t7') + '（七）总计\t4\t1\t0\t0\t0\t0\t'.length;
    const actions = codeActions(check(doc), doc.lines, { uri: 'u', version: 1, range: { start: at, end: at } });
    const repairs = actions.filter((a) => a.title.startsWith('将“7”改为 5'));
    assert.equal(repairs.length, 1);
    assert.deepEqual(repairs[0]!.diagnostics!.map((d) => d.code).sort(), ['sum.balance', 'sum.column', 'sum.row'].filter((c) => check(doc).some((f) => f.code === c && f.range.start === at)).sort());
  });
});

describe('a repair writes the figure as the cell writes its figures', () => {
  // Agencies with thousands of requests write 1,234 (or full-width digits, typed with a Chinese input method): the fix
  // changes the figure, not how the agency writes it.
  const big = (total: string, as: (n: number) => string) => {
    const row = (natural: number, business: number, t = natural + business) => [as(natural), as(business), as(0), as(0), as(0), as(0), as(t)];
    const zero = row(0, 0);
    return buildReport({ t3: { ...validT3(), new: [...row(1200, 34).slice(0, 6), total], carried: zero, public: row(1200, 34), partial: zero, 'unable.1': zero, total: row(1200, 34), forward: zero } });
  };
  const grouped = (n: number) => n.toLocaleString('en-US');
  const fullWidth = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  for (const [name, text, wrong, right] of [
    ['thousands separator', big('1,235', grouped), '1,235', '1,234'],
    ['full-width digits', big('１２３５', fullWidth), '１２３５', '１２３４'],
  ] as const) {
    it(name, () => {
      const doc = parseDocument(text);
      const findings = check(doc);
      const sum = findings.find((f) => f.code.startsWith('sum.') && text.slice(f.range.start, f.range.end) === wrong);
      assert.ok(sum?.fix, findings.map((f) => `${f.code} ${f.message}`).join('\n'));
      assert.deepEqual(sum.fix.edits.map((e) => e.newText), [right]);
      assert.equal(sum.fix.title, `将“${wrong}”改为 ${right}（使相关勾稽关系成立）`);
      assert.deepEqual(check(parseDocument(applyEdits(text, sum.fix.edits))).filter((f) => f.code.startsWith('sum.')), []);
    });
  }
});
