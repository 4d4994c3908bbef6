// The outline of a section: where each sub-item ends. An item spans to the
// next item at its level or above, or to the section's end. Found in one pass
// with a stack (the Outline, folding and anything else read it from here), so a
// section of thousands of sub-items costs as much as its items, not their square.

import type { Section, SubItem } from './model';
import type { TextView } from './text/edit-ranges';
import { linesKeyOf } from './report-delta';

export interface SubItemExtent {
  readonly item: SubItem;
  /** The start of the next item at the same level or above; undefined: the item runs to the section's end. */
  readonly nextStart: number | undefined;
}

/**
 * Where an item's text ends: before the blank lines and spaces that precede the next item at its level or
 * above, else at the section's end. The Outline's range and the folding range both end here, so an item of
 * one line followed by a blank one does not fold (Markdown's header folding leaves the blank line out too).
 */
export function contentEnd(section: Section, extent: SubItemExtent, text: TextView): number {
  if (extent.nextStart === undefined) return section.range.end;
  const floor = extent.item.range.end;
  let i = extent.nextStart;
  while (i > floor && /\s/.test(text.charAt(i - 1))) i--;
  return Math.max(i, floor);
}

/**
 * Kept by the section object, a value (issue 14: an extent computed once, in the model): the Outline and folding
 * read the same list, and a section an edit did not reach is the same object in the next version.
 */
const extentsOf = new WeakMap<Section, readonly SubItemExtent[]>();

/** Every sub-item of the section, in document order (a parent before its children), with where it ends. */
export function subItemExtents(section: Section): readonly SubItemExtent[] {
  let extents = extentsOf.get(section);
  if (!extents) extentsOf.set(section, (extents = findExtents(section)));
  return extents;
}

/**
 * How many sub-items the section holds, nested ones too, without finding where they end. A keystroke keeps every
 * sub-item numbering on its line, so every version it made of a section holds as many (linesKeyOf).
 */
export function subItemCount(section: Section): number {
  const key = linesKeyOf(section);
  let count = counts.get(key);
  if (count === undefined) counts.set(key, (count = extentsOf.get(section)?.length ?? countNested(section.subItems)));
  return count;
}

const counts = new WeakMap<object, number>();

function countNested(items: readonly SubItem[]): number {
  let count = items.length;
  for (const item of items) if (item.children.length > 0) count += countNested(item.children);
  return count;
}

/** Every sub-item of the section in document order (a parent before its children), without where each ends. */
export function subItemsInOrder(section: Section): SubItem[] {
  const flat: SubItem[] = [];
  // Depth-first, without recursion: deep numbering in a damaged report must not overflow the stack.
  const pending: SubItem[] = [...section.subItems].reverse();
  while (pending.length) {
    const item = pending.pop()!;
    flat.push(item);
    for (let i = item.children.length - 1; i >= 0; i--) pending.push(item.children[i]!);
  }
  return flat;
}

function findExtents(section: Section): SubItemExtent[] {
  const flat = subItemsInOrder(section);
  const stack: SubItem[] = [];
  const next = new Map<SubItem, number>();
  for (const item of flat) {
    while (stack.length && stack[stack.length - 1]!.level >= item.level) next.set(stack.pop()!, item.range.start);
    stack.push(item);
  }
  return flat.map((item) => ({ item, nextStart: next.get(item) }));
}
