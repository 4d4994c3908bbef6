// cross-year.ambiguous: two reports claim the same agency and year (a draft and
// the final, a copy in another form): neither is compared across years, and
// this information says why, so the silence is not taken for a pass.

import type { CrossYearRule } from './types';

export const crossYearAmbiguous: Omit<CrossYearRule, 'check'> = {
  code: 'cross-year.ambiguous',
  name: '同一机关同一年度有多份报告，未做跨年度核对',
  defaultSeverity: 'information',
};
