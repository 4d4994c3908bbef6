// Candidate fixes (issue 16): a broken sum that several cells would each mend
// offers each of them as a quick fix, the one the message names first, never
// preferred and never in a fix-all (ESLint's suggestions); a unique repair
// stays the preferred fix. Each candidate changes only the cell it names.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../../server/src/core/features/codeActions';
import type { Finding, TextEdit } from '../../../server/src/core/rules/types';
import { actions, check, parseDocument, resolveAction, type ParsedDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, validT3, validT4 } from '../../helpers/build-report';

const URI = 'file:///r.txt';
// 表四 行政复议: 维持 0, 纠正 0, 其他 0, 尚未审结 1, 总计 2 — "实为 2，应为 1": the total, or any part one more.
const BROKEN_T4 = [0, 0, 0, 1, 2, ...validT4().slice(5)];

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

function review(doc: ParsedDocument, lang: 'zh' | 'en' = 'zh'): Finding {
  const found = check(doc, { lang }).filter((f) => f.code === 'sum.review');
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
  return found[0]!;
}

function lspEdits(action: CodeAction): LspTextEdit[] {
  const change = action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  return (change?.edits ?? []) as LspTextEdit[];
}

describe('candidate fixes where the repair is not unique', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`表四 总计 实为 2 应为 1 (${layout}): five candidates, the total first, each changing its one cell`, () => {
      const text = buildReport({ layout, t4: BROKEN_T4 });
      const doc = parseDocument(text);
      const f = review(doc);
      assert.match(f.message, /^实为 2，应为 1：/);
      assert.equal(f.fix, undefined, 'no unique repair');
      const candidates = f.suggestions ?? [];
      assert.deepEqual(candidates.map((s) => s.edits.length), [1, 1, 1, 1, 1]);
      // The one the message names: the total it sits on, to the value it states.
      assert.deepEqual(candidates[0]!.edits[0]!.range, f.range);
      assert.equal(candidates[0]!.edits[0]!.newText, '1');
      assert.match(candidates[0]!.title, /^候选修复：将“行政复议”的“总计”由 2 改为 1/);
      // Then the parts in the table's order: 维持, 纠正, 其他 0 → 1, 尚未审结 1 → 2.
      assert.deepEqual(candidates.slice(1).map((s) => [text.slice(s.edits[0]!.range.start, s.edits[0]!.range.end), s.edits[0]!.newText]), [['0', '1'], ['0', '1'], ['0', '1'], ['1', '2']]);
      for (const s of candidates) {
        const after = parseDocument(apply(text, s.edits));
        assert.deepEqual(check(after).filter((x) => x.code.startsWith('sum.')), [], `${s.title} mends the sum and breaks none`);
        // Only that cell changed: the text differs from the original in the edit alone.
        const e = s.edits[0]!;
        assert.equal(after.text, text.slice(0, e.range.start) + e.newText + text.slice(e.range.end));
      }
    });
  }

  it('offered as quick fixes under the cursor, never preferred, in the order of the finding', () => {
    const doc = parseDocument(buildReport({ t4: BROKEN_T4 }));
    const f = review(doc);
    const offered = actions(doc, { uri: URI, version: 3, range: f.range });
    const candidates = offered.filter((a) => a.title.startsWith('候选修复'));
    assert.deepEqual(candidates.map((a) => a.title), f.suggestions!.map((s) => s.title));
    for (const [k, a] of candidates.entries()) {
      assert.equal(a.kind, 'quickfix');
      assert.equal(a.isPreferred, false);
      assert.deepEqual(a.diagnostics?.map((d) => d.code), ['sum.review']);
      assert.deepEqual(lspEdits(a).map((e) => e.newText), [f.suggestions![k]!.edits[0]!.newText]);
    }
  });

  it('never in a fix-all: source.fixAll and "fix all of a kind" carry only the unique repairs, which stay preferred', () => {
    // A wrong 表三 total (one repair) beside the ambiguous 表四 group.
    const text = buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] }, t4: BROKEN_T4 });
    const doc = parseDocument(text);
    const all = check(doc);
    const unique = all.find((f) => f.fix)!;
    assert.equal(unique.code, 'sum.row');
    const whole = { start: 0, end: text.length };
    const fixAll = actions(doc, { uri: URI, version: 1, range: whole, only: [FIX_ALL_KIND] });
    assert.equal(fixAll.length, 1);
    assert.deepEqual(lspEdits(fixAll[0]!).map((e) => e.newText), unique.fix!.edits.map((e) => e.newText));
    const quick = actions(doc, { uri: URI, version: 1, range: whole });
    assert.deepEqual(quick.filter((a) => a.isPreferred).map((a) => a.title), [unique.fix!.title]);
    assert.ok(!fixAll.some((a) => a.title.startsWith('候选修复')));
    // No "fix all sum.review": its only edits are candidates.
    assert.ok(!quick.some((a) => a.title.includes('修复本文件中所有') && a.diagnostics?.some((d) => d.code === 'sum.review')));
  });

  it('lazily: the candidate chosen is resolved to its own edit, and only for the version it was made for', () => {
    const doc = parseDocument(buildReport({ t4: BROKEN_T4 }));
    const f = review(doc);
    const lazy = actions(doc, { uri: URI, version: 7, range: f.range, lazy: true }).filter((a) => a.title.startsWith('候选修复'));
    assert.equal(lazy.length, 5);
    assert.ok(lazy.every((a) => a.edit === undefined && a.isPreferred === false));
    const chosen = resolveAction(doc, lazy[4]!, { uri: URI, version: 7 });
    assert.deepEqual(lspEdits(chosen).map((e) => e.newText), ['2']);
    assert.equal(resolveAction(doc, lazy[4]!, { uri: URI, version: 8 }).edit, undefined);
  });

  it('in English: the same candidates, English titles', () => {
    const doc = parseDocument(buildReport({ t4: BROKEN_T4 }));
    const en = review(doc, 'en');
    assert.deepEqual(en.suggestions!.map((s) => s.edits), review(doc).suggestions!.map((s) => s.edits));
    assert.match(en.suggestions![0]!.title, /^Candidate fix: change “总计” of “行政复议” from 2 to 1 \(one of 5 ways/);
  });

  it('a unique repair has no candidates (a part could only mend the sum by going negative)', () => {
    const unique = check(parseDocument(buildReport({ t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 7] } })));
    assert.ok(unique.every((f) => f.suggestions === undefined));
    const none = check(parseDocument(buildReport({ t4: [1, 1, 0, 0, 0, ...validT4().slice(5)] })));
    const f = none.find((x) => x.code === 'sum.review')!;
    // 1 + 1 against a total of 0: the total (→ 2) alone.
    assert.equal(f.suggestions, undefined);
    assert.equal(f.fix?.edits[0]?.newText, '2');
  });
});
