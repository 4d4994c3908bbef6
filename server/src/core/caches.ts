// The core's memo tables, all in one place: work that depends only on a text
// (a paragraph, a table label) is kept by that text. The incremental parser
// hands back the very same string for an unchanged paragraph, so a lookup
// costs no string work at all; a table is dropped whole when it grows past its
// bound. A table keeps only texts asked for in more than one parse
// (SightFilter): most of a report opened once is never asked for again.
// `clearCaches` empties every table: the tests' full-parse oracle runs
// cold with it, so a cache cannot hide a difference between the two paths.
// (Per-report results are kept in WeakMaps by the report object: a new parse
// is a new object, cold by construction.)

const resets: (() => void)[] = [];
const NONE: unique symbol = Symbol('undefined');

/** Empties every memo table (tests; a host that wants its memory back). */
export function clearCaches(): void {
  for (const reset of resets) reset();
}

let tableBound = Infinity;

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
  clearCaches();
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
    // A text not asked for in an earlier parse is computed and not kept (SightFilter).
    if (!seen.sawBefore(text)) return remember(text, compute(text));
    const hit = cache.get(text);
    if (hit !== undefined) return remember(text, (hit === NONE ? undefined : hit) as T);
    const value = compute(text);
    if (cache.size >= limit || cache.size >= tableBound) cache = new Map();
    cache.set(keyOf(text, value), value === undefined ? NONE : value);
    return remember(text, value);
  };
}

/**
 * Which texts a memo table was asked for in an earlier parse, roughly: a
 * Bloom filter (two bits a text) over a hash of a sample of the text's
 * characters. A table keeps a value only for a text asked for again in a
 * later parse (a report checked again, a line break's new assembly, template
 * lines in a batch). A report opened for the first time asks for each of its
 * lines and paragraphs for the first time, and keeping them cost more than
 * computing them again: every new string key is hashed whole, and whatever a
 * table holds survives the young generation (copied, then promoted). A cold
 * check of the benchmark's 1,000,000-character report took about a quarter
 * less without it. "Asked for before" may be wrong (two texts with the same
 * sample, or bits another text set): the text then goes to the table, which
 * is the authority, so a wrong answer costs time, never a wrong value.
 */
class SightFilter {
  /** The bits of the texts asked for in earlier parses. */
  private readonly earlier = new Int32Array(FILTER_BITS >>> 5);
  /** The bits of the texts asked for in this parse, set in `earlier` when the next one begins. */
  private readonly pending: number[] = [];
  private pendingParse = parseNumber;
  private marked = 0;

  /** True when the text (or one with the same sample) was asked for in an earlier parse; marks it. */
  sawBefore(text: string): boolean {
    if (this.pendingParse !== parseNumber) this.settle();
    const h = sampleHash(text);
    const a = h & (FILTER_BITS - 1);
    const b = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> (32 - FILTER_BITS_LOG2);
    if (this.has(a) && this.has(b)) return true;
    // Full enough that "asked for before" would be wrong too often: start again (texts then count as new once more).
    if (this.marked >= FILTER_MARKS) {
      this.earlier.fill(0);
      this.pending.length = 0;
      this.marked = 0;
    }
    this.marked++;
    this.pending.push(a, b);
    return false;
  }

  private has(bit: number): boolean {
    return (this.earlier[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  private settle(): void {
    for (const bit of this.pending) this.earlier[bit >>> 5]! |= 1 << (bit & 31);
    this.pending.length = 0;
    this.pendingParse = parseNumber;
  }
}

/** 2^20 bits (128 KB) a table; emptied after 2^16 texts, when about one new text in seventy reads as asked for before. */
const FILTER_BITS_LOG2 = 20;
const FILTER_BITS = 1 << FILTER_BITS_LOG2;
const FILTER_MARKS = 1 << 16;
/** The current parse's number. */
let parseNumber = 0;

/** A parse begins (service.ts): what was asked for until now counts as asked for before (SightFilter). */
export function nextParse(): void {
  parseNumber++;
}

/**
 * A hash of the text's length and of up to 24 of its characters: all of a
 * short text, else the first 8, the last 8 and 8 spread between them (a
 * paragraph edited in the middle usually differs there too; where it does
 * not, the table still tells).
 */
function sampleHash(text: string): number {
  const n = text.length;
  let h = Math.imul(n ^ 0x811c9dc5, 0x01000193);
  if (n <= 24) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 8; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const step = (n - 16) / 9;
    for (let k = 1; k <= 8; k++) h = Math.imul(h ^ text.charCodeAt(8 + Math.floor(k * step)), 0x01000193);
    for (let i = n - 8; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  // A final mix, so that the low bits (the filter's index) depend on every character.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * The string kept for this content (from its second parse on, as every
 * table). The prose rules memoise by paragraph text; when every paragraph
 * text is the canonical string, their lookups compare pointers instead of
 * characters.
 */
export const canonicalText = memoByText((text: string) => text);
