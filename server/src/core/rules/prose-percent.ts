// prose.percent: a share stated next to a count ("予以公开 50 件（52.6%）",
// "无法提供 31 件，占 32.6%") is not count ÷ base at the stated precision. The
// likeliest base is 表三 （七）总计 (all handled applications) unless the sentence
// names another: 新收/收到/受理 or an applicant kind (一), or a total stated before
// 其中. Any other named base is not ours to check. Reports take shares of what
// came in and of what was handled alike ("占申请总数的"), so the share is wrong
// only when no base agrees: the likeliest, 一, 一 + 二 or （七）; only words
// naming what was handled (占办理总数的) leave （七） alone.

import { messagesFor, type Messages } from '../i18n';
import type { FigureName } from '../i18n/types';
import type { Paragraph, Report } from '../model';
import type { ProseNumber } from '../text/prose-numbers';
import { applicationSetBefore, clauseStart, describeCount, listTotal, paragraphRange, proseParagraphs, readProse, sentenceEnd, sentenceStart, unitFamily } from '../text/prose-numbers';
import { opensWithApplicationResult } from './outcome-lead';
import type { FigureId, Reading } from './prose-figures';
import { figureOf, figureRelated, statedRelated } from './prose-figures';
import type { Finding, Related, Rule } from './types';
import { finding, MAX_RELATED } from './types';

export const prosePercent: Rule = {
  code: 'prose.percent',
  name: '正文百分比与数量不符',
  defaultSeverity: 'warning',
  // Paragraph-local, against the tables (engine.ts).
  inputs: ['tables', 'prose'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    const out: Finding[] = [];
    for (const { paragraph } of proseParagraphs(report)) if (hasShare(paragraph.text)) out.push(...checkParagraph(report, paragraph, m));
    return out;
  },
  checkParagraph: (paragraph, _sectionId, { report, lang }) => checkParagraph(report, paragraph, messagesFor(lang)),
  readsTables: (paragraph) => hasShare(paragraph.text),
};

const MAX_GAP = 20;
// Not memoised: two searches of a paragraph cost about what a lookup in a table does, and a new paragraph
// (every paragraph of a report just opened) would be hashed and stored besides.
const hasShare = (text: string): boolean => text.includes('%') || text.includes('％');
const NOT_APPLICATIONS = /主动|复议|诉讼|处罚|许可|强制|信访|建议|提案/;
// By applicant, channel or topic (涉及征地拆迁的18件): a share of what came in.
const BY_APPLICANT = /自然人|公民|个人|法人|企业|组织|机构|律师|网上|线上|网站|平台|信函|当面|现场|邮寄|传真|电子邮件|涉及/;
// Words that only restate "all applications handled" (占全部办理总数的) or "received" (占收到申请总数的).
const TOTAL_WORDS = /全部|所有|全年|本年度|本年|申请|办理|办结|答复|件数|总数|总量|总计|数量|结果|的|为|比例|比重|量/g;
const NEW_WORDS = /新收|收到|受理/g;
const CARRIED_OVER = /结转/;
// Words that name the handled applications as the base (占办理总数的, 占办结申请的): 表三 （七）.
const HANDLED_WORDS = /办理|办结|答复|结果/;
// A sentence about what came in (共收到, 受理): its shares may be of 一 as well as of （七）.
const RECEIVED_WORDS = /收到|受理|新收|接收|接到/;

interface Base {
  value: number;
  /** As the message names it: 表三“（七）总计”, 所述总数. */
  name: FigureName;
  related: Related[];
}

function checkParagraph(report: Report, paragraph: Paragraph, m: Messages): Finding[] {
  if (!hasShare(paragraph.text)) return [];
  const { text, numbers } = readProse(paragraph.text);
  const findings: Finding[] = [];
  for (let k = 1; k < numbers.length; k++) {
    const share = numbers[k]!;
    const count = numbers[k - 1]!;
    if (share.unit !== '%' || !isApplicationCount(text, count)) continue;
    // A share above 100% is never what a report means: the base read must be another.
    const bases = basesFor(report, paragraph, text, numbers, count, share, m).filter((b) => b.value > 0 && count.value <= b.value);
    // Reports take a share of what came in or of what was handled alike: it is wrong only when no base agrees.
    if (bases.length === 0 || bases.some((b) => agrees(share, (count.value / b.value) * 100))) continue;
    const base = bases[0]!;
    const expected = (count.value / base.value) * 100;
    const range = paragraphRange(paragraph, share.start, share.unitEnd);
    const says = m['prose.percent'];
    const message = says.message(describeCount(count), share.written, base.name, base.value, expected.toFixed(share.decimals));
    findings.push(finding(prosePercent, range, message, { related: [{ range: paragraphRange(paragraph, count.start, count.unitEnd), message: says.count(describeCount(count)) }, ...base.related].slice(0, MAX_RELATED) }));
  }
  return findings;
}

/**
 * Words naming the base win (占收到申请总数的 → 一); with none, a total the
 * sentence states before 其中 is the base ("共收到95件，其中自然人90件（94.7%）");
 * otherwise all handled applications, 表三 （七）总计.
 */
