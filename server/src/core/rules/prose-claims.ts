// What prose says about the figures of 表二, 表三 and 表四: "受理政府信息公开申请
// 17 件", "答复 3050 件", "103 件顺延到下年度", "予以公开及部分公开 42 件",
// "行政复议 351 件", "未收到依申请公开办件", "未发生行政复议、行政诉讼",
// "现行有效行政规范性文件 393 件". Each pattern is anchored on the clause around
// one number (at most 80 characters), so the expressions run on short strings
// only and cannot blow up on long input. Where the wording allows more than one
// reading (收到 may count 上年结转 too), the claim carries every reading.

import type { SectionId } from '../template';
import { memoByText } from '../caches';
import { CHINESE_YEAR, chineseNumeralValue, chineseYearValue } from '../text/normalize';
import type { ProseNumber } from '../text/prose-numbers';
import { applicationSetBefore, clauseEnd, clauseStart, firstNumberFrom, isSpace, listTotal, readProse, sentenceEnd, sentenceStart, unitFamily } from '../text/prose-numbers';
import { opensWithApplicationResult } from './outcome-lead';
import type { ApplicantFigure, FigureId, Reading, Table2Figure } from './prose-figures';

export interface Claim {
  /** What the count may mean, the likeliest first: it contradicts the table only when no reading agrees. */
  readings: readonly Reading[];
  /** A 表二 claim's readings where 表二 has the 2019 trial form (本年新制作数量 …); `readings` are then the 2021 form's, or none. */
  trialReadings?: readonly Reading[];
  value: number;
  /** Text indices of what the finding points at (the number, or the 未收到 phrase). */
  start: number;
  end: number;
  /** The claim as the message quotes it: 受理政府信息公开申请 17 件. */
  phrase: string;
}

const COUNT_UNITS = new Set(['件', '条', '个', '份', '起', '部']);
// 收到/受理 clauses about something other than disclosure applications.
const OUTSIDE_APPLICATIONS = /复议|诉讼|信访|来信|建议|提案|留言|咨询|投诉|举报|热线|转办|信箱|工单|档案|(?<!公开)信件|[村院校党居厂]务公开/;
const APPLICATION = /依申请|公开申请/;
// What may stand right before a 申请 that is a disclosure application or any application (收到申请, 新收的申请).
const OUR_APPLICATIONS_BEFORE = /(?:^|公开|依|收到|受理|新收|接收|接到|办理|处理|办结|答复|结转|提出|了|的|共|计|各类|全部|所有|本年|本年度|全年)\s{0,2}$/;
const DISCLOSURE = /信息公开|依申请|政务公开/;
const RECEIVED = /收到|受理|新收|接收|接到/;
const ANSWERED = /(?:办结|答复)(?:了)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共计|共|合计)?$/;
// 办理/处理 may count what came in (一, or 一 + 二) or what was handled (（七）).
const HANDLED = /(?<!不予|其他)(?:办理|处理)(?:了)?(?:政府信息公开|依申请公开|信息公开)(?:申请|事项)?(?:共计|共|合计)?$/;
// A part of the applications, not all of them: by channel or timing ("网上受理", "当场答复").
const SUBSET = /逾期|超期|当场|当日|延期|电话|口头|网上|线上|线下|网站|平台|信函|当面|现场|邮寄|传真|电子邮件|书面|按时|及时|不予|日内|月内|时限内|外籍|港澳台|境外|涉企|重复/;
// A part of the year ("12月份收到", "下半年收到", "第四季度收到"); "截至12月31日" and "1月1日至12月31日" are the year's end.
const PART_OF_YEAR = /\d{1,2}\s?月份|\d{1,2}\s?月(?!\s?\d|份|底|末)|[上下]半年|季度|月内|\d+\s?个月|(?<![至到止])\d{1,2}\s?月\s?\d{1,2}\s?日(?!\s?[至到起止])/;
// A change from last year ("同比增加12件", "较上年减少3件"), an average or a day's figure, a range's end.
const CHANGE_BEFORE = /同比|环比|较上年|比上年|较去年|比去年|与上年相比|(?:增加|减少|增长|下降|上升|多出|减少了|增加了)\s*$/;
const AVERAGE = /月均|日均|年均|周均|人均|平均|单日|单月|最多|最少|最高|最低|同一天|一天内/;
const RANGE_END = /\d\s?(?:至|到|[-—–～~])\s?$/;
// Sub-periods a sentence may name before its count: a month range, a date range not from 1 January, a cut-off before
// the year's end, a holiday, "自3月起". The year itself (1月至12月, 1月1日至12月31日, 截至12月31日) is none.
const FULL_YEAR = /1\s?月(?:\s?1\s?日)?(?:起)?\s?(?:[至到—－\-~～]|起至)\s?12\s?月(?:\s?31\s?日)?(?:底|末)?|截[至止]\s?(?:(?:19|20)\d\d\s?年\s?)?12\s?月(?:\s?31\s?日)?(?:底|末)?/g;
const SUB_PERIOD = /\d{1,2}\s?(?:[至到—－\-~～])\s?\d{1,2}\s?月|\d{1,2}\s?月\s?\d{1,2}\s?日\s?(?:[至到—－\-~～]|起至)|截[至止]\s?(?:(?:19|20)\d\d\s?年\s?)?\d{1,2}\s?月|自\s?\d{1,2}\s?月(?:份)?(?:\s?\d{1,2}\s?日)?起|元旦|春节|国庆|期间/;

function partOfYear(sentence: string): boolean {
  const rest = sentence.replace(FULL_YEAR, '');
  return SUB_PERIOD.test(rest) || PART_OF_YEAR.test(rest);
}

