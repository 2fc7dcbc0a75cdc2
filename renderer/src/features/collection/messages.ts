import type { OwedSource, OwedState, RequestState, YearCell } from '@shared/ipc/collection-types';
import { MATERIAL_KINDS, type MaterialKind } from '@shared/domain/value-sets';
import { when } from '../backup/messages';

/** 月收集's Chinese text, in one place. */
export const CM = {
  title: '月收集',
  month: '收集月份',
  monthLabel: (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`,
  currentMark: '（本期）',
  collectionDay: (d: number) => `每月 ${d} 日收集上月材料`,
  tabMonth: '本月',
  tabYear: '全年',
  counters: { owed: '本月应交', met: '已交', overdue: '逾期' },
  owedTitle: '应交材料',
  owedEmpty: '这个月没有应交的材料。',
  code: '编号',
  item: '测评标准',
  source: '来源',
  due: '截止',
  state: '状态',
  came: '已收材料',
  noMaterials: '无',
  materialsCount: (n: number) => `${n} 份`,
  overdue: '逾期',
  openHint: '在台账中打开这条测评标准',
  keyDatesTitle: '重要时间节点（事前预告）',
  keyDatesEmpty: '这个月没有需要提前准备的重要时间节点。',
  office: '创城办',
  unit: '本单位',
  requestsTitle: '要账',
  requestsEmpty: '这个月还没有要账。',
  addRequest: '新增要账…',
  exportChase: '导出要账单',
  chaseXlsx: '要账单（Excel）…',
  chasePdf: '要账单（PDF，可打印）…',
  allOpen: '全部未销号的要账',
  chaseDone: (path: string, n: number) => `已导出要账单：${n} 条，保存在 ${path}`,
  addTitle: '新增要账',
  addConfirm: '添加要账',
  needText: '需要什么',
  needTextHint: '例如：6月份宣讲活动图片不少于4张及情况说明',
  kind: '材料类型（可选）',
  kindHint: '填了类型和数量，材料够数即自动算已交',
  min: '至少份数（可选）',
  minHint: '不填类型时，任意材料都计数',
  phoneError: '请填写电话号码，例如 0591-87654321',
  requestMonth: '要账月份',
  dueDate: '截止日期',
  dueDefault: '默认：下月收集日',
  close: '销号…',
  reopen: '撤销销号',
  markMet: '标记已交',
  unmarkMet: '取消已交',
  closeTitle: '销号',
  closeNote: '销号说明',
  closeNoteHint: '例如：已收到 6 月月报',
  confirmClose: '确认销号',
  cancel: '取消',
  assignee: '责任人',
  phone: '电话',
  requestMeta: (r: { assignee: string | null; phone: string | null; due: string; month: string }) =>
    [r.assignee, r.phone, `${Number(r.month.slice(5, 7))}月材料`, `${r.due} 前`].filter(Boolean).join(' · '),
  closedNote: (at: string, note: string | null) => `${when(at).slice(0, 10)} 销号${note ? `：${note}` : ''}`,
  have: (have: number, min: number | null) => (min === null ? `已收 ${have} 份` : `已收 ${have}/${min} 份`),
  byHandHint: '文字要求，由材料员确认后标记已交',
  yearLegend: '图例',
  yearGridLabel: '全年应交情况（测评标准 × 月份）',
  yearEmpty: '本单位没有按月、按季或按截止日期应交的测评标准。',
  yearCellTitle: (code: string, month: string, state: string) => `${code} · ${month}：${state}（点击查看该月）`,
  loading: '正在读取…',
} as const;

export const SOURCE_LABEL: Record<OwedSource, string> = {
  frequency: '频次',
  deadline: '时限',
  request: '要账',
};

export const STATE_LABEL: Record<OwedState, string> = { met: '已交', partly: '部分', missing: '未交' };
// Colours (owed.module.css, year-grid.module.css) as UI.md: green met, blue under way, red missing or late.

export const REQUEST_STATE_LABEL: Record<RequestState, string> = { open: '待交', met: '已交', closed: '已销号' };
// 已销号 is done and out of the way: grey, like anything finished that needs no more attention.
export const REQUEST_STATE_COLOR: Record<RequestState, string> = { open: 'orange', met: 'green', closed: 'gray' };

/** The year grid's cells: a colour and a symbol each, so the grid reads without colour too. */
export const CELL: Record<YearCell, { label: string; symbol: string }> = {
  met: { label: '已交', symbol: '✓' },
  partly: { label: '部分', symbol: '◐' },
  missing: { label: '未交', symbol: '○' },
  overdue: { label: '逾期', symbol: '!' },
  'not-due': { label: '不需交', symbol: '' },
};

export const kindLabel = (k: MaterialKind) => MATERIAL_KINDS[k];
