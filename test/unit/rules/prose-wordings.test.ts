// Wordings that restate no figure of our tables, though they hold the words the
// prose rules look for: other agencies' totals, several years' totals, other
// kinds of application, table words in other senses, change figures, partial
// and nested lists, shares of a named set. Each statement below is true against
// the default tables (build-report.ts) and must stay silent; beside them, the
// contradictions each rule exists for must still be flagged.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, hover, parseDocument } from '../../../server/src/core/service';
import { buildReport, type ReportData } from '../../helpers/build-report';

// validT3(): 一 5 (自然人 4, 商业企业 1), 二 1; （一）予以公开 2, （二）部分公开 1, （四）无法提供 2, （七）总计 5, 四 1.
// 表四: 复议 2, 诉讼 1. 表二: 行政规范性文件 1/0/5, 行政许可 85, 行政处罚 5990, 行政强制 565.

/** The findings of `code` with `prose` as the text of section `section` (0: 一, 2: after 表三, 3: after 表四). */
function findings(code: string, prose: string, section = 0, data: ReportData = {}): Finding[] {
  const text = buildReport({ ...data, prose: { ...data.prose, [section]: prose } });
  return check(parseDocument(text)).filter((f) => f.code === code);
}

function silent(code: string, statements: readonly string[], section = 0, data?: ReportData): void {
  for (const s of statements) assert.deepEqual(findings(code, s, section, data).map((f) => f.message), [], s);
}

/** Each statement is flagged once, with a message starting `正文 <value>` (prose.table) or holding `expect`. */
function flagged(code: string, statements: readonly (readonly [string, string])[], section = 0, data?: ReportData): void {
  for (const [s, expect] of statements) {
    const list = findings(code, s, section, data).map((f) => f.message);
    assert.equal(list.length, 1, `${s}: ${JSON.stringify(list)}`);
    assert.ok(list[0]!.includes(expect), `${s}: ${list[0]}`);
  }
}

describe('prose.table: figures that are no count of the year\'s applications (a helper\'s sentence bank)', () => {
  it('leaves alone a change, an average, a day\'s or a range\'s figure, a part of the year named earlier in the sentence, and other bodies', () => {
    silent('prose.table', [
      '受理政府信息公开申请同比增加12件。',
      '同比多收到政府信息公开申请12件。',
      '月均受理政府信息公开申请8件。',
      '平均每月收到政府信息公开申请8件。',
      '单日最多收到政府信息公开申请12件。',
      '人均办理政府信息公开申请12件。',
      '每月收到政府信息公开申请5至12件不等。',
      '1—6月，共收到政府信息公开申请41件。',
      '1至11月，共受理政府信息公开申请86件。',
      '7月1日至12月31日，共受理政府信息公开申请54件。',
      '截至2023年11月30日，共受理政府信息公开申请86件。',
      '元旦至春节期间收到政府信息公开申请9件。',
      '自3月起，共受理政府信息公开申请80件。',
      '各村（居）共收到政府信息公开申请12件。',
      '镇政府及各站（所、办）共受理政府信息公开申请128件。',
      '11个设区市自然资源部门共收到政府信息公开申请3120件。',
    ]);
  });
  it('still compares the year\'s own count, its dates the whole year\'s', () => {
    flagged('prose.table', [
      ['2022年1月1日至12月31日，共收到政府信息公开申请9件。', '正文 9'],
      ['2022年1月至12月，共收到政府信息公开申请9件。', '正文 9'],
      ['截至2022年12月31日，共收到政府信息公开申请9件。', '正文 9'],
      ['本年度共收到政府信息公开申请9件，同比增加2件。', '正文 9'],
      // 本级 is the reporting body itself (某某市人民政府本级, 应急管理部本级: a helper's large governments' reports).
      ['本局本级共收到政府信息公开申请9件。', '正文 9'],
    ]);
  });
  it('reads a review count broken down by result in brackets (report-format.md\'s own form); a bracket naming the disclosure part stays a part', () => {
    flagged('prose.table', [['本年度因政府信息公开工作被申请行政复议7件（其中维持4件、纠正1件、其他结果1件、尚未审结1件）。', '正文 7']]);
    silent('prose.table', ['本年度被申请行政复议案件15件（其中涉及政府信息公开的2件）。']);
  });
});

