import { CRITERION_STATUSES } from '@shared/domain/value-sets';

/** The header's Chinese text, in one place. */
export const H = {
  progressLabel: '本单位测评标准完成进度',
  complete: (done: number, applicable: number) => `${CRITERION_STATUSES.complete} ${done}/${applicable}`,
  inProgress: (n: number) => `${CRITERION_STATUSES['in-progress']} ${n}`,
  notStarted: (n: number) => `${CRITERION_STATUSES['not-started']} ${n}`,
  overdue: (n: number) => `逾期 ${n}`,
  pointsAtRisk: (p: number) => `预计失分 ${p} 分`,
  breakdown: (s: { complete: number; inProgress: number; notStarted: number; notApplicable: number }) =>
    `${CRITERION_STATUSES.complete} ${s.complete}，${CRITERION_STATUSES['in-progress']} ${s.inProgress}，` +
    `${CRITERION_STATUSES['not-started']} ${s.notStarted}，${CRITERION_STATUSES['not-applicable']} ${s.notApplicable}` +
    `（不适用的不计入进度）`,
  overdueHint: '截止日期已过、材料仍未齐全的测评标准',
  remindersTitle: (n: number) => `提醒（${n} 条）`,
  reminderType: { overdue: '逾期', due: '即将到期', keyDate: '事前预告' },
  dismissToday: '今日不再提醒',
  dismissAllToday: '全部今日不再提醒',
  more: (n: number) => `另有 ${n} 条提醒`,
  showFewer: '收起',
  overdueItems: '本月逾期未交的材料',
  pointsHint: '体检估计的失分：每条标准的扣分之和，每条不超过它的分值',
};
