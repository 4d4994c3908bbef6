// Writes the settings that name rules from the one rule table
// (server/src/core/settings-schema.ts): `govReport.rules` in package.json, its
// descriptions in package.nls.json (English) and package.nls.zh-cn.json
// (Chinese), and schemas/gov-report.schema.json for `.gov-report.json`.
// `--check` fails when a committed file differs from what this would write
// (run by npm test through test/unit/project/settings-schema.test.ts as well).
//
//   npm run settings        regenerate after adding or renaming a rule

import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configFileSchema, rulesSettingNls, rulesSettingSchema } from '../../server/src/core/settings-schema';

const ROOT = path.resolve(__dirname, '..', '..');
export const SCHEMA_PATH = 'schemas/gov-report.schema.json';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every file this writes, as path → the text it should hold. */
export function settingsFiles(read: (rel: string) => string): Map<string, string> {
  const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties['govReport.rules'] = rulesSettingSchema();
  const nls = (rel: string, lang: 'zh' | 'en') => {
    const current = JSON.parse(read(rel)) as Record<string, string>;
    // Rule keys of rules that are gone are dropped; the others keep their place.
    for (const key of Object.keys(current)) if (key.startsWith('configuration.rules.rule.')) delete current[key];
    return json({ ...current, ...rulesSettingNls(lang) });
  };
  return new Map([
    ['package.json', json(manifest)],
    ['package.nls.json', nls('package.nls.json', 'en')],
    ['package.nls.zh-cn.json', nls('package.nls.zh-cn.json', 'zh')],
    [SCHEMA_PATH, json(configFileSchema())],
  ]);
}

function main(): void {
  const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [rel, text] of settingsFiles(read)) {
    let current = '';
    try {
      current = read(rel);
    } catch {
      // Not written yet.
    }
    if (current === text) continue;
    if (check) stale.push(rel);
    else writeFileSync(path.join(ROOT, rel), text);
  }
  if (stale.length) {
    console.error(`过期，请运行 npm run settings (stale, run npm run settings): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (require.main === module) main();
