// Year against year (issue 15): each report beside the same agency's report
// of the year before. A five-year series in five layouts and both templates,
// one break of each kind and a clean year; and the cases where nothing may be
// said (no last year, last year unreadable, two candidates, no agency).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { agencyOf, reportIdentity } from '../../../server/src/core/cross-year/identity';
import { checkAcrossYears, lastYearCells, type YearCandidate } from '../../../server/src/core/cross-year';
import { withDivision } from '../../../server/src/core/cross-year/pairs';
import { sameReportKey } from '../../../server/src/core/cross-year/same-report';
import type { Finding } from '../../../server/src/core/rules/types';
import { check, parseDocument } from '../../../server/src/core/service';
import { sharedDir } from '../../helpers/fixtures';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const candidate = (name: string, text: string): YearCandidate & { text: string } => {
  const doc = parseDocument(text);
  return { uri: `file:///reports/${name}`, name, report: doc.report, lines: doc.lines, text };
};

const series = () => yearSeries().map((r) => candidate(`${AGENCY}_${r.year}.txt`, r.text));

/** `code cell-text` of each finding, with the other file's cell it points at. */
function described(c: { text: string }, findings: readonly Finding[] | undefined, others: Map<string, string>): string[] {
  return (findings ?? []).map((f) => {
    const rel = f.related?.[0];
    const there = rel?.elsewhere ? ` → ${rel.elsewhere.uri.split('/').pop()}:${rel.elsewhere.start.line + 1}:“${others.get(rel.elsewhere.uri)!.slice(rel.range.start, rel.range.end)}”` : '';
    return `${f.code} ${f.severity} “${c.text.slice(f.range.start, f.range.end)}”${there}`;
  });
}

describe('cross-year checks over a five-year series', () => {
  const reports = series();
  const texts = new Map(reports.map((r) => [r.uri, r.text]));
  const found = checkAcrossYears(reports);
  const at = (year: number) => {
    const r = reports.find((c) => c.name.includes(String(year)))!;
    return described(r, found.get(r.uri), texts);
  };

  it('each report is itself correct (the breaks are only across years)', () => {
    for (const r of reports) {
      const wrong = check(parseDocument(r.text)).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(wrong.map((f) => f.code), [], r.name);
    }
  });

  it('finds every year and agency, whatever the spelling of the title', () => {
    assert.deepEqual(
      reports.map((r) => reportIdentity(r.report)),
      [2019, 2020, 2021, 2022, 2023].map((year) => ({ agency: AGENCY, year })),
    );
  });

  it('2019: no report of 2018, nothing to say', () => assert.deepEqual(at(2019), []));
  it('2020 (2019 form): 对外公开总数量 24, last year 21 + 4 published = 25', () => {
    assert.deepEqual(at(2020), [`cross-year.in-force warning “24” → ${AGENCY}_2019.txt:${line(reports[0]!.text, '21')}:“21”`]);
    const f = found.get(reports[1]!.uri)![0]!;
    assert.match(f.message, /应为 25/);
    assert.match(f.message, /2019\.txt/);
  });
  it('2021: 上年结转 2 where 2020 carried 1 forward, in 自然人 and 总计', () => {
    const lines = at(2021);
    assert.equal(lines.length, 2);
    for (const l of lines) assert.match(l, new RegExp(`^cross-year.carried warning “2” → ${AGENCY}_2020\\.txt:\\d+:“1”$`));
    const messages = found.get(reports[2]!.uri)!.map((f) => f.message);
    assert.match(messages[0]!, /“自然人”列/);
    assert.match(messages[1]!, /“总计”列/);
  });
  it('2022: clean against 2021 (2021 form both years: both checks ran)', () => assert.deepEqual(at(2022), []));
  it('2023: 现行有效件数 30 where 32 + 2 − 0 = 34', () => {
    assert.deepEqual(at(2023), [`cross-year.in-force warning “30” → ${AGENCY}_2022.txt:${line(reports[3]!.text, '32')}:“32”`]);
    assert.match(found.get(reports[4]!.uri)![0]!.message, /应为 34/);
  });

  // Formal titles write the year in Chinese numerals, digit by digit (二〇二一年, with a circle 二○, or a letter O).
  // The year was read from the 统计期限 and the numerals left in the agency's name: no report paired with another.
  it('a title with its year in Chinese numerals names the same agency and year: the same findings', () => {
    const spelled: Record<number, string> = { 2020: '二〇二〇年度', 2021: '二○二一年', 2023: '二O二三年' };
    const retitled = reports.map((r) => {
      const year = Number(/_(\d{4})\.txt$/.exec(r.name)![1]);
      return spelled[year] ? candidate(r.name, r.text.replace(/^([^\n]*?)\s*(?:\d{4}|[０-９]{4})\s*年度?/, `$1${spelled[year]}`)) : r;
    });
    for (const [k, r] of retitled.entries()) {
      if (r.text === reports[k]!.text) continue;
      assert.match(r.text.split('\n')[0]!, /二[〇○O]二/, r.name);
      assert.deepEqual(reportIdentity(r.report), reportIdentity(reports[k]!.report), r.name);
      assert.equal(r.report.title?.year, reportIdentity(reports[k]!.report)?.year, r.name);
    }
    const again = checkAcrossYears(retitled);
    for (const [k, r] of retitled.entries()) assert.deepEqual((again.get(r.uri) ?? []).map((f) => f.message), (found.get(reports[k]!.uri) ?? []).map((f) => f.message), r.name);
    // The title's year is the title's: a 统计期限 of another year is said (year.mismatch), as with digits.
    const mismatched = reports[3]!.text.replace(/^([^\n]*?)\s*2022\s*年/, '$1二〇二一年');
    assert.ok(check(parseDocument(mismatched)).some((f) => f.code === 'year.mismatch'));
  });

  it('in English too, the same findings', () => {
    const en = checkAcrossYears(reports, { lang: 'en' });
    assert.deepEqual([...en.keys()], [...found.keys()]);
    for (const [uri, list] of en) assert.deepEqual(list.map((f) => f.code), found.get(uri)!.map((f) => f.code));
    assert.match(en.get(reports[4]!.uri)![0]!.message, /^Is 30, last year’s report gives 34/);
  });

  it('a rule turned off or to another level is obeyed', () => {
    const off = checkAcrossYears(reports, { rules: { 'cross-year.in-force': 'off', 'cross-year.carried': 'error' } });
    assert.deepEqual([...off.keys()], [reports[2]!.uri]);
    assert.ok(off.get(reports[2]!.uri)!.every((f) => f.severity === 'error'));
  });
});

