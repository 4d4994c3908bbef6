import type { Range } from '../model';
import type { Related } from '../rules/types';
import type { YearDocument } from './types';

/** A range of last year's report as a place in that file. */
export function elsewhere(doc: YearDocument, range: Range): NonNullable<Related['elsewhere']> {
  return { uri: doc.uri, ...doc.lines.rangeOf(range) };
}
