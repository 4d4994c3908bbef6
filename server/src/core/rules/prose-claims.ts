// What prose says about the figures of 表三 and 表四: "受理政府信息公开申请 17 件",
// "答复 3050 件", "103 件顺延到下年度", "予以公开 10 件", "行政复议 351 件",
// "未收到依申请公开办件", "未发生行政复议、行政诉讼". Each pattern is anchored on
// the clause around one number (at most 80 characters), so the expressions run
// on short strings only and cannot blow up on long input.

import type { SectionId } from '../template';
import { memoByText } from '../text/memo';
import { toHalfWidth } from '../text/normalize';
import type { ProseNumber } from '../text/prose-numbers';
import { clauseEnd, clauseStart, scanProseNumbers, sentenceEnd, sentenceStart, unitFamily } from '../text/prose-numbers';
import type { FigureId } from './prose-figures';

export interface Claim {
  figure: FigureId;
  value: number;
  /** Text indices of what the finding points at (the number, or the 未收到 phrase). */
  start: number;
  end: number;
  /** The claim as the message quotes it: 受理政府信息公开申请 17 件. */
  phrase: string;
}

const COUNT_UNITS = new Set(['件', '条', '个', '份', '起']);
// 收到/受理 clauses about something other than disclosure applications.
const OUTSIDE_APPLICATIONS = /复议|诉讼|信访|来信|建议|提案|留言|咨询|投诉|举报|热线|转办|信箱|(?<!公开)信件/;
const APPLICATION = /依申请|公开申请/;
const DISCLOSURE = /信息公开|依申请|政务公开/;
const RECEIVED = /收到|受理|新收|接收|接到/;
const ANSWERED = /(?:办结|答复)(?:了)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共计|共|合计)?$/;
// A part of the applications, not all of them: by channel or timing ("网上受理", "当场答复").
const SUBSET = /逾期|超期|当场|当日|延期|电话|口头|网上|线上|线下|网站|平台|信函|当面|现场|邮寄|传真|电子邮件|书面|按时|及时|不予/;
// One kind of applicant only ("自然人提出的申请"); "公民、法人提出的" names both, so all.
const NATURAL_PERSONS = /自然人|公民|个人/;
const ORGANISATIONS = /法人|企业|组织|机构|律师/;
// Another year's figures ("2021年共收到…", "去年…"); 上年结转 is this year's 二.
const OTHER_YEAR_WORDS = /去年|前一?年|上一?年(?!度?结转)/;
const YEAR = /(?:19|20)\d\d(?=\s?年)/g;
const CARRIED = /上一?年度?结转/;
const FORWARD_BEFORE = /结转(?:至|到)?下一?年/;
const FORWARD_AFTER = /^(?:继续)?(?:顺延|结转)(?:至|到)?下一?年度?/;
const WITH_CARRIED_AFTER = /^\s{0,2}[（(]\s{0,2}含上一?年度?结转/;
const WITH_CARRIED = /含上一?年度?结转/;
const REVIEW = /行政复议(?:案件|申请)?(?:共计|共|合计)?$/;
const SUIT = /行政诉讼(?:案件)?(?:共计|共|合计)?$/;
const OUTCOME = /(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:的|类)?(?:申请)?(?:共计|共|合计)?$/;
const OUTCOME_FIGURE: Readonly<Record<string, FigureId>> = { 予以公开: 'public', 部分公开: 'partial', 不予公开: 'deny', 无法提供: 'unable', 不予处理: 'refuse', 其他处理: 'other' };
const NOT_RECEIVED = /(?:未|没有|尚未)(?:收到|接到|受理)/g;
const NOT_HAPPENED = /(?:未曾|未|没有|尚未)(?:发生|出现|产生)|未被(?:申请|提起)/g;
// "未发生被行政复议纠错的情况" denies a result, not the case itself.
const RESULT_WORDS = /纠错|纠正|败诉|撤销|违法/;

const claimsCache = memoByText((): { sectionId: SectionId | undefined; year: number | undefined; claims: Claim[] }[] => []);

/** Every claim about a table figure in one paragraph (cached by text, section and year; shared: do not mutate). */
export function tableClaims(rawText: string, sectionId: SectionId | undefined, year: number | undefined): readonly Claim[] {
  const entries = claimsCache(rawText);
  const hit = entries.find((e) => e.sectionId === sectionId && e.year === year);
  if (hit) return hit.claims;
  const claims = findClaims(rawText, sectionId, year);
  entries.push({ sectionId, year, claims });
  return claims;
}

function findClaims(rawText: string, sectionId: SectionId | undefined, year: number | undefined): Claim[] {
  const text = toHalfWidth(rawText);
  const aboutApplications = text.includes('申请');
  const counts = scanProseNumbers(rawText).flatMap((n) => {
    const claim = countClaim({ text, n, sectionId, aboutApplications }, year);
    return claim ? [claim] : [];
  });
  return [...counts, ...notReceivedClaims(text, year), ...notHappenedClaims(text, sectionId, year)];
}

interface CountContext {
  text: string;
  n: ProseNumber;
  sectionId: SectionId | undefined;
  aboutApplications: boolean;
}

interface Match {
  figure: FigureId;
  /** Index in the clause where the quoted phrase starts. */
  keyword: number;
  tail?: string;
}

function countClaim(ctx: CountContext, year: number | undefined): Claim | undefined {
  const { text, n } = ctx;
  const unit = unitFamily(n.unit);
  if (!unit || !COUNT_UNITS.has(unit) || n.approximate || n.multiplier !== 1) return undefined;
  const clauseFrom = clauseStart(text, n.start);
  const before = text.slice(clauseFrom, n.start).trimEnd();
  // Sentence context is only needed once a pattern matched: read it lazily.
  let sentenceFrom: number | undefined;
  const sentenceUpTo = (to: number) => text.slice((sentenceFrom ??= sentenceStart(text, n.start)), to);
  const match = classify(ctx, before, sentenceUpTo);
  if (!match) return undefined;
  if (match.figure !== 'carried' && aboutOtherYear(sentenceUpTo(n.start), year)) return undefined;
  const lead = text.slice(clauseFrom + match.keyword, n.start).replace(/\s+/g, '');
  return { figure: match.figure, value: n.value, start: n.start, end: n.end, phrase: `${lead}${lead ? ' ' : ''}${n.written} ${n.unit}${match.tail ?? ''}` };
}

function classify({ text, n, sectionId, aboutApplications }: CountContext, before: string, sentenceUpTo: (to: number) => string): Match | undefined {
  const after = text.slice(n.unitEnd, clauseEnd(text, n.unitEnd));
  const sentence = () => sentenceUpTo(sentenceEnd(text, n.start));

  const forward = FORWARD_AFTER.exec(after);
  if (forward) return sentence().includes('申请') ? { figure: 'forward', keyword: before.length, tail: forward[0] } : undefined;
  const forwardBefore = FORWARD_BEFORE.exec(before);
  if (forwardBefore) return sentence().includes('申请') ? { figure: 'forward', keyword: forwardBefore.index } : undefined;
  const carried = CARRIED.exec(before);
  if (carried) return sentence().includes('申请') ? { figure: 'carried', keyword: carried.index } : undefined;

  // 表四: only where the words before the number say it is about disclosure.
  const disclosure = () => sectionId === 4 || DISCLOSURE.test(sentenceUpTo(n.start));
  const review = REVIEW.exec(before);
  if (review && !/复议后|直接起诉/.test(before)) return disclosure() ? { figure: 'review', keyword: review.index } : undefined;
  const suit = SUIT.exec(before);
  if (suit) return disclosure() ? { figure: 'suit', keyword: suit.index } : undefined;

  const outcome = OUTCOME.exec(before);
  if (outcome) return aboutApplications && !/主动|复议|诉讼/.test(before) ? { figure: OUTCOME_FIGURE[outcome[1]!]!, keyword: outcome.index } : undefined;

  // Received and answered counts: all applications, not a part of them (其中…).
  const received = RECEIVED.exec(before);
  const answered = ANSWERED.exec(before);
  if (!received === !answered) return undefined; // neither, or both ("收到并办结")
  if (OUTSIDE_APPLICATIONS.test(before) || SUBSET.test(before) || oneKindOfApplicant(before) || sentenceUpTo(n.start).includes('其中')) return undefined;
  if (received) {
    if (!APPLICATION.test(before.slice(received.index))) return undefined;
    const carriedAfter = WITH_CARRIED_AFTER.test(text.slice(n.unitEnd, n.unitEnd + 12));
    const withCarried = carriedAfter || WITH_CARRIED.test(before);
    return { figure: withCarried ? 'newAndCarried' : 'new', keyword: received.index, tail: carriedAfter ? '（含上年结转）' : '' };
  }
  return sentence().includes('申请') ? { figure: 'total', keyword: answered!.index } : undefined;
}

/** "未收到依申请公开办件": no application came in, so 一 总计 is 0. */
function notReceivedClaims(text: string, year: number | undefined): Claim[] {
  const claims: Claim[] = [];
  for (const m of text.matchAll(NOT_RECEIVED)) {
    const words = text.slice(m.index, clauseEnd(text, m.index + m[0].length));
    if (!APPLICATION.test(words) || OUTSIDE_APPLICATIONS.test(words) || oneKindOfApplicant(words)) continue;
    if (aboutOtherYear(text.slice(sentenceStart(text, m.index), m.index), year)) continue;
    claims.push({ figure: 'new', value: 0, start: m.index, end: m.index + words.trimEnd().length, phrase: words.replace(/\s+/g, '') });
  }
  return claims;
}

/** "未发生行政复议、行政诉讼": the named 表四 totals are 0. */
function notHappenedClaims(text: string, sectionId: SectionId | undefined, year: number | undefined): Claim[] {
  const claims: Claim[] = [];
  for (const m of text.matchAll(NOT_HAPPENED)) {
    const words = text.slice(m.index, clauseEnd(text, m.index + m[0].length));
    if (RESULT_WORDS.test(words)) continue;
    const sentenceFrom = sentenceStart(text, m.index);
    if (sectionId !== 4 && !DISCLOSURE.test(text.slice(sentenceFrom, sentenceEnd(text, m.index)))) continue;
    if (aboutOtherYear(text.slice(sentenceFrom, m.index), year)) continue;
    const review = words.indexOf('复议');
    const suit = words.indexOf('诉讼');
    const end = m.index + Math.max(review, suit) + 2;
    const phrase = text.slice(m.index, end).replace(/\s+/g, '');
    if (review >= 0) claims.push({ figure: 'review', value: 0, start: m.index, end, phrase });
    if (suit >= 0) claims.push({ figure: 'suit', value: 0, start: m.index, end, phrase });
  }
  return claims;
}

function oneKindOfApplicant(words: string): boolean {
  return NATURAL_PERSONS.test(words) !== ORGANISATIONS.test(words);
}

function aboutOtherYear(sentenceBefore: string, year: number | undefined): boolean {
  if (OTHER_YEAR_WORDS.test(sentenceBefore)) return true;
  if (year === undefined) return false;
  for (const m of sentenceBefore.matchAll(YEAR)) if (Number(m[0]) !== year) return true;
  return false;
}
