// Hovers: over a table number, the identities it takes part in, computed,
// with what a broken one should be (or why no single fix is safe); over a row
// label, the row's total; over a section heading, the template's title and
// what the section must contain; over prose, see prose-hover.ts.

import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { messagesFor, type Lang, type Messages } from '../i18n';
import { cellValue, determinedBlanks, evaluate, identityValue, isBlank, reportIdentities, type Evaluation, type Term } from '../identities';
import type { Cell, Range, Report, TableRow } from '../model';
import { findRepairs, repairFor, type RepairAnswer } from '../repair';
import { proseHoverAt } from './prose-hover';
import { SECTIONS, TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS, table2Form } from '../template';
import type { LineIndex } from '../text/lines';

export function hoverAt(report: Report, lines: LineIndex, offset: number, lang: Lang = 'zh'): Hover | undefined {
  const m = messagesFor(lang);
  const found = cellHover(report, offset, lang) ?? labelHover(report, offset, m) ?? headingHover(report, offset, m) ?? proseHoverAt(report, offset, lang);
  if (!found) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: lines.rangeOf(found.range) };
}

interface Found {
  markdown: string;
  range: Range;
}

const within = (r: Range, offset: number) => offset >= r.start && (offset < r.end || (r.start === r.end && offset === r.start) || offset === r.end);

// ------------------------------------------------------------------ cells

interface Located {
  cell: Cell;
  title: string;
}

function locateCell(report: Report, offset: number): Located | undefined {
  const { t2, t3, t4 } = report.tables;
  for (const row of t3?.rows ?? []) {
    const c = row.cells.findIndex((cell) => cell.kind !== 'missing' && within(cell.range, offset));
    if (c >= 0) return { cell: row.cells[c]!, title: `表三 · ${TABLE3_ROWS.find((r) => r.id === row.id)!.label} · ${TABLE3_COLUMNS[c]!.label}` };
  }
  if (t4) {
    const k = t4.cells.findIndex((cell) => cell.kind !== 'missing' && within(cell.range, offset));
    if (k >= 0) {
      const g = TABLE4_GROUPS[Math.floor(k / 5)]!;
      return { cell: t4.cells[k]!, title: `表四 · ${g.parent ? `${g.parent}·` : ''}${g.label} · ${TABLE4_COLUMNS[k % 5]!.label}` };
    }
  }
  for (const block of t2?.blocks ?? []) {
    const spec = TABLE2_BLOCKS.find((b) => b.id === block.id)!;
    const form = table2Form(spec, block.legacy);
    for (const row of block.rows) {
      const c = row.cells.findIndex((cell) => cell.kind !== 'missing' && within(cell.range, offset));
      if (c >= 0) return { cell: row.cells[c]!, title: `表二 · ${spec.caption} · ${form.rows.find((r) => r.id === row.id)?.label ?? row.label.text} · ${form.columns[c]?.label ?? ''}` };
    }
  }
  return undefined;
}

/** Why a cell was not read with certainty: the shape problem of its table that covers it (run together, out of order, lost cells…). */
function uncertainReason(report: Report, cell: Cell, m: Messages): string | undefined {
  for (const table of [report.tables.t2, report.tables.t3, report.tables.t4]) {
    const problem = table?.problems.find((p) => p.range.start <= cell.range.start && cell.range.end <= p.range.end);
    if (table && problem) return m['table.shape'].message(table.kind, problem.detail);
  }
  return undefined;
}