describe('prose.table: totals of more than the reporting agency', () => {
  it('leaves alone counts of an area, a system, several levels, directly affiliated units or several named units', () => {
    silent('prose.table', [
      '全市公安机关共收到政府信息公开申请1,234件。',
      '市、县两级共受理政府信息公开申请58件。',
      '全区共受理政府信息公开申请120件，其中区政府本级5件。',
      '局机关及直属单位共收到政府信息公开申请28件。',
      '全县36个部门共收到政府信息公开申请210件。',
      '县政府办公室共收到政府信息公开申请5件，乡镇街道共收到政府信息公开申请42件。',
      '指导12个镇（街道）办理政府信息公开申请86件。',
      '本系统共制发行政规范性文件6件。',
      '全系统共作出行政处罚决定12,356件，其中本级作出5,990件。',
    ]);
  });
  it('still compares the agency\'s own counts, also beside another scope\'s', () => {
    flagged('prose.table', [
      ['2022年，本机关共收到政府信息公开申请9件。', '正文 9'],
      ['县政府办公室共收到政府信息公开申请9件，乡镇街道共收到政府信息公开申请42件。', '正文 9'],
      ['通过依申请公开系统共收到政府信息公开申请9件。', '正文 9'],
      ['本镇共收到政府信息公开申请9件。', '正文 9'],
      ['本年度作出行政处罚决定5,900件。', '正文 5900'],
    ]);
  });
});

describe('prose.table: counts of several years or running totals', () => {
  it('leaves alone counts over several years, since a start before the year, or so far', () => {
    silent('prose.table', [
      '近三年，本局共收到政府信息公开申请15件。',
      '近三年，本局共收到政府信息公开申请15件，其中2020年4件，2021年6件，2022年5件。',
      '2021—2022年共收到政府信息公开申请13件。',
      '2021年至2022年，本局共收到政府信息公开申请13件。',
      '自《条例》施行以来，本局累计受理政府信息公开申请126件。',
      '“十四五”以来，本局累计制发行政规范性文件4件。',
      '截至目前，本局累计制发规范性文件23件，其中现行有效5件。',
      '历年累计作出行政处罚决定32,650件并全部公开。',
    ]);
  });
  it('still compares this year\'s counts, 今年以来 and 全年累计 among them, and figures that stand at a date', () => {
    flagged('prose.table', [
      ['全年累计受理政府信息公开申请9件。', '正文 9'],
      ['2022年以来，本局共收到政府信息公开申请9件。', '正文 9'],
      ['今年以来，本局累计受理政府信息公开申请9件。', '正文 9'],
      ['截至目前，本局累计制发规范性文件23件，现行有效规范性文件6件。', '正文 6'],
      ['截至2022年底，本局现行有效行政规范性文件6件。', '正文 6'],
    ]);
  });
});

describe('prose.table: 办结/答复 after a clause about another kind of application', () => {
  it('reads a bare 办结 N 件 as being about the applications the sentence last named', () => {
    silent('prose.table', [
      '受理行政许可申请1,230件，办结1,230件。',
      '受理行政许可申请1,230件，办结1,230件，作出准予行政许可决定85件。',
      '全年共收到依申请公开5件，受理政务服务申请6,532件，办结6,532件。',
      '全年共受理政务服务事项申请6,532件，已全部答复6,532件。',
    ]);
  });
  it('still compares 办结 after disclosure applications', () => {
    flagged('prose.table', [
      ['全年共收到政府信息公开申请5件，办结6件。', '正文 6'],
      ['全年共收到依申请公开5件，办结6件。', '正文 6'],
      ['本年度办结政府信息公开申请6件，无结转。', '正文 6'],
      ['本年度收到申请5件，办结6件，均为政府信息公开申请。', '正文 6'],
    ]);
  });
});

