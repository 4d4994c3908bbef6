// A flattened page (flattened.ts) that a tool then wrapped at a width: a
// crawler's one-line body written out by Python's textwrap, or printed to a
// PDF and read back with pdftotext. Its lines are pieces of one line cut at
// arbitrary places, inside headings, labels and figures; read as lines, the
// parts were "missing" (errors) and its tables unread. This reader joins the
// wrapped lines back into the line they were cut from, then reads that as a
// flattened page. Only line breaks are dropped (or turned into the space a
// wrap at a space consumed), so every offset still maps back (rendition.ts).

import { hasHeadingLines, inlineHeadings, renderFlattened } from './flattened';
import { readsAsReportTitle } from '../parse/title';
import { isWhiteSpaceCode } from '../text/normalize';
import { joinBreaks, composeRenditions, type JoinedBreak, type Rendition } from './rendition';

/** Lines this long and longer are a wrapped page's usual line; a page has a width only among lines this long. */
const MIN_WRAPPED_LINE = 20;
/** A line at least this share of the page's width was cut by the wrap (a wrap at a space leaves lines shorter). */
const FULL_SHARE = 0.5;
/** Wrapped lines in a run before it may be a page's body: a paragraph wrapped a few times is no page. */
const MIN_RUN_LINES = 3;

/**
 * The rendition of a wrapped flattened page, or undefined when the text is none: the text has no heading on a line
 * of its own, holds a run of lines of one width, and joined back that run is a flattened page whose headings mostly
 * fell inside lines. A report laid out in lines (a PDF's text whose headings were re-flowed into their paragraphs)
 * starts its headings at lines' starts, so it is never joined.
 */
export function renderWrappedPage(text: string): Rendition | undefined {
  if (hasHeadingLines(text)) return undefined;
  const lines = lineBounds(text);
  const wrap = usualWrap(lines);
  if (wrap === undefined) return undefined;
  // The page's body: from the first run of wrapped lines to the last. A wrap leaves a line short where a long word
  // (a run of figures and labels) did not fit after it: such lines are the body's too, and are joined with the rest.
  const runs = wrappedRuns(text, lines, wrap).filter((r) => isBodyRun(lines, r, wrap));
  if (runs.length === 0) return undefined;
  const body = { first: runs[0]!.first, last: runs[runs.length - 1]!.last };
  const breaks = runBreaks(text, lines, body, wrap);
  const rejoined = joinBreaks(text, breaks);
  // Where the text's lines start in the joined body: a heading there was put there by a writer, not cut by a wrap.
  const bodyStart = lines.start[body.first]!;
  const lineStarts = new Set<number>([0]);
  let dropped = 0;
  for (const b of breaks) {
    dropped += b.end - b.start - (b.space ? 1 : 0);
    lineStarts.add(b.end - dropped - bodyStart);
  }
  const bodyText = rejoined.text.slice(bodyStart, lines.end[body.last]! - dropped);
  let midLine = 0;
  let atLineStart = 0;
  for (const h of inlineHeadings(bodyText)) {
    if (lineStarts.has(h.start)) atLineStart++;
    else midLine++;
  }
  if (midLine < 2 || midLine * 2 < atLineStart) return undefined;
  const flattened = renderFlattened(rejoined.text);
  return flattened ? composeRenditions(rejoined, flattened) : undefined;
}

/** The text's lines: where each starts and ends (before its break), and whether it holds only white space. */
interface Lines {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly blank: Uint8Array;
}

function lineBounds(text: string): Lines {
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    ends.push(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    starts.push(i + 1);
  }
  ends.push(text.length);
  const count = starts.length;
  const blank = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    let i = starts[k]!;
    while (i < ends[k]! && isWhiteSpaceCode(text.charCodeAt(i))) i++;
    blank[k] = i === ends[k] ? 1 : 0;
  }
  return { count, start: Int32Array.from(starts), end: Int32Array.from(ends), blank };
}


const lengthOf = (lines: Lines, k: number): number => lines.end[k]! - lines.start[k]!;

/**
 * How the text was wrapped: the width most lines were left at (the commonest length of lines long enough), and
 * whether at a fixed width (textwrap, a terminal: many lines exactly that long, hardly one longer) or as a PDF
 * wraps, by the glyphs' widths (lines a little longer where they hold Latin letters or figures).
 */
interface Wrap {
  readonly width: number;
  readonly fixed: boolean;
}

