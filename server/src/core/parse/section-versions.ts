// A section's paragraphs and sub-items after keystrokes, computed when read.
//
// A keystroke moves every paragraph and sub-item after it; a model whose
// versions are values would copy thousands of them per keystroke, though the
// rules on the keystroke path read only the few the edit rebuilt (the engine
// gets them from the edit's delta). So a section made by an edit keeps its
// parts as the last parts computed (`base`) plus the edits since (`steps`:
// what each rebuilt, and how it moved the rest), and computes them once, on
// first read (the outline, folding, a rule that reads every paragraph), in
// one pass over all the steps. Either way the section reads as a plain value:
// the same parts a full parse gives, never changed after they are read.

import type { Heading, Paragraph, Range, Section, SubItem } from '../model';
import { moveRange, shiftedRange, type Move } from '../report-delta';

/** A sub-item read again: its title and ranges after the edit (the numbering is the same, patch-report.ts sameStructure). */
export interface SubItemText {
  readonly title: string;
  readonly range: Range;
  readonly titleRange: Range;
  readonly numberingRange: Range;
}

/**
 * One edit's effect on a list of a section's parts (paragraphs, or sub-items
 * in line order): the parts it rebuilt, by index; from `wholeFrom` on, every
 * part lies after the edit and moves whole by the shift; the parts in
 * [windowFrom, wholeFrom) that were not rebuilt move by movedRange; the
 * parts before `windowFrom` end before the edit and do not move.
 */
export interface ListStep<V> {
  readonly move: Move;
  readonly rebuilt: ReadonlyMap<number, V>;
  readonly windowFrom: number;
  readonly wholeFrom: number;
}

export interface SectionStep {
  readonly paragraphs: ListStep<Paragraph>;
  readonly subItems: ListStep<SubItemText>;
}

interface Pending<T, V> {
  readonly base: readonly T[];
  readonly steps: readonly ListStep<V>[];
  /** The parts, once computed (a memo, not part of the model). */
  value: T[] | undefined;
  /**
   * How many parts a step's indices count (lengthOf), once counted: the same in every version, since an edit on
   * this path keeps the structure. Handed on, so that a keystroke does not walk the sub-items of every section
   * after it to count them again.
   */
  readonly count: number | undefined;
}

/** Sections whose parts are computed on read, and the state they are computed from. */
const pendingParagraphs = new WeakMap<Section, Pending<Paragraph, Paragraph>>();
const pendingSubItems = new WeakMap<Section, Pending<SubItem, SubItemText>>();

/** Past this many edits since the parts were last computed, they are computed at the next edit (a bound on the memory the steps take). */
const MAX_STEPS = 100;

/** The section after `step`, with its new heading and range; its parts are computed when read. */
export function nextSection(prev: Section, heading: Heading, range: Range, step: SectionStep): Section {
  const paragraphs = extend(pendingParagraphs.get(prev), prev, 'paragraphs', step.paragraphs, computeParagraphs);
  const subItems = extend(pendingSubItems.get(prev), prev, 'subItems', step.subItems, computeSubItems);
  // Nothing to compute (an edit that moved none of them, a digit typed over): a plain section.
  if (paragraphs.value && subItems.value) return { heading, range, subItems: subItems.value, paragraphs: paragraphs.value };
  const section = { heading, range } as Section;
  // Own enumerable properties, in a full parse's order: the section compares and serialises as a plain one.
  Object.defineProperty(section, 'subItems', { enumerable: true, get: () => (subItems.value ??= computeSubItems(subItems)) });
  Object.defineProperty(section, 'paragraphs', { enumerable: true, get: () => (paragraphs.value ??= computeParagraphs(paragraphs)) });
  pendingParagraphs.set(section, paragraphs);
  pendingSubItems.set(section, subItems);
  return section;
}

/** The text of paragraph `index` of a section, without computing its other paragraphs (texts do not move). */
export function paragraphText(section: Section, index: number): string {
  const pending = pendingParagraphs.get(section);
  if (!pending || pending.value) return section.paragraphs[index]!.text;
  for (let s = pending.steps.length - 1; s >= 0; s--) {
    const rebuilt = pending.steps[s]!.rebuilt.get(index);
    if (rebuilt) return rebuilt.text;
  }
  return pending.base[index]!.text;
}

function extend<T, V>(pending: Pending<T, V> | undefined, prev: Section, key: 'paragraphs' | 'subItems', step: ListStep<V>, compute: (p: Pending<T, V>) => T[]): Pending<T, V> {
  let count = pending?.count;
  const counted = (): number => (count ??= lengthOf(pending ? (pending.value ?? pending.base) : prev[key], key));
  // An edit that neither rebuilt nor moved any of them: the same parts, and the same memo.
  if (step.rebuilt.size === 0 && (step.move.shift === 0 || step.windowFrom >= counted())) return pending ?? { base: [], steps: [], value: prev[key] as unknown as T[], count };
  if (!pending) return { base: prev[key] as unknown as T[], steps: [step], value: undefined, count };
  if (pending.value) return { base: pending.value, steps: [step], value: undefined, count };
  if (pending.steps.length < MAX_STEPS) return { base: pending.base, steps: [...pending.steps, step], value: undefined, count };
  pending.value = compute(pending);
  return { base: pending.value, steps: [step], value: undefined, count };
}

