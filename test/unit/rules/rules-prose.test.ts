// The prose rules (prose.sum, prose.table, prose.percent) on small reports, the
// way markdownlint/textlint rule tests read: for each pattern a text that must
// stay silent and one that must fire, including the false-positive traps
// (years, dates, phone numbers, 12345热线, percentages, 5个工作日). Then the
// exact prose.* findings on the eight real reports, each checked by hand.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { scanProseNumbers } from '../../../server/src/core/text/prose-numbers';
import { buildReport, validT3, type ReportData } from '../../helpers/build-report';
import { readFixture } from '../../helpers/fixtures';
import { assertLangParity } from '../../helpers/i18n';

interface Found {
  text: string;
  list: Finding[];
}

/** A whole report (title, six headings, tab-grid tables) with `prose` as section 一's text. */
function run(code: string, prose: string, data: ReportData = {}): Found {
  const text = buildReport({ ...data, prose: { ...data.prose, 0: prose } });
  const doc = parseDocument(text);
  // The same findings in English, in English words.
  assertLangParity(doc, code);
  return { text, list: check(doc).filter((f) => f.code === code) };
}

const at = (found: Found, i = 0): string => {
  const f = found.list[i]!;
  return found.text.slice(f.range.start, f.range.end);
};

const silent = (code: string, prose: string, data?: ReportData) => assert.deepEqual(run(code, prose, data).list.map((f) => f.message), [], prose);

/** validT3(): 5 received, 1 carried over, 5 handled (2 公开, 1 部分公开, 2 无法提供), 1 carried forward; 表四 复议 2, 诉讼 1. */
const ZERO_T3: ReportData['t3'] = Object.fromEntries(Object.keys(validT3()).map((id) => [id, [0, 0, 0, 0, 0, 0, 0]]));
const ZERO_T4 = Array.from({ length: 15 }, () => 0);

// ------------------------------------------------------------------ scanner

describe('scanProseNumbers', () => {
  const counts = (text: string) => scanProseNumbers(text).filter((n) => n.unit).map((n) => `${n.written}${n.unit}`);
  it('reads counts with spaces, 余, 万 and percentages', () => {
    assert.deepEqual(counts('主动公开信息 85 条，1300余条，4.5万条，5151 余件，约100余人，20.5%'), ['85条', '1300余条', '4.5万条', '5151余件', '100余人', '20.5%']);
    const [wan] = scanProseNumbers('4.5万条');
    assert.equal(wan!.value, 45000);
    assert.equal(wan!.multiplier, 1e4);
  });
  it('takes no count from years, dates, phone numbers, hotlines, ordinals or 工作日', () => {
    assert.deepEqual(counts('2022年1月1日至2022年12月31日，电话：0451-57088770，2023-01-19，“12345”政务服务便民热线，12345市民热线，第5次，5个工作日内，3个月，1.属于国家秘密，网址col112946/index.html'), []);
  });
  it('stays linear on long hostile input', () => {
    const hostile = '1'.repeat(50_000) + '余'.repeat(50_000) + '其中1条，'.repeat(20_000);
    const started = Date.now();
    scanProseNumbers(hostile);
    run('prose.sum', `共${hostile}`);
    assert.ok(Date.now() - started < 5000);
  });
});

// ------------------------------------------------------------------ prose.sum

