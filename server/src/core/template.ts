// The national template (国办公开办函〔2021〕30号) as data. Every label the
// checker knows is spelled once, here; parsers, rules and fixes read it.

export type SectionId = 1 | 2 | 3 | 4 | 5 | 6;

export interface SectionSpec {
  id: SectionId;
  numeral: string;
  title: string;
  /** Wordings seen in real reports that are accepted (a hint at most). */
  aliases: string[];
  /** What the section must contain, for hovers and docs. */
  contains: string;
}

export const SECTIONS: readonly SectionSpec[] = [
  { id: 1, numeral: '一', title: '总体情况', aliases: ['总体工作情况', '概述'], contains: '概述本年度政府信息公开工作，通常含主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面。' },
  { id: 2, numeral: '二', title: '主动公开政府信息情况', aliases: ['政府信息主动公开情况'], contains: '表二：第二十条第（一）（五）（六）（八）项的四个表格块。' },
  // 依申请公开政府信息情况: the 2008 regulation's form of this part, still written.
  { id: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', aliases: ['依申请公开政府信息情况', '依申请公开情况'], contains: '表三：收到和处理政府信息公开申请情况（7 列；一、二、三（21 个办理结果行及（七）总计）、四）。' },
  {
    id: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况',
    aliases: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '因政府信息公开工作被申请行政复议、行政诉讼情况'],
    contains: '表四：行政复议、行政诉讼情况（15 个数）。',
  },
  {
    id: 5, numeral: '五', title: '存在的主要问题及改进情况',
    aliases: ['政府信息公开工作存在的主要问题及改进情况', '存在问题及改进情况', '存在的问题及改进情况', '下一步工作'],
    contains: '本年度工作存在的主要问题，以及改进措施或上一年度问题的改进情况。',
  },
  { id: 6, numeral: '六', title: '其他需要报告的事项', aliases: ['需要说明的其他事项', '其他需要说明的事项'], contains: '信息处理费收取情况，以及其他需要报告的事项（如人大代表建议、政协委员提案办理）。' },
];

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

// ---------------------------------------------------------------- 表二

export type Table2BlockId = 'item1' | 'item5' | 'item6' | 'item8' | 'item9';

export interface ColumnSpec {
  id: string;
  label: string;
  /** Other spellings that still identify the column (drift is reported). */
  aliases?: string[];
}

/**
 * What a 表二 column holds: a count; a change on last year's count (the 2019
 * 本年增/减, may be negative); the fee in 万元 (2021 (八)); a purchase total in
 * the unit written with it (2019 (九) 采购总金额: 元 or 万元).
 */
export type Table2ValueKind = 'count' | 'change' | 'fee' | 'amount';

export interface Table2ColumnSpec extends ColumnSpec {
  kind: Table2ValueKind;
}

export interface Table2RowSpec {
  id: string;
  label: string;
  aliases?: string[];
}

/** A block's columns and rows in one edition of the template. */
export interface Table2Form {
  columns: Table2ColumnSpec[];
  rows: Table2RowSpec[];
}

export interface Table2BlockSpec extends Table2Form {
  id: Table2BlockId;
  /** The （N） of 第二十条第（N）项. */
  item: string;
  caption: string;
  /** The block in the 2019 trial template (国办公开办函〔2019〕60号), right for 2019 and 2020 reports. */
  trial: Table2Form;
  /** The block states an amount (收费 in 万元; 采购总金额), for the views; the cell rules read each column's `kind`. */
  money?: boolean;
  /** Present only in the 2019 trial template. */
  legacyOnly?: boolean;
}

const count = (id: string, label: string, aliases?: string[]): Table2ColumnSpec => ({ id, label, kind: 'count', ...(aliases ? { aliases } : {}) });
/** The 2019 columns of （五）（六）（八）: last year's number of items and this year's change. */
const TRIAL_ITEMS: Table2ColumnSpec[] = [count('lastYear', '上一年项目数量'), { id: 'change', label: '本年增/减', kind: 'change' }];
const PROCUREMENT: Table2Form = {
  columns: [count('projects', '采购项目数量'), { id: 'amount', label: '采购总金额', kind: 'amount' }],
  rows: [{ id: 'procurement', label: '政府集中采购' }],
};