// Who may stand between a verb and 的…申请 when the count is still all applications ("收到公民、法人或者其他组织提出的
// 政府信息公开申请"); any other words there make a part of them ("收到涉及房屋征收补偿的…申请", "受理后10个工作日内答复的…申请").
const ALL_APPLICANTS_WHO = /^(?:了|的)?(?:由|来自)?(?:公民|法人|其他组织|自然人|群众|人民群众|社会公众|公众|申请人|各类申请人|社会各界|个人|企业|[、，,和及与或者以]|或者|以及)*(?:依法)?(?:提出|提交|递交|发来)?$/;
// One kind of applicant only ("自然人提出的申请"); "公民、法人提出的" names both, so all.
const NATURAL_PERSONS = /自然人|公民|个人|群众/;
const ORGANISATIONS = /法人|企业|组织|机构|律师/;
// "…，其中法人申请 1 件、自然人申请 2 件": one applicant kind of the 表三 columns (法人 = the five 法人或其他组织 columns).
const APPLICANT_WORDS = '(?:来自|由)?(自然人|公民|个人|法人(?:或其他组织|和其他组织|及其他组织)?)(?:提出|提交)?(?:的)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?';
const APPLICANT_PART = new RegExp(`^[\\s:：]*${APPLICANT_WORDS}(?:共计|共|为)?\\s*$`);
const APPLICANT_COUNT = new RegExp(`^[\\s:：]*${APPLICANT_WORDS}(?:共计|共|为)?\\s*\\d[\\d,]*\\s*(?:件|份|条|个)\\s*$`);
// Another year's figures ("2021年共收到…", "去年…"); 上年结转 is this year's 二.
const OTHER_YEAR_WORDS = /去年|前一?年|上一?年(?!度?结转)/;
const YEAR = new RegExp(`(?:19|20)\\d\\d(?=\\s?年)|${CHINESE_YEAR}(?=\\s?年)`, 'g');
// Several years' figures: "近三年", "历年", a span of years ("2021—2022年", "2021年至2022年"), a start before the
// year ("自《条例》施行以来", "“十四五”以来"), a running total ("截至目前，本局累计制发…").
const SEVERAL_YEARS = /历年|多年|往年|以往|近年|近[两二三四五六七八九十几\d]{1,2}年|(?:19|20)\d\d\s?年?\s?(?:[-－—–~～]|至|到)\s?(?:19|20)\d\d/;
// Starts within the year: "今年以来", "2022年以来" (the other years are another year's already), "年初以来".
const SINCE_THIS_YEAR = /今年|本年|年初|(?:19|20)\d\d\s?年/;
// 累计 is this year's after the year's own words ("全年累计受理"), unless the sentence says up to when ("截至目前").
const THIS_YEAR_WORDS = /今年|本年|全年|年内|年度/;
const UP_TO = /截至|截止/;
// Last year as what a change is measured from ("12件，较上年增加2件；废止4件"): the sentence is still this year's.
const COMPARED_WITH_LAST_YEAR = /(?:较|比|与)(?:上一?年度?|去年)(?:同期)?(?:相比)?[，,]?\s{0,2}(?:增加|减少|增长|下降|上升|多|少|持平)/g;
const CARRIED = /上一?年度?结转/;
// The carried-over applications as a set the sentence goes on about ("对上年结转的3件申请，予以公开2件").
const CARRIED_SET = /上一?年度?结转的/;
const FORWARD_BEFORE = /结转(?:至|到)?下一?年/;
// Next year by name or by number ("结转至2024年继续办理": the number is checked against the report's year).
const FORWARD_AFTER = /^(?:继续)?(?:顺延|结转)(?:至|到)?(?:下一?年度?|((?:19|20)\d\d)\s?年度?)/;
// The count's own clause says what it counts and why, the next carries it forward ("另有5件申请因尚在答复期内，结转下年度
// 办理", "尚有2件申请未办结，将结转至下一年度继续办理"): no number between.
const FORWARD_NEXT_CLAUSE = /^申请[^\d，,。；;!?！？]{0,14}[，,]\s{0,2}(?:将|均|已|并|需|拟)?\s{0,2}(?:继续)?(?:顺延|结转)(?:至|到)?(?:下一?年度?|((?:19|20)\d\d)\s?年度?)/;
const FORWARD_FIRST = new Set(['继', '顺', '结', '申'].map((c) => c.charCodeAt(0)));
const WITH_CARRIED_AFTER = /^\s{0,2}[（(]\s{0,2}含上一?年度?结转/;
const WITH_CARRIED = /含上一?年度?结转/;
// "予以公开 42 件（含部分公开 5 件）": the count takes in more than its words name.
const INCLUDES_AFTER = /^\s{0,2}[（(]\s{0,2}(?:含|包括|包含)/;
// "A及B 42 件" states A + B; "A、B各 2 件" states A = B = 2.
const AND = '(?:及|和|与|以及|或|、)';
const TOTAL_WORD = '(?:共计|共|合计|为)?';
// A list that goes on before the words matched ("全部公开和部分公开", "行政许可、行政处罚和行政强制决定", "制定、修改和废止"):
// the count is of more than those words name. A list of counts ("予以公开 2 件、部分公开 3 件") is not.
const JOINED_BEFORE = /[、和及与并或]$/;
const COUNT_THEN_JOIN = /\d\s{0,2}(?:件|条|个|份|宗|起|部|项|次)?\s{0,2}[、和及与并或]$/;
const REVIEW = new RegExp(`行政复议(?:案件|申请)?${TOTAL_WORD}(各)?$`);
const SUIT = new RegExp(`行政诉讼(?:案件)?${TOTAL_WORD}(各)?$`);
const REVIEW_AND = new RegExp(`行政复议(?:案件|申请)?${AND}被?(?:提起)?$`);
const SUIT_AND = new RegExp(`行政诉讼(?:案件)?${AND}被?(?:申请)?$`);
const OUTCOME_WORDS = '(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:的|类)?(?:申请)?';
const OUTCOME = new RegExp(`${OUTCOME_WORDS}${TOTAL_WORD}(各)?$`);
const OUTCOME_AND = new RegExp(`${OUTCOME_WORDS}${AND}$`);
// An outcome for one reason ("因涉及第三方合法权益不予公开 2 件", "以重复申请为由不予处理", "其他处理 1 件系申请人逾期不补正",
// "依据《条例》第三十六条第（三）项告知无法提供"): one row of its group, not the group's total.
const REASON_BEFORE = /因|由于|为由|鉴于|属于|涉及|依据|根据|按照|依照/;
const REASON_AFTER = /^\s{0,2}(?:系|因|属于?|均系|均属|均因|是因为|原因)/;
// An item of the regulations named ("依据《条例》第三十六条第（四）项"): one reason, though brackets part the clause.
const ARTICLE_ITEM = /第[一二三四五六七八九十百\d]+条\s{0,2}第\s{0,2}[（(]?\s{0,2}[一二三四五六七八九十\d]+\s{0,2}[)）]?\s{0,2}项/;
const OUTCOME_FIGURE: Readonly<Record<string, FigureId>> = { 予以公开: 'public', 部分公开: 'partial', 不予公开: 'deny', 无法提供: 'unable', 不予处理: 'refuse', 其他处理: 'other' };
// 表二: the documents a sentence counts, and what it counts of them ("制发规章和规范性文件共 5 件").
const DOCUMENTS = new RegExp(`((?:行政)?规范性文件|规章)(?:${AND}((?:行政)?规范性文件|规章))?${TOTAL_WORD}$`);
// Up to 8 characters between the verb and the documents ("制定出台市政府规章"), none joining another kind ("出台配套政策及规范性文件").
const DOCUMENT_COLUMN = /(制发|制定|出台|印发|废止|现行有效)(?:了|的)?[^，,；;：:、及和与或等]{0,8}$/;
const COLUMN_AFTER_DOCUMENTS = new RegExp(`((?:行政)?规范性文件|规章)[^，,；;：:、及和与或等]{0,6}?(制发|制定|出台|印发|废止|现行有效)(?:的)?${TOTAL_WORD}$`);
// "…5 件，废止 1 件，现行有效 25 件": the documents of the sentence's previous 表二 claim.
const COLUMN_ONLY = new RegExp(`^(?:本年度?)?(制发|制定|出台|印发|废止|现行有效)(?:的)?${TOTAL_WORD}$`);
const DOCUMENT_COLUMN_ID: Readonly<Record<string, 'issued' | 'repealed' | 'inForce'>> = { 制发: 'issued', 制定: 'issued', 出台: 'issued', 印发: 'issued', 废止: 'repealed', 现行有效: 'inForce' };
// The 2019 trial form's columns (本年新制作数量, 本年新公开数量, 对外公开总数量). 公开 may not be 信息公开, 依申请公开, 不予公开 ….
const TRIAL_VERB = '(累计(?:对外)?公开|对外公开|(?:新?制作|制发)(?:并|和|及|、)(?:新)?公开|新?制作|制发|新公开|(?<!信息|政务|申请|不予|部分|予以)公开)';
const TRIAL_TOTAL = '(总数量?|总量)?';
const TRIAL_DOCUMENTS = new RegExp(`((?:行政)?规范性文件|规章)(?:${AND}((?:行政)?规范性文件|规章))?${TRIAL_TOTAL}${TOTAL_WORD}$`);
// Up to 4 characters between the verb and the documents, none of them another verb ("公开新制作规范性文件" is 新制作).
const TRIAL_COLUMN = new RegExp(`${TRIAL_VERB}(?:了|的)?[^，,；;：:、及和与或等制公]{0,4}$`);
const TRIAL_COLUMN_AFTER_DOCUMENTS = new RegExp(`((?:行政)?规范性文件|规章)[^，,；;：:、及和与或等]{0,6}?${TRIAL_VERB}(?:的)?(?:规范性文件|规章)?${TRIAL_TOTAL}${TOTAL_WORD}$`);
const TRIAL_COLUMN_ONLY = new RegExp(`^(?:本年度?)?${TRIAL_VERB}(?:的)?${TRIAL_TOTAL}${TOTAL_WORD}$`);
// A count of all the documents so far: only 对外公开总数量 is one.
const ALL_SO_FAR = /累计|历年|截至|截止/;
// Party documents, drafts, reviews and forwarded documents are not what the agency issued.
const NOT_ISSUED_HERE = /党内|党委|党组|审核|审查|备案|清理|评估|起草|转发|报送|征求|解读|参与|协助|配合|代拟|联合|会同/;
const DECISIONS = new RegExp(`(行政许可|行政处罚|行政强制)(?:${AND}(行政许可|行政处罚|行政强制))?(?:处理)?决定(?:书)?(?:数量)?${TOTAL_WORD}(各)?$`);
const DECISION_ROW: Readonly<Record<string, 'licensing' | 'penalty' | 'coercion'>> = { 行政许可: 'licensing', 行政处罚: 'penalty', 行政强制: 'coercion' };
// Counts of many agencies may be more than the report's table holds: several units ("各部门", "全县36个部门",
// "指导12个镇（街道）", "乡镇街道"), subordinate ones ("所属", "局机关及直属单位", "局属事业单位"), an area or a system as a whole
// ("全市公安机关", "全区", "本系统"), several levels ("市、县两级"). 全镇/全乡 and a bare 系统 ("依申请公开系统") are
// not among them: a township reports for the township, and a system may be a platform.
const MANY_AGENCIES = /各村|各站|村（居）|村\(居\)|各社区|站所|设区市|县（市、区）|各市|各县|各级|各部门|各单位|各地|各县|各区|各乡镇|各街道|所属|下属|直属|[局委厅市区县省]属|[县市区省旗]直|组成部门|本级部门|[县市区]级(?:行政机关|部门)|及其(?:工作)?部门|二级单位|[两三四]级|全[省市区县州盟旗]|[本全]系统|系统内|乡镇|镇街|\d+\s{0,2}个(?:部门|单位|乡|镇|街道|县|区|市)/;
// Decisions published, revoked or contested are another count than the decisions made.
const NOT_DECISIONS_MADE = /公示|公开|公布|发布|推送|上传|报送|归集|信息|撤销|复议|诉讼|听证|纠错|变更|执行|准予|不予|从轻|减轻|免予|免于|首违|延续|注销/;
// Documents counted by their disclosure status ("印发公文 356 件，其中主动公开 210 件，依申请公开 46 件，不予公开 100 件"):
// 不予公开 beside a count of 主动公开 is no outcome of an application.
const DISCLOSURE_STATUS = /主动公开\s{0,2}\d/;
// Inside a bracket that notes what a count takes in ("予以公开 42 件（含部分公开 5 件）"): the writer's own breakdown of
// that count, not a row of 表三.
const IN_INCLUDES_NOTE = /[件宗]\s{0,2}[（(]\s{0,2}(?:含|包括)[^）)]*$/;
// A bracket opened right after a count ("被申请行政复议 2 件（上年结转 0 件）") notes on that count.
const NOTE_OPEN = new Set(['（', '('].map((c) => c.charCodeAt(0)));
const REVIEW_OR_SUIT = /复议|诉讼|起诉/;
// Another agency's case the reporting one helped with or joined (协助县政府办理, 作为第三人参加, 配合应诉): not its own.
const HELPING = /协助|配合|协办|作为第三人|代为|参加/;
// Reviews or suits said to be no disclosure's ("非政府信息公开类行政复议", "均不涉及政府信息公开"), or all of them with the
// disclosure ones after ("行政复议案件共 15 件，其中涉及政府信息公开的 4 件").
const NOT_DISCLOSURE = /非(?:政府)?信息公开|非依申请|不(?:涉及|属于)(?:政府)?信息公开|与(?:政府)?信息公开无关|作为(?:行政)?复议机关|复议机关(?:受理|办理|审理)/;
// A bracket that breaks the count down by result (`7件（其中维持4件、纠正1件…）`, report-format.md's own form) is no such part.
const DISCLOSURE_PART_AFTER = /其中[^，,。；;]{0,8}(?:政府)?信息公开|^\s{0,2}[（(]\s{0,2}(?:含|包括|其中)(?!\s{0,2}[：:]?\s{0,2}(?:结果)?(?:维持|纠正|其他结果|尚未审结))/;
// One of 表四's two suit groups (未经复议直接起诉, 复议后起诉), not 行政诉讼 as a whole.
const ONE_SUIT_GROUP = /复议后|直接|未经复议|经复议/;
// 复议后起诉 is a suit (表四's 复议后起诉 columns), not a review.
const REVIEW_WORD = /复议(?!后)/;
// A count the rest of its sentence adds to (加上…, 共办结 N 件): a part.
const MORE_AFTER = /加上|共计?办结|合计办结|共答复/;
// Words that make 未收到 about some applications only.
const SOME_APPLICATIONS = /涉及|方式|渠道|其他|其余|大量|反复/;
const NOT_RECEIVED = /(?:未|没有|尚未)(?:收到|接到|受理)/g;
const NOT_HAPPENED = /(?:未曾|未|没有|尚未)(?:发生|出现|产生)|未被(?:申请|提起)/g;
// "未发生被行政复议纠错的情况" denies a result, not the case itself.
const RESULT_WORDS = /纠错|纠正|败诉|撤销|违法/;

// A word that every pattern of classify() below (but FORWARD_AFTER, and a verb after a previous count's
// documents) contains: 结转 (FORWARD_BEFORE, CARRIED), 复议/诉讼 (REVIEW, SUIT), the outcomes (OUTCOME), the applicants
// (APPLICANT_PART), 决定/规章/规范性文件 (DECISIONS, DOCUMENTS, the trial form's), and RECEIVED, ANSWERED, HANDLED.
const CUES = /结转|复议|诉讼|予以公开|部分公开|不予公开|无法提供|处理|自然人|公民|个人|法人|决定|规章|规范性文件|收到|受理|新收|接收|接到|办结|答复|办理/;
/**
 * CUES is read only where one of the characters stands (a look at a clause's characters, without copying it or running
 * the expression); a test expands it and finds one in every word.
 */
export const CLAIM_CUE_WORDS = { characters: '结复诉予部无处自民个法决规收受接办答', expressions: [CUES] } as const;
const CUE_CHARACTERS = new Uint8Array(0x10000);
for (const c of CLAIM_CUE_WORDS.characters) CUE_CHARACTERS[c.charCodeAt(0)] = 1;

function holdsCueCharacter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CUE_CHARACTERS[text.charCodeAt(i)] === 1) return true;
  return false;
}

const claimsCache = memoByText((): { sectionId: SectionId | undefined; year: number | undefined; claims: Claim[] }[] => []);

/** Every claim about a table figure in one paragraph (cached by text, section and year; shared: do not mutate). */
export function tableClaims(rawText: string, sectionId: SectionId | undefined, year: number | undefined): readonly Claim[] {
  const entries = claimsCache(rawText);
  for (const e of entries) if (e.sectionId === sectionId && e.year === year) return e.claims;
  const claims = findClaims(rawText, sectionId, year);
  entries.push({ sectionId, year, claims });
  return claims;
}

function findClaims(rawText: string, sectionId: SectionId | undefined, year: number | undefined): Claim[] {
  const { text, numbers } = readProse(rawText);
  const aboutApplications = text.includes('申请');
  let documents: Documents | undefined;
  // Loops, not closures: this runs on every paragraph a report has (and tsx wraps each closure made here).
  const claims: Claim[] = [];
  for (const n of numbers) {
    if (!mayCount(n)) {
      documents = undefined;
      continue;
    }
    const ctx: CountContext = { text, numbers, n, sectionId, year, aboutApplications, documents, sentenceFrom: undefined };
    const match = countMatch(ctx, year);
    // A change clause between ("制发规范性文件12件，较上年增加2件；废止4件") keeps the documents the sentence is about.
    documents = match ? match.documents : documents && changeClause(text, n) ? documents : undefined;
    if (match) claims.push(...claimsOf(ctx, match));
  }
  // Counts written in Chinese numerals ("行政诉讼两件", "上年结转一件"): small agencies write small counts so.
  if (CHINESE_COUNT_HINT.test(text)) {
    for (const n of chineseCounts(text)) {
      const ctx: CountContext = { text, numbers, n, sectionId, year, aboutApplications, documents: undefined, sentenceFrom: undefined };
      const match = countMatch(ctx, year);
      if (match) claims.push(...claimsOf(ctx, match));
    }
  }
  // Both patterns of a denial hold 未 or 没有: a paragraph without either has none.
  if (text.includes('未') || text.includes('没有')) {
    notReceivedClaims(text, year, claims);
    notHappenedClaims(text, sectionId, year, claims);
  }
  return claims;
}

/** The number is a change from last year ("较上年增加2件"). */
function changeClause(text: string, n: ProseNumber): boolean {
  return CHANGE_BEFORE.test(text.slice(clauseStart(text, n.start), n.start).trimEnd());
}

/** The 表二 documents a sentence's previous count was about, for "…，废止 1 件" after it. */
interface Documents {
  rows: readonly ('rules' | 'normative')[];
  sentenceFrom: number;
}

interface CountContext {
  text: string;
  numbers: readonly ProseNumber[];
  n: ProseNumber;
  sectionId: SectionId | undefined;
  year: number | undefined;
  aboutApplications: boolean;
  documents: Documents | undefined;
  /** Where the number's sentence starts, once asked: only needed once a pattern matched. */
  sentenceFrom: number | undefined;
}

/** The number's sentence up to text index `to`. */
function sentenceUpTo(ctx: CountContext, to: number): string {
  return ctx.text.slice((ctx.sentenceFrom ??= sentenceStart(ctx.text, ctx.n.start)), to);
}

/** The number's whole sentence. */
function wholeSentence(ctx: CountContext): string {
  return sentenceUpTo(ctx, sentenceEnd(ctx.text, ctx.n.start));
}

/** The number's sentence names applications, or opens with a 表三 result (outcome-lead.ts) outside 主动公开. */
function sentenceAboutApplications(ctx: CountContext): boolean {
  const sentence = wholeSentence(ctx);
  return sentence.includes('申请') || (ctx.sectionId !== 2 && opensWithApplicationResult(sentence) && !OUTSIDE_APPLICATIONS.test(sentence));
}

/** 表四: only where the words before the number say it is about disclosure. */
function aboutDisclosure(ctx: CountContext): boolean {
  return ctx.sectionId === 4 || DISCLOSURE.test(sentenceUpTo(ctx, ctx.n.start));
}

interface Match {
  readings: readonly Reading[];
  /** 各: the count is each figure of the (single) reading, not their sum. */
  each?: boolean;
  /** Index in the clause where the quoted phrase starts. */
  keyword: number;
  clauseFrom: number;
  tail?: string;
  documents?: Documents;
  /** 表二 in the 2019 trial form: its readings and where its phrase starts. */
  trial?: { readings: readonly Reading[]; keyword: number };
}

/** A count a table may hold: in 件/条/个/份/起/部 (宗 is 件), neither rough nor in 万. */
function mayCount(n: ProseNumber): boolean {
  const unit = unitFamily(n.unit);
  return !!unit && COUNT_UNITS.has(unit) && !n.approximate && n.multiplier === 1;
}

function countMatch(ctx: CountContext, year: number | undefined): Match | undefined {
  const { text, n } = ctx;
  const bracketed = bracketedCount(text, n);
  // A count alone in brackets after its words ("予以公开（15件）"): the words before the bracket are its clause.
  // After an earlier bracketed count the clause opens with its 、 ("予以公开（15件）、部分公开（6件）"): a list of counts.
  const clauseFrom = bracketed !== undefined ? afterJoiner(text, clauseStart(text, bracketed), bracketed) : clauseStart(text, n.start);
  const beforeEnd = bracketed ?? n.start;
  // Every reading classify gives needs one of the cue words in the clause before the number, or (表二's "…，废止 1 件")
  // a previous count's documents, or (FORWARD_AFTER) 继续/顺延/结转 right after the unit: most numbers in prose have
  // none of them, and a look at the clause's characters and at one after the unit rules them all out.
  const cueNeeded = !ctx.documents && !FORWARD_FIRST.has(text.charCodeAt(n.unitEnd));
  if (cueNeeded && !holdsCueCharacter(text, clauseFrom, beforeEnd)) return undefined;
  const before = text.slice(clauseFrom, beforeEnd).trimEnd();
  if (cueNeeded && !CUES.test(before)) return undefined;
  const match = classify(ctx, before, clauseFrom);
  if (!match) return undefined;
  // A change, an average or a range's end is no count of the table's ("同比增加12件", "月均受理8件", "5至12件不等").
  if (CHANGE_BEFORE.test(before) || AVERAGE.test(before) || RANGE_END.test(before)) return undefined;
  const sentenceBefore = sentenceUpTo(ctx, n.start);
  // A part of the year named earlier in the sentence ("1—6月，共收到…", "截至11月30日，…"): a part of the figure.
  if (partOfYear(sentenceBefore)) return undefined;
  if (!(match.readings.length === 1 && match.readings[0]![0] === 'carried') && aboutOtherYear(sentenceBefore, year)) return undefined;
  if (!standingFigure(match) && aboutSeveralYears(sentenceBefore)) return undefined;
  return { ...match, clauseFrom };
}

/** Where the bracket opens that holds nothing but the count (`（15件）`), else undefined. */
function bracketedCount(text: string, n: ProseNumber): number | undefined {
  let i = n.start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (!NOTE_OPEN.has(text.charCodeAt(i))) return undefined;
  let j = n.unitEnd;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const close = text.charCodeAt(j);
  return close === 0xff09 || close === 0x29 ? i : undefined;
}

/** `from` past a 、 or comma (and spaces) that opens the clause, at most to `to`. */
function afterJoiner(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (isSpace(text.charCodeAt(i)) || '、，,'.includes(text[i]!))) i++;
  return i;
}

