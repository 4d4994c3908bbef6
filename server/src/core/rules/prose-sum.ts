// prose.sum: a total stated in prose and the parts listed after 其中 disagree
// ("共发布政府信息872条。其中，A栏目420条；B栏目414条…"). Reviewers add these
// up; a list that does not add up reads as a careless or doctored report. A
// list that says it is a selection (其中包括, 主要有, 如, 包括, 等) need not add
// up: only parts that exceed the total are wrong.

import { messagesFor, type Messages } from '../i18n';
import type { PartsVerdict } from '../i18n/types';
import type { Paragraph } from '../model';
import { memoByText } from '../caches';
import { isWhiteSpaceCode } from '../text/normalize';
import type { ProseNumber } from '../text/prose-numbers';
import { clauseEnd, clauseStart, describeCount, firstNumberFrom, isSentenceEnd, listTotal, nextSentenceEnd, paragraphRange, proseParagraphs, readProse, sentenceStart, unitFamily } from '../text/prose-numbers';
import type { Finding, Rule } from './types';
import { finding, MAX_RELATED } from './types';

export const proseSum: Rule = {
  code: 'prose.sum',
  name: '正文总数与分项之和不符',
  defaultSeverity: 'warning',
  // Paragraph-local: a keystroke re-checks only the paragraph it changed (engine.ts).
  inputs: ['prose'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    const out: Finding[] = [];
    for (const { paragraph } of proseParagraphs(report)) out.push(...checkParagraph(paragraph, m));
    return out;
  },
  checkParagraph: (paragraph, _sectionId, { lang }) => checkParagraph(paragraph, messagesFor(lang)),
};

export interface PartsGroup {
  total: ProseNumber;
  parts: ProseNumber[];
  /** 等, 主要, 包括, 如 …: parts may be left out. */
  incomplete: boolean;
  /** The list ended at another 其中 whose total was its last part: where that opener is. */
  nestedAt?: number;
}

