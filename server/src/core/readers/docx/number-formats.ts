// Word's number formats (w:numFmt) for the numbers it generates in front of
// list paragraphs: the ones Chinese reports use (一、（一）1. ①) and the
// common Western ones. A format not here falls back to decimal, which keeps
// the count visible rather than dropping it.

const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** The number `n` written in format `fmt`; undefined for a format that shows no number (bullet, none). */
export function formatNumber(n: number, fmt: string | undefined): string | undefined {
  switch (fmt ?? 'decimal') {
    case 'bullet':
    case 'none':
      return undefined;
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chinese(n, DIGITS, ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
      return chinese(n, LEGAL_DIGITS, ['', '拾', '佰', '仟'], true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return cyclic(n, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cyclic(n, EARTHLY_BRANCHES);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    default:
      return String(n);
  }
}

/** 1–9999 in Chinese counting (十一, 二十, 一百零五); larger numbers digit by digit. */
function chinese(n: number, digits: string, units: readonly string[], legal = false): string {
  if (n <= 0 || n >= 10000) return [...String(n)].map((d) => digits[Number(d)] ?? d).join('');
  const ds = [...String(n)].map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十一, not 一十一 (but the legal form keeps 壹拾壹).
    out += d === 1 && unit === units[1] && i === 0 && !legal ? unit : digits[d]! + unit;
  });
  return out;
}

function cyclic(n: number, symbols: string): string {
  return n >= 1 ? symbols[(n - 1) % symbols.length]! : String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** A, B, … Z, AA, BB, … as Word counts letters. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}
