// Message catalogs: what the checker says about a report, in Chinese (the
// default, and the texts it has always written) or English. The language is
// chosen by the caller (the editor's display language, the CLI's --lang) and
// passed down explicitly; nothing here remembers one.

import { en } from './en';
import type { Lang } from './types';
import { zh, type Messages } from './zh';

export type { Lang } from './types';
export type { Messages, RuleCode } from './zh';

export function messagesFor(lang: Lang = 'zh'): Messages {
  return lang === 'en' ? en : zh;
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}
