// The govReport.* settings the server uses. Read per document with
// workspace/configuration when the client can answer it (else taken from
// didChangeConfiguration), cached until the next didChangeConfiguration.
// Invalid values are dropped, never passed to the core.

import type { Connection } from 'vscode-languageserver/node';
import { isSeveritySetting } from '../core/rules';
import type { RuleSeverities, SeveritySetting } from '../core/rules/types';

export const SETTINGS_SECTION = 'govReport';

export interface ServerSettings {
  readonly rules: RuleSeverities;
  /**
   * `govReport.templateYear`: the report year to assume when the report does
   * not state one (its title has no year). Undefined when unset (null) or invalid.
   */
  readonly templateYear?: number | undefined;
  /** `govReport.crossYear`: false turns off the check against last year's report (issue 15). */
  readonly crossYear?: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = Object.freeze({ rules: Object.freeze({}) });

/** A plausible report year (the 2019 trial template is the oldest we know); else undefined. */
export function sanitizeTemplateYear(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2008 && value <= 2100 ? value : undefined;
}

/** `raw` is the value of the govReport section. */
export function sanitizeSettings(raw: unknown): ServerSettings {
  const rulesRaw = isRecord(raw) ? raw['rules'] : undefined;
  const templateYear = sanitizeTemplateYear(isRecord(raw) ? raw['templateYear'] : undefined);
  // Only an explicit false turns it off: anything else keeps the default.
  const crossYearOff = isRecord(raw) && raw['crossYear'] === false;
  if (!isRecord(rulesRaw) && templateYear === undefined && !crossYearOff) return DEFAULT_SETTINGS;
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(rulesRaw)) for (const [code, value] of Object.entries(rulesRaw)) if (isSeveritySetting(value)) rules[code] = value;
  return Object.freeze({ rules: Object.freeze(rules), ...(templateYear !== undefined ? { templateYear } : {}), ...(crossYearOff ? { crossYear: false } : {}) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings = DEFAULT_SETTINGS;
  /** Bumped on every change, so cached results can tell they are stale. */
  private generationCounter = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canRequest: () => boolean,
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  for(uri: string): Promise<ServerSettings> {
    if (!this.canRequest()) return Promise.resolve(this.pushed);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(sanitizeSettings, (error: unknown) => {
        this.connection.console.warn(`读取设置失败，使用默认设置 (could not read settings, using defaults): ${String(error)}`);
        this.perDocument.delete(uri);
        return DEFAULT_SETTINGS;
      });
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** `settings` is didChangeConfiguration's payload: the whole settings object, or null. */
  changed(settings: unknown): void {
    this.generationCounter++;
    this.perDocument.clear();
    if (!this.canRequest()) this.pushed = sanitizeSettings(isRecord(settings) ? settings[SETTINGS_SECTION] : undefined);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}
