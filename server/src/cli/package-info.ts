// Where the installed package is and what its package.json says: the rule
// pages (docs/rules/CODE.md ship in the package, .vscodeignore) are linked from
// the SARIF output and the review page. A repository or homepage URL, when the
// package.json names one, is preferred: a link into it works on any machine,
// a file URL only where the report was made.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PackageInfo {
  version: string;
  /** Absolute URL of the folder holding the rule pages, ending in '/'. */
  rulesBase: string;
  /** Absolute URL of the package's README (the tool's information page). */
  informationUri: string;
  /** The folder of the rule pages installed with the package (read for the SARIF log's rule help). */
  rulesDir: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  cached ??= readPackageInfo();
  return cached;
}

function readPackageInfo(): PackageInfo {
  // dist/cli.js → the package root; server/src/cli/ (tsx, tests) → the source tree's root.
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'gov-report') return fromPackage(pkg, dir);
    } catch {
      // Not here: keep walking up.
    }
    dir = path.dirname(dir);
  }
  return fromPackage({}, path.resolve(__dirname, '..'));
}

function fromPackage(pkg: PackageJson, root: string): PackageInfo {
  const local = pathToFileURL(root).href.replace(/\/?$/, '/');
  const repo = repositoryWeb(pkg);
  const homepage = pkg.homepage && /^https?:\/\//.test(pkg.homepage) ? pkg.homepage : undefined;
  return {
    version: pkg.version ?? '0.0.0',
    rulesBase: repo ? `${repo}/blob/HEAD/docs/rules/` : `${local}docs/rules/`,
    informationUri: homepage ?? repo ?? `${local}README.md`,
    rulesDir: path.join(root, 'docs', 'rules'),
  };
}

/** The repository's web address (`git+https://github.com/o/r.git` → `https://github.com/o/r`). */
function repositoryWeb(pkg: PackageJson): string | undefined {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = repo?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
  return url && /^https:\/\//.test(url) ? url : undefined;
}
