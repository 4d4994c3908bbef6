// bestSectionMatch skips a template title when bounds on its score (its
// length, the characters the two keys share at all) cannot beat the best so far or reach
// the caller's threshold. The answer must be the one the full comparison
// gives: checked against every title compared in full, on the lines and line
// pieces of the real reports and of reports built in every layout.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { bestSectionMatch, halfWidthCode, mayNameSection, PREFIXED_SCORE, withoutTitlePrefix } from '../../../server/src/core/section-match';
import { SECTIONS, type SectionId } from '../../../server/src/core/template';
import { labelKey, toHalfWidth } from '../../../server/src/core/text/normalize';
import { similarity } from '../../../server/src/core/text/similarity';
import { ALL_LAYOUTS, buildReport } from '../../helpers/build-report';
import { fixtureFiles } from '../../helpers/fixtures';

/** Every title compared in full, as the parser did before the bound; a title with a prefix also without it. */
function fullComparison(title: string, atLeast: number): { id: SectionId; score: number } | undefined {
  const key = labelKey(title);
  if (key.length < 2) return undefined;
  const best = everyTitle(key, atLeast);
  const bare = withoutTitlePrefix(key);
  const alike = bare === undefined ? undefined : everyTitle(bare, Math.min(atLeast, PREFIXED_SCORE));
  if (!alike) return best;
  const score = Math.min(alike.score, PREFIXED_SCORE);
  return score >= atLeast && (!best || score > best.score) ? { id: alike.id, score } : best;
}

function everyTitle(key: string, atLeast: number): { id: SectionId; score: number } | undefined {
  let best: { id: SectionId; score: number } | undefined;
  for (const s of SECTIONS) {
    for (const t of [s.title, ...s.aliases]) {
      const titleKey = labelKey(t);
      if (key.length > titleKey.length * 2 + 4) continue;
      const score = similarity(key, titleKey);
      if (!best || score > best.score) best = { id: s.id, score };
    }
  }
  return best && best.score >= atLeast ? best : undefined;
}

describe('bestSectionMatch', () => {
  it('answers as the full comparison does, at every threshold the parser and the rules use', () => {
    const texts = [...fixtureFiles().map((f) => readFileSync(f.path, 'utf8')), ...ALL_LAYOUTS.map((layout) => buildReport({ layout }))];
    const lines = [...new Set(texts.flatMap((t) => t.split(/\r?\n/)))];
    // Whole lines, and pieces of them (a preface lists the parts inside a sentence; a title may be cut short).
    const pieces = [...new Set(lines.flatMap((l) => [l, l.slice(0, 8), l.slice(2, 14), l.slice(0, 30)]))];
    assert.ok(pieces.length > 1000, `only ${pieces.length} pieces to compare`);
    let titles = 0;
    for (const piece of pieces) {
      for (const atLeast of [0, 0.5, 0.6, 0.75, 0.95]) {
        const expected = fullComparison(piece, atLeast);
        assert.deepEqual(bestSectionMatch(piece, atLeast), expected, `${JSON.stringify(piece)} at ${atLeast}`);
        if (atLeast === 0.95 && expected) titles++;
      }
    }
    // The pieces hold titles, so the bound was tested where it must not skip.
    assert.ok(titles >= 6, `only ${titles} pieces named a section`);
  });

  it('answers as the full comparison does on random titles: full-width characters, ideographic spaces, bookmarks', () => {
    // The bound is told from the title before its key is made, mapping characters as toHalfWidth does: titles drawn
    // from the template's characters and their full-width and half-width neighbours catch a mapping that drifts.
    const alphabet = [...new Set(Array.from(SECTIONS.flatMap((s) => [s.title, ...s.aliases]).join('') + '　 （）()１２３456ＡＢａｂAb、.，,：:*'))];
    let seed = 20261206;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let titles = 0;
    for (let k = 0; k < 5_000; k++) {
      const base = SECTIONS[random(SECTIONS.length)]!;
      const words = Array.from(random(2) === 0 ? base.title : (base.aliases[0] ?? base.title));
      // A template title with a few characters changed, dropped or added, sometimes a bookmark inside.
      for (let e = random(6); e > 0; e--) words.splice(random(words.length + 1), random(2), alphabet[random(alphabet.length)]!);
      if (random(10) === 0) words.splice(random(words.length + 1), 0, '[bookmark:_Toc1]');
      const title = words.join('');
      for (const atLeast of [0.6, 0.75, 0.95]) {
        const expected = fullComparison(title, atLeast);
        assert.deepEqual(bestSectionMatch(title, atLeast), expected, `${JSON.stringify(title)} at ${atLeast}`);
        if (expected) titles++;
      }
    }
    assert.ok(titles >= 250, `only ${titles} random titles named a section`);
  });

  it('maps every character as toHalfWidth does (the bound reads the title before its key is made)', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(halfWidthCode(c), toHalfWidth(String.fromCharCode(c)).charCodeAt(0), `U+${c.toString(16)}`);
  });

  it('a line told to name no part (mayNameSection) holds no piece that does: the parser skips its heading shape', () => {
    const texts = [...fixtureFiles().map((f) => readFileSync(f.path, 'utf8')), ...ALL_LAYOUTS.map((layout) => buildReport({ layout }))];
    const lines = [...new Set(texts.flatMap((t) => t.split(/\r?\n/)))].filter((l) => l.length <= 60);
    let skipped = 0;
    for (const line of lines) {
      for (const atLeast of [0.6, 0.75, 0.95]) {
        if (mayNameSection(line, atLeast)) continue;
        skipped++;
        for (let from = 0; from < line.length; from += 3) {
          for (const to of [line.length, from + 12, from + 6]) {
            const piece = line.slice(from, Math.min(to, line.length));
            assert.equal(fullComparison(piece, atLeast), undefined, `${JSON.stringify(piece)} of ${JSON.stringify(line)} at ${atLeast}`);
          }
        }
      }
    }
    assert.ok(skipped > 1000, `only ${skipped} lines skipped`);
  });
});
