// A list that versions share: items in chunks of 1,024, so a version that
// replaces a few items copies their chunks and the short list of chunks,
// never the whole list. (A plain array of 17,000 lines is a large object for
// V8: copying it on every keystroke cost more than the keystroke.)

const BITS = 10;
const SIZE = 1 << BITS;
const MASK = SIZE - 1;

export class Chunked<T> {
  private constructor(private readonly chunks: readonly (readonly T[])[], readonly length: number) {}

  static of<T>(items: readonly T[]): Chunked<T> {
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += SIZE) chunks.push(items.slice(i, i + SIZE));
    return new Chunked(chunks, items.length);
  }

  at(i: number): T {
    return this.chunks[i >>> BITS]![i & MASK]!;
  }

  /** A new version with items [from, from + values.length) replaced; only their chunks are copied. */
  with(from: number, values: readonly T[]): Chunked<T> {
    if (values.length === 0) return this;
    const chunks = this.chunks.slice();
    let copied = -1;
    for (let k = 0; k < values.length; k++) {
      const i = from + k;
      const c = i >>> BITS;
      if (c !== copied) {
        chunks[c] = chunks[c]!.slice();
        copied = c;
      }
      (chunks[c] as T[])[i & MASK] = values[k]!;
    }
    return new Chunked(chunks, this.length);
  }

  /** Items [from, to) as an array. */
  slice(from: number, to: number = this.length): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.at(i));
    return out;
  }
}