describe('prose.table: table words in other senses', () => {
  it('reads 复议后起诉 as a suit, not a review', () => {
    silent('prose.table', ['本年度未发生因政府信息公开被提起复议后起诉的情况。', '本年度未发生复议后起诉案件。'], 3);
  });
  it('reads 上年结转 in brackets after a review count as the review\'s', () => {
    silent('prose.table', ['本年度因政府信息公开被申请行政复议2件（上年结转0件），被提起行政诉讼1件（一审）。'], 3);
  });
  it('gives the words before an earlier count of the clause to that count', () => {
    silent('prose.table', ['本年度办结上年结转申请1件、本年新收申请4件，共办结5件；本年新收申请中1件结转下年度办理。'], 2);
    silent('prose.table', ['对上年结转的1件申请和本年新收的5件申请，本年度共答复5件。'], 2);
  });
  it('reads 主动公开、依申请公开、不予公开 N 件 listed together as documents\' disclosure status', () => {
    silent('prose.table', ['严格执行公文公开属性认定，全年印发公文356件，其中主动公开210件，依申请公开46件，不予公开100件。']);
  });
  it('still flags the contradictions', () => {
    flagged('prose.table', [
      ['本年度未发生政府信息公开行政复议案件。', '正文 0，表格 2'],
      ['本年度未发生因政府信息公开被申请行政复议的情况。', '正文 0，表格 2'],
      ['本年度上年结转政府信息公开申请2件、本年新收申请5件。', '正文 2'],
      ['对上年结转的2件申请和本年新收的5件申请，本年度共答复5件。', '正文 2'],
      ['本年度收到政府信息公开申请5件，其中予以公开3件。', '正文 3'],
    ], 3);
  });
});

describe('prose.sum: a change from last year before 其中 is no total', () => {
  it('breaks down the count the change is of', () => {
    silent('prose.sum', [
      '全年收到政府信息公开申请5件，同比增加2件。其中，网上申请3件，信函申请1件，当面申请1件。',
      '全年主动公开政府信息1256条，比上年增加56条。其中，政策文件356条，工作动态900条。',
      '全年主动公开政府信息1256条，较上年减少44条，其中政策文件356条，工作动态900条。',
      '全年收到政府信息公开申请5件，比上年多2件。其中，自然人申请4件，法人申请1件。',
    ]);
    silent('prose.table', ['全年共收到政府信息公开申请5件，比上年增加2件，其中自然人申请4件，法人申请1件。']);
  });
  it('still flags parts that do not add up to that count', () => {
    flagged('prose.sum', [
      ['全年主动公开政府信息1256条，比上年增加56条。其中，政策文件356条，工作动态800条。', '所述 1256，各项之和 1156'],
      ['全年收到政府信息公开申请6件，同比增加2件。其中，网上申请3件，信函申请1件，当面申请1件。', '所述 6，各项之和 5'],
    ]);
  });
});

describe('prose.sum: partial and nested lists', () => {
  it('reads a list followed by 其余/其他/剩余 without a figure as partial', () => {
    silent('prose.sum', [
      '清理规范性文件12件，其中废止3件、宣布失效2件，其余继续有效。',
      '全年收到咨询30件，其中电话咨询12件，现场咨询8件，其他通过网站留言提出。',
      '梳理公开事项清单86项，其中新增12项，调整5项，剩余事项保持不变。',
    ]);
  });
  it('reads an unbracketed 含 clause as inside the part before it', () => {
    silent('prose.sum', ['全年发布信息312条，其中动态信息200条，含图片新闻50条；通知公告112条。']);
  });
  it('does not judge a 其中 whose total is itself a part of an enclosing 其中', () => {
    silent('prose.sum', ['主动公开信息1256条，其中政策文件356条，其中规范性文件1条，工作动态900条。']);
  });
  it('reads parts that say what happened to some items (被…采用) as a selection', () => {
    silent('prose.sum', ['全年报送政务信息150条，其中被市政府采用45条，被省政府采用12条。']);
  });
  it('reads a review\'s results that name only what was changed (废止, 宣布失效) as partial: what was kept may go unsaid', () => {
    silent('prose.sum', ['全年清理规范性文件12件，其中废止3件，宣布失效2件。', '对现行规范性文件开展评估18件，其中修改4件，废止2件。']);
  });
  it('still flags lists that do not add up', () => {
    flagged('prose.sum', [
      ['清理规范性文件12件，其中废止3件、宣布失效2件，其余8件继续有效。', '所述 12，各项之和 13'],
      ['全年清理规范性文件12件，其中废止3件，宣布失效2件，保留5件。', '所述 12，各项之和 10'],
      ['全年清理规范性文件4件，其中废止3件，宣布失效2件。', '各项之和至少 5'],
      ['全年发布信息312条，其中动态信息200条，含图片新闻50条；通知公告100条。', '所述 312，各项之和 300'],
      ['主动公开信息1256条，其中政策文件356条，工作动态800条。', '所述 1256，各项之和 1156'],
      ['全年报送政务信息50条，其中被市政府采用45条，被省政府采用12条。', '各项之和至少 57'],
      ['共发布政府信息872条。其中，警务资讯栏目420条；政务公开栏目414条；其他栏目30条。', '所述 872，各项之和 864'],
    ]);
  });
});

