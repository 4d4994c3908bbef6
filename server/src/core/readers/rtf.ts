// Rich Text Format (.rtf), as Word, WPS, WordPad and office systems export a document: paragraphs and tables.
// RTF is 7-bit text: groups in braces, control words, and characters as \uN (with \ucN fallback characters to
// skip) or as bytes \'hh in the document's code page (\ansicpg936 is GBK). Read here: paragraphs (\par), line
// breaks, tables (\intbl paragraphs, \cell, \row, each row's cell edges \cellxN laid onto one grid as the .doc
// reader lays them), field results (not their codes), the list numbers Word writes as text (\listtext). Left out:
// hidden and deleted text (\v, \deleted), and destinations that are not the body's text (fonts, styles, pictures,
// headers and footers, footnotes, shapes and their text boxes, and every \* destination).

import iconv from 'iconv-lite';
import { gridTable, readProblem, type Block, type ReaderLimits, type ReadResult } from './blocks';
import { layOutByEdges, MAX_CELLS } from './cell-edges';
import { IMAGE_TEXT } from '../text/images';

/** Destinations that hold no body text. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl',
  'footerr', 'footerf', 'footnote', 'annotation', 'fldinst', 'themedata', 'colorschememapping', 'datastore',
  'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr', 'pgdsctbl', 'object',
  'shp', 'shpinst', 'shptxt', 'nonshppict', 'filetbl', 'revtbl', 'userprops', 'docvar', 'template', 'ftnsep',
  'ftnsepc', 'aftnsep', 'aftnsepc', 'background', 'objdata', 'bkmkstart', 'bkmkend',
]);

/** Control words that stand for a character (a tab reads as a space, as in the other readers). */
const SYMBOLS: Readonly<Record<string, string>> = {
  line: '\n', tab: ' ', emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”',
};

interface GroupState {
  skip: boolean;
  /** Fallback characters after a \uN. */
  uc: number;
  hidden: boolean;
  deleted: boolean;
}

interface Row {
  cells: string[];
  edges: number[];
}

/** Thrown past a bound of ReaderLimits. */
class RtfTooLarge extends Error {}

export async function readRtf(bytes: Uint8Array, limits: ReaderLimits): Promise<ReadResult> {
  if (bytes.byteLength > limits.maxFileBytes) return readProblem('too-large', `${bytes.byteLength} bytes > ${limits.maxFileBytes}`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('{\\rtf')) return readProblem('broken', 'no {\\rtf at the start');
  try {
    return { ok: true, blocks: new RtfWriter(text, limits).blocks() };
  } catch (error) {
    if (error instanceof RtfTooLarge) return readProblem('too-large', error.message);
    throw error;
  }
}

class RtfWriter {
  private readonly out: Block[] = [];
  private readonly stack: GroupState[] = [];
  private state: GroupState = { skip: false, uc: 1, hidden: false, deleted: false };
  private codepage = 'win1252';
  /** The paragraph's text so far, and bytes \'hh not decoded yet. */
  private text = '';
  private bytes: number[] = [];
  private inTable = false;
  private cellLines: string[] = [];
  private row: string[] = [];
  private edges: number[] = [];
  private rows: Row[] = [];
  private paragraphs = 0;
  /** Pictures in the paragraph so far (a paragraph of them alone says so, as in the other readers). */
  private pictures = 0;
  private tables = 0;
  private chars = 0;
  /** Fallback characters still to skip after a \uN. */
  private fallback = 0;

  constructor(private readonly src: string, private readonly limits: ReaderLimits) {}

