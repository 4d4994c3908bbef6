// What can be known of a line from its text alone, with ranges relative to
// the line's start. Computed once per line record and reused for as long as
// the line is unchanged: an edit re-analyses only the lines it touches.

import type { Heading, SubItem, Table } from '../model';
import { tableAnchor } from '../tables/anchors';
import { blankDebris, BOOKMARK, isDebrisCandidate, isPageNumberLine, isWebChromeLine } from '../text/debris';
import { isWhiteSpaceCode } from '../text/normalize';
import { classifyCell } from '../text/numbers';
import { traditionalWeights } from '../text/traditional';
import { arabicNumeralHeading, numberingOnly, numeralHeading, parenPart, readHeadingLine } from './headings';
import { recogniseSubItem } from './subitems';

export interface LineInfo {
  /** The text with bookmarks blanked out (same length). */
  readonly clean: string;
  readonly blank: boolean;
  readonly pageNumber: boolean;
  readonly chrome: boolean;
  /** A heading if the next lines do not turn it into a table row (relative ranges). */
  readonly heading: Heading | undefined;
  /** Not a heading, but shaped like one numbered 一、 to 六、 (its ordinal; else 0): a part's heading where that part is missing (assemble.ts placeByNumeral). */
  readonly numeralHeading: number;
  /** Not a heading, but shaped like one numbered 1. to 6. (1、): its ordinal, else 0; a part's heading where that part is missing in a report whose parts are numbered so (assemble.ts placeByNumeral). */
  readonly arabicHeading: number;
  /** The line holds a part's numbering and nothing else (第一部分, 一、): its ordinal, else 0; its title may be on the next line (assemble.ts joinSplitHeadings). */
  readonly numberingOnly: number;
  /** A line numbered in brackets with a part's title and numeral (（一）总体情况): its part, else 0 (assemble.ts placeParenthesised). */
  readonly parenPart: number;
  readonly subItem: SubItem | undefined;
  readonly anchor: Table['kind'] | undefined;
  /** The trimmed line is one number (a table cell of the Word or web layouts). */
  readonly isNumber: boolean;
  /** A heading-like line carries numbers after its first cell (a tab grid or PDF row). */
  readonly numbersAfterFirstCell: boolean;
  readonly endsSentence: boolean;
  /** It ends with a comma or 、: a clause that goes on, whatever follows (a PDF's text with a blank line after every line). */
  readonly endsClause: boolean;
  /** How many of its characters have a simplified form (text/traditional.ts): a report in traditional ones has many. */
  readonly traditional: number;
  /** Bookmark debris, relative [start, end). */
  readonly bookmarks: readonly (readonly [number, number])[];
  /**
   * Its heading has the part's first words after it on the line (六、其他需要报告的事项：无。): they are the part's
   * first paragraph, from contentStart.
   */
  readonly headingRest: boolean;
  /** Offsets of the trimmed content (of the words after the heading, on a line with headingRest). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /**
   * The last paragraph text made starting with this line (assemble.ts). It
   * depends on line texts alone, so every line of this text can share it.
   */
  startsParagraph: CachedParagraph | undefined;
  /** The sub-item last placed from this line (subitems.ts SubItemLine): the next parse that places it alike shares it. */
  placedSubItem: SubItem | undefined;
}

/**
 * A paragraph's text as its lines give it. It depends on the lines' texts
 * (their analyses) and relative positions alone, so it is shared by every
 * paragraph made of the same lines, in any document, and never changed.
 */
export interface CachedParagraph {
  readonly infos: readonly LineInfo[];
  readonly breaks: readonly number[];
  readonly text: string;
  /** Segments relative to the paragraph's first character. */
  readonly segments: readonly { at: number; offset: number }[];
}

const NO_HEADING = { heading: undefined, restStart: 0 } as const;
/** Nearly every line has no bookmark: they share one empty list. */
const NO_BOOKMARKS: readonly (readonly [number, number])[] = Object.freeze([]);
const NO_CELLS: readonly string[] = Object.freeze([]);

export function analyseLine(text: string): LineInfo {
  // One pass over the line's characters: its traditional ones counted (traditionalCount), and whether it holds any
  // character blankDebris acts on. Most lines hold none: their clean text is the text itself, told without the
  // searches blankDebris makes.
  const weights = traditionalWeights();
  let traditional = 0;
  let mayHoldDebris = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    traditional += weights[c]!;
    if (!mayHoldDebris) mayHoldDebris = isDebrisCandidate(c);
  }
  const clean = mayHoldDebris ? blankDebris(text) : text;
  const trimmed = clean.trim();
  const blank = trimmed === '';
  const pageNumber = !blank && isPageNumberLine(clean);
  const chrome = !blank && !pageNumber && isWebChromeLine(clean);
  const ordinary = !blank && !pageNumber && !chrome;
  const bookmarks = mayHoldDebris && text.includes('[bookmark:') ? bookmarkSpans(text) : NO_BOOKMARKS;
  const { heading, restStart } = ordinary ? readHeadingLine(clean, 0) : NO_HEADING;
  // Splitting into cells is only needed to tell a heading from a table row, or a lone number.
  const cells = heading || (ordinary && trimmed.length <= 24) ? trimmed.split(/[\t\s\u3000]+/) : NO_CELLS;
  const contentStart = restStart || clean.length - clean.trimStart().length;
  const lastMark = lastMarkCode(clean);
  return {
    clean,
    blank,
    pageNumber,
    chrome,
    heading,
    numeralHeading: ordinary && !heading ? numeralHeading(clean) : 0,
    arabicHeading: ordinary && !heading ? arabicNumeralHeading(clean) : 0,
    parenPart: ordinary && !heading ? parenPart(clean) : 0,
    numberingOnly: ordinary && !heading ? numberingOnly(clean) : 0,
    subItem: ordinary ? recogniseSubItem(clean, 0) : undefined,
    anchor: ordinary ? tableAnchor(text) : undefined,
    isNumber: ordinary && cells.length === 1 && classifyCell(trimmed).kind === 'number',
    numbersAfterFirstCell: !!heading && cells.length > 1 && cells.slice(1).some((c) => classifyCell(c).kind === 'number'),
    endsSentence: isSentenceEnd(lastMark),
    endsClause: isClauseEnd(lastMark),
    traditional,
    bookmarks,
    headingRest: restStart > 0,
    contentStart,
    contentEnd: clean.trimEnd().length,
    startsParagraph: undefined,
    placedSubItem: undefined,
  };
}

/** Where the line's bookmarks are, [start, end). */
function bookmarkSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  BOOKMARK.lastIndex = 0;
  for (let m = BOOKMARK.exec(text); m; m = BOOKMARK.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** ，,、: a clause goes on. */
function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0x3001;
}

/** 。！？!?：:；; (/[。！？!?：:；;]\s*$/ read from the end: the expression would try every position of the line). */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1a || c === 0x3a || c === 0xff1b || c === 0x3b;
}

/** The code of the line's last character but white space (read from the end), or -1 for a blank line: no mark. */
function lastMarkCode(line: string): number {
  let i = line.length;
  while (i > 0 && isWhiteSpaceCode(line.charCodeAt(i - 1))) i--;
  return i > 0 ? line.charCodeAt(i - 1) : -1;
}
