// Hostile web pages (issue 13, ROBUSTNESS.md): each is read or refused with a
// clear problem, never a throw, in bounded time and memory (timings:
// scripts/measure-html-reader.ts). The bounds are ReaderLimits' and the
// reader's own caps on open elements, kept elements and grid cells.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_LIMITS, type ReaderLimits } from '../../../server/src/core/readers/blocks';
import { readHtml } from '../../../server/src/core/readers/html';
import { readOriginal, type OriginalOutcome } from '../../../server/src/core/readers/original';
import { hostilePages } from '../../helpers/hostile-html';

const pages = new Map(hostilePages().map((p) => [p.name, p.html]));
const bytesOf = (html: string) => new Uint8Array(Buffer.from(html, 'utf8'));

const read = new Map<string, Promise<OriginalOutcome | undefined>>();

/** Each page is read once (the 50 MB ones take seconds). */
async function outcomeOf(name: string): Promise<OriginalOutcome> {
  const html = pages.get(name);
  assert.ok(html, `no hostile page “${name}”`);
  if (!read.has(name)) read.set(name, readOriginal(bytesOf(html)));
  const outcome = await read.get(name);
  assert.ok(outcome, `${name}: not taken for a web page`);
  return outcome;
}

function assertTooLarge(outcome: OriginalOutcome, detail: RegExp): void {
  assert.ok(!outcome.ok, 'read, expected a problem');
  assert.equal(outcome.problem.kind, 'too-large');
  assert.match(outcome.problem.detail ?? '', detail);
}

describe('hostile web pages: a result or a clear problem, never a throw', () => {
  test('every hostile page resolves', async () => {
    for (const name of pages.keys()) {
      const outcome = await outcomeOf(name);
      assert.ok(outcome.ok || ['too-large', 'empty'].includes(outcome.problem.kind), `${name}: ${JSON.stringify(outcome)}`);
    }
  });

  test('50 MB of prose is over the text bound', async () => {
    assertTooLarge(await outcomeOf('50 MB of prose (text over maxTextChars)'), /characters of text/);
  });

  test('50 MB of empty markup or of script around a report: the report is read', async () => {
    for (const name of ['50 MB of empty markup around a report', '50 MB of script']) {
      const outcome = await outcomeOf(name);
      assert.ok(outcome.ok, name);
      // The markup's pictures (<img src="a.png">, 700,000 of them) are shown: the first thousand each a paragraph.
      const pictures = name.includes('markup') ? `\n${'［图片］\n'.repeat(1000)}` : '';
      assert.equal(outcome.rendition.text, `一、总体情况\n全年受理申请5件。\n二、主动公开政府信息情况\n\n规章\t0\n${pictures}`, name);
    }
  });

  test('nesting past maxDepth is flattened, lines kept; past the open-element cap it is refused', async () => {
    const flat = await outcomeOf('5,000 nested <div>s, report at the bottom');
    assert.ok(flat.ok);
    assert.deepEqual(flat.rendition.text.split('\n').filter(Boolean), ['一、总体情况', '全年受理申请5件。', '二、主动公开政府信息情况', '规章', '0']);
    for (const name of ['100,000 nested <div>s, report at the bottom', '100,000 nested <div>s never closed', '100,000 nested <table>s'])
      assertTooLarge(await outcomeOf(name), /nested deeper than/);
  });

  test('spans that would expand to a huge grid, and hundreds of thousands of elements, are refused', async () => {
    assertTooLarge(await outcomeOf('1,000 rows of rowspan=65534 colspan=1000'), /cells/);
    assertTooLarge(await outcomeOf('600,000 elements each with text'), /elements/);
  });

  test('the limits passed are the ones applied', async () => {
    const small: ReaderLimits = { ...DEFAULT_LIMITS, maxDepth: 3, maxTextChars: 100, maxFileBytes: 1000 };
    const nested = '<html><body><div><div><div><p>一</p><p>二</p></div></div></div></body></html>';
    const read = await readHtml(bytesOf(nested), small);
    assert.ok(read.ok);
    assert.deepEqual(read.blocks.map((b) => b.kind === 'paragraph' && b.text), ['一', '二']);
    const text = await readHtml(bytesOf(`<p>${'字'.repeat(101)}</p>`), small);
    assert.ok(!text.ok && text.problem.kind === 'too-large');
    const file = await readHtml(bytesOf(`<p>${' '.repeat(1001)}</p>`), small);
    assert.ok(!file.ok && file.problem.kind === 'too-large');
  });

  test('a page of nothing is empty, not a crash', async () => {
    const outcome = await readOriginal(bytesOf('<html><head><script>var x = 1;</script></head><body><div style="display:none">一、总体情况</div></body></html>'));
    assert.ok(outcome && !outcome.ok && outcome.problem.kind === 'empty');
  });
});
