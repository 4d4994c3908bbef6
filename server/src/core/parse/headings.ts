// Section headings. A heading is a short line whose title matches (or nearly
// matches) one of the six template titles, or a line whose title, nearly the
// template's, has its part's first words after it (headingWithRest). Rows of 表三 also start with 一、
// 二、 三、 四、 but their titles match no section and they are followed by
// numbers, so they are never taken for headings.

import type { Heading, NumberingStyle } from '../model';
import { bestSectionMatch, mayNameSection, namesPartByPrefixOnly, sectionScore } from '../section-match';
import { SECTIONS, type SectionId } from '../template';
import { markdownLeadLength, readNumbering, type NumberingMatch } from './numbering';
import { namesTable3Label } from './table-labels';
import { chineseNumeralValue, isWhiteSpaceCode } from '../text/normalize';

const MAX_HEADING_LENGTH = 48;
const NUMBERED_THRESHOLD = 0.6;
const ARABIC_THRESHOLD = 0.75;
/** A title with no numbering must be nearly the template's. */
const UNNUMBERED_THRESHOLD = 0.95;
/** The lowest threshold a line's title is held to (wholeLineHeading): a line that cannot reach it holds no heading. */
const LOWEST_THRESHOLD = Math.min(NUMBERED_THRESHOLD, ARABIC_THRESHOLD, UNNUMBERED_THRESHOLD);
/** How much less like its title than another part's a numbered title may be and still be its numeral's part. */
const NUMERAL_MARGIN = 0.1;
/** The longest title a part's heading found by its numeral alone may have: a part's title, not a sentence. */
const MAX_NUMERAL_TITLE = 24;
/** A part numbered in brackets must be titled nearly as the template titles it (a sub-item often names a part's subject). */
const PAREN_PART_THRESHOLD = 0.95;

/** A line ending in one of these (space, tab, * _ # }) may end in Markdown's markup (markupStart); NaN (no character): no. */
function mayEndInMarkup(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x2a || c === 0x5f || c === 0x23 || c === 0x7d;
}

/**
 * Where a heading's text ends before the markup Markdown converters close it with: a bold heading
 * (`**一、总体情况**`), a closed ATX heading (`## 一、总体情况 ##`), pandoc's span (`[一、总体情况]{style="…"}`).
 * Read backwards by hand: an expression anchored at the end is tried from every position of the line, and a
 * table line of long space runs (pandoc's) made that quadratic.
 */
function markupStart(rest: string): number {
  let end = rest.length;
  const skipBlanks = (): void => {
    while (end > 0 && (rest.charCodeAt(end - 1) === 0x20 || rest.charCodeAt(end - 1) === 0x09)) end--;
  };
  skipBlanks();
  while (end > 0 && rest.charCodeAt(end - 1) === 0x23) end--;
  skipBlanks();
  if (end >= 2 && (rest.startsWith('**', end - 2) || rest.startsWith('__', end - 2))) end -= 2;
  skipBlanks();
  if (end > 0 && rest.charCodeAt(end - 1) === 0x7d) {
    const open = rest.lastIndexOf(']{', end - 1);
    if (open >= 0 && !/[{}]/.test(rest.slice(open + 2, end - 1))) end = open;
  }
  skipBlanks();
  return end;
}

/**
 * The line with the seams between pandoc's spans blanked (the same length, so every offset holds): a page's heading
 * written in two styled runs (WeChat's editor keeps 二、 and its words apart, `<strong><span>二、</span></strong>
 * <strong><span>主动公开…</span></strong>`) is `**[二、]{style="…"}[主动公开政府信息情况]{style="…"}**` in pandoc's
 * Markdown; read with the seam, its title held the attributes and was no part's ("缺少第二部分", an error).
 */
function withoutSpanSeams(line: string): string {
  if (!line.includes('}[')) return line;
  return line.replace(SPAN_SEAM, (seam) => ' '.repeat(seam.length));
}

function seamLength(line: string): number {
  let length = 0;
  for (const seam of line.matchAll(SPAN_SEAM)) length += seam[0].length;
  return length;
}

