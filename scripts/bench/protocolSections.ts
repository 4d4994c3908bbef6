// The items measured over the protocol against dist/server.js: keystroke to
// pulled diagnostics, every answer after a keystroke, and the server's memory
// with 100 reports open.

import { parseDocument } from '../../server/src/core/service';
import type { NamedText } from './inputs';
import { everyAnswerLatencies, keystrokeLatencies, memoryOf, openDocument, pull, startPullServer, stopServer, type KeystrokeTimes, type ServerSession, type Transport } from './protocol';
import type { Table } from './report';
import { median, ms, percentile, sampleCount } from './stats';
import { typingScript } from './typing';

/** Servers still running, so an interrupted run can kill them. */
export const liveServers = new Set<ServerSession>();

async function withServer<T>(use: (session: ServerSession) => Promise<T>, editor = false, transport: Transport = 'ipc'): Promise<T> {
  const session = await startPullServer(editor, transport);
  liveServers.add(session);
  try {
    return await use(session);
  } finally {
    await stopServer(session);
    liveServers.delete(session);
  }
}

const mb = (kb: number): string => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(1)} MB` : 'n/a');

// ---------------------------------------------------------------- 5. keystroke → diagnostics

export interface TypedDocument {
  label: string;
  text: string;
  budgetMs: number;
  /** How the server is spoken to: IPC as VS Code does (the default), or standard streams as most other editors. */
  transport?: Transport;
  /** (13) only: ask for the outline alone after each keystroke, to show what its answer costs by itself. */
  outlineOnly?: boolean;
  /** (13) only: the govReport settings the client answers with (the defaults when absent). */
  settings?: Record<string, unknown>;
}

const TRANSPORT_NAMES: Record<Transport, string> = { ipc: 'IPC (VS Code)', stdio: 'standard streams' };

export interface LatencyResult {
  table: Table;
  /** Median per document, in the order given. */
  medians: number[];
}

export async function keystrokeToDiagnostics(documents: readonly TypedDocument[], keystrokes: number): Promise<LatencyResult> {
  const warmup = 5;
  const results: { doc: TypedDocument; times: KeystrokeTimes; rssKb: number }[] = [];
  await withServer(async (session) => {
    for (const [k, doc] of documents.entries()) {
      const uri = `file:///bench/typing-${k}.txt`;
      await openDocument(session, uri, doc.text);
      // Alternate prose and table typing: a character into a paragraph, a digit of 表三.
      const script = typingScript(parseDocument(doc.text), ['prose', 'cell'], warmup + keystrokes);
      const times = await keystrokeLatencies(session, uri, doc.text, script, warmup, doc.budgetMs);
      results.push({ doc, times, rssKb: memoryOf(session.child.pid!)?.rssKb ?? Number.NaN });
    }
  });
  return {
    medians: results.map((r) => median(r.times.times)),
    table: {
      title: '5. Over the protocol: keystroke to pulled diagnostics',
      notes: [
        '`node dist/server.js --node-ipc` (as VS Code starts it), a pull client. Per keystroke: an incremental didChange (one character), then textDocument/diagnostic sent at once (with the previous resultId, as VS Code does); the time runs from sending didChange to receiving the report.',
        `Keystrokes alternate between a character inserted into prose and a digit of a 表三 cell, at places spread over the document; ${warmup} untimed keystrokes first.`,
      ],
      head: ['Document', 'Chars', 'Median', 'p95', 'Max', 'Diagnostics', 'Server RSS after', 'Keystrokes'],
      rows: results.map(({ doc, times, rssKb }) => [doc.label, String(doc.text.length), ms(median(times.times)), ms(percentile(times.times, 95)), ms(Math.max(...times.times)), String(times.lastItems), mb(rssKb), sampleCount(times)]),
    },
  };
}

// ---------------------------------------------------------------- 13. every answer after a keystroke (issue 14)

