// The `check` command: collect files, find each one's config (the nearest
// .gov-report.json, and the --rule options on top), check the files on all
// cores (check-pool.ts, check-file.ts), read the reports beside last year's,
// print, choose the exit code. Whatever the threads, the output and the
// messages are in the walk's order, as a run on one thread gives them.

import { availableParallelism } from 'node:os';
import { type RuleSeverities, agencyLinks, LineIndex } from '../core/service';
import type { Command } from './args';
import type { CheckTask, YearData } from './check-file';
import { CheckPool } from './check-pool';
import { ConfigResolver, unknownRuleCodes, type FolderConfig } from './config';
import { EXIT_ERRORS_FOUND, EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import { CrossYearRun, type YearEntry } from './cross-year';
import { collectFiles } from './files';
import { countErrors, sortResults, type FileResult } from './format';
import type { Io } from './io';
import { cannotRead, displayPath, internalError, invalidConfig, unknownRules } from './messages';
import { renderResults, writeResult } from './output';
import { ProgressLine } from './progress';

export async function runCheck(command: Extract<Command, { kind: 'check' }>, io: Io): Promise<number> {
  const lang = command.lang ?? 'zh';
  const unknownOnCommandLine = unknownRuleCodes(command.rules);
  if (unknownOnCommandLine.length) io.err(unknownRules(unknownOnCommandLine, '--rule'));

  const { files, unreadable } = collectFiles(command.paths);
  for (const u of unreadable) io.err(cannotRead(u.path, u.error));
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
  const years = command.crossYear ? new CrossYearRun() : undefined;
  const fileConfigs = files.map((file) => configs.forFile(file.path));
  const tasks: CheckTask[] = files.map((file, i) => {
    const config = fileConfigs[i]!;
    const rules = config.kind === 'invalid' ? ('invalid' as const) : { ...(config.kind === 'loaded' ? config.rules : {}), ...command.rules };
    return { path: file.path, explicit: file.explicit, rules, lang, ...(command.templateYear !== undefined ? { templateYear: command.templateYear } : {}), review: command.format === 'html', crossYear: !!years };
  });
  // The files are checked on all cores; what comes of each is taken in the walk's order.
  const pool = new CheckPool(command.jobs ?? availableParallelism());
  const identified: (Identified & { result: FileResult })[] = [];
  let done = 0;
  let closing: Promise<void> | undefined;
  try {
    await pool.checkAll(tasks, (index, outcome) => {
      progress?.update(++done);
      if (outcome.kind === 'skipped') skipped++;
      else if (outcome.kind === 'unreadable') {
        say(outcome.message);
        notChecked++;
      } else {
        // Told when the first report it governs is met, as a run on one thread tells it.
        announce(fileConfigs[index]!);
        if (outcome.kind === 'config-invalid') notChecked++;
        else {
          results.push(outcome.result);
          if (outcome.identity) identified.push({ index, result: outcome.result, ...outcome.identity });
        }
      }
    });
    // Only a report with another of its agency within a year of it may be read beside one (or be told it is ambiguous).
    const near = mayPair(identified);
    const paired = identified.filter((r) => near.has(r.index));
    const data = years && paired.length ? await pool.yearData(paired.map((r) => r.index)) : new Map<number, YearData>();
    for (const { index, result, agency, year: reportYear } of paired) {
      const year = data.get(index);
      if (year) years?.add({ result, doc: yearDocument(year), rules: tasks[index]!.rules as RuleSeverities, identity: { agency, year: reportYear }, ...(year.same !== undefined ? { same: year.same } : {}), ...(year.original ? { original: year.original } : {}) });
    }
  } finally {
    // The workers wind down while the cross-year pass runs (awaited below).
    closing = pool.close();
    closing.catch(() => undefined); // awaited below, unless the run failed before
  }
  progress?.clear();

  // After every file: a report is read beside last year's wherever the walk met it.
  try {
    years?.finish(lang);
  } catch (error) {
    say(internalError('(year against year)', error));
  }
  await closing;
  sortResults(results);
  if (!writeResult(renderResults(command.format, results, { skipped, notChecked }, lang), command.output, io)) return EXIT_TROUBLE;
  if (notChecked) return EXIT_TROUBLE;
  return countErrors(results) ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/** What the cross-year pass reads of a report, its line index made again where it crossed from a worker. */
function yearDocument(year: YearData): YearEntry['doc'] {
  return { report: year.report, text: year.text, lines: new LineIndex(year.text, year.lineStarts) };
}

interface Identified {
  index: number;
  agency: string;
  year: number;
}

/**
 * The reports the cross-year pass may pair (core/cross-year/pairs.ts): those with another report of the same
 * agency (its name, or its name with a city or province before it) of the year before, the same year or the
 * year after. A superset of what pairByYear relates; the others' models need not leave their worker.
 */
function mayPair(reports: readonly Identified[]): Set<number> {
  const byAgencyYear = new Map<string, Identified[]>();
  const keyOf = (agency: string, year: number) => `${agency}\u0000${year}`;
  for (const r of reports) {
    const k = keyOf(r.agency, r.year);
    const list = byAgencyYear.get(k);
    if (list) list.push(r);
    else byAgencyYear.set(k, [r]);
  }
  const related = agencyLinks(reports.map((r) => r.agency));
  const out = new Set<number>();
  for (const r of reports) {
    for (const agency of [r.agency, ...related(r.agency)]) {
      for (const year of [r.year - 1, r.year, r.year + 1]) {
        for (const other of byAgencyYear.get(keyOf(agency, year)) ?? []) if (other.index !== r.index) out.add(r.index).add(other.index);
      }
    }
  }
  return out;
}