describe('prose.sum', () => {
  const code = 'prose.sum';
  it('accepts parts that add up to the total', () => {
    silent(code, '网站共发布政府信息872条。其中，《警务资讯》栏目发布信息420条；《政务公开》栏目发布信息414条；《通知公告》栏目发布信息23条；《法治政府》栏目发布信息10条；《专题专栏》栏目发布信息5条。');
  });
  it('flags parts that do not add up, on the total, with each part related', () => {
    const found = run(code, '网站共发布政府信息873条。其中，《警务资讯》栏目发布信息420条；《政务公开》栏目发布信息414条；《通知公告》栏目发布信息23条；《法治政府》栏目发布信息10条；《专题专栏》栏目发布信息5条。');
    assert.equal(found.list.length, 1);
    assert.equal(at(found), '873');
    assert.equal(found.list[0]!.severity, 'warning');
    assert.equal(found.list[0]!.message, '所述 873，各项之和 872：其中各项（420 + 414 + 23 + 10 + 5）与所述总数不符');
    assert.deepEqual(found.list[0]!.related!.map((r) => found.text.slice(r.range.start, r.range.end)), ['420', '414', '23', '10', '5']);
  });
  it('shortens a long list of parts in the message', () => {
    const parts = Array.from({ length: 10 }, (_, i) => `栏目${i}共${i + 1}条`).join('，');
    const found = run(code, `新增主动公开政府信息60条。其中：${parts}。`);
    assert.equal(found.list[0]!.message, '所述 60，各项之和 55：其中各项（1 + 2 + 3 + 4 + 5 + 6 + …）与所述总数不符');
  });
  it('ends a group before the total of the next 其中 group', () => {
    const pdf = '政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。';
    silent(code, pdf);
    const found = run(code, pdf.replace('351件', '350件'));
    assert.deepEqual(found.list.map((f) => f.message), ['所述 350，各项之和 351：其中各项（72 + 64 + 178 + 37）与所述总数不符']);
  });
  it('reads a group inside brackets and leaves the rest of the sentence out', () => {
    silent(code, '主动公开信息100条（其中原创60条，转载40条），阅读量3000次。');
    const found = run(code, '主动公开信息100条（其中原创60条，转载30条），另发布视频20条。');
    assert.equal(at(found), '100');
    assert.match(found.list[0]!.message, /^所述 100，各项之和 90：其中各项（60 \+ 30）/);
  });
  it('a part that is the whole is no breakdown: the channels the same items went to', () => {
    // Stored real reports: every item is on the portal, some also on the other channels.
    silent(code, '全年主动公开政府信息1856条，其中通过政府网站公开1856条，政务微博公开320条，政务微信公开412条。');
    silent(code, '全年公开各类信息386条，其中政府网站公开386条、“两微一端”同步推送286条。');
    // Parts that do not add up, none the whole, are still a finding.
    assert.equal(run(code, '全年公开各类信息386条，其中政府网站公开380条、“两微一端”同步推送286条。').list.length, 1);
  });
  it('a part named with its unit and no figure (a draft\'s blank, a figure PDF text put on another line) leaves only an excess certain', () => {
    // Ghostscript's text of 淮安市 2024 sets the figures of a sentence on the line below: "尚未审结 件" lost its 37.
    silent(code, '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结 件；政府信息公开行政诉讼 件。');
    silent(code, '共受理申请 20 件，其中自然人 件，法人 5 件。');
    const found = run(code, '共受理申请 20 件，其中自然人 件，法人 15 件，其他组织 10 件。');
    assert.deepEqual(found.list.map((f) => f.message), ['所述 20 件，各项之和至少 25：其中所列各项（15 + 10）超过所述总数']);
    // A unit right after a word is no lost figure (文件, 案件).
    assert.equal(run(code, '共办理 20 件，其中文件 12 件，案件 5 件。').list.length, 1);
  });
  it('with 等 only checks that the parts do not exceed the total', () => {
    silent(code, '共受理各类咨询 100 件，其中电话咨询 60 件、现场咨询 30 件等。');
    const found = run(code, '共受理各类咨询 100 件，其中电话咨询 60 件、现场咨询 50 件等。');
    assert.equal(found.list[0]!.message, '所述 100 件，各项之和至少 110：其中所列各项（60 + 50）超过所述总数');
  });
  it('with 余 on the total allows the parts up to the next round number', () => {
    silent(code, '全年发布信息1300余条，其中微博700条，微信650条。');
    silent(code, '受理转办信件共计 5151 余件，其中受理12345政务服务便民热线转办4911 余件，市长信箱85 件、厅局长信箱111件等平台的群众咨询均已回复。');
    const found = run(code, '全年发布信息1300余条，其中微博900条，微信650条。');
    assert.equal(found.list[0]!.message, '所述 1300余 条，各项之和至少 1550：其中所列各项（900 + 650）超过所述总数');
  });
  it('reads 万 as approximate', () => {
    silent(code, '新媒体矩阵共发布信息4.5万条，其中微博2万条，微信2.5万条。');
    silent(code, '新媒体矩阵共发布信息4.5万条，其中微博2.1万条，微信2.5万条。'); // 46000 rounds to 4.6万 but may be truncated to 4.5万
    // 3万 may stand for as little as 25000: only a clear excess fires.
    silent(code, '新媒体矩阵共发布信息4.5万条，其中微博3万条，微信2万条。');
    assert.equal(run(code, '新媒体矩阵共发布信息4.5万条，其中微博3万条，微信3万条。').list.length, 1);
  });
  it('ignores years, phone numbers, 工作日, percentages and changes on the total\'s unit', () => {
    silent(code, '2022年共收到依申请公开政府信息32件，其中通过网站申请26件，信函申请6件，均于收到当日下发，并要求在5个工作日内反馈，咨询电话0451-57088770。');
    silent(code, '共收到公民、法人提出的政府信息公开申请4宗，其中自然人3宗，法人1宗，较2021年增加3件。');
    silent(code, '共办结留言100件，其中按期办结率100%，网上答复60件，电话答复40件，同比增长12%。');
  });
  it('ends the parts where they already add up and a new statement follows', () => {
    silent(code, '共收到政府信息公开申请95件，其中自然人90件，法人5件；予以公开50件，部分公开9件。');
    silent(code, '共收到申请32件，其中网上申请26件，信函申请6件，办结32件。');
  });
  it('needs two parts in the same unit', () => {
    silent(code, '共收到申请5件，其中网上申请5件。');
    silent(code, '召开新闻发布会5场，其中主题发布会3场，接受采访12次。');
  });
});