const [OPEN_FULL, OPEN_HALF, CLOSE_FULL, CLOSE_HALF, ETC] = ['（', '(', '）', ')', '等'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];
const [COMMA_FULL, COMMA_HALF, SEMICOLON_FULL, SEMICOLON_HALF] = ['，', ',', '；', ';'].map((c) => c.charCodeAt(0)) as [number, number, number, number];
// A clause opening with these says something about the whole, not one more part.
const LIST_ENDS = ['均', '全部', '都', '共', '合计', '总计', '累计', '另', '此外', '同比', '环比', '较', '比上年', '与上年'];
const LIST_END_FIRST = new Set(LIST_ENDS.map((w) => w.charCodeAt(0)));
// A number after these is a change, not a part ("较上年增加3件").
const DELTA = /增加|减少|增长|下降|上升|同比|环比|较|比上年|多出|占/;
const NOT_ETC = '级于待候';
// Words that open a list: 其中 may give every part; the others, and 其中 followed
// by a selection word, give some only.
const LIST_OPENERS = /其中|主要(?:包括|包含|有|为|是)|包括|包含/g;
const LIST_OPENER_AT = new RegExp(LIST_OPENERS.source, 'y');
// The first characters of the words LIST_OPENERS matches (其中, 主要…, 包括, 包含): a cheap test before the
// expression, made for every character of a list (compared, not looked up in a Set).
const [QI, ZHU, BAO] = ['其', '主', '包'].map((c) => c.charCodeAt(0));
const opensListWord = (c: number): boolean => c === QI || c === ZHU || c === BAO;
// Sticky, read at the index after 其中 (lastIndex): no slice of the text per opener. A match is at most 6 characters.
const SELECTION_AFTER_其中 = /[\s，,：:]{0,2}(?:主要(?:包括|包含|有|为|是)?|包括|包含|例如|比如|如|涉及|含)/y;
// Outcomes add up to what was handled (表三 （七）), not to what came in: "收到申请93件，其中予以公开…" is no breakdown.
const RECEIVED = /收到|受理|新收|接收|接到/;
const OUTCOME = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理/;
// 表四's results, as a part names them.
const RESULT_WORDS = '维持|纠正|其他结果|尚未审结|未审结|审结中';
// A clause after the parts that speaks of the rest without a figure ("其中废止3件、宣布失效2件，其余继续有效"):
// the parts listed are not all.
const REMAINDER = ['其余', '其他', '剩余', '余下', '剩下'];
const REMAINDER_FIRST = new Set(REMAINDER.map((w) => w.charCodeAt(0)));
// A part inside the part before it, said without brackets ("动态信息200条，含图片新闻50条").
const INSIDE_PREVIOUS = /^[\s，,：:]*(?:其中含|内含|含)/;
// Parts that say what happened to some of the items ("其中被市政府采用45条，被省政府采用12条"): a selection.
const HAPPENED_TO_SOME = /^(?:其中)?[\s，,：:]*被/;
// Parts that say what some needed ("其中3件需补正，2件需征求第三方意见"), or what some were done with: a selection.
// Sticky, read at the unit's end (lastIndex): a match is at most 6 characters.
const NEEDED_AFTER = /\s{0,2}(?:需|需要|要求|经|已|予以补正|补正)/y;
// Counts of what was done with applications or carried on, in a list after a count of those received.
const PROCESSED = /结转|办结|答复|办理|补正|征求/;
const CARRIED_ON = /结转/;
// Reviews and lawsuits an agency faced: counted apart from the applications, never one of their parts ("上年共办结申请36件，
// 其中予以公开21件；上年因政府信息公开被申请行政复议1件": a new statement).
const CONTESTED = /复议|诉讼/;
// A review's results ("清理规范性文件12件，其中废止3件，宣布失效2件"): what was changed is listed, what was kept may go
// unsaid. Only a part naming what was kept ("保留5件", "继续有效") makes the list the whole.
const REVIEWED = /清理|梳理|审查|评估|核查|排查/;
const CHANGED = /废止|失效|修改|修订|停止执行|撤销|调整/;
const KEPT = /保留|继续有效|继续执行|继续施行|现行有效|有效/;
// "A、B各2件": one figure for each of several items.
const EACH_BEFORE = /各\s{0,2}(?:为|有|是)?\s{0,2}$/;
// Counts joined in one clause ("建议18件、提案25件"): a list after them may break down their sum.
const JOINED_COUNTS = /^\s{0,2}(?:、|和|及|与|以及|，)\s{0,2}/;
// A number with no unit before a clause break is a part whose unit was left
// out (not 、: "1、" is a list marker).
const BARE_COUNT_END = /^\s{0,2}[，,；;。]/;
// A list of parts is a sentence or two; the bound keeps pathological input linear.
const MAX_LIST_LENGTH = 600;
// "主动公开政府信息475条。历年累计…2979条。公开类别主要涉及A、B…。其中A类159条，…":
// the categories of 主动公开 listed after a sentence that names them, their total before it.
const PROACTIVE_TOTAL = /主动公开(?:政府)?信息(?:共计|共|合计|总计)?\s*$/;
const CUMULATIVE = /累计|历年|截至|截止/;
const NAMES_CATEGORIES = /类别|类型|分类/;
const CATEGORY_PART = /类(?:信息)?\s*$/;
const MAX_CATEGORY_GAP = 300;
// Cumulative counts skipped before the total: a sentence or two; the bound keeps the look-back short.
const MAX_SKIPPED_COUNTS = 3;

function checkParagraph(paragraph: Paragraph, m: Messages): Finding[] {
  const broken = brokenGroups(paragraph.text);
  if (broken.length === 0) return [];
  const says = m['prose.sum'];
  return broken.map(({ group, verdict }) =>
    finding(proseSum, paragraphRange(paragraph, group.total.start, group.total.end), says.message(verdict), {
      // The parts stand in the same sentence: the first few lead the eye there (issue 18: at most MAX_RELATED).
      related: group.parts.slice(0, MAX_RELATED).map((p) => ({ range: paragraphRange(paragraph, p.start, p.end), message: says.part(describeCount(p)) })),
    }),
  );
}