function claimsOf({ text, n }: CountContext, match: Match): Claim[] {
  const keyword = Math.min(match.keyword, match.trial?.keyword ?? match.keyword);
  const lead = text.slice(match.clauseFrom + keyword, n.start).replace(/\s+/g, '').replace(/[（(]$/, '');
  // Figures stand apart from the words (收到申请 17 件); a count in Chinese numerals is a word (行政诉讼两件).
  const gap = /\d$/.test(n.written) ? ' ' : '';
  const claim = { value: n.value, start: n.start, end: n.end, phrase: `${lead}${lead ? gap : ''}${n.written}${gap}${n.unit}${match.tail ?? ''}` };
  if (match.each) return match.readings[0]!.map((id) => ({ ...claim, readings: [[id]] }));
  return [{ ...claim, readings: match.readings, ...(match.trial ? { trialReadings: match.trial.readings } : {}) }];
}

type Classified = Omit<Match, 'clauseFrom'>;

function classify(ctx: CountContext, before: string, clauseFrom: number): Classified | undefined {
  const { text, n, aboutApplications } = ctx;
  // (countMatch has ruled out the numbers without a cue word, a previous count's documents or a word after the unit.)
  if (noteOnReviewOrSuit(text, clauseFrom)) return undefined;
  const after = text.slice(n.unitEnd, clauseEnd(text, n.unitEnd));
  const forward = FORWARD_AFTER.exec(after) ?? FORWARD_NEXT_CLAUSE.exec(text.slice(n.unitEnd, sentenceEnd(text, n.unitEnd)));
  if (forward) {
    const toNextYear = forward[1] === undefined || (ctx.year !== undefined && Number(forward[1]) === ctx.year + 1);
    return toNextYear && sentenceAboutApplications(ctx) ? { readings: [['forward']], keyword: before.length, tail: forward[0].replace(/,/g, '，') } : undefined;
  }
  // Words before an earlier count of the clause are that count's ("办结上年结转申请 1 件、本年新收申请 4 件").
  const forwardBefore = ownWords(ctx, clauseFrom, FORWARD_BEFORE.exec(before));
  if (forwardBefore) return sentenceAboutApplications(ctx) ? { readings: [['forward']], keyword: forwardBefore.index } : undefined;
  const carried = ownWords(ctx, clauseFrom, CARRIED.exec(before));
  if (carried) return wholeSentence(ctx).includes('申请') ? { readings: [['carried']], keyword: carried.index } : undefined;

  // Another agency's case the reporting one helped with or joined: its count is not of the agency's own table.
  if (HELPING.test(sentenceUpTo(ctx, n.start))) return undefined;
  if ((REVIEW.test(before) || SUIT.test(before)) && (notDisclosureCount(ctx) || MANY_AGENCIES.test(sentenceUpTo(ctx, n.start)))) return undefined;
  const review = REVIEW.exec(before);
  if (review && !/复议后|直接起诉/.test(before)) {
    const both = SUIT_AND.exec(before.slice(0, review.index));
    if (joinedBefore(before.slice(0, both?.index ?? review.index))) return undefined;
    return aboutDisclosure(ctx) ? { readings: [both ? ['review', 'suit'] : ['review']], each: !!review[1], keyword: both?.index ?? review.index } : undefined;
  }
  const suit = SUIT.exec(before);
  if (suit && ONE_SUIT_GROUP.test(before.slice(0, suit.index))) return undefined;
  if (suit) {
    const both = REVIEW_AND.exec(before.slice(0, suit.index));
    if (joinedBefore(before.slice(0, both?.index ?? suit.index))) return undefined;
    return aboutDisclosure(ctx) ? { readings: [both ? ['review', 'suit'] : ['suit']], each: !!suit[1], keyword: both?.index ?? suit.index } : undefined;
  }

  const includesMore = INCLUDES_AFTER.test(text.slice(n.unitEnd, n.unitEnd + 8));
  const outcome = outcomes(before);
  if (outcome) {
    const sentenceBefore = sentenceUpTo(ctx, n.start);
    const forOneReason = REASON_BEFORE.test(before) || REASON_AFTER.test(after) || ARTICLE_ITEM.test(sentenceBefore);
    // Outcomes of a set the sentence names ("对上年结转的3件申请，予以公开2件", "新收的40件申请中，予以公开13件"): a part.
    const ofASet = CARRIED_SET.test(sentenceBefore) || !!applicationSetBefore(text, ctx.numbers, ctx.sentenceFrom!, n.start);
    return (aboutApplications || sentenceAboutApplications(ctx)) && !includesMore && !forOneReason && !ofASet && !IN_INCLUDES_NOTE.test(sentenceBefore) && !/主动|复议|诉讼/.test(before) && !DISCLOSURE_STATUS.test(wholeSentence(ctx)) ? outcome : undefined;
  }

  const applicants = applicantMatch(ctx);
  if (applicants) return includesMore ? undefined : applicants;

  const table2 = table2Match(ctx, before);
  if (table2) return includesMore ? undefined : table2;

  // Received and answered counts: all applications, not a part of them (其中…).
  const received = RECEIVED.exec(before);
  const answered = ANSWERED.exec(before);
  const handled = HANDLED.exec(before);
  if ([received, answered, handled].filter(Boolean).length !== 1) return undefined; // none, or several ("收到并办结")
  if (OUTSIDE_APPLICATIONS.test(before) || SUBSET.test(before) || PART_OF_YEAR.test(before) || oneKindOfApplicant(before)) return undefined;
  if (qualifiedApplications(before, (received ?? answered ?? handled)!.index)) return undefined;
  const sentenceBefore = sentenceUpTo(ctx, n.start);
  // A part, not the whole: after 其中, or within a set the sentence names ("新收的5件申请中，已答复4件"); 分别 gives
  // several agencies' or kinds' counts ("县自然资源局、县住建局收到…申请分别为86件、45件").
  if (sentenceBefore.includes('其中') || sentenceBefore.includes('分别') || MANY_AGENCIES.test(sentenceBefore)) return undefined;
  if (applicationSetBefore(text, ctx.numbers, ctx.sentenceFrom!, n.start)) return undefined; // sentenceUpTo set it
  if (received) {
    if (!APPLICATION.test(before.slice(received.index))) return undefined;
    const carriedAfter = WITH_CARRIED_AFTER.test(text.slice(n.unitEnd, n.unitEnd + 12));
    const withCarried = carriedAfter || WITH_CARRIED.test(before);
    // 新收 is 一; 收到/受理 is 一, though some reports count 上年结转 in as well.
    const readings: Reading[] = withCarried ? [['new', 'carried']] : before.includes('新收') ? [['new']] : [['new'], ['new', 'carried']];
    return { readings, keyword: received.index, tail: carriedAfter ? '（含上年结转）' : '' };
  }
  // A count of some answered, the sentence adding more to it after ("办结35件，加上办结的上年结转3件，共办结38件").
  if ((answered || handled) && MORE_AFTER.test(text.slice(n.unitEnd, sentenceEnd(text, n.unitEnd)))) return undefined;
  if (handled) {
    if (!APPLICATION.test(handled[0])) return undefined;
    return { readings: [['new'], ['new', 'carried'], ['total']], keyword: handled.index };
  }
  if (!wholeSentence(ctx).includes('申请') || otherApplicationsNamedLast(sentenceBefore)) return undefined;
  return { readings: [['total']], keyword: answered!.index };
}

/**
 * A bare "办结 N 件" is about the applications the sentence named last: "受理行政许可申请 1,230 件，办结 1,230 件"
 * answers 行政许可 applications. The 申请 named last is ours when the words right before it are a disclosure's
 * (公开申请, 依申请), a verb or a generic word (新收申请, 收到的申请, 上年结转申请); any other word names another kind.
 */
function otherApplicationsNamedLast(sentenceBefore: string): boolean {
  let at = sentenceBefore.lastIndexOf('申请');
  while (at >= 0 && sentenceBefore.startsWith('申请人', at)) at = sentenceBefore.lastIndexOf('申请', at - 1);
  if (at < 0) return false;
  // Another kind of case named since ("…申请40件；受理12345热线工单1,856件，办结1,850件"), or named so (居务公开申请).
  if (OUTSIDE_APPLICATIONS.test(sentenceBefore.slice(at + 2)) || OUTSIDE_APPLICATIONS.test(sentenceBefore.slice(clauseStart(sentenceBefore, at), at))) return true;
  return !OUR_APPLICATIONS_BEFORE.test(sentenceBefore.slice(clauseStart(sentenceBefore, at), at));
}

/** "予以公开 10 件", "予以公开及部分公开 42 件" (（一）+（二）), "不予公开、不予处理各 1 件". */
function outcomes(before: string): Classified | undefined {
  const last = OUTCOME.exec(before);
  if (!last) return undefined;
  const ids: FigureId[] = [OUTCOME_FIGURE[last[1]!]!];
  let keyword = last.index;
  for (let joined = OUTCOME_AND.exec(before.slice(0, keyword)); joined; joined = OUTCOME_AND.exec(before.slice(0, keyword))) {
    ids.unshift(OUTCOME_FIGURE[joined[1]!]!);
    keyword = joined.index;
  }
  // "全部公开和部分公开 5 件": joined to words that are no template outcome.
  if (joinedBefore(before.slice(0, keyword))) return undefined;
  return { readings: [ids], each: !!last[2], keyword };
}

/**
 * "共收到政府信息公开申请 3 份，其中法人申请 1 件、自然人申请 2 件": a part of
 * the received applications by applicant, only when the list after 其中 holds
 * nothing but applicant kinds and its total is the received count.
 */
function applicantMatch({ text, numbers, n, year }: CountContext): Classified | undefined {
  const partFrom = clauseStart(text, n.start, '、');
  const part = APPLICANT_PART.exec(text.slice(partFrom, n.start).replace(/^其中/, ''));
  if (!part) return undefined;
  const sentenceFrom = sentenceStart(text, n.start);
  const listAt = text.lastIndexOf('其中', partFrom);
  if (listAt < sentenceFrom || text.slice(sentenceFrom, listAt).includes('其中')) return undefined;
  // A comma before three digits parts thousands (1,100), not the list.
  const earlierParts = text.slice(listAt + 2, partFrom).split(/[，、；;：:]|,(?!\d{3}(?!\d))/).filter((p) => p.trim());
  if (!earlierParts.every((p) => APPLICANT_COUNT.test(p))) return undefined;
  const total = listTotal(text, numbers, listAt);
  const readings = total && receivedReadings(text, total, year);
  if (!readings) return undefined;
  const who = NATURAL_PERSONS.test(part[1]!) ? 'natural' : 'organisations';
  return { readings: readings.map((rows) => rows.map((row): ApplicantFigure => `${row}:${who}`)), keyword: text.indexOf(part[1]!, partFrom) - clauseStart(text, n.start) };
}

/** The rows (一, or 一 + 二) a count of received applications may be, or undefined when it is no such count. */
function receivedReadings(text: string, total: ProseNumber, year: number | undefined): (readonly ('new' | 'carried')[])[] | undefined {
  const before = text.slice(clauseStart(text, total.start), total.start);
  const sentenceBefore = text.slice(sentenceStart(text, total.start), total.start);
  if (MANY_AGENCIES.test(sentenceBefore) || aboutOtherYear(sentenceBefore, year) || aboutSeveralYears(sentenceBefore)) return undefined;
  const received = RECEIVED.exec(before);
  if (!received || ANSWERED.test(before) || HANDLED.test(before) || !APPLICATION.test(before.slice(received.index))) return undefined;
  if (OUTSIDE_APPLICATIONS.test(before) || SUBSET.test(before) || PART_OF_YEAR.test(before) || oneKindOfApplicant(before)) return undefined;
  if (qualifiedApplications(before, received.index)) return undefined;
  if (WITH_CARRIED_AFTER.test(text.slice(total.unitEnd, total.unitEnd + 12)) || WITH_CARRIED.test(before)) return [['new', 'carried']];
  return before.includes('新收') ? [['new']] : [['new'], ['new', 'carried']];
}

/**
 * 表二 counts the sentence names plainly: "制发行政规范性文件 5 件", "现行有效规章
 * 1 件", "…，废止 1 件", "作出行政处罚决定 236 件".
 */
function table2Match({ text, n, documents }: CountContext, before: string): Classified | undefined {
  const sentenceFrom = sentenceStart(text, n.start);
  if (MANY_AGENCIES.test(text.slice(sentenceFrom, n.start))) return undefined;
  const decisions = DECISIONS.exec(before);
  if (decisions) {
    if (NOT_DECISIONS_MADE.test(before) || joinedBefore(before.slice(0, decisions.index))) return undefined;
    const rows = [decisions[1], decisions[2]].filter(isString).map((w) => DECISION_ROW[w]!);
    return { readings: [rows.map((row): Table2Figure => `${row}.decisions`)], each: !!decisions[3], keyword: decisions.index };
  }
  if (NOT_ISSUED_HERE.test(before)) return undefined;
  const found = documentsNamed(before, documents, sentenceFrom);
  const named = found && !joinedBefore(before.slice(0, found.keyword)) ? found : undefined;
  const foundTrial = trialDocumentsNamed(before, documents, sentenceFrom);
  const trial = foundTrial && !joinedBefore(before.slice(0, foundTrial.keyword)) ? foundTrial : undefined;
  if (!named && !trial) return undefined;
  return {
    readings: named ? [named.rows.map((row): Table2Figure => `${row}.${DOCUMENT_COLUMN_ID[named.verb]!}`)] : [],
    keyword: named?.keyword ?? trial!.keyword,
    documents: { rows: (named ?? trial)!.rows, sentenceFrom },
    ...(trial ? { trial: { readings: trial.columns.map((c) => trial.rows.map((row): Table2Figure => `${row}.${c}`)), keyword: trial.keyword } } : {}),
  };
}

type TrialColumn = 'made' | 'published' | 'publishedTotal';

/**
 * The 2019 trial form's documents and columns a count names: "新制作规范性文件 6 件"
 * (本年新制作数量), "对外公开规范性文件总数 41 件" (对外公开总数量). A verb that may
 * mean two columns gives both readings: "新制作并公开" (新制作 or 新公开), a bare
 * "公开" or "对外公开" (this year's, or all that are public).
 */
function trialDocumentsNamed(before: string, previous: Documents | undefined, sentenceFrom: number): { rows: Documents['rows']; columns: readonly TrialColumn[]; keyword: number } | undefined {
  const allSoFar = ALL_SO_FAR.test(before);
  const named = TRIAL_DOCUMENTS.exec(before);
  const verb = named && TRIAL_COLUMN.exec(before.slice(0, named.index));
  if (named && verb) return withColumns([named[1], named[2]].filter(isString).map(documentRow), verb[1]!, allSoFar || !!named[3], verb.index);
  const verbAfter = TRIAL_COLUMN_AFTER_DOCUMENTS.exec(before);
  if (verbAfter) return withColumns([documentRow(verbAfter[1]!)], verbAfter[2]!, allSoFar || !!verbAfter[3], verbAfter.index);
  const verbOnly = TRIAL_COLUMN_ONLY.exec(before);
  if (verbOnly && previous?.sentenceFrom === sentenceFrom) return withColumns(previous.rows, verbOnly[1]!, allSoFar || !!verbOnly[2], verbOnly.index);
  return undefined;
}

function withColumns(rows: Documents['rows'], verb: string, allSoFar: boolean, keyword: number): { rows: Documents['rows']; columns: readonly TrialColumn[]; keyword: number } | undefined {
  const columns = trialColumns(verb, allSoFar);
  return columns && { rows, columns, keyword };
}

/** `allSoFar`: the words say 总数 or 累计, a count of every document public so far. */
function trialColumns(verb: string, allSoFar: boolean): readonly TrialColumn[] | undefined {
  const made = verb.includes('制作') || verb.includes('制发');
  const published = verb.includes('公开');
  if (allSoFar) return published && !made ? ['publishedTotal'] : undefined;
  if (made) return published ? ['made', 'published'] : ['made'];
  return verb.startsWith('新') ? ['published'] : ['published', 'publishedTotal'];
}

/** The documents and the verb (制发, 废止, 现行有效 …) the words before a count name; the documents may be the previous count's. */
function documentsNamed(before: string, previous: Documents | undefined, sentenceFrom: number): { rows: Documents['rows']; verb: string; keyword: number } | undefined {
  const named = DOCUMENTS.exec(before);
  if (named) {
    const verb = DOCUMENT_COLUMN.exec(before.slice(0, named.index));
    return verb ? { rows: [named[1], named[2]].filter(isString).map(documentRow), verb: verb[1]!, keyword: verb.index } : undefined;
  }
  const verbAfter = COLUMN_AFTER_DOCUMENTS.exec(before);
  if (verbAfter) return { rows: [documentRow(verbAfter[1]!)], verb: verbAfter[2]!, keyword: verbAfter.index };
  const verbOnly = COLUMN_ONLY.exec(before);
  if (verbOnly && previous?.sentenceFrom === sentenceFrom) return { rows: previous.rows, verb: verbOnly[1]!, keyword: verbOnly.index };
  return undefined;
}

/** The match, unless a count of the clause stands between its words and the number: the words are then that count's. */
function ownWords(ctx: CountContext, clauseFrom: number, match: RegExpExecArray | null): RegExpExecArray | undefined {
  if (!match) return undefined;
  const { numbers, n } = ctx;
  for (let k = firstNumberFrom(numbers, clauseFrom + match.index); k < numbers.length && numbers[k]!.start < n.start; k++) if (numbers[k]!.unit) return undefined;
  return match;
}

/** The clause is a bracketed note on a count of 行政复议 or 行政诉讼: its 上年结转 and outcomes are the review's, not 表三's. */
function noteOnReviewOrSuit(text: string, clauseFrom: number): boolean {
  if (!NOTE_OPEN.has(text.charCodeAt(clauseFrom - 1))) return false;
  return REVIEW_OR_SUIT.test(text.slice(clauseStart(text, clauseFrom - 1), clauseFrom - 1));
}

function joinedBefore(words: string): boolean {
  return JOINED_BEFORE.test(words) && !COUNT_THEN_JOIN.test(words);
}

function documentRow(word: string): 'rules' | 'normative' {
  return word === '规章' ? 'rules' : 'normative';
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

/** "未收到依申请公开办件": no application came in, so 一 总计 is 0. */
function notReceivedClaims(text: string, year: number | undefined, claims: Claim[]): void {
  // exec on the one expression (no match is empty, nothing in the loop uses its lastIndex): matchAll would copy it.
  NOT_RECEIVED.lastIndex = 0;
  for (let m = NOT_RECEIVED.exec(text); m; m = NOT_RECEIVED.exec(text)) {
    const words = text.slice(m.index, clauseEnd(text, m.index + m[0].length));
    if (!APPLICATION.test(words) || OUTSIDE_APPLICATIONS.test(words) || oneKindOfApplicant(words)) continue;
    // None of a kind is no none at all ("未收到涉及国家秘密的申请", "以传真方式提交的", "除上述40件外…其他申请").
    if (SUBSET.test(words) || SOME_APPLICATIONS.test(words) || /除/.test(text.slice(sentenceStart(text, m.index), m.index))) continue;
    if (aboutOtherYear(text.slice(sentenceStart(text, m.index), m.index), year)) continue;
    claims.push({ readings: [['new']], value: 0, start: m.index, end: m.index + words.trimEnd().length, phrase: words.replace(/\s+/g, '') });
  }
}

/** "未发生行政复议、行政诉讼": the named 表四 totals are 0. */
function notHappenedClaims(text: string, sectionId: SectionId | undefined, year: number | undefined, claims: Claim[]): void {
  NOT_HAPPENED.lastIndex = 0;
  for (let m = NOT_HAPPENED.exec(text); m; m = NOT_HAPPENED.exec(text)) {
    const words = text.slice(m.index, clauseEnd(text, m.index + m[0].length));
    if (RESULT_WORDS.test(words)) continue;
    // One of 表四's suit groups ("未发生未经复议直接起诉的行政诉讼"): nothing said of the others.
    if (ONE_SUIT_GROUP.test(words)) continue;
    const sentenceFrom = sentenceStart(text, m.index);
    if (sectionId !== 4 && !DISCLOSURE.test(text.slice(sentenceFrom, sentenceEnd(text, m.index)))) continue;
    if (aboutOtherYear(text.slice(sentenceFrom, m.index), year)) continue;
    const review = words.search(REVIEW_WORD);
    const suit = words.indexOf('诉讼');
    const end = m.index + Math.max(review, suit) + 2;
    const phrase = text.slice(m.index, end).replace(/\s+/g, '');
    if (review >= 0) claims.push({ readings: [['review']], value: 0, start: m.index, end, phrase });
    if (suit >= 0) claims.push({ readings: [['suit']], value: 0, start: m.index, end, phrase });
  }
}

/**
 * Words between the verb and a 的 before 申请 that make the count a part of the applications ("收到涉及房屋征收补偿的
 * 政府信息公开申请", "收到同一申请人提出的", "受理后10个工作日内答复的"): anything but who made them.
 */
function qualifiedApplications(before: string, verbAt: number): boolean {
  const rest = before.slice(verbAt + 2);
  const de = rest.lastIndexOf('的');
  if (de < 0 || !rest.includes('申请', de)) return false;
  return !ALL_APPLICANTS_WHO.test(rest.slice(0, de).replace(/\s+/g, ''));
}

/** A count of reviews or suits the sentence says are no disclosure's, or that holds more than the disclosure ones. */
function notDisclosureCount(ctx: CountContext): boolean {
  if (NOT_DISCLOSURE.test(wholeSentence(ctx))) return true;
  return DISCLOSURE_PART_AFTER.test(ctx.text.slice(ctx.n.unitEnd, sentenceEnd(ctx.text, ctx.n.unitEnd)));
}

// A count in Chinese numerals: one to three numerals right before 件 or 宗, not part of a longer numeral, an ordinal
// (第一件), "each one" (每一件, 同一件, 逐一件) or a rough count (几十件, 约十件); not 零件 (a machine part).
const CHINESE_COUNT = /(?<![零〇一二两三四五六七八九十百千万第每同逐任单某这那哪几约近逾])([一二两三四五六七八九十]{1,3})\s?(件|宗)(?![一二两三四五六七八九十])/g;
const CHINESE_COUNT_HINT = /[一二两三四五六七八九十]\s?[件宗]/;

/** The counts of a text written in Chinese numerals, as prose numbers (no rough counts, no 万). */
function chineseCounts(text: string): ProseNumber[] {
  const found: ProseNumber[] = [];
  for (const m of text.matchAll(CHINESE_COUNT)) {
    const value = chineseNumeralValue(m[1]!);
    if (value === undefined) continue;
    const start = m.index;
    const end = start + m[1]!.length;
    const unitEnd = m.index + m[0].length;
    found.push({ value, start, end, unit: m[2]!, unitEnd, approximate: false, roughBelow: false, multiplier: 1, decimals: 0, written: m[1]! });
  }
  return found;
}

function oneKindOfApplicant(words: string): boolean {
  return NATURAL_PERSONS.test(words) !== ORGANISATIONS.test(words);
}

/** Figures that stand at a date (现行有效件数, the trial form's 对外公开总数量): a running total is what they are. */
function standingFigure(match: Classified): boolean {
  const ids = [...match.readings, ...(match.trial?.readings ?? [])].flat();
  return ids.length > 0 && ids.every((id) => id.endsWith('.inForce') || id.endsWith('.publishedTotal'));
}

/** The words before a count make it one of several years, or a total so far; this year's own words (全年累计, 今年以来) do not. */
function aboutSeveralYears(sentenceBefore: string): boolean {
  if (SEVERAL_YEARS.test(sentenceBefore)) return true;
  const since = sentenceBefore.lastIndexOf('以来');
  if (since >= 0 && !SINCE_THIS_YEAR.test(sentenceBefore.slice(Math.max(0, since - 12), since))) return true;
  const total = sentenceBefore.indexOf('累计');
  return total >= 0 && (UP_TO.test(sentenceBefore) || !THIS_YEAR_WORDS.test(sentenceBefore.slice(0, total)));
}

function aboutOtherYear(sentenceBefore: string, year: number | undefined): boolean {
  if (OTHER_YEAR_WORDS.test(sentenceBefore.replace(COMPARED_WITH_LAST_YEAR, ''))) return true;
  if (year === undefined) return false;
  // exec on the one expression, its lastIndex set first (a return may leave it anywhere): matchAll would copy it.
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(sentenceBefore); m; m = YEAR.exec(sentenceBefore)) if ((chineseYearValue(m[0]) ?? Number(m[0])) !== year) return true;
  return false;
}

