// A blank cell written as a no-break space on a line or paragraph of its own: LibreOffice's text of a page or a Word
// file (a blank cell is `\u00a0`, a row ends with one or two empty lines), and a page's `<p>&nbsp;</p>` cell. Read as
// an empty line, it ended the row or was skipped: the row one figure short ("有 6 个数，模板为 7 个", a warning) and
// the blank itself unsaid. It is now a blank cell. Found by a helper converting the own pages with LibreOffice.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument, readOriginal } from '../../../server/src/core/service';
import { OWN_DIR } from '../../corpus/harness';
import { converted } from '../../corpus/libreoffice';

const said = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.message}`).sort();

describe('LibreOffice\'s text of a page with blank cells', () => {
  for (const page of ['blank-total-2021.html', 'many-blanks-2022.html']) {
    it(`${page}, saved as text directly and through Word: the page's own findings`, async () => {
      const html = readFileSync(path.join(OWN_DIR, page));
      const original = await readOriginal(new Uint8Array(html));
      assert.ok(original?.ok);
      const reference = said(check(parseDocument(original.rendition.text)));
      assert.ok(reference.some((s) => s.includes('cell.blank')), 'the page has blank cells');
      const direct = Buffer.from(converted(html, 'txt', { from: 'html' })).toString('utf8');
      const viaWord = Buffer.from(converted(converted(html, 'docx', { from: 'html' }), 'txt')).toString('utf8');
      for (const [how, text] of [['direct', direct], ['through Word', viaWord]] as const) {
        assert.ok(text.includes('\u00a0'), `${how}: LibreOffice wrote the blank as a no-break space`);
        assert.deepEqual(said(check(parseDocument(text))), reference, `${page}, ${how}`);
      }
    });
  }
});
