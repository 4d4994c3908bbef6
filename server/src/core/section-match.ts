// Which template section a title names, by similarity of its normalised key to
// the template's titles and their accepted variants. Read by the parser (is
// this line a heading?) and by rules (does the preface name a section?).

import { SECTIONS, type SectionId } from './template';
import { labelKey } from './text/normalize';
import { SIMILARITY_CAP, similarity } from './text/similarity';

const TITLE_KEYS: { id: SectionId; key: string; capped: number; chars: ReadonlySet<number> }[] = SECTIONS.flatMap((s) =>
  [s.title, ...s.aliases].map((t) => {
    const key = labelKey(t);
    return { id: s.id, key, capped: Math.min(key.length, SIMILARITY_CAP), chars: new Set(Array.from(key.slice(0, SIMILARITY_CAP), (c) => c.charCodeAt(0))) };
  }),
);

/**
 * The template title most like `title`, if its score is at least `atLeast`.
 * The parser asks this of every short line, and most (table cells, numbers)
 * share almost no character with any title: a key is skipped without its
 * O(n·m) LCS when a bound on its score cannot beat the best so far or reach
 * `atLeast`. Two bounds on the LCS, the cheaper first: the shorter length,
 * then the characters of `title` found in the key at all. The answer is the
 * one the full comparison gives.
 */
export function bestSectionMatch(title: string, atLeast = 0): { id: SectionId; score: number } | undefined {
  const key = labelKey(title);
  if (key.length < 2) return undefined;
  const capped = Math.min(key.length, SIMILARITY_CAP);
  let best: { id: SectionId; score: number } | undefined;
  for (const t of TITLE_KEYS) {
    if (key.length > t.key.length * 2 + 4) continue;
    if (key !== t.key) {
      const byLength = (2 * Math.min(capped, t.capped)) / (capped + t.capped);
      if (byLength < atLeast || (best && byLength <= best.score)) continue;
      let shared = 0;
      for (let i = 0; i < capped; i++) if (t.chars.has(key.charCodeAt(i))) shared++;
      const bound = (2 * shared) / (capped + t.capped);
      if (bound < atLeast || (best && bound <= best.score)) continue;
    }
    const score = similarity(key, t.key);
    if (!best || score > best.score) best = { id: t.id, score };
  }
  return best && best.score >= atLeast ? best : undefined;
}