describe('prose.percent: the base a share is of', () => {
  it('takes the total before 其中 as the base past a bracketed note on it', () => {
    silent('prose.percent', [
      '本年度共办理政府信息公开申请6件（含上年结转1件），其中予以公开2件，占33.3%。',
      '全年受理申请6件（含上年结转1件），其中网上申请5件（83.3%），信函申请1件（16.7%）。',
    ], 2);
  });
  it('takes "在…N件申请中" as the base', () => {
    silent('prose.percent', ['在办理的6件申请中，予以公开2件，占33.33%；部分公开1件，占16.67%；无法提供2件，占33.33%；结转1件，占16.67%。'], 2);
  });
  it('leaves alone shares of carried-over counts, whose base is no table figure of ours', () => {
    silent('prose.percent', ['上年结转1件，占全部办理申请的16.7%。'], 2);
  });
  it('never asserts a share above 100%', () => {
    silent('prose.percent', ['2022年，本机关共收到政府信息公开申请5件，上年结转1件。其中，新收申请中自然人申请4件（占80%），法人申请1件（占20%）。']);
  });
  it('still flags shares that are wrong against the base', () => {
    flagged('prose.percent', [
      ['本年度共办理政府信息公开申请6件（含上年结转1件），其中予以公开2件，占40%。', '应为 33'],
      ['在办理的6件申请中，予以公开2件，占40%。', '应为 33'],
      ['本年度办结政府信息公开申请5件，予以公开2件，占50%。', '应为 40'],
      ['全年收到政府信息公开申请5件，其中自然人申请4件（占90%）。', '应为 80'],
    ], 2);
  });
});

describe('prose.sum: a bracketed note between the total and 其中', () => {
  it('sums the parts against the total before the note', () => {
    silent('prose.sum', ['全年受理申请6件（含上年结转1件），其中网上申请5件，信函申请1件。']);
    flagged('prose.sum', [['全年受理申请6件（含上年结转1件），其中网上申请4件，信函申请1件。', '所述 6，各项之和 5']]);
  });
});

describe('prose.table: a count within a named set of applications', () => {
  it('reads 答复/办结 N 件 after "新收的5件申请中" as a part of that set', () => {
    silent('prose.table', ['本年度新收的5件申请中，已答复4件，1件结转下年度。', '在收到的5件政府信息公开申请中，办结4件，另1件正在办理。'], 2);
  });
  it('still compares 答复 stated as a whole', () => {
    flagged('prose.table', [
      ['本年度新收政府信息公开申请5件，已答复6件。', '正文 6'],
    ], 2);
  });
});

describe('year.mismatch: only an opening that states the year reported on', () => {
  it('leaves alone an opening year that starts another phrase', () => {
    silent('year.mismatch', [
      '2019年新修订的《中华人民共和国政府信息公开条例》施行以来，本机关持续深化政务公开。2022年，本机关收到政府信息公开申请5件。',
      '2021年度政府信息公开工作年度报告发布后，本机关对照问题抓整改。2022年，本机关收到政府信息公开申请5件。',
      '2023年1月，按照上级要求，本机关编制完成本报告。2022年，本机关收到政府信息公开申请5件。',
    ]);
  });
  it('still flags an opening that states another year: 2021年， 2021年度， 2021年：', () => {
    for (const opening of ['2021年，本机关全面推进政务公开工作。', '2021年度，本机关全面推进政务公开工作。', '2021年：本机关全面推进政务公开工作。', '2021年 本机关全面推进政务公开工作。', '２０２１年，本机关全面推进政务公开工作。']) {
      assert.equal(findings('year.mismatch', opening).length, 1, opening);
    }
  });
});

