// MuPDF and pdfminer write a blank line after some wrapped lines of a printed page (`…部分公开3件，无法提供2件，` /
// blank / `其他处理1件。`, the own page printed by `chromium --print-to-pdf`, on its default paper): the paragraph
// was cut at a comma, and the list after 其中 lost its last item (prose.sum "所述 18，各项之和 17", a warning on a true
// sentence). No paragraph ends with a comma: a line ending in one goes on over a blank line. Found by a helper. (Printed
// otherwise, the same tools may cut that sentence inside a word, `无法` / blank / `提供2件`: still a gap, ROBUSTNESS.md Notes.)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument, readOriginal } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport } from '../../helpers/build-report';
import { typedAsFresh } from '../../helpers/typed-as-fresh';
import { OWN_DIR } from '../../corpus/harness';
import { CHROMIUM } from '../../corpus/print';
import { mutoolText, pdfminerText } from '../../corpus/render';

const prose = (fs: readonly Finding[]) => fs.filter((f) => f.code.startsWith('prose.')).map((f) => `${f.severity} ${f.code} ${f.message}`);

describe('an own page printed by `chromium --print-to-pdf`, its text by mutool and pdfminer', () => {
  it('the sentence MuPDF and pdfminer cut after a comma reads whole: no prose finding the page does not have', async () => {
    const file = path.join(OWN_DIR, 'prose-t2-2020.html');
    const html = await readOriginal(new Uint8Array(readFileSync(file)));
    assert.ok(html?.ok);
    const reference = new Set(prose(check(parseDocument(html.rendition.text))));
    const work = mkdtempSync(path.join(tmpdir(), 'gov-report-clause-'));
    try {
      const pdfFile = path.join(work, 'page.pdf');
      // As a reviewer prints a page from the command line (its default paper, no header or footer).
      const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${path.join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(file).href], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, run.stderr);
      for (const [tool, text] of [['mutool', mutoolText(pdfFile)], ['pdfminer', pdfminerText(pdfFile)]] as const) {
        assert.match(text, /[，、]\n\s*\n其他处理/, `${tool} cut the sentence after a comma`);
        assert.deepEqual(prose(check(parseDocument(text))).filter((p) => !reference.has(p)), [], tool);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a paragraph cut at a comma by a blank line, in every layout', () => {
  const sentence = '本年度共办理政府信息公开申请18件，其中予以公开12件，部分公开3件，无法提供2件，其他处理1件。';
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: read whole; the same sentence cut at a full stop stays two paragraphs`, () => {
      const text = buildReport({ layout });
      const at = text.indexOf('\n', text.indexOf('一、总体情况')) + 1;
      const whole = `${text.slice(0, at)}${sentence}\n\n${text.slice(at)}`;
      const cut = whole.replace('无法提供2件，', '无法提供2件，\n\n');
      const paragraphs = (t: string) => parseDocument(t).report.sections[0]!.paragraphs.map((p) => p.text.replace(/\s+/g, ''));
      assert.ok(paragraphs(cut).includes(sentence), layout);
      assert.deepEqual(prose(check(parseDocument(cut))), prose(check(parseDocument(whole))), layout);
      const stopped = whole.replace('无法提供2件，', '无法提供2件。\n\n');
      assert.ok(!paragraphs(stopped).some((p) => p.includes('无法提供2件。其他处理')), layout);
    });
  }

  it('typed: a comma typed or deleted at a line\'s end before a blank line, as a fresh parse', () => {
    const text = buildReport({ layout: 'tab-grid' });
    const at = text.indexOf('\n', text.indexOf('一、总体情况')) + 1;
    const doc = parseDocument(`${text.slice(0, at)}本年度共办理申请18件\n\n其他处理1件。\n\n${text.slice(at)}`);
    const end = at + '本年度共办理申请18件'.length;
    typedAsFresh(doc, [[end, end, '，'], [end, end + 1, ''], [end, end, '、']]);
  });
});
