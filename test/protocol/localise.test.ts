// Issue 18 through the built server (dist/server.js --stdio), as a writer meets
// it: one mistyped number in a report, in each of the five text layouts, is one
// error at that number, its figures at the start of the message, and the
// preferred quick fix writes back exactly what was there. Two independent
// mistakes are two errors at the two numbers; a mistake no single cell explains
// keeps one error per broken sum, at its total. A table that lost a column is
// one table.shape warning and no error.
// Run: npm run build && node --import tsx --test test/protocol/localise.test.ts

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type MarkupContent,
  type Position,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ALL_LAYOUTS, buildReport, validT3, validT4, type ReportData } from '../helpers/build-report';
import { PULL_CLIENT, startServer, stopServer, within, type ServerSession } from './lspHarness';

let session: ServerSession;
let opened = 0;
before(async () => {
  session = startServer();
  await within(session.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: PULL_CLIENT, workspaceFolders: null }), 'initialize');
  await session.connection.sendNotification(InitializedNotification.type, {});
});
after(() => stopServer(session));

async function diagnose(text: string): Promise<{ uri: string; items: Diagnostic[] }> {
  const uri = `untitled:localise-${++opened}`;
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 1, text } });
  const report = (await within(session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 'diagnostic')) as FullDocumentDiagnosticReport;
  return { uri, items: report.items };
}

function offsetAt(text: string, p: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

const textAt = (text: string, d: Diagnostic) => text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
const errorsOf = (items: Diagnostic[]) => items.filter((d) => d.severity === 1);
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

/** The preferred quick fix of a diagnostic applied to the text. */
async function preferredFix(uri: string, text: string, d: Diagnostic): Promise<string> {
  const actions = (await within(session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }), 'codeAction')) as CodeAction[];
  const preferred = actions.filter((a) => a.isPreferred && a.diagnostics?.some((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character));
  assert.equal(preferred.length, 1, `one preferred fix: ${JSON.stringify(actions.map((a) => a.title))}`);
  const edits = (preferred[0]!.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
  let out = text;
  for (const e of [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start))) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

interface Mistake {
  what: string;
  /** The report's data with the one number changed. */
  data: ReportData;
  written: string;
  right: string;
}

const t3With = (row: string, column: number, value: number): ReportData => ({ t3: { ...validT3(), [row]: validT3()[row]!.map((v, c) => (c === column ? value : v)) } });
const t4With = (k: number, value: number): ReportData => ({ t4: validT4().map((v, i) => (i === k ? value : v)) });

const MISTAKES: Mistake[] = [
  { what: '表三 a part cell of a row ((一)予以公开 · 自然人)', data: t3With('public', 0, 5), written: '5', right: '2' },
  { what: '表三 a row total ((一)予以公开 · 总计)', data: t3With('public', 6, 7), written: '7', right: '2' },
  { what: '表三 a column total ((七)总计 · 自然人)', data: t3With('total', 0, 8), written: '8', right: '4' },
  { what: '表三 上年结转 (二 · 自然人)', data: t3With('carried', 0, 3), written: '3', right: '1' },
  { what: '表三 结转下年度 (四 · 自然人)', data: t3With('forward', 0, 6), written: '6', right: '1' },
  { what: '表四 a total (行政复议 · 总计)', data: t4With(4, 0), written: '0', right: '2' },
];

/** The message starts with the figures: "5 应为 2：" or "实为 0，应为 2：", within its first 24 characters. */
function assertFiguresFirst(message: string, written: string, right: string): void {
  const head = message.slice(0, 24);
  assert.ok(head.startsWith(`${written} 应为 ${right}：`) || head.startsWith(`实为 ${written}，应为 ${right}：`), message);
}

describe('one mistyped number: one error, at it, figures first, the preferred fix writes back the original', () => {
  for (const layout of ALL_LAYOUTS) {
    for (const m of MISTAKES) {
      test(`${layout}: ${m.what}`, async () => {
        const original = buildReport({ layout });
        assert.deepEqual(errorsOf((await diagnose(original)).items), [], 'the report without the mistake has no error');
        const text = buildReport({ layout, ...m.data });
        const { uri, items } = await diagnose(text);
        const errors = errorsOf(items);
        assert.equal(errors.length, 1, JSON.stringify(errors.map(messageOf)));
        const error = errors[0]!;
        assert.equal(textAt(text, error), m.written);
        // At the changed number: the first place the two texts differ.
        let differs = 0;
        while (text[differs] === original[differs]) differs++;
        assert.equal(offsetAt(text, error.range.start), differs);
        assertFiguresFirst(messageOf(error), m.written, m.right);
        assert.equal(await preferredFix(uri, text, error), original);
      });
    }
  }
});

describe('several mistakes', () => {
  for (const layout of ALL_LAYOUTS) {
    test(`${layout}: two independent mistakes (表三 and 表四) are two errors at the two numbers`, async () => {
      const t3 = t3With('public', 0, 5).t3!;
      const text = buildReport({ layout, t3, t4: t4With(4, 0).t4! });
      const { items } = await diagnose(text);
      const errors = errorsOf(items);
      assert.deepEqual(errors.map((e) => textAt(text, e)), ['5', '0']);
      assertFiguresFirst(messageOf(errors[0]!), '5', '2');
      assertFiguresFirst(messageOf(errors[1]!), '0', '2');
    });
    test(`${layout}: two mistakes in 表三 whose sums cross are two errors at the two numbers, each with its fix`, async () => {
      const original = buildReport({ layout });
      const text = buildReport({ layout, t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 2], partial: [1, 0, 0, 0, 0, 0, 3] } });
      const { uri, items } = await diagnose(text);
      const errors = errorsOf(items);
      assert.deepEqual(errors.map((e) => textAt(text, e)), ['3', '3']);
      assertFiguresFirst(messageOf(errors[0]!), '3', '2');
      assertFiguresFirst(messageOf(errors[1]!), '3', '1');
      const once = await preferredFix(uri, text, errors[1]!);
      const { uri: again, items: left } = await diagnose(once);
      assert.equal(await preferredFix(again, once, errorsOf(left)[0]!), original);
    });
    test(`${layout}: two numbers off in one row, which no single cell explains, are one error per broken sum at its total`, async () => {
      const text = buildReport({ layout, t3: { ...validT3(), public: [3, 1, 0, 0, 0, 0, 2] } });
      const { items } = await diagnose(text);
      const errors = errorsOf(items);
      // The row (3 + 1 ≠ 2) and the columns 自然人 and 商业企业, each at its total, with no fix. Each total agrees with the
      // sums that hold (the 总计 column, the （七）总计 row, the balance): no "应为" of it, the parts are to be checked.
      assert.deepEqual(errors.map((e) => [e.code, textAt(text, e)]), [['sum.row', '2'], ['sum.column', '4'], ['sum.column', '1']]);
      for (const e of errors) assert.match(messageOf(e), /^各项之和 \d+，总计 \d+：.*总计与其他勾稽关系相符/);
    });
  }
});

