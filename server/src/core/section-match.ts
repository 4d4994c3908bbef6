// Which template section a title names, by similarity of its normalised key to
// the template's titles and their accepted variants. Read by the parser (is
// this line a heading?) and by rules (does the preface name a section?).

import { SECTIONS, type SectionId } from './template';
import { labelKey } from './text/normalize';
import { similarity } from './text/similarity';

const TITLE_KEYS: { id: SectionId; key: string }[] = SECTIONS.flatMap((s) =>
  [s.title, ...s.aliases].map((t) => ({ id: s.id, key: labelKey(t) })),
);

export function bestSectionMatch(title: string): { id: SectionId; score: number } | undefined {
  const key = labelKey(title);
  if (key.length < 2) return undefined;
  let best: { id: SectionId; score: number } | undefined;
  for (const t of TITLE_KEYS) {
    if (key.length > t.key.length * 2 + 4) continue;
    const score = similarity(key, t.key);
    if (!best || score > best.score) best = { id: t.id, score };
  }
  return best;
}

