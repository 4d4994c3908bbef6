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
 * Sections an edit wholly before them moved whole on the keystroke path (parse/patch-report.ts), to the section
 * they were: the same lines with the same text (that path keeps every line break), their offsets shifted. What
 * is drawn from their lines (the outline's positions and names) is the previous version's.
 */
const movedWhole = new WeakMap<Section, Section>();

export function recordMovedWhole(next: Section, prev: Section): void {
  movedWhole.set(next, prev);
}

export function movedWholeFrom(section: Section): Section | undefined {
  return movedWhole.get(section);
}

/**
 * What a feature kept for this section (its outline symbol, its folding ranges), or for the section it was
 * before an edit wholly before it moved it: the same lines and text, so the same positions and names.
 */
export function keptForSection<T>(kept: WeakMap<Section, T>, section: Section): T | undefined {
  const hit = kept.get(section);
  if (hit !== undefined) return hit;
  const before = movedWholeFrom(section);
  return before && kept.get(before);
}
