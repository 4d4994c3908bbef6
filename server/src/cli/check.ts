// The `check` command: collect files, read and decode each, apply the nearest
// config and the --rule options, run the core, print, choose the exit code.

import { check, looksLikeReport, parseDocument } from '../core/service';
import type { RuleSeverities } from '../core/rules/types';
import type { Command } from './args';
import { ConfigResolver, unknownRuleCodes, type FolderConfig } from './config';
import { EXIT_ERRORS_FOUND, EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { collectFiles } from './files';
import { countErrors, formatJson, formatText, sortResults, toReported, type FileResult } from './format';
import type { Io } from './io';
import { NotTextError } from './decode';
import { cannotRead, displayPath, internalError, invalidConfig, unknownRules } from './messages';
import { readReport } from './read';

export function runCheck(command: Extract<Command, { kind: 'check' }>, io: Io): number {
  const unknownOnCommandLine = unknownRuleCodes(command.rules);
  if (unknownOnCommandLine.length) io.err(unknownRules(unknownOnCommandLine, '--rule'));

  const { files, unreadable } = collectFiles(command.paths);
  for (const u of unreadable) io.err(cannotRead(u.path, u.error));
  let notChecked = unreadable.length;
  let skipped = 0;

  const configs = new ConfigResolver();
  const announced = new Set<string>();
  // Each config file's problems are told once, however many files it governs.
  const announce = (config: FolderConfig) => {
    if (config.kind === 'none' || announced.has(config.file)) return;
    announced.add(config.file);
    if (config.kind === 'invalid') io.err(invalidConfig(config.file, config.reason));
    else {
      const unknown = unknownRuleCodes(config.rules);
      if (unknown.length) io.err(unknownRules(unknown, displayPath(config.file)));
    }
  };

  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readReport(file.path).text;
    } catch (error) {
      // A PDF or Word file in a folder is not a text report: skipped like any other file that is not one.
      if (error instanceof NotTextError && !file.explicit) {
        skipped++;
        continue;
      }
      io.err(cannotRead(file.path, error));
      notChecked++;
      continue;
    }
    // A folder may hold notes and exports besides reports; checking those
    // would only produce noise. A file named explicitly is always checked.
    if (!file.explicit && !looksLikeReport(text)) {
      skipped++;
      continue;
    }
    const config = configs.forFile(file.path);
    announce(config);
    if (config.kind === 'invalid') {
      notChecked++;
      continue;
    }
    const rules: RuleSeverities = { ...(config.kind === 'loaded' ? config.rules : {}), ...command.rules };
    try {
      const doc = parseDocument(text);
      results.push({ file: file.path, diagnostics: check(doc, { rules, lang: command.lang ?? 'zh' }).map((f) => toReported(f, doc.lines)) });
    } catch (error) {
      // A core bug on one file must not hide the verdict on the others.
      io.err(internalError(file.path, error));
      notChecked++;
    }
  }

  sortResults(results);
  io.out(command.format === 'json' ? formatJson(results) : formatText(results, { skipped, notChecked }, command.lang ?? 'zh'));
  if (notChecked) return EXIT_TROUBLE;
  return countErrors(results) ? EXIT_ERRORS_FOUND : EXIT_OK;
}