// A tester wrote 535 sentences the way agencies word these paragraphs (sixteenth session); each statement below drew a
// false warning before. Against the default tables: （四）无法提供 2, （五）不予处理 0, （六）其他处理 0, 一 5, 诉讼 1.
describe('prose.table: a part of the applications, as agencies word it', () => {
  it('leaves alone an outcome counted for one reason: one row of its group, not the group', () => {
    silent('prose.table', [
      '依申请公开办理中，因本机关不掌握相关政府信息告知无法提供1件。',
      '依申请公开办理中，以重复申请为由不予处理1件。',
      '依申请公开办理中，其他处理1件系申请人无正当理由逾期不补正。',
      '依申请公开办理中，依据《条例》第三十六条第（四）项告知无法提供1件。',
    ]);
    flagged('prose.table', [['依申请公开办理中，不予处理1件。', '正文 1'], ['依申请公开办理中，无法提供1件。', '正文 1']]);
  });
  it('leaves alone applications of a topic, an applicant, a part of the year, a unit under the agency or a speed', () => {
    silent('prose.table', [
      '全年收到涉及房屋征收补偿的政府信息公开申请3件。',
      '全年收到同一申请人提出的政府信息公开申请3件。',
      '收到省外申请人提出的政府信息公开申请2件。',
      '12月份收到政府信息公开申请2件，为全年最多。',
      '下半年收到政府信息公开申请3件，较上半年增加1件。',
      '第四季度收到政府信息公开申请2件。',
      '局本级收到政府信息公开申请5件，局属事业单位收到政府信息公开申请12件。',
      '本年度在受理后10个工作日内答复的政府信息公开申请3件。',
      '二〇二一年收到政府信息公开申请30件，本年度收到5件。',
    ]);
    // Who made them is no part of the applications; the year's end and the report's own year (in Chinese numerals) are its.
    flagged('prose.table', [
      ['全年收到公民、法人或者其他组织提出的政府信息公开申请9件。', '正文 9'],
      ['截至12月31日，共收到政府信息公开申请9件。', '正文 9'],
      ['二〇二二年收到政府信息公开申请9件。', '正文 9'],
    ]);
  });
  it('leaves alone one of 表四\'s two suit groups, and reviews said to be no disclosure\'s', () => {
    silent('prose.table', [
      '经行政复议后提起行政诉讼1件，未经复议直接提起行政诉讼2件。',
      '本年度本局收到非政府信息公开类行政复议申请26件。',
      '本年度本局作为被申请人的行政复议案件共15件，其中涉及政府信息公开的2件。',
    ], 3);
    flagged('prose.table', [['本年度发生政府信息公开行政诉讼3件。', '正文 3']], 3);
  });
});

describe('prose.sum: lists as agencies word them', () => {
  it('reads 各 as one figure for each item named', () => {
    silent('prose.sum', [
      '全年发布信息100条，其中一季度、二季度各20条，三季度、四季度各30条。',
      '全年发布信息100条，其中一季度20条，二季度20条，三季度、四季度各30条。',
      '主动公开信息525条，其中政策文件、工作动态分别为45条、380条，通知公告、人事信息各50条。',
    ]);
    flagged('prose.sum', [
      ['全年发布信息100条，其中一季度20条，二季度20条，三季度30条。', '所述 100，各项之和 70'],
      ['全年发布信息100条，其中一季度、二季度各20条，三季度、四季度各35条。', '各项之和 110：其中各项（20 + 20 + 35 + 35）'],
    ]);
  });
  it('leaves alone a list after two counts joined, and a second 其中 that goes back to the first total', () => {
    silent('prose.sum', [
      '本年度承办人大代表建议18件、政协委员提案25件，其中主办件12件，协办件31件，均已按期办结。',
      '共收到政府信息公开申请40件，其中网上申请28件，信函申请8件，当面申请4件；其中自然人30件，法人或其他组织10件。',
    ]);
    flagged('prose.sum', [['共收到政府信息公开申请40件，其中网上申请28件，信函申请8件，当面申请3件；其中自然人30件，法人或其他组织10件。', '所述 40']]);
  });
});

