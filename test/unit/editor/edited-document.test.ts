// The server's open documents (server/src/lsp/editedDocument.ts) against the
// library's TextDocument they replace: the same random edits, as a client
// sends them (line/character ranges, reversed ones, positions past a line's
// end, \r\n split and joined, pastes of many lines, whole replacements), must
// give the same text, lines and positions after every edit, and the offsets
// the edit log records must rebuild the same text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { EditedDocument } from '../../../server/src/lsp/editedDocument';
import { readFixture } from '../../helpers/fixtures';
import { seededRandom } from '../../helpers/random';

const PIECES = ['1', '件', '\n', '\r\n', '\r', '\n\n', '\t', '一、总体情况\n', '甲\r\n乙\r\n丙', '', ' '];

function randomChange(doc: TextDocument, next: () => number): TextDocumentContentChangeEvent {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const kind = next();
  if (kind < 0.02) return { text: pick(PIECES) + '全文替换\r\n第二行' };
  const at = (): { line: number; character: number } => {
    // Mostly inside the text; sometimes past a line's end or past the last line, as a client may send.
    const offset = Math.floor(next() * (doc.getText().length + 1));
    const p = doc.positionAt(offset);
    if (next() < 0.1) return { line: p.line, character: p.character + 1 + Math.floor(next() * 5) };
    if (next() < 0.03) return { line: doc.lineCount + 2, character: 0 };
    return p;
  };
  const start = at();
  const end = next() < 0.5 ? start : at();
  const text = kind < 0.1 ? Array.from({ length: 30 }, (_, k) => `第${k}行`).join(next() < 0.5 ? '\n' : '\r\n') : pick(PIECES);
  return { range: { start, end }, text };
}

function same(mine: EditedDocument, theirs: TextDocument, next: () => number, what: string): void {
  const text = theirs.getText();
  assert.equal(mine.length, text.length, `${what}: length`);
  assert.equal(mine.lineCount, theirs.lineCount, `${what}: lines`);
  for (let k = 0; k < 20; k++) {
    const offset = Math.floor(next() * (text.length + 3)) - 1;
    assert.deepEqual(mine.positionAt(offset), theirs.positionAt(offset), `${what}: positionAt(${offset})`);
    const line = Math.floor(next() * (theirs.lineCount + 2)) - 1;
    const position = { line, character: Math.floor(next() * 40) };
    assert.equal(mine.offsetAt(position), theirs.offsetAt(position), `${what}: offsetAt(${JSON.stringify(position)})`);
    assert.deepEqual(mine.getLineRange(line), theirs.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.equal(mine.getEOLCharacters(line), theirs.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
    const from = Math.floor(next() * (text.length + 1));
    const to = from + Math.floor(next() * 50);
    assert.equal(mine.slice(from, to), text.slice(from, to), `${what}: slice(${from}, ${to})`);
  }
}

describe('the server’s open documents read as the library’s', () => {
  for (const [name, start] of [
    ['seed 001', readFixture('seeds/001_b514ee349c59fe59.txt')],
    ['seed 001 with \\r\\n', readFixture('seeds/001_b514ee349c59fe59.txt').replace(/\n/g, '\r\n')],
    ['empty', ''],
  ] as const) {
    it(`${name}: 400 random edits`, () => {
      const next = seededRandom(name.length * 104729);
      const mine = new EditedDocument('file:///a.txt', 'plaintext', 1, start);
      let theirs = TextDocument.create('file:///a.txt', 'plaintext', 1, start);
      let logged = start;
      for (let step = 0; step < 400; step++) {
        const change = randomChange(theirs, next);
        const version = step + 2;
        mine.update([change], version, (from, to, text) => (logged = logged.slice(0, from) + text + logged.slice(to)));
        theirs = TextDocument.update(theirs, [change], version);
        assert.equal(mine.version, version);
        same(mine, theirs, next, `${name} step ${step} ${JSON.stringify(change)}`);
        // Every few steps the whole text is read (it is built then); between, only pieces are.
        if (step % 7 === 0) assert.equal(mine.getText(), theirs.getText(), `${name} step ${step}: text`);
        assert.equal(logged, theirs.getText(), `${name} step ${step}: the logged offsets rebuild the text`);
      }
    });
  }

  it('several changes in one notification, each in the coordinates the one before left', () => {
    const mine = new EditedDocument('file:///b.txt', 'plaintext', 1, '一、总体情况\r\n正文\r\n');
    const theirs = TextDocument.create('file:///b.txt', 'plaintext', 1, '一、总体情况\r\n正文\r\n');
    const changes: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, text: '\r' },
      { range: { start: { line: 0, character: 6 }, end: { line: 1, character: 0 } }, text: '' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n二、' },
    ];
    mine.update(changes, 2);
    const updated = TextDocument.update(theirs, changes, 2);
    assert.equal(mine.getText(), updated.getText());
    assert.equal(mine.lineCount, updated.lineCount);
  });
});
