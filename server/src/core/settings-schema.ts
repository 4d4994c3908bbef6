// The settings that name rules, as JSON Schema, made from the one rule table
// (rule-table.ts): `govReport.rules` in package.json and the schema of
// `.gov-report.json`. Every rule code is a property whose levels are an enum,
// and an unknown code is flagged (additionalProperties: false), so a typo is a
// squiggle instead of a silently ignored setting. scripts/settings/generate.ts
// writes them; test/unit/project/settings-schema.test.ts fails when they are stale.

import { messagesFor, type Lang, type RuleCode } from './i18n';
import { RULE_TABLE } from './rule-table';
import type { Severity, SeveritySetting } from './rules/types';

/** The levels a setting may name, in the order completion offers them; `information` is `info` spelled out (rules/index.ts accepts both). */
export const LEVELS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error', 'information'];

/** package.nls key of a rule's description in the settings UI. */
export const ruleNlsKey = (code: string) => `configuration.rules.rule.${code}`;
/** package.nls key of a level's description. */
export const levelNlsKey = (level: SeveritySetting) => `configuration.rules.${level}`;

const asSetting = (s: Severity): SeveritySetting => (s === 'information' ? 'info' : s);

type Schema = Record<string, unknown>;

/** A rule's name in a language (the catalogs' `names`), else the table's Chinese name. */
export function ruleTitle(code: string, lang: Lang): string {
  return messagesFor(lang).names[code as RuleCode] ?? RULE_TABLE.find((r) => r.code === code)?.name ?? code;
}

/** The `properties` of an object whose keys are rule codes; `describe` words each property and level. */
function ruleProperties(describe: { rule(code: string): string; level(level: SeveritySetting): string }): Schema {
  const properties: Schema = {};
  for (const rule of RULE_TABLE) {
    properties[rule.code] = {
      type: 'string',
      enum: [...LEVELS],
      enumDescriptions: LEVELS.map((l) => describe.level(l)),
      default: asSetting(rule.defaultSeverity),
      description: describe.rule(rule.code),
    };
  }
  return properties;
}

/** `contributes.configuration.properties["govReport.rules"]`: descriptions are %keys% of package.nls*.json. */
export function rulesSettingSchema(): Schema {
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    properties: ruleProperties({ rule: (code) => `%${ruleNlsKey(code)}%`, level: (l) => `%${levelNlsKey(l)}%` }),
    additionalProperties: false,
    markdownDescription: '%configuration.rules.description%',
  };
}

/** The package.nls entries rulesSettingSchema names, in one language. */
export function rulesSettingNls(lang: Lang): Record<string, string> {
  const levels: Record<SeveritySetting, [string, string]> = {
    off: ['关闭此规则', 'Turn this rule off'],
    hint: ['提示', 'Hint'],
    info: ['信息', 'Information'],
    information: ['信息（同 info）', 'Information (same as info)'],
    warning: ['警告', 'Warning'],
    error: ['错误', 'Error'],
  };
  const out: Record<string, string> = {};
  for (const l of LEVELS) out[levelNlsKey(l)] = levels[l][lang === 'zh' ? 0 : 1];
  for (const rule of RULE_TABLE) out[ruleNlsKey(rule.code)] = ruleTitle(rule.code, lang);
  return out;
}

/**
 * The schema of `.gov-report.json` (contributed with jsonValidation). A schema
 * file has no translations: each description gives the Chinese name, then the English.
 */
export function configFileSchema(): Schema {
  const both = (zh: string, en: string) => `${zh} — ${en}`;
  const levelWords = rulesSettingNls('zh');
  const levelWordsEn = rulesSettingNls('en');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.gov-report.json',
    description: both('政府信息公开年报检查的规则设置：离报告最近的一个文件生效', 'Gov Report rule settings: the file nearest to a report applies'),
    type: 'object',
    properties: {
      rules: {
        type: 'object',
        description: both('按规则代码设置级别，或用 off 关闭', 'A level per rule code, or off'),
        properties: ruleProperties({
          rule: (code) => both(ruleTitle(code, 'zh'), ruleTitle(code, 'en')),
          level: (l) => both(levelWords[levelNlsKey(l)]!, levelWordsEn[levelNlsKey(l)]!),
        }),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
