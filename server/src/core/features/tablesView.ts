// The parsed tables as a JSON view for the table preview (`govReport/tables`):
// 表二, 表三 and 表四 in template order, each cell with its text, value and LSP
// range, the findings that touch it, the value the repair solver says it
// should have, and the sums the 勾稽关系 compute (identities.ts). Plain data:
// the client draws it (server/src/core/features/previewHtml.ts) without knowing the template.

import type { Range as LspRange } from 'vscode-languageserver-types';
import { messagesFor, type Lang } from '../i18n';
import { determinedBlanks, evaluate, reportIdentities, type Identity } from '../identities';
import type { Cell, CellKind, Range, Report, Table, Table2Block, TableLayout, TableRow } from '../model';
import { findRepairs } from '../repair';
import type { Finding, Severity } from '../rules/types';
import {
  table2Form,
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_ROWS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE_NAMES,
  table3RowsFor,
} from '../template';
import { reportStatus } from './status';

/** Offsets → LSP range; LineIndex fits. */
export interface RangeMapper {
  rangeOf(range: Range): LspRange;
}

export interface ProblemView {
  code: string;
  severity: Severity;
  message: string;
  range: LspRange;
}

export interface CellView {
  /** The text as written ('' for a blank or a cell lost in export). */
  text: string;
  kind: CellKind;
  value: number | null;
  /** False when the column was inferred (a row that lost cells in export). */
  certain: boolean;
  range: LspRange;
  problems: ProblemView[];
  /**
   * The value the one safe repair gives this cell (the cell that mends every
   * broken sum), or for a blank the value the identities determine; else null.
   */
  expected: number | null;
  /** Last year's figure for this cell, from the same agency's report of the year before (issue 15), where one was found. */
  lastYear?: { text: string; year: number; file: string };
}

export interface LabelView {
  /** The template's wording. */
  text: string;
  /** The wording in the document ('' when the row was not found). */
  written: string;
  range: LspRange | null;
  problems: ProblemView[];
}

/** A computed value next to the one written: `value` (computed) against `against` (written). */
export interface ComputedView {
  value: number | null;
  against: number | null;
  /** null when some cell could not be read with certainty: nothing is claimed then. */
  holds: boolean | null;
  /** What was added up, e.g. "自然人 + 商业企业 + …". */
  formula: string;
}

export interface RowView {
  id: string;
  label: LabelView;
  /** One per template column ([] when the row was not found). */
  cells: CellView[];
  found: boolean;
  alignment: TableRow['alignment'] | 'absent';
  /** Findings about the whole row (e.g. a row that lost a cell in export). */
  problems: ProblemView[];
  /** 表三: the template row group (results, deny, unable, refuse, other). */
  group: string | null;
  /** 表三: the six applicant columns added up, against the row's 总计. */
  computed: ComputedView | null;
}

interface TableViewBase {
  title: string;
  layout: TableLayout;
  legacy: boolean;
  range: LspRange;
  /** Findings inside the table that belong to no single cell or row. */
  problems: ProblemView[];
}

export interface Table2BlockView {
  id: string;
  caption: LabelView;
  /** The header after 信息内容, one per value column. */
  columns: LabelView[];
  rows: RowView[];
  found: boolean;
  money: boolean;
  statedDecimals: number | null;
}

export interface Table2View extends TableViewBase {
  blocks: Table2BlockView[];
}

export interface Table3View extends TableViewBase {
  /** The seven numeric columns; `group` is 法人或其他组织 for the five in the middle. */
  columns: { id: string; label: string; group: string | null }[];
  groups: { id: string; label: string; parent: string | null }[];
  rows: RowView[];
  /** Per column: the leaf rows of 三 added up, against （七）总计. */
  leafSums: ComputedView[];
  /** Per column: 一 + 二, against （七）总计 + 四. */
  balance: ComputedView[];
}

export interface Table4GroupView {
  id: string;
  label: string;
  parent: string | null;
  cells: CellView[];
  /** The four results added up, against the group's 总计. */
  computed: ComputedView | null;
}

export interface Table4View extends TableViewBase {
  columns: string[];
  groups: Table4GroupView[];
}

export interface TablesView {
  template: 2021 | 2019;
  layout: TableLayout | null;
  t2: Table2View | null;
  t3: Table3View | null;
  t4: Table4View | null;
}

/** `lang`: the language of the texts the view itself writes (the findings' messages are already in it). */
/** A cell's counterpart in last year's report, by this year's cell's start offset (cross-year/last-year-cells.ts). */
export interface LastYearFigure {
  readonly cell: Range;
  readonly text: string;
  readonly year: number;
  readonly name: string;
}

export function tablesView(report: Report, findings: readonly Finding[], lines: RangeMapper, lang: Lang = 'zh', lastYear: readonly LastYearFigure[] = []): TablesView {
  const builder = new ViewBuilder(report, findings, lines, lang, lastYear);
  const status = reportStatus(report);
  return {
    template: status.template,
    layout: status.layout,
    t2: report.tables.t2 ? builder.table2(report.tables.t2) : null,
    t3: report.tables.t3 ? builder.table3(report.tables.t3) : null,
    t4: report.tables.t4 ? builder.table4(report.tables.t4) : null,
  };
}

