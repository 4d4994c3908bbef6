// The parsed tables as aligned text grids (the CLI's `tables` command), so
// anyone can see what the parser understood.

import { messagesFor, type Lang, type Messages } from '../i18n';
import type { Cell, Report, TableRow } from '../model';
import { TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS, TABLE_NAMES, table2Form } from '../template';

export function formatTables(report: Report, lang: Lang = 'zh'): string {
  const m = messagesFor(lang);
  const says = m.tablesText;
  const cellText = (c: Cell) => cellShown(c, says);
  const labelOf = (label: string, row: TableRow) => (row.alignment === 'exact' ? label : `${label} [${row.alignment === 'inferred' ? says.inferred : says.unaligned}]`);
  const out: string[] = [];
  const { t2, t3, t4 } = report.tables;
  out.push(`## ${TABLE_NAMES.t2}`);
  if (!t2) out.push(says.notFound);
  else {
    out.push(says.layout('t2', t2.layout, t2.legacy));
    for (const block of t2.blocks) {
      const spec = TABLE2_BLOCKS.find((b) => b.id === block.id)!;
      const form = table2Form(spec, block.legacy);
      out.push('', `### ${spec.caption}${block.statedDecimals !== undefined ? says.decimals(block.statedDecimals) : ''}`);
      const header = ['信息内容', ...form.columns.map((c) => c.label)];
      const rows = block.rows.map((r) => [labelOf(form.rows.find((s) => s.id === r.id)?.label ?? r.label.text, r), ...r.cells.map(cellText)]);
      out.push(...grid([header, ...rows]));
    }
  }
  out.push('', `## ${TABLE_NAMES.t3}`);
  if (!t3) out.push(says.notFound);
  else {
    out.push(says.layout('t3', t3.layout, t3.legacy));
    const header = ['', ...TABLE3_COLUMNS.map((c) => c.label)];
    const rows = t3.rows.map((r) => [labelOf(TABLE3_ROWS.find((s) => s.id === r.id)!.label, r), ...r.cells.map(cellText)]);
    out.push(...grid([header, ...rows]));
  }
  out.push('', `## ${TABLE_NAMES.t4}`);
  if (!t4) out.push(says.notFound);
  else {
    out.push(says.layout('t4', t4.layout, false));
    const header = ['', ...TABLE4_COLUMNS.map((c) => c.label)];
    const rows = TABLE4_GROUPS.map((g, k) => [g.label, ...t4.cells.slice(k * 5, k * 5 + 5).map(cellText)]);
    out.push(...grid([header, ...rows]));
  }
  const problems = ([t2, t3, t4] as const).flatMap((t) => t?.problems.map((p) => m['table.shape'].message(t.kind, p.detail)) ?? []);
  if (problems.length) out.push('', says.problems, ...problems.map((p) => `- ${p}`));
  return out.join('\n') + '\n';
}

function cellShown(c: Cell, says: Messages['tablesText']): string {
  switch (c.kind) {
    case 'number': return c.text;
    case 'blank': return says.blank;
    case 'placeholder': return `(${c.text})`;
    case 'invalid': return `!${c.text}`;
    case 'missing': return c.value === undefined ? '?' : `(${c.value})`;
  }
}

/** Pads columns to a common display width (CJK characters count as two). */
function grid(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - displayWidth(c))).join('  ').trimEnd());
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}
