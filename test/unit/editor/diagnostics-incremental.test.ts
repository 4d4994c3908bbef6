// The diagnostics an editor is sent, kept up keystroke after keystroke
// (issue 19): the rule engine's incremental findings, converted by a
// per-file DiagnosticConverter that reuses the diagnostic of every finding it
// saw before, must equal the diagnostics of the same text parsed and checked
// afresh, at every step, including the "more findings" note and which 1,000
// are sent. Run: node --import tsx --test test/unit/editor/diagnostics-incremental.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateLargeReport } from '../../../scripts/bench/generate';
import { typingScript, type KeystrokeKind } from '../../../scripts/bench/typing';
import { diagnostics, DiagnosticConverter, parseDocument, updateDocument, type ParsedDocument, type TextChange } from '../../../server/src/core/service';
import type { Finding } from '../../../server/src/core/rules/types';
import { seededRandom } from '../../helpers/random';

const uri = 'file:///reports/draft.txt';
const docsBase = 'file:///docs/rules/';

const draft = (chars: number): string => generateLargeReport(chars, { wrongSums: true });

/**
 * A line break moved by one character without changing the length ("X\nY" →
 * "\nXY"): offsets after it stay, their lines and characters do not.
 */
function lineBreakMoved(text: string, next: () => number): TextChange | undefined {
  for (let tries = 0; tries < 50; tries++) {
    const at = text.indexOf('\n', Math.floor(next() * text.length));
    if (at < 1 || at + 1 >= text.length) continue;
    const [before, after] = [text[at - 1]!, text[at + 1]!];
    if (/[\r\n]/.test(before + after)) continue;
    return { range: { start: at - 1, end: at + 2 }, text: `\n${before}${after}` };
  }
  return undefined;
}

function steps(doc: ParsedDocument, count: number): TextChange[] {
  const kinds: KeystrokeKind[] = ['prose', 'cell', 'prose', 'line-break'];
  return typingScript(doc, kinds, count).map((k) => k.change);
}

describe('incremental diagnostics equal fresh ones', () => {
  const text = draft(120_000);

  for (const max of [1000, 40]) {
    test(`max ${max}: typing (prose, 表三 cells, line breaks) and moved line breaks`, () => {
      const next = seededRandom(max);
      const converter = new DiagnosticConverter(uri, docsBase);
      let doc = parseDocument(text);
      let sent = diagnostics(doc, uri, { docsBase, maxDiagnostics: max, converter });
      assert.ok(sent.length === max, `the draft has more findings than ${max}`);
      let reused = 0;
      let compared = 0;
      const script = steps(doc, 60);
      for (let k = 0; k < script.length; k++) {
        // Each typed change is in the coordinates of the text as typed so far; every fifth step a line break moves too.
        const changes: TextChange[] = [script[k]!];
        doc = updateDocument(doc, changes);
        if (k % 5 === 4) {
          const moved = lineBreakMoved(doc.text, next);
          if (moved) {
            doc = updateDocument(doc, [moved]);
            // The typing script's later offsets stay valid: the moved break keeps the length.
          }
        }
        const now = diagnostics(doc, uri, { docsBase, maxDiagnostics: max, converter });
        const fresh = diagnostics(parseDocument(doc.text), uri, { docsBase, maxDiagnostics: max });
        assert.deepEqual(now, fresh, `step ${k}: ${JSON.stringify(changes)}`);
        const before = new Set(sent);
        reused += now.filter((d) => before.has(d)).length;
        compared += now.length;
        sent = now;
      }
      // A keystroke on the keystroke path leaves the diagnostics before it the very same objects (what
      // lets the server tell "unchanged" cheaply); a line break takes the full path, where every finding is new.
      assert.ok(reused > compared * (max === 40 ? 0.5 : 0.25), `${reused} of ${compared} reused`);
    });
  }

  test('a finding seen before whose offsets now sit on another line is converted again', () => {
    // Same length, same offsets; the line break moved one character to the left.
    const [before, after] = [parseDocument('ab\ncd\nef\n'), parseDocument('a\nbcd\nef\n')];
    const finding: Finding = { code: 'prose.sum', severity: 'warning', range: { start: 4, end: 5 }, message: 'm', related: [{ range: { start: 7, end: 8 }, message: 'r' }] };
    const converter = new DiagnosticConverter(uri, docsBase);
    const first = converter.convert(finding, before.lines);
    assert.deepEqual(first.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } });
    assert.equal(converter.convert(finding, before.lines), first, 'reused where nothing moved');
    const second = converter.convert(finding, after.lines);
    assert.deepEqual(second.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
    assert.deepEqual(second.relatedInformation![0]!.location.range, { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } });
    // Only a related place moved (the main range stayed where it was): converted again too.
    const other: Finding = { ...finding, range: { start: 0, end: 1 }, related: [{ range: { start: 8, end: 9 }, message: 'r' }] };
    const [x, y] = [parseDocument('a\nbcd\nef\n'), parseDocument('a\nbcd\ne\nf')];
    const dx = converter.convert(other, x.lines);
    const dy = converter.convert(other, y.lines);
    assert.notEqual(dy, dx);
    assert.deepEqual(dy.range, dx.range);
    assert.deepEqual(dy.relatedInformation![0]!.location.range.start, { line: 3, character: 0 });
  });

  test('a converter for another file or docs base is not used', () => {
    const doc = parseDocument(text);
    const other = new DiagnosticConverter('file:///reports/other.txt', docsBase);
    const first = diagnostics(doc, uri, { docsBase, maxDiagnostics: 40, converter: other });
    assert.deepEqual(first, diagnostics(doc, uri, { docsBase, maxDiagnostics: 40 }));
    assert.ok(first.slice(1).every((d) => !d.relatedInformation || d.relatedInformation.every((r) => r.location.uri === uri)));
  });
});
