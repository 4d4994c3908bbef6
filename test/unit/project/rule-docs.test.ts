// Every rule code has its page (markdownlint's way): docs/rules/<code>.md,
// headed by the code and the rule's own name, and listed in the index.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RULE_TABLE } from '../../../server/src/core/rule-table';
import { REPO_ROOT } from '../../helpers/fixtures';

const DOCS = path.join(REPO_ROOT, 'docs', 'rules');

test('every rule has a page headed by its code and name, listed in the index', () => {
  const index = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
  for (const rule of RULE_TABLE) {
    const page = path.join(DOCS, `${rule.code}.md`);
    assert.ok(existsSync(page), `${rule.code}: no docs/rules/${rule.code}.md`);
    assert.equal(readFileSync(page, 'utf8').split('\n')[0], `# ${rule.code}：${rule.name}`, rule.code);
    assert.ok(index.includes(`[${rule.code}](${rule.code}.md) | ${rule.name}`), `${rule.code}: not in docs/rules/README.md`);
  }
});

test('no page for a rule that does not exist', () => {
  const codes = new Set(RULE_TABLE.map((r) => r.code));
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
  assert.deepEqual(pages.filter((f) => !codes.has(f.replace(/\.md$/, ''))), []);
});