// ------------------------------------------------------------------ prose.table

describe('prose.table', () => {
  const code = 'prose.table';
  it('compares 收到/受理…申请 with 一 总计, or 一 + 二 (some reports count 上年结转 in)', () => {
    silent(code, '2022年，全年共收到政府信息公开申请 5 件，均已按时答复。');
    silent(code, '2022年，全年共收到政府信息公开申请 6 件，均已按时答复。');
    const found = run(code, '2022年，全年共收到政府信息公开申请 7 件，均已按时答复。');
    assert.equal(at(found), '7');
    assert.equal(found.list[0]!.message, '正文 7，表格 5 或 6：正文称收到政府信息公开申请 7 件，与表格不符（可能的对应：表三“一、本年新收政府信息公开申请数量”总计为 5；表三“一、本年新收政府信息公开申请数量”与“二、上年结转政府信息公开申请数量”总计之和为 6）');
    assert.equal(found.list[0]!.severity, 'warning');
    // 一 and 二, each once.
    assert.equal(found.list[0]!.related!.length, 2);
  });
  it('reads a sentence wrapped over two lines (PDF text)', () => {
    const found = run(code, '2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。', { year: 2024 });
    assert.equal(at(found), '17');
    assert.match(found.list[0]!.message, /^正文 17，表格 5 或 6：正文称受理政府信息公开申请 17 件，与表格不符/);
  });
  it('compares 含上年结转 with 一 + 二', () => {
    silent(code, '共收到政府信息公开申请 6 件（含上年结转 1 件）。');
    const found = run(code, '共收到政府信息公开申请 7 件（含上年结转 1 件）。');
    assert.equal(found.list[0]!.message, '正文 7，表格 6：正文称收到政府信息公开申请 7 件（含上年结转），表三“一、本年新收政府信息公开申请数量”与“二、上年结转政府信息公开申请数量”总计之和为 6');
  });
  it('compares 上年结转, 办结/答复 and 结转下年度 with 二, （七） and 四', () => {
    silent(code, '2022年共受理政府信息公开申请 5 件，答复 5 件（含上年度结转申请 1 件，另有 1 件顺延到下年度答复）。');
    const found = run(code, '2022年共受理政府信息公开申请 5 件，答复 4 件（含上年度结转申请 2 件，另有 3 件顺延到下年度答复）。');
    assert.deepEqual(found.list.map((f) => f.message), [
      '正文 4，表格 5：正文称答复 4 件，表三“（七）总计”为 5',
      '正文 2，表格 1：正文称上年度结转申请 2 件，表三“二、上年结转政府信息公开申请数量”总计为 1',
      '正文 3，表格 1：正文称 3 件顺延到下年度，表三“四、结转下年度继续办理”总计为 1',
    ]);
    silent(code, '本年度共办结政府信息公开申请 5 件，结转下年度继续办理 1 件。');
    assert.equal(run(code, '本年度共办结政府信息公开申请 5 件，结转下年度继续办理 2 件。').list.length, 1);
  });
  it('compares the outcomes with their row or row group', () => {
    silent(code, '本年度办理政府信息公开申请，其中予以公开 2 件，部分公开 1 件，无法提供 2 件，不予公开 0 件，不予处理 0 件，其他处理 0 件。');
    const found = run(code, '本年度办理政府信息公开申请，其中予以公开 3 件，部分公开 1 件，无法提供 1 件，不予公开 1 件。');
    assert.deepEqual(found.list.map((f) => at({ ...found, list: [f] })), ['3', '1', '1']);
    assert.equal(found.list[1]!.message, '正文 1，表格 2：正文称无法提供 1 件，表三“（四）无法提供”各项总计之和为 2');
    assert.equal(found.list[1]!.related!.length, 3);
    assert.equal(found.list[2]!.message, '正文 1，表格 0：正文称不予公开 1 件，表三“（三）不予公开”各项总计之和为 0');
    // The 2019 single （六） row.
    const legacy = run(code, '本年度办理政府信息公开申请，其他处理 1 件。', { legacyOther: true });
    assert.deepEqual(legacy.list.map((f) => f.message), ['正文 1，表格 0：正文称其他处理 1 件，表三“（六）其他处理”总计为 0']);
  });
  it('reads 未收到…申请 as 一 = 0', () => {
    silent(code, '2022年度，我局未收到依申请公开办件。', { t3: ZERO_T3 });
    const found = run(code, '2022年度，我局未收到依申请公开办件。');
    assert.equal(at(found), '未收到依申请公开办件');
    assert.equal(found.list[0]!.message, '正文 0，表格 5：正文称未收到依申请公开办件，表三“一、本年新收政府信息公开申请数量”总计为 5');
  });
  it('compares 行政复议/行政诉讼 with 表四', () => {
    silent(code, '因政府信息公开被申请行政复议 2 件，被提起行政诉讼 1 件。');
    const found = run(code, '因政府信息公开被申请行政复议 3 件，被提起行政诉讼 3 件。');
    assert.deepEqual(found.list.map((f) => f.message), [
      '正文 3，表格 2：正文称行政复议 3 件，表四“行政复议”总计为 2',
      '正文 3，表格 1：正文称行政诉讼 3 件，表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计之和为 1',
    ]);
    assert.equal(found.list[1]!.related!.length, 2);
  });
  it('reads 未发生…行政复议、行政诉讼 as both 表四 totals 0', () => {
    silent(code, '2022年共收到依申请公开 5 件，未发生依申请公开行政复议、行政诉讼情况。', { t4: ZERO_T4 });
    const found = run(code, '2022年共收到依申请公开 5 件，未发生依申请公开行政复议、行政诉讼情况。');
    assert.deepEqual(found.list.map((f) => f.message), [
      '正文 0，表格 2：正文称未发生依申请公开行政复议、行政诉讼，表四“行政复议”总计为 2',
      '正文 0，表格 1：正文称未发生依申请公开行政复议、行政诉讼，表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计之和为 1',
    ]);
    silent(code, '全年未发生因政府信息公开被行政复议纠错的情况。');
    silent(code, '全年未发生因不履行政务公开义务而发生的责任追究情况。');
  });
  it('leaves 收到/受理 clauses about other things alone', () => {
    silent(code, '通过各类问政平台受理转办信件共计 5151 件，受理12345政务服务便民热线转办 4911 件，办结群众留言 30 条。');
    silent(code, '全年受理行政许可申请 500 件，收到人大代表建议、政协委员提案 12 件，受理群众来信 30 件。');
    silent(code, '全年共收到政府信息公开申请 5 件，其中网上受理政府信息公开申请 3 件，当场答复 1 件。');
    silent(code, '收到政府信息公开申请 5 件，较2021年增加 3 件，办结率 100%。');
  });
  it('leaves counts of a part of the applications alone: one kind of applicant, one channel', () => {
    silent(code, '收到自然人提出的政府信息公开申请 4 件，法人或其他组织提出的政府信息公开申请 1 件。');
    silent(code, '通过政府网站收到政府信息公开申请 3 件，信函申请 2 件；当场答复 1 件。');
    silent(code, '本年度未收到法人或其他组织的政府信息公开申请。');
    // 公民、法人 names both kinds: all applications.
    assert.equal(run(code, '共收到公民、法人提出的政府信息公开申请4宗。').list.length, 1);
  });
  it('leaves another year\'s figures alone', () => {
    silent(code, '2021年共收到政府信息公开申请 10 件，去年办结政府信息公开申请 9 件。');
    silent(code, '与上年度相比，本年受理政府信息公开申请 7 件。');
    silent(code, '2021年未收到政府信息公开申请。');
    assert.equal(run(code, '2022年共收到政府信息公开申请 10 件。').list.length, 1);
  });
  it('compares nothing against a cell whose column was guessed', () => {
    // A 表三 row with six numbers for seven columns: its alignment is inferred, so not certain.
    const t3 = { ...validT3(), public: [2, 0, 0, 0, 0, 2] };
    silent(code, '本年度办理政府信息公开申请，其中予以公开 9 件。', { t3 });
  });
});

