// The `check` command: collect files, find each one's config (the nearest
// .gov-report.json, and the --rule options on top), check the files on all
// cores (check-pool.ts, check-file.ts), read the reports beside last year's,
// print, choose the exit code. Whatever the threads, the output and the
// messages are in the walk's order, as a run on one thread gives them.

import path from 'node:path';
import { pairByYear, type ReportIdentity } from '../core/service';
import type { Command } from './args';
import { startBatch, type CheckTask } from './check-file';
import { CheckPool, defaultJobs } from './check-pool';
import { ConfigResolver, unknownRuleCodes, type FolderConfig } from './config';
import { EXIT_ERRORS_FOUND, EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { collectFiles } from './files';
import { countErrors, sortResults, type FileResult, type UncheckedPath } from './format';
import type { Io } from './io';
import { cannotRead, displayPath, internalError, invalidConfig, unknownRules } from './messages';
import { renderResults, writeResult } from './output';
import { ProgressLine } from './progress';
import type { YearJob } from './year-keeper';

export async function runCheck(command: Extract<Command, { kind: 'check' }>, io: Io): Promise<number> {
  const lang = command.lang ?? 'zh';
  const unknownOnCommandLine = unknownRuleCodes(command.rules);
  if (unknownOnCommandLine.length) io.err(unknownRules(unknownOnCommandLine, '--rule'));

  const { files, unreadable } = collectFiles(command.paths);
  const unchecked: UncheckedPath[] = unreadable.map((u) => ({ file: u.path, message: cannotRead(u.path, u.error) }));
  for (const u of unchecked) io.err(u.message);
  const progress = io.progress && !command.quiet && files.length > 1 ? new ProgressLine(files.length, io.progress, lang) : undefined;
  // A message for the user takes the progress line's place; the next update draws it again below.
  const say = (line: string) => {
    progress?.clear();
    io.err(line);
  };
  let notChecked = unreadable.length;
  let skipped = 0;

  const configs = new ConfigResolver();
  const announced = new Set<string>();
  // Each config file's problems are told once, however many files it governs.
  const announce = (config: FolderConfig) => {
    if (config.kind === 'none' || announced.has(config.file)) return;
    announced.add(config.file);
    if (config.kind === 'invalid') say(invalidConfig(config.file, config.reason));
    else {
      const unknown = unknownRuleCodes(config.rules);
      if (unknown.length) say(unknownRules(unknown, displayPath(config.file)));
    }
  };

  const results: FileResult[] = [];
  const fileConfigs = files.map((file) => configs.forFile(file.path));
  const tasks: CheckTask[] = files.map((file, i) => {
    const config = fileConfigs[i]!;
    const rules = config.kind === 'invalid' ? ('invalid' as const) : { ...(config.kind === 'loaded' ? config.rules : {}), ...command.rules };
    return { path: file.path, explicit: file.explicit, rules, lang, ...(command.templateYear !== undefined ? { templateYear: command.templateYear } : {}), review: command.format === 'html', crossYear: command.crossYear };
  });
  // The files are checked on every core but one (defaultJobs); what comes of each is taken in the walk's order.
  startBatch();
  const pool = new CheckPool(command.jobs ?? defaultJobs());
  const identified = new Map<number, { result: FileResult; identity: ReportIdentity }>();
  let done = 0;
  let closing: Promise<void> | undefined;
  try {
    await pool.checkAll(
      tasks,
      (index, outcome) => {
        if (outcome.kind === 'skipped') skipped++;
        else if (outcome.kind === 'unreadable') {
          say(outcome.message);
          unchecked.push({ file: tasks[index]!.path, message: outcome.message });
          notChecked++;
        } else {
          // Told when the first report it governs is met, as a run on one thread tells it.
          const config = fileConfigs[index]!;
          announce(config);
          if (outcome.kind === 'config-invalid') {
            if (config.kind === 'invalid') unchecked.push({ file: tasks[index]!.path, message: invalidConfig(config.file, config.reason) });
            notChecked++;
          }
          else {
            results.push(outcome.result);
            if (outcome.identity) identified.set(index, { result: outcome.result, identity: outcome.identity });
          }
        }
      },
      () => progress?.update(++done),
    );
    progress?.clear();
    // After every file: each report read beside last year's wherever the walk met it, in the thread that holds it.
    if (command.crossYear && identified.size > 1) {
      const { results: found, errors } = await pool.compare(await yearJobs(identified, tasks, pool), lang);
      for (const [index, diagnostics] of found) identified.get(index)!.result.diagnostics.push(...diagnostics);
      for (const error of errors) say(internalError('(year against year)', error));
    }
  } finally {
    // The workers wind down while the results are written (awaited below).
    closing = pool.close();
    closing.catch(() => undefined); // awaited below, unless the run failed before
  }
  await closing;
  sortResults(results);
  if (!writeResult(renderResults(command.format, results, { skipped, notChecked, unchecked: sortedUnchecked(unchecked) }, lang), command.output, io)) return EXIT_TROUBLE;
  if (notChecked) return EXIT_TROUBLE;
  return countErrors(results) ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/** In the order of the paths, as the results are (the threads finish in any order). */
function sortedUnchecked(unchecked: readonly UncheckedPath[]): UncheckedPath[] {
  return [...unchecked].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * What the cross-year pass does for each report: read it against last year's, or say why it cannot (pairs.ts).
 * Same-report keys are asked only where two reports claim one agency and year (copies, drafts): which ones
 * pairByYear asks about depends on how many claim each, never on the keys, so a first pass without keys finds them.
 */
async function yearJobs(identified: ReadonlyMap<number, { identity: ReportIdentity }>, tasks: readonly CheckTask[], pool: CheckPool): Promise<YearJob[]> {
  const identities = new Map([...identified].map(([index, r]) => [index, r.identity]));
  const asked = new Set<number>();
  pairByYear(identities, (i) => void asked.add(i));
  const keys = asked.size ? await pool.sameKeys([...asked]) : new Map<number, string | undefined>();
  const jobs: YearJob[] = [];
  for (const [index, pair] of pairByYear(identities, (i) => keys.get(i))) {
    if (pair.kind === 'previous') jobs.push({ index, kind: 'previous', previous: pair.previous, year: identities.get(index)!.year });
    else jobs.push({ index, kind: 'ambiguous', year: pair.year, names: pair.candidates.map((k) => path.basename(tasks[k]!.path)) });
  }
  return jobs;
}
