// What the cross-year pass reads of a report, packed to be kept: the CLI keeps
// it for every report of a folder until the pass, and lends it to another
// thread where a pair was split between two. Kept as the model's rows (as
// forYears gives them), a report held 13.5 KB with its text, some 150 objects
// that every collection after its check copied or marked; packed, 7.3 KB (3.4
// of it the text, which the CLI no longer keeps) in a few dozen. The
// benchmark's 2,000 reports (--jobs 1, six runs each, alternating): a peak of
// 244–259 MB against 278–310 MB, and a median of 2.62 s against 2.70 s;
// without the text, 220–233 MB against 249–262 MB in three runs each.

import type { Report, Table2, Table2Block, Table3, Table4, TableLayout, TableRow, Title } from '../model';
import { packRows, unpackRows, type PackedRows } from './packed-rows';

/**
 * A report as the cross-year pass reads it: its title and the rows it compares (表三 二 and 四, 表二's first
 * item), without its paragraphs and other rows, which are most of a model and which a worker thread would
 * copy for nothing. `keepTables`: all the tables, where a finding's place in an original is told from them.
 * The identity and the same-report key must then be given with it (`YearCandidate.identity`, `.same`): the
 * 统计期限 is read from the prose, the key from every figure.
 */
export function forYears(report: Report, keepTables = false): Report {
  const { t2, t3, t4 } = report.tables;
  const tables = keepTables
    ? report.tables
    : {
        ...(t2 ? { t2: { ...t2, blocks: comparedBlocks(t2) } } : {}),
        ...(t3 ? { t3: { ...t3, rows: comparedRows(t3) } } : {}),
        ...(t4 ? { t4: { ...t4, cells: [] } } : {}),
      };
  return { ...report, preface: [], sections: [], artifacts: [], tables };
}

/** What the pass compares of 表二: its first item's block. */
const comparedBlocks = (t2: Table2): Table2Block[] => t2.blocks.filter((b) => b.id === 'item1');
/** What the pass compares of 表三: 上年结转 and 结转下年度. */
const comparedRows = (t3: Table3): TableRow[] => t3.rows.filter((r) => r.id === 'carried' || r.id === 'forward');

interface PackedTable {
  readonly start: number;
  readonly end: number;
  readonly layout: TableLayout;
  readonly legacy: boolean;
}

/** 表二's first block: where it stands, its form, its rows. */
interface PackedBlock {
  readonly start: number;
  readonly end: number;
  readonly legacy: boolean;
  readonly rows: PackedRows;
}

export interface PackedYear {
  readonly textLength: number;
  readonly title: Title | undefined;
  readonly layout: TableLayout | undefined;
  readonly t2: (PackedTable & { readonly item1: PackedBlock | undefined }) | undefined;
  readonly t3: (PackedTable & { readonly rows: PackedRows }) | undefined;
  readonly t4: (PackedTable & { readonly certain: boolean }) | undefined;
}

/** What forYears keeps of the report (its title, 表二's first block, 表三's 上年结转 and 结转下年度), packed. */
export function packYear(report: Report): PackedYear {
  const { t2, t3, t4 } = report.tables;
  const item1 = t2 && comparedBlocks(t2)[0];
  return {
    textLength: report.textLength,
    title: report.title,
    layout: report.layout,
    t2: t2 && { ...tableFacts(t2), item1: item1 && { start: item1.range.start, end: item1.range.end, legacy: item1.legacy, rows: packRows(item1.rows) } },
    t3: t3 && { ...tableFacts(t3), rows: packRows(comparedRows(t3)) },
    t4: t4 && { ...tableFacts(t4), certain: t4.certain },
  };
}

/**
 * The report the pass reads, from its pack: what forYears gives, in every field the pass reads (the title, the
 * kept rows, 表二's block id and form). What it does not read is left empty: the tables' shape problems, 表二's
 * caption, headers and stated decimals.
 */
export function unpackYear(packed: PackedYear): Report {
  const { t2, t3, t4 } = packed;
  const table2: Table2 | undefined = t2 && { kind: 't2', ...tableBase(t2), blocks: t2.item1 ? [block1(t2.item1)] : [] };
  const table3: Table3 | undefined = t3 && { kind: 't3', ...tableBase(t3), rows: unpackRows(t3.rows) };
  const table4: Table4 | undefined = t4 && { kind: 't4', ...tableBase(t4), cells: [], certain: t4.certain };
  return {
    textLength: packed.textLength,
    title: packed.title,
    preface: [],
    sections: [],
    tables: { ...(table2 ? { t2: table2 } : {}), ...(table3 ? { t3: table3 } : {}), ...(table4 ? { t4: table4 } : {}) },
    artifacts: [],
    layout: packed.layout,
  };
}

function tableFacts(t: Table2 | Table3 | Table4): PackedTable {
  return { start: t.range.start, end: t.range.end, layout: t.layout, legacy: t.legacy };
}

function tableBase(t: PackedTable): { range: { start: number; end: number }; layout: TableLayout; problems: []; legacy: boolean } {
  return { range: { start: t.start, end: t.end }, layout: t.layout, problems: [], legacy: t.legacy };
}

function block1(b: PackedBlock): Table2Block {
  return { id: 'item1', caption: { text: '', range: { start: b.start, end: b.start } }, headers: [], rows: unpackRows(b.rows), statedDecimals: undefined, legacy: b.legacy, range: { start: b.start, end: b.end } };
}