/** Where one of pandoc's spans ends and the next starts: `]{attributes}[`, with the bold marks a span may hold. */
const SPAN_SEAM = /(?:\*\*|__)?\]\{[^{}\n]*\}\[(?:\*\*|__)?/g;

/** A line shaped like a heading: its numbering and title, before the title is compared with the template's. */
interface HeadingShape {
  readonly from: number;
  readonly contentLength: number;
  readonly numbering: NumberingMatch['numbering'] | undefined;
  readonly titleStart: number;
  readonly title: string;
  /** Figures followed the title (a page number, a figure run into it, or a table row's cells). */
  readonly figuresAfter: boolean;
  readonly style: NumberingStyle | 'none';
}

/** `parenthesised`: a numbering in brackets (（一）) is allowed, for a report whose parts are numbered so (parenPart). */
function headingShape(asWritten: string, lineStart: number, parenthesised = false): HeadingShape | undefined {
  const line = withoutSpanSeams(asWritten);
  // The seams' blanks are no length of the heading's.
  const maxLength = MAX_HEADING_LENGTH + (line === asWritten ? 0 : seamLength(asWritten));
  const from = markdownLeadLength(line);
  // A line ending in no markup is its content from `from` on: one too long for a heading (most lines) is told
  // before any copy.
  const endsInMarkup = mayEndInMarkup(line.charCodeAt(line.length - 1));
  if (!endsInMarkup && line.length - from > maxLength) return undefined;
  const rest = line.slice(from);
  // The expression is tried at every position of the line: only a line ending in markup or space needs it.
  const content = endsInMarkup && rest.length > 0 ? rest.slice(0, markupStart(rest)) : rest;
  if (content.length === 0 || content.length > maxLength) return undefined;
  const num = headingNumbering(line, from, lineStart);
  if (num && !parenthesised && (num.numbering.style === 'paren-chinese' || num.numbering.style === 'paren-arabic')) return undefined;
  const titleStart = num ? num.restStart : from;
  const rawTitle = line.slice(titleStart, from + content.length).trimEnd();
  // A tab inside the title means table cells (一、本年新收政府信息公开申请数量\t0\t0…). One between the numbering and
  // the title is what a Word list's automatic numbering leaves in text (一、\t总体情况): the numbering reads over it.
  if (rawTitle.includes('\t')) return undefined;
  // A page's number in its dashes run onto the line (`…改进情况- 4 -`, a footer a PDF's text set beside the heading):
  // no part of the title, and no figure after it.
  const written = rawTitle.replace(PAGE_MARK_AT_END, '').replace(/[：:。.]+$/, '');
  const title = withoutTrailingFigures(written);
  if (title.length === 0 || /[。；;]/.test(title)) return undefined;
  return { from, contentLength: content.length, numbering: num?.numbering, titleStart, title, figuresAfter: title.length < written.length, style: num?.numbering.style ?? 'none' };
}

/**
 * A part's numeral with the mark an input method slips in for 、 (二，二）二：): a part's numbering all the same,
 * for headings only (a sub-item's numbering is read strictly: its style sets its level). Read as none, the part
 * numbered so was "missing" (一，总体情况 is too short to be a heading unnumbered), and the fix offered for the others
 * put a second numeral in front (二、二，…). section.numbering says the mark is not the template's, and offers 、.
 */
function slipNumbering(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  const m = SLIPPED.exec(line.slice(from, from + 4));
  if (!m) return undefined;
  const text = m[0].trimEnd();
  return {
    numbering: { text, range: { start: lineStart + from, end: lineStart + from + text.length }, style: 'chinese', ordinal: chineseNumeralValue(m[1]!)!, separator: m[2]! },
    restStart: from + m[0].length,
  };
}

const SLIPPED = /^([一二三四五六])\s*([，,）)：:])\s*/;

/** A heading's numbering: as numbering.ts reads it, else slipped (slipNumbering), else before a year (yearNumbering). */
function headingNumbering(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  return readNumbering(line, from, lineStart) ?? slipNumbering(line, from, lineStart) ?? yearNumbering(line, from, lineStart);
}

/**
 * A part's Arabic numeral before a title that starts with its year (1.2022年政府信息公开工作总体情况): numbering.ts
 * reads no numbering where a figure follows the mark (1.5 is a number), and the line was a title numbered
 * nothing, no part's. For headings only, and only for 1 to 6 before a year of four figures and 年.
 */
