// The prose rules skip an expression where none of its cue characters stands (a look at a clause's characters is
// cheaper than copying it and running the expression). That is right only while every word the expression matches
// holds one of them: an alternative added to an expression without its character would silently never be tested.
// Each expression is expanded here into the words it matches (optional parts taken and left out) and every word
// is asked for a cue character.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { PART_CUE_WORDS, TOTAL_CUE_WORDS } from '../../../server/src/core/rules/prose-sum';
import { CLAIM_CUE_WORDS } from '../../../server/src/core/rules/prose-claims';

/**
 * The words an expression of literal characters, groups, alternatives, optional groups and classes of punctuation or
 * white space matches, with the classes and white space left out (no cue character is punctuation or a space).
 * Anything else in the expression fails the test: the expander would not know what it matches.
 */
function wordsOf(source: string): string[] {
  let at = 0;
  const alternatives = (): string[] => {
    const out: string[] = [];
    let current = [''];
    while (at < source.length && source[at] !== ')') {
      const c = source[at]!;
      if (c === '|') {
        out.push(...current);
        current = [''];
        at++;
        continue;
      }
      let piece: string[];
      if (c === '(') {
        assert.equal(source.slice(at, at + 3), '(?:', `only non-capturing groups are expanded: ${source}`);
        at += 3;
        piece = alternatives();
        assert.equal(source[at], ')', `unclosed group: ${source}`);
        at++;
      } else if (c === '[') {
        const end = source.indexOf(']', at);
        assert.ok(end > at, `unclosed class: ${source}`);
        at = end + 1;
        piece = [''];
      } else if (c === '\\') {
        assert.equal(source[at + 1], 's', `only \\s is expanded: ${source}`);
        at += 2;
        piece = [''];
      } else if (c === '^' || c === '$') {
        at++;
        piece = [''];
      } else {
        assert.ok(!'.+*?{}'.includes(c), `unexpected ${c} in ${source}`);
        at++;
        piece = [c];
      }
      // A quantifier: optional (taken and left out) where it allows none.
      const q = /^(?:\?|\*|\{0,\d+\}|\{1,\d+\}|\+)/.exec(source.slice(at));
      if (q) {
        at += q[0].length;
        if (q[0] === '?' || q[0] === '*' || q[0].startsWith('{0,')) piece = [...piece, ''];
      }
      current = current.flatMap((w) => piece.map((p) => w + p));
    }
    out.push(...current);
    return out;
  };
  const words = alternatives();
  assert.equal(at, source.length, `unbalanced ) in ${source}`);
  return [...new Set(words)];
}

test('the expander reads optional groups, alternatives and classes', () => {
  assert.deepEqual(wordsOf('a(?:b|c)?d').sort(), ['abd', 'acd', 'ad']);
  assert.deepEqual(wordsOf('^[\\s，,]*(?:其中含|含)$').sort(), ['其中含', '含']);
  assert.throws(() => wordsOf('a.b'));
});

for (const [name, guard] of Object.entries({ PART_CUE_WORDS, TOTAL_CUE_WORDS, CLAIM_CUE_WORDS })) {
  test(`${name}: every word of its expressions holds a cue character`, () => {
    const cues = new Set(guard.characters);
    for (const expression of guard.expressions) {
      const words = wordsOf(expression.source);
      assert.ok(words.length > 0);
      for (const word of words) assert.ok([...word].some((c) => cues.has(c)), `${expression}: "${word}" holds none of ${guard.characters}`);
    }
  });
}

test('a cue character left out is found', () => {
  const words = wordsOf(PART_CUE_WORDS.expressions[0]!.source);
  const without = new Set(PART_CUE_WORDS.characters.replace('予', ''));
  assert.ok(words.some((w) => ![...w].some((c) => without.has(c))));
});