function basesFor(report: Report, paragraph: Paragraph, text: string, numbers: readonly ProseNumber[], count: ProseNumber, share: ProseNumber, m: Messages): Base[] {
  const named = baseOf(text.slice(count.unitEnd, share.start));
  if (named === undefined) return [];
  const byApplicant = byKind(text, count);
  const likeliest = baseFor(report, paragraph, text, numbers, count, named, byApplicant, m);
  if (!likeliest) return [];
  const countWords = text.slice(clauseStart(text, count.start), count.start);
  const sentenceBefore = text.slice(sentenceStart(text, count.start), count.start);
  let others: readonly (FigureId | Reading)[] = [];
  if (named === 'new') others = [['new', 'carried']]; // 收到 may count 上年结转 in, as prose.table reads it
  else if (named === 'total' || named === 'unnamed') {
    if (likeliest.name.kind === 'stated') {
      // An outcome's share under a stated count of what came in ("共收到申请40件，其中予以公开15件（39.5%）"): of （七）, too.
      if (!byApplicant && RECEIVED_WORDS.test(sentenceBefore)) others = ['total'];
    } else if (!byApplicant && (named === 'total' || RECEIVED_WORDS.test(sentenceBefore) || RECEIVED_WORDS.test(countWords))) {
      // 申请总数 names no row; a sentence about what came in may take its shares of it.
      others = ['total', 'new', ['new', 'carried']];
    }
  }
  const extra = others.flatMap((id) => {
    const figure = figureOf(report, id);
    return figure ? [{ value: figure.value, name: figure.name, related: figureRelated(figure, m) }] : [];
  });
  return [likeliest, ...extra];
}

/** `byApplicant`: the count is by applicant, channel or topic (byKind). */
function baseFor(report: Report, paragraph: Paragraph, text: string, numbers: readonly ProseNumber[], count: ProseNumber, named: FigureId | 'unnamed' | 'handled', byApplicant: boolean, m: Messages): Base | undefined {
  if (named === 'unnamed') {
    const from = sentenceStart(text, count.start);
    const words = text.slice(from, count.start);
    const listAt = words.lastIndexOf('其中');
    // Only within the same list: a ； between starts another statement.
    const inList = listAt >= 0 && !/[；;]/.test(words.slice(listAt));
    const listed = inList ? listTotal(text, numbers, from + listAt) : undefined;
    // "收到申请5件，上年结转1件。其中，新收申请中…": a carried-over count is what the list follows, not what it breaks down.
    const stated = listed && !CARRIED_OVER.test(text.slice(clauseStart(text, listed.start), listed.start)) ? listed : undefined;
    // Else "在办理的6件申请中，予以公开2件，占33.3%": the set the sentence names.
    const set = stated ? undefined : applicationSetBefore(text, numbers, from, count.start);
    const base = stated ?? set;
    if (base && unitFamily(base.unit) === '件' && !base.approximate && base.multiplier === 1) {
      return { value: base.value, name: { kind: 'stated' }, related: [statedRelated(paragraphRange(paragraph, base.start, base.unitEnd), describeCount(base), m)] };
    }
  }
  // Carried-over counts (上年结转, 结转下年度) are no part of （七） or of 一: their share is of a base no table row holds.
  if (CARRIED_OVER.test(text.slice(clauseStart(text, count.start), count.start))) return undefined;
  // Shares by applicant or channel are of what came in, whatever the words (占申请总数的); by outcome, of what was handled.
  const id = named === 'handled' ? 'total' : named === 'new' || byApplicant ? 'new' : 'total';
  const figure = figureOf(report, id);
  return figure && { value: figure.value, name: figure.name, related: figureRelated(figure, m) };
}

/**
 * A count by applicant, channel or topic, whose share is of what came in: its own words say so, or the sentence
 * breaks what came in down by them ("从申请内容看，涉及征地拆迁的18件，占45%；…其他10件，占25%").
 */
function byKind(text: string, count: ProseNumber): boolean {
  return BY_APPLICANT.test(text.slice(clauseStart(text, count.start), count.start)) || BREAKDOWN_OF_RECEIVED.test(text.slice(sentenceStart(text, count.start), count.start));
}

const BREAKDOWN_OF_RECEIVED = /从申请(?:内容|人|渠道|方式|类型)|申请内容|申请人类型|申请渠道|申请方式/;

function isApplicationCount(text: string, n: ProseNumber): boolean {
  // Applications are counted in 件 (or 宗); 条 counts published items, a different base.
  if (unitFamily(n.unit) !== '件' || n.approximate || n.multiplier !== 1) return false;
  const sentence = text.slice(sentenceStart(text, n.start), sentenceEnd(text, n.start));
  if (!sentence.includes('申请') && !opensWithApplicationResult(sentence)) return false;
  return !NOT_APPLICATIONS.test(text.slice(clauseStart(text, n.start), n.start));
}

/** The base a share is of, from the words between the count and the share: "（", "，占", "（占总数的". */
function baseOf(gap: string): FigureId | 'unnamed' | 'handled' | undefined {
  if (gap.length > MAX_GAP) return undefined;
  let words = gap.replace(/\s/g, '');
  const opener = words[0];
  if (opener === '（' || opener === '(') words = words.slice(1);
  else if ((opener === '，' || opener === ',') && (words[1] === '占' || words.startsWith('所占', 1))) words = words.slice(1);
  else return undefined;
  if (words.startsWith('所占')) words = words.slice(2); // "，所占比例为42.7%"
  else if (words.startsWith('占比')) words = words.slice(2);
  else if (words.startsWith('占')) words = words.slice(1);
  const rest = words.replace(TOTAL_WORDS, '');
  if (words === '') return 'unnamed';
  if (rest === '') return HANDLED_WORDS.test(words) ? 'handled' : 'total';
  return rest.replace(NEW_WORDS, '') === '' ? 'new' : undefined;
}

/** Rounded or truncated to the stated decimals. */
function agrees(share: ProseNumber, expected: number): boolean {
  const scale = 10 ** share.decimals;
  const stated = Math.round(share.value * scale);
  const scaled = expected * scale;
  return stated === Math.round(scaled) || stated === Math.floor(scaled + 1e-9);
}
