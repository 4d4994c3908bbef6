// A report in traditional characters, as a portal's 繁體 page gives it (converted here by opencc-js, the JavaScript
// port of OpenCC, from every seed, shared report and crawled page): read in simplified characters at the same
// offsets, it has exactly the findings of the simplified report, at the same places. A simplified report that
// quotes a few traditional words is read as it is, and typing traditional characters answers as a fresh parse.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { looksLikeReport } from '../../../server/src/core/detect';
import { check, parseDocument, updateDocument } from '../../../server/src/core/service';
import { toSimplified } from '../../../server/src/core/text/traditional';
import { fixtureFiles, sharedDir } from '../../helpers/fixtures';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const where = (text: string) => check(parseDocument(text)).map((f) => `${f.code} ${f.severity} ${f.range.start}-${f.range.end}`);

const reports = (): { name: string; text: string }[] => [
  ...fixtureFiles().map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') })),
  ...readdirSync(sharedDir('crawled')).filter((f) => f.endsWith('.txt')).map((f) => ({ name: `crawled/${f}`, text: readFileSync(path.join(sharedDir('crawled'), f), 'utf8') })),
];

describe('a report in traditional characters', () => {
  for (const { name, text } of reports()) {
    test(`${name}: the simplified report's findings, at the same places`, () => {
      const traditional = toTraditional(text);
      assert.equal(traditional.length, text.length, 'OpenCC kept the length');
      assert.notEqual(traditional, text);
      assert.deepEqual(where(traditional), where(text));
    });
  }

  test('is told a report by its opening (the CLI checks it in a folder, the editor offers to)', () => {
    for (const { text } of reports()) if (looksLikeReport(text)) assert.ok(looksLikeReport(toTraditional(text)));
  });

  test('its fixes write no simplified word into it: a figure\'s fix is offered, a label\'s or a part\'s is not', () => {
    for (const { name, text } of reports()) {
      const traditional = toTraditional(text);
      const simplifiedFixes = check(parseDocument(text)).filter((f) => f.fix);
      const fixes = check(parseDocument(traditional)).filter((f) => f.fix || f.suggestions);
      for (const f of fixes) {
        for (const e of [...(f.fix?.edits ?? []), ...(f.suggestions ?? []).flatMap((s) => s.edits)]) assert.doesNotMatch(e.newText, /[\u3400-\u9fff]/, `${name}: ${f.code} writes ${e.newText}`);
      }
      // Every fix of the simplified report that writes no word is offered as it is.
      const numeric = simplifiedFixes.filter((f) => !/[\u3400-\u9fff]/.test(f.fix!.edits.map((e) => e.newText).join('')));
      assert.deepEqual(fixes.filter((f) => f.fix).map((f) => [f.code, f.fix!.edits]), numeric.map((f) => [f.code, f.fix!.edits]), name);
    }
  });

  test('is read phrase first, at the same length: 反覆 is 反复, 覆 alone stays 覆', () => {
    assert.equal(toSimplified('四、無正當理由大量反覆申請，覆蓋全區'), '四、无正当理由大量反复申请，覆盖全区');
    assert.equal(toSimplified('木蘭縣 𠀀 2022 年'), '木兰县 𠀀 2022 年');
  });
});

describe('a simplified report with traditional characters in it', () => {
  const seed = readFileSync(fixtureFiles()[0]!.path, 'utf8');

  test('a few quoted traditional words do not change how it is read', () => {
    const quoting = seed.replace('一、总体情况\n', '一、总体情况\n本机关网站提供繁體版本（「政府資訊」）。\n');
    const doc = parseDocument(quoting);
    assert.ok(!doc.rendered, 'read as it is');
    assert.equal(check(doc).filter((f) => f.severity === 'error').length, check(parseDocument(seed)).filter((f) => f.severity === 'error').length);
  });

  test('typing traditional characters, keystroke by keystroke, answers as a fresh parse', () => {
    let doc = parseDocument(seed);
    let text = seed;
    const at = seed.indexOf('二、');
    // Twenty-five characters, each typed alone: the report turns to traditional reading on the way.
    for (const ch of '總體情況與開關處理報告複議訴訟問題進展數據結轉辦理規範') {
      const offset = at;
      doc = updateDocument(doc, [{ range: { start: offset, end: offset }, text: ch }]);
      text = text.slice(0, offset) + ch + text.slice(offset);
      assert.deepEqual(check(doc).map((f) => `${f.code} ${f.range.start}`), check(parseDocument(text)).map((f) => `${f.code} ${f.range.start}`));
    }
    assert.ok(doc.rendered, 'by the end it is read in simplified characters');
  });
});