describe('prose.table: applicant counts written with thousands commas', () => {
  it('reads each applicant count after one with a comma (was: the list unread after "1,100件")', () => {
    const said = findings('prose.table', '共收到政府信息公开申请1,236件，其中自然人申请1,100件，法人或其他组织申请138件。').map((f) => f.message);
    assert.ok(said.some((m) => m.startsWith('正文 138，')), JSON.stringify(said));
    assert.ok(said.some((m) => m.startsWith('正文 1100，')), JSON.stringify(said));
  });
});

describe('prose numbers: thousands parted by a space', () => {
  it('reads "1 236件" as 1236, as typeset reports write it (was: 236)', () => {
    flagged('prose.table', [['收到政府信息公开申请1 236件。', '正文 1236，'], ['收到政府信息公开申请1\u00a0236件。', '正文 1236，']]);
  });
});

describe('prose.table: counts in Chinese numerals', () => {
  it('reads 两件, 十五件, 四十五件 where the words say what they count', () => {
    flagged('prose.table', [
      ['上年结转政府信息公开申请两件。', '正文 2，表格 1：正文称上年结转政府信息公开申请两件'],
      ['全年共收到政府信息公开申请四十五件。', '正文 45，'],
      ['依申请公开办理中，予以公开十五件。', '正文 15，'],
    ]);
    flagged('prose.table', [['政府信息公开行政诉讼两件。', '正文 2，']], 3);
  });
  it('leaves alone true ones, ordinals, "each one", rough counts and 零件', () => {
    silent('prose.table', [
      '全年共收到政府信息公开申请五件，上年结转一件。',
      '依申请公开办理中，予以公开两件，部分公开一件，无法提供两件。',
      '我局对每一件申请都认真办理，收到第一件申请后当日登记。',
      '坚持一件事一次办，收到政府信息公开申请十余件。',
      '收到政府信息公开申请几十件。',
    ]);
  });
});

// A second helper's 807 sentences (sixteenth session): townships, county offices, institutions, 2019 and 2020 reports.
// Each statement below drew a false warning before. Default tables: 一 5, （七）5, 复议 2, 诉讼 1, 行政处罚 5990.
describe('prose.table: more counts that are not the agency\'s own, as agencies word them', () => {
  it('leaves alone reviews and suits of an area, the agency as the review body, and cases it helped with', () => {
    silent('prose.table', [
      '全县因政府信息公开被申请行政复议15件，被提起行政诉讼3件。',
      '县政府作为行政复议机关，全年受理涉及政府信息公开的行政复议申请12件。',
      '全年县政府共发生行政复议案件20件（含政府信息公开类4件）。',
      '本年度被申请行政复议20件，均不属于政府信息公开类。',
      '作为第三人参加县政府政府信息公开行政复议1件，配合县政府应诉政府信息公开行政诉讼案件1件。',
      '本年度未发生未经复议直接起诉的政府信息公开行政诉讼。',
    ], 3);
    flagged('prose.table', [['本年度本机关因政府信息公开被申请行政复议3件。', '正文 3，']], 3);
  });
  it('leaves alone other kinds of 公开申请, other agencies, kinds of decision, parts of what came in and of what was answered', () => {
    silent('prose.table', [
      '全镇13个村（社区）共收到村务公开申请12件。',
      '受理居务公开申请6件，办结6件。',
      '县直部门共收到政府信息公开申请236件。',
      '县自然资源局、县住建局收到政府信息公开申请分别为86件、45件。',
      '协助县政府办理政府信息公开申请2件。',
      '作出准予行政许可决定150件、不予行政许可决定6件，作出不予行政处罚决定12件。',
      '联合制发行政规范性文件2件。',
      '对上年结转的1件政府信息公开申请，予以公开1件。',
      '截至12月31日办结4件，加上办结的上年结转1件，共办结5件。',
      '收到政府信息公开申请5件；受理12345热线工单1,856件，办结1,850件。',
      '审查公文326件，其中不予公开36件，依申请公开20件，主动公开270件。',
      '当场答复1件，5个工作日内答复2件，20个工作日内答复2件。',
      '12月28日收到政府信息公开申请2件。',
      '受理群众政府信息公开申请4件。',
      '未收到涉及国家秘密的政府信息公开申请，未收到以传真方式提交的申请。',
    ]);
    flagged('prose.table', [
      ['全年未收到政府信息公开申请。', '正文 0，'],
      ['全年共办结政府信息公开申请4件。', '正文 4，'],
      ['作出行政处罚决定12件。', '正文 12，'],
    ]);
  });
});

