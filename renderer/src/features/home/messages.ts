import { DUE_WINDOW_DAYS } from '@shared/domain/home-summary';
import { roundPoints } from '@shared/domain/rules/points';
import { H } from '../shell/messages';

/** 首页's Chinese text, in one place; the progress wording is the header's own (shell/messages.ts). */
export const HM = {
  title: '首页',
  completion: '完成情况',
  complete: H.complete,
  inProgress: H.inProgress,
  notStarted: H.notStarted,
  pointsAtRisk: H.pointsAtRisk,
  pointsHint: H.pointsHint,
  pointsNotRun: '体检完成后显示预计失分',
  nothingApplicable: '本单位还没有需要网上申报材料的测评标准。可在台账中勾选“本单位负责”。',
  trendTitle: '各月材料',
  trendHint: '每月有材料计入的本单位标准数（按材料的计入月份）',
  trendMonth: (month: string) => `${Number(month.slice(5, 7))}月`,
  trendTip: (month: string, criteria: number, applicable: number, materials: number, current: boolean) =>
    `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月${current ? '（本月，收集中）' : ''}：` +
    `${criteria}/${applicable} 条标准有材料，共 ${materials} 份`,
  trendLoading: '正在读取材料…',
  trendEmpty: '测评周期尚未开始，还没有可统计的月份。',
  due: '逾期与近期到期',
  late: (n: number) => `已逾期 ${n} 条`,
  soon: (n: number) => `近 ${DUE_WINDOW_DAYS} 天到期 ${n} 条`,
  noLate: '没有逾期的标准。',
  noSoon: `近 ${DUE_WINDOW_DAYS} 天没有到期的标准。`,
  /** After an empty 近期到期 list: what comes next, so the officer can plan beyond the two weeks. */
  nextDue: (label: string, count: number) => `下一个截止：${label}，共 ${count} 条标准。`,
  noNextDue: '其余标准已齐全，或没有写明完成时限。',
  daysLate: (d: number) => `逾期 ${d} 天`,
  daysLeft: (d: number) => (d === 0 ? '今天截止' : `还有 ${d} 天`),
  points: (p: number) => `分值 ${roundPoints(p)} 分`,
  openHint: '打开台账中的这条标准',
  showAll: (n: number) => `显示全部 ${n} 条`,
  noCatalog: '还没有测评体系',
  noCatalogHint: '导入创城办下发的网上申报材料工作台账或测评体系后，这里显示完成情况、逾期和近期到期的标准。',
  importCatalog: '导入台账或测评体系',
};
