// What breadcrumbs and Go to Symbol (Ctrl+Shift+O) need from the document
// symbols (core/features/symbols.ts), on every real report: each symbol's
// selection inside its range and each child inside its parent (else VS Code
// drops the symbol or the breadcrumb path breaks), names that say what the
// thing is, and sections, tables, row groups and table rows all present.
// Run: node --import tsx --test test/unit/parse/outline.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver-types';
import { parseDocument, symbols } from '../../../server/src/core/service';
import { TABLE2_BLOCKS, TABLE3_ROWS, table3RowsFor } from '../../../server/src/core/template';
import { fixtureFiles, readFixture } from '../../helpers/fixtures';

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
