// A web page saved with its tags stripped: a few header lines, then the whole
// report on one line, table cells run together (`规章000行政规范性文件5125`).
// The parser reads lines, so this reader renders such a line as lines: a line
// break before and after each section heading found inline, before each
// sub-item and paragraph, before each table anchor, and after each run of
// table values. Only line breaks are inserted; no character of the page is
// changed or dropped, so every offset maps back exactly (rendition.ts).

import { recogniseHeading } from '../parse/headings';
import { bestSectionMatch } from '../section-match';
import { namesTable3Label } from '../parse/table-labels';
import { CHINESE_NUMERALS, SECTIONS } from '../template';
import { labelKey } from '../text/normalize';
import { insertBreaks, type Rendition } from './rendition';
import { TABLE_ANCHOR, tableBreaks } from '../tables/run-breaks';

/** A line this long, holding several section headings, is a flattened page. */
const MIN_FLAT_LINE = 300;
/** On a flattened page, a line shorter than this is a header line (title, date, link), not a piece of the report. */
const MIN_PIECE = 20;
const MIN_INLINE_HEADINGS = 2;
const MAX_TITLE = 40;
const TITLE_THRESHOLD = 0.6;

// The first two characters of every section title and accepted variant: a numbering followed by anything else starts no heading.
const TITLE_HEADS = new Set(SECTIONS.flatMap((s) => [s.title, ...s.aliases].map((t) => labelKey(t).slice(0, 2))));
/** Numberings followed by a title's first words that a line may hold before it is taken for no report at all. */
const MAX_TRIED = 60;

const SECTION_NUMBERING = /([一二三四五六七八九十])\s*[、.．]\s*|(?<![\d.．])([1-6])\s*[、.．](?!\d)\s*/g;

export interface InlineHeading {
  start: number;
  end: number;
  sectionId: number;
}

/** The rendition of a flattened page, or undefined when no line of the text is one. */
export function renderFlattened(text: string): Rendition | undefined {
  let found = false;
  // Only lines long enough to be a page are read out of the text (most documents have none).
  forEachLine(text, (start, end) => {
    if (!found && end - start >= MIN_FLAT_LINE) found = isFlattenedLine(text.slice(start, end));
  });
  if (!found || headingLines(text) >= MIN_INLINE_HEADINGS) return undefined;
  // A flattened page: its other lines are pieces of it too. A page flattened and then wrapped (printed to a
  // PDF, pasted into Word) holds its parts in several long lines, one or none in each: each line is broken at
  // the headings it holds, the sections continuing in order from the lines before, and at its tables.
  const breaks: number[] = [];
  let lastSection = 0;
  forEachLine(text, (start, end) => {
    if (end - start < MIN_PIECE) return;
    const line = text.slice(start, end);
    // A heading on a line of its own (a header line that reads as one) needs no break, and is no part of the
    // flattened text's order: taken for one, a 六、 above the body would have hidden the body's 一 to 五.
    if (end - start < MIN_FLAT_LINE && recogniseHeading(line, 0)) return;
    const { inOrder: headings, breakAt } = headingsToBreakAt(line, lastSection);
    if (headings.length === 0 && end - start < MIN_FLAT_LINE) return;
    if (headings.length > 0) lastSection = headings[headings.length - 1]!.sectionId;
    for (const b of lineBreaks(line, breakAt)) breaks.push(start + b);
  });
  return insertBreaks(text, breaks, 'run-together');
}

/**
 * Headings that stand on lines of their own: a report laid out in lines whose
 * one long paragraph lists the parts (一、总体情况；二、…) is not a flattened page.
 */
function headingLines(text: string): number {
  let count = 0;
  forEachLine(text, (start, end) => {
    if (count < MIN_INLINE_HEADINGS && end > start && end - start < MIN_FLAT_LINE && recogniseHeading(text.slice(start, end), 0)) count++;
  });
  return count;
}

/**
 * Calls `each` with the bounds of every line, whichever line break the text
 * uses. Every document opened comes here: char codes and indexOf, where a
 * regular expression made a match array a line.
 */