describe('the breakdown the message leaves out is in the hover on the total', () => {
  test('a broken column: the message states the figures, the hover every non-zero part', async () => {
    const text = buildReport({ t3: { ...validT3(), public: [3, 0, 0, 0, 0, 0, 3] } });
    const { uri, items } = await diagnose(text);
    const column = errorsOf(items).find((d) => d.code === 'sum.column' && textAt(text, d) === '4')!;
    // （七）总计 4 agrees with its row and the balance (予以公开's row and total were both written one over).
    assert.equal(messageOf(column), '各项之和 5，总计 4：“自然人”列的（七）总计不成立；总计与其他勾稽关系相符（改动它会使别的勾稽关系不成立），应核对各项');
    const hover = await within(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: column.range.start }), 'hover');
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /（七）总计 4 ≠ （一）予以公开 3 \+ （二）部分公开 1 \+ 1\.本机关不掌握相关政府信息 1（其余为 0） = 5/);
  });
});

describe('a table that lost a column: one table.shape warning, no error', () => {
  /** The tab-grid text with the `column`th value dropped from each row of values that has `width` of them. */
  function dropColumn(text: string, width: number, column: number): string {
    return text.split('\n').map((line) => {
      const cells = line.split('\t');
      const values = cells.filter((c) => /^\d+(\.\d+)?$/.test(c)).length;
      if (values !== width || cells.length !== width + 1) return line;
      return [...cells.slice(0, column + 1), ...cells.slice(column + 2)].join('\t');
    }).join('\n');
  }
  const cases: [string, (text: string) => string][] = [
    ['表二 (its 本年废止件数)', (t) => dropColumn(t, 3, 1)],
    ['表三 (its 商业企业)', (t) => dropColumn(t, 7, 1)],
    ['表四 (its first 结果纠正)', (t) => t.replace(/^1\t0\t1\t0\t2\t/m, '1\t1\t0\t2\t')],
  ];
  for (const [what, lose] of cases) {
    test(what, async () => {
      const original = buildReport();
      const text = lose(original);
      assert.notEqual(text, original);
      const { items } = await diagnose(text);
      assert.deepEqual(errorsOf(items), []);
      assert.equal(items.filter((d) => d.code === 'table.shape').length, 1, JSON.stringify(items.map((d) => [d.code, d.message])));
    });
  }
});