  blocks(): Block[] {
    const src = this.src;
    let i = 0;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '{') {
        // Bytes gathered belong to the group they were written in: decoded before its state changes.
        this.flushBytes();
        if (this.stack.length >= this.limits.maxDepth) throw new RtfTooLarge(`groups nested deeper than ${this.limits.maxDepth}`);
        this.stack.push(this.state);
        this.state = { ...this.state };
        i++;
        // An ignorable destination ({\* …}) holds nothing of the body.
        if (src.startsWith('\\*', i)) this.state.skip = true;
      } else if (c === '}') {
        this.flushBytes();
        this.state = this.stack.pop() ?? this.state;
        // The fallback characters of a \uN end with its group.
        this.fallback = 0;
        i++;
      } else if (c === '\\') {
        i = this.control(i);
      } else if (c === '\r' || c === '\n') {
        i++;
      } else {
        this.character(c);
        i++;
      }
    }
    this.endParagraph();
    this.endTable();
    return this.out;
  }

  /** Reads the control word or symbol at `at` (a backslash) and acts on it; where reading goes on. */
  private control(at: number): number {
    const src = this.src;
    const next = src[at + 1];
    if (next === undefined) return at + 1;
    if (next === "'") {
      const hex = src.slice(at + 2, at + 4);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) this.byte(parseInt(hex, 16));
      return at + 4;
    }
    if (!/[a-zA-Z]/.test(next)) {
      // A control symbol: \\ \{ \} literal, \~ a no-break space, \- an optional hyphen, \_ a no-break hyphen.
      if (next === '\\' || next === '{' || next === '}') this.character(next);
      else if (next === '~') this.character(' ');
      else if (next === '_') this.character('-');
      return at + 2;
    }
    const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(at + 1, at + 48))!;
    const word = m[1]!;
    const param = m[2] === undefined ? undefined : Number(m[2]);
    const end = at + 1 + m[0].length;
    if (word === 'bin') return end + Math.max(0, param ?? 0);
    this.word(word, param);
    return end;
  }

  private word(word: string, param: number | undefined): void {
    this.flushBytes();
    const s = this.state;
    // A picture: Word's {\*\shppict{\pict …}} (its {\nonshppict …} copy is skipped), or a bare {\pict …}.
    if (word === 'shppict' || (word === 'pict' && !s.skip)) this.pictures++;
    if (SKIPPED.has(word) || word === 'shppict') {
      s.skip = true;
      return;
    }
    // Own keys only: a control word named like an object's method (\toString) is no symbol.
    if (Object.hasOwn(SYMBOLS, word)) {
      this.character(SYMBOLS[word]!);
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (param === 936 || param === 54936) this.codepage = 'gb18030';
        else if (param && iconv.encodingExists(`cp${param}`)) this.codepage = `cp${param}`;
        return;
      case 'uc':
        s.uc = Math.max(0, param ?? 1);
        return;
      case 'u':
        if (param !== undefined) {
          this.emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          this.fallback = s.uc;
        }
        return;
      case 'v':
        s.hidden = param !== 0;
        return;
      case 'deleted':
        s.deleted = param !== 0;
        return;
      case 'plain':
        s.hidden = false;
        s.deleted = false;
        return;
      case 'pard':
        this.inTable = false;
        return;
      case 'intbl':
        this.inTable = true;
        return;
      case 'par':
      case 'sect':
        this.endParagraph();
        return;
      case 'trowd':
        this.edges = [];
        return;
      case 'cellx':
        if (param !== undefined && this.edges.length <= MAX_CELLS) this.edges.push(param);
        return;
      case 'cell':
      case 'nestcell':
        this.endCell();
        return;
      case 'row':
      case 'nestrow':
        this.endRow();
        return;
    }
  }

  private character(ch: string): void {
    this.flushBytes();
    this.emit(ch);
  }

  private byte(b: number): void {
    if (this.fallback > 0) {
      this.fallback--;
      return;
    }
    this.bytes.push(b);
  }

  private emit(ch: string): void {
    if (this.fallback > 0 && ch !== '\n') {
      this.fallback--;
      return;
    }
    const s = this.state;
    if (s.skip || s.hidden || s.deleted) return;
    if (++this.chars > this.limits.maxTextChars) throw new RtfTooLarge(`more than ${this.limits.maxTextChars} characters of text`);
    this.text += ch;
  }

  /** Decodes the bytes \'hh gathered (a GBK character is two of them) in the document's code page. */
  private flushBytes(): void {
    if (!this.bytes.length) return;
    const decoded = iconv.decode(Buffer.from(this.bytes), this.codepage);
    this.bytes = [];
    for (const ch of decoded) this.emit(ch);
  }

  private take(): string {
    this.flushBytes();
    const text = this.text;
    this.text = '';
    return text;
  }

  /** The paragraph's text, or IMAGE_TEXT for a paragraph of pictures alone outside tables. */
  private takeParagraph(): string {
    const pictures = this.pictures;
    this.pictures = 0;
    const text = this.take();
    return pictures && !this.inTable && !text.trim() ? IMAGE_TEXT : text;
  }

  private endParagraph(): void {
    const text = this.takeParagraph();
    if (this.inTable) {
      this.cellLines.push(text);
      return;
    }
    this.endTable();
    this.out.push({ kind: 'paragraph', text, place: { paragraph: ++this.paragraphs } });
  }

  private endCell(): void {
    this.cellLines.push(this.take());
    this.row.push(this.cellLines.join('\n').replace(/\n+$/, ''));
    this.cellLines = [];
  }

  private endRow(): void {
    if (this.text || this.cellLines.length) this.endCell();
    this.rows.push({ cells: this.row, edges: this.edges });
    this.row = [];
    this.inTable = false;
  }

  private endTable(): void {
    if (!this.rows.length) return;
    this.out.push(gridTable(layOutByEdges(this.rows), ++this.tables));
    this.rows = [];
  }
}