function yearNumbering(line: string, from: number, lineStart: number): NumberingMatch | undefined {
  const c = line.charCodeAt(from);
  if (c < 0x31 || c > 0x36) return undefined;
  const m = YEAR_NUMBERED.exec(line.slice(from, from + 12));
  if (!m) return undefined;
  const text = m[0].trimEnd();
  return {
    numbering: { text, range: { start: lineStart + from, end: lineStart + from + text.length }, style: 'arabic', ordinal: Number(m[1]), separator: m[2]! },
    restStart: from + m[0].length,
  };
}

const YEAR_NUMBERED = /^([1-6])\s*([、.．])\s*(?=(?:19|20)\d\d\s*年)/;

function headingOf(shape: HeadingShape, lineStart: number, sectionId: SectionId, score: number): Heading {
  return {
    range: { start: lineStart + shape.from, end: lineStart + shape.from + shape.contentLength },
    numbering: shape.numbering,
    title: shape.title,
    titleRange: { start: lineStart + shape.titleStart, end: lineStart + shape.titleStart + shape.title.length },
    sectionId,
    similarity: score,
  };
}

/**
 * Recognises a heading in one line (debris already blanked out); `lineStart`
 * is the line's document offset. Whether numbers follow (then it is a table
 * row) depends on the next lines and is decided in assemble.ts.
 */
export function recogniseHeading(line: string, lineStart: number): Heading | undefined {
  return readHeadingLine(line, lineStart).heading;
}

/**
 * The heading a line holds, and where the part's first words start after it on the line (headingWithRest), or 0
 * when the line holds the heading alone.
 */
export function readHeadingLine(line: string, lineStart: number): { heading: Heading | undefined; restStart: number } {
  const whole = wholeLineHeading(line, lineStart);
  // The template's very title, alone: nothing reads better. Most lines start with no numeral of a part (一 to 六, or
  // 1 to 6 and its mark): only those are tried for a title with its part's first words after it.
  if (whole && whole.similarity >= 1) return { heading: whole, restStart: 0 };
  const lead = markdownLeadLength(line);
  const first = line.charCodeAt(lead);
  if (!PART_NUMERAL_FIRST.has(first) && !(first >= 0x31 && first <= 0x36 && ARABIC_MARK.has(line.charCodeAt(lead + 1)))) return alone(whole);
  const withRest = headingWithRest(line, lineStart);
  return withRest && (!whole || withRest.heading.similarity >= whole.similarity) ? withRest : alone(whole);
}

/** No heading on the line: most lines, one answer for all of them (callers only read it). */
const NO_HEADING_LINE: { heading: Heading | undefined; restStart: number } = Object.freeze({ heading: undefined, restStart: 0 });

function alone(heading: Heading | undefined): { heading: Heading | undefined; restStart: number } {
  return heading === undefined ? NO_HEADING_LINE : { heading, restStart: 0 };
}

/**
 * A part's heading with the part's first words after it on its line, parted by a colon, a full stop or a space
 * (六、其他需要报告的事项：无。, 一、总体情况：2023年，本机关……, 六、其他需要报告的事项 本年度无……), as writers put a
 * heading and its text in one paragraph. Read whole, the line was a title unlike the template's (and the title's
 * fix deleted the words), or no heading at all (a full stop, a comma, a long line): "part missing", an error. The
 * title before the mark must be nearly the template's, numbered as its part; the words after it are the part's
 * first paragraph (line-info.ts contentStart). Figures after it are a table row's cells, not words.
 */
function headingWithRest(line: string, lineStart: number): { heading: Heading; restStart: number } | undefined {
  const from = markdownLeadLength(line);
  const num = headingNumbering(line, from, lineStart);
  if (!num || (num.numbering.style !== 'chinese' && num.numbering.style !== 'arabic')) return undefined;
  return markedRest(line, lineStart, from, num) ?? unmarkedRest(line, lineStart, from, num);
}

