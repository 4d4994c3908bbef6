// Document symbols for the Outline, breadcrumbs and Go to Symbol: the six
// sections with their sub-items, each table under its section with its row
// groups.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { messagesFor, type Lang, type Messages } from '../i18n';
import type { Range, Report, Section, SubItem, Table, Table2, Table3, Table4, TableRow } from '../model';
import { SECTIONS, TABLE2_BLOCKS, TABLE3_GROUPS, TABLE3_ROWS, TABLE4_GROUPS, TABLE_NAMES, table2Form } from '../template';
import type { TextView } from '../text/edit-ranges';
import type { LineIndex } from '../text/lines';
import { contentEnd, subItemCount, subItemExtents } from '../outline';
import { tableKeyOf, textKeyOf } from '../report-delta';
import { sameElements } from '../arrays';

/**
 * The most sub-items the outline lists by default (govReport.outline.maxSubItems). A real report has tens;
 * thousands mean a text read wrongly or made by a program, and every outline answer carries them all as JSON
 * (on a report of 8,600 sub-items, 1.8 MB a keystroke). VS Code's JSON and tsserver cap their outlines the same
 * way (5,000 and 3,000 items); this is the same bound as the diagnostics'.
 */
export const MAX_OUTLINE_SUB_ITEMS = 1000;

/**
 * `lang`: the language of the few words the outline adds to the document's own (an untitled entry, a note).
 * `maxSubItems`: sub-items are listed in document order up to this many; sections and tables always are, and a
 * section whose sub-items were cut says so in its detail.
 */
