// The language server: thin glue between the LSP connection and the pure core
// (server/src/core/service.ts). Each handler finds the open document, takes its
// cached parse and hands it to the core. `node dist/server.js --stdio` or
// `--node-ipc`: createConnection picks the transport from argv.

import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType, ProposedFeatures, ResponseError, type CodeAction, type Hover } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, messagesFor, actions, diagnostics, folding, hover, lastYearHover, newReport, reportText, resolveAction, symbols } from '../core/service';
import { crossYearAnswers, crossYearCells, crossYearFindings, crossYearKey, dependentsOf, fileOf, type OpenReports } from './crossYear';
import { clientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import { registerCustomRequests } from './customRequests';
import { registerOriginals, Renditions } from './originals';
import { flattenSymbols } from './flatSymbols';
import { guardNotification, guardRequest } from './guard';
import { setLocale, uiLanguage } from './locale';
import { ParseCache } from './parseCache';
import { trackedDocuments } from './trackedDocuments';
import { EMPTY_REPORT, pullDiagnosticsHandler } from './pullDiagnostics';
import { FirstDiagnostics } from './firstDiagnostics';
import { throwIfCancelled } from './cancel';
import { DiagnosticsPusher } from './pushDiagnostics';
import { ConfigFiles } from './configFiles';
import { registerRuleDocsCommand, ruleActionsFor } from './ruleActions';
import { NEW_REPORT_REQUEST } from './protocol';
import { SettingsStore } from './settings';
import { YearIndex } from './yearIndex';

const connection = createConnection(ProposedFeatures.all);
// Documents that remember their edits, so each version updates the previous parse.
const { documents, edits } = trackedDocuments();
const cache = new ParseCache(edits, connection.console);
let features: ClientFeatures = { pullDiagnostics: false, diagnosticRefresh: false, configuration: false, hierarchicalSymbols: false, codeActionResolve: false };
// .gov-report.json under the settings, as the CLI reads it (configFiles.ts); a broken one is said once.
const configFiles = new ConfigFiles((file, reason) => void connection.window.showWarningMessage(messagesFor(uiLanguage()).config.invalid(file, reason)));
const settings = new SettingsStore(connection, () => features.configuration, configFiles);
const firstDiagnostics = new FirstDiagnostics();
// dist/server.js → <extension>/docs/rules/<code>.md, linked from each diagnostic.
const docsBase = `${pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href}/`;
const log = connection.console;
const renditions = new Renditions();

// Year against year (issue 15): last years' reports in the workspace folders, open or only on disk.
let workspaceFolders: string[] = [];
const yearIndex = new YearIndex(async (file) => {
  const bytes = await readFile(file);
  return reportText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
});
const openReports: OpenReports = { all: () => documents.all().map((d) => ({ uri: d.uri, version: d.version, parsed: cache.get(d).parsed })) };
let scan: 'not started' | 'running' | 'done' = 'not started';
/**
 * The folders are walked once, when a report first needs its last year. Until the walk is done a report
 * gets no cross-year finding (never one made on half the folder); then the open reports are asked again.
 */
function scanOnce(): void {
  if (scan !== 'not started') return;
  if (workspaceFolders.length === 0) {
    scan = 'done';
    return;
  }
  scan = 'running';
  yearIndex.scan(workspaceFolders).catch((error: unknown) => log.warn(`查找上年报告失败 (finding last years' reports failed): ${String(error)}`)).finally(() => {
    scan = 'done';
    // Asked again only where the walk found a year to compare with: a report alone in its agency keeps its
    // answer (a long draft's thousand problems are not sent a second time while it opens).
    if (documents.all().some((d) => crossYearKey(d.uri, cache.get(d).parsed, yearIndex, openReports) !== '')) refreshSoon();
  });
}
type Parsed = Parameters<typeof crossYearKey>[1];
const crossYear = {
  key: (uri: string, parsed: Parsed) => {
    scanOnce();
    return crossYearKey(uri, parsed, yearIndex, openReports, scan === 'done');
  },
  findings: async (uri: string, parsed: Parsed, rules: Awaited<ReturnType<SettingsStore['for']>>['rules']) => {
    scanOnce();
    return scan === 'done' ? crossYearFindings(uri, parsed, yearIndex, openReports, { lang: uiLanguage(), rules }) : [];
  },
};

// Answers that read other files are asked again, once for a burst of changes.
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
function refreshSoon(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    if (!features.pullDiagnostics) pusher.scheduleAll();
    else if (features.diagnosticRefresh) connection.languages.diagnostics.refresh().catch((error: unknown) => log.warn(String(error)));
  }, 300);
}