// ------------------------------------------------------------------ placing findings

/** Whether two half-open ranges meet; an empty range meets what contains or borders it. */
export function touches(a: Range, b: Range): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

interface Target {
  range: Range;
  /** The row (or 表四 group) the target belongs to. */
  row: object;
  isLabel: boolean;
  problems: ProblemView[];
}

class ViewBuilder {
  private readonly identities: Identity[];
  /** What each cell should be: a determined blank's value, or the safe repair. */
  private readonly repairs = new Map<Cell, number>();
  private readonly lastYear = new Map<number, NonNullable<CellView['lastYear']>>();

  constructor(
    report: Report,
    private readonly findings: readonly Finding[],
    private readonly lines: RangeMapper,
    private readonly lang: Lang,
    lastYear: readonly LastYearFigure[],
  ) {
    this.identities = reportIdentities(report);
    for (const f of lastYear) this.lastYear.set(f.cell.start, { text: f.text, year: f.year, file: f.name });
    for (const [cell, { value }] of determinedBlanks(report)) this.repairs.set(cell, value);
    for (const answer of findRepairs(report, lang)) if (answer.kind === 'unique') this.repairs.set(answer.repair.cell, answer.repair.value);
  }

  private problem(f: Finding): ProblemView {
    return { code: f.code, severity: f.severity, message: f.message, range: this.lines.rangeOf(f.range) };
  }

  private cell(c: Cell): CellView {
    return {
      text: c.text,
      kind: c.kind,
      value: c.value ?? null,
      certain: c.certain,
      range: this.lines.rangeOf(c.range),
      problems: [],
      expected: this.repairs.get(c) ?? null,
      ...(this.lastYear.has(c.range.start) ? { lastYear: this.lastYear.get(c.range.start)! } : {}),
    };
  }

  private label(text: string, written: { text: string; range: Range } | undefined): LabelView {
    const usable = written && written.range.end >= written.range.start;
    return { text, written: written?.text ?? '', range: usable ? this.lines.rangeOf(written.range) : null, problems: [] };
  }

  private base(table: Table, title: string): TableViewBase {
    return { title, layout: table.layout, legacy: table.legacy, range: this.lines.rangeOf(table.range), problems: [] };
  }

  /**
   * Each finding inside the table goes to the cells and labels it touches when
   * they are all in one row: to the row as a whole when it covers the label and
   * several cells, else to the cells; a finding that spans rows, or touches no
   * cell, is the table's.
   */
  private place(table: Table, view: TableViewBase, targets: Target[], rowProblems: Map<object, ProblemView[]>): void {
    for (const f of this.findings) {
      if (!touches(f.range, table.range) && !targets.some((t) => touches(f.range, t.range))) continue;
      const hit = targets.filter((t) => touches(f.range, t.range));
      const rows = new Set(hit.map((t) => t.row));
      const p = this.problem(f);
      if (hit.length === 0 || rows.size > 1) {
        view.problems.push(p);
        continue;
      }
      const [row] = rows;
      const cells = hit.filter((t) => !t.isLabel);
      const wholeRow = hit.some((t) => t.isLabel) && cells.length > 1 && rowProblems.has(row!);
      if (wholeRow) rowProblems.get(row!)!.push(p);
      else for (const t of hit) t.problems.push(p);
    }
  }

  private computed(identity: Identity | undefined, side: 'right' | 'left' = 'right'): ComputedView | null {
    if (!identity) return null;
    const formula = (side === 'right' ? identity.right : identity.left).map((t) => t.label).join(' + ');
    const e = evaluate(identity);
    if (!e) return { value: null, against: null, holds: null, formula };
    return side === 'right' ? { value: e.right, against: e.left, holds: e.holds, formula } : { value: e.left, against: e.right, holds: e.holds, formula };
  }

  // ---------------------------------------------------------------- 表二

