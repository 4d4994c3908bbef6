// A web page saved with its tags stripped: a few header lines, then the whole
// report on one line, table cells run together (`规章000行政规范性文件5125`).
// The parser reads lines, so this reader renders such a line as lines: a line
// break before and after each section heading found inline, before each
// sub-item and paragraph, before each table anchor, and after each run of
// table values. Only line breaks are inserted; no character of the page is
// changed or dropped, so every offset maps back exactly (rendition.ts).

import { isHeadingAlone, parenPart } from '../parse/headings';
import { bestSectionMatch } from '../section-match';
import { namesTable3Label } from '../parse/table-labels';
import { CHINESE_NUMERALS, SECTIONS } from '../template';
import { labelKey } from '../text/normalize';
import { continuedTitleEnd, finalWordEnd, numeralTitleEnd } from './flattened-titles';
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

/**
 * How a page numbers its parts: 一、 (or 1、, or 第一部分), or in brackets, （一）总体情况, which a page uses for
 * its parts only when no part is numbered otherwise (as assemble.ts placeParenthesised reads a report in lines).
 */
type Numbering = 'part' | 'paren';
const NUMBERINGS: Readonly<Record<Numbering, RegExp>> = {
  // A figure may stand before 5. (表四's last cell run into the heading after it: `0 05.存在的主要问题…`), not a point.
  // The mark an input method slips in for 、 (一，二）三：) only where a block starts: 第一，其二， are a sentence's.
  part: /([一二三四五六七八九十])\s*[、.．]\s*|(?<![.．])([1-6])\s*[、.．](?!\d)\s*|第([一二三四五六])部分\s*[：:、.．]?\s*|(?<=^|[\s\d。！？；])([一二三四五六])\s*[，,）)：:]\s*/g,
  paren: /[（(]\s*([一二三四五六])\s*[)）]\s*/g,
};
/** Headings in order a line holds to be a flattened page: more where brackets number them, as sub-items are. */
const MIN_RUN: Readonly<Record<Numbering, number>> = { part: MIN_INLINE_HEADINGS, paren: 3 };

export interface InlineHeading {
  start: number;
  end: number;
  sectionId: number;
}

/** The rendition of a flattened page, or undefined when no line of the text is one. */
export function renderFlattened(text: string): Rendition | undefined {
  let numbering: Numbering | undefined;
  // The body's first long line, where the parts' order starts (below).
  let body: { start: number; end: number } | undefined;
  // Only lines long enough to be a page are read out of the text (most documents have none).
  forEachLine(text, (start, end) => {
    if (end - start < MIN_FLAT_LINE) return;
    body ??= { start, end };
    if (numbering !== 'part') numbering = numberingOf(text.slice(start, end)) ?? numbering;
  });
  if (!numbering || !body || headingLines(text, numbering) >= MIN_INLINE_HEADINGS) return undefined;
  const style = numbering;
  // A flattened page: its other lines are pieces of it too. A page flattened and then wrapped (printed to a
  // PDF, pasted into Word) holds its parts in several long lines, one or none in each: each line is broken at
  // the headings it holds, the sections continuing in order from the lines before, and at its tables.
  const breaks: number[] = [];
  let lastSection = 0;
  // Lines above the body's first long line are header lines (title, date, column, link) or the page's first
  // pieces: a part they name counts only if it comes before the first part that long line names (long fuzz, seed
  // 20261287: a stray line there naming 六 hid the body's parts).
  const bodyFrom = body.start;
  const bodyFirstPart = inlineHeadings(text.slice(body.start, body.end), 0, style)[0]?.sectionId ?? SECTIONS.length + 1;
  forEachLine(text, (start, end) => {
    if (end - start < MIN_PIECE) return;
    const beforeBody = start < bodyFrom;
    const line = text.slice(start, end);
    // A heading on a line of its own (a header line that reads as one) needs no break, and is no part of the
    // flattened text's order: taken for one, a 六、 above the body would have hidden the body's 一 to 五.
    // A line that starts with a heading and goes on (a page flattened and then wrapped) is a piece to break.
    if (end - start < MIN_FLAT_LINE && isHeadingAlone(line)) return;
    const { inOrder: headings, breakAt: titled } = headingsToBreakAt(line, lastSection, style);
    if (headings.length === 0 && end - start < MIN_FLAT_LINE) return;
    let breakAt = style === 'paren' ? headings : headings.length > 0 ? withNumeralHeadings(line, headings, titled, lastSection) : titled;
    if (beforeBody) breakAt = breakAt.filter((h) => h.sectionId < bodyFirstPart);
    if (breakAt.length > 0) lastSection = Math.max(lastSection, ...breakAt.map((h) => h.sectionId));
    for (const b of lineBreaks(line, breakAt)) breaks.push(start + b);
  });
  return insertBreaks(text, breaks, 'run-together');
}

