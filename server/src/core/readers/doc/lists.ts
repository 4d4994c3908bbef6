// The numbers Word generates in front of list paragraphs of a .doc ([MS-DOC]
// PlfLst, LVL, PlfLfo): a paragraph names its list instance (sprmPIlfo) and
// level (sprmPIlvl); the instance names a list (lsid), whose level holds the
// number text with placeholders (0–8: the number of that level), the number
// format (MSONFC) and the start. Counts run per list, deeper levels restart,
// as Word numbers them. The .docx reader writes its numbers the same way
// (docx/numbering.ts), with the same formats (docx/number-formats.ts).

import { formatNumber } from '../docx/number-formats';

class ListFormatError extends Error {}

/** [MS-OSHARED] 2.2.1.3 MSONFC → ECMA-376 ST_NumberFormat, for the formats formatNumber writes. */
const FORMATS: Readonly<Record<number, string>> = {
  0x00: 'decimal',
  0x01: 'upperRoman',
  0x02: 'lowerRoman',
  0x03: 'upperLetter',
  0x04: 'lowerLetter',
  0x0a: 'ideographDigital',
  0x0b: 'japaneseCounting',
  0x0e: 'decimalFullWidth',
  0x12: 'decimalEnclosedCircle',
  0x13: 'decimalFullWidth2',
  0x16: 'decimalZero',
  0x17: 'bullet',
  0x1a: 'decimalEnclosedFullstop',
  0x1b: 'decimalEnclosedParen',
  0x1c: 'decimalEnclosedCircleChinese',
  0x1d: 'ideographEnclosedCircle',
  0x1e: 'ideographTraditional',
  0x1f: 'ideographZodiac',
  0x21: 'taiwaneseCounting',
  0x24: 'taiwaneseDigital',
  0x25: 'chineseCounting',
  0x26: 'chineseLegalSimplified',
  0x27: 'chineseCountingThousand',
  0x28: 'decimal',
  0xff: 'none',
};

interface Level {
  readonly start: number;
  readonly format: string | undefined;
  /** Number text: characters 0–8 stand for the number of that level. */
  readonly text: string;
  /** What follows the number: a tab or a space (one space, as the .docx reader writes them), or nothing. */
  readonly follow: string;
  /** fLegal: every number in the text is written as a decimal. */
  readonly legal: boolean;
}

interface Instance {
  readonly lsid: number;
  /** Start overrides by level (LFOLVL fStartAt): the count starts again where the instance is first used. */
  readonly startAt: ReadonlyMap<number, number>;
}

const LFO_SIZE = 16;
const MAX_LISTS = 32_767;

export class ListNumbering {
  private readonly counts = new Map<number, number[]>();
  private readonly overridden = new Set<number>();

  private constructor(private readonly lists: ReadonlyMap<number, readonly Level[]>, private readonly instances: readonly Instance[]) {}

  /** The lists of a table stream; none when the file has no list tables or they cannot be read (the text is read without its numbers). */
  static read(table: Uint8Array, fcPlfLst: number, lcbPlfLst: number, fcPlfLfo: number, lcbPlfLfo: number): ListNumbering {
    if (!lcbPlfLst || !lcbPlfLfo) return new ListNumbering(new Map(), []);
    try {
      return ListNumbering.readTables(table, fcPlfLst, lcbPlfLst, fcPlfLfo);
    } catch (error) {
      if (error instanceof ListFormatError) return new ListNumbering(new Map(), []);
      throw error;
    }
  }

