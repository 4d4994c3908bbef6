// Which level each sub-item of a section takes, from its numbering alone.
// Official documents nest four styles (一、 （一） 1. （1）), in whatever order
// a report chooses, so a style is a level: an item in the style of an open
// level belongs to that level (a child list that reaches 3. does not swallow
// the parent's 3.). Real reports also mix styles at one level (（1）（2）（3）
// （四）（五）): an item in a style no open level uses joins the level whose
// sequence it continues; numbered 1, it opens a level below.
//
// The parser places each sub-item by it (parse/subitems.ts), and
// section.numbering asks it whether renumbering one item would move any item to
// another level.

import type { NumberingStyle } from './model';

export interface NumberingKey {
  readonly style: NumberingStyle;
  readonly ordinal: number;
}

/** Reports nest sub-items three levels at most: （一） 1. （1）. */
const MAX_DEPTH = 4;

/**
 * Where an item goes, given the open levels (open[k] = the last item at level k + 1): its depth (its level - 1).
 * Plain loops: the parser places every sub-item of every report through it.
 */
export function placeNumbering(open: readonly NumberingKey[], key: NumberingKey): number {
  // The level of its style (the next item, a new list, or a misnumbered one: the style says the level).
  for (let k = 0; k < open.length; k++) if (open[k]!.style === key.style) return k;
  // Else the level whose sequence it continues, the deepest first.
  for (let k = open.length - 1; k >= 0; k--) if (open[k]!.ordinal + 1 === key.ordinal) return k;
  if (key.ordinal === 1 && open.length > 0 && open.length < MAX_DEPTH) return open.length;
  // A fresh start, or a sequence we cannot place: keep it at the top level.
  return 0;
}

/**
 * Whether every item keeps its level (`levels`, as they were nested) when the one at `place` is numbered
 * `changed` instead. The two nestings are followed side by side from that item until their open levels are the
 * same items again (the changed one closed), from where they cannot differ: a few items, not the section.
 */
export function keepsLevels(items: readonly NumberingKey[], levels: readonly number[], place: number, changed: NumberingKey): boolean {
  const written: NumberingKey[] = [];
  for (let k = 0; k < place; k++) {
    written.length = levels[k]! - 1;
    written.push(items[k]!);
  }
  const renumbered = written.slice();
  for (let k = place; k < items.length; k++) {
    const key = items[k]!;
    const asWritten = placeNumbering(written, key);
    const asRenumbered = placeNumbering(renumbered, k === place ? changed : key);
    if (asWritten !== asRenumbered) return false;
    written.length = asWritten;
    written.push(key);
    renumbered.length = asRenumbered;
    renumbered.push(k === place ? changed : key);
    if (k > place && renumbered.every((o, i) => o === written[i])) return true;
  }
  return true;
}
