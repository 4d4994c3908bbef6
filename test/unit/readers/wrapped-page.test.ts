// A crawled page (the body on one line) wrapped at a width by the tools a reviewer or a crawler runs: Python's
// textwrap, and LibreOffice printing the saved text to a PDF, read back with pdftotext (plain and -layout), MuPDF and
// Firefox's viewer (pdf.js). Every crawled page made so must give the page's own findings: before, each was
// "parts missing" (errors) with its tables unread. Reports laid out in lines are never joined.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument, updateDocument } from '../../../server/src/core/service';
import { renderWrappedPage } from '../../../server/src/core/readers/wrapped-page';
import { joinBreaks } from '../../../server/src/core/readers/rendition';
import { SEEDS_DIR, sharedDir } from '../../helpers/fixtures';
import { converted } from '../../corpus/libreoffice';
import { mutoolText, pdfjsViewerText, pdftotext, textBrowserDump, textwrapFilled } from '../../corpus/render';
import { typedAsFresh } from '../../helpers/typed-as-fresh';

const crawledDir = sharedDir('crawled');
const pages = readdirSync(crawledDir).filter((f) => f.endsWith('.txt')).sort();
const pageText = (page: string) => readFileSync(path.join(crawledDir, page), 'utf8');

/**
 * What a reviewer reads of the findings: severity, rule, message (positions differ between renditions; so may the
 * spaces inside a quoted run of figures a wrap cut, `810000 8` for `8100008`).
 */
const said = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.message.replace(/\s+/g, '')}`).sort();
/** The figures or words each error is on, white space aside (a wrap may cut a figure: the range then holds the break). */
const errorsOn = (text: string, fs: readonly Finding[]) =>
  fs.filter((f) => f.severity === 'error').map((f) => `${f.code} ${text.slice(f.range.start, f.range.end).replace(/\s+/g, '')}`).sort();

function assertSameAsPage(page: string, wrapped: string, how: string): void {
  const text = pageText(page);
  const plain = check(parseDocument(text));
  const now = check(parseDocument(wrapped));
  assert.deepEqual(said(now), said(plain), `${page}, ${how}`);
  assert.deepEqual(errorsOn(wrapped, now), errorsOn(text, plain), `${page}, ${how}: the errors on the same figures`);
}

describe('a crawled page wrapped at a width (textwrap)', () => {
  const widths = [30, 45, 70, 100, 150];
  const wrapped = textwrapFilled(pages.map(pageText), widths);

  for (const [w, width] of widths.entries()) {
    it(`at ${width} characters: the page's own findings, on the same figures`, () => {
      let errors = 0;
      for (const [p, page] of pages.entries()) {
        const text = wrapped[p]![w]!;
        assert.ok(text.split('\n').length > 20, `${page} is wrapped`);
        assertSameAsPage(page, text, `textwrap ${width}`);
        errors += check(parseDocument(text)).filter((f) => f.severity === 'error').length;
      }
      // The pages' real defects (表三's totals, a missing 六) are still found.
      assert.ok(errors >= 10, `errors found: ${errors}`);
    });
  }

  it('the 标题: field wrapped too: the year is the title\'s, not the publication date\'s', () => {
    const page = '平潭综合实验区自然资源与生态环境局_2020.txt';
    const text = wrapped[pages.indexOf(page)]![0]!;
    assert.match(text, /^标题: .*2020年政府信息\n公开年度报告/);
    const report = parseDocument(text).report;
    assert.equal(report.title?.year, 2020);
    // A 2020 report may use the 2019 template: no table.legacy.
    assert.deepEqual(check(parseDocument(text)).filter((f) => f.code === 'table.legacy'), []);
  });
});

