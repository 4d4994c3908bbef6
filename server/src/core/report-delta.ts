// What an edit on the keystroke path changed in a report (parse/patch-report.ts makes it): how offsets of
// the version before it move, and what was rebuilt. Part of the model's vocabulary, not the parser's: the
// rule engine reads it to re-check only what changed (rules read the model, never the parser).

import type { Paragraph, Range, Section, Table } from './model';
import type { SectionId } from './template';

/** One edit's move: offsets from `movedFrom` on (previous coordinates) move by `shift`. */
export interface Move {
  readonly movedFrom: number;
  readonly shift: number;
  /** Text was only inserted (at movedFrom), nothing replaced. */
  readonly insertion: boolean;
}

/**
 * Where a range of the previous version is after the edit. Offsets from the
 * edit's end on move; a range that ends just where text is inserted does not
 * take it in (the inserted text is after its last character), but an empty
 * range there moves whole.
 */
export function movedRange(r: Range, m: Move): Range {
  return { start: movedStart(r, m), end: movedEnd(r, m) };
}

/** movedRange, but the very same range when the edit does not move it (no object made). */
export function moveRange(r: Range, m: Move): Range {
  if (m.shift === 0) return r;
  const start = movedStart(r, m);
  const end = movedEnd(r, m);
  return start === r.start && end === r.end ? r : { start, end };
}

/** The range `d` further on (itself when `d` is 0): a part of a line placed at the line's offset, or moved whole. */
export function shiftedRange(r: Range, d: number): Range {
  return d === 0 ? r : { start: r.start + d, end: r.end + d };
}

export function movedStart(r: Range, m: Move): number {
  return r.start >= m.movedFrom ? r.start + m.shift : r.start;
}

function movedEnd(r: Range, m: Move): number {
  const moves = m.insertion ? r.end > m.movedFrom || (r.end === m.movedFrom && r.start === r.end) : r.end >= m.movedFrom;
  return moves ? r.end + m.shift : r.end;
}

/** A paragraph the edit rebuilt, and the one it replaced (at the same place). */
export interface RebuiltParagraph {
  readonly paragraph: Paragraph;
  /** The text of the paragraph it replaced. */
  readonly wasText: string;
  readonly sectionId: SectionId;
}

/** What a patched report changed, for the rules to re-check only that (rules/engine.ts). */
export interface ReportDelta extends Move {
  /**
   * The paragraphs rebuilt, by their place among the report's prose paragraphs (the preface's,
   * then each section's, in order: the places do not change on this path). Every other paragraph
   * reads as before, its range moved.
   */
  readonly paragraphs: ReadonlyMap<number, RebuiltParagraph>;
  /** Tables read again (new objects). */
  readonly tables: ReadonlySet<Table['kind']>;
}

/**
 * What a section shares with the versions a keystroke made of it (parse/patch-report.ts), as keys that features
 * keep their answers by. A key, not a link to the section it was: a link would keep every version before it alive,
 * with whatever was read from it (the outline's sub-items, thousands on a large report).
 *
 * - Its lines: the keystroke path keeps every line break, every blank line blank and every other line not, every
 *   heading and sub-item numbering where it was, each table on its lines. What is drawn from the lines alone (the
 *   folding ranges, how many sub-items) is the same for every section with this key.
 * - Its lines and their text: a section an edit wholly before it moved (only its offsets shifted). What is drawn
 *   from its lines' text (the outline's positions and names) is the same too.
 */
const linesKeys = new WeakMap<Section, object>();
const textKeys = new WeakMap<Section, object>();

function keyOf(keys: WeakMap<Section, object>, section: Section): object {
  let key = keys.get(section);
  if (!key) keys.set(section, (key = {}));
  return key;
}

/** The key of the section's lines: shared with every version a keystroke made of it. */
export function linesKeyOf(section: Section): object {
  return keyOf(linesKeys, section);
}

/** The key of the section's lines and their text: shared with every version it was moved whole into. */
export function textKeyOf(section: Section): object {
  return keyOf(textKeys, section);
}

/** `next`, made by a keystroke from `prev`, has its lines. */
export function recordSameLines(next: Section, prev: Section): void {
  linesKeys.set(next, linesKeyOf(prev));
}

/** `next` is `prev` moved whole by an edit before it: the same lines with the same text. */
export function recordMovedWhole(next: Section, prev: Section): void {
  textKeys.set(next, textKeyOf(prev));
  recordSameLines(next, prev);
}

/**
 * A table's key, as a section's text key: a table an edit wholly before it moved (a copy with its offsets shifted,
 * parse/move-parts.ts) shares the key of the table it was, since its lines and their text are the same. A table
 * read again gets a key of its own. Features keep what they draw from a table's text by it (the outline).
 */
const tableKeys = new WeakMap<Table, object>();

export function tableKeyOf(table: Table): object {
  let key = tableKeys.get(table);
  if (!key) tableKeys.set(table, (key = {}));
  return key;
}

/** `next` is `prev` moved whole by an edit before it. */
export function recordTableMovedWhole(next: Table, prev: Table): void {
  tableKeys.set(next, tableKeyOf(prev));
}
