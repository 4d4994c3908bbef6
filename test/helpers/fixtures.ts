// Where the real reports the tests run on live. The seeds are committed in
// test/fixtures/seeds; the shared corpus (texts extracted from published PDFs)
// is NOT committed: it is read from ../shared/corpus, beside the clone (CI
// checks ../shared out there). Tests key the reports by 'seeds/<file>' and
// 'corpus/<file>'.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'seeds');
/** The shared real reports, read-only, beside the repository. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const SHARED_CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

export interface FixtureFile {
  /** 'seeds/<file>' or 'corpus/<file>'. */
  name: string;
  path: string;
}

/** A folder of ../shared, or a clear error saying how to provide it. */
export function sharedDir(sub: string): string {
  const dir = path.join(SHARED_DIR, sub);
  if (!existsSync(dir)) {
    throw new Error(
      `${dir} 不存在 (missing): the shared real reports must be checked out beside the repository, as ../shared ` +
        `(with corpus/, raw/, crawled/, seeds/); the tests read them there and no copy is committed.`,
    );
  }
  return dir;
}

function txtFiles(dir: string, prefix: string): FixtureFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${prefix}/${f}`, path: path.join(dir, f) }));
}

/** Every fixture report: the seeds, then the shared corpus, each in a stable order. */
export function fixtureFiles(): FixtureFile[] {
  return [...txtFiles(SEEDS_DIR, 'seeds'), ...txtFiles(sharedDir('corpus'), 'corpus')];
}

/** The file behind a fixture name 'seeds/<file>' or 'corpus/<file>'. */
export function fixturePath(name: string): string {
  const [dir, ...rest] = name.split('/');
  if (dir === 'seeds') return path.join(SEEDS_DIR, ...rest);
  if (dir === 'corpus') return path.join(sharedDir('corpus'), ...rest);
  throw new Error(`unknown fixture ${name}: expected 'seeds/<file>' or 'corpus/<file>'`);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}