describe('prose.sum and prose.percent: lists and shares of what came in, as agencies word them', () => {
  it('prose.sum leaves alone what was done with or carried on from what came in, and what some needed', () => {
    silent('prose.sum', [
      '收到政府信息公开申请40件，其中自然人30件，结转下年度5件。',
      '收到政府信息公开申请40件，其中3件需补正，2件需征求第三方意见。',
    ]);
    flagged('prose.sum', [['收到政府信息公开申请40件，其中自然人30件，法人或其他组织8件。', '所述 40，各项之和 38']]);
  });
  it('prose.sum ends a list of outcomes where what was carried on to next year is said (a tester\'s 2019 report)', () => {
    silent('prose.sum', ['本年度办理依申请公开241件，其中予以公开58件；结转下年度继续办理0件。']);
    flagged('prose.sum', [['本年度办理依申请公开241件，其中予以公开58件，部分公开3件，不予公开2件；结转下年度继续办理0件。', '所述 241，各项之和 63']]);
  });
  it('prose.sum: a semicolon after parts parted by commas ends the list, unless the list read on adds up (a helper\'s sentence bank)', () => {
    flagged('prose.sum', [['主动公开政府信息1856条，其中，政策文件356条，工作动态900条，通知公告420条，人事信息170条；政务微博发布信息320条，政务微信发布信息638条。', '所述 1856，各项之和 1846']]);
    silent('prose.sum', [
      '主动公开政府信息1846条，其中，政策文件356条，工作动态900条，通知公告420条，人事信息170条；政务微博发布信息320条，政务微信发布信息638条。',
      '主动公开政府信息1846条，其中，政策文件356条，工作动态900条；通知公告420条，人事信息170条。',
    ]);
  });
  it('prose.sum: 表四\'s results read to the last, where a prefix of them adds up (a helper\'s sentence bank)', () => {
    flagged('prose.sum', [['因政府信息公开工作被申请行政复议6件，其中维持3件，纠正2件，其他结果1件，尚未审结1件。', '所述 6，各项之和 7']]);
    silent('prose.sum', ['因政府信息公开工作被申请行政复议7件，其中维持3件，纠正2件，其他结果1件，尚未审结1件。', '主动公开信息300条，其中政策文件100条，工作动态200条，政务微博发布50条。']);
  });
  it('prose.sum: reviews and lawsuits are no part of what was handled; outcomes are not parts of what was carried on (a helper\'s compilations)', () => {
    silent('prose.sum', [
      '与上年相比，收到申请数量由38件变为46件；上年共办结申请36件，其中予以公开21件；上年因政府信息公开被申请行政复议1件。',
      '2022年，共收到政府信息公开申请38件，办结36件，结转下年度2件；其中予以公开21件，部分公开3件，无法提供9件；被申请行政复议1件，被提起行政诉讼0件。',
    ]);
    flagged('prose.sum', [['被申请行政复议5件，其中维持3件，纠正1件。', '所述 5，各项之和 4']]);
    flagged('prose.sum', [['上年共办结申请36件，其中予以公开21件，部分公开3件；上年因政府信息公开被申请行政复议1件。', '所述 36，各项之和 24']]);
  });
  it('prose.percent takes a topic\'s share of what came in', () => {
    // 一 5, （七）6 (with 上年结转 1, nothing carried forward): 2 of 5 is 40%, of 6 33%.
    const t3 = { new: [4, 1, 0, 0, 0, 0, 5], carried: [1, 0, 0, 0, 0, 0, 1], public: [3, 0, 0, 0, 0, 0, 3], partial: [1, 0, 0, 0, 0, 0, 1], 'unable.1': [1, 1, 0, 0, 0, 0, 2], total: [5, 1, 0, 0, 0, 0, 6], forward: [0, 0, 0, 0, 0, 0, 0] };
    silent('prose.percent', ['依申请公开办理中，从申请内容看，涉及征地拆迁的2件，占40%；其他3件，占60%。'], 0, { t3 });
  });
});

