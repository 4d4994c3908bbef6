// Running headers, footers and page numbers: what a printer puts on every
// page, not the report. A line near the top or bottom edge goes when it is a
// page number (`- 4 -`, `第 4 页`, `4`, `4/12`) or when the same text (its
// numbers aside) stands at the same height on most pages.

import type { RuledTable } from './grid';
import type { Line } from './lines';

/** The top and bottom bands of a page where running text lives (a fraction of its height). */
const EDGE_BAND = 0.1;
/** Same height: within this many PDF units. */
const SAME_HEIGHT = 3;

const PAGE_NUMBER = [
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page\s*)?\d{1,4}\s*(?:of\s*\d{1,4})?$/i,
];

export interface PageLines {
  readonly height: number;
  readonly lines: readonly Line[];
}

/** The lines of every page without its running text. */
export function withoutRunningText(pages: readonly PageLines[]): Line[][] {
  const atEdge = (line: Line, height: number) => line.y < height * EDGE_BAND || line.y > height * (1 - EDGE_BAND);
  const key = (line: Line) => line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const repeats = new Map<string, number[]>();
  pages.forEach(({ lines, height }) => {
    for (const line of lines) if (atEdge(line, height)) repeats.set(key(line), [...(repeats.get(key(line)) ?? []), line.y]);
  });
  const minPages = Math.max(2, Math.ceil(pages.length / 2));
  const isRepeated = (line: Line) => pages.length >= 3 && (repeats.get(key(line)) ?? []).filter((y) => Math.abs(y - line.y) <= SAME_HEIGHT).length >= minPages;
  return pages.map(({ lines, height }) => lines.filter((line) => !(atEdge(line, height) && (PAGE_NUMBER.some((p) => p.test(line.text.trim())) || isRepeated(line)))));
}

/**
 * A table head a browser repeats at the top of each page the table runs onto (`<thead>`), printed without
 * rules, so it is lines, not rows the table builder drops: a page's first lines that repeat, word for word, lines
 * standing above the table that ends the page before (nothing under it) are dropped.
 */
export function withoutRepeatedHeads(pages: readonly (readonly Line[])[], tables: readonly (readonly RuledTable[])[]): Line[][] {
  return pages.map((lines, p) => {
    const before = pages[p - 1];
    const last = tables[p - 1]?.reduce<RuledTable | undefined>((low, t) => (!low || t.bottom < low.bottom ? t : low), undefined);
    if (!before || !last || before.some((l) => l.y < last.bottom)) return [...lines];
    const above = new Set(before.filter((l) => l.y > last.top).map((l) => l.text));
    const firstTable = Math.max(...(tables[p] ?? []).map((t) => t.top), Number.NEGATIVE_INFINITY);
    let skip = 0;
    while (skip < lines.length && lines[skip]!.y > firstTable && above.has(lines[skip]!.text)) skip++;
    return lines.slice(skip);
  });
}
