// The custom requests between the client and the server: their names and the
// shapes of their answers, said once for both sides (as vscode-eslint's shared
// messages). The client imports this file and types only; nothing here pulls
// in the core at run time.

import type { ReportStatus, TablesView, OriginalKind } from '../core/service';

/** { uri } → StatusAnswer | null: the status item's template, layout and counts. */
export const STATUS_REQUEST = 'govReport/status';
/** { uri } → TablesAnswer | null: the table preview's view. */
export const TABLES_REQUEST = 'govReport/tables';
/** { uri, text } → Diagnostic[]: a file that is not open (the workspace check). */
export const CHECK_TEXT_REQUEST = 'govReport/checkText';
/** { uri, name, data (base64), rendition? } → ReadOriginalAnswer: an original read for its rendition. */
export const READ_ORIGINAL_REQUEST = 'govReport/readOriginal';
/** { year, agency } → string: the text of a new report on the template. */
export const NEW_REPORT_REQUEST = 'govReport/newReport';
/** The server's command behind 查看规则说明: opens docs/rules/CODE.md. */
export const SHOW_RULE_DOCS_COMMAND = 'govReport.showRuleDocs';

export type StatusAnswer = ReportStatus & { uri: string; version: number };
export type TablesAnswer = TablesView & { uri: string; version: number };
export type ReadOriginalAnswer =
  | { ok: true; format: OriginalKind; text: string }
  | { ok: false; format?: OriginalKind; message: string };
export interface NewReportParams {
  year: number;
  agency: string;
}
export type { ReportStatus, TablesView };
