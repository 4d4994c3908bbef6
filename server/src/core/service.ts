// The façade the LSP glue and the CLI call. Pure: text in, answers out.

import { DETECTION_WINDOW, otherDocumentKind } from './detect';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-types';
import { codeActions, resolveCodeAction, type CodeActionQuery } from './features/codeActions';
import { limitedDiagnostics, MAX_DIAGNOSTICS, type DiagnosticConverter } from './features/diagnostics';
import { foldingRanges, limitFoldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { reportStatus, type ReportStatus, type StatusOptions } from './features/status';
import { documentSymbols, MAX_OUTLINE_SUB_ITEMS } from './features/symbols';
import { tablesView, type LastYearFigure, type TablesView } from './features/tablesView';
import { formatTables } from './features/tablesText';
import { messagesFor, type Lang } from './i18n';
import { originalPlace, type OriginalPlace } from './features/original-place';
import type { Range, Report } from './model';
import { assemble, type Assembly } from './parse/assemble';
import { patchLines, readLines, withText, type DocumentLines, type LineWindow, type TextChange } from './parse/document-lines';
import { patchReport } from './parse/patch-report';
import type { ReportDelta } from './report-delta';
import type { TextView } from './text/edit-ranges';
import { checkReport } from './rules';
import { onlySpan, reportSpans, type ReportSpan } from './compilation';
import type { ReportChanges } from './rules/engine';
import type { Finding, Fix, RuleSeverities } from './rules/types';
import { isFlattenedLine, renderFlattened } from './readers/flattened';
import { renderWrappedPage } from './readers/wrapped-page';
import { mapReport, type Rendition } from './readers/rendition';
import type { OriginalKind } from './readers/original';
import type { ReadProblem } from './readers/blocks';
import { placeAt, type OriginalRendition } from './readers/tab-grid';
import { renderNewReport, type NewReportOptions } from './template-text';
import { LineIndex } from './text/lines';
import { NOT_TEXT_PROBE, notTextKind, type NotTextKind } from './text/not-text';
import { toSimplified, traditionalCount, TRADITIONAL_REPORT } from './text/traditional';
import { blankSpaceEntities } from './text/debris';

export interface ParsedDocument {
  readonly text: string;
  readonly report: Report;
  readonly lines: LineIndex;
  /** The line records the next edit reuses. */
  readonly state: DocumentLines;
  /** Where the model's parts sit, for the next edit. */
  readonly assembly: Assembly;
  /** What changed since the version this one was updated from, when the edit kept the structure. */
  readonly changes?: ReportChanges;
  /**
   * The report was read from a rendition of the text (a flattened web page
   * broken into lines), or not read at all (not text): its ranges are the
   * text's own, but `assembly` is not the text's, so an edit parses afresh.
   */
  readonly rendered?: true;
  /** The text is in traditional characters, read in simplified ones: fixes that would write Chinese words are not offered. */
  readonly traditional?: true;
}

export interface CheckOptions extends LangOption {
  rules?: RuleSeverities;
  /** The report year to assume when the title does not say (`govReport.templateYear`). */
  templateYear?: number | undefined;
}

export interface LangOption {
  /** The language of what is said about the report (messages, fix titles, hovers): 'zh' by default. */
  lang?: Lang | undefined;
}

export type { Lang } from './i18n';

export function parseDocument(text: string): ParsedDocument {
  const notText = notTextKind(text);
  if (notText) return fromNotText(text, notText);
  // The lines first: each knows how many traditional characters it holds, and a report read again shares them.
  const state = readLines(text);
  // A report in traditional characters is read in simplified ones, at the same offsets (text/traditional.ts).
  const simplified = traditionalCharacters(state) >= TRADITIONAL_REPORT ? toSimplified(text) : undefined;
  // A flattened page is read from its text with undecoded space entities as spaces (the line records blank them too).
  const readable = blankSpaceEntities(simplified ?? text);
  const rendition = renderWrappedPage(readable) ?? renderFlattened(readable);
  const doc = rendition ? fromRendition(text, rendition, state) : simplified ? fromRendition(text, { text: simplified, toOriginal: (offset) => offset }, state) : fromLines(state);
  return simplified ? { ...doc, traditional: true } : doc;
}

/** The report's characters with a simplified form, counted up to TRADITIONAL_REPORT. */
function traditionalCharacters(state: DocumentLines): number {
  let n = 0;
  for (let i = 0; i < state.records.length && n < TRADITIONAL_REPORT; i++) n += state.records.at(i).info.traditional;
  return n;
}



/** A PDF or Word file read as text: an empty report that says what the file is (rules/file-not-text.ts). */
function fromNotText(text: string, kind: NotTextKind): ParsedDocument {
  const state = readLines(text);
  const assembly = assemble(readLines(''));
  const report: Report = { ...assembly.report, textLength: text.length, notText: kind };
  return { text, report, lines: new LineIndex(state, state.starts), state, assembly, rendered: true };
}

/** A text read through a rendition (readers/): the model is remapped to the text's offsets. */
function fromRendition(text: string, rendition: Rendition, state: DocumentLines): ParsedDocument {
  const assembly = assemble(readLines(rendition.text), rendition.tableLayout);
  return {
    text,
    report: mapReport(assembly.report, rendition, text.length),
    lines: new LineIndex(state, state.starts),
    state,
    assembly,
    rendered: true,
  };
}


function fromLines(state: DocumentLines, assembly: Assembly = assemble(state), changes?: ParsedDocument['changes']): ParsedDocument {
  return {
    // Joined from the lines on first use after an edit (document-lines.ts).
    get text() {
      return state.text;
    },
    report: assembly.report,
    lines: new LineIndex(state, state.starts),
    state,
    assembly,
    ...(changes ? { changes } : {}),
  };
}

export function check(doc: ParsedDocument, options: CheckOptions = {}): Finding[] {
  // A compilation of several reports (compilation.ts): each checked on its own, at the file's own places.
  const spans = compilationSpans(doc);
  if (spans) return spans.flatMap((span) => checkAlone(parseDocument(onlySpan(doc.text, span)), options));
  return checkAlone(doc, options);
}

/** Where each report of a compilation stands in the document, or undefined for a report alone. */
export function compilationSpans(doc: ParsedDocument): ReportSpan[] | undefined {
  // A page read from its one line (its rendition's lines are not the text's) or no text at all: one report.
  if (doc.rendered || doc.report.notText) return undefined;
  // Asked on every keystroke: the report's parts first, the text (joined only when asked for) only for a compilation's.
  const spans = reportSpans(() => doc.text, doc.report, doc.state.starts);
  // A site's list of several years' reports with excerpts is no compilation: it is no report (detect.ts).
  return spans && otherDocumentKind(doc.state.slice(0, DETECTION_WINDOW)) ? undefined : spans;
}

function checkAlone(doc: ParsedDocument, options: CheckOptions): Finding[] {
  const findings = checkReport(doc.report, doc.state, options.rules, options.templateYear, options.lang ?? 'zh', doc.changes);
  const read = doc.rendered ? findings.map(withoutLineBreakFix) : findings;
  return doc.traditional ? read.map(withoutWordsWritten) : read;
}

/**
 * A report in traditional characters is read in simplified ones; the template's words a fix writes are simplified,
 * and their traditional forms are not one to one (复 is 復 or 複). Such a fix would write simplified words into the
 * report: only fixes that write no Chinese character (a figure, a 0 in a blank) are offered there.
 */
function withoutWordsWritten(f: Finding): Finding {
  const writesWords = (fix: Fix) => fix.edits.some((e) => HAN.test(e.newText));
  if (!(f.fix && writesWords(f.fix)) && !f.suggestions?.some(writesWords)) return f;
  const { fix, suggestions, ...rest } = f;
  const kept = suggestions?.filter((s) => !writesWords(s));
  return { ...rest, ...(fix && !writesWords(fix) ? { fix } : {}), ...(kept?.length ? { suggestions: kept } : {}) };
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A text read through a rendition (a page on one line) has no lines to insert
 * into: a fix that writes line breaks (a missing section) would change how the
 * whole page is read, so it is not offered there.
 */
function withoutLineBreakFix(f: Finding): Finding {
  if (!f.fix || !f.fix.edits.some((e) => /[\r\n]/.test(e.newText))) return f;
  const { fix: _dropped, ...rest } = f;
  return rest;
}

/**
 * The findings as an editor is sent them: at most `maxDiagnostics` (1,000, as
 * VS Code shows a file), errors first, and a note saying how many more there
 * are. The CLI calls `check`, which lists all.
 */
export function diagnostics(doc: ParsedDocument, uri: string, options: CheckOptions & { docsBase?: string; maxDiagnostics?: number; also?: readonly Finding[]; converter?: DiagnosticConverter } = {}): Diagnostic[] {
  // `also`: findings made beside this document's own (year against year), within the same bound.
  const own = check(doc, options);
  const findings = options.also?.length ? inDocumentOrder(own, options.also) : own;
  return limitedDiagnostics(findings, doc.lines, uri, options.docsBase, options.lang ?? 'zh', options.maxDiagnostics ?? MAX_DIAGNOSTICS, options.converter);
}

/** `few` merged into `many` (both in document order), keeping document order, which the bound relies on. */
function inDocumentOrder(many: readonly Finding[], few: readonly Finding[]): Finding[] {
  const sorted = [...few].sort((a, b) => a.range.start - b.range.start);
  const out: Finding[] = [];
  let i = 0;
  for (const f of many) {
    while (i < sorted.length && sorted[i]!.range.start < f.range.start) out.push(sorted[i++]!);
    out.push(f);
  }
  while (i < sorted.length) out.push(sorted[i++]!);
  return out;
}

/** Empties the core's memo tables (caches.ts): the tests' oracle parses cold with it. boundCaches: a host that checks many distinct reports holds them small. */
export { boundCaches, clearCaches } from './caches';
export { fnv1a } from './text/hash';

/** What a finding is and how severities are set, for the CLI and the server (they import the core through here). */
export type { Finding, Fix, Related, RuleSeverities, Severity, SeveritySetting } from './rules/types';
export { isSeveritySetting } from './rules';

// Year against year (issue 15): the pure pass over reports the caller found and parsed.
export { checkAcrossYears, checkYearPair, pairByYear, forYears, packYear, unpackYear, type PackedYear, sameReportKey, lastYearCells, lastYearHover, placedIdentity, reportIdentity, sameAgency, withSeverities, type YearCandidate, type YearAgainst, type YearPair, type ReportIdentity, type LastYearCell } from './cross-year';

export { DiagnosticConverter, MAX_DIAGNOSTICS } from './features/diagnostics';
export { MAX_OUTLINE_SUB_ITEMS } from './features/symbols';

/**
 * The outline of a version, made once: VS Code asks for it twice a version (the Outline view and the
 * breadcrumbs), and on a large report building it is a few tens of milliseconds. A version is immutable,
 * and so is the answer: callers must not change it. `maxSubItems`: the most sub-items listed
 * (`govReport.outline.maxSubItems`, 1,000 by default); sections and tables always are.
 */
export function symbols(doc: ParsedDocument, options: LangOption & { maxSubItems?: number } = {}): DocumentSymbol[] {
  const lang = options.lang ?? 'zh';
  const maxSubItems = options.maxSubItems ?? MAX_OUTLINE_SUB_ITEMS;
  const kept = outlines.get(doc);
  if (kept?.lang === lang && kept.maxSubItems === maxSubItems) return kept.tree;
  // The lines, not doc.text: after an edit, joining a large document for the outline costs more than the outline.
  const tree = documentSymbols(doc.report, doc.state, doc.lines, lang, maxSubItems);
  outlines.set(doc, { lang, maxSubItems, tree });
  return tree;
}

const outlines = new WeakMap<ParsedDocument, { lang: Lang; maxSubItems: number; tree: DocumentSymbol[] }>();

/** `rangeLimit`: the most ranges the client takes (its capability); the outermost are kept. */
export function folding(doc: ParsedDocument, options: { rangeLimit?: number } = {}): FoldingRange[] {
  return limitFoldingRanges(foldingRanges(doc.report, doc.state, doc.lines), options.rangeLimit);
}

/** 表二, 表三, 表四 as text grids, with the problems met reading them (the CLI's `tables`). */
export function tablesAsText(doc: ParsedDocument, options: LangOption = {}): string {
  return formatTables(doc.report, options.lang ?? 'zh');
}

export { DETECTION_WINDOW, looksLikeReport, otherDocumentKind, type OtherDocumentKind } from './detect';
export { holdsReportBody } from './report-body';

export function hover(doc: ParsedDocument, offset: number, options: LangOption = {}): Hover | undefined {
  return hoverAt(doc.report, doc.lines, offset, options.lang ?? 'zh');
}

/** Quick fixes and fix-all for a range (offsets) of the document. */
export function actions(doc: ParsedDocument, query: CodeActionQuery, options: CheckOptions & { docsBase?: string } = {}): CodeAction[] {
  return codeActions(check(doc, options), doc.lines, query, options.docsBase, options.lang ?? 'zh');
}

/** A new report on the 2021 template, tables zero-filled, prose as placeholders. */
export function newReport(options: NewReportOptions): string {
  return renderNewReport(options);
}

/** The edit of an action `actions` made with `lazy`, for the document as it is now (version `current.version`). */
export function resolveAction(doc: ParsedDocument, action: CodeAction, current: { uri: string; version: number }, options: CheckOptions = {}): CodeAction {
  return resolveCodeAction(action, check(doc, options), doc.lines, current);
}

export { FIX_ALL_KIND } from './features/codeActions';

export type { TextChange } from './parse/document-lines';

/**
 * The document after `changes` (applied in order, each in the coordinates left
 * by the previous one), as a new snapshot: `prev` is left exactly as it was and
 * stays valid. Only the touched lines are read again; unchanged lines keep
 * their analysis and unchanged paragraphs their text; when the edit keeps the
 * structure, what lies before the edit is shared with `prev` and what lies
 * after it is copied with its offsets moved (parse/patch-report.ts). The
 * result equals parseDocument(newText).
 *
 * `newText`, the text after the changes when the caller has it, saves joining
 * it from the lines; if it does not agree with the changes, it is parsed afresh.
 * It may be a view of the text (an editor's document that has not built it):
 * then only the touched lines are read from it, and nothing copies the whole.
 */
export function updateDocument(prev: ParsedDocument, changes: readonly TextChange[], newText?: string | TextView): ParsedDocument {
  // The whole text, where a fresh parse needs it (a view of the editor's text is joined then).
  const whole = (): string => (newText === undefined ? applyChanges(prev.text, changes) : typeof newText === 'string' ? newText : newText.slice(0, newText.length));
  if (prev.rendered) return parseDocument(whole());
  // Traditional characters typed: the report may now be read in simplified ones (parseDocument decides).
  if (changes.some((c) => traditionalCount(c.text, 1) > 0)) return parseDocument(whole());
  let state = prev.state;
  let assembly: Assembly = prev.assembly;
  const deltas: ReportDelta[] = [];
  let structural = false;
  // An edit that makes a line read as a flattened page: the text is read through its rendition.
  let flat = false;
  let last: LineWindow | undefined;
  for (const c of changes) {
    const start = Math.max(0, Math.min(c.range.start, state.length));
    const end = Math.max(start, Math.min(c.range.end, state.length));
    const { lines, window } = patchLines(state, { range: { start, end }, text: c.text });
    const patched = structural ? undefined : patchReport(assembly, lines, window);
    if (patched) deltas.push(patched.delta);
    else structural = true;
    state = lines;
    last = window;
    for (let i = window.first; i <= window.newLast && !flat; i++) flat = isFlattenedLine(lines.records.at(i).text);
    // After one structural change the rest are read in one assembly at the end.
    if (patched) assembly = patched;
  }
  if (newText !== undefined && last) {
    const agreed = withText(state, newText, last);
    // The changes do not give the text the caller has: trust the text.
    if (!agreed) return parseDocument(whole());
    state = agreed;
  }
  // Whether the text is a PDF or binary file is read from its start: only an edit there may change it.
  const startEdited = changes.some((c) => c.range.start < NOT_TEXT_PROBE);
  if (flat || (startEdited && notTextKind(state.slice(0, NOT_TEXT_PROBE)) !== prev.report.notText)) return parseDocument(newText === undefined ? state.text : whole());
  const next = structural ? fromLines(state) : fromLines(state, assembly, { previous: prev.report, deltas });
  // A text that reads as no report may be a page wrapped at a width (pasted into an empty file): read as parseDocument
  // reads it. A report read in lines has its parts, so only a text with fewer (a draft just begun) asks, and its
  // answer comes at once (no heading lines, no run of lines at one width).
  if (next.report.sections.length < 2 && renderWrappedPage(blankSpaceEntities(next.text))) return parseDocument(newText === undefined ? next.text : whole());
  return next;
}

function applyChanges(text: string, changes: readonly TextChange[]): string {
  for (const c of changes) {
    const start = Math.max(0, Math.min(c.range.start, text.length));
    const end = Math.max(start, Math.min(c.range.end, text.length));
    text = text.slice(0, start) + c.text + text.slice(end);
  }
  return text;
}

// ---------------------------------------------------------------- editor extras (issue 7)

export type { ReportStatus, StatusOptions } from './features/status';
export type { TablesView } from './features/tablesView';

/** Template (2021 / 2019 layout), table layout and tables found: the editor's status item (data only, no text). */
export function status(doc: ParsedDocument, options: StatusOptions = {}): ReportStatus {
  return reportStatus(doc.report, options);
}

/** 表二, 表三, 表四 as a JSON view for the table preview: cells, ranges, findings, computed sums. */
export function tables(doc: ParsedDocument, options: CheckOptions & { lastYear?: readonly LastYearFigure[]; also?: readonly Finding[] } = {}): TablesView {
  const findings = options.also?.length ? inDocumentOrder(check(doc, options), options.also) : check(doc, options);
  return tablesView(doc.report, findings, doc.lines, options.lang ?? 'zh', options.lastYear);
}

// ---------------------------------------------------------------- originals (issue 13)

export { readOriginal, originalKind, ORIGINAL_EXTENSIONS, isReportFileName, type OriginalKind, type OriginalOutcome } from './readers/original';
export { reportText } from './readers/report-text';
export type { OriginalRendition } from './readers/tab-grid';
export type { OriginPlace, ReadProblem } from './readers/blocks';
export type { OriginalPlace };

/** Where `range` of a rendition's parsed document is in the original, and the words for it (`第 3 页，表三“（七）总计”行“总计”列`). */
export function describePlace(doc: Pick<ParsedDocument, 'report'>, rendition: OriginalRendition, range: Range, options: LangOption = {}): OriginalPlace & { text: string } {
  const place = originalPlace(doc.report, placeAt(rendition, range.start) ?? {}, range);
  return { ...place, text: messagesFor(options.lang ?? 'zh').readers.place(place.shown) };
}

/** The words for a problem reading an original (`无法读取“x.pdf”：这是 PDF 文件，…`). */
export function describeReadProblem(file: string, kind: OriginalKind, problem: ReadProblem, options: LangOption = {}): string {
  return messagesFor(options.lang ?? 'zh').readers.problem(file, kind, problem.kind, problem.detail, problem.actually);
}

// What the glue (server/src/cli, server/src/lsp) needs besides the functions above, named here so that the
// façade is the one door into the core (issue 14; test/unit/project/architecture.test.ts keeps it so). The client is
// bundled apart and imports only core/detect.ts and core/features/previewHtml.ts, which import little.
export { messagesFor, isLang } from './i18n';
export type { TableKey } from './i18n/types';
export type { Range, Report } from './model';
export { LineIndex, LinePositions, lineAtOffset, type Position } from './text/lines';
export { decodeReport, NotTextError, type Decoded } from './text/decode';
export type { NotTextKind } from './text/not-text';
export { RULE_TABLE } from './rule-table';
export { agencyLinks } from './cross-year/pairs';
export { CONFIG_FILE_NAME, LEVELS_TEXT, layerRules, parseConfig, parseRuleOption, unknownRuleCodes } from './config';
export { DEFAULT_STRINGS, escapeHtml, pageHead, PREVIEW_STYLE, renderPreviewBody, writtenByGovReport, type PreviewStrings } from './features/previewHtml';
export { SOURCE } from './features/diagnostics';
export { ruleActions } from './features/ruleActions';
