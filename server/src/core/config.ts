// `.gov-report.json` and `--rule code=level`: parsed, validated and layered
// the same way for the CLI and the language server (issue 16: one
// configuration). Pure: text in, values out; finding the file on disk is
// server/src/node/config-files.ts.
//
// Layers, later wins, rule by rule:
//   the rule's default < the nearest .gov-report.json < the editor's govReport.rules / the CLI's --rule

import { isSeveritySetting } from './rules/index';
import { RULE_TABLE } from './rule-table';
import type { RuleSeverities, SeveritySetting } from './rules/types';

export const CONFIG_FILE_NAME = '.gov-report.json';
export const LEVELS_TEXT = 'off、hint、info、warning、error';

/** Parses `code=level`; throws an Error whose message is for the user. */
export function parseRuleOption(option: string): { code: string; setting: SeveritySetting } {
  const eq = option.indexOf('=');
  const code = eq < 0 ? '' : option.slice(0, eq).trim();
  const level = eq < 0 ? '' : option.slice(eq + 1).trim();
  if (!code || !level) throw new Error(`--rule 的值应为 规则代码=级别，收到“${option}” (expected code=level)`);
  if (!isSeveritySetting(level)) throw new Error(`规则 ${code} 的级别“${level}”无效，应为 ${LEVELS_TEXT} 之一 (invalid level)`);
  return { code, setting: level };
}

/** Parses the text of a config file (a leading BOM allowed); throws an Error saying what is wrong. */
export function parseConfig(json: string): RuleSeverities {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`不是有效的 JSON (not valid JSON): ${(error as Error).message}`);
  }
  if (!isPlainObject(value)) throw new Error('顶层应为对象，形如 { "rules": { "table.shape": "off" } } (top level must be an object)');
  const rules = value['rules'];
  if (rules === undefined) return {};
  if (!isPlainObject(rules)) throw new Error('"rules" 应为对象，键为规则代码，值为级别 ("rules" must be an object)');
  const result: Record<string, SeveritySetting> = {};
  for (const [code, level] of Object.entries(rules)) {
    if (!isSeveritySetting(level)) throw new Error(`规则 ${code} 的级别 ${JSON.stringify(level)} 无效，应为 ${LEVELS_TEXT} 之一 (invalid level)`);
    result[code] = level;
  }
  return result;
}

/** Codes the core does not know: most likely typos, worth a warning. */
export function unknownRuleCodes(rules: RuleSeverities): string[] {
  const known = new Set(RULE_TABLE.map((r) => r.code));
  return Object.keys(rules).filter((code) => !known.has(code));
}

/**
 * The severities that apply, from the lowest layer to the highest: a rule a
 * higher layer names takes that layer's level, the others keep theirs. A new
 * frozen object: callers hold it as a value.
 */
export function layerRules(...layers: readonly (RuleSeverities | undefined)[]): RuleSeverities {
  return Object.freeze(Object.assign({}, ...layers.filter((l) => l !== undefined)) as Record<string, SeveritySetting>);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
