// The govReport.* settings the server uses. Read per document with
// workspace/configuration when the client can answer it (else taken from
// didChangeConfiguration), cached until the next didChangeConfiguration.
// Invalid values are dropped, never passed to the core.
//
// The rules are layered as the CLI layers them (core/config.ts): a rule's
// default < the nearest .gov-report.json (configFiles.ts) < govReport.rules.
// govReport.rules defaults to {} and its rules have no default of their own,
// so every code workspace/configuration returns in it was set by the user (in
// user, workspace or folder settings): "the settings the user set" sit on
// top, and nothing the user left alone hides the project's file.

import type { Connection } from 'vscode-languageserver/node';
import { layerRules, isSeveritySetting, type RuleSeverities, type SeveritySetting } from '../core/service';
import { ConfigFiles } from './configFiles';

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
  /** `govReport.outline.maxSubItems`: the most sub-items the outline lists. Undefined when unset or invalid (the core's default). */
  readonly outlineMaxSubItems?: number | undefined;
  /** With a config file: the rules govReport.rules sets, which the file cannot change (no "关闭此规则" for them). */
  readonly setInSettings?: RuleSeverities;
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
  const outline = isRecord(raw) ? raw['outline'] : undefined;
  const outlineMaxSubItems = sanitizeCount(isRecord(outline) ? outline['maxSubItems'] : undefined);
  if (!isRecord(rulesRaw) && templateYear === undefined && !crossYearOff && outlineMaxSubItems === undefined) return DEFAULT_SETTINGS;
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(rulesRaw)) for (const [code, value] of Object.entries(rulesRaw)) if (isSeveritySetting(value)) rules[code] = value;
  return Object.freeze({ rules: Object.freeze(rules), ...(templateYear !== undefined ? { templateYear } : {}), ...(crossYearOff ? { crossYear: false } : {}), ...(outlineMaxSubItems !== undefined ? { outlineMaxSubItems } : {}) });
}

/** A whole number of items, 0 or more; else undefined. */
function sanitizeCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The config file's rules under the editor's (core/config.ts layerRules). */
function layered(editor: ServerSettings, fromFile: RuleSeverities | undefined): ServerSettings {
  return fromFile ? Object.freeze({ ...editor, rules: layerRules(fromFile, editor.rules), setInSettings: editor.rules }) : editor;
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
    readonly files: ConfigFiles = new ConfigFiles(),
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  /** The settings for a document: its config file's rules under the editor's. */
  for(uri: string): Promise<ServerSettings> {
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.editorSettings(uri).then((editor) => layered(editor, this.files.rulesFor(uri)));
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /**
   * The settings for a file that is not open (the workspace check): nothing
   * cached, and its config file read from disk now, so a check that follows a
   * change of .gov-report.json sees it even before the server's own watcher
   * has told it (the client watches for the workspace check on its own).
   */
  async forClosed(uri: string): Promise<ServerSettings> {
    return layered(await this.editorSettings(uri), this.files.rulesFor(uri, { fresh: true }));
  }

  private editorSettings(uri: string): Promise<ServerSettings> {
    if (!this.canRequest()) return Promise.resolve(this.pushed);
    return this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(sanitizeSettings, (error: unknown) => {
      this.connection.console.warn(`读取设置失败，使用默认设置 (could not read settings, using defaults): ${String(error)}`);
      this.perDocument.delete(uri);
      return DEFAULT_SETTINGS;
    });
  }

  /** A .gov-report.json was created, changed or deleted: every document's settings are read again. */
  configFilesChanged(): void {
    this.generationCounter++;
    this.perDocument.clear();
    this.files.changed();
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