/** The 1-based line of the last cell holding exactly `cell` in the 表二 规范性文件 row (the in-force column). */
function line(text: string, cell: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /规范性文件/.test(l) && !l.includes('第二十条'));
  for (let i = lines.length - 1; i >= start; i--) if (lines[i]!.split(/[\t|]/).some((c) => c.trim() === cell) && i - start < 8) return i + 1;
  return -1;
}

describe('when nothing may be said across years', () => {
  it('last year missing: nothing', () => {
    const reports = series().filter((r) => !r.name.includes('2022'));
    assert.equal(checkAcrossYears(reports).get(reports.find((r) => r.name.includes('2023'))!.uri), undefined);
  });

  it('last year’s tables unreadable: no finding, never an error because of last year’s file', () => {
    const reports = series();
    const i2022 = reports.findIndex((r) => r.name.includes('2022'));
    // 2022's tables cut away: only its prose is left.
    const prose = reports[i2022]!.text.split('三、收到和处理政府信息公开申请情况')[0]!.split('二、主动公开政府信息情况')[0]!;
    reports[i2022] = candidate(reports[i2022]!.name, prose);
    const got = checkAcrossYears(reports);
    assert.equal(got.get(reports[4]!.uri), undefined);
    assert.equal(got.get(reports[i2022]!.uri), undefined);
  });

  it('last year a PDF read as text, or not a report: nothing', () => {
    const reports = series();
    reports[3] = candidate(reports[3]!.name, '%PDF-1.7\n' + 'x'.repeat(100));
    assert.equal(checkAcrossYears(reports).get(reports[4]!.uri), undefined);
  });

  it('two reports for one agency and year: neither compared, one information each, and the year after hears why', () => {
    const reports = series();
    const copy = candidate(`${AGENCY}_2022_final.txt`, reports[3]!.text.replace('32', '33'));
    const got = checkAcrossYears([...reports, copy]);
    for (const r of [reports[3]!, copy]) {
      const list = got.get(r.uri)!;
      assert.deepEqual(list.map((f) => `${f.code} ${f.severity}`), ['cross-year.ambiguous information']);
      assert.match(list[0]!.message, /2 份报告/);
    }
    assert.deepEqual(got.get(reports[4]!.uri)!.map((f) => f.code), ['cross-year.ambiguous']);
  });

  it('the same-report key: the same figures in another layout agree; a figure changed, moved or blanked does not', () => {
    const report = series()[3]!;
    const key = sameReportKey(report)!;
    assert.match(key, /^figures [0-9a-f]{16}$/);
    assert.equal(sameReportKey(candidate('copy.txt', report.text.replace(/\t/g, '  '))), key, 'tabs as spaces: the same figures');
    const variants = [report.text.replace('32', '33'), report.text.replace('\t3\n\t1\n', '\t1\n\t3\n'), report.text.replace('\t3\n\t1\n\t32\n', '\t3\n\t1\n\t-\n')];
    const keys = variants.map((t) => sameReportKey(candidate('other.txt', t)));
    for (const [i, t] of variants.entries()) assert.notEqual(t, report.text, `variant ${i} changes the text`);
    assert.equal(new Set([key, ...keys]).size, 4, JSON.stringify(keys));
    // No tables read: the text decides.
    const note = candidate('note.txt', '某某县交通运输局2022年政府信息公开工作年度报告\n一、总体情况\n');
    assert.equal(sameReportKey(note), sameReportKey(candidate('copy.txt', note.text)));
    assert.notEqual(sameReportKey(note), sameReportKey(candidate('copy.txt', note.text + '。')));
  });

  it('a draft beside the report and no other year (a writer’s folder): nothing to compare, nothing said', () => {
    const report = series()[3]!;
    const draft = candidate(`${AGENCY}_2022_draft.txt`, report.text.replace('32', '33'));
    assert.deepEqual([...checkAcrossYears([report, draft]).entries()], []);
  });

  it('a title that names no agency: no comparison', () => {
    const reports = series().map((r) => candidate(r.name, r.text.replace(/^[^\n]*/, (t) => t.replace(AGENCY, ''))));
    assert.equal(checkAcrossYears(reports).size, 0);
  });

  it('another agency’s reports are not compared with these', () => {
    const other = yearSeries('某某县教育局').map((r) => candidate(`教育局_${r.year}.txt`, r.text));
    const reports = [...series().filter((r) => r.name.includes('2022')), ...other.filter((r) => r.name.includes('2023'))];
    assert.equal(checkAcrossYears(reports).size, 0);
  });
});

