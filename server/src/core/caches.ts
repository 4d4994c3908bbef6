// The core's memo tables, all in one place: work that depends only on a text
// (a paragraph, a table label) is kept by that text. The incremental parser
// hands back the very same string for an unchanged paragraph, so a lookup
// costs no string work at all; a table is dropped whole when it grows past its
// bound. A table keeps only texts asked for more than once (SightFilter):
// most of a report opened once is never asked for again.
// `clearCaches` empties every table: the tests' full-parse oracle runs
// cold with it, so a cache cannot hide a difference between the two paths.
// (Per-report results are kept in WeakMaps by the report object, or by one of
// its parts that a keystroke shares between versions (a 表三 row, a table): a
// new parse is new objects, cold by construction.)

import { fnv1a } from './text/hash';

const resets: (() => void)[] = [];
const NONE: unique symbol = Symbol('undefined');

/** Empties every memo table (tests; a host that wants its memory back). */
export function clearCaches(): void {
  for (const reset of resets) reset();
}

let tableBound = Infinity;
let partRecords = true;

/**
 * Holds every memo table to at most `entries` (each table's own bound still
 * applies; Infinity: the tables' own bounds alone). An editor keeps large
 * tables: a report opened again, or a line break that reassembles a large
 * one, finds its paragraphs there. A batch of distinct reports does better
 * with small ones: what a report's figures make is never asked for again, and
 * every entry a table keeps survives the young-generation collections (copied,
 * then promoted), which cost more than computing the template's repeated text
 * again after a table is dropped.
 */
export function boundCaches(entries: number): void {
  tableBound = entries;
  partRecords = entries === Infinity;
  clearCaches();
}

/**
 * Whether a record kept by a part of a report (a 表三 row, a 表二 block: WeakMaps) may be asked for again. Such records
 * serve the keystrokes, whose next report shares the parts an edit left; in a batch of distinct reports (boundCaches)
 * none is: each report is checked once, and every record set costs a WeakMap entry (an identity hash on the part,
 * an ephemeron for the collector) that is never read.
 */
export function keepsPartRecords(): boolean {
  return partRecords;
}

export function memoByText<T>(
  compute: (text: string) => T,
  limit = 50_000,
  // The string kept as the key: a slice of a large text would keep all of it alive.
  keyOf: (text: string, value: T) => string = (text) => text,
): (text: string) => T {
  // An undefined result is kept as NONE, so that a miss is one probe of the table, not two (get, then has).
  let cache = new Map<string, T | typeof NONE>();
  let seen = new SightFilter();
  // The last text asked for and its value: a rule that asks twice in a row for the paragraph it is
  // reading (prose.table: whether it reads the tables, then its claims) computes it once, first sight or not.
  let lastText: string | undefined;
  let lastValue: T | undefined;
  resets.push(() => {
    cache = new Map();
    seen = new SightFilter();
    lastText = lastValue = undefined;
  });
  const remember = (text: string, value: T): T => {
    lastText = keyOf(text, value);
    return (lastValue = value);
  };
  return (text: string): T => {
    if (text === lastText) return lastValue as T;
    // The table first: a text kept there is most often the very string asked for again, whose hash V8 keeps.
    const hit = cache.get(text);
    if (hit !== undefined) return remember(text, (hit === NONE ? undefined : hit) as T);
    // A text not asked for before is computed and not kept (SightFilter).
    if (!seen.sawBefore(text)) return remember(text, compute(text));
    const value = compute(text);
    if (cache.size >= limit || cache.size >= tableBound) cache = new Map();
    cache.set(keyOf(text, value), value === undefined ? NONE : value);
    return remember(text, value);
  };
}

/**
 * Which texts a memo table was asked for before, roughly: a Bloom filter (two
 * bits a text) over a hash of the text. A table keeps a value only from a
 * text's second request on (a report checked again, a line break's new
 * assembly, template lines and labels met again). A report opened for the
 * first time asks for most of its lines and paragraphs once, and keeping them
 * cost more than computing them: every new string key is hashed whole, and
 * whatever a table holds survives the young generation (copied, then
 * promoted). A cold check of the benchmark's 1,000,000-character report took
 * about a quarter less without it. "Asked for before" may be wrong (bits
 * other texts set): the text then goes to the table, which is the authority,
 * so a wrong answer costs time, never a wrong value.
 */
class SightFilter {
  private readonly bits = new Int32Array(FILTER_BITS >>> 5);
  private marked = 0;

  /** True when the text (or one whose bits are set) was asked for before; marks it. */
  sawBefore(text: string): boolean {
    const h = textHash(text);
    const a = h & (FILTER_BITS - 1);
    const b = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> (32 - FILTER_BITS_LOG2);
    const seen = this.has(a) && this.has(b);
    if (seen) return true;
    // Full enough that "asked for before" would be wrong too often: start again (texts then count as new once more).
    if (this.marked >= FILTER_MARKS) {
      this.bits.fill(0);
      this.marked = 0;
    }
    this.marked++;
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
    return false;
  }

  private has(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** 2^20 bits (128 KB) a table; emptied after 2^16 texts, when about one new text in seventy reads as asked for before. */
const FILTER_BITS_LOG2 = 20;
const FILTER_BITS = 1 << FILTER_BITS_LOG2;
const FILTER_MARKS = 1 << 16;

/**
 * A hash of every character of the text. A sample would be cheaper, but
 * reports made from one template differ only in their figures, wherever they
 * fall: sampled, most of their lines and paragraphs read as asked for before.
 */
function textHash(text: string): number {
  // The tables are asked about one paragraph in a row (its canonical text, its prose reading, its claims, …): the
  // same string, hashed once. Compared by reference first; a string equal in content is compared in full. The
  // string is held until the next text is hashed: a line's slice may hold its document's text that long, no longer.
  if (text === lastHashed) return lastHash;
  let h = fnv1a(text);
  // A final mix, so that the filter's bits depend on every character.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  lastHashed = text;
  return (lastHash = (h ^ (h >>> 12)) >>> 0);
}

let lastHashed: string | undefined;
let lastHash = 0;

/**
 * The string kept for this content (from its second request on, as every
 * table). The prose rules memoise by paragraph text; when every paragraph
 * text is the canonical string, their lookups compare pointers instead of
 * characters.
 */
export const canonicalText = memoByText((text: string) => text);
