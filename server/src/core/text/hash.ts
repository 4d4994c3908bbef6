// FNV-1a over a text's UTF-16 code units: a small, fast, well-spread 32-bit
// hash where a digest of a string is enough (memo filters, result ids); and a
// 64-bit digest of a stream of numbers and texts where 32 bits would collide
// too often (a report's figures, cross-year/same-report.ts).

/** The FNV-1a hash of every code unit of `text`, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Two FNV-1a-style 32-bit hashes with different primes and seeds, fed the same stream. */
export class Digest {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  add(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    this.b = Math.imul(this.b ^ x, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  /** A value as two 32-bit halves; a non-integer (never in a table) by its characters. */
  addValue(value: number | undefined): void {
    if (value === undefined) return this.add(-1);
    if (Number.isSafeInteger(value)) {
      this.add(value | 0);
      this.add(Math.floor(value / 0x100000000) | 0);
    } else this.addText(String(value));
  }

  addText(text: string): void {
    this.add(text.length);
    for (let i = 0; i < text.length; i++) this.add(text.charCodeAt(i));
  }

  toString(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}