describe('the agency a title names', () => {
  it('normalises width, spaces, 年度 and quotes', () => {
    const names = [
      '某某县交通运输局2023年政府信息公开工作年度报告',
      '某某县交通运输局２０２３年度政府信息公开工作年度报告',
      ' 某某县 交通运输局 2023 年 政府信息公开工作年度报告',
      '《某某县交通运输局2023年政府信息公开工作年度报告》',
      '某某县交通运输局2023年度政务公开工作年度报告',
      '2023年某某县交通运输局政府信息公开工作年度报告',
    ];
    for (const n of names) assert.equal(agencyOf(n), '某某县交通运输局', n);
  });
  it('takes no line above a title that names its agency: an attachment\'s mark, a document number, a red header (a helper\'s county collection)', () => {
    const title = '万年县教育体育局2024年政府信息公开工作年度报告';
    for (const above of ['附件', '附件1', '万教体字〔2025〕3号', '万年县教育体育局文件', '万年县人民政府门户网站']) {
      const { report } = parseDocument(`${above}\n\n${title}\n\n一、总体情况\n\n2024年，本局认真贯彻落实《条例》。\n`);
      assert.deepEqual(reportIdentity(report), { agency: '万年县教育体育局', year: 2024 }, above);
    }
    // A title wrapped before its year still takes its agency from the line above.
    const { report } = parseDocument('万年县教育体育局\n2024年政府信息公开工作年度报告\n\n一、总体情况\n\n2024年，本局认真贯彻落实《条例》。\n');
    assert.deepEqual(reportIdentity(report), { agency: '万年县教育体育局', year: 2024 });
  });
  it('reads a report titled as an office\'s letter (关于…工作的报告, a helper\'s county collection) as the report it is', () => {
    for (const n of ['某某县交通运输局关于2023年度政府信息公开工作的报告', '某某县交通运输局关于2023年政府信息公开工作情况的报告']) {
      assert.equal(agencyOf(n), '某某县交通运输局', n);
      const { report } = parseDocument(`${n}\n\n一、总体情况\n\n2023年，本局认真贯彻落实《条例》。\n`);
      assert.deepEqual(reportIdentity(report), { agency: '某某县交通运输局', year: 2023 }, n);
    }
  });
  it('names nothing when only the kind of report is left', () => {
    assert.equal(agencyOf('2023年政府信息公开工作年度报告'), undefined);
    assert.equal(agencyOf('本局2023年度报告'), undefined);
    assert.equal(agencyOf('本机关2023年政府信息公开工作年度报告'), undefined);
    assert.equal(agencyOf('关于某某县交通运输局2023年政府信息公开工作年度报告的公告'), '某某县交通运输局');
  });
});

