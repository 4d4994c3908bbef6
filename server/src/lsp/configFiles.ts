// `.gov-report.json` for the documents the server checks: the same nearest
// file the CLI finds (node/config-files.ts), looked up from the document's
// place on disk. A rendition of an original (gov-report-original:, its
// original's URI as query) is governed by the original's folder, as the CLI
// governs the original. Untitled and virtual documents have no config file.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, type RuleSeverities } from '../core/service';
import { ConfigResolver } from '../node/config-files';

const ORIGINAL_SCHEME = 'gov-report-original:';

/** The file on disk a document stands for, else undefined. */
export function documentPath(uri: string): string | undefined {
  try {
    if (uri.startsWith('file:')) return path.normalize(fileURLToPath(uri));
    if (uri.startsWith(ORIGINAL_SCHEME)) {
      const original = decodeURIComponent(new URL(uri).search.slice(1));
      return original.startsWith('file:') ? path.normalize(fileURLToPath(original)) : undefined;
    }
  } catch {
    // Not a URI Node can read as a file: no config file.
  }
  return undefined;
}

/** Where "关闭此规则" writes: the governing file (its text as on disk), or a new one. */
export type ConfigTarget = { file: string; text: string } | { file: string; text: undefined };

export class ConfigFiles {
  private readonly resolver = new ConfigResolver();
  /** Invalid files already told about (file + reason), so a broken file is said once, not per document. */
  private readonly told = new Set<string>();
  private roots: string[] = [];

  /** `onInvalid`: a config file that governs a document cannot be used (its reason, for the user). */
  constructor(private readonly onInvalid: (file: string, reason: string) => void = () => undefined) {}

  /** The workspace folders (file: URIs): where a new config file goes when none governs a document. */
  setRoots(uris: readonly string[]): void {
    this.roots = uris.map(documentPath).filter((p): p is string => p !== undefined);
  }

  /**
   * The rules the governing config file sets, or undefined when none governs
   * the document. An invalid file is told once and then ignored: the editor
   * checks with the settings alone, where the CLI refuses to check (exit 2).
   */
  rulesFor(uri: string, options: { fresh?: boolean } = {}): RuleSeverities | undefined {
    const file = documentPath(uri);
    if (!file) return undefined;
    // Fresh: read from disk now, whether or not the server has heard of a change yet.
    const found = (options.fresh ? new ConfigResolver() : this.resolver).forFile(file);
    if (found.kind === 'loaded') return found.rules;
    if (found.kind === 'invalid' && !this.told.has(`${found.file}\n${found.reason}`)) {
      this.told.add(`${found.file}\n${found.reason}`);
      this.onInvalid(found.file, found.reason);
    }
    return undefined;
  }

  /**
   * The config file "关闭此规则" edits for a document: the one that governs it,
   * else a new one at the root of its workspace folder (the file's own folder
   * outside any). Undefined for a document not on disk, or when the file
   * cannot be read.
   */
  targetFor(uri: string): ConfigTarget | undefined {
    const file = documentPath(uri);
    if (!file) return undefined;
    const existing = this.resolver.fileFor(file);
    if (existing) {
      try {
        // Without its BOM: an editor shows the text without it, and the edit's positions are the editor's.
        return { file: existing, text: readFileSync(existing, 'utf8').replace(/^\uFEFF/, '') };
      } catch {
        return undefined;
      }
    }
    const root = this.roots.filter((r) => isInside(file, r)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);
    return { file: path.join(root, CONFIG_FILE_NAME), text: undefined };
  }

  /** A config file was created, changed or deleted: read them again. */
  changed(): void {
    this.resolver.clear();
    this.told.clear();
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
