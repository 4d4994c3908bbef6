// Reading the model's tables by template ids, for rules and hovers.

import type { Cell, Report, Table3, TableRow } from '../model';
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../template';

export function t3Row(table: Table3, id: string): TableRow | undefined {
  return table.rows.find((r) => r.id === id);
}

export function t3Label(id: string): string {
  return TABLE3_ROWS.find((r) => r.id === id)?.label ?? id;
}

/** Short label for messages: "（七）总计" stays, long labels are cut at their first bracket. */
export function t3ShortLabel(id: string): string {
  const label = t3Label(id);
  return label.replace(/（区分处理的[^）]*）$/, '');
}

export const T3_COLUMN_LABELS = TABLE3_COLUMNS.map((c) => c.label);

/** The leaf rows of 三 that make up （七）总计, as present in this table. */
export function outcomeRows(table: Table3): TableRow[] {
  const ids = new Set(TABLE3_ROWS.filter((r) => r.outcome && (table.legacy ? !r.id.startsWith('other.') : r.id !== 'other')).map((r) => r.id));
  return table.rows.filter((r) => ids.has(r.id));
}

export function t4Cell(report: Report, group: number, column: number): Cell | undefined {
  return report.tables.t4?.cells[group * TABLE4_COLUMNS.length + column];
}

export function t4Label(group: number, column: number): string {
  const g = TABLE4_GROUPS[group]!;
  return `${g.parent ? `${g.parent}·` : ''}${g.label}·${TABLE4_COLUMNS[column]!.label}`;
}