/** The title parted from the words by a mark, a space or a bracket (headingWithRest). */
function markedRest(line: string, lineStart: number, from: number, num: NonNullable<ReturnType<typeof headingNumbering>>): { heading: Heading; restStart: number } | undefined {
  const titleStart = num.restStart;
  const limit = Math.min(line.length, from + MAX_HEADING_LENGTH);
  let cut = titleStart + 2;
  while (cut < limit && !REST_MARK.has(line.charCodeAt(cut)) && !REST_BRACKET.has(line.charCodeAt(cut))) cut++;
  if (cut >= limit) return undefined;
  let restStart = cut;
  // The marks, spaces and a bold heading's closing ** between the title and the words (**六、…事项：**无。).
  while (restStart < line.length && (REST_MARK.has(line.charCodeAt(restStart)) || isWhiteSpaceCode(line.charCodeAt(restStart)) || BOLD_MARK.has(line.charCodeAt(restStart)))) restStart++;
  // A bracket opens the words and is theirs; a colon, full stop or space only parts them.
  if (REST_BRACKET.has(line.charCodeAt(cut))) restStart = cut;
  const rest = line.slice(restStart).trimEnd();
  if (rest.length === 0 || rest.includes('\t') || FIGURE_FIRST.test(rest) || MARKUP_ONLY.test(rest)) return undefined;
  const title = line.slice(titleStart, cut).trimEnd();
  // Markup inside the title (pandoc's span, `[…]{style="a:b"}`): a marked-up heading, read whole.
  if (MARKUP_CHARS.test(title)) return undefined;
  const match = bestSectionMatch(title, REST_TITLE_THRESHOLD);
  if (!match || match.id !== num.numbering.ordinal || namesTable3Label(title)) return undefined;
  const heading: Heading = {
    range: { start: lineStart + from, end: lineStart + titleStart + title.length },
    numbering: num.numbering,
    title,
    titleRange: { start: lineStart + titleStart, end: lineStart + titleStart + title.length },
    sectionId: match.id,
    similarity: match.score,
  };
  return { heading, restStart };
}

/**
 * The template's very title of the numeral's part, then the part's words with nothing between (一、总体情况2023年，
 * 本机关…: a heading and the line after it joined, as text re-flowed from a PDF or a Word paragraph has them). Read
 * whole, the line was no heading ("缺少第一部分", an error). Only the exact title counts, and only before a
 * sentence (its clauses parted by ，or ending in 。): a caption or a longer title (…情况表, …情况统计) is none.
 */
function unmarkedRest(line: string, lineStart: number, from: number, num: NonNullable<ReturnType<typeof headingNumbering>>): { heading: Heading; restStart: number } | undefined {
  const spec = SECTIONS.find((x) => x.id === num.numbering.ordinal);
  const titleStart = num.restStart;
  if (!spec || !line.startsWith(spec.title, titleStart)) return undefined;
  const restStart = titleStart + spec.title.length;
  const rest = line.slice(restStart).trimEnd();
  if (rest.length < MIN_UNMARKED_REST || rest.includes('\t') || FIGURE_FIRST.test(rest) || !SENTENCE_MARK.test(rest)) return undefined;
  const heading: Heading = {
    range: { start: lineStart + from, end: lineStart + restStart },
    numbering: num.numbering,
    title: spec.title,
    titleRange: { start: lineStart + titleStart, end: lineStart + restStart },
    sectionId: spec.id,
    similarity: 1,
  };
  return { heading, restStart };
}

/** The shortest words run onto a title that make a sentence of the part (本年度无。 is five). */
const MIN_UNMARKED_REST = 5;
const SENTENCE_MARK = /[，,。；;]/;