  private static readTables(table: Uint8Array, fcPlfLst: number, lcbPlfLst: number, fcPlfLfo: number): ListNumbering {
    const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const reader = new Reader(view);
    // PlfLst: the lists' LSTFs; their LVLs follow the whole PlfLst in the stream.
    reader.at = fcPlfLst;
    const count = reader.int16();
    if (count < 0 || count > MAX_LISTS) throw new ListFormatError(`${count} lists`);
    const heads = Array.from({ length: count }, () => {
      const lsid = reader.int32();
      reader.skip(22); // tplc, rgistdPara
      const simple = (reader.uint8() & 0x01) !== 0;
      reader.skip(1);
      return { lsid, levels: simple ? 1 : 9 };
    });
    reader.at = fcPlfLst + lcbPlfLst;
    const lists = new Map<number, readonly Level[]>();
    for (const head of heads) lists.set(head.lsid, Array.from({ length: head.levels }, () => readLevel(reader)));

    reader.at = fcPlfLfo;
    const lfoCount = reader.int32();
    if (lfoCount < 0 || fcPlfLfo + 4 + LFO_SIZE * lfoCount > table.byteLength) throw new ListFormatError(`${lfoCount} list instances`);
    const lfos = Array.from({ length: lfoCount }, () => {
      const lsid = reader.int32();
      reader.skip(8);
      const overrides = reader.uint8();
      reader.skip(3);
      return { lsid, overrides };
    });
    // LFOData, one per LFO: a CP, then its level overrides (each with a whole LVL when it formats the level anew).
    const instances = lfos.map(({ lsid, overrides }) => {
      reader.skip(4);
      const startAt = new Map<number, number>();
      for (let k = 0; k < overrides; k++) {
        const start = reader.int32();
        const flags = reader.int32();
        if (flags & 0x20) readLevel(reader); // fFormatting: a level of its own, not followed here
        if (flags & 0x10) startAt.set(flags & 0x0f, start);
      }
      return { lsid, startAt };
    });
    return new ListNumbering(lists, instances);
  }

  /** The number Word writes in front of a paragraph of list instance `ilfo` (1-based) at level `ilvl`, or ''. */
  next(ilfo: number, ilvl: number): string {
    const instance = this.instances[ilfo - 1];
    const levels = instance && this.lists.get(instance.lsid);
    const level = levels?.[ilvl];
    if (!instance || !levels || !level) return '';
    const counts = this.counts.get(instance.lsid) ?? [];
    this.counts.set(instance.lsid, counts);
    const override = instance.startAt.get(ilvl);
    const key = ilfo * 16 + ilvl;
    if (override !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key);
      counts[ilvl] = override;
    } else {
      counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    }
    counts.length = ilvl + 1; // deeper levels start again
    if (level.format === 'bullet') return '';
    let out = '';
    for (const ch of level.text) {
      const placeholder = ch.charCodeAt(0);
      if (placeholder > 8) out += ch;
      else {
        const of = levels[placeholder];
        const n = counts[placeholder] ?? of?.start ?? 1;
        out += formatNumber(n, level.legal ? 'decimal' : of?.format) ?? '';
      }
    }
    return out + level.follow;
  }
}

function readLevel(reader: Reader): Level {
  const start = reader.int32();
  const nfc = reader.uint8();
  const flags = reader.uint8();
  reader.skip(9); // rgbxchNums: the placeholders are found by their codes
  const follow = reader.uint8();
  reader.skip(8); // dxaIndentSav, unused
  const chpx = reader.uint8();
  const papx = reader.uint8();
  reader.skip(2 + papx + chpx); // ilvlRestartLim, grfhic, then the level's paragraph and character properties
  const length = reader.uint16();
  let text = '';
  for (let k = 0; k < length; k++) text += String.fromCharCode(reader.uint16());
  return { start, format: FORMATS[nfc], text, follow: follow === 2 ? '' : ' ', legal: (flags & 0x04) !== 0 };
}

/** Little-endian reads that throw ListFormatError past the stream's end. */
class Reader {
  at = 0;
  constructor(private readonly view: DataView) {}

  private need(bytes: number): number {
    const at = this.at;
    if (at < 0 || at + bytes > this.view.byteLength) throw new ListFormatError(`list tables past the end of the stream (${at})`);
    this.at += bytes;
    return at;
  }

  skip(bytes: number): void {
    this.need(bytes);
  }
  uint8(): number {
    return this.view.getUint8(this.need(1));
  }
  uint16(): number {
    return this.view.getUint16(this.need(2), true);
  }
  int16(): number {
    return this.view.getInt16(this.need(2), true);
  }
  int32(): number {
    return this.view.getInt32(this.need(4), true);
  }
}