const pusher = new DiagnosticsPusher(connection, documents, async (doc) => {
  const { rules, templateYear, crossYear: years } = await settings.for(doc.uri);
  const { parsed } = cache.get(doc);
  const also = years === false ? [] : await crossYear.findings(doc.uri, parsed, rules);
  return renditions.withPlaces(doc.uri, parsed, diagnostics(parsed, doc.uri, { rules, templateYear, docsBase, lang: uiLanguage(), also }));
});

connection.onInitialize((params) => {
  features = clientFeatures(params.capabilities);
  setLocale(params.locale);
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.flatMap((uri) => fileOf(uri) ?? []);
  configFiles.setRoots(folders);
  return { capabilities: serverCapabilities(features), serverInfo: { name: 'gov-report' } };
});

// The pull that follows an open needs the document's settings. Asked now, the client's answer is back by the
// time the first request's parse is done; asked by the pull, it waited behind that parse and the outline and
// folding that slipped in meanwhile (about 0.2 s of a large report's first diagnostics in a real VS Code).
// And the outline and folding of the new document wait for its first diagnostics (firstDiagnostics.ts).
documents.onDidOpen(guardNotification(log, 'didOpen', ({ document }) => {
  void settings.for(document.uri);
  if (features.pullDiagnostics) firstDiagnostics.opened(document.uri);
}));

// Fires on open too. Pull clients ask for diagnostics themselves; the reports that read this one's figures
// (the same agency's next year) are asked again.
documents.onDidChangeContent(guardNotification(log, 'didChange', ({ document }) => {
  if (!features.pullDiagnostics) pusher.schedule(document.uri);
  if (documents.all().length > 1 && dependentsOf(document.uri, cache.get(document).parsed, openReports).length) refreshSoon();
}));

// Reports changed, created or deleted on disk (the client watches them): last years' figures may have moved.
// A .gov-report.json (watched at the server's request, below): every open report's rules may have changed.
connection.onDidChangeWatchedFiles(guardNotification(log, 'didChangeWatchedFiles', async ({ changes }) => {
  let changed = false;
  if (changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
    settings.configFilesChanged();
    changed = true;
  }
  for (const change of changes) {
    const file = fileOf(change.uri);
    if (!file || change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) continue;
    changed = (change.type === FileChangeType.Deleted ? yearIndex.remove(file) : await yearIndex.update(file)) || changed;
  }
  if (changed) refreshSoon();
}));

documents.onDidClose(guardNotification(log, 'didClose', ({ document }) => {
  // Its next year, if open, now reads it from disk (or not at all).
  if (documents.all().length > 1 && dependentsOf(document.uri, cache.get(document).parsed, openReports).length) refreshSoon();
  cache.forget(document.uri);
  settings.forget(document.uri);
  firstDiagnostics.answered(document.uri);
  if (!features.pullDiagnostics) pusher.clear(document.uri);
}));

connection.onDocumentSymbol(guardRequest(log, 'documentSymbol', () => null, async ({ textDocument }, token) => {
  await firstDiagnostics.before(textDocument.uri);
  throwIfCancelled(token);
  const doc = documents.get(textDocument.uri);
  if (!doc) return null;
  const { outlineMaxSubItems } = await settings.for(doc.uri);
  throwIfCancelled(token);
  const tree = symbols(cache.get(doc).parsed, { lang: uiLanguage(), maxSubItems: outlineMaxSubItems });
  return features.hierarchicalSymbols ? tree : flattenSymbols(tree, doc.uri);
}));

connection.onFoldingRanges(guardRequest(log, 'foldingRange', () => null, async ({ textDocument }, token) => {
  await firstDiagnostics.before(textDocument.uri);
  throwIfCancelled(token);
  const doc = documents.get(textDocument.uri);
  return doc ? folding(cache.get(doc).parsed, { rangeLimit: features.foldingRangeLimit }) : null;
}));