/** How many parts a step's indices count: paragraphs, or sub-items with their nested ones (in line order, as ListStep numbers them). */
function lengthOf(parts: readonly unknown[], key: 'paragraphs' | 'subItems'): number {
  return key === 'subItems' ? countWithNested(parts as readonly SubItem[]) : parts.length;
}

function countWithNested(items: readonly SubItem[]): number {
  let count = items.length;
  for (const item of items) if (item.children.length > 0) count += countWithNested(item.children);
  return count;
}

/**
 * Where each part ends up after all the steps. A part that no step rebuilt
 * and none has in its window only moves whole: its total shift is a prefix
 * sum over the steps (each moves every part from its `wholeFrom` on). The
 * few others follow the steps one by one. One pass, whatever the number of steps.
 */
function placesAfter<V>(count: number, steps: readonly ListStep<V>[]): { shifts: Float64Array; exact: Uint8Array } {
  const shifts = new Float64Array(count + 1);
  const exact = new Uint8Array(count);
  for (const s of steps) {
    if (s.wholeFrom < count) shifts[s.wholeFrom] += s.move.shift;
    for (let i = s.windowFrom; i < s.wholeFrom && i < count; i++) exact[i] = 1;
    s.rebuilt.forEach((_v, i) => (exact[i] = 1));
  }
  for (let i = 1; i < count; i++) shifts[i] += shifts[i - 1]!;
  return { shifts, exact };
}

/** A part's ranges followed through every step, exactly; `rebuilt` gives its text read again and ranges in that step's coordinates. */
function followSteps<V>(i: number, ranges: Range[], steps: readonly ListStep<V>[], rebuilt: (v: V, ranges: Range[]) => void): void {
  for (const s of steps) {
    const again = s.rebuilt.get(i);
    if (again !== undefined) rebuilt(again, ranges);
    else if (i >= s.wholeFrom) for (let k = 0; k < ranges.length; k++) ranges[k] = shiftedRange(ranges[k]!, s.move.shift);
    else if (i >= s.windowFrom) for (let k = 0; k < ranges.length; k++) ranges[k] = moveRange(ranges[k]!, s.move);
  }
}

function computeParagraphs({ base, steps }: Pending<Paragraph, Paragraph>): Paragraph[] {
  const { shifts, exact } = placesAfter(base.length, steps);
  const out = new Array<Paragraph>(base.length);
  for (let i = 0; i < base.length; i++) {
    let p = base[i]!;
    if (exact[i]) {
      const ranges = [p.range];
      followSteps(i, ranges, steps, (again, r) => {
        p = again;
        r[0] = again.range;
      });
      out[i] = ranges[0] === p.range ? p : { range: ranges[0]!, text: p.text, segments: p.segments };
    } else {
      const d = shifts[i]!;
      out[i] = d === 0 ? p : { range: { start: p.range.start + d, end: p.range.end + d }, text: p.text, segments: p.segments };
    }
  }
  return out;
}

function computeSubItems({ base, steps }: Pending<SubItem, SubItemText>): SubItem[] {
  const { shifts, exact } = placesAfter(countWithNested(base), steps);
  let next = 0;
  const list = (items: readonly SubItem[]): SubItem[] => {
    let out: SubItem[] | undefined;
    for (let q = 0; q < items.length; q++) {
      const item = items[q]!;
      const i = next++;
      const children = item.children.length === 0 ? item.children : list(item.children);
      let title = item.title;
      let range = item.range;
      let titleRange = item.titleRange;
      let numberingRange = item.numbering.range;
      if (exact[i]) {
        const ranges = [range, titleRange, numberingRange];
        followSteps(i, ranges, steps, (again, r) => {
          title = again.title;
          r[0] = again.range;
          r[1] = again.titleRange;
          r[2] = again.numberingRange;
        });
        [range, titleRange, numberingRange] = ranges as [Range, Range, Range];
      } else {
        const d = shifts[i]!;
        range = shiftedRange(range, d);
        titleRange = shiftedRange(titleRange, d);
        numberingRange = shiftedRange(numberingRange, d);
      }
      const same = title === item.title && range === item.range && titleRange === item.titleRange && numberingRange === item.numbering.range && children === item.children;
      const n = item.numbering;
      // Written out, not spread: thousands of items move, and literals of one shape are what V8 makes fastest.
      const numbering = numberingRange === n.range ? n : { text: n.text, range: numberingRange, style: n.style, ordinal: n.ordinal, separator: n.separator };
      const moved = same ? item : { range, numbering, title, titleRange, level: item.level, children };
      if (moved !== item && !out) out = items.slice(0, q);
      if (out) out.push(moved);
    }
    return out ?? (items as SubItem[]);
  };
  return list(base);
}
