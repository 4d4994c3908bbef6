// A report in traditional characters (a portal's 繁體 version of its page, saved by a crawler) is read through its
// simplified form: the template's headings, labels and words are simplified, and 總體情況 never matches 总体情况. The
// tables are OpenCC's, through opencc-js (its maintained JavaScript port): its phrases first, longest at each place
// (反覆 → 反复, where 覆 alone stays 覆), then its characters, and of both only the pairs of the same length in UTF-16,
// so that every offset of the reading is the text's. Radicals a PDF's font map gave for ideographs (⼀、总体情况 in
// the text mutool or PyMuPDF extract from a page Chromium printed) are read as those ideographs the same way.

import characters from 'opencc-js/dict/TSCharacters';
import phrases from 'opencc-js/dict/TSPhrases';
import { radicalPairs } from './radicals';

interface Tables {
  /** Traditional character code → simplified. */
  readonly chars: Map<number, number>;
  /**
   * At each code unit with a simplified form, what it counts for (1; a radical RADICAL_COUNT): counting reads every
   * character of every report parsed.
   */
  readonly isTraditional: Uint8Array;
  /** By first character code: phrases starting with it, longest first, with their simplified form. */
  readonly phrases: Map<number, readonly (readonly [string, string])[]>;
}

let tables: Tables | undefined;

/** Read from the dictionaries on first use. */
function tablesOf(): Tables {
  if (tables) return tables;
  const chars = new Map<number, number>();
  for (const [from, to] of pairs(characters)) if (from.length === 1) chars.set(from.charCodeAt(0), to.charCodeAt(0));
  const byFirst = new Map<number, [string, string][]>();
  for (const pair of pairs(phrases)) {
    const first = pair[0].charCodeAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), pair]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  const isTraditional = new Uint8Array(0x10000);
  for (const code of chars.keys()) isTraditional[code] = 1;
  for (const [radical, ideograph] of radicalPairs()) {
    chars.set(radical, ideograph);
    isTraditional[radical] = RADICAL_COUNT;
  }
  return (tables = { chars, isTraditional, phrases: byFirst });
}

/** A dictionary's pairs whose two sides differ and have one length (the first simplified form where there are several). */
function pairs(dictionary: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && from.length === to.length) out.push([from, to]);
  }
  return out;
}

/**
 * How many characters of `text` have a simplified form, counting up to `atLeast` (then it stops). A radical counts as
 * RADICAL_COUNT: no report writes one, so one is enough to read the text through its ideographs.
 */
export function traditionalCount(text: string, atLeast: number): number {
  const { isTraditional } = tablesOf();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const weight = isTraditional[text.charCodeAt(i)]!;
    if (weight > 0 && (n += weight) >= atLeast) return n;
  }
  return n;
}

/**
 * What each UTF-16 code unit counts for in traditionalCount (0 for most): for a caller that reads every character
 * of a text anyway and counts in the same pass (parse/line-info.ts). Never written to.
 */
export function traditionalWeights(): Readonly<Uint8Array> {
  return tablesOf().isTraditional;
}

/**
 * So many characters with a simplified form make a report in traditional ones (a simplified one quotes a few at
 * most). A count, not a share: an edit that only removes text cannot make a report traditional, so the keystroke path
 * need only look at what is typed (service.ts updateDocument).
 */
export const TRADITIONAL_REPORT = 20;

/** What a radical counts for: one makes the text read through its ideographs. */
const RADICAL_COUNT = TRADITIONAL_REPORT;

/** `text` in simplified characters: the same length, the same offsets. */
export function toSimplified(text: string): string {
  const { chars, phrases } = tablesOf();
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < CJK_FROM) continue;
    const phrase = phrases.get(c)?.find(([p]) => text.startsWith(p, i));
    if (phrase) {
      parts.push(text.slice(from, i), phrase[1]);
      i += phrase[0].length - 1;
      from = i + 1;
      continue;
    }
    const s = chars.get(c);
    if (s === undefined) continue;
    parts.push(text.slice(from, i), String.fromCharCode(s));
    from = i + 1;
  }
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

// The first radical (U+2E80); traditional characters start at U+3400.
const CJK_FROM = 0x2e80;
