// A PDF's text layer can hold other characters than the page shows: a font
// without a Unicode map gives private-use codes or nothing, and LibreOffice,
// exporting with a font that lacks the characters, draws a stand-in glyph for
// each and puts the real character in /ActualText, which PDF.js does not read:
// the report then reads “某某某 本本本本…”. Checking such text would report all
// six parts missing; saying that the text cannot be decoded is the truth. Only
// whole-layer failures are told: a text of many characters with next to no
// variety, most of them the same as the one before (a collapsed map repeats
// its stand-in: 某某某某), or mostly codes that name no character. A real
// report of a hundred characters uses dozens of different ones, and even a
// table of 事项1 … 事项70 does not repeat a character in a row.

/** Characters judged: text that is not blank, ASCII digits or punctuation. Below this, nothing is told. */
const MIN_CHARACTERS = 100;
/** At most this many different characters in a text of MIN_CHARACTERS or more: a collapsed map. */
const MAX_DISTINCT = 12;
/** At least this share of codes that name no character (private use, control, U+FFFD). */
const MIN_UNMAPPED_SHARE = 0.3;

/** Why the text cannot be the page's (English, shown after the message), or undefined when it may be. */
export function undecodableText(texts: Iterable<string>): string | undefined {
  let judged = 0;
  let unmapped = 0;
  let repeats = 0;
  let previous = -1;
  const distinct = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (isNeutral(c)) continue;
      judged++;
      if (c === previous) repeats++;
      previous = c;
      if (namesNoCharacter(c)) unmapped++;
      if (distinct.size <= MAX_DISTINCT) distinct.add(c);
    }
  }
  if (judged < MIN_CHARACTERS) return undefined;
  if (unmapped / judged >= MIN_UNMAPPED_SHARE) return `${unmapped} of ${judged} characters have no Unicode meaning`;
  if (distinct.size <= MAX_DISTINCT && repeats >= judged / 2) return `${judged} characters, only ${distinct.size} different: ${sample(distinct)}`;
  return undefined;
}

/** White space, ASCII digits and punctuation, and the CJK punctuation every text has: they tell nothing here. */
function isNeutral(c: number): boolean {
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return true;
  if (c < 0x20) return false; // a control code: judged, and it names no character
  if (c < 0x7f) return !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  return c === 0xa0 || c === 0x3000 || (c >= 0x3001 && c <= 0x3003) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff1f);
}

function namesNoCharacter(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c >= 0xf0000;
}

function sample(chars: ReadonlySet<number>): string {
  return [...chars].slice(0, 6).map((c) => (namesNoCharacter(c) ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : String.fromCodePoint(c))).join(' ');
}
