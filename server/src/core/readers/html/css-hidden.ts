// The classes and ids a page's own style sheet hides on screen: a portal keeps a print copy of the report, or a
// draft, in the page under `.print-only{display:none}` (or moved out of sight). A browser shows neither, and the
// reader must not read them: a hidden copy made every part "duplicated", a hidden draft's wrong figures errors.
// Only simple selectors are read (`.a`, `#b`, `div.a`, lists of them); rules in @media print are the printed page's.

export interface HiddenSelectors {
  readonly classes: Set<string>;
  readonly ids: Set<string>;
}

// Declarations that take an element out of sight: not displayed, invisible, moved far off the page, or squeezed to
// nothing with its overflow hidden.
const NOT_SHOWN = /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const NOT_DISPLAYED = /(?:^|[;{\s])display\s*:\s*none\b/i;
const INVISIBLE = /(?:^|[;{\s])visibility\s*:\s*hidden\b/i;
const OFF_PAGE = /(?:^|[;{\s])(?:left|top|text-indent)\s*:\s*-\d{4,}(?:\.\d+)?px/i;
const SQUEEZED = /(?:^|[;{\s])(?:height|max-height)\s*:\s*0(?:px)?\s*(?:;|$|!)/i;
const OVERFLOW_HIDDEN = /(?:^|[;{\s])overflow\s*:\s*hidden\b/i;
const SIMPLE_SELECTOR = /^[a-z0-9]*([.#])([\w-]+)$/i;
/** A style sheet's text read at most: a page's own rules are a few kilobytes; framework sheets are not inlined. */
export const MAX_STYLE_CHARS = 200_000;

/** Whether declarations hide their element: not displayed or invisible, or out of sight (outOfSight). */
export function styleHides(style: string): boolean {
  return NOT_SHOWN.test(style) || outOfSight(style);
}

/**
 * Whether declarations keep their element displayed but out of sight: moved far off the page, or squeezed to nothing
 * with its overflow hidden (a collapsed panel a script may open: html.ts reads the page again when that leaves no
 * report).
 */
export function outOfSight(style: string): boolean {
  return OFF_PAGE.test(style) || (SQUEEZED.test(style) && OVERFLOW_HIDDEN.test(style));
}

/** Whether an inline style hides its element for good: not displayed (display:none). */
export function styleNotShown(style: string): boolean {
  return NOT_DISPLAYED.test(style);
}

/**
 * Whether an inline style keeps its element's place but makes it invisible (visibility:hidden): what a page whose
 * script shows its article once loaded serves (WeChat's `#js_content`); html.ts reads the page again without it when
 * the rest leaves no report, as for what the style sheet hides.
 */
export function styleInvisible(style: string): boolean {
  return INVISIBLE.test(style);
}

/** The selectors a style sheet hides on screen, added to `into`. */
export function addHiddenSelectors(css: string, into: HiddenSelectors): void {
  readRules(css.replace(/\/\*[\s\S]*?\*\//g, ''), into);
}

function readRules(css: string, into: HiddenSelectors): void {
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) return;
    const prelude = css.slice(i, open).trim();
    const close = matchingBrace(css, open);
    const body = css.slice(open + 1, close);
    i = close + 1;
    if (prelude.startsWith('@')) {
      // @media screen, all or a width: its rules apply on screen; @media print is the printed page's; other at-rules
      // (@font-face, @keyframes) hide nothing.
      if (/^@media\b/i.test(prelude) && !printOnly(prelude.slice(6))) readRules(body, into);
      continue;
    }
    if (!styleHides(body)) continue;
    for (const selector of prelude.split(',')) {
      const m = SIMPLE_SELECTOR.exec(selector.trim());
      if (!m) continue;
      (m[1] === '.' ? into.classes : into.ids).add(m[2]!);
    }
  }
}

/** Whether a media query (`print`, `only print`, not `screen, print` nor `not print`) applies to the printed page only. */
export function printOnly(query: string): boolean {
  const q = query.toLowerCase();
  return /\bprint\b/.test(q) && !/\bnot\s+print\b/.test(q) && !/\b(?:screen|all)\b/.test(q);
}

/** The index of the brace closing the one at `open` (or the end of the text). */
function matchingBrace(css: string, open: number): number {
  let depth = 0;
  for (let k = open; k < css.length; k++) {
    const c = css.charCodeAt(k);
    if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) return k;
  }
  return css.length;
}

/** Whether an element's class or id is one the page's style sheet hides. */
export function hiddenBySheet(attribs: Readonly<Record<string, string>>, hidden: HiddenSelectors): boolean {
  if (hidden.ids.size > 0 && attribs.id !== undefined && hidden.ids.has(attribs.id.trim())) return true;
  if (hidden.classes.size === 0 || !attribs.class) return false;
  for (const name of attribs.class.split(/\s+/)) if (name && hidden.classes.has(name)) return true;
  return false;
}
