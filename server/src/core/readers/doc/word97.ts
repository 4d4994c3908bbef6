// The text of a Word 97–2003 binary document ([MS-DOC]) as paragraphs and
// table grids. The main text is read through the piece table (the CLX), so
// fast-saved files read right; paragraph properties come from the PAPX pages,
// which is what tells a table's cells apart: a cell and a row both end with
// the mark 0x07, and only the row's end paragraph has fTtp. The row's
// sprmTDefTable gives each cell's left and right edge, so cells merged across
// columns are placed on the table's grid as the Word reader places them (a
// merged cell's text in its first position, the rest empty). Fields show their
// result, not their code; the numbers Word generates for list paragraphs are
// written in front of them (doc/lists.ts). Text the character properties (the
// CHPX pages) mark deleted with its changes tracked, or hidden, is left out,
// as the .docx reader leaves out w:del and w:vanish: a reviewer's tracked
// edit of a figure (11 struck out, 10 put in) reads 10, not 1110. Not read: numbering a paragraph
// takes from its style alone, text boxes, headers, footnotes.

import iconv from 'iconv-lite';
import { gridTable, type Block, type ReaderLimits } from '../blocks';
import { ListNumbering } from './lists';
import { layOutByEdges, MAX_CELLS } from '../cell-edges';
import { IMAGE_TEXT } from '../../text/images';

export class WordFormatError extends Error {}
export class WordTooMuchText extends Error {}
/** A Word 6/95 file: another binary format, asked to be saved as .docx. */
export class WordVersionUnsupported extends Error {}

const WORD97_FIB = 0xa5ec;
/** nFib of Word 97 and later; Word 6 and 95 wrote another format. */
const MIN_NFIB = 0xc1;
const PAGE = 512;

const SPRM_IN_TABLE = 0x2416;
const SPRM_LIST_INSTANCE = 0x460b;
const SPRM_LIST_LEVEL = 0x260a;
const SPRM_TTP = 0x2417;
const SPRM_TABLE_DEFINITION = 0xd608;
const SPRM_CHANGE_TABS = 0xc615;
/** Character properties: text deleted with its changes tracked (sprmCFRMarkDel), hidden text (sprmCFVanish). */
const SPRM_TRACKED_DELETION = 0x0800;
const SPRM_HIDDEN = 0x083c;
/** The paragraph's properties are too many for its page: they are in the Data stream, at the operand's offset. */
const SPRM_HUGE_PAPX = 0x6646;


interface ParagraphProps {
  readonly inTable: boolean;
  readonly ttp: boolean;
  /** The list instance (1-based; 0: none) and level of a numbered paragraph. */
  readonly ilfo?: number;
  readonly ilvl?: number;
  /** The row's cell edges (twips), from the end-of-row paragraph's sprmTDefTable. */
  readonly edges?: readonly number[];
}

interface Run extends ParagraphProps {
  readonly start: number;
  readonly end: number;
}

const PLAIN: ParagraphProps = { inTable: false, ttp: false };

export function readWord97(word: Uint8Array, tables: ReadonlyMap<string, Uint8Array>, limits: ReaderLimits): Block[] {
  const fib = readFib(word);
  const table = tables.get(fib.tableStream);
  if (!table) throw new WordFormatError(`no ${fib.tableStream} stream`);
  if (fib.ccpText > limits.maxTextChars) throw new WordTooMuchText(`${fib.ccpText} characters of text > ${limits.maxTextChars}`);
  const { codes, fcs } = mainText(word, table, fib);
  const runs = paragraphRuns(word, table, fib, tables.get('Data'));
  const numbering = ListNumbering.read(table, fib.fcPlfLst, fib.lcbPlfLst, fib.fcPlfLfo, fib.lcbPlfLfo);
  return new BlockWriter(codes, fcs, runs, numbering, unshownRuns(word, table, fib)).blocks();
}

interface Fib {
  readonly tableStream: '0Table' | '1Table';
  readonly ccpText: number;
  readonly fcClx: number;
  readonly lcbClx: number;
  readonly fcPlcfBtePapx: number;
  readonly lcbPlcfBtePapx: number;
  readonly fcPlcfBteChpx: number;
  readonly lcbPlcfBteChpx: number;
  readonly fcPlfLst: number;
  readonly lcbPlfLst: number;
  readonly fcPlfLfo: number;
  readonly lcbPlfLfo: number;
}