describe('a crawled page printed to a PDF and read back as text', () => {
  // The pages with real defects in each template: 表三's totals (2020, 2021), a missing 六 (2019, 2024).
  const chosen = ['平潭综合实验区农业农村局_2021.txt', '平潭综合实验区农业农村局_2024.txt', '平潭综合实验区自然资源与生态环境局_2019.txt', '平潭综合实验区自然资源与生态环境局_2020.txt', '平潭综合实验区自然资源与生态环境局_2021.txt'];
  for (const page of chosen) {
    it(`${page}: pdftotext, pdftotext -layout, mutool and pdf.js give the page's own findings`, async () => {
      const pdf = converted(Buffer.from(pageText(page)), 'pdf', { from: 'txt' });
      const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-wrapped-'));
      try {
        const file = path.join(dir, 'page.pdf');
        writeFileSync(file, pdf);
        const texts = { pdftotext: pdftotext(file, false), 'pdftotext -layout': pdftotext(file, true), mutool: mutoolText(file), 'pdf.js': await pdfjsViewerText(pdf) };
        for (const [how, text] of Object.entries(texts)) {
          // LibreOffice wrapped the body at the page's width: many lines, headings inside them.
          assert.ok(text.split('\n').length > 30, `${page}, ${how} is wrapped`);
          assertSameAsPage(page, text, how);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('a crawled page dumped by a text browser', () => {
  // lynx and elinks wrap a long line at their width (about 40 Chinese characters, more with Latin letters and
  // figures), indent each line, and break at a space where one is near; w3m centres the <h1> above the text.
  const dump = (file: string, browser: 'lynx' | 'elinks') => {
    const args = browser === 'lynx' ? ['-dump', '-display_charset=utf-8', '-assume_charset=utf-8', file] : ['-dump', '-dump-charset', 'utf-8', '-no-home', file];
    const run = spawnSync(browser, args, { encoding: 'utf8' });
    assert.equal(run.status, 0, `${browser}: ${run.stderr}`);
    return run.stdout;
  };
  for (const browser of ['lynx', 'elinks'] as const) {
    it(`${browser} -dump of the saved .txt: the page's own findings, on the same figures`, () => {
      for (const page of pages) assertSameAsPage(page, dump(path.join(crawledDir, page), browser), `${browser} -dump`);
    });
  }
  it('w3m, lynx and elinks of the page as one paragraph under its title: the page\'s own findings', () => {
    for (const page of pages) {
      const lines = pageText(page).split('\n');
      const title = lines[0]!.replace(/^标题:\s*/, '');
      const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const html = `<html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(lines[lines.length - 1]!)}</p></body></html>`;
      for (const browser of ['w3m', 'lynx', 'elinks'] as const) {
        const text = textBrowserDump(html, browser);
        assert.ok(text.split('\n').length > 30, `${page}, ${browser} wrapped the body`);
        const plain = check(parseDocument(pageText(page)));
        const now = check(parseDocument(text));
        // Errors and warnings as the page's; hints may differ (w3m drops the spaces between Chinese words, where a
        // title's end is told).
        const notHints = (fs: readonly Finding[]) => said(fs).filter((x) => !x.startsWith('hint'));
        assert.deepEqual(notHints(now), notHints(plain), `${page}, ${browser}`);
        assert.deepEqual(errorsOn(text, now), errorsOn(pageText(page), plain), `${page}, ${browser}: the errors on the same figures`);
      }
    }
  });
});

describe('what is never a wrapped page', () => {
  it('the seeds, the PDF extractions and the crawled pages as saved', () => {
    const texts = [
      ...readdirSync(SEEDS_DIR).map((f) => path.join(SEEDS_DIR, f)),
      ...readdirSync(sharedDir('corpus')).filter((f) => f.endsWith('.txt')).map((f) => path.join(sharedDir('corpus'), f)),
      ...pages.map((f) => path.join(crawledDir, f)),
    ];
    for (const file of texts) assert.equal(renderWrappedPage(readFileSync(file, 'utf8')), undefined, file);
  });

  it('a published PDF\'s text, wrapped at its page width but with its headings at lines\' starts', () => {
    const raw = sharedDir('raw');
    for (const pdf of readdirSync(raw).filter((f) => f.endsWith('.pdf'))) {
      for (const layout of [false, true]) assert.equal(renderWrappedPage(pdftotext(path.join(raw, pdf), layout)), undefined, `${pdf}${layout ? ' -layout' : ''}`);
    }
  });

  it('a paragraph wrapped at a width that lists the parts (一、总体情况；二、…) in a report laid out in lines', () => {
    const seed = readFileSync(path.join(SEEDS_DIR, readdirSync(SEEDS_DIR)[0]!), 'utf8');
    const list = '本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。';
    const [[wrappedList]] = textwrapFilled([list + list], [30]);
    const text = seed.replace(/\n/, `\n${wrappedList}\n`);
    assert.equal(renderWrappedPage(text), undefined);
    assert.deepEqual(said(check(parseDocument(text))).filter((s) => s.startsWith('error')), said(check(parseDocument(seed))).filter((s) => s.startsWith('error')));
  });
});

describe('offsets through the joined breaks', () => {
  it('a range ends before a dropped break and starts after it; a kept space maps to the break', () => {
    const text = 'ab\ncd\n\n\fef gh';
    const r = joinBreaks(text, [
      { start: 2, end: 3, space: false },
      { start: 5, end: 8, space: true },
    ]);
    assert.equal(r.text, 'abcd ef gh');
    assert.equal(r.toOriginal(2), 3); // c
    assert.equal(r.toOriginalEnd!(2), 2); // the end of "ab": before the break
    assert.equal(r.toOriginal(4), 5); // the kept space stands on the break
    assert.equal(r.toOriginal(5), 8); // e, after the page break
    for (let o = 0; o < r.text.length; o++) if (r.text[o] !== ' ') assert.equal(text[r.toOriginal(o)], r.text[o], `offset ${o}`);
  });

  it('a figure a wrap cut in two: its error covers both pieces, and a repair would replace just them', () => {
    // 表三's （七）总计 of 自然人 is 18 where its results add up to 16. Cut the body every `width` characters (as
    // textwrap cuts a word longer than the width), the width chosen so that a cut falls between the 1 and the 8.
    const page = '平潭综合实验区自然资源与生态环境局_2021.txt';
    const text = pageText(page);
    const lines = text.split('\n');
    const body = lines.length - 1;
    const plain = check(parseDocument(text)).find((f) => f.code === 'sum.column' && text.slice(f.range.start, f.range.end) === '18');
    assert.ok(plain, 'the page\'s own error on 18');
    const inBody = plain.range.start - (text.length - lines[body]!.length);
    const width = Array.from({ length: 200 }, (_, k) => 25 + k).find((w) => (inBody + 1) % w === 0)!;
    assert.ok(width, 'a width that cuts the figure');
    const cut = lines[body]!.match(new RegExp(`[\\s\\S]{1,${width}}`, 'g'))!.join('\n');
    const wrapped = [...lines.slice(0, body), cut].join('\n');
    const found = check(parseDocument(wrapped)).find((f) => f.code === 'sum.column' && f.message === plain.message);
    assert.ok(found, 'the error is still found');
    assert.equal(wrapped.slice(found.range.start, found.range.end), '1\n8');
    // A page whose cells ran together offers no repair (the figures' bounds are the reader's guess); the wrapped
    // page offers what the page offers, and a repair would replace the two pieces, the break between them with them.
    const repairs = (f: Finding) => [f.fix, ...(f.suggestions ?? [])].filter((x) => x !== undefined).map((x) => x.edits.map((e) => e.newText));
    assert.deepEqual(repairs(found), repairs(plain));
    for (const fix of [found.fix, ...(found.suggestions ?? [])]) if (fix) for (const e of fix.edits) assert.deepEqual(e.range, found.range);
  });
});

describe('typing in a wrapped page, or pasting one', () => {
  it('a page pasted into an empty file reads as the page opened', () => {
    const [[text]] = textwrapFilled([pageText('平潭综合实验区农业农村局_2021.txt')], [70]);
    const pasted = updateDocument(parseDocument(''), [{ range: { start: 0, end: 0 }, text: text! }]);
    const opened = parseDocument(text!);
    assert.deepEqual(pasted.report, opened.report);
    assert.deepEqual(check(pasted), check(opened));
    assert.ok(opened.report.sections.length >= 5);
  });

  it('edits in a wrapped page: each as a fresh parse', () => {
    const [[text]] = textwrapFilled([pageText('平潭综合实验区自然资源与生态环境局_2020.txt')], [45]);
    const at = text!.indexOf('总计');
    typedAsFresh(parseDocument(text!), [
      [at, at, '1'],
      [at, at + 1, ''],
      [text!.length, text!.length, '\n附件下载'],
      [0, text!.indexOf('\n') + 1, ''],
    ]);
  });
});
