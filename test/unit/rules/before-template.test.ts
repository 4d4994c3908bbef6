// A report on 2018 or before is written in the 2008 条例's format (a helper's reviewer folder, ROBUSTNESS.md defect
// 194): read against the national template it got a warning for every part and table. Now one information finding.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport } from '../../helpers/build-report';

const OLD_FORMAT = (title: string) => [
  title,
  '',
  '本报告根据《中华人民共和国政府信息公开条例》要求，由本机关编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，存在的主要问题及改进措施，其他需要报告的事项。',
  '',
  '一、概述',
  '',
  '2016年，我区认真贯彻落实《条例》，以公开为常态、不公开为例外。',
  '',
  '二、主动公开政府信息情况',
  '',
  '2016年，全区主动公开政府信息15632条，其中区政府门户网站公开9215条。',
  '',
  '三、依申请公开政府信息情况',
  '',
  '（一）申请情况。2016年，全区共受理政府信息公开申请126件。',
  '（二）答复情况。已答复126件，其中同意公开78件，部分公开15件。',
  '',
  '四、政府信息公开的收费及减免情况',
  '',
  '2016年，我区未收取政府信息公开相关费用。',
  '',
  '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
  '',
  '2016年，全区发生政府信息公开行政复议案件5件，行政诉讼案件3件。',
  '',
  '六、政府信息公开工作存在的主要问题及改进措施',
  '',
  '部分单位对政府信息公开工作重视不够，信息更新不及时。',
  '',
  '七、其他需要报告的事项',
  '',
  '无。',
  '',
  '附表：2016年政府信息公开情况统计表',
  '',
  '指标名称\t单位\t统计数',
  '（一）主动公开政府信息数\t条\t15632',
  '（一）收到申请数\t件\t126',
].join('\n');

describe('report.before-template', () => {
  it('a report on 2016 in the 2008 format: one information finding at the title\'s year, nothing else', () => {
    for (const title of ['泰州市姜堰区人民政府2016年政府信息公开工作年度报告', '泰州市姜堰区人民政府二〇一六年政府信息公开工作年度报告']) {
      const text = OLD_FORMAT(title);
      const findings = check(parseDocument(text));
      assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['report.before-template', 'information']], title);
      assert.match(findings[0]!.message, /^这是 2016 年的报告/);
      assert.equal(text.slice(findings[0]!.range.start, findings[0]!.range.end).replace('二〇一六', '2016'), '2016');
    }
  });
  it('the same text titled 2019 is read against the template as before; a report on 2019 or later is never told so', () => {
    const as2019 = check(parseDocument(OLD_FORMAT('泰州市姜堰区人民政府2019年政府信息公开工作年度报告')));
    assert.ok(as2019.length > 3 && as2019.every((f) => f.code !== 'report.before-template'));
    for (const year of [2019, 2021, 2025]) assert.ok(check(parseDocument(buildReport({ year }))).every((f) => f.code !== 'report.before-template'), String(year));
  });
  it('off: nothing at all is said', () => {
    assert.deepEqual(check(parseDocument(OLD_FORMAT('某县2016年政府信息公开工作年度报告')), { rules: { 'report.before-template': 'off' } }), []);
  });
});