describe('preface.sections: a list parted by semicolons', () => {
  it('reads each part between semicolons', () => {
    const text = buildReport({ preface: '本报告包括：总体情况；主动公开政府信息情况；收到和处理政府信息公开申请情况；政府信息公开行政复议、行政诉讼情况；存在的主要问题及改进情况；其他需要报告的事项，共六个部分。' });
    assert.deepEqual(check(parseDocument(text)).filter((f) => f.code === 'preface.sections').map((f) => f.message), []);
  });
});

describe('prose.table: a count alone in brackets after its words', () => {
  it('reads 予以公开（2件）、部分公开（1件） as 予以公开 2 件, 部分公开 1 件 (a helper\'s planted defects were missed)', () => {
    silent('prose.table', ['依申请公开办理中，予以公开（2件）、部分公开（1件）。', '本年度发生政府信息公开行政复议（2件）。'], 0);
    flagged('prose.table', [['依申请公开办理中，予以公开（2件）、部分公开（6件）。', '正文 6，表格 1：正文称部分公开 6 件']]);
    // A bracket with words in it is a note, read as before.
    flagged('prose.table', [['全年共收到政府信息公开申请45件（含上年结转1件）。', '正文 45，']]);
  });
});

describe('prose.sum: highlights after 其中, told from a breakdown that lost a part', () => {
  it('reads parts short of half their total, named in no closed list and with no part for the rest, as highlights', () => {
    silent('prose.sum', [
      '全年共主动公开政府信息526条，其中重点领域信息128条，政策解读信息36条。',
      '2023年，我局通过门户网站主动公开政府信息2345条，其中政策文件56条、政策解读38条、人事信息42条。',
      '本年度主动公开信息312条，其中政府文件25条，政策解读18条，重大项目信息9条。',
    ]);
  });
  it('says in the hover over the total that only some parts are listed', () => {
    const text = buildReport({ prose: { 0: '全年共主动公开政府信息526条，其中重点领域信息128条，政策解读信息36条。' } });
    const shown = hover(parseDocument(text), text.indexOf('526') + 1);
    const markdown = JSON.stringify(shown);
    assert.ok(markdown.includes('128 + 36') && markdown.includes('所列为部分项目或约数'), markdown);
  });
  it('still flags highlights that exceed their total', () => {
    flagged('prose.sum', [['全年共主动公开政府信息126条，其中重点领域信息128条，政策解读信息36条。', '所述 126，各项之和 164']]);
  });
  it('still flags a breakdown that covers half its total or more, whatever it names', () => {
    flagged('prose.sum', [
      ['主动公开政府信息1856条，其中，政策文件356条，工作动态900条，通知公告420条，人事信息170条。', '所述 1856，各项之和 1846'],
      ['全年共主动公开政府信息526条，其中重点领域信息228条，政策解读信息36条。', '所述 526，各项之和 264'],
    ]);
  });
  it('still flags closed lists (applicants, outcomes, channels, review results) and lists with a part for the rest, however little they cover', () => {
    flagged('prose.sum', [
      ['收到政府信息公开申请40件，其中自然人10件，法人或其他组织8件。', '所述 40，各项之和 18'],
      ['本年度办理依申请公开241件，其中予以公开58件，部分公开3件，不予公开2件；结转下年度继续办理0件。', '所述 241，各项之和 63'],
      ['共收到政府信息公开申请20件，其中网上申请5件，当面申请3件。', '所述 20，各项之和 8'],
      ['全年被申请行政复议9件，其中结果维持2件，结果纠正1件。', '所述 9，各项之和 3'],
      ['主动公开政府信息300条，其中政策文件50条，工作动态80条，其他信息10条。', '所述 300，各项之和 140'],
    ]);
  });
});
