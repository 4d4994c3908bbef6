// Item 10, year against year (issue 15): a folder of 1,000 reports (200
// agencies × 5 years, in five layouts and both templates, as yearSeries writes
// them) checked by the CLI as a reviewer runs it, with the cross-year checks
// and with --no-cross-year, alternately, each run a fresh process.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { yearSeries } from '../../test/helpers/year-series';
import type { Budget } from './coreSections';
import type { Table } from './report';
import { median, ms, ratio } from './stats';

const AGENCIES = 200;

function folderOfReports(): { dir: string; files: number; bytes: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-bench-years-'));
  let files = 0;
  let bytes = 0;
  for (let i = 1; i <= AGENCIES; i++) {
    const agency = `某某县交通运输局第${i}分局`;
    for (const { year, text } of yearSeries(agency)) {
      writeFileSync(path.join(dir, `${agency}_${year}.txt`), text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { dir, files, bytes };
}

function runCheck(root: string, dir: string, extra: string[]): { ms: number; crossYear: number } {
  const t = performance.now();
  let out = '';
  try {
    out = execFileSync(process.execPath, [path.join(root, 'bin', 'gov-report.js'), 'check', '--format', 'json', ...extra, dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  } catch (error) {
    // Exit 1 (errors found) is a normal outcome; its output is still the result.
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const elapsed = performance.now() - t;
  const crossYear = (out.match(/"code": "cross-year\./g) ?? []).length;
  return { ms: elapsed, crossYear };
}

export function crossYearFolder(root: string, budget: Budget): { table: Table; ratio: number } {
  const { dir, files, bytes } = folderOfReports();
  try {
    const withChecks: number[] = [];
    const without: number[] = [];
    let found = 0;
    const started = performance.now();
    for (let i = 0; i < 15 && (i < 3 || performance.now() - started < budget(120_000)); i++) {
      without.push(runCheck(root, dir, ['--no-cross-year']).ms);
      const run = runCheck(root, dir, []);
      withChecks.push(run.ms);
      found = run.crossYear;
    }
    const [a, b] = [median(withChecks), median(without)];
    return {
      table: {
        title: '10. Year against year: a folder of 1,000 reports',
        notes: [
          `${files} reports (${AGENCIES} agencies × 5 years, ${(bytes / 1e6).toFixed(1)} MB; the five layouts, the 2019 and 2021 templates) checked by \`gov-report check --format json\` in a fresh process, with and without \`--no-cross-year\`, alternately; median of ${withChecks.length} runs each. The cross-year run found ${found} cross-year findings (4 an agency: one break of each kind in its series).`,
        ],
        head: ['run', 'median', 'reports/s', 'against --no-cross-year'],
        rows: [
          ['check --no-cross-year', ms(b), (files / (b / 1000)).toFixed(0), ''],
          ['check (cross-year checks on)', ms(a), (files / (a / 1000)).toFixed(0), `${ratio(a / b)}×`],
        ],
      },
      ratio: a / b,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
