// Measures the Word reader on hostile archives at the default bounds: the
// time to a clear problem and the memory it takes (ROBUSTNESS.md quotes these).
// Run: node --import tsx scripts/docx-bombs.ts

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { DEFAULT_LIMITS } from '../server/src/core/readers/blocks';
import { readOriginal } from '../server/src/core/readers/original';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A zip of one document.xml streamed from `chunks` pieces of `piece` (never held whole). */
function streamedZip(head: string, piece: string, chunks: number, tail: string): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.push(data);
  });
  const file = new ZipDeflate('word/document.xml', { level: 6 });
  zip.add(file);
  file.push(strToU8(head));
  const block = strToU8(piece);
  for (let k = 0; k < chunks; k++) file.push(block);
  file.push(strToU8(tail), true);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of out) bytes.set(c, at), (at += c.byteLength);
  return bytes;
}

/** The first entry's declared unpacked size rewritten in its local header and the central directory. */
function declaring(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  // A streamed entry keeps its sizes in a data descriptor: clear that flag so the local header's size is read.
  view.setUint16(6, view.getUint16(6, true) & ~0x8, true);
  view.setUint32(22, size, true);
  for (let at = out.byteLength - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      const entry = view.getUint32(at + 16, true);
      view.setUint32(18, view.getUint32(entry + 20, true), true); // the compressed size, from the central directory
      view.setUint32(entry + 24, size, true);
      break;
    }
  }
  return out;
}

async function measure(name: string, bytes: Uint8Array): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage();
  const start = performance.now();
  const outcome = await readOriginal(bytes, DEFAULT_LIMITS);
  const ms = performance.now() - start;
  const after = process.memoryUsage();
  const what = !outcome ? 'text' : outcome.ok ? `ok, ${outcome.rendition.text.length} chars` : `${outcome.problem.kind}: ${outcome.problem.detail ?? ''}`;
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  console.log(`| ${name} | ${mb(bytes.byteLength)} (${bytes.byteLength} B) | ${ms.toFixed(0)} ms | +${mb(Math.max(0, after.rss - before.rss))} RSS | ${what} |`);
}

async function main(): Promise<void> {
  console.log('| input | file | time | memory | outcome |\n|---|---|---|---|---|');
  const template = readFileSync(path.resolve(__dirname, '..', '..', 'shared', 'raw', '政务公开年报模版_2021.docx'));
  await measure('the blank 2021 template', new Uint8Array(template));
  const para = '<w:p><w:r><w:t>（一）主动公开政府信息情况，本年新收申请12件。</w:t></w:r></w:p>';
  await measure('a 20,000-paragraph report', zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${para.repeat(20_000)}</w:body></w:document>`) }));
  const head = `<w:document ${W}><w:body><w:p><w:r><w:t>`;
  const tail = '</w:t></w:r></w:p></w:body></w:document>';
  const spaces = ' '.repeat(1 << 20);
  const gb = streamedZip(head, spaces, 1024, tail);
  await measure('1 GB of text, sizes honest', gb);
  await measure('1 GB of text, declared 1 KB', declaring(gb, 1024));
  await measure('declares 4 GB', declaring(zipSync({ 'word/document.xml': strToU8(`<w:document ${W}/>`) }), 0xfffffff0));
  const many: Record<string, Uint8Array> = {};
  for (let k = 0; k < 60_000; k++) many[`word/media/e${k}.xml`] = new Uint8Array(0);
  await measure('60,000 entries', zipSync(many));
  const depth = 1_000_000;
  await measure('XML nested 1,000,000 deep', zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(depth)}`) }));
  const cell = '<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p/></w:tc>';
  await measure('100,000 cells spanning 64+ columns', zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:tbl>${`<w:tr>${cell.repeat(100)}</w:tr>`.repeat(1000)}</w:tbl></w:body></w:document>`) }));
}

void main();
