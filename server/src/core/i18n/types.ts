// The facts the catalogs turn into words. Rules and features hand these over
// instead of sentences, so what they cache stays the same in every language.

import type { CellKind } from '../model';

export type { NumberingStyle } from '../model';

export type Lang = 'zh' | 'en';

export type TableKey = 't2' | 't3' | 't4';

/** A template section: its number (1–6) and numeral (一–六). */
export interface SectionRef {
  id: number;
  numeral: string;
}

/** Where a table cell is, for messages: 表二“行政处罚”, 表三“（一）予以公开”, 表四. */
export type CellPlace = { table: 't2' | 't3'; label: string } | { table: 't4' };

/** A cell as a message shows it: its kind and text as written. */
export interface CellShown {
  kind: CellKind;
  text: string;
}

/** A table figure that prose restates (rules/prose-figures.ts), or the total the prose itself states. */
export type FigureName =
  /** The 总计 column of a 表三 row or group, or a 表四 group's 总计: 表三“一、…”总计. */
  | { kind: 'total'; table: 't3' | 't4'; label: string }
  /** A 表三 row that is a total itself: 表三“（七）总计”. */
  | { kind: 'row'; label: string }
  /** Several figures of one table added: 表三 一 and 二, （一） and （二）; 表二 cells of one column. */
  | { kind: 'sum'; table: 't2' | 't3' | 't4'; labels: readonly string[]; column?: string }
  /** A 表二 cell: 表二“行政规范性文件”“现行有效件数”. */
  | { kind: 'cell'; row: string; column: string }
  /** A 表三 row by applicant: its 自然人 cell, or (`columns`) its 法人或其他组织 columns added. */
  | { kind: 'applicants'; row: string; column: string; columns?: boolean }
  /** The totals of the rows of a 表三 group added: （三）不予公开. */
  | { kind: 'group'; label: string }
  /** 表四's two 行政诉讼 groups added. */
  | { kind: 'suits' }
  /** The total the sentence states before 其中. */
  | { kind: 'stated' };

/** A cell that, changed to `value`, would mend the broken sums (repair.ts). */
export interface CandidateFix {
  text: string;
  value: number;
}

/** What the parts listed after 其中 add up to, when it disagrees with the stated total (rules/prose-sum.ts). */
export type PartsVerdict =
  | { kind: 'exact'; sum: number; list: string; total: string }
  | { kind: 'at-least'; least: number; list: string; total: string };

/** The counts the CLI's summary line gives. */
export interface RunCounts {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  skipped: number;
  notChecked: number;
}

/** Where a finding is in an original file (readers/): the PDF page, the original's table and cell, or its paragraph. */
export interface OriginalPlaceShown {
  page?: number | undefined;
  /** The template table the cell belongs to, when the finding is at a cell the parser read. */
  table?: TableKey | undefined;
  /** The cell's row and column labels as the template names them (表四: the group and the column). */
  row?: string | undefined;
  column?: string | undefined;
  /** Otherwise: the original's table number and its grid position (1-based). */
  originalTable?: number | undefined;
  gridRow?: number | undefined;
  gridColumn?: number | undefined;
  paragraph?: number | undefined;
}

export type OriginalFormat = 'html' | 'docx' | 'doc' | 'pdf' | 'rtf';
export type { OtherOfficeFormat } from '../readers/blocks';
export type ReadProblemName = 'scanned' | 'undecodable' | 'encrypted' | 'broken' | 'too-large' | 'unsupported' | 'empty' | 'pictures' | 'text-boxes';