function readFib(word: Uint8Array): Fib {
  const view = viewOf(word);
  if (word.byteLength < 1024 || view.getUint16(0, true) !== WORD97_FIB) throw new WordFormatError('no Word file information block');
  const nFib = view.getUint16(2, true);
  if (nFib < MIN_NFIB) throw new WordVersionUnsupported(`a Word 6/95 document (nFib ${nFib})`);
  const flags = view.getUint16(10, true);
  const csw = view.getUint16(32, true);
  const lwAt = 34 + 2 * csw;
  const cslw = view.getUint16(lwAt, true);
  const rgLw = lwAt + 2;
  const blob = rgLw + 4 * cslw + 2;
  const pair = (k: number) => [view.getUint32(blob + 8 * k, true), view.getUint32(blob + 8 * k + 4, true)] as const;
  const pairs = view.getUint16(rgLw + 4 * cslw, true);
  if (cslw < 4 || pairs < 75 || blob + 8 * 75 > word.byteLength) throw new WordFormatError('a truncated file information block');
  const [fcClx, lcbClx] = pair(33);
  const [fcPlcfBteChpx, lcbPlcfBteChpx] = pair(12);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(13);
  const [fcPlfLst, lcbPlfLst] = pair(73);
  const [fcPlfLfo, lcbPlfLfo] = pair(74);
  return { tableStream: flags & 0x0200 ? '1Table' : '0Table', ccpText: view.getInt32(rgLw + 12, true), fcClx, lcbClx, fcPlcfBtePapx, lcbPlcfBtePapx, fcPlcfBteChpx, lcbPlcfBteChpx, fcPlfLst, lcbPlfLst, fcPlfLfo, lcbPlfLfo };
}

/** The main document's characters (UTF-16 code units) and the file offset of each, through the piece table. */
function mainText(word: Uint8Array, table: Uint8Array, fib: Fib): { codes: Uint16Array; fcs: Uint32Array } {
  const clx = slice(table, fib.fcClx, fib.lcbClx);
  const view = viewOf(clx);
  let at = 0;
  while (at < clx.byteLength && clx[at] === 0x01) at += 3 + view.getInt16(at + 1, true); // Prc: property modifiers, not text
  if (clx[at] !== 0x02) throw new WordFormatError('no piece table');
  const lcb = view.getUint32(at + 1, true);
  const plc = slice(clx, at + 5, lcb);
  const pv = viewOf(plc);
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1) throw new WordFormatError('a malformed piece table');
  const total = Math.max(0, fib.ccpText);
  const codes = new Uint16Array(total);
  const fcs = new Uint32Array(total);
  for (let k = 0; k < n; k++) {
    const cpStart = pv.getUint32(4 * k, true);
    const cpEnd = Math.min(pv.getUint32(4 * k + 4, true), total);
    if (cpStart >= total) break;
    if (cpEnd < cpStart) throw new WordFormatError('pieces out of order');
    const raw = pv.getUint32(4 * (n + 1) + 8 * k + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    const count = cpEnd - cpStart;
    if (compressed) {
      const from = fc / 2;
      // iconv-lite, not TextDecoder: Node's 'windows-1252' decodes 0x80–0x9F as Latin-1 (“ came out as \x93).
      const text = iconv.decode(Buffer.from(slice(word, from, count)), 'win1252');
      for (let i = 0; i < count; i++) {
        codes[cpStart + i] = text.charCodeAt(i);
        fcs[cpStart + i] = from + i;
      }
    } else {
      const bytes = slice(word, fc, 2 * count);
      const bv = viewOf(bytes);
      for (let i = 0; i < count; i++) {
        codes[cpStart + i] = bv.getUint16(2 * i, true);
        fcs[cpStart + i] = fc + 2 * i;
      }
    }
  }
  return { codes, fcs };
}

