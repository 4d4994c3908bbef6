// Rule severities: `--rule code=level` on the command line and the nearest
// `.gov-report.json` above each checked file. The command line wins.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isSeveritySetting } from '../core/rules/index';
import { RULE_TABLE } from '../core/rule-table';
import type { RuleSeverities, SeveritySetting } from '../core/rules/types';

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

/** Parses the text of a config file; throws an Error saying what is wrong. */
export function parseConfig(json: string): RuleSeverities {
  let value: unknown;
  try {
    value = JSON.parse(json);
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

export type FolderConfig =
  | { kind: 'none' }
  | { kind: 'loaded'; file: string; rules: RuleSeverities }
  | { kind: 'invalid'; file: string; reason: string };

/** Finds the nearest config file for a path; only the nearest one applies. */
export class ConfigResolver {
  // Keyed by absolute folder: a run over a big tree reads each config once
  // and stats each folder once.
  private readonly cache = new Map<string, FolderConfig>();

  forFile(filePath: string): FolderConfig {
    return this.forFolder(path.dirname(path.resolve(filePath)));
  }

  private forFolder(folder: string): FolderConfig {
    const cached = this.cache.get(folder);
    if (cached) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let result: FolderConfig;
    if (isFile(candidate)) result = load(candidate);
    else {
      const parent = path.dirname(folder);
      result = parent === folder ? { kind: 'none' } : this.forFolder(parent);
    }
    this.cache.set(folder, result);
    return result;
  }
}

function load(file: string): FolderConfig {
  try {
    return { kind: 'loaded', file, rules: parseConfig(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { kind: 'invalid', file, reason: (error as Error).message };
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