export interface EveryAnswerResult {
  table: Table;
  /** Median and p95 per document, in the order given. */
  medians: number[];
  p95s: number[];
}

/**
 * After each keystroke, the four answers VS Code asks for together: the
 * diagnostics pull, documentSymbol, foldingRange and codeAction at the cursor.
 */
export async function everyAnswerAfterKeystroke(documents: readonly TypedDocument[], keystrokes: number): Promise<EveryAnswerResult> {
  const warmup = 5;
  const results: { doc: TypedDocument; times: Awaited<ReturnType<typeof everyAnswerLatencies>> }[] = [];
  // A server per document: each is spoken to over its own transport.
  for (const [k, doc] of documents.entries()) {
    await withServer(async (session) => {
      const uri = `file:///bench/every-answer-${k}.txt`;
      session.config = doc.settings ?? {};
      await openDocument(session, uri, doc.text);
      const script = typingScript(parseDocument(doc.text), ['prose', 'cell'], warmup + keystrokes);
      results.push({ doc, times: await everyAnswerLatencies(session, uri, doc.text, script, warmup, doc.budgetMs, doc.outlineOnly) });
    }, true, doc.transport);
  }
  return {
    medians: results.map((r) => median(r.times.times)),
    p95s: results.map((r) => percentile(r.times.times, 95)),
    table: {
      title: '13. Over the protocol: every answer after a keystroke',
      notes: [
        '`node dist/server.js --node-ipc`, as VS Code starts it (a row says where standard streams were used, as most other editors do), with the client capabilities VS Code has (hierarchical symbols, folding within 5,000 ranges, code actions resolved when chosen). Per keystroke: an incremental didChange, then at once the diagnostics pull (with the previous resultId), textDocument/documentSymbol, textDocument/foldingRange and textDocument/codeAction at the cursor (with the diagnostics on its line from the last full report); the time runs from sending didChange to the last of the four answers.',
        `Keystrokes as in (5): a character into prose and a digit of a 表三 cell in turn; ${warmup} untimed keystrokes first. The generated report is (2): its added paragraphs are sub-items （1）…（9） whose numbering restarts, as real sections do.`,
        'A row marked "outline alone" sends only didChange and textDocument/documentSymbol: what the outline\'s answer (a symbol for each sub-item listed, as JSON through the channel) costs by itself. The outline lists at most 1,000 sub-items by default (`govReport.outline.maxSubItems`); the last row raises the bound above the generated report\'s 8,600, to show what the outline of every one of them costs each keystroke.',
      ],
      head: ['Document', 'Transport', 'Chars', 'Median', 'p95', 'Max', 'Diagnostics', 'Symbols (top level)', 'Folding ranges', 'Code actions', 'Keystrokes'],
      rows: results.map(({ doc, times }) => [
        doc.outlineOnly ? `${doc.label}, outline alone` : doc.label,
        TRANSPORT_NAMES[doc.transport ?? 'ipc'],
        String(doc.text.length),
        ms(median(times.times)),
        ms(percentile(times.times, 95)),
        ms(Math.max(...times.times)),
        doc.outlineOnly ? '—' : String(times.last.diagnostics),
        String(times.last.symbols),
        doc.outlineOnly ? '—' : String(times.last.folding),
        doc.outlineOnly ? '—' : String(times.last.actions),
        sampleCount(times),
      ]),
    },
  };
}

// ---------------------------------------------------------------- 6. memory

export interface MemoryResult {
  table: Table;
  rssMb: number;
}

