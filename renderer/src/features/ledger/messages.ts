import { CRITERION_STATUSES, FREQUENCIES, MATERIAL_KINDS, METHODS } from '@shared/domain/value-sets';
import type { CriterionStatus } from '@shared/domain/value-sets';
import { PER_LABELS, type Requirement } from '@shared/domain/requirements';
import { daysBetween, SOON_DAYS } from '@shared/domain/next-due';

/** The ledger's Chinese text, in one place. */
export const M = {
  title: '网上申报材料工作台账',
  search: '搜索编号、标题、内容或单位（Ctrl+K）',
  scopeMine: '本单位',
  scopeAll: '全部',
  method: '测评方法',
  status: '状态',
  due: '截止',
  dueFilters: { month: '本月应交', overdue: '逾期', soon: `${SOON_DAYS}天内到期`, fortnight: '14天内到期' },
  treeView: '树形',
  tableView: '表格',
  columns: '显示列',
  noMatch: '没有符合筛选条件的测评标准。',
  noCatalog: '还没有测评体系',
  noCatalogHint:
    '请导入创城办下发的网上申报材料工作台账（Excel .xlsx）或测评体系文件（.json）；也可以新建示例工作区先试用。',
  importCatalog: '导入台账或测评体系',
  selectHint: '在左侧选择一条测评标准，查看它的内容、材料要求和完成时限。',
  mine: '本单位负责',
  removed: '已移除',
  removedHint: '该标准不在当前版本的测评体系中，已保留并标记。',
  overdueBadge: '逾期',
  riskTitle: (r: { errors: number; warnings: number; pointsAtRisk: number }) =>
    `体检：错误 ${r.errors}，警告 ${r.warnings}，预计失分 ${r.pointsAtRisk} 分`,
  points: (p: number | null) => (p === null ? '—' : `${p} 分`),
  requirements: '材料要求',
  noRequirements: '未列明材料要求（任一材料即可）',
  notOnline: '本条不需要网上申报材料（实地考察、问卷调查等）',
  lead: '牵头单位',
  responsible: '责任单位',
  deadline: '完成时限',
  frequency: '频次',
  dueDate: '截止日期',
  nextDue: '下次截止',
  /** `6月5日前`; the year only when it is not this year's (`2027年1月5日前`). */
  dueLabel: (date: string, today: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${date.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日前`;
  },
  /** The tooltip of a due date: the full date and how far it is. */
  dueTitle: (date: string, today: string) => {
    const days = daysBetween(today, date);
    return `截止 ${date}，${days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天截止' : `还有 ${days} 天`}`;
  },
  text: '测评标准',
  statusLabel: (s: CriterionStatus) => CRITERION_STATUSES[s],
  methodLabel: (m: keyof typeof METHODS) => METHODS[m],
  kindLabel: (k: keyof typeof MATERIAL_KINDS) => MATERIAL_KINDS[k],
  /** A requirement's short name: its kind's label, or for `other` (words no kind matched) the phrase itself. */
  requirementLabel: (r: Requirement) => (r.kind === 'other' && r.text ? r.text : MATERIAL_KINDS[r.kind]),
  /** Files attached that do not make up the number (outside the period, a screenshot as a photo…): said, not hidden. */
  notScoring: (n: number) => ` · ${n} 份不计分`,
  notScoringHint: (n: number) =>
    `另有 ${n} 份不计分（如日期不在测评周期内、截图当作实景照片、PDF 无法打开），原因见体检。`,
  /** 至少 3 份 · 每月至少 3 份 · 至少 5 组（每组 2 份）. */
  requirementCount: (r: Requirement) =>
    `${r.per ? PER_LABELS[r.per] : ''}至少 ${r.min} ${r.groupSize ? `组（每组 ${r.groupSize} 份）` : '份'}`,
  frequencyLabel: (f: keyof typeof FREQUENCIES) => FREQUENCIES[f],
};

/**
 * Status colours (UI.md): green complete, blue in progress, grey for the neutral states. 未开始 is not an error:
 * red is kept for what is wrong (the 体检's errors) or late (逾期), so it still stands out when it appears.
 * 不适用 is grey too, drawn hollow (`StatusBadge`, the tree's dot) to tell it from 未开始.
 */
export const STATUS_COLOR: Record<CriterionStatus, string> = {
  'not-applicable': 'gray',
  'not-started': 'gray',
  'in-progress': 'blue',
  complete: 'green',
};

/** A requirement counter's colour: green when met, blue in between, grey when nothing is there yet (not an error). */
export function requirementColor(have: number, min: number): string {
  return have >= min ? 'green' : have === 0 ? 'gray' : 'blue';
}

/** Due-date colours: red once passed, orange when it comes within `SOON_DAYS`, else grey. */
export const DUE_COLOR = { overdue: 'red', soon: 'orange', later: 'gray' } as const;