  table2(t2: NonNullable<Report['tables']['t2']>): Table2View {
    const view: Table2View = { ...this.base(t2, TABLE_NAMES.t2), blocks: [] };
    const targets: Target[] = [];
    const rowProblems = new Map<object, ProblemView[]>();
    const specs = TABLE2_BLOCKS.filter((b) => !b.legacyOnly || t2.blocks.some((p) => p.id === b.id));
    for (const spec of specs) {
      const block: Table2Block | undefined = t2.blocks.find((b) => b.id === spec.id);
      const form = table2Form(spec, block?.legacy ?? t2.legacy);
      const width = Math.max(form.columns.length, ...(block?.rows.map((r) => r.cells.length) ?? []));
      const columns = Array.from({ length: width }, (_, i) => {
        const columnSpec = form.columns[i];
        const header = block?.headers.find((h) => h.columnId === columnSpec?.id) ?? (columnSpec ? undefined : block?.headers[i]);
        const column = this.label(columnSpec?.label ?? header?.text ?? '', header);
        if (header) targets.push({ range: header.range, row: column, isLabel: true, problems: column.problems });
        return column;
      });
      const caption = this.label(spec.caption, block?.caption);
      const blockView: Table2BlockView = { id: spec.id, caption, columns, rows: [], found: !!block, money: !!spec.money, statedDecimals: block?.statedDecimals ?? null };
      if (block) targets.push({ range: block.caption.range, row: caption, isLabel: true, problems: caption.problems });
      const rowIds = [...form.rows.map((r) => r.id), ...(block?.rows.map((r) => r.id).filter((id) => !form.rows.some((s) => s.id === id)) ?? [])];
      for (const id of rowIds) {
        const row = block?.rows.find((r) => r.id === id);
        const labelText = form.rows.find((s) => s.id === id)?.label ?? row?.label.text ?? id;
        blockView.rows.push(this.row(id, labelText, row, null, targets, rowProblems));
      }
      view.blocks.push(blockView);
    }
    this.place(t2, view, targets, rowProblems);
    return view;
  }

  private row(id: string, labelText: string, row: TableRow | undefined, group: string | null, targets: Target[], rowProblems: Map<object, ProblemView[]>): RowView {
    const label = this.label(labelText, row?.label);
    const cells = row ? row.cells.map((c) => this.cell(c)) : [];
    const view: RowView = { id, label, cells, found: !!row, alignment: row ? row.alignment : 'absent', problems: [], group, computed: null };
    if (row) {
      rowProblems.set(view, view.problems);
      targets.push({ range: row.label.range, row: view, isLabel: true, problems: label.problems });
      row.cells.forEach((c, i) => targets.push({ range: c.range, row: view, isLabel: false, problems: cells[i]!.problems }));
    }
    return view;
  }

  // ---------------------------------------------------------------- 表三

  table3(t3: NonNullable<Report['tables']['t3']>): Table3View {
    const targets: Target[] = [];
    const rowProblems = new Map<object, ProblemView[]>();
    const wanted = new Set([...table3RowsFor(t3.legacy).map((r) => r.id), ...t3.rows.map((r) => r.id)]);
    const rows = TABLE3_ROWS.filter((spec) => wanted.has(spec.id)).map((spec) => {
      const row = t3.rows.find((r) => r.id === spec.id);
      const view = this.row(spec.id, spec.label, row, spec.group ?? null, targets, rowProblems);
      const total = row?.cells[TABLE3_TOTAL_COLUMN];
      view.computed = this.computed(this.identities.find((i) => i.kind === 't3.row' && i.left[0]?.cell === total && total !== undefined));
      return view;
    });
    const totalCells = t3.rows.find((r) => r.id === 'total')?.cells ?? [];
    const leafSums = TABLE3_COLUMNS.map((_, c) => this.computed(this.identities.find((i) => i.kind === 't3.column' && i.left[0]?.cell === totalCells[c] && totalCells[c] !== undefined)) ?? unknown(messagesFor(this.lang).preview.leafRows));
    const balance = TABLE3_COLUMNS.map((_, c) => this.computed(this.identities.find((i) => i.kind === 't3.balance' && i.right[0]?.cell === totalCells[c] && totalCells[c] !== undefined), 'left') ?? unknown('一 + 二'));
    const view: Table3View = {
      ...this.base(t3, TABLE_NAMES.t3),
      columns: TABLE3_COLUMNS.map((c, i) => ({ id: c.id, label: c.label, group: i > 0 && i < TABLE3_TOTAL_COLUMN ? TABLE3_LEGAL_PERSON_GROUP : null })),
      groups: TABLE3_GROUPS.map((g) => ({ id: g.id, label: g.label, parent: g.parent ?? null })),
      rows,
      leafSums,
      balance,
    };
    this.place(t3, view, targets, rowProblems);
    return view;
  }

  // ---------------------------------------------------------------- 表四

  table4(t4: NonNullable<Report['tables']['t4']>): Table4View {
    const width = TABLE4_COLUMNS.length;
    const targets: Target[] = [];
    const groups = TABLE4_GROUPS.map((g, k): Table4GroupView => {
      const cells = t4.cells.slice(k * width, k * width + width);
      const total = cells[width - 1];
      const view: Table4GroupView = {
        id: g.id,
        label: g.label,
        parent: g.parent ?? null,
        cells: cells.map((c) => this.cell(c)),
        computed: this.computed(this.identities.find((i) => i.kind === 't4.group' && total !== undefined && i.left[0]?.cell === total)),
      };
      cells.forEach((c, i) => targets.push({ range: c.range, row: view, isLabel: false, problems: view.cells[i]!.problems }));
      return view;
    });
    const view: Table4View = { ...this.base(t4, TABLE_NAMES.t4), columns: TABLE4_COLUMNS.map((c) => c.label), groups };
    this.place(t4, view, targets, new Map());
    return view;
  }
}

function unknown(formula: string): ComputedView {
  return { value: null, against: null, holds: null, formula };
}
