// Characters a web page's editor leaves unseen around what was typed: zero-width spaces, joiners, direction marks,
// word joiners, soft hyphens. A figure with one beside it was "no number" (an error a cell: 200 on a page with one
// after every figure), one before every figure left the tables "not filled in", and a label with one inside was "not
// the template's" with a fix that looked the same as the label (ROBUSTNESS.md defect 91).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { blankDebris, isDebrisCandidate } from '../../../server/src/core/text/debris';
import { ALL_LAYOUTS, buildReport, validT3 } from '../../helpers/build-report';

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u200e', '\u2060', '\u00ad'];

/** Every figure on a line of its own or between cells gets `mark` before or after it. */
function marked(text: string, mark: string, where: 'before' | 'after'): string {
  return text.replace(/(^|[\t |])(\d+(?:\.\d+)?)(?=$|[\t |])/gm, (_m, lead: string, figure: string) => `${lead}${where === 'before' ? mark + figure : figure + mark}`);
}

describe('invisible characters a web page leaves', () => {
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: beside every figure, inside labels and headings, a correct report has no finding`, () => {
      for (const mark of INVISIBLES) {
        for (const where of ['before', 'after'] as const) {
          const text = marked(buildReport({ layout }), mark, where).replace('予以公开', `予以${mark}公开`).replace('一、总体情况', `一、总体${mark}情况`);
          assert.ok(text.split(mark).length > 40, 'the marks are in the text');
          const findings = check(parseDocument(text));
          assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), [], `${layout} U+${mark.charCodeAt(0).toString(16)} ${where}`);
        }
      }
    });
    it(`${layout}: a wrong total beside them is still the error it is, at its figure`, () => {
      const text = marked(buildReport({ layout, t3: { ...validT3(), new: [4, 1, 0, 0, 0, 0, 6] } }), '\u200b', 'after');
      const errors = check(parseDocument(text)).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => f.code), ['sum.row'], layout);
      assert.equal(text.slice(errors[0]!.range.start, errors[0]!.range.end).replace('\u200b', ''), '6');
    });
  }
});

describe('isDebrisCandidate: the characters blankDebris may change', () => {
  it('names every code unit blankDebris changes in a line (the line analysis skips blankDebris without one)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isDebrisCandidate(c) || c === 0x0a || c === 0x0d) continue;
      const ch = String.fromCharCode(c);
      const line = `共${ch}12${ch}件`;
      assert.equal(blankDebris(line), line, `U+${c.toString(16).padStart(4, '0')} is changed by blankDebris but not a candidate`);
    }
  });
  it('a candidate changes what blankDebris gives', () => {
    assert.notEqual(blankDebris('a\u200bb'), 'a\u200bb');
    assert.ok(isDebrisCandidate(0x200b) && isDebrisCandidate(0x26) && isDebrisCandidate(0x5b) && !isDebrisCandidate(0x5171));
  });
});
