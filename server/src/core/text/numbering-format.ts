// How a numbering of each style is written (一、 （一） （1） 1.): what a fix
// writes and a message quotes. Beside the model, not in the parser, which reads
// numberings and never writes one.

import type { NumberingStyle } from '../model';
import { CHINESE_NUMERALS } from '../template';

export function formatNumbering(style: NumberingStyle, ordinal: number): string {
  const chinese = CHINESE_NUMERALS[ordinal - 1] ?? String(ordinal);
  switch (style) {
    case 'chinese': return `${chinese}、`;
    case 'paren-chinese': return `（${chinese}）`;
    case 'paren-arabic': return `（${ordinal}）`;
    case 'arabic': return `${ordinal}.`;
    case 'none': return '';
  }
}
