// The settings that name rules check themselves (issue 19): `govReport.rules`
// in package.json and schemas/gov-report.schema.json (.gov-report.json,
// contributed with jsonValidation) name every rule of the one rule table with
// every level, flag unknown codes, and are what scripts/settings/generate.ts
// writes. Validated with a real JSON Schema validator (ajv, as VS Code's JSON
// language service would flag them).
// Run: node --import tsx --test test/unit/project/settings-schema.test.ts

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULE_TABLE } from '../../../server/src/core/rule-table';
import { isSeveritySetting } from '../../../server/src/core/rules';
import { LEVELS, ruleNlsKey } from '../../../server/src/core/settings-schema';
import { parseConfig } from '../../../server/src/cli/config';
import { SCHEMA_PATH, settingsFiles } from '../../../scripts/settings/generate';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
type Props = Record<string, { enum?: string[]; description?: string; default?: string }>;
interface ObjectSchema { properties: Props; additionalProperties: unknown }

const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, ObjectSchema> }; jsonValidation?: { fileMatch: string; url: string }[]; configurationDefaults: Record<string, Record<string, unknown>> } };
const setting = manifest.contributes.configuration.properties['govReport.rules']!;
const fileSchema = JSON.parse(read(SCHEMA_PATH)) as { properties: { rules: ObjectSchema }; additionalProperties: unknown };
const codes = RULE_TABLE.map((r) => r.code);

function namesEveryRuleAndLevel(schema: ObjectSchema, where: string): void {
  assert.deepEqual(Object.keys(schema.properties).sort(), [...codes].sort(), `${where}: one property per rule code`);
  for (const [code, prop] of Object.entries(schema.properties)) {
    assert.deepEqual(prop.enum, [...LEVELS], `${where}: ${code}'s levels`);
    assert.ok(prop.description && prop.description.length > 0, `${where}: ${code} has a description`);
  }
  assert.equal(schema.additionalProperties, false, `${where}: an unknown code is flagged`);
}

describe('rule settings generated from the rule table', () => {
  test('every level the schemas offer is one the core accepts, and every level the docs name is offered', () => {
    for (const level of LEVELS) assert.ok(isSeveritySetting(level), level);
    for (const level of ['off', 'hint', 'info', 'warning', 'error']) assert.ok(LEVELS.includes(level as never), level);
  });

  test('govReport.rules names every rule and every level, described in both package.nls files', () => {
    assert.ok(codes.length >= 25);
    namesEveryRuleAndLevel(setting, 'govReport.rules');
    const nlsEn = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const nlsZh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    for (const code of codes) {
      assert.equal(setting.properties[code]!.description, `%${ruleNlsKey(code)}%`);
      assert.ok(nlsEn[ruleNlsKey(code)] && !/[\u4e00-\u9fff]{4}/.test(nlsEn[ruleNlsKey(code)]!.replace(/表[二三四]|[（(][一二三四五六七][)）]|总计|[一二三四]/g, '')), `English: ${code}`);
      assert.match(nlsZh[ruleNlsKey(code)]!, /[\u4e00-\u9fff]/, `Chinese: ${code}`);
    }
  });

  test('.gov-report.json has a schema naming every rule and every level, contributed with jsonValidation', () => {
    namesEveryRuleAndLevel(fileSchema.properties.rules, SCHEMA_PATH);
    assert.equal(fileSchema.additionalProperties, false);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.gov-report.json', url: `./${SCHEMA_PATH}` }]);
    assert.ok(read('.vscodeignore').split('\n').includes('!schemas/*.json'), 'the schema ships in the .vsix');
  });

  test('the committed files are what npm run settings writes (a new rule without them fails here)', () => {
    for (const [rel, text] of settingsFiles(read)) assert.equal(read(rel), text, `${rel} is stale: run npm run settings`);
  });

  test('the schema agrees with the CLI on real config files', async () => {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ strict: false }).compile(fileSchema);
    const good = '{ "rules": { "section.empty": "off", "sum.row": "warning", "cross-year.carried": "info" } }';
    assert.ok(validate(JSON.parse(good)), JSON.stringify(validate.errors));
    assert.deepEqual(parseConfig(good), { 'section.empty': 'off', 'sum.row': 'warning', 'cross-year.carried': 'info' });
    // A typo in a code, a wrong level, a misspelt top-level key: each is flagged.
    for (const bad of ['{ "rules": { "section.emtpy": "off" } }', '{ "rules": { "sum.row": "warn" } }', '{ "rule": { "sum.row": "off" } }']) {
      assert.equal(validate(JSON.parse(bad)), false, bad);
    }
  });

  test('long lines wrap in gov-report editors by default', () => {
    assert.equal(manifest.contributes.configurationDefaults['[gov-report]']!['editor.wordWrap'], 'on');
  });
});
