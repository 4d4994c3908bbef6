// The reports on disk in the workspace, by agency and year, so that an open
// report can be checked against last year's even when that one is not open
// (issue 15). Files are identified once per modification (mtime and size) and
// parsed only when a report of the next year asks for them.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { placedIdentity, sameAgency, type ReportIdentity, isReportFileName, parseDocument, type ParsedDocument } from '../core/service';

/** Reads a report file into the text the checker reads (a text report decoded, an original's rendition); undefined if it cannot be read. */
export type ReportReader = (file: string) => Promise<string | undefined>;

export interface DiskReport {
  readonly file: string;
  readonly uri: string;
  readonly identity: ReportIdentity;
}

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly identity: ReportIdentity | undefined;
}

const MAX_FILES = 10_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** Last years' reports kept parsed: a workspace open on one agency's series needs one or two. */
const PARSED_KEPT = 16;
/** What is read of a file to name it: the title and the statistics period, with room for a page's chrome above them. */
const HEAD_CHARS = 4000;
/** What is read of a file whose head names no agency and year. */
const FALLBACK_CHARS = 200_000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

export class YearIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly parsedByFile = new Map<string, { mtimeMs: number; size: number; parsed: ParsedDocument }>();
  private generationCounter = 0;

  constructor(private readonly read: ReportReader) {}

  /** Bumped whenever a report's identity appears, changes or goes: answers that used the index are stale. */
  get generation(): number {
    return this.generationCounter;
  }

  /** Walks the folders (not following links, skipping dot folders and node_modules) and identifies every report. */
  async scan(folders: readonly string[]): Promise<void> {
    const files: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      if (files.length >= MAX_FILES) return;
      let names;
      try {
        names = await readdir(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of names) {
        if (entry.name.startsWith('.') || files.length >= MAX_FILES) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(full);
        else if (entry.isFile() && isReportFileName(entry.name)) files.push(full);
      }
    };
    for (const folder of folders) await walk(folder);
    for (const file of files) await this.update(file);
  }

  /** A file created or changed: identified again if it changed; true when what the index says changed. */
  async update(file: string): Promise<boolean> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return this.remove(file);
    }
    const known = this.entries.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return false;
    const identity = info.isFile() && info.size <= MAX_BYTES ? await this.identify(file) : undefined;
    this.entries.set(file, { mtimeMs: info.mtimeMs, size: info.size, identity });
    // A file whose content changed may be someone's last year: its findings must be computed again.
    this.generationCounter++;
    return true;
  }

  remove(file: string): boolean {
    this.parsedByFile.delete(file);
    if (!this.entries.delete(file)) return false;
    this.generationCounter++;
    return true;
  }

  /** The reports of an agency (its name as placedIdentity gives it; with or without its city: sameAgency) in the given years. */
  reportsOf(agency: string, years: readonly number[]): DiskReport[] {
    const out: DiskReport[] = [];
    for (const [file, entry] of this.entries) {
      if (entry.identity && years.includes(entry.identity.year) && sameAgency(entry.identity.agency, agency)) out.push({ file, uri: pathToFileURL(file).href, identity: entry.identity });
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : 1));
  }

  /** The report as parsed from disk (kept while the file is unchanged). */
  async parsed(file: string): Promise<ParsedDocument | undefined> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return undefined;
    }
    const hit = this.parsedByFile.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.parsed;
    return this.parse(file, info);
  }

  /**
   * Whose and which year a file is, from its head alone: the title and the 统计期限 stand in the first lines,
   * and a long draft parsed whole only to be named would hold the editor up while the folder is walked.
   */
  private async identify(file: string): Promise<ReportIdentity | undefined> {
    const text = await this.read(file).catch(() => undefined);
    if (text === undefined) return undefined;
    const end = text.length <= HEAD_CHARS ? text.length : text.lastIndexOf('\n', HEAD_CHARS);
    const named = placedIdentity(parseDocument(text.slice(0, end > 0 ? end : HEAD_CHARS)).report, file);
    // A page as a crawler saves it has its body on one line: a title without its year leaves the year to the 统计期限
    // in the body, past the head. Such a file is read further (bounded: a report's text, not a data dump).
    if (named || text.length <= HEAD_CHARS) return named;
    return placedIdentity(parseDocument(text.slice(0, FALLBACK_CHARS)).report, file);
  }

  private async parse(file: string, info: { mtimeMs: number; size: number }): Promise<ParsedDocument | undefined> {
    const text = await this.read(file).catch(() => undefined);
    if (text === undefined) return undefined;
    const parsed = parseDocument(text);
    this.parsedByFile.delete(file);
    this.parsedByFile.set(file, { mtimeMs: info.mtimeMs, size: info.size, parsed });
    // Oldest first in a Map: drop beyond the bound.
    for (const key of this.parsedByFile.keys()) {
      if (this.parsedByFile.size <= PARSED_KEPT) break;
      this.parsedByFile.delete(key);
    }
    return parsed;
  }
}