export const TABLE2_BLOCKS: readonly Table2BlockSpec[] = [
  {
    id: 'item1', item: '一', caption: '第二十条第（一）项',
    columns: [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数', ['现行有效件'])],
    rows: [
      { id: 'rules', label: '规章' },
      { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'] },
    ],
    trial: {
      columns: [count('made', '本年新制作数量'), count('published', '本年新公开数量'), count('publishedTotal', '对外公开总数量')],
      rows: [
        { id: 'rules', label: '规章' },
        { id: 'normative', label: '规范性文件' },
      ],
    },
  },
  {
    id: 'item5', item: '五', caption: '第二十条第（五）项',
    columns: [count('decisions', '本年处理决定数量')],
    rows: [{ id: 'licensing', label: '行政许可' }],
    trial: {
      columns: [...TRIAL_ITEMS, count('decided', '处理决定数量')],
      rows: [{ id: 'licensing', label: '行政许可' }, { id: 'otherServices', label: '其他对外管理服务事项' }],
    },
  },
  {
    id: 'item6', item: '六', caption: '第二十条第（六）项',
    columns: [count('decisions', '本年处理决定数量')],
    rows: [
      { id: 'penalty', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
    trial: {
      columns: [...TRIAL_ITEMS, count('decided', '处理决定数量')],
      rows: [
        { id: 'penalty', label: '行政处罚' },
        { id: 'coercion', label: '行政强制' },
      ],
    },
  },
  {
    id: 'item8', item: '八', caption: '第二十条第（八）项', money: true,
    columns: [{ id: 'fees', label: '本年收费金额（单位：万元）', kind: 'fee' }],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
    // In 2019 the block counted the fee items; it stated no amount.
    trial: { columns: TRIAL_ITEMS, rows: [{ id: 'fees', label: '行政事业性收费' }] },
  },
  { id: 'item9', item: '九', caption: '第二十条第（九）项', legacyOnly: true, money: true, ...PROCUREMENT, trial: PROCUREMENT },
];

/** The columns and rows of `spec` in the edition a block was read in. */
export function table2Form(spec: Table2BlockSpec, legacy: boolean): Table2Form {
  return legacy ? spec.trial : spec;
}

const only2019 = <T extends ColumnSpec | Table2RowSpec>(of: (f: Table2Form) => T[]): string[] => {
  const modern = new Set(TABLE2_BLOCKS.filter((b) => !b.legacyOnly).flatMap((b) => of(b).flatMap((x) => [x.label, ...(x.aliases ?? [])])));
  return [...new Set(TABLE2_BLOCKS.flatMap((b) => of(b.trial).map((x) => x.label)))].filter((label) => !modern.has(label));
};

/** Column headers and rows of the 2019 trial template's 表二 only (a 2021+ report using them is 未按新格式). */
export const TABLE2_LEGACY_COLUMNS: readonly string[] = only2019((f) => f.columns);
export const TABLE2_LEGACY_ROWS: readonly string[] = only2019((f) => f.rows);

// ---------------------------------------------------------------- 表三

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const TABLE3_COLUMNS: readonly ColumnSpec[] = [
  { id: 'natural', label: '自然人' },
  { id: 'business', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'welfare', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'otherOrg', label: '其他' },
  { id: 'total', label: '总计' },
];
export const TABLE3_TOTAL_COLUMN = 6;
export const TABLE3_LEGAL_PERSON_GROUP = '法人或其他组织';

/**
 * A column an agency adds to a table of its own, named in the header (not the template's: what it holds is not
 * checked), and where it stands: `last` after the template's columns (a 备注), `first` before the row labels (a
 * 序号), or `before-total` among the figures, with the total column after it (an agency's 法人小计; 合计 where the total
 * is 总计).
 */
export interface AddedColumnSpec {
  readonly names: readonly string[];
  readonly stands: 'first' | 'last' | 'before-total';
  /** It holds figures or nothing (a 序号): where its rows begin with a label, its name is over the labels, no column added. */
  readonly figuresOnly?: boolean;
}

const NOTE_COLUMN: AddedColumnSpec = { names: ['备注', '说明'], stands: 'last' };
const SERIAL_COLUMN: AddedColumnSpec = { names: ['序号'], stands: 'first', figuresOnly: true };

export const TABLE3_ADDED_COLUMNS: readonly AddedColumnSpec[] = [NOTE_COLUMN, SERIAL_COLUMN, { names: ['小计', '合计'], stands: 'before-total' }];

/**
 * 表四 has no column of row names: one an agency adds before its figures (项目 over 件数) is added too. Not a subtotal:
 * a group's total written 合计 stands before another group's 总计.
 */
export const TABLE4_ADDED_COLUMNS: readonly AddedColumnSpec[] = [NOTE_COLUMN, SERIAL_COLUMN, { names: ['项目'], stands: 'first' }];

export interface Table3RowSpec {
  id: string;
  /** The label as the template prints it, numbering included. */
  label: string;
  aliases?: string[];
  /** The row group (（三）不予公开 …) the leaf belongs to, if any. */
  group?: string;
  /** Leaf rows of 三 that add up to （七）总计. */
  outcome?: boolean;
  /** 2019 single-row form of （六）其他处理 (replaces the three sub-rows). */
  legacy?: boolean;
}

export interface Table3GroupSpec {
  id: string;
  label: string;
  parent?: string;
}

export const TABLE3_GROUPS: readonly Table3GroupSpec[] = [
  { id: 'results', label: '三、本年度办理结果' },
  { id: 'deny', label: '（三）不予公开', parent: 'results' },
  { id: 'unable', label: '（四）无法提供', parent: 'results' },
  { id: 'refuse', label: '（五）不予处理', parent: 'results' },
  { id: 'other', label: '（六）其他处理', parent: 'results' },
];

export const TABLE3_ROWS: readonly Table3RowSpec[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量' },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量' },
  { id: 'public', label: '（一）予以公开', group: 'results', outcome: true },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'results', outcome: true },
  { id: 'deny.1', label: '1.属于国家秘密', group: 'deny', outcome: true },
  { id: 'deny.2', label: '2.其他法律行政法规禁止公开', group: 'deny', outcome: true, aliases: ['2.其他法律法规禁止公开', '2.其他法律行政止公开'] },
  { id: 'deny.3', label: '3.危及“三安全一稳定”', group: 'deny', outcome: true },
  { id: 'deny.4', label: '4.保护第三方合法权益', group: 'deny', outcome: true },
  { id: 'deny.5', label: '5.属于三类内部事务信息', group: 'deny', outcome: true },
  { id: 'deny.6', label: '6.属于四类过程性信息', group: 'deny', outcome: true },
  { id: 'deny.7', label: '7.属于行政执法案卷', group: 'deny', outcome: true },
  { id: 'deny.8', label: '8.属于行政查询事项', group: 'deny', outcome: true },
  { id: 'unable.1', label: '1.本机关不掌握相关政府信息', group: 'unable', outcome: true },
  { id: 'unable.2', label: '2.没有现成信息需要另行制作', group: 'unable', outcome: true },
  { id: 'unable.3', label: '3.补正后申请内容仍不明确', group: 'unable', outcome: true },
  { id: 'refuse.1', label: '1.信访举报投诉类申请', group: 'refuse', outcome: true },
  { id: 'refuse.2', label: '2.重复申请', group: 'refuse', outcome: true },
  { id: 'refuse.3', label: '3.要求提供公开出版物', group: 'refuse', outcome: true },
  { id: 'refuse.4', label: '4.无正当理由大量反复申请', group: 'refuse', outcome: true },
  { id: 'refuse.5', label: '5.要求行政机关确认或重新出具已获取信息', group: 'refuse', outcome: true },
  { id: 'other', label: '（六）其他处理', group: 'results', outcome: true, legacy: true },
  { id: 'other.1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: 'other', outcome: true },
  { id: 'other.2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: 'other', outcome: true },
  { id: 'other.3', label: '3.其他', group: 'other', outcome: true },
  // 合计 for 总计: the row is the total's (read, and table.label says the template's word).
  { id: 'total', label: '（七）总计', group: 'results', aliases: ['（七）合计'] },
  { id: 'forward', label: '四、结转下年度继续办理' },
];

/** The 21 rows of the 2021 template, or the 19 of the 2019 form of （六）. */
export function table3RowsFor(legacyOther: boolean): Table3RowSpec[] {
  return TABLE3_ROWS.filter((r) => (legacyOther ? !r.id.startsWith('other.') : r.id !== 'other'));
}

// ---------------------------------------------------------------- 表四

export interface Table4GroupSpec {
  id: 'review' | 'suitDirect' | 'suitAfterReview';
  label: string;
  parent?: string;
}

export const TABLE4_GROUPS: readonly Table4GroupSpec[] = [
  { id: 'review', label: '行政复议' },
  { id: 'suitDirect', label: '未经复议直接起诉', parent: '行政诉讼' },
  { id: 'suitAfterReview', label: '复议后起诉', parent: '行政诉讼' },
];

export const TABLE4_COLUMNS: readonly ColumnSpec[] = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
];

/** The tables as the template numbers them, and with their titles. */
export const TABLE_NUMBERS = { t2: '表二', t3: '表三', t4: '表四' } as const;
export const TABLE_NAMES = {
  t2: `${TABLE_NUMBERS.t2} 主动公开政府信息情况`,
  t3: `${TABLE_NUMBERS.t3} 收到和处理政府信息公开申请情况`,
  t4: `${TABLE_NUMBERS.t4} 政府信息公开行政复议、行政诉讼情况`,
} as const;
