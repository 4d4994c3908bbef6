// The core's memo tables, all in one place: work that depends only on a text
// (a paragraph, a table label) is kept by that text. The incremental parser
// hands back the very same string for an unchanged paragraph, so a lookup
// costs no string work at all; a table is dropped whole when it grows past its
// bound. `clearCaches` empties every table: the tests' full-parse oracle runs
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
  resets.push(() => (cache = new Map()));
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as T;
    const value = compute(text);
    if (cache.size >= limit || cache.size >= tableBound) cache = new Map();
    cache.set(keyOf(text, value), value === undefined ? NONE : value);
    return value;
  };
}

/**
 * The first string seen with this content. The prose rules memoise by
 * paragraph text; when every paragraph text is the canonical string, their
 * lookups compare pointers instead of characters.
 */
export const canonicalText = memoByText((text: string) => text);
