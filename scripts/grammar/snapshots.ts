// Grammar snapshot tests over the committed real reports (test/fixtures/seeds,
// untouched): each seed is tokenised with syntaxes/gov-report.tmLanguage.json by
// vscode-tmgrammar-snap and compared with its committed snapshot in
// test/grammar/snapshots/. The tool keeps a snapshot beside its source, so the
// run happens in a temporary folder and the seeds folder stays an exact copy
// of shared/. The shared corpus (../shared/corpus) is not snapshotted: a
// snapshot holds the whole text, and those texts are not committed.
//
//   node --import tsx scripts/grammar/snapshots.ts            compare (part of npm test)
//   node --import tsx scripts/grammar/snapshots.ts --update   rewrite the snapshots after a grammar change

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
const SNAPSHOTS = path.join(ROOT, 'test', 'grammar', 'snapshots');
const TOOL = path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'snapshot.js');

const update = process.argv.includes('--update');
const fixtures = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SEEDS, f));
const work = mkdtempSync(path.join(tmpdir(), 'gov-report-grammar-'));
let status = 0;
try {
  const missing: string[] = [];
  for (const file of fixtures) {
    const name = path.basename(file);
    copyFileSync(file, path.join(work, name));
    const snap = path.join(SNAPSHOTS, `${name}.snap`);
    if (existsSync(snap)) copyFileSync(snap, path.join(work, `${name}.snap`));
    else missing.push(name);
  }
  if (missing.length && !update) {
    console.error(`缺少语法快照 (missing grammar snapshots): ${missing.join(', ')}\n运行 npm run grammar:update-snapshots 生成。`);
    status = 1;
  } else {
    const run = spawnSync(process.execPath, [TOOL, '--config', path.join(ROOT, 'package.json'), '--scope', 'text.gov-report', ...(update ? ['--updateSnapshot'] : []), path.join(work, '*.txt')], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(run.stdout.split(work + path.sep).join(''));
    process.stderr.write(run.stderr);
    status = run.status ?? 1;
    if (update && status === 0) {
      mkdirSync(SNAPSHOTS, { recursive: true });
      for (const name of readdirSync(work).filter((f) => f.endsWith('.snap'))) copyFileSync(path.join(work, name), path.join(SNAPSHOTS, name));
      console.log(`snapshots written to ${path.relative(ROOT, SNAPSHOTS)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(status);
