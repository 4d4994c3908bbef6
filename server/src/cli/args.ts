// argv → what to do. Pure: throws UsageError, which main turns into exit 2.

import { isLang, type Lang, type RuleSeverities, type SeveritySetting } from '../core/service';
import { parseRuleOption } from './config';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'html';
const OUTPUT_FORMATS: readonly string[] = ['text', 'json', 'sarif', 'html'];

/** `lang` (--lang; Chinese when absent): the language of what is said about the reports. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  /**
   * `crossYear`: each report also read beside the same agency's report of the year before among the files (off with --no-cross-year).
   * `output` (-o): the file the result is written to instead of stdout.
   * `jobs` (--jobs): threads to check on (check-pool.ts defaultJobs when absent); `quiet`: no progress line.
   */
  | { kind: 'check'; format: OutputFormat; rules: RuleSeverities; lang?: Lang; crossYear: boolean; output?: string; jobs?: number; quiet?: true; templateYear?: number; paths: string[] }
  | { kind: 'tables'; lang?: Lang; path: string }
  /** An original's rendition (the text that is checked) on stdout. */
  | { kind: 'render'; lang?: Lang; path: string };

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Command {
  let help = false;
  let showVersion = false;
  let format: OutputFormat | undefined;
  let lang: Lang | undefined;
  let output: string | undefined;
  let jobs: number | undefined;
  let quiet = false;
  let templateYear: number | undefined;
  const rules: Record<string, SeveritySetting> = {};
  let ruleGiven = false;
  let crossYear = true;
  const words: string[] = [];
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = name === arg ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`选项 ${name} 需要一个值 (option ${name} needs a value)`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--version':
        showVersion = true;
        break;
      case '--format': {
        const v = value();
        if (!OUTPUT_FORMATS.includes(v)) throw new UsageError(`--format 只能是 text、json、sarif 或 html，收到“${v}” (--format must be text, json, sarif or html)`);
        format = v as OutputFormat;
        break;
      }
      case '--jobs': {
        const v = value();
        if (!/^[1-9]\d{0,3}$/.test(v)) throw new UsageError(`--jobs 应为正整数，收到“${v}” (--jobs must be a positive whole number)`);
        jobs = Number(v);
        break;
      }
      case '--template-year': {
        const v = value();
        // The editor's govReport.templateYear takes 2008–2100: the same here.
        if (!/^\d{4}$/.test(v) || Number(v) < 2008 || Number(v) > 2100) throw new UsageError(`--template-year 应为 2008–2100 的年份，收到“${v}” (--template-year must be a year from 2008 to 2100)`);
        templateYear = Number(v);
        break;
      }
      case '-q':
      case '--quiet':
        quiet = true;
        break;
      case '-o':
      case '--output':
        output = value();
        break;
      case '--lang': {
        const v = value();
        if (!isLang(v)) throw new UsageError(`--lang 只能是 zh 或 en，收到“${v}” (--lang must be zh or en)`);
        lang = v;
        break;
      }
      case '--no-cross-year':
        crossYear = false;
        break;
      case '--rule': {
        try {
          const { code, setting } = parseRuleOption(value());
          rules[code] = setting;
        } catch (error) {
          if (error instanceof UsageError) throw error;
          throw new UsageError((error as Error).message);
        }
        ruleGiven = true;
        break;
      }
      default:
        throw new UsageError(`未知选项：${arg} (unknown option)`);
    }
  }

  if (help) return { kind: 'help' };
  if (showVersion) return { kind: 'version' };
  const [command, ...rest] = words;
  switch (command) {
    case undefined:
      throw new UsageError('缺少命令 (missing command)');
    case 'help':
      return { kind: 'help' };
    case 'check':
      if (!rest.length) throw new UsageError('请指定要检查的文件或文件夹 (no files or folders given)');
      return { kind: 'check', format: format ?? 'text', rules, ...(lang ? { lang } : {}), crossYear, ...(output !== undefined ? { output } : {}), ...(jobs !== undefined ? { jobs } : {}), ...(quiet ? { quiet: true as const } : {}), ...(templateYear !== undefined ? { templateYear } : {}), paths: rest };
    case 'tables':
    case 'render':
      if (format !== undefined || ruleGiven || !crossYear || output !== undefined || jobs !== undefined || quiet || templateYear !== undefined) throw new UsageError(`${command} 命令只接受 --lang (${command} takes no option but --lang)`);
      if (rest.length !== 1) throw new UsageError(`${command} 命令需要且只需要一个文件 (${command} takes exactly one file)`);
      return { kind: command, ...(lang ? { lang } : {}), path: rest[0]! };
    default:
      throw new UsageError(`未知命令：${command} (unknown command)`);
  }
}
