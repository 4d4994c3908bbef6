// A note under 表四 ("数据统计截至 2022 年 12 月 31 日。"), as agencies add one, in a Word report LibreOffice prints to
// PDF, read back by pdftotext (test/corpus: the tools a reviewer uses). pdftotext sets 表四's figures one a line and
// the note right after them; parted at its spaces as the table's cells are, its year was read as 复议后起诉's 总计
// (a sixteenth-session tester's report): "实为 2022，应为 1", an error on a table without one.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { converted } from '../../corpus/libreoffice';
import { pdftotext } from '../../corpus/render';
import { wordFigures, wordReport } from '../../helpers/word-report';

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-note-'));
  try {
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    return pdftotext(path.join(dir, 'report.pdf'), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a note under a table, in PDF text', () => {
  test('a dated note after 表四\'s figures is no figure of the table: no sum error on a correct report', () => {
    const note = '数据统计截至 2022 年 12 月 31 日。';
    const text = pdfText(converted(wordReport({ ...wordFigures({ clean: true }), prose: { 3: note } }), 'pdf'));
    const at = text.indexOf(note);
    assert.ok(at > 0 && /\n0\s*\n\s*$/.test(text.slice(at - 12, at)), 'pdftotext sets the note right after the table\'s last figure');
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(!findings.some((f) => /2022/.test(f.message) && f.code.startsWith('sum.')), 'the year is read as no cell');
  });
});
