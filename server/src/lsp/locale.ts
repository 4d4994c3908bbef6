// The editor's display language, from initialize's params.locale ("zh-cn",
// "en", …). Every handler that makes text passes uiLanguage() to the core:
// diagnostics (pull, push, govReport/checkText), hovers, code-action titles,
// the table preview (govReport/tables) and the outline's few words of its own. Chinese for zh-* and when the
// client sends no locale; English for any other. What quotes the document
// (labels, headings, numbers) stays Chinese in both, and so does what the
// server writes into it (fix edits, the new-report template).

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
