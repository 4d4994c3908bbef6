// Text → Report. Never throws: what it cannot read it leaves out of the model
// and says so through the tables' shape problems (the rules report them).
//
// Order of work: lines → debris → headings (short lines naming a section, not
// followed by numbers) → table anchors → one region per table, read by the
// layout's reader and aligned with the template → the rest is prose.

import type { Artifact, Heading, Paragraph, Report, Section, SubItem, Table, TableLayout } from '../model';
import { findAnchors } from '../tables/anchors';
import { detectLayout, readCells } from '../tables/cells';
import { readTable2 } from '../tables/table2';
import { readTable3 } from '../tables/table3';
import { readTable4 } from '../tables/table4';
import { BOOKMARK, blankBookmarks, isPageNumberLine, isWebChromeLine } from '../text/debris';
import { splitLines, type Line } from '../text/lines';
import { classifyCell } from '../text/numbers';
import { recogniseHeading } from './headings';
import { buildParagraphs } from './paragraphs';
import { nestSubItems, recogniseSubItem } from './subitems';
import { findTitle } from './title';

const SENTENCE_END = /[。！？!?：:；;]\s*$/;

export function parseReport(text: string): Report {
  const lines = splitLines(text);
  const clean = lines.map((l) => blankBookmarks(l.text));
  const pageNumber = clean.map((t) => isPageNumberLine(t));
  const chrome = clean.map((t, i) => !pageNumber[i] && t.trim() !== '' && isWebChromeLine(t));

  const headingAt = new Map<number, Heading>();
  for (let i = 0; i < lines.length; i++) {
    if (pageNumber[i] || chrome[i]) continue;
    const h = recogniseHeading(clean[i]!, lines[i]!.start, () => followedByNumbers(clean, pageNumber, i));
    if (h) headingAt.set(i, h);
  }
  const headingLines = [...headingAt.keys()];

  // Tables: each runs from its anchor to the next heading or anchor.
  const anchors = findAnchors(lines, (i) => headingAt.has(i));
  const tables: Report['tables'] = {};
  const tableLines = new Set<number>();
  const layouts: TableLayout[] = [];
  for (let a = 0; a < anchors.length; a++) {
    const { kind, line } = anchors[a]!;
    const nextHeading = headingLines.find((h) => h > line) ?? lines.length;
    const nextAnchor = anchors[a + 1]?.line ?? lines.length;
    const to = Math.min(nextHeading, nextAnchor);
    const layout = detectLayout(lines, line, to);
    const cells = readCells(lines, line, to, layout);
    const reader = kind === 't2' ? readTable2 : kind === 't3' ? readTable3 : readTable4;
    const { table, end } = reader(cells, layout);
    (tables as Record<Table['kind'], Table>)[kind] = table;
    layouts.push(layout);
    for (let i = line; i < to && lines[i]!.start <= end; i++) tableLines.add(i);
  }

  const artifacts = findArtifacts(lines, clean, pageNumber, chrome, tableLines);

  // Sections and prose.
  const firstHeading = headingLines[0] ?? lines.length;
  const skip = (i: number) => pageNumber[i]! || chrome[i]! || tableLines.has(i);
  const subItemAt = new Map<number, SubItem>();
  for (let i = 0; i < lines.length; i++) {
    if (headingAt.has(i) || skip(i)) continue;
    const item = recogniseSubItem(clean[i]!, lines[i]!.start);
    if (item) subItemAt.set(i, item);
  }
  const startsItem = (i: number) => subItemAt.has(i);
  const paragraphsOf = (from: number, to: number): Paragraph[] => buildParagraphs(lines, range(from, to), (i) => skip(i), startsItem);

  const sections: Section[] = headingLines.map((h, k) => {
    const to = headingLines[k + 1] ?? lines.length;
    const heading = headingAt.get(h)!;
    const items = range(h + 1, to).filter((i) => subItemAt.has(i)).map((i) => subItemAt.get(i)!);
    return {
      heading,
      range: { start: heading.range.start, end: lastContentEnd(lines, h, to) },
      subItems: nestSubItems(items),
      paragraphs: paragraphsOf(h + 1, to),
    };
  });

  const title = findTitle(lines, 0, firstHeading);
  return {
    textLength: text.length,
    title,
    preface: paragraphsOf(0, firstHeading).filter((p) => !title || p.range.end <= title.range.start || p.range.start >= title.range.end),
    sections,
    tables,
    artifacts,
    layout: mostCommon(layouts),
  };
}

/** True when the line carries numbers after its first cell, or the next line is a number. */
function followedByNumbers(clean: readonly string[], pageNumber: readonly boolean[], i: number): boolean {
  const cells = clean[i]!.trim().split(/[\t\s\u3000]+/);
  if (cells.slice(1).some((c) => classifyCell(c).kind === 'number')) return true;
  for (let k = i + 1; k < clean.length && k <= i + 3; k++) {
    if (pageNumber[k]) continue;
    const t = clean[k]!.trim();
    if (!t) continue;
    return classifyCell(t).kind === 'number';
  }
  return false;
}

function findArtifacts(lines: readonly Line[], clean: readonly string[], pageNumber: readonly boolean[], chrome: readonly boolean[], tableLines: ReadonlySet<number>): Artifact[] {
  const artifacts: Artifact[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.includes('[bookmark:')) {
      BOOKMARK.lastIndex = 0;
      for (let m = BOOKMARK.exec(line.text); m; m = BOOKMARK.exec(line.text)) {
        artifacts.push({ kind: 'bookmark', range: { start: line.start + m.index, end: line.start + m.index + m[0].length }, text: m[0], interrupts: false });
      }
    }
    if (chrome[i] || pageNumber[i]) {
      const t = clean[i]!;
      const lead = t.length - t.trimStart().length;
      const range = { start: line.start + lead, end: line.start + t.trimEnd().length };
      if (chrome[i]) artifacts.push({ kind: 'web-chrome', range, text: t.trim(), interrupts: false });
      else artifacts.push({ kind: 'page-number', range, text: t.trim(), interrupts: tableLines.has(i) || interruptsSentence(clean, pageNumber, i) });
    }
  }
  return artifacts;
}

/** A page number between two halves of one sentence (the line before does not end it). */
function interruptsSentence(clean: readonly string[], pageNumber: readonly boolean[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (pageNumber[k] || !clean[k]!.trim())) k--;
  let n = i + 1;
  while (n < clean.length && (pageNumber[n] || !clean[n]!.trim())) n++;
  if (k < 0 || n >= clean.length) return false;
  return !SENTENCE_END.test(clean[k]!);
}

function lastContentEnd(lines: readonly Line[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const t = lines[i]!.text;
    if (t.trim()) return lines[i]!.start + t.trimEnd().length;
  }
  return lines[from]!.end;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) { best = x; n = c; }
  return best;
}