/** What parts a heading from its part's first words on one line. */
const REST_MARK = new Set(Array.from('：:。 \u3000', (c) => c.charCodeAt(0)));
/** A bracket after a title opens the part's first words (六、其他需要报告的事项（无）). */
const REST_BRACKET = new Set(Array.from('（(', (c) => c.charCodeAt(0)));
/** Words after a title that start with a figure alone are a table row's cells (a year, 2023年, is words). */
const FIGURE_FIRST = /^[\d０-９][\d０-９.,，]*(?:\s|$)/;
/** What closes a Markdown heading (`## 六、… ##`, `**…**`, pandoc's `]{…}`): no part's words. */
const MARKUP_ONLY = /^[\s#*_\]{}]+$/;
const MARKUP_CHARS = /[#*_\][{}]/;
const BOLD_MARK = new Set(Array.from('*_', (c) => c.charCodeAt(0)));
/** A title with words after it on its line must be nearly the template's (a sentence numbered 一、 is no heading). */
const REST_TITLE_THRESHOLD = 0.9;

/** The line is a part's heading and nothing else (no part's words after it: headingWithRest). */
export function isHeadingAlone(line: string): boolean {
  const { heading, restStart } = readHeadingLine(line, 0);
  return heading !== undefined && restStart === 0;
}

const ARABIC_MARK = new Set(Array.from('、.．', (c) => c.charCodeAt(0)));

function wholeLineHeading(line: string, lineStart: number): Heading | undefined {
  // The title is a piece of the line: a line whose characters come near no template title at the lowest threshold
  // (most short lines: cells, figures, captions) holds no heading, told before its shape is read.
  if (!mayNameSection(withoutSpanSeams(line), LOWEST_THRESHOLD)) return undefined;
  const shape = headingShape(line, lineStart);
  if (!shape) return undefined;
  const { style, numbering, title } = shape;
  // A table's caption under its part's heading (主动公开政府信息情况表, …统计表): a part's title never ends in 表.
  if (style === 'none' && title.endsWith('表')) return undefined;
  const threshold = style === 'chinese' ? NUMBERED_THRESHOLD : style === 'arabic' ? ARABIC_THRESHOLD : UNNUMBERED_THRESHOLD;
  // Asked with the threshold: most short lines are no title, and are told so without comparing in full.
  let match = bestSectionMatch(title, threshold);
  if (!match) return undefined;
  // A 表三 row (一、本年新收政府信息公开申请数量) is never a heading.
  if (namesTable3Label(title)) return undefined;
  if (style === 'arabic' && numbering!.ordinal !== match.id) return undefined;
  if (style === 'chinese' && numbering!.ordinal > 10) return undefined;
  // A title about as like two parts' (政府信息主动公开情况): its numeral says which. A title clearly another part's
  // keeps that part, and section.numbering says the numeral is wrong.
  if (style === 'chinese' && numbering!.ordinal !== match.id && isSectionId(numbering!.ordinal)) {
    const own = sectionScore(title, numbering!.ordinal);
    if (own >= threshold && own >= match.score - NUMERAL_MARGIN) match = { id: numbering!.ordinal, score: own };
    // Numbered as another part, and like this one only by the words all parts' titles may start with
    // (一、政府信息公开工作概况, 六、政府信息公开收费及减免情况): no title of a part; its numeral may place it.
    else if (namesPartByPrefixOnly(title, match.id, threshold)) return undefined;
  }
  return headingOf(shape, lineStart, match.id, match.score);
}

/**
 * The part a line names by its numeral alone: 1 to 6 for a line shaped like a part's heading, numbered with a
 * Chinese numeral (一、基本情况), whose title matches no template title; else 0. assemble.ts takes it for the part's
 * heading only where that part is missing and the line stands where it belongs (placeByNumeral).
 */
export function numeralHeading(line: string): number {
  // Asked of every line: most start with no numeral of a part (一 to 六, or 第), told without reading the line's shape.
  if (!PART_NUMERAL_FIRST.has(line.charCodeAt(markdownLeadLength(line)))) return 0;
  const shape = headingShape(line, 0);
  // Figures after the title: a table row (三、本年度办理结果 （一）予以公开 1 0 …), not a heading.
  if (!shape || shape.style !== 'chinese' || shape.figuresAfter || shape.title.length > MAX_NUMERAL_TITLE || /[，,]/.test(shape.title)) return 0;
  const ordinal = shape.numbering!.ordinal;
  return isSectionId(ordinal) && !namesTable3Label(shape.title) ? ordinal : 0;
}

/**
 * The part a line names by its Arabic numeral alone (1.基本情况, 5、存在的不足及改进措施): 1 to 6 for a line shaped
 * like a part's heading, numbered 1 to 6 with 、 or a full stop, whose title matches no template title; else 0.
 * Stricter than numeralHeading: a part's items are often numbered so (1.加强组织领导), and assemble.ts takes such a
 * line only in a report whose parts are numbered so, for the one line numbered as the missing part that is no
 * item of a list 1. 2. 3. (placeByNumeral). No sentence's marks in the title, no figures after it, no 表三 row.
 */
export function arabicNumeralHeading(line: string): number {
  const lead = markdownLeadLength(line);
  const c = line.charCodeAt(lead);
  if (c < 0x31 || c > 0x36) return 0;
  const shape = headingShape(line, 0);
  if (!shape || shape.style !== 'arabic' || shape.figuresAfter || shape.title.length > MAX_NUMERAL_TITLE || /[，,：:！!？?]/.test(shape.title)) return 0;
  // An item's sentence ends in a full stop (1.加强组织领导。); a heading does not.
  if (/[。.．]$/.test(line.slice(shape.titleStart, shape.from + shape.contentLength).trimEnd())) return 0;
  const ordinal = shape.numbering!.ordinal;
  return isSectionId(ordinal) && !namesTable3Label(shape.title) ? ordinal : 0;
}

/**
 * The part a line numbered in brackets names, 1 to 6, when its title is the part's (（一）总体情况) and its
 * numeral the part's; else 0. Such lines are sub-items, unless the report has no part heading at all: then
 * they are its parts (assemble.ts placeParenthesised).
 */
export function parenPart(line: string): number {
  const c = line.charCodeAt(markdownLeadLength(line));
  if (c !== 0xff08 && c !== 0x28) return 0;
  const shape = headingShape(line, 0, true);
  if (!shape || shape.style !== 'paren-chinese' || shape.figuresAfter) return 0;
  const match = bestSectionMatch(shape.title, PAREN_PART_THRESHOLD);
  return match && match.id === shape.numbering!.ordinal && !namesTable3Label(shape.title) ? match.id : 0;
}

/**
 * The part whose numbering a line holds and nothing else (第一部分, 一、, `**二、**`), 1 to 6; else 0. A printed report
 * centres a part's heading on two lines, the numbering above the title: assemble.ts joinSplitHeadings reads the
 * two as one heading.
 */
export function numberingOnly(line: string): number {
  const from = markdownLeadLength(line);
  if (!PART_NUMERAL_FIRST.has(line.charCodeAt(from))) return 0;
  const num = readNumbering(line, from, 0) ?? slipNumbering(line, from, 0);
  if (!num) return bareNumeral(line);
  if (num.numbering.style !== 'chinese' || !isSectionId(num.numbering.ordinal)) return 0;
  const rest = line.slice(num.restStart);
  const end = mayEndInMarkup(rest.charCodeAt(rest.length - 1)) ? markupStart(rest) : rest.length;
  return end === 0 ? num.numbering.ordinal : 0;
}

/**
 * The part whose numeral a line holds alone, with no mark (一 … 六), 1 to 6; else 0. WeChat's editor sets a part's
 * numeral in a badge beside its title (`display:flex`, the numeral in a round box): the page's text, and a copy
 * from the browser, hold it on a line above the title, and the title was "missing its numbering" (six warnings).
 * assemble.ts joins it to the line below only where that line is its part's title.
 */
export function bareNumeral(line: string): number {
  const trimmed = line.trim();
  return trimmed.length === 1 ? BARE_NUMERALS.indexOf(trimmed) + 1 : 0;
}

const BARE_NUMERALS = '一二三四五六';

/** The heading of part `sectionId` on a line numeralHeading, arabicNumeralHeading or parenPart named it for. */
export function placedHeading(line: string, lineStart: number, sectionId: SectionId): Heading | undefined {
  const shape = headingShape(line, lineStart, true);
  return shape && headingOf(shape, lineStart, sectionId, sectionScore(shape.title, sectionId));
}

const PART_NUMERAL_FIRST = new Set(Array.from('一二三四五六第', (c) => c.charCodeAt(0)));

function isSectionId(n: number): n is SectionId {
  return n >= 1 && n <= 6;
}

/** What may stand between a title and the figures after it, or between those figures, besides white space. */
const PAGE_MARK_AT_END = /\s*[-－—–]\s*\d{1,3}\s*[-－—–]\s*$/;

const FIGURE_GLUE = new Set(Array.from('、,，.．', (c) => c.charCodeAt(0)));

/**
 * The title without figures after it: a page number, or a figure a saved page ran into the heading
 * (“政府信息公开行政复议、6”). No template title ends in one. Kept in the title, they made it read as another
 * title, and the fix that writes the template's title took in the next figure instead (“…行政诉讼情况、5”).
 * Read from the end, a character at a time: an expression of repeated groups would backtrack on long digit runs.
 */
function withoutTrailingFigures(title: string): string {
  let end = title.length;
  let digits = false;
  for (; end > 0; end--) {
    const c = title.charCodeAt(end - 1);
    const digit = (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
    if (!digit && !FIGURE_GLUE.has(c) && !isWhiteSpaceCode(c)) break;
    digits ||= digit;
  }
  return digits && end > 0 ? title.slice(0, end) : title;
}
