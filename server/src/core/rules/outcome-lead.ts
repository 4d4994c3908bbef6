// A sentence that opens with a 表三 result and its count ("予以公开41件；", "1.部分公开12件", "其中，不予处理9件",
// "结转下年度继续办理3件", "6件顺延至下年度办理"): reports list the results on lines of their own after
// "办理结果如下：", so the word 申请 is in the paragraph before, not in theirs. Such a sentence is about applications:
// no other kind of count opens with 予以公开 or 无法提供 (公文's 不予公开 names its documents first: "不予公开公文20件").

// A list mark, or 其中/另有, before the result.
const LEAD = String.raw`^\s{0,2}(?:(?:其中|另有|尚有|此外)[，,：:]?\s{0,2})?(?:\d{1,2}\s?[.．、]|[（(]\s?[\d一二三四五六七八九十]{1,2}\s?[)）]|[①-⑳])?\s{0,2}`;
const COUNT = String.raw`[\d一二三四五六七八九十两]`;
// An outcome, a count right after it (bracketed or not); or carried forward, its count after or before it.
const RESULT_LEAD = new RegExp(
  `${LEAD}(?:(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:的|类)?(?:申请)?\\s{0,2}[（(]?\\s{0,2}(?:共计|共|合计|为)?\\s{0,2}${COUNT}` +
    `|(?:结转|顺延)(?:至|到)?下一?年度?|${COUNT}{1,4}\\s?件(?:申请)?(?:继续)?(?:顺延|结转))`,
);

/** True when `sentence` opens with a 表三 result (an outcome, or carried to next year) and its count. */
export function opensWithApplicationResult(sentence: string): boolean {
  return RESULT_LEAD.test(sentence);
}
