// The cross-year findings of an open report (issue 15): its own agency's
// reports of this year and last, open or only on disk, handed to the core.
// Open documents are taken as they are in the editor, not as saved.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkAcrossYears, lastYearCells, ORIGINAL_EXTENSIONS, placedIdentity, sameAgency, type Lang, type ParsedDocument, type ReportIdentity, type YearCandidate, type LastYearCell, type Finding, type RuleSeverities } from '../core/service';
import type { YearIndex } from './yearIndex';

/** The client's scheme for an original's read-only rendition; its query is the original's URI (client/src/originals.ts). */
export const ORIGINAL_SCHEME = 'gov-report-original';

export interface OpenReport {
  readonly uri: string;
  /** The document's version: a cross-year answer is stale when another report's version moved. */
  readonly version?: number;
  readonly parsed: ParsedDocument;
}

export interface OpenReports {
  /** Every open report with its current parse. */
  all(): readonly OpenReport[];
}

/** The file a URI stands for on disk: a document opened from a file, or the original a rendition shows; else undefined. */
export function fileOf(uri: string): string | undefined {
  if (uri.startsWith(`${ORIGINAL_SCHEME}:`)) {
    const query = uri.indexOf('?');
    return query < 0 ? undefined : fileOf(decodeURIComponent(uri.slice(query + 1)));
  }
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** How an editor opens a report on disk: an original as its rendition (a PDF's bytes are no text to show), else the file. */
export function editorUriOf(file: string): string {
  const fileUri = pathToFileURL(file).href;
  if (!Object.hasOwn(ORIGINAL_EXTENSIONS, path.extname(file).toLowerCase())) return fileUri;
  return `${ORIGINAL_SCHEME}:${pathToFileURL(file).pathname}?${encodeURIComponent(fileUri)}`;
}

const nameOf = (uri: string): string => {
  const file = fileOf(uri);
  return file ? path.basename(file) : decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
};

/** The open reports of the same agency in this year or the last, besides `uri` itself. */
function openPeers(uri: string, identity: ReportIdentity, open: OpenReports): OpenReport[] {
  return open.all().filter((other) => {
    if (other.uri === uri) return false;
    const id = placedIdentity(other.parsed.report, other.uri);
    return !!id && sameAgency(id.agency, identity.agency) && (id.year === identity.year || id.year === identity.year - 1);
  });
}

/**
 * What a report's cross-year findings depend on besides its own text: the
 * disk index's generation and the versions of its open peers. Equal keys,
 * equal findings; '' when there can be none: the report names no agency and
 * year, or its agency has no report of the year before or after (the key
 * turns non-empty when one appears, so the answer is made again then).
 */
export function crossYearKey(uri: string, parsed: ParsedDocument, index: YearIndex, open: OpenReports, indexReady = true): string {
  const identity = placedIdentity(parsed.report, uri);
  if (!identity) return '';
  if (!indexReady) return 'the folders are being walked';
  const peers = openPeers(uri, identity, open);
  // No report of the year before or after, open or on disk: nothing is compared, whatever the twins this year
  // (an edit in a same-year draft then leaves this report's answer alone).
  const adjacent = (year: number) => peers.some((p) => placedIdentity(p.parsed.report, p.uri)?.year === year) || index.reportsOf(identity.agency, [year]).length > 0;
  if (!adjacent(identity.year - 1) && !adjacent(identity.year + 1)) return '';
  return `${index.generation}|${peers.map((p) => `${p.uri}@${p.version ?? ''}`).sort().join('|')}`;
}

/** This report and its agency's reports of this year and last: open ones as the editor has them, the rest from disk. */
async function candidatesFor(uri: string, parsed: ParsedDocument, index: YearIndex, open: OpenReports): Promise<YearCandidate[]> {
  const identity = placedIdentity(parsed.report, uri);
  if (!identity) return [];
  const candidates: YearCandidate[] = [{ uri, name: nameOf(uri), report: parsed.report, lines: parsed.lines, text: parsed.text }];
  // Files already represented (the open document itself, other open reports): their disk copy is not a second candidate.
  const taken = new Set<string>([fileOf(uri) ?? uri]);
  for (const other of openPeers(uri, identity, open)) {
    candidates.push({ uri: other.uri, name: nameOf(other.uri), report: other.parsed.report, lines: other.parsed.lines, text: other.parsed.text });
    taken.add(fileOf(other.uri) ?? other.uri);
  }
  for (const disk of index.reportsOf(identity.agency, [identity.year, identity.year - 1])) {
    if (taken.has(path.normalize(disk.file))) continue;
    const doc = await index.parsed(disk.file);
    if (doc) candidates.push({ uri: editorUriOf(disk.file), name: path.basename(disk.file), report: doc.report, lines: doc.lines, text: doc.text });
  }
  return candidates;
}

export async function crossYearFindings(
  uri: string,
  parsed: ParsedDocument,
  index: YearIndex,
  open: OpenReports,
  options: { lang: Lang; rules?: RuleSeverities },
): Promise<Finding[]> {
  return (await crossYearAnswers(uri, parsed, index, open, options)).findings;
}

/** Last year's figure beside each cell that has one, for the hover. */
export async function crossYearCells(uri: string, parsed: ParsedDocument, index: YearIndex, open: OpenReports): Promise<LastYearCell[]> {
  const candidates = await candidatesFor(uri, parsed, index, open);
  return candidates.length < 2 ? [] : lastYearCells(candidates, uri);
}

/** The findings and last year's figures from one gathering of the candidates (the table preview wants both). */
export async function crossYearAnswers(
  uri: string,
  parsed: ParsedDocument,
  index: YearIndex,
  open: OpenReports,
  options: { lang: Lang; rules?: RuleSeverities },
  withCells = false,
): Promise<{ findings: Finding[]; cells: LastYearCell[] }> {
  const candidates = await candidatesFor(uri, parsed, index, open);
  if (candidates.length < 2) return { findings: [], cells: [] };
  return { findings: checkAcrossYears(candidates, options).get(uri) ?? [], cells: withCells ? lastYearCells(candidates, uri) : [] };
}

/** The open reports whose cross-year findings read `uri`'s figures: the same agency's next year, or the same year. */
export function dependentsOf(uri: string, parsed: ParsedDocument, open: OpenReports): string[] {
  const identity = placedIdentity(parsed.report, uri);
  if (!identity) return [];
  return open.all().flatMap((other) => {
    if (other.uri === uri) return [];
    const id = placedIdentity(other.parsed.report, other.uri);
    return id && sameAgency(id.agency, identity.agency) && (id.year === identity.year + 1 || id.year === identity.year) ? [other.uri] : [];
  });
}
