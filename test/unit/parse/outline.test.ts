// What breadcrumbs and Go to Symbol (Ctrl+Shift+O) need from the document
// symbols (core/features/symbols.ts), on every real report: each symbol's
// selection inside its range and each child inside its parent (else VS Code
// drops the symbol or the breadcrumb path breaks), names that say what the
// thing is, and sections, tables, row groups and table rows all present.
// Run: node --import tsx --test test/unit/parse/outline.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver-types';
import { parseDocument, symbols, updateDocument } from '../../../server/src/core/service';
import type { Section } from '../../../server/src/core/model';
import { TABLE2_BLOCKS, TABLE3_ROWS, TABLE_NAMES, table3RowsFor } from '../../../server/src/core/template';
import { fixtureFiles, readFixture } from '../../helpers/fixtures';
import { applyChange } from '../../helpers/properties';

const FILES = fixtureFiles().map((f) => f.name);

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

function flatten(tree: DocumentSymbol[], parents: DocumentSymbol[] = []): { symbol: DocumentSymbol; parents: DocumentSymbol[] }[] {
  return tree.flatMap((s) => [{ symbol: s, parents }, ...flatten(s.children ?? [], [...parents, s])]);
}

describe('document symbols on the real reports', () => {
  for (const file of FILES) {
    test(file, () => {
      const doc = parseDocument(readFixture(file));
      const tree = symbols(doc);
      const all = flatten(tree);
      for (const { symbol, parents } of all) {
        assert.ok(symbol.name.trim().length > 0, 'a name');
        assert.ok(inside(symbol.selectionRange, symbol.range), `${symbol.name}: selection inside range`);
        const parent = parents[parents.length - 1];
        if (parent) assert.ok(inside(symbol.range, parent.range), `${symbol.name} inside ${parent.name}`);
      }
      // Siblings in document order, so breadcrumbs and the Outline follow the text.
      for (const { symbol } of all) {
        const kids = symbol.children ?? [];
        for (let i = 1; i < kids.length; i++) assert.ok(before(kids[i - 1]!.range.start, kids[i]!.range.start), `${symbol.name}: children in order`);
        // A leaf sends no empty list (the field is optional; on thousands of sub-items it weighed a sixteenth of the answer).
        assert.ok(symbol.children === undefined || symbol.children.length > 0, `${symbol.name}: no empty children list`);
      }
      assert.ok(all.some(({ symbol }) => symbol.children === undefined), 'leaves without children');

      // The six sections at the top, as modules.
      assert.equal(tree.filter((s) => s.kind === SymbolKind.Module).length, 6);
      // Each table once, as a struct, inside its section.
      for (const [prefix, section] of [['表二', 1], ['表三', 2], ['表四', 3]] as const) {
        const tables = all.filter(({ symbol }) => symbol.kind === SymbolKind.Struct && symbol.name.startsWith(prefix));
        assert.equal(tables.length, 1, prefix);
        assert.equal(tables[0]!.parents[0], tree[section], `${prefix} under section ${section + 1}`);
      }
      // Every 表三 row of the report's form (2021, or 2019 （六）) is a field, named by the template.
      const names = new Set(all.filter(({ symbol }) => symbol.kind === SymbolKind.Field).map(({ symbol }) => symbol.name));
      for (const row of table3RowsFor(!!doc.report.tables.t3?.legacy)) assert.ok(names.has(row.label), row.label);
      for (const block of TABLE2_BLOCKS.filter((b) => !b.legacyOnly)) {
        assert.ok(all.some(({ symbol }) => symbol.name === block.caption), block.caption);
        for (const row of block.rows) assert.ok(names.has(row.label) || [...names].some((n) => row.aliases?.includes(n)), row.label);
      }
      for (const group of ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）']) assert.ok(names.has(group), group);
      // The row groups of 三 are there to fold and to jump to.
      for (const group of ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理']) assert.ok(all.some(({ symbol }) => symbol.name === group && symbol.kind === SymbolKind.Namespace), group);
      // A row's detail is its values, so Go to Symbol shows them.
      const first = all.find(({ symbol }) => symbol.name === TABLE3_ROWS[0]!.label)!.symbol;
      assert.match(first.detail ?? '', /^\S+( \S+){6}$/);
    });
  }
});

describe('the outline lists at most maxSubItems sub-items (govReport.outline.maxSubItems)', () => {
  // Seed 001 with `count` more sub-items, alternately at the end of 一 and of 五, as a program-made text has them.
  function grown(count: number): string {
    const seed = readFixture('seeds/001_b514ee349c59fe59.txt');
    const endOfOne = seed.indexOf('\n二、主动公开政府信息情况') + 1;
    const endOfFive = seed.indexOf('\n六、') + 1;
    assert.ok(endOfOne > 0 && endOfFive > endOfOne, 'seed 001 has 二 and 六 at line starts');
    const parts: [string[], string[]] = [[], []];
    for (let k = 1; k <= count; k++) parts[k % 2]!.push(`（${(k % 9) + 1}）第${k}项工作。本年度持续推进该项工作，取得较好成效。`);
    const block = (lines: string[]) => (lines.length ? lines.join('\n') + '\n' : '');
    return seed.slice(0, endOfOne) + block(parts[1]) + seed.slice(endOfOne, endOfFive) + block(parts[0]) + seed.slice(endOfFive);
  }
  // The sub-items' names in document order, a parent before its children.
  const itemsOf = (sections: readonly Section[]) => {
    const out: string[] = [];
    const walk = (items: readonly { numbering: { text: string }; title: string; children: readonly unknown[] }[]): void => {
      for (const i of items) {
        out.push(`${i.numbering.text}${i.title}`);
        walk(i.children as typeof items);
      }
    };
    for (const s of sections) walk(s.subItems);
    return out;
  };
  const listed = (tree: DocumentSymbol[]) => flatten(tree).filter(({ symbol }) => symbol.kind === SymbolKind.String).map(({ symbol }) => symbol.name);
  const text = grown(1500);
  const doc = parseDocument(text);
  const all = itemsOf(doc.report.sections);

  test('by default the first 1,000 in document order; every section and table stays; a cut section says so', () => {
    assert.ok(all.length > 1500, `${all.length} sub-items`);
    const tree = symbols(doc);
    assert.deepStrictEqual(listed(tree), all.slice(0, 1000));
    assert.equal(tree.filter((s) => s.kind === SymbolKind.Module).length, 6);
    assert.equal(flatten(tree).filter(({ symbol }) => symbol.kind === SymbolKind.Struct).length, 3, 'the three tables');
    // The cut falls in 一 (its 750 added items); every section after it lists only what is left, and says so.
    const cut = tree.filter((s) => /大纲仅列出前 \d+ 个小项（共 \d+ 个/.test(s.detail ?? ''));
    const bySection = doc.report.sections.map((s) => itemsOf([s]).length);
    let left = 1000;
    tree.filter((s) => s.kind === SymbolKind.Module).forEach((section, k) => {
      const total = bySection[k]!;
      const shown = Math.min(left, total);
      left -= shown;
      if (shown < total) assert.match(section.detail ?? '', new RegExp(`大纲仅列出前 ${shown} 个小项（共 ${total} 个`), section.name);
      else assert.doesNotMatch(section.detail ?? '', /仅列出/, section.name);
    });
    assert.ok(cut.length >= 1);
    const en = symbols(doc, { lang: 'en' });
    assert.ok(en.some((s) => /\d+ of \d+ sub-items listed/.test(s.detail ?? '')), 'said in English too');
  });

  test('a limit above the count lists them all; 0 lists sections and tables only', () => {
    assert.deepStrictEqual(listed(symbols(doc, { maxSubItems: 5000 })), all);
    const none = symbols(doc, { maxSubItems: 0 });
    assert.deepStrictEqual(listed(none), []);
    assert.equal(none.filter((s) => s.kind === SymbolKind.Module).length, 6);
    assert.equal(flatten(none).filter(({ symbol }) => symbol.kind === SymbolKind.Struct).length, 3);
    // Not a number: the default; no bound at all (Infinity): every one.
    assert.equal(listed(symbols(doc, { maxSubItems: Number.NaN })).length, 1000);
    assert.deepStrictEqual(listed(symbols(doc, { maxSubItems: Number.POSITIVE_INFINITY })), all);
    // The same version asked with another limit: its own answer each time, not the one made first.
    assert.equal(listed(symbols(doc, { maxSubItems: 10 })).length, 10);
    assert.equal(listed(symbols(doc)).length, 1000);
  });

  test('typing before, at and after the cut: the outline is a fresh parse’s, with the same limit', () => {
    const limits = [1000, 7, 0, 100_000];
    // Each section's symbol is kept between versions; what it may list depends on the sections before it.
    const places = ['第3项工作。', '第601项工作。', '第1499项工作。', '第1500项工作。', '依申请公开', '第2项工作。'].map((w) => text.indexOf(w));
    for (const at of places) {
      assert.ok(at > 0);
      let current = doc;
      let currentText = text;
      for (const limit of limits) symbols(current, { maxSubItems: limit });
      for (const typed of ['的', '']) {
        const change = typed ? { range: { start: at + 2, end: at + 2 }, text: typed } : { range: { start: at + 2, end: at + 3 }, text: '' };
        currentText = currentText.slice(0, change.range.start) + change.text + currentText.slice(change.range.end);
        current = updateDocument(current, [change]);
        const fresh = parseDocument(currentText);
        for (const limit of limits) assert.deepStrictEqual(symbols(current, { maxSubItems: limit }), symbols(fresh, { maxSubItems: limit }), `limit ${limit}, typed at ${at}`);
      }
    }
  });
});

describe('the outline of a part an edit did not reach is not made again (issue 14)', () => {
  const SEEDS = FILES.filter((f) => f.startsWith('seeds/'));
  // The section symbol that holds a table (the table is listed under the section it starts in).
  const holding = (tree: DocumentSymbol[], kind: 't2' | 't3' | 't4') => tree.find((s) => s.kind === SymbolKind.Module && (s.children ?? []).some((c) => c.kind === SymbolKind.Struct && c.name === TABLE_NAMES[kind]));
  const insert = (text: string, at: number, typed: string) => {
    const change = { range: { start: at, end: at }, text: typed };
    return { change, after: applyChange(text, change) };
  };

  for (const file of SEEDS) {
    test(`${file}: typing in prose before the tables keeps the symbols of the sections after it, tables and all; a figure typed in 表三 makes its section's again`, () => {
      const text = readFixture(file);
      const doc = parseDocument(text);
      const tree = symbols(doc);
      // A character typed between two Chinese characters of a paragraph before the tables, where the edit keeps the
      // structure (the keystroke path: no numbering, figure or line break changes).
      const firstTable = Math.min(...[doc.report.tables.t2, doc.report.tables.t3, doc.report.tables.t4].map((t) => t?.range.start ?? Infinity));
      const han = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fff]/.test(c);
      let prose: ReturnType<typeof insert> | undefined;
      let typed: ReturnType<typeof updateDocument> | undefined;
      let para: { range: { start: number; end: number } } | undefined;
      for (const p of doc.report.sections.flatMap((s) => s.paragraphs).filter((p) => p.range.end < firstTable)) {
        for (let at = p.range.end - 2; at > p.range.start + 1 && !typed?.changes; at--) {
          if (!han(text[at - 1]) || !han(text[at])) continue;
          prose = insert(text, at, '的');
          typed = updateDocument(doc, [prose.change]);
          para = p;
        }
        if (typed?.changes) break;
      }
      assert.ok(prose && typed?.changes && para, 'a keystroke in prose before the tables');
      const kept = symbols(typed);
      assert.deepStrictEqual(kept, symbols(parseDocument(prose.after)), 'the outline of a fresh parse');
      let checked = 0;
      for (const kind of ['t2', 't3', 't4'] as const) {
        const section = holding(tree, kind);
        if (!section || !doc.report.tables[kind] || doc.report.tables[kind].range.start <= para.range.end) continue;
        // Moved whole with its table (a copy of it with its offsets shifted): the very symbol, not one made again.
        assert.equal(holding(kept, kind), section, `${section.name}: kept`);
        checked++;
      }
      assert.ok(checked > 0, 'a table after the edit');
      // A digit typed in 表三 reads the table again: its section's symbol is made again, and is a fresh parse's.
      const cell = typed.report.tables.t3?.rows.flatMap((r) => r.cells).find((c) => c.kind === 'number');
      assert.ok(cell, '表三 has a figure');
      const figure = insert(prose.after, cell.range.end, '1');
      const again = symbols(updateDocument(typed, [figure.change]));
      assert.deepStrictEqual(again, symbols(parseDocument(figure.after)));
      assert.notEqual(holding(again, 't3'), holding(kept, 't3'), 'made again after a figure changed');
    });
  }
});
