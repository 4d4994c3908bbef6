// What must hold for any input, however hostile: the core answers without
// throwing, every range it gives (findings, related locations, fix edits,
// symbols, folding, every range and offset in the report model) lies inside
// the document, and the time it takes grows at most linearly.

import assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { Finding, TextEdit } from '../../server/src/core/rules/types';
import { actions, check, FIX_ALL_KIND, folding, hover, parseDocument, symbols, type ParsedDocument } from '../../server/src/core/service';

export interface Everything {
  doc: ParsedDocument;
  findings: Finding[];
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
  ms: number;
}

export interface RunOptions {
  /** Hover requests spread over the document (default 4). */
  hoverProbes?: number;
  /** Ask for quick fixes and fix-all too (default true; each runs the rules again). */
  actions?: boolean;
}

/** Parse, check, outline, folding, hovers and code actions: all of it must answer. */
export function runEverything(text: string, options: RunOptions = {}): Everything {
  const hoverProbes = options.hoverProbes ?? 4;
  const t0 = performance.now();
  const doc = parseDocument(text);
  const findings = check(doc);
  const syms = symbols(doc);
  const folds = folding(doc);
  const ms = performance.now() - t0;
  const n = text.length;
  for (let k = 0; k < hoverProbes; k++) {
    const h = hover(doc, Math.floor((n * (k + 0.5)) / hoverProbes));
    if (h?.range) assertLspRange(doc, h.range, 'hover');
  }
  if (options.actions !== false) {
    actions(doc, { uri: 'file:///fuzz.txt', version: 1, range: { start: 0, end: n } });
    actions(doc, { uri: 'file:///fuzz.txt', version: 1, range: { start: 0, end: n }, only: [FIX_ALL_KIND] });
  }
  return { doc, findings, symbols: syms, folding: folds, ms };
}

export function assertRange(length: number, r: { start: number; end: number }, what: string): void {
  const ok = Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length;
  if (!ok) assert.fail(`${what}: range ${r.start}–${r.end} outside the document (length ${length})`);
}

export function assertFindingRanges(length: number, findings: readonly Finding[]): void {
  for (const f of findings) {
    assertRange(length, f.range, `${f.code} finding`);
    for (const r of f.related ?? []) assertRange(length, r.range, `${f.code} related “${r.message}”`);
    for (const e of f.fix?.edits ?? []) assertRange(length, e.range, `${f.code} fix edit`);
    assertNoOverlap(f.fix?.edits ?? [], `${f.code} fix “${f.fix?.title}”`);
  }
}

export function assertNoOverlap(edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.range.start < sorted[i - 1]!.range.end) assert.fail(`${what}: overlapping edits`);
  }
}

/** Every {start, end} pair and every `offset` anywhere in the report model. */
export function assertModelRanges(doc: ParsedDocument): number {
  const length = doc.text.length;
  assert.equal(doc.report.textLength, length, 'report.textLength');
  let checked = 0;
  const seen = new Set<object>();
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      assertRange(length, o as { start: number; end: number }, `model ${path}`);
      checked++;
    }
    // Paragraph segments ({ at, offset }) and any other bare offset.
    if (typeof o.offset === 'number' && !(Number.isInteger(o.offset) && o.offset >= 0 && o.offset <= length)) assert.fail(`model ${path}.offset: ${o.offset} outside the document (length ${length})`);
    for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(doc.report, 'report');
  // Everything a table holds lies inside the table (the outline nests by it).
  const { t2, t3, t4 } = doc.report.tables;
  for (const t of [t2, t3, t4]) {
    if (!t) continue;
    const inside = (r: { start: number; end: number }, what: string) => {
      if (r.start < t.range.start || r.end > t.range.end) assert.fail(`model ${t.kind}: ${what} ${r.start}–${r.end} outside the table ${t.range.start}–${t.range.end}`);
    };
    const rows = t.kind === 't2' ? t.blocks.flatMap((b) => (inside(b.range, `block ${b.id}`), b.rows)) : t.kind === 't3' ? t.rows : [];
    for (const r of rows) {
      inside(r.range, `row ${r.id}`);
      for (const c of r.cells) if (c.kind !== 'missing') inside(c.range, `cell of row ${r.id}`);
    }
    if (t.kind === 't4') for (const c of t.cells) if (c.kind !== 'missing') inside(c.range, 'cell');
  }
  return checked;
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** An LSP range whose both ends are real positions of the document, start ≤ end. */
export function assertLspRange(doc: ParsedDocument, r: LspRange, what: string): void {
  for (const p of [r.start, r.end]) {
    const ok = Number.isInteger(p.line) && p.line >= 0 && p.line < doc.lines.lineCount && p.character >= 0 && doc.lines.offsetAt(p) - doc.lines.offsetAt({ line: p.line, character: 0 }) === p.character;
    if (!ok) assert.fail(`${what}: position ${p.line}:${p.character} is not in the document`);
  }
  if (before(r.end, r.start)) assert.fail(`${what}: ends before it starts`);
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);

export function assertSymbols(doc: ParsedDocument, list: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of list) {
    assertLspRange(doc, s.range, `symbol “${s.name}”`);
    assertLspRange(doc, s.selectionRange, `symbol “${s.name}” selection`);
    // VS Code rejects the whole outline when a selection lies outside its symbol.
    if (before(s.selectionRange.start, s.range.start) || before(s.range.end, s.selectionRange.end)) assert.fail(`symbol “${s.name}”: selectionRange outside range`);
    if (parent && (before(s.range.start, parent.range.start) || before(parent.range.end, s.range.end))) assert.fail(`symbol “${s.name}” outside its parent “${parent.name}”`);
    assertSymbols(doc, s.children ?? [], s);
  }
}

export function assertFolding(doc: ParsedDocument, list: readonly FoldingRange[]): void {
  for (const f of list) {
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < doc.lines.lineCount)) assert.fail(`folding ${f.startLine}–${f.endLine} outside lines 0–${doc.lines.lineCount - 1}`);
  }
}

/** All the range invariants at once; returns the run for further checks. */
export function assertAllInside(text: string, options: RunOptions = {}): Everything {
  const all = runEverything(text, options);
  assertFindingRanges(text.length, all.findings);
  assertModelRanges(all.doc);
  assertSymbols(all.doc, all.symbols);
  assertFolding(all.doc, all.folding);
  return all;
}

/**
 * A generous linear bound: `perK` ms per 1000 UTF-16 units plus a constant
 * for start-up noise (JIT, GC) on a loaded 2-core machine.
 */
export function linearBudgetMs(length: number, perK = 40, base = 250): number {
  return base + (perK * length) / 1000;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