/** Every paragraph's properties that matter here, by the file offsets they cover, in order. */
function paragraphRuns(word: Uint8Array, table: Uint8Array, fib: Fib, data: Uint8Array | undefined): Run[] {
  const runs: Run[] = [];
  for (const fkp of propertyPages(word, table, fib.fcPlcfBtePapx, fib.lcbPlcfBtePapx, 'paragraph')) {
    const fv = viewOf(fkp);
    const crun = fkp[PAGE - 1]!;
    if (4 * (crun + 1) + 13 * crun > PAGE - 1) throw new WordFormatError('a malformed paragraph property page');
    for (let i = 0; i < crun; i++) {
      const start = fv.getUint32(4 * i, true);
      const end = fv.getUint32(4 * i + 4, true);
      const offset = fkp[4 * (crun + 1) + 13 * i]! * 2;
      runs.push({ start, end, ...(offset === 0 ? PLAIN : propsOf(fkp, offset, data)) });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/**
 * The property pages (FKPs, 512 bytes each) a bin table of the table stream names ([MS-DOC] PlcBtePapx, PlcBteChpx):
 * its n + 1 file offsets, then n page numbers.
 */
function propertyPages(word: Uint8Array, table: Uint8Array, fc: number, lcb: number, what: 'paragraph' | 'character'): Uint8Array[] {
  const view = viewOf(slice(table, fc, lcb));
  const n = (lcb - 4) / 8;
  if (!Number.isInteger(n) || n < 0) throw new WordFormatError(`a malformed ${what} property table`);
  return Array.from({ length: n }, (_, k) => slice(word, (view.getUint32(4 * (n + 1) + 4 * k, true) & 0x3fffff) * PAGE, PAGE));
}

/** File offset ranges whose characters are not shown (deleted with tracked changes, or hidden), in order. */
function unshownRuns(word: Uint8Array, table: Uint8Array, fib: Fib): Range[] {
  try {
    return characterRuns(word, table, fib);
  } catch (error) {
    // Damaged character pages (or no table of them): the text is still read, all of it shown (as before they were read).
    if (error instanceof WordFormatError) return [];
    throw error;
  }
}

function characterRuns(word: Uint8Array, table: Uint8Array, fib: Fib): Range[] {
  const out: Range[] = [];
  for (const fkp of propertyPages(word, table, fib.fcPlcfBteChpx, fib.lcbPlcfBteChpx, 'character')) {
    const fv = viewOf(fkp);
    const crun = fkp[PAGE - 1]!;
    // ChpxFkp: crun + 1 file offsets, then a byte a run (its CHPX's offset in words, 0 for none).
    if (4 * (crun + 1) + crun > PAGE - 1) continue;
    for (let i = 0; i < crun; i++) {
      const offset = fkp[4 * (crun + 1) + i]! * 2;
      if (offset === 0 || offset >= PAGE - 1) continue;
      const cb = fkp[offset]!;
      if (!unshown(fkp.subarray(offset + 1, Math.min(offset + 1 + cb, PAGE - 1)))) continue;
      out.push({ start: fv.getUint32(4 * i, true), end: fv.getUint32(4 * i + 4, true) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a character run's property modifiers delete it (a tracked change) or hide it. */
function unshown(grpprl: Uint8Array): boolean {
  const view = viewOf(grpprl);
  for (let at = 0; at + 2 <= grpprl.byteLength; ) {
    const sprm = view.getUint16(at, true);
    const operand = at + 2;
    const size = operandSize(sprm, view, operand);
    if (operand + size > grpprl.byteLength) break;
    // A toggle: 1 on, 0 off; 0x81 the opposite of the style's (off in every style a report uses), 0x80 the style's.
    if ((sprm === SPRM_TRACKED_DELETION || sprm === SPRM_HIDDEN) && (grpprl[operand] === 0x01 || grpprl[operand] === 0x81)) return true;
    at = operand + size;
  }
  return false;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

function propsOf(fkp: Uint8Array, offset: number, data: Uint8Array | undefined): ParagraphProps {
  const cb = fkp[offset]!;
  const [from, length] = cb === 0 ? [offset + 2, 2 * fkp[offset + 1]!] : [offset + 1, 2 * cb - 1];
  if (from + length > PAGE) throw new WordFormatError('paragraph properties past their page');
  // GrpPrlAndIstd: the style (2 bytes), then the property modifiers.
  return readGrpprl(fkp.subarray(from + 2, from + length), data, true);
}

/** The properties that matter here from a list of property modifiers (one level of sprmPHugePapx followed). */
function readGrpprl(grpprl: Uint8Array, data: Uint8Array | undefined, followHuge: boolean): ParagraphProps {
  const view = viewOf(grpprl);
  let inTable = false;
  let ttp = false;
  let edges: readonly number[] | undefined;
  let ilfo: number | undefined;
  let ilvl: number | undefined;
  for (let at = 0; at + 2 <= grpprl.byteLength; ) {
    const sprm = view.getUint16(at, true);
    const operand = at + 2;
    const size = operandSize(sprm, view, operand);
    if (operand + size > grpprl.byteLength) break;
    if (sprm === SPRM_IN_TABLE) inTable = grpprl[operand] !== 0;
    else if (sprm === SPRM_TTP) ttp = grpprl[operand] !== 0;
    else if (sprm === SPRM_TABLE_DEFINITION) edges = cellEdges(grpprl.subarray(operand, operand + size));
    else if (sprm === SPRM_LIST_INSTANCE) ilfo = view.getInt16(operand, true);
    else if (sprm === SPRM_LIST_LEVEL) ilvl = grpprl[operand];
    else if (sprm === SPRM_HUGE_PAPX && followHuge && data) {
      // PrcData in the Data stream: a 16-bit size, then the modifiers.
      const at = view.getUint32(operand, true);
      const huge = readGrpprl(slice(data, at + 2, viewOf(slice(data, at, 2)).getUint16(0, true)), data, false);
      inTable ||= huge.inTable;
      ttp ||= huge.ttp;
      edges ??= huge.edges;
      ilfo ??= huge.ilfo;
      ilvl ??= huge.ilvl;
    }
    at = operand + size;
  }
  return { inTable, ttp, ...(edges ? { edges } : {}), ...(ilfo !== undefined && ilfo > 0 ? { ilfo, ilvl: Math.min(ilvl ?? 0, 8) } : {}) };
}

/** [MS-DOC] 2.2.5.1: the operand's size from the sprm's spra, the variable ones from their first bytes. */
function operandSize(sprm: number, view: DataView, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default: {
      if (at + 2 > view.byteLength) return Infinity;
      if (sprm === SPRM_TABLE_DEFINITION) return 2 + view.getUint16(at, true) - 1;
      const first = view.getUint8(at);
      if (sprm === SPRM_CHANGE_TABS && first === 255) return Infinity; // the long form: nothing after it is read
      return 1 + first;
    }
  }
}

/** sprmTDefTable's rgdxaCenter: the row's cell edges, left to right. */
function cellEdges(operand: Uint8Array): number[] | undefined {
  const view = viewOf(operand);
  const cells = operand[2] ?? 0;
  if (cells < 1 || cells > MAX_CELLS || 3 + 2 * (cells + 1) > operand.byteLength) return undefined;
  return Array.from({ length: cells + 1 }, (_, k) => view.getInt16(3 + 2 * k, true));
}

/** Walks the characters into paragraphs and tables. */
class BlockWriter {
  private readonly out: Block[] = [];
  private paragraphs = 0;
  private tables = 0;
  private text = '';
  /** Field nesting: true where the field's result (shown) has begun. */
  private readonly fields: boolean[] = [];
  /** Fields on the stack still in their code (hidden): a count, so a hostile nesting costs nothing per character. */
  private inCode = 0;
  private cellLines: string[] = [];
  /** Pictures in the paragraph so far. */
  private pictures = 0;
  private row: string[] = [];
  private rows: { cells: string[]; edges?: readonly number[] }[] = [];

  constructor(
    private readonly codes: Uint16Array,
    private readonly fcs: Uint32Array,
    private readonly runs: readonly Run[],
    private readonly numbering: ListNumbering,
    private readonly unshownRuns: readonly Range[],
  ) {}

  blocks(): Block[] {
    for (let i = 0; i < this.codes.length; i++) {
      const c = this.codes[i]!;
      if (c === 0x13) {
        this.fields.push(false);
        this.inCode++;
      } else if (c === 0x14) {
        if (this.fields.length && !this.fields[this.fields.length - 1]) {
          this.fields[this.fields.length - 1] = true;
          this.inCode--;
        }
      } else if (c === 0x15) {
        if (this.fields.pop() === false) this.inCode--;
      }
      else if (c === 0x0d || c === 0x0c) this.endParagraph(this.propsAt(this.fcs[i]!), c === 0x0c);
      else if (c === 0x07) this.endCell(this.propsAt(this.fcs[i]!));
      // Marks (above) stay where their text is deleted: a row or paragraph keeps its place, emptied.
      else if (this.inCode === 0 && !this.unshownAt(this.fcs[i]!)) {
        // 0x01 a picture in the text: a paragraph of them alone says so. Not 0x08, a drawn object anchored here,
        // which may as well be a text box as a floating picture.
        if (c === 0x01) this.pictures++;
        this.text += visible(c);
      }
    }
    // Text after the last mark (Word ends the main text with one, so this is rare).
    if (this.text) this.endParagraph(PLAIN, false);
    this.endTable();
    return this.out;
  }

  /** The paragraph's text so far, with the number Word generates for it in front. */
  private take(props: ParagraphProps): string {
    const text = props.ilfo ? this.numbering.next(props.ilfo, props.ilvl ?? 0) + this.text : this.text;
    this.text = '';
    this.pictures = 0;
    return text;
  }

  private endParagraph(props: ParagraphProps, pageBreak: boolean): void {
    const pictures = this.pictures;
    let text = this.take(props);
    if (props.inTable && !pageBreak) {
      this.cellLines.push(text);
      return;
    }
    this.endTable();
    if (pictures && !text.trim()) text = IMAGE_TEXT;
    if (text.trim() || !pageBreak) this.out.push({ kind: 'paragraph', text, place: { paragraph: ++this.paragraphs } });
  }

  private endCell(props: ParagraphProps): void {
    if (props.ttp) {
      // The row's end: its own paragraph holds no cell text.
      this.rows.push(props.edges ? { cells: this.row, edges: props.edges } : { cells: this.row });
      this.row = [];
      this.cellLines = [];
      this.text = '';
      return;
    }
    this.cellLines.push(this.take(props));
    this.row.push(this.cellLines.join('\n'));
    this.cellLines = [];
  }

  private endTable(): void {
    if (this.row.length) this.rows.push({ cells: this.row });
    this.row = [];
    if (!this.rows.length) return;
    this.out.push(gridTable(layOutByEdges(this.rows), ++this.tables));
    this.rows = [];
  }

  /** Whether the character at file offset fc is deleted with its changes tracked, or hidden. */
  private unshownAt(fc: number): boolean {
    return this.unshownRuns.length > 0 && runAt(this.unshownRuns, fc) !== undefined;
  }

  /** The properties of the paragraph whose mark is at file offset fc. */
  private propsAt(fc: number): ParagraphProps {
    return runAt(this.runs, fc) ?? PLAIN;
  }

}

/** The run that holds file offset fc: the first ending after it, if it starts at or before it (runs in file order, apart). */
function runAt<T extends Range>(runs: readonly T[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.end <= fc) lo = mid + 1;
    else hi = mid;
  }
  const run = runs[lo];
  return run && run.start <= fc ? run : undefined;
}

/** A character as the text shows it: tabs as spaces (as the Word reader), line breaks kept, marks and objects dropped. */
function visible(c: number): string {
  if (c === 0x09) return ' ';
  if (c === 0x0b) return '\n';
  if (c === 0x1e) return '-';
  if (c < 0x20) return '';
  return String.fromCharCode(c);
}

function slice(bytes: Uint8Array, from: number, length: number): Uint8Array {
  if (from < 0 || length < 0 || from + length > bytes.byteLength) throw new WordFormatError(`a structure at ${from}+${length} past the end of its stream`);
  return bytes.subarray(from, from + length);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
