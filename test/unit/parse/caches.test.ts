// The memo tables (core/caches.ts): a bound set by the host (the CLI holds them
// small for a batch of distinct reports) changes how much is kept, never what
// comes out.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { boundCaches, memoByText } from '../../../server/src/core/caches';
import { check, clearCaches, parseDocument } from '../../../server/src/core/service';
import { fixtureFiles } from '../../helpers/fixtures';

describe('memo tables', () => {
  after(() => boundCaches(Infinity));

  test('a table keeps what it computed until it holds the bound, then starts again', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => (computed++, text.length), 3);
    for (const t of ['a', 'bb', 'a', 'bb']) lengthOf(t);
    assert.equal(computed, 2);
    lengthOf('ccc'); // the third entry: the table is full
    lengthOf('dddd'); // a fourth starts a new table
    lengthOf('a');
    assert.equal(computed, 5);
  });

  test('boundCaches holds every table to the smaller of the two bounds, and empties them', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => (computed++, text.length), 100);
    lengthOf('a');
    boundCaches(2);
    lengthOf('a'); // emptied by boundCaches
    assert.equal(computed, 2);
    lengthOf('bb');
    lengthOf('ccc'); // past two entries: a new table
    lengthOf('a');
    assert.equal(computed, 5);
    boundCaches(Infinity);
  });

  test('with every table held to a few entries, the findings are those of a cold check', () => {
    const texts = fixtureFiles().map((f) => readFileSync(f.path, 'utf8'));
    const cold = texts.map((text) => {
      clearCaches();
      return JSON.stringify(check(parseDocument(text)));
    });
    boundCaches(5);
    texts.forEach((text, k) => assert.equal(JSON.stringify(check(parseDocument(text))), cold[k]));
    // Twice: what the small tables kept from the first round is read back in the second.
    texts.forEach((text, k) => assert.equal(JSON.stringify(check(parseDocument(text))), cold[k]));
    boundCaches(Infinity);
  });
});
