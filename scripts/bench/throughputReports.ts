// The throughput benchmark's reports (issue 16): many distinct reports that
// read like real ones: agencies and years of their own, every table layout,
// 表二/表三/表四 with numbers drawn at random that add up (as most published
// reports do), and prose sections of sub-items whose figures differ from
// report to report, so that no cache keyed by text helps. Seeded: every run
// writes the same files.

import type { TableLayout } from '../../server/src/core/model';
import { TABLE3_ROWS } from '../../server/src/core/template';
import { ALL_LAYOUTS, buildReport } from '../../test/helpers/build-report';
import { seededRandom } from '../../test/helpers/random';

const PLACES = ['盐城市', '射阳县', '阜宁县', '滨海县', '响水县', '淮安市', '洪泽区', '盱眙县', '金湖县', '涟水县', '清江浦区', '淮阴区', '徐州市', '睢宁县', '沛县', '丰县', '邳州市', '新沂市', '宿迁市', '沭阳县', '泗阳县', '泗洪县', '连云港市', '灌云县', '东海县'];
const OFFICES = ['人民政府', '人民政府办公室', '发展和改革委员会', '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会', '应急管理局', '市场监督管理局', '医疗保障局', '统计局'];
const YEARS = [2021, 2022, 2023, 2024];
const APPLICANT_COLUMNS = 6;
const LEAVES = TABLE3_ROWS.filter((r) => r.outcome && !r.legacy).map((r) => r.id);

export interface ThroughputReport {
  name: string;
  text: string;
}

/** `count` reports, the i-th always the same. */
export function throughputReports(count: number): ThroughputReport[] {
  return Array.from({ length: count }, (_, i) => report(i));
}

function report(i: number): ThroughputReport {
  const rnd = seededRandom(0x9e3779b9 ^ (i * 7919));
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const agency = `${PLACES[i % PLACES.length]}${OFFICES[Math.floor(i / PLACES.length) % OFFICES.length]}`;
  const year = YEARS[Math.floor(i / (PLACES.length * OFFICES.length)) % YEARS.length]! + 0;
  const layout: TableLayout = ALL_LAYOUTS[i % ALL_LAYOUTS.length]!;

  // 表三: leaves drawn per applicant column (natural persons most), totals and the balance made to hold.
  const t3: Record<string, number[]> = {};
  const column = (c: number) => (c === 0 ? 40 : c === 1 ? 6 : 2);
  for (const id of LEAVES) t3[id] = Array.from({ length: APPLICANT_COLUMNS }, (_, c) => (rnd() < 0.45 ? int(column(c)) : 0));
  const sum = (id: string, c: number) => t3[id]![c]!;
  const total = Array.from({ length: APPLICANT_COLUMNS }, (_, c) => LEAVES.reduce((n, id) => n + sum(id, c), 0));
  const forward = total.map((t) => (t ? int(Math.min(3, t)) : 0));
  const carried = total.map((t, c) => Math.min(int(3), t + forward[c]!));
  t3['total'] = total;
  t3['forward'] = forward;
  t3['carried'] = carried;
  t3['new'] = total.map((t, c) => t + forward[c]! - carried[c]!);
  const withRowTotals: Record<string, number[]> = {};
  for (const [id, values] of Object.entries(t3)) withRowTotals[id] = [...values, values.reduce((a, b) => a + b, 0)];
  // One report in ten has a 表三 total typed wrong, as published reports do now and then.
  if (i % 10 === 3) withRowTotals['total']![APPLICANT_COLUMNS]! += 1;

  // 表四: three groups of four results and their total.
  const t4 = [0, 1, 2].flatMap(() => {
    const results = [int(5), int(2), int(1), int(2)];
    return [...results, results.reduce((a, b) => a + b, 0)];
  });
  const made = int(6);
  const repealed = int(3);
  const t2 = { rules: [made, repealed, 10 + int(40)], normative: [int(12), int(4), 20 + int(80)], licensing: [int(3000)], penalty: [int(9000)], coercion: [int(800)], fees: [int(20)] };

  // One in seven names a section in its own words.
  const headings = i % 7 === 5 ? [undefined, undefined, undefined, undefined, '五、存在的问题及改进情况'] : undefined;
  const text = buildReport({ year, agency, layout, t3: withRowTotals, t4, t2, prose: { 0: overview(year, rnd), 4: improvements(rnd), 5: others(rnd) }, ...(headings ? { headings } : {}) });
  return { name: `${String(i).padStart(4, '0')}_${agency}${year}.txt`, text };
}

/** 一、总体情况: sub-items whose stated totals are their parts added (as prose.sum reads them). */
function overview(year: number, rnd: () => number): string {
  const n = (lo: number, span: number) => lo + Math.floor(rnd() * span);
  const items = ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'];
  const paragraphs = [`${year}年，本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，深化政务公开，推进决策、执行、管理、服务、结果公开，政府透明度进一步提升。`];
  items.forEach((item, k) => {
    for (let j = 0; j < 5; j++) {
      const [a, b, c] = [n(20, 300), n(10, 120), n(1, 40)];
      paragraphs.push(`（${'一二三四五'[k]}）${item}。本年度共发布相关信息${a + b + c}条，其中政策文件${a}条，政策解读${b}条，回应关切${c}条。各科室严格落实信息发布审核制度，确保信息准确、及时、规范，持续提升公开质量和实效，第${j + 1}季度完成专项检查${n(1, 9)}次。`);
    }
  });
  return paragraphs.join('\n\n');
}

function improvements(rnd: () => number): string {
  const n = (lo: number, span: number) => lo + Math.floor(rnd() * span);
  return [
    `本年度政府信息公开工作存在的主要问题：一是政策解读形式不够丰富，图文解读占比仅为${n(10, 40)}%；二是基层公开标准化规范化水平有待提升；三是依申请公开答复质量仍需提高。`,
    `改进情况：一是加强政策解读，全年组织解读培训${n(2, 8)}次；二是完善公开目录，更新事项${n(30, 200)}项；三是规范答复文书，对${n(5, 40)}件答复开展复核。`,
  ].join('\n\n');
}

function others(rnd: () => number): string {
  return `本年度未收取信息处理费。本机关共办理人大代表建议${Math.floor(rnd() * 30)}件、政协提案${Math.floor(rnd() * 30)}件，均已按时办结并公开答复全文。`;
}
