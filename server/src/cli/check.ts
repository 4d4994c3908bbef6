// The `check` command: collect files, read each (an original through its
// reader, a text file decoded), apply the nearest config and the --rule
// options, run the core, print, choose the exit code. Files are read one after
// another: the output's order and the messages' order stay those of the walk.

import { check, describePlace, looksLikeReport, parseDocument } from '../core/service';
import type { Range } from '../core/model';
import type { RuleSeverities } from '../core/rules/types';
import type { Command } from './args';
import { ConfigResolver, unknownRuleCodes, type FolderConfig } from './config';
import { EXIT_ERRORS_FOUND, EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { CrossYearRun } from './cross-year';
import { collectFiles } from './files';
import { countErrors, originalLocation, sortResults, toReported, type FileResult } from './format';
import type { Io } from './io';
import { NotTextError } from './decode';
import { cannotRead, displayPath, internalError, invalidConfig, unknownRules } from './messages';
import { renderResults, writeResult } from './output';
import { reviewFacts } from './review-facts';
import { OriginalProblemError, readInput, type ReadInput } from './read';

export async function runCheck(command: Extract<Command, { kind: 'check' }>, io: Io): Promise<number> {
  const lang = command.lang ?? 'zh';
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
  const years = command.crossYear ? new CrossYearRun() : undefined;
  for (const file of files) {
    let input: ReadInput;
    try {
      input = await readInput(file.path);
    } catch (error) {
      // A binary file in a folder is not a report: skipped like any other file that is not one. An original
      // its reader cannot read (a scanned PDF) may well be one: said, and the run ends with exit 2.
      // An original with no text at all (an empty page in a saved site) is no report either.
      const nothing = error instanceof NotTextError || (error instanceof OriginalProblemError && error.problem.kind === 'empty');
      if (nothing && !file.explicit) {
        skipped++;
        continue;
      }
      io.err(cannotRead(file.path, error, lang));
      notChecked++;
      continue;
    }
    // A folder may hold notes and exports besides reports; checking those
    // would only produce noise. A file named explicitly is always checked.
    const { text } = input;
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
      const findings = check(doc, { rules, lang });
      const review = command.format === 'html' ? { review: reviewFacts(doc, { rules, lang }) } : {};
      let result: FileResult;
      if (input.kind === 'text') result = { file: file.path, format: 'text', diagnostics: findings.map((f) => toReported(f, doc.lines)), ...review };
      else {
        const { format, rendition } = input;
        const placeOf = (range: Range) => originalLocation(format, describePlace(doc, rendition, range, { lang }));
        result = { file: file.path, format, diagnostics: findings.map((f) => toReported(f, doc.lines, placeOf)), ...review };
      }
      results.push(result);
      years?.add({ result, doc, rules, ...(input.kind === 'original' ? { original: { format: input.format, rendition: input.rendition } } : {}) });
    } catch (error) {
      // A core bug on one file must not hide the verdict on the others.
      io.err(internalError(file.path, error));
      notChecked++;
    }
  }

  // After every file: a report is read beside last year's wherever the walk met it.
  try {
    years?.finish(lang);
  } catch (error) {
    io.err(internalError('(year against year)', error));
  }
  sortResults(results);
  if (!writeResult(renderResults(command.format, results, { skipped, notChecked }, lang), command.output, io)) return EXIT_TROUBLE;
  if (notChecked) return EXIT_TROUBLE;
  return countErrors(results) ? EXIT_ERRORS_FOUND : EXIT_OK;
}