export async function serverMemory(seedTexts: readonly NamedText[], copies: number): Promise<MemoryResult> {
  return withServer(async (session) => {
    const pid = session.child.pid!;
    const before = memoryOf(pid);
    let chars = 0;
    let items = 0;
    for (let k = 0; k < copies; k++) {
      const seed = seedTexts[k % seedTexts.length]!;
      const uri = `file:///bench/copies/${k}-${encodeURIComponent(seed.name)}`;
      await openDocument(session, uri, seed.text);
      const report = await pull(session, uri);
      if (report.kind === 'full') items += report.items.length;
      chars += seed.text.length;
    }
    const after = memoryOf(pid);
    return {
      rssMb: (after?.rssKb ?? Number.NaN) / 1024,
      table: {
        title: `6. Server memory with ${copies} seed-size reports open`,
        notes: [`A fresh server; ${copies} copies of the seeds (distinct uris, ${chars} chars in all) opened, diagnostics pulled for each (${items} in all). VmRSS / VmHWM from /proc/<pid>/status.`],
        head: ['When', 'RSS (VmRSS)', 'Peak (VmHWM)'],
        rows: [
          ['after initialize', mb(before?.rssKb ?? Number.NaN), mb(before?.peakKb ?? Number.NaN)],
          [`after ${copies} opened and pulled`, mb(after?.rssKb ?? Number.NaN), mb(after?.peakKb ?? Number.NaN)],
        ],
      },
    };
  });
}

// ---------------------------------------------------------------- 8. many findings (issue 19)

export interface ManyFindingsCase {
  label: string;
  text: string;
  budgetMs: number;
}

export interface ManyFindingsResult {
  table: Table;
  /** Keystroke → diagnostics median per case, in the order given. */
  medians: number[];
  /** Open → first diagnostics per case. */
  opens: number[];
  /** UTF-8 bytes of one full pulled report per case (the last keystroke's). */
  bytes: number[];
}

/**
 * A long messy draft (thousands of findings) beside the same report without
 * them: open → first pulled report, keystroke → report, and the size of a
 * pull on the wire (what VS Code then converts).
 */
export async function manyFindings(cases: readonly ManyFindingsCase[], keystrokes: number): Promise<ManyFindingsResult> {
  const warmup = 5;
  const rows: string[][] = [];
  const medians: number[] = [];
  const opens: number[] = [];
  const bytes: number[] = [];
  for (const [k, c] of cases.entries()) {
    // A fresh server per case: opening is measured cold, as when VS Code opens the file.
    await withServer(async (session) => {
      const uri = `file:///bench/many-findings-${k}.txt`;
      const t0 = performance.now();
      await openDocument(session, uri, c.text);
      const first = await pull(session, uri);
      const open = performance.now() - t0;
      const script = typingScript(parseDocument(c.text), ['prose', 'cell'], warmup + keystrokes);
      const times = await keystrokeLatencies(session, uri, c.text, script, warmup, c.budgetMs);
      const size = Buffer.byteLength(JSON.stringify(times.lastReport ?? first));
      const items = first.kind === 'full' ? first.items.length : 0;
      medians.push(median(times.times));
      opens.push(open);
      bytes.push(size);
      rows.push([c.label, String(c.text.length), String(items), ms(open), ms(median(times.times)), ms(percentile(times.times, 95)), `${(size / 1024).toFixed(0)} KiB`, items ? `${Math.round(size / items)} B` : 'n/a', sampleCount(times)]);
    });
  }
  return {
    medians,
    opens,
    bytes,
    table: {
      title: '8. Many findings: a long draft where every paragraph’s sum is off',
      notes: [
        'The generated report of (2) with every added paragraph’s stated total one more than its parts (`generateLargeReport(1_000_000, { wrongSums: true })`), beside (2) itself. A fresh `node dist/server.js --node-ipc` (as VS Code starts it) per document: "Open" is didOpen to the first pulled report; then keystrokes as in (5).',
        '"Diagnostics" is what one pull carries: at most 1,000 a file (errors first, then warnings, then information; the first one says how many more there are, by rule). "Bytes a pull" is the JSON of the last full report, as sent.',
      ],
      head: ['Document', 'Chars', 'Diagnostics', 'Open', 'Keystroke median', 'p95', 'Bytes a pull', 'A diagnostic', 'Keystrokes'],
      rows,
    },
  };
}