/** The text holds headings on lines of their own (headingLines): it is laid out in lines, not flattened. */
export function hasHeadingLines(text: string): boolean {
  return headingLines(text, 'part') >= MIN_INLINE_HEADINGS;
}

/**
 * Headings that stand on lines of their own: a report laid out in lines whose
 * one long paragraph lists the parts (一、总体情况；二、…, or （一）总体情况、（二）… in a
 * report whose parts are numbered so) is not a flattened page.
 */
function headingLines(text: string, numbering: Numbering): number {
  let count = 0;
  forEachLine(text, (start, end) => {
    if (end === start || end - start >= MIN_FLAT_LINE) return false;
    const line = text.slice(start, end);
    if (isHeadingAlone(line) || (numbering === 'paren' && parenPart(line))) count++;
    // Two are enough: a report's parts stand near its start, and the rest of a long text is not read.
    return count >= MIN_INLINE_HEADINGS;
  });
  return count;
}

/**
 * Calls `each` with the bounds of every line, whichever line break the text
 * uses, until it returns true. Every document opened comes here: char codes and indexOf, where a
 * regular expression made a match array a line.
 */
function forEachLine(text: string, each: (start: number, end: number) => boolean | void): void {
  let start = 0;
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      if (each(start, i) === true) return;
      start = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (each(start, i) === true) return;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  each(start, text.length);
}

/** One line of text that is a whole flattened page (or most of one). */
export function isFlattenedLine(line: string): boolean {
  return line.length >= MIN_FLAT_LINE && numberingOf(line) !== undefined;
}

/** How the parts are numbered on a line that is a flattened page, or undefined when it is none. */
function numberingOf(line: string): Numbering | undefined {
  if (inlineHeadings(line).length >= MIN_RUN.part) return 'part';
  return inlineHeadings(line, 0, 'paren').length >= MIN_RUN.paren ? 'paren' : undefined;
}

/**
 * Section headings inside a line: a numbering (一、 or 1、) followed by text
 * whose best prefix reads as a template section title. A 表三 row label
 * (一、本年新收政府信息公开申请数量) is never one. Only sections after
 * `after` (the last one found on the lines before) are taken, and of those
 * the longest run in order (inOrder).
 */
export function inlineHeadings(line: string, after = 0, numbering: Numbering = 'part'): InlineHeading[] {
  return inOrder(headingsFound(line, after, numbering));
}

/**
 * Where the line breaks around headings: the run in order (inlineHeadings),
 * and a heading out of order whose section the run lacks (a part moved above
 * another), which then reads as the heading it is, on a line of its own.
 */
function headingsToBreakAt(line: string, after: number, numbering: Numbering): { inOrder: InlineHeading[]; breakAt: InlineHeading[] } {
  const found = headingsFound(line, after, numbering);
  const run = inOrder(found);
  const kept = new Set(run);
  const sections = new Set(run.map((h) => h.sectionId));
  return { inOrder: run, breakAt: found.filter((h) => kept.has(h) || !sections.has(h.sectionId)) };
}