export interface JudgedGroup {
  group: PartsGroup;
  /** Set when the parts do not add up; the catalogs word it (prose.sum.message). */
  verdict: PartsVerdict | undefined;
}

/**
 * Every "total, 其中 parts" group of a paragraph, judged; text indices and numbers only, so it is cached by
 * text in any language (shared: do not mutate).
 */
export function partsGroups(rawText: string): readonly JudgedGroup[] {
  // A paragraph without a word that opens a list has no group: told by one search, before a lookup by its text.
  return LIST_WORDS.test(rawText) ? judgedGroups(rawText) : NO_GROUPS;
}

const LIST_WORDS = /其中|包括|包含|主要/;
const NO_GROUPS: readonly JudgedGroup[] = Object.freeze([]);

const judgedGroups = memoByText((rawText: string): JudgedGroup[] => {
  const { text, numbers } = readProse(rawText);
  const out: JudgedGroup[] = [];
  let nestedAt = -1;
  // The parts of the groups read so far: a 其中 after one of them goes back to an earlier total ("共收到申请40件，其中网上
  // 申请28件，…当面申请4件；其中自然人30件…" breaks down the 40 again, not the 4), so it is not judged. The last group's
  // parts are looked through as they are, the earlier ones' kept in a set: most paragraphs have one group and need none.
  let lastParts: readonly ProseNumber[] = [];
  let earlierPartStarts: Set<number> | undefined;
  // exec on the one expression (no match is empty, nothing else uses its lastIndex): matchAll would copy it per paragraph.
  LIST_OPENERS.lastIndex = 0;
  for (let opener = LIST_OPENERS.exec(text); opener; opener = LIST_OPENERS.exec(text)) {
    const after = opener.index + opener[0].length;
    const selectionWord = opener[0] === '其中' ? selectionAt(text, after) : undefined;
    const selection = opener[0] !== '其中' || !!selectionWord;
    // A 其中 whose total is a part of the list before it ("其中政策文件356条，其中规范性文件1条，工作动态900条"):
    // where its own list ends cannot be told, so it is not judged.
    if (opener.index === nestedAt) continue;
    const group = readGroup(text, numbers, opener.index, after + (selectionWord?.[0].length ?? 0), selection);
    nestedAt = group?.nestedAt ?? -1;
    if (!group || earlierPartStarts?.has(group.total.start) || startsAmong(lastParts, group.total.start)) continue;
    if (lastParts.length > 0) {
      earlierPartStarts ??= new Set();
      for (const p of lastParts) earlierPartStarts.add(p.start);
    }
    lastParts = group.parts;
    if (group.parts.length >= 2) out.push({ group, verdict: judge(group) });
  }
  return out;
});

function startsAmong(parts: readonly ProseNumber[], start: number): boolean {
  for (const p of parts) if (p.start === start) return true;
  return false;
}

/** The groups whose parts do not add up; most paragraphs have none, and then nothing is allocated. */
function brokenGroups(rawText: string): readonly { group: PartsGroup; verdict: PartsVerdict }[] {
  const groups = partsGroups(rawText);
  return groups.some(isBroken) ? groups.filter(isBroken) : NONE_BROKEN;
}

const NONE_BROKEN: readonly { group: PartsGroup; verdict: PartsVerdict }[] = Object.freeze([]);

function isBroken(g: JudgedGroup): g is { group: PartsGroup; verdict: PartsVerdict } {
  return g.verdict !== undefined;
}

