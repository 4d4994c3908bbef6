// pdf.js's main module builds a DOMMatrix when it loads. Browsers have one; in
// Node pdf.js borrows it from @napi-rs/canvas, which only the repository's
// node_modules holds, not the shipped extension (dist/). Reading text needs no
// rendering, so a small 2-D affine matrix (the part of DOMMatrix pdf.js calls
// on its text path) is installed when none is there.

type Init = readonly number[] | { a: number; b: number; c: number; d: number; e: number; f: number } | string | undefined;

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as number[];
    else if (init && typeof init === 'object' && 'a' in init) ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = init);
  }

  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  get m11(): number { return this.a; }
  get m12(): number { return this.b; }
  get m21(): number { return this.c; }
  get m22(): number { return this.d; }
  get m41(): number { return this.e; }
  get m42(): number { return this.f; }

  /** this = this × other */
  multiplySelf(o: Init): this {
    const m = new AffineMatrix(o);
    return this.set(this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b, this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d, this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f);
  }
  /** this = other × this */
  preMultiplySelf(o: Init): this {
    const m = new AffineMatrix(o);
    const t = new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
    this.set(m.a, m.b, m.c, m.d, m.e, m.f);
    return this.multiplySelf([t.a, t.b, t.c, t.d, t.e, t.f]);
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf([x, 0, 0, y, 0, 0]);
  }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }
  multiply(o: Init): AffineMatrix {
    return this.copy().multiplySelf(o);
  }
  translate(x?: number, y?: number): AffineMatrix {
    return this.copy().translateSelf(x, y);
  }
  scale(x?: number, y?: number): AffineMatrix {
    return this.copy().scaleSelf(x, y);
  }
  inverse(): AffineMatrix {
    return this.copy().invertSelf();
  }
  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }
  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
}

/** Installs the affine matrix as DOMMatrix where the runtime has none (never replaces a real one). */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= AffineMatrix;
}