function forEachLine(text: string, each: (start: number, end: number) => void): void {
  let start = 0;
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      each(start, i);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      each(start, i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  each(start, text.length);
}

/** One line of text that is a whole flattened page (or most of one). */
export function isFlattenedLine(line: string): boolean {
  return line.length >= MIN_FLAT_LINE && inlineHeadings(line).length >= MIN_INLINE_HEADINGS;
}

/**
 * Section headings inside a line: a numbering (一、 or 1、) followed by text
 * whose best prefix reads as a template section title. A 表三 row label
 * (一、本年新收政府信息公开申请数量) is never one. Only sections after
 * `after` (the last one found on the lines before) are taken, and of those
 * the longest run in order (inOrder).
 */
export function inlineHeadings(line: string, after = 0): InlineHeading[] {
  return inOrder(headingsFound(line, after));
}

/**
 * Where the line breaks around headings: the run in order (inlineHeadings),
 * and a heading out of order whose section the run lacks (a part moved above
 * another), which then reads as the heading it is, on a line of its own.
 */
function headingsToBreakAt(line: string, after: number): { inOrder: InlineHeading[]; breakAt: InlineHeading[] } {
  const found = headingsFound(line, after);
  const run = inOrder(found);
  const kept = new Set(run);
  const sections = new Set(run.map((h) => h.sectionId));
  return { inOrder: run, breakAt: found.filter((h) => kept.has(h) || !sections.has(h.sectionId)) };
}

/** Every heading the line holds after section `after`, in order or not (inlineHeadings). */
function headingsFound(line: string, after: number): InlineHeading[] {
  const found: InlineHeading[] = [];
  let tried = 0;
  SECTION_NUMBERING.lastIndex = 0;
  for (let m = SECTION_NUMBERING.exec(line); m; m = SECTION_NUMBERING.exec(line)) {
    const ordinal = m[1] ? CHINESE_NUMERALS.indexOf(m[1] as (typeof CHINESE_NUMERALS)[number]) + 1 : Number(m[2]);
    const titleStart = m.index + m[0].length;
    if (ordinal > SECTIONS.length || ordinal <= after) continue;
    if (!TITLE_HEADS.has(labelKey(line.slice(titleStart, titleStart + 6)).slice(0, 2))) continue;
    // A page holds a few numbered parts, not hundreds of numberings that could start one: such a line is no report.
    if (++tried > MAX_TRIED) return [];
    const title = bestTitle(line, titleStart);
    if (!title || title.sectionId !== ordinal) continue;
    found.push({ start: m.index, end: title.end, sectionId: title.sectionId });
    SECTION_NUMBERING.lastIndex = title.end;
  }
  return found;
}

/**
 * Sections come in order, once each: of the headings found, the longest run
 * whose sections increase, the earliest of equally long runs. Headings in
 * order are all kept; taken one after another instead, a part out of order
 * (a 六、 typed above 四) hid every part after it, and the report read as
 * missing them. The parts kept out of order are told by section.order and
 * section.duplicate (renderFlattened breaks the line at those whose section
 * the run lacks).
 */
function inOrder(found: readonly InlineHeading[]): InlineHeading[] {
  const n = found.length;
  // longest[i]: the most headings in a run of increasing sections that starts with found[i].
  const longest = new Array<number>(n);
  let want = 0;
  for (let i = n - 1; i >= 0; i--) {
    let best = 1;
    for (let j = i + 1; j < n; j++) if (found[j]!.sectionId > found[i]!.sectionId) best = Math.max(best, longest[j]! + 1);
    longest[i] = best;
    want = Math.max(want, best);
  }
  const out: InlineHeading[] = [];
  let last = 0;
  for (let i = 0; i < n && want > 0; i++) {
    if (found[i]!.sectionId <= last || longest[i] !== want) continue;
    out.push(found[i]!);
    last = found[i]!.sectionId;
    want--;
  }
  return out;
}

/** The prefix of line[from…] that best matches a section title (ties: the shortest). */
function bestTitle(line: string, from: number): { end: number; sectionId: number } | undefined {
  let best: { end: number; sectionId: number; score: number } | undefined;
  const limit = Math.min(line.length, from + MAX_TITLE);
  for (let end = from + 2; end <= limit; end++) {
    const c = line.charAt(end - 1);
    // A title ends at a word, not inside a sentence's punctuation or a number.
    if (/[\s，。；：,;:（(）)]/.test(c)) continue;
    if (namesTable3Label(line.slice(from, end))) return undefined;
    const match = bestSectionMatch(line.slice(from, end), TITLE_THRESHOLD);
    if (match && (!best || match.score > best.score + 1e-9)) best = { end, sectionId: match.id, score: match.score };
  }
  // As for a heading on a line of its own (headings.ts): the numbering must agree with the section too.
  return best && best.score >= TITLE_THRESHOLD ? best : undefined;
}

// ------------------------------------------------------------------ the breaks

// A paragraph break the page kept as a space: a sentence end, then space.
const PARAGRAPH_BREAK = /[。！？；]\s+(?=\S)/g;
const SUB_ITEM = /[（(][一二三四五六七八九十]{1,3}[)）]/g;

function lineBreaks(line: string, headings: readonly InlineHeading[]): number[] {
  const out: number[] = [];
  // A piece with no heading goes on the section before it: one zone.
  const zones: { from: number; to: number }[] = headings.length === 0 ? [{ from: 0, to: line.length }] : [];
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    const to = headings[k + 1]?.start ?? line.length;
    if (h.start > 0) out.push(h.start);
    out.push(h.end);
    zones.push({ from: h.end, to });
  }
  if (headings.length > 0 && headings[0]!.start > 0) zones.unshift({ from: 0, to: headings[0]!.start });
  for (const zone of zones) {
    const tableAt = firstMatch(TABLE_ANCHOR, line, zone.from, zone.to);
    const proseEnd = tableAt ?? zone.to;
    proseBreaks(line, zone.from, proseEnd, out);
    if (tableAt !== undefined) tableBreaks(line, tableAt, zone.to, out);
  }
  return [...new Set(out)].filter((b) => b > 0 && b < line.length).sort((a, b) => a - b);
}

/** Paragraphs (a sentence end followed by a space) and sub-items after a sentence end or at the start. */
function proseBreaks(line: string, from: number, to: number, out: number[]): void {
  const text = line.slice(from, to);
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) out.push(from + m.index + 1);
  SUB_ITEM.lastIndex = 0;
  for (let m = SUB_ITEM.exec(text); m; m = SUB_ITEM.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    if (before === '' || /[。！？；：:]$/.test(before)) out.push(from + m.index);
  }
  if (to > from && to < line.length) out.push(to);
}

function firstMatch(re: RegExp, text: string, from: number, to: number): number | undefined {
  re.lastIndex = 0;
  const m = re.exec(text.slice(from, to));
  return m ? from + m.index : undefined;
}
