// Small array helpers that more than one layer of the core needs.

/** The same length and the very same elements (by identity), in order: how a kept result is told still good. */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