// ------------------------------------------------------------------ prose.percent

describe('prose.percent', () => {
  const code = 'prose.percent';
  it('checks N件（p%） against （七）总计', () => {
    silent(code, '本年度办理政府信息公开申请，其中予以公开 2 件（40%），部分公开 1 件（20.0%），无法提供 2 件（40%）。');
    const found = run(code, '本年度办理政府信息公开申请，其中予以公开 2 件（45%）。');
    assert.equal(at(found), '45%');
    assert.equal(found.list[0]!.message, '实为 45%，应为 40%：正文称 2 件占 45%，按表三“（七）总计” 5 计算');
    assert.equal(found.list[0]!.related!.length, 2);
  });
  it('allows rounding and truncation at the stated decimals', () => {
    // 2 ÷ 3 = 66.666…%: 66.7 (rounded) and 66.6 (truncated) are both right, 66.5 is not.
    const t3 = { ...ZERO_T3, new: [3, 0, 0, 0, 0, 0, 3], public: [1, 0, 0, 0, 0, 0, 1], partial: [2, 0, 0, 0, 0, 0, 2], total: [3, 0, 0, 0, 0, 0, 3] };
    silent(code, '办理政府信息公开申请中，部分公开 2 件，占 66.7%。', { t3 });
    silent(code, '办理政府信息公开申请中，部分公开 2 件，占 66.6%。', { t3 });
    silent(code, '办理政府信息公开申请中，部分公开 2 件，占 67%。', { t3 });
    assert.equal(run(code, '办理政府信息公开申请中，部分公开 2 件，占 66.5%。', { t3 }).list[0]!.message, '实为 66.5%，应为 66.7%：正文称 2 件占 66.5%，按表三“（七）总计” 3 计算');
  });
  it('uses 一 as the base when the sentence names 收到/受理', () => {
    const t3 = { ...ZERO_T3, new: [5, 0, 0, 0, 0, 0, 5], carried: [1, 0, 0, 0, 0, 0, 1], public: [3, 0, 0, 0, 0, 0, 3], partial: [3, 0, 0, 0, 0, 0, 3], total: [6, 0, 0, 0, 0, 0, 6] };
    silent(code, '办理政府信息公开申请中，予以公开 3 件（50%）。', { t3 });
    silent(code, '办理政府信息公开申请中，予以公开 3 件，占收到申请总数的 60%。', { t3 });
    // 收到 may count 上年结转 in (一 + 二 = 6), as prose.table reads it: 50% is 3 of 6; 40% is of no base.
    silent(code, '办理政府信息公开申请中，予以公开 3 件，占收到申请总数的 50%。', { t3 });
    assert.match(run(code, '办理政府信息公开申请中，予以公开 3 件，占收到申请总数的 40%。', { t3 }).list[0]!.message, /^实为 40%，应为 60%：.*按表三“一、本年新收政府信息公开申请数量”总计 5 计算$/);
    silent(code, '办理政府信息公开申请中，予以公开 3 件，占市级部门申请的 10%。', { t3 });
    // Shares by applicant kind are of what came in (一 = 5), not of what was handled (6).
    silent(code, '从申请人类型看，自然人申请 3 件，占 60%；法人或其他组织申请 2 件，占 40%。', { t3 });
    assert.match(run(code, '从申请人类型看，自然人申请 3 件，占 50%。', { t3 }).list[0]!.message, /^实为 50%，应为 60%：.*按表三“一、本年新收政府信息公开申请数量”总计 5 计算$/);
  });
  it('takes a share of what came in or of what was handled alike, where the words allow both (sixteenth session\'s tester)', () => {
    const t3 = { ...ZERO_T3, new: [5, 0, 0, 0, 0, 0, 5], carried: [1, 0, 0, 0, 0, 0, 1], public: [3, 0, 0, 0, 0, 0, 3], partial: [3, 0, 0, 0, 0, 0, 3], total: [6, 0, 0, 0, 0, 0, 6] };
    // 申请总数 names no row: an applicant's share is of what came in (5), never of （七） (6).
    silent(code, '自然人申请 3 件，占申请总数的 60%。', { t3 });
    assert.match(run(code, '自然人申请 3 件，占申请总数的 50%。', { t3 }).list[0]!.message, /^实为 50%，应为 60%/);
    // A sentence about what came in: an outcome's share of 一 (5) or of （七） (6).
    silent(code, '共收到政府信息公开申请 5 件，予以公开 3 件，占 60%。', { t3 });
    silent(code, '共收到政府信息公开申请 5 件，予以公开 3 件，占 50%。', { t3 });
    silent(code, '共收到政府信息公开申请 5 件，其中予以公开 3 件（50%）。', { t3 });
    assert.match(run(code, '共收到政府信息公开申请 5 件，予以公开 3 件，占 45%。', { t3 }).list[0]!.message, /^实为 45%，应为 50%/);
    // A sentence about what was handled: （七） alone.
    assert.match(run(code, '本年度办结政府信息公开申请 6 件，予以公开 3 件，占 60%。', { t3 }).list[0]!.message, /^实为 60%，应为 50%/);
    assert.match(run(code, '办理政府信息公开申请中，予以公开 3 件，占办理总数的 60%。', { t3 }).list[0]!.message, /^实为 60%，应为 50%/);
  });
  it('uses a total stated before 其中 as the base', () => {
    // 表三 （七）总计 is 5 here; the shares are of the 95 the sentence states.
    silent(code, '共收到政府信息公开申请 95 件，其中自然人 90 件（94.7%），法人或其他组织 5 件（5.3%）。');
    const found = run(code, '共收到政府信息公开申请 95 件，其中自然人 90 件（94.5%），法人或其他组织 5 件（5.3%）。');
    assert.equal(found.list[0]!.message, '实为 94.5%，应为 94.7%：正文称 90 件占 94.5%，按所述总数 95 计算');
    assert.equal(found.list[0]!.related!.length, 2);
  });
  it('leaves other percentages alone', () => {
    silent(code, '收到政府信息公开申请 5 件，同比增长 20%，办结率 100%，在运维政务新媒体共计 95个，合格率均为 100%。');
    silent(code, '主动公开政府信息 85 条（20%），行政处罚 10 件（30%），均依申请公开。');
  });
});