function usualWrap(lines: Lines): Wrap | undefined {
  const counts = new Map<number, number>();
  for (let k = 0; k < lines.count; k++) {
    const n = lengthOf(lines, k);
    if (n >= MIN_WRAPPED_LINE) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let width = 0;
  let exact = 0;
  for (const [n, c] of counts) if (c > exact || (c === exact && n > width)) [width, exact] = [n, c];
  if (exact < MIN_RUN_LINES) return undefined;
  // At a fixed width hardly a line is longer (a header field left unwrapped); a PDF's lines often are.
  let longer = 0;
  for (const [n, c] of counts) if (n > width && n <= width * GLYPH_SLACK) longer += c;
  return { width, fixed: longer * 10 <= exact };
}

/** How much longer than the usual width a PDF's line may be (Latin letters and figures are narrower than Chinese characters). */
const GLYPH_SLACK = 1.4;

interface Run {
  readonly first: number;
  readonly last: number;
}

/**
 * Runs of lines a wrap cut from one line: each line but the last is about as long as the width (a PDF's line with
 * Latin letters holds more characters, no line at a fixed width does), and the next goes on after it, across blank
 * lines (a PDF's page break) when the line before was full. A longer line (a page's unwrapped header field) is in no run.
 */
function wrappedRuns(text: string, lines: Lines, wrap: Wrap): Run[] {
  const runs: Run[] = [];
  const longest = wrap.fixed ? wrap.width : wrap.width * GLYPH_SLACK;
  let first = -1;
  for (let i = 0; i < lines.count; i++) {
    if (lines.blank[i]) continue;
    const n = lengthOf(lines, i);
    // A line longer than the wrap's (a header field left unwrapped), or the report's title above the body (w3m
    // centres a page's <h1> over the text wrapped to the width).
    if (n > longest || readsAsReportTitle(text.slice(lines.start[i]!, lines.end[i]!))) {
      if (first >= 0) runs.push({ first, last: i - 1 });
      first = -1;
      continue;
    }
    if (first < 0) first = i;
    const next = nextNonBlank(lines, i);
    const crossesBlank = next !== undefined && next > i + 1;
    const full = n >= wrap.width * (crossesBlank ? 0.8 : FULL_SHARE);
    if (next === undefined || !full) {
      runs.push({ first, last: i });
      first = -1;
      if (next === undefined) break;
    }
    i = next - 1;
  }
  return runs;
}

/**
 * A run of the page's body: long enough, and most of its lines but the last near the width, where a wrap cut them
 * (a wrap at a space leaves a line a few characters short). A page's header lines (标题:, 发布时间:, …) are each as
 * long as their field.
 */
function isBodyRun(lines: Lines, run: Run, wrap: Wrap): boolean {
  let wrapped = 0;
  let all = 0;
  for (let i = run.first; i < run.last; i++) {
    if (lines.blank[i]) continue;
    all++;
    if (lengthOf(lines, i) >= wrap.width * AT_WIDTH) wrapped++;
  }
  return all + 1 >= MIN_RUN_LINES && wrapped * 3 >= all * 2;
}

/** A line this share of the usual width or longer was cut by the wrap. */
const AT_WIDTH = 0.75;

function nextNonBlank(lines: Lines, i: number): number | undefined {
  for (let k = i + 1; k < lines.count; k++) if (!lines.blank[k]) return k;
  return undefined;
}

/**
 * How each break of the run is undone. A wrap at a fixed width (textwrap, a terminal) leaves no line longer than
 * the width: a line cut at exactly the width was cut inside the text, and its break goes; a shorter one was cut at a
 * space the wrap consumed, and its break becomes that space. A PDF's lines vary with the glyphs they hold: its break
 * goes, except between two Latin letters or figures (a PDF keeps words whole, so a space stood there). Blank lines
 * between (a page break) go with the break.
 */
function runBreaks(text: string, lines: Lines, run: Run, wrap: Wrap): JoinedBreak[] {
  const out: JoinedBreak[] = [];
  for (let i = run.first; i < run.last; ) {
    const next = nextNonBlank(lines, i)!;
    const lineEnd = lines.end[i]!;
    // pdftotext starts each page with a form feed, and a text browser indents every line: they go with the break.
    let end = lines.start[next]!;
    while (isIndentCode(text.charCodeAt(end))) end++;
    const before = text.charCodeAt(lineEnd - 1);
    const after = text.charCodeAt(end);
    const consumedSpace = wrap.fixed ? lengthOf(lines, i) < wrap.width : isWordCode(before) && isWordCode(after);
    out.push({ start: lineEnd, end, space: consumedSpace && !isWhiteSpaceCode(before) && !isWhiteSpaceCode(after) });
    i = next;
  }
  return out;
}

/** A Latin letter or a figure. */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A space, a tab, a form feed or an ideographic space before a wrapped line's text. */
function isIndentCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x3000 || c === 0xa0;
}