connection.onHover(guardRequest(log, 'hover', () => null, async ({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return null;
  const parsed = cache.get(doc).parsed;
  const offset = parsed.lines.offsetAt(position);
  let answer = hover(parsed, offset, { lang: uiLanguage() });
  // A cell with a counterpart in last year's report: both years side by side (issue 15).
  const lastYear = await lastYearLine(doc.uri, parsed, offset);
  if (lastYear) answer = withLine(answer, lastYear);
  // A rendition of an original: the hover also says where the piece is in the file the user holds.
  const place = renditions.placeAt(doc.uri, parsed, offset);
  return place ? withLine(answer, messagesFor(uiLanguage()).readers.inOriginal(place)) : (answer ?? null);
}));

async function lastYearLine(uri: string, parsed: Parsed, offset: number): Promise<string | undefined> {
  if (scan !== 'done' || (await settings.for(uri)).crossYear === false) return undefined;
  return lastYearHover(await crossYearCells(uri, parsed, yearIndex, openReports), offset, uiLanguage());
}

connection.onCodeAction(guardRequest(log, 'codeAction', () => [], async ({ textDocument, range, context }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  const { rules, templateYear, setInSettings } = await settings.for(doc.uri);
  const parsed = cache.get(doc).parsed;
  const query = { uri: doc.uri, version: doc.version, range: { start: parsed.lines.offsetAt(range.start), end: parsed.lines.offsetAt(range.end) }, ...(context?.only ? { only: context.only } : {}), lazy: features.codeActionResolve };
  // Then, for every rule under the cursor: turn it off in .gov-report.json, read its page (ruleActions.ts).
  const ruleOptions = { files: configFiles, features, docsBase, lang: uiLanguage(), setInSettings: setInSettings ?? rules };
  return [...actions(parsed, query, { rules, templateYear, docsBase, lang: uiLanguage() }), ...ruleActionsFor(doc.uri, context, ruleOptions)];
}));

// The edits of an action chosen from a lazy answer (capabilities.ts: codeActionResolve).
// A failure answers the action as it came: without an edit, it does nothing.
connection.onCodeActionResolve((unresolved, token) => guardRequest(log, 'codeAction/resolve', () => unresolved, async (action: CodeAction) => {
  const uri = (action.data as { uri?: unknown } | undefined)?.uri;
  const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
  if (!doc) return action;
  const { rules, templateYear } = await settings.for(doc.uri);
  return resolveAction(cache.get(doc).parsed, action, { uri: doc.uri, version: doc.version }, { rules, templateYear, lang: uiLanguage() });
})(unresolved, token));

// The client's "新建年度报告" command asks for the text; the template lives here.
connection.onRequest(NEW_REPORT_REQUEST, guardRequest(log, NEW_REPORT_REQUEST, () => '', (params: unknown) => {
  const p = (params ?? {}) as { year?: unknown; agency?: unknown };
  const year = Number(p.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100 || typeof p.agency !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, '新建年度报告需要 { year: 2008–2100 的整数, agency: 字符串 } (year must be an integer, agency a string)');
  }
  return newReport({ year, agency: p.agency.trim() });
}));

// Originals (web pages, Word files, PDFs) read for the client's read-only renditions (client/src/originals.ts).
registerOriginals(connection, renditions);

// Status item, table preview and workspace check (client/src/statusItem.ts, preview.ts, workspaceCheck.ts).
registerCustomRequests(connection, {
  open: (uri) => {
    const doc = documents.get(uri);
    return doc ? { version: doc.version, parsed: cache.get(doc).parsed } : undefined;
  },
  settings,
  docsBase,
  placed: (uri, parsed, items) => renditions.withPlaces(uri, parsed, items),
  lastYear: async (uri, parsed, rules) => {
    scanOnce();
    if (scan !== 'done') return { findings: [], cells: [] };
    return crossYearAnswers(uri, parsed, yearIndex, openReports, { lang: uiLanguage(), rules }, true);
  },
});

const pull = pullDiagnosticsHandler({ documents, cache, settings, docsBase, placed: (uri, parsed, items) => renditions.withPlaces(uri, parsed, items), crossYear });
connection.languages.diagnostics.on(
  guardRequest(log, 'diagnostic', () => EMPTY_REPORT, async (params, token) => {
    firstDiagnostics.pulling(params.textDocument.uri);
    try {
      return await pull(params, token);
    } finally {
      firstDiagnostics.answered(params.textDocument.uri);
    }
  }),
);

connection.onDidChangeConfiguration(guardNotification(log, 'didChangeConfiguration', async ({ settings: changed }) => {
  settings.changed(changed);
  if (!features.pullDiagnostics) pusher.scheduleAll();
  else if (features.diagnosticRefresh) await connection.languages.diagnostics.refresh();
}));

// .gov-report.json is followed as it changes (issue 16): the server asks the client to watch it (a file
// above the workspace folders is read again when a document opens or the settings change).
connection.onInitialized(() => {
  if (features.watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
});

registerRuleDocsCommand(connection, docsBase);

// Over --node-ipc the library notices a dead parent only through the
// processId watchdog (every few seconds); a closed channel says it at once.
let shutdownRequested = false;
connection.onShutdown(() => {
  shutdownRequested = true;
});
if (process.send) process.on('disconnect', () => process.exit(shutdownRequested ? 0 : 1));

/** The hover with one more paragraph under a rule (or that paragraph alone). */
function withLine(answer: Hover | undefined, line: string): Hover {
  if (!answer) return { contents: { kind: 'markdown', value: line } };
  const { contents } = answer;
  if (typeof contents === 'object' && 'kind' in contents) return { ...answer, contents: { kind: contents.kind, value: `${contents.value}\n\n---\n\n${line}` } };
  return { ...answer, contents: [...(Array.isArray(contents) ? contents : [contents]), line] };
}

documents.listen(connection);
connection.listen();
