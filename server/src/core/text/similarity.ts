// Similarity of two short strings by their longest common subsequence. Labels
// and headings are short; inputs are capped so the cost stays bounded.

/** Inputs longer than this are compared by their first SIMILARITY_CAP characters. */
export const SIMILARITY_CAP = 120;
const CAP = SIMILARITY_CAP;

export function lcsLength(a: string, b: string): number {
  const x = a.length > CAP ? a.slice(0, CAP) : a;
  const y = b.length > CAP ? b.slice(0, CAP) : b;
  if (!x.length || !y.length) return 0;
  let prev = new Uint16Array(y.length + 1);
  let curr = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const xc = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      curr[j] = xc === y.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, curr[j - 1]!);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[y.length]!;
}

/** Dice-style similarity in [0, 1]: 2·LCS / (|a| + |b|). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  return (2 * lcsLength(a, b)) / (Math.min(a.length, CAP) + Math.min(b.length, CAP));
}

/** How much of `key` appears, in order, in `text` (LCS / |key|). */
export function coverage(key: string, text: string): number {
  if (!key.length) return 0;
  return lcsLength(key, text) / Math.min(key.length, CAP);
}