export function documentSymbols(report: Report, text: TextView, index: LineIndex, lang: Lang = 'zh', maxSubItems = MAX_OUTLINE_SUB_ITEMS): DocumentSymbol[] {
  const m = messagesFor(lang).symbols;
  const toLsp = (r: Range) => index.rangeOf(r);
  // Editors reject a symbol whose selection lies outside it, and nest by
  // containment: a range grows to hold its children, a selection is clamped
  // into its range, whatever order a damaged table's rows came in.
  // Each symbol's range in offsets, so a parent grows to hold its children without converting positions back.
  // A Map, not a WeakMap: it lives for this call only, and thousands of weak entries cost the collector more.
  const offsets = new Map<DocumentSymbol, Range>();
  const make = (name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range, children: DocumentSymbol[] = []): DocumentSymbol => {
    const full = { start: Math.min(range.start, range.end), end: Math.max(range.start, range.end) };
    for (const c of children) {
      const r = offsets.get(c)!;
      if (r.start < full.start) full.start = r.start;
      if (r.end > full.end) full.end = r.end;
    }
    const sel = { start: clampInto(full, selection.start), end: clampInto(full, Math.max(selection.start, selection.end)) };
    // A leaf carries no `children` (the protocol's field is optional): on a report of thousands of sub-items,
    // the empty lists were a sixteenth of every outline answer.
    const symbol = DocumentSymbol.create(name || m.untitled, detail, kind, toLsp(full), toLsp(sel), children.length > 0 ? children : undefined);
    offsets.set(symbol, full);
    return symbol;
  };

  const tables = [report.tables.t2, report.tables.t3, report.tables.t4].filter((t): t is Table => !!t);
  const placed = new Set<Table>();
  const symbols: DocumentSymbol[] = [];
  let allowance = Number.isNaN(maxSubItems) ? MAX_OUTLINE_SUB_ITEMS : Math.max(0, Math.floor(maxSubItems));
  for (const section of report.sections) {
    const starts = (t: Table) => t.range.start >= section.range.start && t.range.start <= section.range.end;
    const own = tables.filter((t) => !placed.has(t) && starts(t));
    for (const t of own) placed.add(t);
    // The tables that start in it (one placed in the section before, at their common edge, too) stretch its range.
    const within = tables.filter((t) => placed.has(t) && starts(t));
    const key = textKeyOf(section);
    const kept = keptSections.get(key);
    const ownKeys = own.map(tableKeyOf);
    const withinKeys = within.map(tableKeyOf);
    if (kept && kept.lang === lang && Math.min(allowance, kept.total) === kept.listed && sameElements(kept.own, ownKeys) && sameElements(kept.within, withinKeys)) {
      symbols.push(kept.symbol);
      allowance -= kept.listed;
      continue;
    }
    const items = subItemSymbols(section, text, make, allowance);
    const children = items.symbols;
    for (const t of own) children.push(tableSymbol(t, make, m));
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const spec = SECTIONS.find((s) => s.id === section.heading.sectionId)!;
    const name = text.slice(section.heading.range.start, section.heading.range.end).trim();
    const cut = items.listed < items.total ? m.subItemsCut(items.listed, items.total) : undefined;
    const titleNote = section.heading.title === spec.title ? undefined : spec.title;
    const detail = titleNote && cut ? `${titleNote} · ${cut}` : (titleNote ?? cut);
    const range = { start: section.range.start, end: Math.max(section.range.end, ...within.map((t) => t.range.end)) };
    const symbol = make(name, detail, SymbolKind.Module, range, section.heading.range, children);
    keptSections.set(key, { lang, listed: items.listed, total: items.total, own: ownKeys, within: withinKeys, symbol });
    symbols.push(symbol);
    allowance -= items.listed;
  }
  for (const t of tables) if (!placed.has(t)) symbols.push(tableSymbol(t, make, m));
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

/**
 * A section's symbol, kept by the key of its lines and their text (issue 14: the outline of an unchanged part is
 * not made again). A version shares with the one before it the sections wholly before an edit, the very same
 * objects; a section an edit moved whole is a new object with the same key (textKeyOf), one an edit reached a
 * new key. Kept with the keys of the tables placed in it (tableKeyOf), which must be the same too: a table moved
 * whole with its section has the key it had, one read again a new one. Symbols are values: none is changed after
 * it is made.
 */
interface KeptSection {
  readonly lang: Lang;
  /** How many of its sub-items the symbol lists, of how many: it serves wherever the outline may list that many. */
  readonly listed: number;
  readonly total: number;
  readonly own: readonly object[];
  readonly within: readonly object[];
  readonly symbol: DocumentSymbol;
}

const keptSections = new WeakMap<object, KeptSection>();

function clampInto(range: Range, x: number): number {
  return Math.max(range.start, Math.min(range.end, x));
}

type Make = (name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range, children?: DocumentSymbol[]) => DocumentSymbol;

/** The symbols of a section's sub-items, at most `allowance` of them, in document order (a parent before its children). */
function subItemSymbols(section: Section, text: TextView, make: Make, allowance: number): { symbols: DocumentSymbol[]; listed: number; total: number } {
  // None listed (the sections before took the bound): only how many there are, for the section's note.
  if (allowance <= 0) return { symbols: [], listed: 0, total: subItemCount(section) };
  const extents = subItemExtents(section);
  const ends = new Map(extents.map((e) => [e.item, e]));
  const endOf = (item: SubItem): number => contentEnd(section, ends.get(item)!, text);
  let listed = 0;
  // In document order, a parent before its children: the cut falls after the last item listed.
  const build = (item: SubItem): DocumentSymbol => {
    listed++;
    const children: DocumentSymbol[] = [];
    for (const child of item.children) if (listed < allowance) children.push(build(child));
    return make(`${item.numbering.text}${item.title}`, undefined, SymbolKind.String, { start: item.range.start, end: endOf(item) }, item.range, children);
  };
  const symbols: DocumentSymbol[] = [];
  for (const item of section.subItems) if (listed < allowance) symbols.push(build(item));
  return { symbols, listed, total: extents.length };
}

function tableSymbol(table: Table, make: Make, m: Messages['symbols']): DocumentSymbol {
  switch (table.kind) {
    case 't2': return make(TABLE_NAMES.t2, undefined, SymbolKind.Struct, table.range, table.range, table2Children(table, make));
    case 't3': return make(TABLE_NAMES.t3, table.legacy ? m.legacyOther : undefined, SymbolKind.Struct, table.range, table.range, table3Children(table, make));
    case 't4': return make(TABLE_NAMES.t4, undefined, SymbolKind.Struct, table.range, table.range, table4Children(table, make));
  }
}

function rowSymbol(label: string, row: TableRow, make: Make): DocumentSymbol {
  return make(label, row.cells.map((c) => c.text || '·').join(' '), SymbolKind.Field, row.range, row.label.range.end > row.label.range.start ? row.label.range : row.range);
}

function table2Children(table: Table2, make: Make): DocumentSymbol[] {
  return table.blocks.map((block) => {
    const spec = TABLE2_BLOCKS.find((b) => b.id === block.id)!;
    const rows = block.rows.map((r) => rowSymbol(table2Form(spec, block.legacy).rows.find((s) => s.id === r.id)?.label ?? r.label.text, r, make));
    const start = Math.min(block.range.start, ...block.rows.map((r) => r.range.start));
    const range = { start, end: Math.max(block.range.end, ...block.rows.map((r) => r.range.end)) };
    return make(spec.caption, undefined, SymbolKind.Namespace, range, block.caption.range.end > block.caption.range.start ? block.caption.range : range, rows);
  });
}

function table3Children(table: Table3, make: Make): DocumentSymbol[] {
  const labelOf = (id: string) => TABLE3_ROWS.find((r) => r.id === id)!.label;
  const groupOf = (id: string) => TABLE3_ROWS.find((r) => r.id === id)!.group;
  const out: DocumentSymbol[] = [];
  const results = table.rows.filter((r) => groupOf(r.id));
  // Rows are in template order, which a damaged table need not follow.
  const span = (rows: TableRow[]): Range => ({ start: Math.min(...rows.map((r) => r.range.start)), end: Math.max(...rows.map((r) => r.range.end)) });
  for (const row of table.rows) {
    if (!groupOf(row.id)) out.push(rowSymbol(labelOf(row.id), row, make));
  }
  if (results.length > 0) {
    const inner: DocumentSymbol[] = [];
    for (const row of results.filter((r) => groupOf(r.id) === 'results')) inner.push(rowSymbol(labelOf(row.id), row, make));
    for (const g of TABLE3_GROUPS.filter((g) => g.parent === 'results')) {
      const rows = results.filter((r) => groupOf(r.id) === g.id);
      if (rows.length) inner.push(make(g.label, undefined, SymbolKind.Namespace, span(rows), rows[0]!.label.range, rows.map((r) => rowSymbol(labelOf(r.id), r, make))));
    }
    inner.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const group = TABLE3_GROUPS.find((g) => g.id === 'results')!;
    out.push(make(group.label, undefined, SymbolKind.Namespace, span(results), results[0]!.label.range, inner));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function table4Children(table: Table4, make: Make): DocumentSymbol[] {
  return TABLE4_GROUPS.map((g, k) => {
    const cells = table.cells.slice(k * 5, k * 5 + 5).filter((c) => c.kind !== 'missing');
    if (cells.length === 0) return undefined;
    const range = { start: Math.min(...cells.map((c) => c.range.start)), end: Math.max(...cells.map((c) => c.range.end)) };
    return make(g.parent ? `${g.parent}（${g.label}）` : g.label, cells.map((c) => c.text).join(' '), SymbolKind.Field, range, range);
  }).filter((s): s is DocumentSymbol => !!s);
}
