// Text pieces → lines. A line is the pieces on one baseline (within a
// fraction of the font size: superscripts and mixed fonts sit a little off),
// joined in x order: CJK next to CJK with nothing between (Chinese has no
// spaces; a justified line spreads its characters), other neighbours with one
// space where the page leaves a gap.

import type { TextPiece } from './types';

export interface Line {
  readonly pieces: readonly TextPiece[];
  readonly text: string;
  readonly left: number;
  readonly right: number;
  /** Baseline. */
  readonly y: number;
  /** The largest font size on the line. */
  readonly size: number;
}

const CJK = /[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Pieces on one baseline: within this fraction of the font size. */
const BASELINE_TOLERANCE = 0.5;
/** A gap wider than this fraction of the font size is a space (between non-CJK neighbours). */
const SPACE_GAP = 0.2;

/** The lines of the pieces, top to bottom. */
export function toLines(pieces: readonly TextPiece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let baseline = Number.NaN;
  for (const piece of sorted) {
    const size = Math.max(piece.size, current[0]?.size ?? 0);
    if (current.length && Math.abs(piece.y - baseline) <= BASELINE_TOLERANCE * size) {
      current.push(piece);
      continue;
    }
    if (current.length) groups.push(current);
    current = [piece];
    baseline = piece.y;
  }
  if (current.length) groups.push(current);
  return groups.map(lineOf);
}

/** The line of these pieces (on one baseline). */
export function lineOf(pieces: readonly TextPiece[]): Line {
  const inOrder = [...pieces].sort((a, b) => a.x - b.x);
  return {
    pieces: inOrder,
    text: joinPieces(inOrder),
    left: Math.min(...inOrder.map((p) => p.x)),
    right: Math.max(...inOrder.map((p) => p.x + p.width)),
    y: Math.max(...inOrder.map((p) => p.y)),
    size: Math.max(...inOrder.map((p) => p.size)),
  };
}

/** Pieces of one line, left to right, as text. */
export function joinPieces(inOrder: readonly TextPiece[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const piece of inOrder) {
    const str = piece.text.replace(/\s+/g, ' ');
    if (text && !text.endsWith(' ') && !str.startsWith(' ') && piece.x - end > SPACE_GAP * piece.size && !(CJK.test(text.slice(-1)) && CJK.test(str[0]!))) text += ' ';
    text += str;
    end = Math.max(end, piece.x + piece.width);
  }
  return squeezeCjkSpaces(text.trim());
}

/** Spaces between two CJK characters are letter spacing of a justified or spaced-out line (`总 计`, `号 ， 邮 编`). */
function squeezeCjkSpaces(text: string): string {
  return text.replace(/(?<=[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]) +(?=[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])/g, '');
}

export const isCjk = (ch: string) => CJK.test(ch);
