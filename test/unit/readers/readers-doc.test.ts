// The Word 97–2003 reader (.doc) on files LibreOffice writes (the blank 2021
// template and a report typed into it, saved as .doc: test/corpus/libreoffice.ts),
// on a reviewer's tracked changes (Word's w:del / w:ins, saved as .doc by LibreOffice),
// on those files damaged (chains that loop, an old Word 6/95 header, bytes
// overwritten at random: a problem each, never a hang or a crash), and on a
// piece table written by hand for what LibreOffice never writes (8-bit pieces).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_LIMITS, type Block } from '../../../server/src/core/readers/blocks';
import { ListNumbering } from '../../../server/src/core/readers/doc/lists';
import { readWord97 } from '../../../server/src/core/readers/doc/word97';
import { readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { converted } from '../../corpus/libreoffice';
import { docx, p } from '../../helpers/docx';
import { sharedDir } from '../../helpers/fixtures';
import { seededRandom } from '../../helpers/random';
import { wordFigures, wordReport, withTrackedFigures } from '../../helpers/word-report';
import { CHINESE_LIST, num, STYLES } from '../../helpers/word-numbering';

const template = () => new Uint8Array(readFileSync(path.join(sharedDir('raw'), '政务公开年报模版_2021.docx')));

async function textOf(bytes: Uint8Array): Promise<string> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)?.slice(0, 300)}`);
  return outcome.rendition.text;
}

async function problemOf(bytes: Uint8Array, limits = DEFAULT_LIMITS) {
  const outcome = await readOriginal(bytes, limits);
  assert.ok(outcome && !outcome.ok, `expected a problem: ${JSON.stringify(outcome)?.slice(0, 300)}`);
  return outcome.problem;
}

describe('.doc reader: files LibreOffice saves as Word 97–2003', () => {
  it('the blank 2021 template reads exactly as the .docx it was saved from (merged header cells on the grid)', async () => {
    const docx = template();
    assert.equal(await textOf(converted(docx, 'doc')), await textOf(docx));
  });

  it('a report typed into the template: the same text and findings as its .docx', async () => {
    const docx = wordReport(wordFigures());
    const [fromDoc, fromDocx] = [await textOf(converted(docx, 'doc')), await textOf(docx)];
    assert.equal(fromDoc, fromDocx);
    // Its two wrong totals (表三 （七）总计, 表四 行政复议), found in the .doc.
    const errors = check(parseDocument(fromDoc)).filter((f) => f.severity === 'error');
    assert.equal(errors.length, 2, errors.map((f) => f.message).join('\n'));
  });
});

describe('.doc reader: a reviewer\'s tracked changes and hidden text', () => {
  // The Word report's two wrong totals corrected with Track Changes on (表三 （七）总计 11 → 10, 表四 行政复议 5 → 4),
  // and a hidden 9 in front of 表四's first figure: the report as it stands, before the changes are accepted, is right.
  const reviewed = withTrackedFigures(wordReport(wordFigures()), [{ table: 1, was: '11', now: '10', last: true }, { table: 2, was: '5', now: '4' }], { table: 2, before: '2', text: '9' });
  const accepted = wordReport(wordFigures({ clean: true }));

  it('saved as .doc by LibreOffice, it reads as the report with its changes accepted: no finding', async () => {
    const fromDoc = await textOf(converted(reviewed, 'doc'));
    assert.equal(fromDoc, await textOf(accepted));
    assert.deepEqual(check(parseDocument(fromDoc)).map((f) => `${f.code}: ${f.message}`), []);
  });

  it('the .docx it was saved from reads so too', async () => {
    assert.equal(await textOf(reviewed), await textOf(accepted));
  });
});

describe('.doc reader: the numbers Word generates in front of list paragraphs', () => {
  const paragraphsOf = async (bytes: Uint8Array) => (await textOf(bytes)).split('\n').filter((l) => l.trim());

  it('一、 （一） 1. on three levels, deeper levels restarting, a bullet list without, a list started at 五: as the .docx reads them', async () => {
    const body = [
      p('总体情况', num(1, 0)), p('主动公开', num(1, 1)), p('依申请公开', num(1, 1)), p('第一点', num(1, 2)), p('第二点', num(1, 2)),
      p('要点', num(2, 0)), p('主动公开政府信息情况', num(1, 0)), p('重新编号', num(1, 1)), p('不编号', num(0, 0)), p('第五部分', num(3, 0)),
    ].join('');
    const word = docx(body, { numbering: CHINESE_LIST });
    const expected = ['一、总体情况', '（一）主动公开', '（二）依申请公开', '1. 第一点', '2. 第二点', '要点', '二、主动公开政府信息情况', '（一）重新编号', '不编号', '五、第五部分'];
    assert.deepEqual(await paragraphsOf(word), expected);
    assert.deepEqual(await paragraphsOf(converted(word, 'doc')), expected);
  });

  it('paragraphs numbered through their style', async () => {
    const body = [p('总体情况', '<w:pStyle w:val="Heading1"/>'), p('主动公开', '<w:pStyle w:val="Part"/>'), p('甲项', '<w:pStyle w:val="Stem"/>'), p('乙项', '<w:pStyle w:val="Stem"/>')].join('');
    assert.deepEqual(await paragraphsOf(converted(docx(body, { numbering: CHINESE_LIST, styles: STYLES }), 'doc')), ['一、总体情况', '二、主动公开', '甲. 甲项', '乙. 乙项']);
  });

  it('list tables that cannot be read: the text without its numbers, not a broken file', () => {
    const garbage = new Uint8Array(64).fill(0x7f);
    const numbering = ListNumbering.read(garbage, 10, 40, 30, 200);
    assert.equal(numbering.next(1, 0), '');
  });

  it('a report whose part headings are generated numbers is read with its six parts, none “without its number”', async () => {
    const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
    const body = p('某区人民政府2023年政府信息公开工作年度报告') + titles.map((t) => p(t, num(1, 0)) + p('（文字描述）')).join('');
    const doc = parseDocument(await textOf(converted(docx(body, { numbering: CHINESE_LIST }), 'doc')));
    assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(check(doc).filter((f) => f.code === 'section.numbering'), []);
  });
});

/** The sector of an OLE file's FAT that holds entry `n`, and the entry's byte offset. */
function fatEntry(bytes: Uint8Array, n: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fatSector = view.getUint32(76 + 4 * Math.floor(n / 128), true);
  return (fatSector + 1) * 512 + 4 * (n % 128);
}

/** The start sector of a directory entry named `name` (a scan of the directory's 128-byte records). */
function streamStart(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = Buffer.from(name, 'utf16le');
  for (let at = 512; at + 128 <= bytes.byteLength; at += 128) {
    if (Buffer.from(bytes.subarray(at, at + utf16.length)).equals(utf16) && view.getUint16(at + 64, true) === utf16.length + 2) return view.getUint32(at + 116, true);
  }
  throw new Error(`no ${name}`);
}

describe('.doc reader: damaged files, a problem each and never a hang', () => {
  const saved = () => converted(template(), 'doc');

  it('a sector chain that loops back (to itself, or two sectors to each other): broken', async () => {
    for (const twoSectors of [false, true]) {
      const bytes = saved().slice();
      const start = streamStart(bytes, 'WordDocument');
      const view = new DataView(bytes.buffer);
      const next = view.getUint32(fatEntry(bytes, start), true);
      view.setUint32(fatEntry(bytes, twoSectors ? next : start), start, true);
      const started = performance.now();
      assert.equal((await problemOf(bytes)).kind, 'broken');
      assert.ok(performance.now() - started < 2000);
    }
  });

  it('a DIFAT chain that loops: broken', async () => {
    const bytes = saved().slice();
    const view = new DataView(bytes.buffer);
    const last = bytes.byteLength / 512 - 2;
    view.setUint32(68, last, true);
    view.setUint32((last + 1) * 512 + 508, last, true);
    assert.equal((await problemOf(bytes)).kind, 'broken');
  });

  it('a Word 6/95 file information block: unsupported (save it as .docx)', async () => {
    const bytes = saved().slice();
    const fib = (streamStart(bytes, 'WordDocument') + 1) * 512;
    new DataView(bytes.buffer).setUint16(fib + 2, 0x65, true);
    assert.equal((await problemOf(bytes)).kind, 'unsupported');
  });

  it('over the bounds: too large', async () => {
    assert.equal((await problemOf(saved(), { ...DEFAULT_LIMITS, maxUnpackedBytes: 2000 })).kind, 'too-large');
    assert.equal((await problemOf(saved(), { ...DEFAULT_LIMITS, maxTextChars: 100 })).kind, 'too-large');
  });

  it('400 copies with bytes overwritten at random: each read or a problem, none thrown, none slow', async () => {
    const original = saved();
    const random = seededRandom(20261203);
    const kinds = new Map<string, number>();
    const started = performance.now();
    for (let k = 0; k < 400; k++) {
      const bytes = original.slice();
      const count = 1 + Math.floor(random() * 24);
      for (let i = 0; i < count; i++) bytes[Math.floor(random() * bytes.byteLength)] = Math.floor(random() * 256);
      const outcome = await readOriginal(bytes);
      const kind = !outcome ? 'not an original' : outcome.ok ? 'read' : outcome.problem.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (outcome?.ok) check(parseDocument(outcome.rendition.text));
    }
    assert.ok(performance.now() - started < 60_000);
    assert.ok((kinds.get('read') ?? 0) > 0 && (kinds.get('broken') ?? 0) > 0, JSON.stringify([...kinds]));
  });
});

/** A WordDocument stream and a 1Table stream holding the given pieces of text (8-bit ones as Word writes ASCII). */
function word97(pieces: readonly { text: string; compressed: boolean }[]): { word: Uint8Array; tables: Map<string, Uint8Array> } {
  const total = pieces.reduce((n, p) => n + p.text.length, 0);
  const word = new Uint8Array(Math.max(4096, 2048 + 2 * total));
  const view = new DataView(word.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, 0xc1, true);
  view.setUint16(10, 0x0200, true); // the table stream is 1Table
  view.setUint16(32, 14, true); // csw
  view.setUint16(62, 22, true); // cslw
  view.setInt32(64 + 12, total, true); // ccpText
  view.setUint16(152, 93, true); // cbRgFcLcb
  const n = pieces.length;
  const table = new Uint8Array(64 + 12 * n);
  const tv = new DataView(table.buffer);
  const lcb = 4 * (n + 1) + 8 * n;
  table[0] = 0x02;
  tv.setUint32(1, lcb, true);
  let cp = 0;
  let fc = 2048;
  pieces.forEach((p, k) => {
    tv.setUint32(5 + 4 * k, cp, true);
    const pcd = 5 + 4 * (n + 1) + 8 * k;
    if (p.compressed) {
      tv.setUint32(pcd + 2, (fc * 2) | 0x40000000, true);
      word.set(Buffer.from(p.text, 'latin1'), fc);
      fc += p.text.length;
    } else {
      tv.setUint32(pcd + 2, fc, true);
      word.set(Buffer.from(p.text, 'utf16le'), fc);
      fc += 2 * p.text.length;
    }
    cp += p.text.length;
  });
  tv.setUint32(5 + 4 * n, cp, true);
  const papxAt = 5 + lcb;
  view.setUint32(154 + 33 * 8, 0, true); // fcClx
  view.setUint32(154 + 33 * 8 + 4, lcb + 5, true);
  view.setUint32(154 + 13 * 8, papxAt, true); // fcPlcfBtePapx: one FC, no pages
  view.setUint32(154 + 13 * 8 + 4, 4, true);
  return { word, tables: new Map([['1Table', table]]) };
}

describe('.doc reader: the piece table', () => {
  const texts = (blocks: readonly Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.text : '(table)'));

  it('8-bit pieces (Windows-1252, as Word writes plain ASCII runs) and 16-bit ones, in CP order', () => {
    const { word, tables } = word97([
      { text: '一、总体情况\r2023年', compressed: false },
      { text: ', 12 \x93notices\x94\r', compressed: true },
      { text: '二、主动公开\r', compressed: false },
    ]);
    assert.deepEqual(texts(readWord97(word, tables, DEFAULT_LIMITS)), ['一、总体情况', '2023年, 12 “notices”', '二、主动公开']);
  });

  it('a field shows its result, not its code; tabs are spaces, marks and objects dropped', () => {
    const { word, tables } = word97([{ text: '第\x13 PAGE \x143\x15页\t共\x01 5 页\r', compressed: false }]);
    assert.deepEqual(texts(readWord97(word, tables, DEFAULT_LIMITS)), ['第3页 共 5 页']);
  });

  it('100,000 fields never closed, then 100,000 characters (a hostile file): read in linear time', () => {
    // Each field's result has begun (0x13 0x14), so what follows is shown; a walk of the open fields per character took minutes.
    const { word, tables } = word97([{ text: `${'\x13\x14'.repeat(100_000)}${'字'.repeat(100_000)}\r`, compressed: false }]);
    const started = performance.now();
    assert.deepEqual(texts(readWord97(word, tables, DEFAULT_LIMITS)), ['字'.repeat(100_000)]);
    assert.ok(performance.now() - started < 2000);
  });
});
