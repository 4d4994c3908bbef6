// The rule engine (core/rules/engine.ts): the paragraph-local rules of a fresh
// check go over the paragraphs together; a rule that fails is told as one
// finding and leaves the others' findings as they would be without it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/core/rules';
import type { Rule } from '../../../server/src/core/rules/types';
import { check, clearCaches, parseDocument } from '../../../server/src/core/service';
import { buildReport } from '../../helpers/build-report';
import { fixtureFiles } from '../../helpers/fixtures';

/** `rule`'s checkParagraph throws at the `nth` paragraph it reads, for the duration of `use`; whether it did. */
function failingAt<T>(rule: Rule, nth: number, use: () => T): { result: T; failed: boolean } {
  const original = rule.checkParagraph!;
  let seen = 0;
  const mutable = rule as { checkParagraph: Rule['checkParagraph'] };
  mutable.checkParagraph = (...args) => {
    if (seen++ === nth) throw new Error('a bug in the rule');
    return original(...args);
  };
  try {
    return { result: use(), failed: seen > nth };
  } finally {
    mutable.checkParagraph = original;
  }
}

describe('rule engine', () => {
  const paragraphRules = RULES.filter((r) => r.checkParagraph);
  // A report whose prose gives two paragraph-local rules findings, and the fixtures.
  const prose = ['本年度共发布政务信息10条，其中政策解读3条、通知公告2条。', '全年共收到政府信息公开申请99件。', '2023年，本机关认真贯彻落实条例。'];
  const built = { name: 'built, with prose findings', text: buildReport({ prose: { 0: prose.join('\n\n') } }) };
  const texts = [built, ...fixtureFiles().map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') }))];

  it('has several paragraph-local rules, and the built report gives two of them findings', () => {
    assert.ok(paragraphRules.length >= 3, paragraphRules.map((r) => r.code).join());
    const codes = new Set(check(parseDocument(built.text)).map((f) => f.code));
    assert.deepEqual(
      paragraphRules.map((r) => r.code).filter((code) => codes.has(code)),
      ['prose.sum', 'prose.table'],
    );
  });

  it('a paragraph-local rule that fails midway gives one finding; every other rule finds what it finds without it', () => {
    let failures = 0;
    for (const failing of paragraphRules) {
      // The built report fails the rule at each of its paragraphs in turn (the others' findings there included).
      const cases = [...[0, 1, 2, 3, 4, 5, 6, 7].map((nth) => ({ ...built, nth })), ...texts.slice(1).map((t) => ({ ...t, nth: 1 }))];
      for (const { name, text, nth } of cases) {
        clearCaches();
        const normal = check(parseDocument(text));
        clearCaches();
        const { result: broken, failed } = failingAt(failing, nth, () => check(parseDocument(text)));
        const own = broken.filter((f) => f.code === failing.code);
        const others = (list: typeof normal) => JSON.stringify(list.filter((f) => f.code !== failing.code));
        assert.equal(others(broken), others(normal), `${failing.code} failing at ${nth}, ${name}: the other rules`);
        if (!failed) continue; // a report of one prose paragraph
        failures++;
        assert.equal(own.length, 1, `${failing.code}, ${name}: one finding for the failure`);
        assert.equal(own[0]!.severity, 'information');
        assert.match(own[0]!.message, new RegExp(`规则 ${failing.code.replace('.', '\\.')} 内部错误`));
      }
    }
    assert.ok(failures >= paragraphRules.length, 'each rule failed in some report');
  });
});
