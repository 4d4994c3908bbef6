// Which template section a title names, by similarity of its normalised key to
// the template's titles and their accepted variants. Read by the parser (is
// this line a heading?) and by rules (does the preface name a section?).

import { SECTIONS, type SectionId } from './template';
import { labelKey } from './text/normalize';
import { SIMILARITY_CAP, similarity } from './text/similarity';

const TITLE_KEYS: { id: SectionId; key: string; capped: number; chars: ReadonlySet<number> }[] = SECTIONS.flatMap((s) =>
  [s.title, ...s.aliases].map((t) => {
    const key = labelKey(t);
    return { id: s.id, key, capped: Math.min(key.length, SIMILARITY_CAP), chars: new Set(Array.from(key.slice(0, SIMILARITY_CAP), (c) => c.charCodeAt(0))) };
  }),
);

/**
 * The template title most like `title`, if its score is at least `atLeast`.
 * The parser asks this of every short line, and most (table cells, numbers)
 * share almost no character with any title: a key is skipped without its
 * O(n·m) LCS when a bound on its score cannot beat the best so far or reach
 * `atLeast`. Two bounds on the LCS, the cheaper first: the shorter length,
 * then the characters of `title` found in the key at all. The answer is the
 * one the full comparison gives.
 */
export function bestSectionMatch(title: string, atLeast = 0): { id: SectionId; score: number } | undefined {
  if (!mayNameSection(title, atLeast)) return undefined;
  const key = labelKey(title);
  if (key.length < 2) return undefined;
  const best = bestKeyMatch(key, atLeast);
  const bare = withoutTitlePrefix(key);
  if (bare === undefined) return best;
  // Compared without the prefix, a title scores at most PREFIXED_SCORE: it is not the template's wording (a
  // section.title hint), and a line with no numbering in front never reaches the unnumbered heading's threshold.
  const alike = bestKeyMatch(bare, Math.min(atLeast, PREFIXED_SCORE));
  if (!alike) return best;
  const score = Math.min(alike.score, PREFIXED_SCORE);
  return score >= atLeast && (!best || score > best.score) ? { id: alike.id, score } : best;
}

// For each character, the template keys holding it: bit k for TITLE_KEYS[k] (20 keys: one 32-bit word).
const KEYS_HOLDING = new Uint32Array(0x10000);
TITLE_KEYS.forEach((t, k) => {
  for (const c of t.chars) KEYS_HOLDING[c]! |= 1 << k;
});

/**
 * Whether some template key may score `atLeast` against the key of `title`, told from the title itself before its key
 * is made (most short lines the parser asks about are far from every title). The key keeps only characters of the
 * half-width title, so the title's characters a template key holds (`shared`) bound their LCS, and the key is at least
 * as long as the LCS: the score is at most 2·min(shared, |t|) / (min(shared, |t|) + |t|). The bound holds as well for
 * any title made of some of the text's characters (a piece of a line): false tells that none of them names a part.
 */
export function mayNameSection(title: string, atLeast: number): boolean {
  if (atLeast <= 0 || title.length > SIMILARITY_CAP || TITLE_KEYS.length > 32) return true;
  // One pass over the title: each character counted for the keys holding it (most characters of a line: none).
  const shared = new Uint8Array(TITLE_KEYS.length);
  let any = 0;
  for (let i = 0; i < title.length; i++) {
    let keys = KEYS_HOLDING[halfWidthCode(title.charCodeAt(i))]!;
    any |= keys;
    for (; keys !== 0; keys &= keys - 1) shared[31 - Math.clz32(keys & -keys)]!++;
  }
  if (any === 0) return false;
  for (let k = 0; k < TITLE_KEYS.length; k++) {
    const capped = TITLE_KEYS[k]!.capped;
    const lcs = Math.min(shared[k]!, capped);
    if ((2 * lcs) / (lcs + capped) >= atLeast) return true;
  }
  return false;
}

/** A character as toHalfWidth writes it (full-width ASCII and the ideographic space to ASCII; a test compares the two). */
export function halfWidthCode(c: number): number {
  return c === 0x3000 ? 0x20 : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/** How like section `id`'s title (or one of its accepted variants) `title` is, prefixed titles scored as bestSectionMatch scores them. */
export function sectionScore(title: string, id: SectionId): number {
  const key = labelKey(title);
  if (key.length < 2) return 0;
  const bare = withoutTitlePrefix(key);
  let best = 0;
  for (const t of TITLE_KEYS) {
    if (t.id !== id) continue;
    best = Math.max(best, similarity(key, t.key), bare === undefined ? 0 : Math.min(similarity(bare, t.key), PREFIXED_SCORE));
  }
  return best;
}

// Words writers put in front of a template title: “政府信息公开工作总体情况”, “2023年度政务公开工作总体情况”.
const TITLE_PREFIX = /^(?:\d{4}年度?)?的?(?:政府信息公开|政务公开|信息公开)?(?:工作)?的?/;
export const PREFIXED_SCORE = 0.9;
/** What is left of a title without the prefix: at least four characters, or nothing to compare. */
const MIN_BARE_TITLE = 4;

/** The key without a TITLE_PREFIX in front, if it has one and enough is left. */
export function withoutTitlePrefix(key: string): string | undefined {
  const c = key.charCodeAt(0);
  // Most keys start with none of the prefix's first characters: told without the expression.
  if (!((c >= 0x30 && c <= 0x39) || c === 0x7684 || c === 0x653f || c === 0x4fe1 || c === 0x5de5)) return undefined;
  const length = TITLE_PREFIX.exec(key)![0].length;
  return length > 0 && key.length - length >= MIN_BARE_TITLE ? key.slice(length) : undefined;
}

/**
 * The title names part `id` only through the words every part's title may start with (政府信息公开工作…): the
 * words after them, if any, are not like part `id`'s. 一、政府信息公开工作概况 is as like 政府信息主动公开情况 (part 二's
 * variant) as its prefix makes it, and nothing of 概况 is part 二's: the prefix is no evidence for one part over
 * another, and the title names no part (its numeral may, assemble.ts placeByNumeral).
 */
export function namesPartByPrefixOnly(title: string, id: SectionId, atLeast: number): boolean {
  const key = labelKey(title);
  const c = key.charCodeAt(0);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x7684 || c === 0x653f || c === 0x4fe1 || c === 0x5de5)) return false;
  const length = TITLE_PREFIX.exec(key)![0].length;
  if (length === 0) return false;
  const bare = key.slice(length);
  if (bare.length < 2) return true;
  for (const t of TITLE_KEYS) if (t.id === id && similarity(bare, t.key) >= atLeast) return false;
  return true;
}

function bestKeyMatch(key: string, atLeast: number): { id: SectionId; score: number } | undefined {
  const capped = Math.min(key.length, SIMILARITY_CAP);
  let best: { id: SectionId; score: number } | undefined;
  for (const t of TITLE_KEYS) {
    if (key.length > t.key.length * 2 + 4) continue;
    if (key !== t.key) {
      const byLength = (2 * Math.min(capped, t.capped)) / (capped + t.capped);
      if (byLength < atLeast || (best && byLength <= best.score)) continue;
      let shared = 0;
      for (let i = 0; i < capped; i++) if (t.chars.has(key.charCodeAt(i))) shared++;
      const bound = (2 * shared) / (capped + t.capped);
      if (bound < atLeast || (best && bound <= best.score)) continue;
    }
    const score = similarity(key, t.key);
    if (!best || score > best.score) best = { id: t.id, score };
  }
  return best && best.score >= atLeast ? best : undefined;
}