// ------------------------------------------------------------------ real reports


/** `line:col code text-at-range | message` for every prose.* finding. */
function proseFindings(file: string): string[] {
  const doc = parseDocument(readFixture(file));
  return check(doc)
    .filter((f) => f.code.startsWith('prose.'))
    .map((f) => {
      const p = doc.lines.positionAt(f.range.start);
      return `${p.line + 1}:${p.character + 1} ${f.code} ${doc.text.slice(f.range.start, f.range.end)} | ${f.message}`;
    });
}

describe('real reports: every prose finding', () => {
  const EXPECTED: Record<string, string[]> = {
    // 000: 未收到依申请公开办件 and 表三 一 = 0 agree; "83余条" and "12345市民热线" are no totals.
    'seeds/000_ff974b936955be5d.txt': [],
    // 001: 872 = 420 + 414 + 23 + 10 + 5; 32 = 26 + 6 and 表三 一 = 32; 36 = 25 + 10 + 1; the 4.5万条/1亿次
    //      sentence has no total right before its 其中, so nothing is summed.
    'seeds/001_b514ee349c59fe59.txt': [],
    // 002: 未收到依申请公开信件 and 表三 一 = 0 agree.
    'seeds/002_1e78f43606d75d41.txt': [],
    // 003: the 22 parts after "新增主动公开政府信息1301条。其中包括：" add up to 1233 (read by hand:
    //      40+6+8+21+45+30+58+81+4+2+13+448+243+7+64+7+4+4+40+24+60+24), but 其中包括 introduces a
    //      selection, not a complete breakdown, so only parts exceeding 1301 would be wrong (issue 12).
    //      收到依申请公开 6 件 = 表三 6; 未发生…行政复议、行政诉讼 and 表四 all 0 agree; 5151 余件 ≥ 4911 余 + 85 + 111 (等).
    'seeds/003_9d29cacfbc1688a2.txt': [],
    // 004: 5489 = 798 + 3226 + 1465 篇次; 申请4宗 = 表三 4; 行政诉讼0宗, 行政复议0宗 = 表四.
    'seeds/004_8f491daf4ec9a00b.txt': [],
    // 淮安市 2024: 受理 3119 = 一, 答复 3050 = （七）, 上年度结转 34 = 二, 103 件顺延 = 四,
    //      复议 351 = 72 + 64 + 178 + 37 = 表四, 诉讼 46 = 25 + 5 + 9 + 7 = 26 + 20 in 表四.
    'corpus/淮安市人民政府_2024_pypdf-extract.txt': [],
    // 洪泽区 2023: 受理 21 件 = 表三 21.
    'corpus/淮安市洪泽区人民政府_2023_pypdf-extract.txt': [],
    // 洪泽区 2024: "受理政府\n信息公开申请 17 件" (wrapped at line 24/25), but 表三 一 总计 is 95 (50 + 9 + 1 + 1 + 1
    //      + 31 + 1 + 1 handled, all 自然人).
    'corpus/淮安市洪泽区人民政府_2024_pypdf-extract.txt': ['25:8 prose.table 17 | 正文 17，表格 95：正文称受理政府信息公开申请 17 件，表三“一、本年新收政府信息公开申请数量”总计为 95'],
  };
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => assert.deepEqual(proseFindings(file), expected));
  }
});
