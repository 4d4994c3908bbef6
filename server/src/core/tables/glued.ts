// Values that ran together: a flattened page writes a row as `0000000` or
// `30 0 0 0 03` (spaces where the page had them, not between every cell).
// Each run is split into exactly as many numbers as the row has columns; a
// space always separates two numbers, and a number never starts with 0 unless
// it is 0. Where several splits are possible, the row's sums choose, and only
// a single survivor is read as certain.

import { toHalfWidth } from '../text/normalize';
import type { StreamCell } from './cells';

/** Past this many splits the runs are too long to tell apart (and the search stops). */
const MAX_READINGS = 2_000;
const MAX_TOKEN = 24;
const PIECE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const UNIT = /(?:万元|元)$/;

export type Readings = StreamCell[][] | 'too-many';

/** Every split of the run tokens into `count` numbers, in reading order. */
export function readingsOf(tokens: readonly StreamCell[], count: number): Readings {
  const out: StreamCell[][] = [];
  const pieces: StreamCell[] = [];
  let overflow = false;
  const splitsOf = tokens.map((t) => tokenSplits(t));
  if (splitsOf.some((s) => s === undefined)) return 'too-many';
  const minLeft: number[] = new Array(tokens.length + 1).fill(0);
  const maxLeft: number[] = new Array(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const sizes = splitsOf[i]!.map((s) => s.length);
    minLeft[i] = minLeft[i + 1]! + Math.min(...sizes, Infinity);
    maxLeft[i] = maxLeft[i + 1]! + Math.max(...sizes, 0);
  }
  const walk = (i: number, left: number): void => {
    if (overflow) return;
    if (i === tokens.length) {
      if (left === 0) {
        if (out.length >= MAX_READINGS) overflow = true;
        else out.push([...pieces]);
      }
      return;
    }
    if (left < minLeft[i]! || left > maxLeft[i]!) return;
    for (const split of splitsOf[i]!) {
      if (split.length > left) continue;
      pieces.push(...split);
      walk(i + 1, left - split.length);
      pieces.length -= split.length;
    }
  };
  walk(0, count);
  return overflow ? 'too-many' : out;
}

/** The ways one token can be cut into numbers (undefined: too long to try). */
function tokenSplits(token: StreamCell): StreamCell[][] | undefined {
  const text = toHalfWidth(token.text);
  const unit = UNIT.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - unit.length);
  if (body.length > MAX_TOKEN) return undefined;
  const out: StreamCell[][] = [];
  const cut = (from: number, acc: StreamCell[]): void => {
    if (from === body.length) {
      out.push(acc);
      return;
    }
    for (let to = from + 1; to <= body.length; to++) {
      const piece = body.slice(from, to);
      if (!PIECE.test(piece)) continue;
      // A number's decimals run to the end of the run: no cut right before a point or among the digits after it.
      if (body.charAt(to) === '.' || (piece.includes('.') && to < body.length)) continue;
      const last = to === body.length;
      const start = token.range.start + from;
      const end = token.range.start + to + (last ? unit.length : 0);
      const value = Number(piece);
      const decimals = piece.includes('.') ? piece.length - piece.indexOf('.') - 1 : 0;
      const cell: StreamCell = { kind: last && unit ? 'invalid' : 'number', text: token.text.slice(from, to + (last ? unit.length : 0)), range: { start, end }, value, decimals, rowStart: false };
      cut(to, [...acc, cell]);
      if (out.length > MAX_READINGS) return;
    }
  };
  cut(0, []);
  return out.length > MAX_READINGS ? undefined : out;
}

/** The digits of the run as written, for messages. */
export function runText(tokens: readonly StreamCell[]): string {
  return tokens.map((t) => t.text).join(' ');
}

/**
 * The one reading to trust: the only one the sums allow, or, when the text
 * separated every number (`separated`: as many runs as columns), the numbers
 * as written. `only` is the only split when it breaks the sums and digits ran
 * together (a reading to show, never to build an error on).
 */
export function chooseReading(readings: Readings, holds: (values: readonly (number | undefined)[]) => boolean, separated = false): { reading?: StreamCell[]; only?: StreamCell[] } {
  if (readings === 'too-many' || readings.length === 0) return {};
  // Every number stood apart in the text (as many runs as columns): read as written, whatever the sums say.
  if (separated && readings.length === 1) return { reading: readings[0]! };
  const valid = readings.filter((r) => holds(r.map((c) => c.value)));
  if (valid.length === 1) return { reading: valid[0]! };
  if (readings.length === 1) return { only: readings[0]! };
  return {};
}
