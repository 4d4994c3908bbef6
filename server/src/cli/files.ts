// The paths given on the command line → the files to check. Folders are
// walked for *.txt and originals (web pages, Word files, PDFs: .html .htm
// .docx .doc .pdf …); a file named explicitly is taken whatever its extension.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isReportFileName } from '../core/service';

export interface FileToCheck {
  /** As given, or joined onto the folder as given: what the user sees. */
  path: string;
  /** Named on the command line (checked even if it does not look like a report). */
  explicit: boolean;
}

export interface UnreadablePath {
  path: string;
  error: unknown;
}

export interface CollectedFiles {
  files: FileToCheck[];
  unreadable: UnreadablePath[];
}

export function collectFiles(inputs: readonly string[]): CollectedFiles {
  const files: FileToCheck[] = [];
  const unreadable: UnreadablePath[] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: boolean) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: file, explicit });
  };

  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: folder, error });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Dot entries: .git, .vscode, and macOS "._name.txt" resource forks.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isReportFileName(entry.name) && entry.isFile()) add(full, false);
      else if (isReportFileName(entry.name) && entry.isSymbolicLink()) {
        // Symbolic links to folders are not followed: they can form cycles.
        // A link to nothing is a report the user meant to have checked: say so.
        const target = linkTarget(full);
        if (target.error) unreadable.push({ path: full, error: target.error });
        else if (target.isFile) add(full, false);
      }
    }
  };

  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch (error) {
      unreadable.push({ path: input, error });
      continue;
    }
    if (isDirectory) walk(input);
    else add(input, true);
  }
  return { files, unreadable };
}

function linkTarget(p: string): { isFile: boolean; error?: unknown } {
  try {
    return { isFile: statSync(p).isFile() };
  } catch (error) {
    return { isFile: false, error };
  }
}
