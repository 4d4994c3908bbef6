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
const KIND = /(?:(?:政府)?(?:信息公开|政务公开))?(?:工作)?(?:情况)?的?(?:年度)?(?:报告|年报).*$/;
const LEAD = /^(?:关于|公布)+/;
/** 关于 after the agency (`某局关于2023年度…报告`): no part of its name. */
const TRAIL = /(?:关于|公布)+$/;
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
  const name = toHalfWidth(title).replace(YEAR, '').replace(NOISE, '').replace(KIND, '').replace(LEAD, '').replace(TRAIL, '');
  return name.length >= MIN_AGENCY && !SELF.test(name) ? name : undefined;
}

export const identityKey = (identity: ReportIdentity): string => `${identity.agency}\u0000${identity.year}`;

/**
 * A name without its place (`市教育局`, `县农业农村局`, `经济开发区管理委员会`): in a title that leaves the city out, any
 * city's office of that name. Such reports are one agency only in one folder: a reviewer's folder holds one place's
 * reports, and two cities' bare `市教育局` in one run were compared with each other (false cross-year findings).
 */
const BARE = /^(?:[省市州县区旗盟镇乡]|自治[区州县旗]|经济(?:技术)?开发区|高新(?:技术产业)?(?:开发)?区|开发区|街道|人民政府)/;
/**
 * A name with no division in it at all (`教育体育局`, a department's own site leaving its county out): any county's
 * office of that name, bare as well. (A ministry's name, `水利部`, is scoped so too: its reports pair within a folder.)
 */
const DIVISION = /[省市州县区旗盟镇乡]|街道/;
const placeless = (agency: string) => BARE.test(agency) || !DIVISION.test(agency);

/**
 * The report's identity as the files at hand are paired by. A bare name takes the place its file's name puts before it
 * (`淮安市教育局_2023.txt` titled `市教育局…`: 淮安市教育局); else it is scoped to the folder `where` (a path or a URI) is in.
 */
export function placedIdentity(report: Report, where: string): ReportIdentity | undefined {
  const identity = reportIdentity(report);
  if (!identity || !placeless(identity.agency)) return identity;
  const place = placeInFileName(fileNameOf(where), identity.agency);
  return { agency: place ? place + identity.agency : `${folderOf(where)}\u0001${identity.agency}`, year: identity.year };
}

/** The Chinese characters right before `agency` in a file's name (`淮安` in `淮安市教育局_2023.txt` for 市教育局). */
function placeInFileName(name: string, agency: string): string {
  const plain = toHalfWidth(name).replace(NOISE, '');
  const at = plain.indexOf(agency);
  return at <= 0 ? '' : (/[\u3400-\u9fff]+$/.exec(plain.slice(0, at))?.[0] ?? '');
}

function fileNameOf(where: string): string {
  const path = normalPath(where);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder of a file path or a URI (file:, an original's scheme, untitled:), in one form for both. */
function folderOf(where: string): string {
  const path = normalPath(where);
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** A path or a URI as a path with forward slashes, decoded, its drive letter in lower case. */
function normalPath(where: string): string {
  let path = where.replace(/[?#].*$/, '').replace(/^[a-zA-Z][a-zA-Z0-9+.-]+:(?:\/\/)?/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A path with a bare % is a path.
  }
  return path.replace(/\\/g, '/').replace(/^\/?([a-zA-Z]):/, (_m, drive: string) => `${drive.toLowerCase()}:`);
}
