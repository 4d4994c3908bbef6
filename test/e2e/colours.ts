// Colours as the tests judge them: the grammar's theme colours (theme-colours.test.ts)
// and the pixels of a screenshot (editor-experience.test.ts).

import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/**
 * Red as themes paint errors (#E50000, #F44747, #CD3131): hue near 0°, saturated, bright. Maroon
 * (#800000, Light+'s colour for every Markdown heading) is not an error's colour.
 */
export function isRed(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return false;
  const s = (max - min) / (1 - Math.abs(2 * l - 1));
  let h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
  h = (h * 60 + 360) % 360;
  return (h < 25 || h > 335) && s > 0.4 && l > 0.3 && l < 0.85;
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * The colours of a box of a PNG screenshot (CSS pixels × the device scale), most frequent first: the
 * background first, the glyphs' colour after it (anti-aliased edges are spread over many shades).
 */
export function coloursIn(pngFile: string, box: { x: number; y: number; width: number; height: number }, scale = 1): { colour: string; count: number }[] {
  const png = PNG.sync.read(readFileSync(pngFile));
  const counts = new Map<string, number>();
  const [x0, y0] = [Math.max(0, Math.floor(box.x * scale)), Math.max(0, Math.floor(box.y * scale))];
  const [x1, y1] = [Math.min(png.width, Math.ceil((box.x + box.width) * scale)), Math.min(png.height, Math.ceil((box.y + box.height) * scale))];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const colour = hex(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!);
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
  }
  return [...counts].map(([colour, count]) => ({ colour, count })).sort((a, b) => b.count - a.count);
}

/** Distance between two #rrggbb colours (0–441). */
export function distance(a: string, b: string): number {
  const p = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [p(a), p(b)];
  return Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!);
}
