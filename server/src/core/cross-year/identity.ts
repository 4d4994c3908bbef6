// Which reports belong together across years: the agency and the report year,
// read from the title (and the 统计期限 where the title names no year), in a
// normal form, so that `XX局2023年度…` and `ＸＸ局 2023 年…` are one agency.

import type { Report } from '../model';
import { periodYear } from '../rules/year-mismatch';
import { CHINESE_YEAR, toHalfWidth } from '../text/normalize';

export interface ReportIdentity {
  /** The agency's name in its normal form (half width, no spaces or quotes). */
  readonly agency: string;
  readonly year: number;
}

// What a title says besides the agency: the year, and the report's kind.
// In digits, or in Chinese numerals as formal titles write it (二〇二三年度): the agency is what is left either way.
const YEAR = new RegExp(`(?:(?:19|20)\\d{2}|${CHINESE_YEAR})\\s*年\\s*度?`, 'g');
const KIND = /(?:(?:政府)?(?:信息公开|政务公开))?(?:工作)?(?:年度)?(?:报告|年报).*$/;
const LEAD = /^(?:关于|公布)+/;
/** A title that names its agency as "this office" names none. */
const SELF = /^[本我](?:机关|单位|部门|局|委|办|院|署|厅|处|区|县|市|镇|乡|街道)$/;
const NOISE = /[\s"'“”‘’《》〈〉「」『』()（）【】\[\]:：,，.。·]/g;
/** Shorter than this, what is left of a title names no agency (`本机关`, `我局`). */
const MIN_AGENCY = 3;

/** The agency and year of a report, or undefined when its title does not name both (no cross-year check then). */
export function reportIdentity(report: Report): ReportIdentity | undefined {
  const title = report.title;
  if (!title) return undefined;
  const year = title.year ?? periodYear(report);
  if (year === undefined) return undefined;
  const agency = agencyOf(title.text);
  return agency ? { agency, year } : undefined;
}

/** The agency a title names: what is left without the year, the report's kind and punctuation. */
export function agencyOf(title: string): string | undefined {
  const name = toHalfWidth(title).replace(YEAR, '').replace(NOISE, '').replace(KIND, '').replace(LEAD, '');
  return name.length >= MIN_AGENCY && !SELF.test(name) ? name : undefined;
}

export const identityKey = (identity: ReportIdentity): string => `${identity.agency}\u0000${identity.year}`;
