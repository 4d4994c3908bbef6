// Radicals for ideographs. A CJK font draws 人 and the Kangxi radical ⼈ with
// one glyph; a PDF's ToUnicode map then may name the radical (Chromium's
// PDFs with Noto CJK do: ⼈⺠政府 for 人民政府), and the text no longer
// matches any label. The PDF reader writes the ideographs; a text extracted by
// another tool (mutool, PyMuPDF, pdfminer) keeps the radicals, and is read
// through them (traditional.ts). Kangxi radicals have a compatibility mapping
// (NFKC); the radicals supplement has none, so its simplified forms that are
// characters of their own are listed (Unicode's EquivalentUnifiedIdeograph).

const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e9f': '母', '\u2ea0': '民', '\u2ec5': '见', '\u2ec6': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2ecb': '车',
  '\u2ed0': '钅', '\u2ed3': '长', '\u2ed4': '门', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞',
  '\u2ee0': '饣', '\u2ee2': '马', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄',
  '\u2eea': '黾', '\u2eec': '齐', '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
};

const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

/** The text with radicals written as the ideographs they stand for. */
export function ideographsForRadicals(text: string): string {
  return text.replace(RADICAL, ideographFor);
}

function ideographFor(radical: string): string {
  return SUPPLEMENT[radical] ?? radical.normalize('NFKC');
}

/** Every radical with an ideograph of one code unit, and that ideograph (both in the BMP, so offsets stay). */
export function radicalPairs(): [number, number][] {
  const out: [number, number][] = [];
  for (const [from, to] of [[0x2e80, 0x2ef3], [0x2f00, 0x2fd5]] as const) {
    for (let c = from; c <= to; c++) {
      const ideograph = ideographFor(String.fromCharCode(c));
      if (ideograph.length === 1 && ideograph.charCodeAt(0) !== c) out.push([c, ideograph.charCodeAt(0)]);
    }
  }
  return out;
}
