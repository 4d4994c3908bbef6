// Finding `.gov-report.json` on disk: the nearest one in the file's folder or
// any folder above it applies, alone (no cascading). Shared by the CLI
// (cli/check.ts) and the language server (lsp/settings.ts), so both read the
// same file the same way; the parsing is core/config.ts.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, type RuleSeverities } from '../core/service';

export type FolderConfig =
  | { kind: 'none' }
  | { kind: 'loaded'; file: string; rules: RuleSeverities }
  | { kind: 'invalid'; file: string; reason: string };

/** Finds the nearest config file for a path; only the nearest one applies. */
export class ConfigResolver {
  // Keyed by absolute folder: a run over a big tree reads each config once
  // and stats each folder once. The server clears it when a config file changes.
  private readonly cache = new Map<string, FolderConfig>();

  forFile(filePath: string): FolderConfig {
    return this.forFolder(path.dirname(path.resolve(filePath)));
  }

  /** The config file that governs `filePath`, whether valid or not; undefined when there is none. */
  fileFor(filePath: string): string | undefined {
    const found = this.forFile(filePath);
    return found.kind === 'none' ? undefined : found.file;
  }

  /** Forget what was read: a config file was created, changed or deleted. */
  clear(): void {
    this.cache.clear();
  }

  private forFolder(folder: string): FolderConfig {
    const cached = this.cache.get(folder);
    if (cached) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let result: FolderConfig;
    if (isFile(candidate)) result = load(candidate);
    else {
      const parent = path.dirname(folder);
      result = parent === folder ? { kind: 'none' } : this.forFolder(parent);
    }
    this.cache.set(folder, result);
    return result;
  }
}

function load(file: string): FolderConfig {
  try {
    return { kind: 'loaded', file, rules: parseConfig(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { kind: 'invalid', file, reason: (error as Error).message };
  }
}

function isFile(p: string): boolean {
  try {
    // No exception for the usual answer (no config in this folder): a folder walk stats many.
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