/** Every heading the line holds after section `after`, in order or not (inlineHeadings). */
function headingsFound(line: string, after: number, numbering: Numbering): InlineHeading[] {
  const found: InlineHeading[] = [];
  let tried = 0;
  const SECTION_NUMBERING = NUMBERINGS[numbering];
  SECTION_NUMBERING.lastIndex = 0;
  for (let m = SECTION_NUMBERING.exec(line); m; m = SECTION_NUMBERING.exec(line)) {
    const chinese = m[1] ?? m[3] ?? m[4];
    const ordinal = chinese ? CHINESE_NUMERALS.indexOf(chinese as (typeof CHINESE_NUMERALS)[number]) + 1 : Number(m[2]);
    const titleStart = m.index + m[0].length;
    if (ordinal > SECTIONS.length) continue;
    if (!TITLE_HEADS.has(labelKey(line.slice(titleStart, titleStart + 6)).slice(0, 2))) continue;
    // A page holds a few numbered parts, not hundreds of numberings that could start one: such a line is no report.
    if (++tried > MAX_TRIED) return [];
    const title = bestTitle(line, titleStart);
    // A part numbered as another (`五、政府信息公开行政复议、行政诉讼情况` for 四) is its part where its title is the
    // template's nearly word for word: section.numbering tells the numeral, as for a heading on a line of its own.
    if (!title || title.sectionId <= after || (title.sectionId !== ordinal && title.score < MISNUMBERED_TITLE)) continue;
    const end = continuedTitleEnd(line, titleStart, title.end);
    found.push({ start: m.index, end, sectionId: title.sectionId });
    SECTION_NUMBERING.lastIndex = end;
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

/**
 * The headings to break the line at, with the parts the run in order lacks that stand where they belong, numbered
 * by their numeral but titled like no template title (一、基本情况, 五、问题与打算): for each, the one numbering
 * 一、 to 六、 at the start of a block (after a sentence's end, a space or the line's start) between its neighbours'
 * headings, when no other such numbering is there. The line is broken before it and after its title, and the
 * parser places it as it places such a line in a report laid out in lines (assemble.ts placeByNumeral). Before,
 * the part was "missing", an error, and its text read as the part before's.
 */
function withNumeralHeadings(line: string, run: readonly InlineHeading[], titled: readonly InlineHeading[], after: number): InlineHeading[] {
  const placed: InlineHeading[] = [];
  const present = new Set(titled.map((h) => h.sectionId));
  for (let k = after + 1; k <= SECTIONS.length; k++) {
    if (present.has(k)) continue;
    const before = run.filter((h) => h.sectionId < k).at(-1);
    const next = run.find((h) => h.sectionId > k);
    // After the run's last heading only for the part that follows it (the page's last lines are no part's).
    if (!next && k !== run[run.length - 1]!.sectionId + 1) continue;
    const found = numeralBlocks(line, before?.end ?? 0, next?.start ?? line.length);
    if (found.length !== 1 || found[0]!.ordinal !== k || !found[0]!.block) continue;
    // Words that read as another part's title make a misnumbered heading, which the parser reads as that part's.
    const titledAs = bestTitle(line, found[0]!.titleStart);
    if (titledAs && titledAs.sectionId !== k) continue;
    const end = numeralTitleEnd(line, found[0]!.titleStart);
    if (end !== undefined) placed.push({ start: found[0]!.start, end, sectionId: k });
  }
  return placed.length === 0 ? [...titled] : [...titled, ...placed].sort((a, b) => a.start - b.start);
}

/**
 * Numberings 一、 to 十、 between `from` and `to`, each with whether it starts a block, except 表三's row labels
 * (三、本年度办理结果) and a numeral in a run (第一、二项). One that starts no block still counts: run together,
 * 一、基本情况二、完善制度机制 is a list.
 */
function numeralBlocks(line: string, from: number, to: number): { start: number; titleStart: number; ordinal: number; block: boolean }[] {
  const out: { start: number; titleStart: number; ordinal: number; block: boolean }[] = [];
  NUMERAL_BLOCK.lastIndex = from;
  for (let m = NUMERAL_BLOCK.exec(line); m; m = NUMERAL_BLOCK.exec(line)) {
    const start = m.index + m[1]!.length;
    if (start >= to) break;
    const titleStart = m.index + m[0].length;
    const before = start > from ? line.charAt(start - 1) : '';
    if (NUMERAL_RUN.test(before) || startsTable3Label(line, titleStart)) continue;
    out.push({ start, titleStart, ordinal: CHINESE_NUMERALS.indexOf(m[2] as (typeof CHINESE_NUMERALS)[number]) + 1, block: before === '' || BLOCK_BEFORE.test(before) });
    // Many numberings: a list, not a part's heading (a line of hundreds is read no further).
    if (out.length > 1) break;
  }
  return out;
}

/** The words at `from` start a 表三 label (结转下年 of 四、结转下年度继续办理), as bestTitle tells its prefixes. */
function startsTable3Label(line: string, from: number): boolean {
  for (let end = from + 4; end <= Math.min(line.length, from + 8); end++) if (namesTable3Label(line.slice(from, end))) return true;
  return false;
}

const NUMERAL_BLOCK = /(\s*)([一二三四五六七八九十])[、.．]\s*/g;
const NUMERAL_RUN = /[第一二三四五六七八九十、]/;
/**
 * What a block's numbering may follow: a sentence's end, a bracket closing a reference or address, space, or a
 * figure ending the table before it (表四's last cell, `0五、…`: a crawler runs the cell into the heading).
 */
const BLOCK_BEFORE = /[\s\d。！？；：:）)]/;
/**
 * The prefix of line[from…] that best matches a section title (ties: the shortest). A crawler keeps a block's end
 * as a space: a best prefix across one ends before it where the words there end as a title does (六、其他
 * 本年度无其他需要报告的事项 read as one title, whose fix then deleted the part's first words).
 */
function bestTitle(line: string, from: number): { end: number; sectionId: number; score: number } | undefined {
  let best: { end: number; sectionId: number; score: number } | undefined;
  let space = -1;
  // No title holds a negation: 六、其他本年度无其他需要报告的事项 is a title, then the part's usual sentence.
  const negation = line.slice(from, from + MAX_TITLE).search(NEGATION);
  const limit = negation >= 0 ? from + negation : Math.min(line.length, from + MAX_TITLE);
  for (let end = from + 2; end <= limit; end++) {
    const c = line.charAt(end - 1);
    // A title ends at a word, not inside a sentence's punctuation or a number.
    if (/[\s，。；：,;:（(）)]/.test(c)) {
      if (space < 0 && /\s/.test(c)) space = end - 1;
      continue;
    }
    if (namesTable3Label(line.slice(from, end))) return undefined;
    const match = bestSectionMatch(line.slice(from, end), TITLE_THRESHOLD);
    if (match && (!best || match.score > best.score + 1e-9)) best = { end, sectionId: match.id, score: match.score };
  }
  if (!best || best.score < TITLE_THRESHOLD) return undefined;
  // As for a heading on a line of its own (headings.ts), the caller checks that the numbering agrees with the section.
  const beforeSpace = space >= 0 && best.end > space ? finalWordEnd(line, from, space) : undefined;
  return beforeSpace === undefined ? best : { ...best, end: beforeSpace };
}

const NEGATION = /无|没有|未/;
/** How near the template's a title numbered as another part must be to be taken for its part. */
const MISNUMBERED_TITLE = 0.9;

// ------------------------------------------------------------------ the breaks

// A paragraph break the page kept as a space: a sentence end, then space.
const PARAGRAPH_BREAK = /[。！？；]\s+(?=\S)/g;
const SUB_ITEM = /[（(][一二三四五六七八九十]{1,3}[)）]/g;
// A sub-item's title and the space the page kept for the paragraph break after it, before its first numbered item
// (`（一）主动公开 1.公开总体情况。…`): the item starts a paragraph, as its `2.` after a sentence does.
const TITLE_THEN_ITEM = /^[（(][一二三四五六七八九十]{1,3}[)）][^\s。，；：:！？,;]{1,20}\s+(?=(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]))/;

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
    if (before !== '' && !/[。！？；：:]$/.test(before)) continue;
    out.push(from + m.index);
    const titled = TITLE_THEN_ITEM.exec(text.slice(m.index, m.index + 40));
    if (titled) out.push(from + m.index + titled[0].length);
  }
  if (to > from && to < line.length) out.push(to);
}

function firstMatch(re: RegExp, text: string, from: number, to: number): number | undefined {
  re.lastIndex = 0;
  const m = re.exec(text.slice(from, to));
  return m ? from + m.index : undefined;
}