/** The list opened by the word at text[at, listFrom): its total and parts. */
function readGroup(text: string, numbers: readonly ProseNumber[], at: number, listFrom: number, selection: boolean): PartsGroup | undefined {
  const adjacentTotal = listTotal(text, numbers, at);
  const categoriesTotal = adjacentTotal ? undefined : proactiveTotal(text, numbers, at);
  const total = adjacentTotal ?? categoriesTotal?.total;
  if (!total) return undefined;
  // "人大代表建议18件、政协委员提案25件，其中主办件12件，协办件31件": the parts may break down the two together.
  if (adjacentTotal && countedBeside(text, numbers, total)) return undefined;
  // The total's words, tested once for the group (most name none of the words: one look at their characters tells).
  const totalFrom = clauseStart(text, total.start);
  const totalCued = holdsCue(text, totalFrom, total.start, TOTAL_CUE);
  const totalWords = totalCued ? text.slice(totalFrom, total.start) : '';
  const receivedTotal = totalCued && RECEIVED.test(totalWords);
  const reviewedTotal = totalCued && REVIEWED.test(totalWords);
  const carriedOnTotal = totalCued && CARRIED_ON.test(totalWords);
  const contestedTotal = totalCued && CONTESTED.test(totalWords);
  const totalUnitFirst = total.unit ? total.unit.charCodeAt(0) : -1; // compared with every character of the list
  let changed = false;
  let kept = false;
  let next = firstNumberFrom(numbers, at);
  // Where the next number starts, kept apart from the array: compared with every character of the list.
  let nextStart = next < numbers.length ? numbers[next]!.start : Infinity;
  const parts: ProseNumber[] = [];
  let exactSum = 0;
  let incomplete = selection;
  let depth = 0;
  let nestedAt: number | undefined;
  const stop = Math.min(text.length, at + MAX_LIST_LENGTH);
  // Char codes, not text[i]: a Chinese character read as a string is a new string each time. The next
  // sentence end is found once, not asked of every character.
  let nextEnd = nextSentenceEnd(text, listFrom, stop);
  let separator: 'comma' | 'semicolon' | undefined;
  let before: { parts: ProseNumber[]; incomplete: boolean } | undefined;
  for (let i = listFrom; i < stop; i++) {
    if (i === nextEnd) {
      if (depth === 0) break;
      nextEnd = nextSentenceEnd(text, i + 1, stop); // inside brackets: read on
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === OPEN_FULL || c === OPEN_HALF) { depth++; continue; }
    if (c === CLOSE_FULL || c === CLOSE_HALF) {
      if (depth === 0) break; // a group inside brackets ends with them
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (opensListWord(c) && startsList(text, i)) {
      // The number just before a following 其中 (包括 …) is that group's total, not a part.
      const last = parts[parts.length - 1];
      if (last && listTotal(text, numbers, i) === last) {
        parts.pop();
        nestedAt = i;
      }
      break;
    }
    if (c === ETC && !NOT_ETC.includes(text[i + 1] ?? '')) incomplete = true;
    // "尚未审结 件": a part whose figure is not there (a draft's blank, or a figure a PDF's text put on another line).
    if (c === totalUnitFirst && text.startsWith(total.unit!, i) && figureLostBefore(text, i, listFrom)) incomplete = true;
    if (c === COMMA_FULL || c === COMMA_HALF || c === SEMICOLON_FULL || c === SEMICOLON_HALF) {
      const semicolon = c === SEMICOLON_FULL || c === SEMICOLON_HALF;
      // The list's own separator is the first one after its first part. A semicolon after parts parted by commas
      // likely ends the list ("其中，政策文件356条，…人事信息170条；政务微博发布信息320条…"): the parts so far are kept
      // aside, and the list read on is taken only where it adds up (a writer may mix the two in one list).
      if (parts.length >= 1 && separator === undefined) separator = semicolon ? 'semicolon' : 'comma';
      if (semicolon && separator === 'comma' && parts.length >= 2 && !before) before = { parts: parts.slice(), incomplete };
      const clauseFrom = skipSpaces(text, i + 1);
      if (startsListEnd(text, clauseFrom)) break;
      if (startsRemainder(text, clauseFrom) && !figureInClause(text, clauseFrom)) incomplete = true;
      // Parts that already add up exactly: what follows is a new statement
      // ("其中自然人90件，法人5件；予以公开50件…"), not more parts.
      // Not where the next clause is one more of 表四's results after results ("行政复议6件，其中维持3件，纠正2件，其他结果1件，
      // 尚未审结1件": a slip in an early part made a prefix add up, and 尚未审结 went unread).
      if (parts.length >= 2 && exactSum === total.value && !isRough(total) && !parts.some(isRough) && !oneMoreResult(text, parts, clauseFrom)) break;
    }
    if (nextStart < i) {
      while (next < numbers.length && numbers[next]!.start < i) next++;
      nextStart = next < numbers.length ? numbers[next]!.start : Infinity;
    }
    if (nextStart === i) {
      const n = numbers[next]!;
      const partFrom = clauseStart(text, i, '、');
      // Most parts name none of the words tested below (every one holds a PART_CUE character): one look at the part's
      // characters rules them all out, and their words are not copied.
      const cued = holdsCue(text, partFrom, i, PART_CUE);
      const partWords = cued || reviewedTotal ? text.slice(partFrom, i) : '';
      // What came in, then outcomes, or what was done with it or carried on ("收到申请40件，其中自然人30件，结转下年度5件"):
      // no breakdown.
      if (cued && receivedTotal && (OUTCOME.test(partWords) || PROCESSED.test(partWords))) return undefined;
      // What is carried on to next year after what was handled ("办理241件，其中予以公开58件；结转下年度继续办理0件"): a new
      // statement, no more parts.
      if (cued && CARRIED_ON.test(partWords) && !carriedOnTotal) break;
      if (cued && CONTESTED.test(partWords) && !contestedTotal) break;
      // What is carried on is not decided yet: outcomes are parts of what was handled, said before it ("办结36件，结转
      // 下年度2件；其中予以公开21件…"), and which that is cannot be told.
      if (cued && carriedOnTotal && OUTCOME.test(partWords)) return undefined;
      // "…类信息 45，其他类4条": the parts cannot all be read, so only an excess is certain.
      if (!n.unit && BARE_COUNT_END.test(text.slice(n.end, n.end + 3))) incomplete = true;
      if (unitFamily(n.unit) === unitFamily(total.unit) && !(cued && (DELTA.test(partWords) || INSIDE_PREVIOUS.test(partWords)))) {
        if ((cued && HAPPENED_TO_SOME.test(partWords)) || neededAfter(text, n.unitEnd)) incomplete = true;
        // "一季度、二季度各20条": the figure counts once for each item named; where the items cannot be counted, the
        // parts read are fewer than the whole.
        const each = cued && EACH_BEFORE.test(partWords) ? itemsNamed(text, parts[parts.length - 1]?.unitEnd ?? listFrom, i) : 1;
        if (each === 0) incomplete = true;
        if (reviewedTotal) {
          // The part's words may follow its figure too ("其余8件继续有效").
          const said = partWords + text.slice(n.unitEnd, clauseEnd(text, n.unitEnd));
          changed ||= CHANGED.test(said);
          kept ||= KEPT.test(said);
        }
        for (let k = 0; k < Math.max(each, 1); k++) {
          parts.push(n);
          exactSum = Math.round((exactSum + n.value) * 1e6) / 1e6; // roundSum([exactSum, n.value]) without an array per part
        }
      }
      i = n.unitEnd - 1;
    }
  }
  // Categories of 主动公开: every part must be one ("公示公告类 159 条"), else the list is about something else.
  if (categoriesTotal && !parts.every((p) => CATEGORY_PART.test(text.slice(clauseStart(text, p.start, '、'), p.start)))) return undefined;
  if (changed && !kept) incomplete = true;
  const read = before && !(exactSum === total.value && !isRough(total)) ? before : { parts, incomplete };
  const highlights = !read.incomplete && !categoriesTotal && highlightList(text, total, read.parts);
  return { total, parts: read.parts, incomplete: read.incomplete || highlights || !!categoriesTotal?.etc, ...(nestedAt !== undefined ? { nestedAt } : {}) };
}

/**
 * Parts that come to less than half their total, named in no closed vocabulary and with no part for the rest: a
 * writer's highlights ("主动公开政府信息526条，其中重点领域信息128条，政策解读信息36条"), as 其中 ("among them") says,
 * not a breakdown that lost half of itself. Applicants, outcomes, channels of application and review results are
 * closed lists: named so, the parts are meant as the whole however little they cover ("办理241件，其中予以公开58件，
 * 部分公开3件，不予公开2件"); so is a list with a part for the rest ("其他类9条"), and one whose categories a sentence
 * named before (proactiveTotal). Only an excess is then checked, as for a list with 等.
 */
function highlightList(text: string, total: ProseNumber, parts: readonly ProseNumber[]): boolean {
  if (parts.length < 2 || isRough(total)) return false;
  let sum = 0;
  for (const p of parts) sum += p.value;
  if (sum * 2 >= total.value) return false;
  for (const p of parts) {
    const words = text.slice(clauseStart(text, p.start, '、'), p.start);
    if (CLOSED_LIST_PART.test(words) || REST_PART.test(words)) return false;
  }
  return true;
}

// The template's closed lists, as a part names them: applicants (表三's columns), outcomes and their reasons (表三's
// rows), how an application came in, and a review's or lawsuit's results (表四).
// OUTCOME and RESULT are the rule's own lists of outcomes and results (审结 alone: 已审结 too).
const CLOSED_LIST_PART = new RegExp(['自然人|法人|其他组织|商业企业|科研机构|社会公益组织|法律服务机构', OUTCOME.source, '当面|网上|网络|信函|传真|电子邮件|邮寄', RESULT_WORDS, '审结'].join('|'));
// A part for whatever the others leave: the list is meant as the whole.
const REST_PART = /其他|其它|其余|剩余|其他类/;

/**
 * The total of a 主动公开 category list whose 其中 opens a sentence after the one
 * naming the categories: the nearest "主动公开政府信息 N 条" before, with only
 * cumulative sentences (历年累计 …) and the naming words in between. `etc`: the
 * naming words end the categories with 等, so the list may leave some out.
 */
function proactiveTotal(text: string, numbers: readonly ProseNumber[], at: number): { total: ProseNumber; etc: boolean } | undefined {
  if (!isSentenceEnd(text.slice(Math.max(0, at - 8), at).trimEnd().slice(-1))) return undefined;
  let skipped = 0;
  for (let i = firstNumberFrom(numbers, at) - 1; i >= 0; i--) {
    const n = numbers[i]!;
    if (at - n.unitEnd > MAX_CATEGORY_GAP) return undefined;
    if (!n.unit) continue; // a year or a date
    if (CUMULATIVE.test(text.slice(sentenceStart(text, n.start), n.start))) {
      if (++skipped > MAX_SKIPPED_COUNTS) return undefined;
      continue;
    }
    const gap = withoutCumulative(text.slice(n.unitEnd, at));
    if (unitFamily(n.unit) !== '条' || n.approximate || !PROACTIVE_TOTAL.test(text.slice(clauseStart(text, n.start), n.start))) return undefined;
    if (!NAMES_CATEGORIES.test(gap) || !gap.includes('公开') || /\d/.test(gap)) return undefined;
    return { total: n, etc: /等(?![级于待候])/.test(gap) };
  }
  return undefined;
}

/** The text without its sentences about cumulative figures (历年累计主动公开 …). */
function withoutCumulative(text: string): string {
  return text.split(/(?<=[。！？!?\n])/).filter((sentence) => !CUMULATIVE.test(sentence)).join('');
}

/** The selection word (主要, 包括, 如 …) right after a 其中 ending at text index `at`. */
function selectionAt(text: string, at: number): RegExpExecArray | null {
  SELECTION_AFTER_其中.lastIndex = at;
  return SELECTION_AFTER_其中.exec(text);
}

function neededAfter(text: string, at: number): boolean {
  NEEDED_AFTER.lastIndex = at;
  return NEEDED_AFTER.test(text);
}

// Characters that words readGroup tests for hold, by char code (bits). Keep them in step with the expressions: words
// without any of these match none.
const CUES = new Uint8Array(0x10000);
// A character of each word tested in a part's words: OUTCOME 予 部 无 处; PROCESSED and CARRIED_ON 结 答 办 补 征;
// CONTESTED 复 诉; DELTA 增 减 下 上 同 环 较 比 多 占; INSIDE_PREVIOUS 含; HAPPENED_TO_SOME 被; EACH_BEFORE 各.
const PART_CUE = 1;
// In the total's words: RECEIVED 收 受 接; REVIEWED 理 查 估; CARRIED_ON 结; CONTESTED 复 诉.
const TOTAL_CUE = 2;
/** The expressions read only where one of the characters stands; a test expands each and finds one in every word. */
export const PART_CUE_WORDS = { characters: '予部无处结答办补征复诉增减下上同环较比多占含被各', expressions: [OUTCOME, PROCESSED, CARRIED_ON, CONTESTED, DELTA, INSIDE_PREVIOUS, HAPPENED_TO_SOME, EACH_BEFORE] } as const;
export const TOTAL_CUE_WORDS = { characters: '收受接理查估结复诉', expressions: [RECEIVED, REVIEWED, CARRIED_ON, CONTESTED] } as const;
for (const c of PART_CUE_WORDS.characters) CUES[c.charCodeAt(0)]! |= PART_CUE;
for (const c of TOTAL_CUE_WORDS.characters) CUES[c.charCodeAt(0)]! |= TOTAL_CUE;

/** Whether text[from, to) holds a character with the cue bit. */
function holdsCue(text: string, from: number, to: number, cue: number): boolean {
  for (let i = from; i < to; i++) if ((CUES[text.charCodeAt(i)]! & cue) !== 0) return true;
  return false;
}

function startsList(text: string, at: number): boolean {
  LIST_OPENER_AT.lastIndex = at;
  return LIST_OPENER_AT.test(text);
}

function judge({ total, parts, incomplete }: PartsGroup): PartsVerdict | undefined {
  if (parts.length < 2) return undefined;
  // A part that is the whole: the list names where the same items went, not a breakdown ("其中通过政府网站公开1856条，
  // 政务微博公开320条": every item is on the site, some also on the other channels).
  // Loops, not some/map with closures: every group of a report is judged when it is first seen, and most add up.
  const totalRough = isRough(total);
  let roughPart = false;
  for (const p of parts) {
    const rough = isRough(p);
    if (p.value === total.value && !rough && !totalRough) return undefined;
    roughPart ||= rough;
  }
  if (!(incomplete || totalRough || roughPart)) {
    let sum = 0;
    for (const p of parts) sum += p.value;
    sum = Math.round(sum * 1e6) / 1e6; // roundSum of the values
    return sum === total.value ? undefined : { kind: 'exact', sum, list: listParts(parts), total: total.written };
  }
  // Approximate: the listed parts can only be checked not to exceed the total.
  const least = roundSum(parts.map(lowerBound));
  if (least <= upperBound(total)) return undefined;
  return { kind: 'at-least', least, list: listParts(parts), total: describeCount(total) };
}

function isRough(n: ProseNumber): boolean {
  return n.approximate || n.multiplier > 1;
}

/** The smallest value the written number allows (4.5万 may be rounded up from 44500, 约100 from 95). */
function lowerBound(n: ProseNumber): number {
  return n.multiplier > 1 || n.roughBelow ? n.value - step(n) / 2 : n.value;
}

/** The largest value: 4.5万 < 46000, 100余 < 200, 1300余 < 1400. */
function upperBound(n: ProseNumber): number {
  return n.value + (isRough(n) ? step(n) : 0);
}

/** One unit of the last written digit (余 counts from the last non-zero digit, at least ten). */
function step(n: ProseNumber): number {
  if (n.multiplier > 1) return n.multiplier / 10 ** n.decimals;
  let zeros = 0;
  for (let v = Math.trunc(n.value); v > 0 && v % 10 === 0; v /= 10) zeros++;
  return 10 ** Math.max(1, zeros);
}

function roundSum(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

function listParts(parts: readonly ProseNumber[]): string {
  const shown = parts.length > 8 ? parts.slice(0, 6) : parts;
  return shown.map((p) => p.written).join(' + ') + (shown.length < parts.length ? ' + …' : '');
}

/** A unit with white space before it and no figure before that: the part's figure is missing. */
function figureLostBefore(text: string, at: number, from: number): boolean {
  let j = at - 1;
  if (j < from || !/\s/.test(text[j]!)) return false;
  while (j >= from && /\s/.test(text[j]!)) j--;
  return j >= from && !/[0-9０-９.．%％]/.test(text[j]!);
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhiteSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The parts read are 表四's results (结果维持, 纠正, …) and the clause at `from` opens with one more. */
function oneMoreResult(text: string, parts: readonly ProseNumber[], from: number): boolean {
  if (!RESULT_AT.test(text.slice(from, from + 6))) return false;
  return parts.every((p) => RESULT.test(text.slice(clauseStart(text, p.start, '、'), p.start)));
}

const RESULT = new RegExp(RESULT_WORDS);
const RESULT_AT = /^(?:结果)?(?:维持|纠正|其他结果|尚未审结|未审结)/;

function startsRemainder(text: string, at: number): boolean {
  if (!REMAINDER_FIRST.has(text.charCodeAt(at))) return false;
  for (const w of REMAINDER) if (text.startsWith(w, at)) return true;
  return false;
}

/** Whether the clause starting at text[at] holds a digit. */
function figureInClause(text: string, at: number): boolean {
  const end = clauseEnd(text, at);
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** A word of LIST_ENDS at text[at]: its first character is looked up before any word is compared. */
function startsListEnd(text: string, at: number): boolean {
  if (!LIST_END_FIRST.has(text.charCodeAt(at))) return false;
  for (const w of LIST_ENDS) if (text.startsWith(w, at)) return true;
  return false;
}

/** Another count of the total's unit joined to it in its clause ("建议18件、提案25件"): which the list breaks down is unclear. */
function countedBeside(text: string, numbers: readonly ProseNumber[], total: ProseNumber): boolean {
  const from = clauseStart(text, total.start);
  for (let k = firstNumberFrom(numbers, from); k < numbers.length && numbers[k]!.start < total.start; k++) {
    const n = numbers[k]!;
    if (unitFamily(n.unit) === unitFamily(total.unit) && JOINED_COUNTS.test(text.slice(n.unitEnd, n.unitEnd + 4))) return true;
  }
  return false;
}

/**
 * How many items a figure after 各 stands for: the names between the part before it (or the list's start) and the
 * figure, parted by 、 和 及 与 ("三季度、四季度各"); 0 when they cannot be told (one name, or a figure among them).
 */
function itemsNamed(text: string, from: number, at: number): number {
  const words = text.slice(Math.max(from, clauseStart(text, at)), at).replace(EACH_BEFORE, '').replace(/^[\s，,；;：:]*(?:其中)?[\s，,：:]*/, '');
  if (/\d/.test(words)) return 0;
  const names = words.split(/以及|[、和及与]/).filter((w) => w.trim());
  return names.length >= 2 && names.length <= MAX_EACH_ITEMS ? names.length : 0;
}

/** The most items one figure after 各 is read for. */
const MAX_EACH_ITEMS = 8;
