// A compilation (年报汇编): several agencies' reports one after another in one file, as a county binds its offices'
// reports into one PDF or Word file, each with its own title and parts. Read whole, every later report's parts were
// "repeated" (section.duplicate), its prose was compared with the first report's tables and its own tables were never
// checked. Each report is checked on its own instead: the text with every other report blanked (characters as
// spaces, line breaks kept), so that every place a finding names is the file's own.

import type { Report } from './model';
import { readsAsReportTitle } from './parse/title';
import { lineAtOffset } from './text/lines';

export interface ReportSpan {
  readonly start: number;
  readonly end: number;
}

/** Lines looked back over from a later report's part 一 for its title (its preface stands between them). */
const MAX_LINES_BACK = 8;
/** A report before the next one holds at least these parts: a title and one part is no report of a compilation. */
const MIN_PARTS = 3;
/**
 * Each report is checked on the whole text with the others blanked: a county's compilation is tens of reports. A text
 * that would make more, or more characters to read in all than this, is checked whole (a report pasted over and over,
 * a hostile file: read as many reports, its cost grew with its length squared).
 */
const MAX_REPORTS = 100;
const MAX_CHARACTERS_READ = 20_000_000;

/**
 * Where each report of a compilation starts and ends (from its title to the next one's; the first from the file's
 * start, its cover and contents included), or undefined when the text holds one report. A later report is a part 一
 * whose title line stands a few lines above it, after a report of several parts.
 */
export function reportSpans(textOf: () => string, report: Report, lineStarts: ArrayLike<number>): ReportSpan[] | undefined {
  let firsts = 0;
  for (const s of report.sections) if (s.heading.sectionId === 1) firsts++;
  if (firsts < 2) return undefined;
  return spansOf(textOf(), report, lineStarts);
}

function spansOf(text: string, report: Report, lineStarts: ArrayLike<number>): ReportSpan[] | undefined {
  // One walk over the parts, in order: a report's parts counted since the last report's start (a text of a hundred
  // thousand 一、 headings is no compilation, and is not asked about each pair of them).
  const starts: number[] = [];
  let previous: number | undefined;
  let parts = 0;
  for (const section of report.sections) {
    const at = section.heading.range.start;
    if (section.heading.sectionId === 1 && previous !== undefined && parts >= MIN_PARTS) {
      const title = titleAbove(text, lineStarts, at, previous);
      if (title !== undefined) {
        if (starts.length + 1 >= MAX_REPORTS) return undefined;
        starts.push(title);
        previous = at;
        parts = 1;
        continue;
      }
    }
    if (section.heading.sectionId === 1 && previous === undefined) previous = at;
    parts++;
  }
  if (starts.length === 0 || starts.length + 1 > MAX_REPORTS || (starts.length + 1) * text.length > MAX_CHARACTERS_READ) return undefined;
  const bounds = [0, ...starts, text.length];
  return bounds.slice(0, -1).map((start, k) => ({ start, end: bounds[k + 1]! }));
}

/** The start of the line above `at` (after `after`) that reads as a report's title, within a few lines. */
function titleAbove(text: string, lineStarts: ArrayLike<number>, at: number, after: number): number | undefined {
  let line = lineAtOffset(lineStarts, at) - 1;
  for (let seen = 0; line >= 0 && seen < MAX_LINES_BACK; line--) {
    const start = lineStarts[line]!;
    if (start <= after) return undefined;
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
    const words = text.slice(start, end).trim();
    if (!words) continue;
    seen++;
    if (readsAsReportTitle(words)) return start;
  }
  return undefined;
}

/** The text with everything outside the span blanked: its characters spaces, its line breaks kept. */
export function onlySpan(text: string, span: ReportSpan): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, span.start)) + text.slice(span.start, span.end) + blank(text.slice(span.end));
}