describe('two agencies’ real reports, 2019–2025, as a crawler saved them', () => {
  const dir = sharedDir('crawled');
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => candidate(f, readFileSync(path.join(dir, f), 'utf8')));

  it('every page is identified by agency and year (a title with 工作报告 for 年度报告 too)', () => {
    for (const r of reports) {
      const [agency, year] = r.name.replace(/\.txt$/, '').split('_');
      assert.deepEqual(reportIdentity(r.report), { agency, year: Number(year) }, r.name);
    }
  });

  it('their figures follow from year to year: not one cross-year finding', () => {
    assert.deepEqual([...checkAcrossYears(reports).entries()], []);
  });
});

describe('one agency written with and without its city, and one report in two forms', () => {
  const corpus = sharedDir('corpus');
  const read = (name: string) => candidate(name, readFileSync(path.join(corpus, name), 'utf8'));

  it('洪泽区 2023 (“洪泽区人民政府”) and 2024 (“淮安市洪泽区人民政府”), real PDF extractions: paired and consistent', () => {
    const reports = [read('淮安市洪泽区人民政府_2023_pypdf-extract.txt'), read('淮安市洪泽区人民政府_2024_pypdf-extract.txt')];
    assert.deepEqual(reports.map((r) => reportIdentity(r.report)?.agency), ['洪泽区人民政府', '淮安市洪泽区人民政府']);
    assert.equal(lastYearCells(reports, reports[1]!.uri).length, 9, 'seven 上年结转 columns and two 现行有效件数 rows compared');
    assert.deepEqual([...checkAcrossYears(reports).entries()], []);
    // A break is found across the two spellings: 2024's 行政规范性文件 in force 8 = 5 + 3 − 0; say 9.
    const broken = candidate('2024.txt', reports[1]!.text.replace(/(行政规范性文件\s+3\s+0\s+)8/, '$19'));
    assert.notEqual(broken.text, reports[1]!.text);
    assert.deepEqual([...checkAcrossYears([reports[0]!, broken]).values()].flat().map((f) => f.code), ['cross-year.in-force']);
  });

  it('only a province or city before the name counts as the same agency', () => {
    assert.equal(withDivision('洪泽区人民政府', '淮安市洪泽区人民政府'), true);
    assert.equal(withDivision('某某县交通运输局', '江苏省淮安市某某县交通运输局'), true);
    assert.equal(withDivision('交通运输局', '某某县交通运输局'), false, 'a county before a bare office name is another agency');
    assert.equal(withDivision('某某县交通运输局', '某某县交通运输局'), false, 'the same name is the exact match, not this');
    assert.equal(withDivision('人民政府', '淮安市人民政府'), false, 'too short to name one agency');
  });

  it('the same year as a PDF and as its text export: one report, not an ambiguity', () => {
    const text = read('淮安市洪泽区人民政府_2024_pypdf-extract.txt');
    const copy = candidate('淮安市洪泽区人民政府_2024 (export).txt', text.text.replace(/^- 1 -\n/, ''));
    const findings = checkAcrossYears([read('淮安市洪泽区人民政府_2023_pypdf-extract.txt'), text, copy]);
    assert.deepEqual([...findings.values()].flat().map((f) => f.code), []);
  });
});

describe('pairing by identity, same-report keys only where two reports claim one agency and year', () => {
  const id = (agency: string, year: number) => ({ agency, year });
  it('asks no key when every agency and year has one report, and the keys of exactly the claimants otherwise', async () => {
    const { pairByYear } = await import('../../../server/src/core/cross-year/pairs');
    const asked: number[] = [];
    const alone = new Map([[1, id('某某局', 2022)], [2, id('某某局', 2023)], [3, id('某某局', 2024)], [4, id('另一局', 2023)]]);
    const pairs = pairByYear(alone, (k) => void asked.push(k));
    assert.deepEqual(asked, []);
    assert.deepEqual([...pairs].map(([k, p]) => [k, p.kind === 'previous' ? p.previous : -1]), [[2, 1], [3, 2]]);
    // Two reports for 2023 (a copy, or a draft): their keys are asked, whatever the keys are, and only theirs.
    const twins = new Map([...alone, [5, id('某某局', 2023)]]);
    const askedFirst = new Set<number>();
    pairByYear(twins, (k) => void askedFirst.add(k));
    const askedAgain = new Set<number>();
    pairByYear(twins, (k) => (askedAgain.add(k), k === 5 ? 'same' : k === 2 ? 'same' : undefined));
    assert.deepEqual([...askedFirst].sort(), [2, 5]);
    assert.deepEqual([...askedAgain].sort(), [2, 5]);
  });
});
