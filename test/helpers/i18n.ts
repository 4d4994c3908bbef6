// What the English output may contain in Chinese, and the check that English
// and Chinese findings are the same findings. English messages quote the
// document in “ ” and name the template's labels (表三, （七）总计, 自然人, 件);
// anything else in Chinese is untranslated prose.

import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/rules/types';
import { check, type ParsedDocument } from '../../server/src/core/service';
import {
  CHINESE_NUMERALS,
  SECTIONS,
  TABLE2_BLOCKS,
  TABLE2_LEGACY_COLUMNS,
  TABLE2_LEGACY_ROWS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE_NAMES,
} from '../../server/src/core/template';

const HAN = /\p{Script=Han}+/gu;

/**
 * The Chinese words en.ts writes itself: the names of the tables, rows and
 * columns it refers to (表三, （七）总计, 一 + 二), the terms it keeps next to
 * their English gloss (统计期限, 现行有效件数, 万元) and the template passages
 * it cites (第二十条第（一）项, 国办公开办函〔2021〕30号).
 */
export const FIXED_LABELS: readonly string[] = [
  '表二', '表三', '表四', '总计', '一', '二', '三', '四', '五', '六', '七', '八', '九', '其中', '无', '其他', '其他处理',
  '统计期限', '总体情况', '现行有效件数', '本年制发件数', '本年废止件数', '万元', '元', '字号', '打印', '语音播报',
  '第二十条第', '项', '国办公开办函', '号', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量',
  '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用',
  '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉',
];

/** Counting units and number words as the document writes them (4.5万 条, 1300余 件). */
const DOCUMENT_UNITS = ['人次', '篇次', '件次', '批次', '场次', '条次', '户次', '个', '条', '件', '宗', '次', '篇', '项', '期', '场', '份', '家', '人', '名', '起', '例', '批', '封', '所', '户', '元', '余', '多', '万', '亿'];

function hanWords(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((t) => [...t.matchAll(HAN)].map((m) => m[0])));
}

/** Every Chinese word of the template's labels, plus units and the fixed labels: what English output may name unquoted. */
export const TEMPLATE_WORDS: ReadonlySet<string> = hanWords([
  ...FIXED_LABELS,
  ...DOCUMENT_UNITS,
  ...CHINESE_NUMERALS,
  ...SECTIONS.flatMap((s) => [s.numeral, s.title, ...s.aliases]),
  ...TABLE2_BLOCKS.flatMap((b) => [b.caption, ...b.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]), ...b.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])]),
  ...TABLE2_LEGACY_COLUMNS,
  ...TABLE2_LEGACY_ROWS,
  ...TABLE3_COLUMNS.map((c) => c.label),
  TABLE3_LEGAL_PERSON_GROUP,
  ...TABLE3_ROWS.flatMap((r) => [r.label, ...(r.aliases ?? [])]),
  ...TABLE3_GROUPS.map((g) => g.label),
  ...TABLE4_GROUPS.flatMap((g) => [g.label, g.parent ?? '']),
  ...TABLE4_COLUMNS.map((c) => c.label),
  ...Object.values(TABLE_NAMES),
]);

/** The Chinese words of `text` outside “quotes” that are not in `allowed`: untranslated prose. */
export function chineseProse(text: string, allowed: ReadonlySet<string> = TEMPLATE_WORDS): string[] {
  const unquoted = text.replace(/“[^”]*”/g, '');
  return [...unquoted.matchAll(HAN)].map((m) => m[0]).filter((w) => !allowed.has(w));
}

/** Every text of a finding a reader sees: the message, the related messages, the fix title, the candidate fixes' titles. */
export function findingTexts(f: Finding): string[] {
  return [f.message, ...(f.related ?? []).map((r) => r.message), ...(f.fix ? [f.fix.title] : []), ...(f.suggestions ?? []).map((s) => s.title)];
}

/** A finding without its words: what must not depend on the language. */
export function findingShape(f: Finding): unknown {
  return { ...f, message: undefined, related: f.related?.map((r) => r.range), fix: f.fix && { ...f.fix, title: undefined }, suggestions: f.suggestions?.map((s) => s.edits) };
}

/**
 * English and Chinese findings of one document are the same findings (code,
 * range, severity, related ranges, fix edits, in the same order); the English
 * texts differ from the Chinese ones and hold no Chinese prose; the default
 * is Chinese.
 */
export function assertLangParity(doc: ParsedDocument, label = ''): void {
  const zh = check(doc, { lang: 'zh' });
  const en = check(doc, { lang: 'en' });
  assert.deepEqual(check(doc), zh, `${label}: the default language is Chinese`);
  assert.deepEqual(en.map(findingShape), zh.map(findingShape), `${label}: the same findings in both languages`);
  en.forEach((f, i) => {
    assert.notEqual(f.message, zh[i]!.message, `${label}: ${f.code} is not translated`);
    for (const text of findingTexts(f)) assert.deepEqual(chineseProse(text), [], `${label}: ${f.code}: Chinese prose in “${text}”`);
  });
}