function cellHover(report: Report, offset: number, lang: Lang): Found | undefined {
  const located = locateCell(report, offset);
  if (!located) return undefined;
  const { cell, title } = located;
  const m = messagesFor(lang);
  const says = m.hover;
  const lines = [says.cell(title, cell)];
  if (!cell.certain) lines.push('', uncertainReason(report, cell, m) ?? says.inferred);
  else if (isBlank(cell)) lines.push('', says.blank(determinedBlanks(report).get(cell)?.value));
  const identities = reportIdentities(report).filter((i) => [...i.left, ...i.right].some((t) => t.cell === cell));
  if (identities.length > 0) {
    const answers = findRepairs(report, lang);
    lines.push('', says.tableHeader, '|---|---|---|');
    const notes: string[] = [];
    for (const identity of identities) {
      const e = evaluate(identity);
      lines.push(`| ${says.identity(identity.kind, identity.subject)} | ${e ? formula(e, m) : says.notComputed} | ${e ? (e.holds ? '✓' : '✗') : ''} |`);
      if (e && !e.holds) {
        const note = repairNote(repairFor(answers, identity), cell, m);
        if (note && !notes.includes(note)) notes.push(note);
      }
    }
    if (notes.length) lines.push('', ...notes);
  }
  return { markdown: lines.join('\n'), range: cell.range };
}

/** The identity computed; a blank shows the value determined for it (an evaluated identity has no unknown). */
function formula(e: Evaluation, m: Messages): string {
  const value = (t: Term) => identityValue(e.identity, t.cell)!;
  const terms = (ts: Term[]) => {
    const shown = ts.length > 8 ? ts.filter((t) => value(t) !== 0) : ts;
    const text = shown.map((t) => `${t.label} ${m.sums.value(t.cell, value(t))}`).join(' + ');
    return shown.length < ts.length ? m.hover.othersZero(text) : text;
  };
  const { left, right } = e.identity;
  if (left.length === 1) return `${left[0]!.label} ${m.sums.value(left[0]!.cell, e.left)} ${e.holds ? '=' : '≠'} ${terms(right)} = ${e.right}`;
  if (e.holds) return `${terms(left)} = ${terms(right)} = ${e.left}`;
  return `${terms(left)} = ${e.left} ≠ ${e.right} = ${terms(right)}`;
}

function repairNote(answer: RepairAnswer | undefined, cell: Cell, m: Messages): string | undefined {
  if (!answer) return undefined;
  if (answer.kind === 'ambiguous') return m.hover.noFix(answer.reason);
  const { repair } = answer;
  if (repair.cell === cell) return m.hover.thisCell(repair.value);
  return m.hover.otherCell(repair.cell.text, repair.value);
}

// ------------------------------------------------------------------ labels and headings

function labelHover(report: Report, offset: number, m: Messages): Found | undefined {
  const t3 = report.tables.t3;
  const row = t3?.rows.find((r) => r.label.range.end > r.label.range.start && within(r.label.range, offset));
  if (!row) return undefined;
  const spec = TABLE3_ROWS.find((r) => r.id === row.id)!;
  const lines = [`**表三 · ${spec.label}**`, '', rowSummary(report, row)];
  const rowIdentity = reportIdentities(report).find((i) => i.kind === 't3.row' && i.left[0]!.cell === row.cells[6]);
  const e = rowIdentity && evaluate(rowIdentity);
  if (e) lines.push('', m.hover.rowTotal(formula(e, m), e.holds));
  return { markdown: lines.join('\n'), range: row.label.range };
}

/** The row's values; '?' for an unknown, a blank's determined value in parentheses. */
function rowSummary(report: Report, row: TableRow): string {
  const header = `| ${TABLE3_COLUMNS.map((c) => c.label).join(' | ')} |`;
  const rule = `|${TABLE3_COLUMNS.map(() => '---:').join('|')}|`;
  const shown = (c: Cell) => {
    const v = cellValue(report, c);
    return v === undefined ? '?' : c.kind === 'number' ? String(v) : `(${v})`;
  };
  const values = `| ${row.cells.map(shown).join(' | ')} |`;
  return [header, rule, values].join('\n');
}

function headingHover(report: Report, offset: number, m: Messages): Found | undefined {
  const section = report.sections.find((s) => within(s.heading.range, offset));
  if (!section) return undefined;
  const spec = SECTIONS.find((s) => s.id === section.heading.sectionId)!;
  const lines = [m.hover.heading(spec, spec.title), '', m.hover.contains(spec.id, spec.contains)];
  if (spec.aliases.length) lines.push('', m.hover.aliases(spec.aliases));
  return { markdown: lines.join('\n'), range: section.heading.range };
}
