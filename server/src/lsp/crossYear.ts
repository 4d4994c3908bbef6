// The cross-year findings of an open report (issue 15): its own agency's
// reports of this year and last, open or only on disk, handed to the core.
// Open documents are taken as they are in the editor, not as saved.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAcrossYears, reportIdentity, type YearCandidate } from '../core/cross-year';
import type { Lang } from '../core/i18n';
import type { Finding, RuleSeverities } from '../core/rules/types';
import type { ParsedDocument } from '../core/service';
import type { YearIndex } from './yearIndex';

export interface OpenReports {
  /** Every open report with its current parse. */
  all(): readonly { uri: string; parsed: ParsedDocument }[];
}

/** The file a URI names on disk (a document opened from a file), else undefined. */
export function fileOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

const nameOf = (uri: string): string => {
  const file = fileOf(uri);
  return file ? path.basename(file) : decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
};

export async function crossYearFindings(
  uri: string,
  parsed: ParsedDocument,
  index: YearIndex,
  open: OpenReports,
  options: { lang: Lang; rules?: RuleSeverities },
): Promise<Finding[]> {
  const identity = reportIdentity(parsed.report);
  if (!identity) return [];
  const years = [identity.year, identity.year - 1];
  const candidates: YearCandidate[] = [{ uri, name: nameOf(uri), report: parsed.report, lines: parsed.lines }];
  // Files already represented (the open document itself, other open reports): their disk copy is not a second candidate.
  const taken = new Set<string>([fileOf(uri) ?? uri]);
  for (const other of open.all()) {
    if (other.uri === uri) continue;
    const id = reportIdentity(other.parsed.report);
    if (!id || id.agency !== identity.agency || !years.includes(id.year)) continue;
    candidates.push({ uri: other.uri, name: nameOf(other.uri), report: other.parsed.report, lines: other.parsed.lines });
    taken.add(fileOf(other.uri) ?? other.uri);
  }
  for (const disk of index.reportsOf(identity.agency, years)) {
    if (taken.has(path.normalize(disk.file))) continue;
    const doc = await index.parsed(disk.file);
    if (doc) candidates.push({ uri: disk.uri, name: path.basename(disk.file), report: doc.report, lines: doc.lines });
  }
  if (candidates.length < 2) return [];
  return checkAcrossYears(candidates, options).get(uri) ?? [];
}
