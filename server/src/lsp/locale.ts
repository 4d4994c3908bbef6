// The editor's display language, from initialize's params.locale ("zh-cn",
// "en", …). Kept here so later steps can localise what the server says; for
// now the core's messages (diagnostics, hovers, code-action titles) stay
// Chinese whatever the locale: they describe a Chinese document.

export type UiLanguage = 'zh' | 'en';

let current = 'zh-cn';

/** Called once from onInitialize; an absent or malformed locale keeps Chinese. */
export function setLocale(locale: unknown): void {
  current = typeof locale === 'string' && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(locale) ? locale.toLowerCase().replace(/_/g, '-') : 'zh-cn';
}

/** The client's locale as sent ("zh-cn", "en", "en-us", …), lower case. */
export function locale(): string {
  return current;
}

/** Chinese for any zh-* locale (and by default), English otherwise. */
export function uiLanguage(): UiLanguage {
  return current.startsWith('zh') ? 'zh' : 'en';
}
