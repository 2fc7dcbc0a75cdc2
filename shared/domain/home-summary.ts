import { periodMonths } from './collection';
import { daysBetween, dueOf, type DueUrgency, DUE_WINDOW_DAYS } from './next-due';
import type { Period } from './period';
import { summarizeProgress, type ProgressInput, type ProgressSummary } from './progress';
import { effectivePoints, type PointsNode } from './rules/points';

export { DUE_WINDOW_DAYS };

/** The part of a criterion 首页 reads (the whole catalog is passed, so a parent's points can be shared). */
export interface HomeCriterion extends ProgressInput, PointsNode {
  title: string;
}

/** A criterion owing material by a date: late (`days` past it) or coming due (`days` left, 0 = today). */
export interface DueItem {
  code: string;
  title: string;
  due: string;
  days: number;
  /** What the criterion is worth (a parent's points shared among its leaves, as the 体检 caps them); null: unknown. */
  points: number | null;
  urgency: DueUrgency;
}

/** One month of the period: the unit's criteria with material counting for it, and those files. */
export interface MonthActivity {
  month: string;
  criteria: number;
  materials: number;
  /** Today's month: still being gathered, so a short bar is not yet a gap. */
  current: boolean;
}

export interface HomeSummary {
  progress: ProgressSummary;
  /** The unit's criteria that need material (total − not applicable): the completion's denominator. */
  applicable: number;
  /** The header's percentage (`completionPercent`). */
  percent: number | null;
  /** The 体检's total (already `riskTotals`' sum, never re-added here); null before it has run. */
  pointsAtRisk: number | null;
  /** Most days late first. */
  late: DueItem[];
  /** Due within `DUE_WINDOW_DAYS`, soonest first. */
  soon: DueItem[];
  /** The first due date after the window and how many criteria owe material by it: what to plan for next. */
  next: { due: string; count: number } | null;
  /** The period's months up to today's; null until the materials are loaded. */
  trend: MonthActivity[] | null;
}

/** A material as the trend counts it: which criterion it is on and the collection month it counts for. */
/** How many materials of a criterion count for a collection month (core counts them: 首页 never lists 20,000). */
export interface MonthlyMaterial {
  criterionCode: string;
  month: string;
  materials: number;
}

/**
 * Completion as a whole percentage, rounded down so 14 of 15 reads 93 %, never a premature 100 %; null when the
 * unit has nothing to complete. The header and 首页 both show this number.
 */
export function completionPercent(s: ProgressSummary): number | null {
  return s.total - s.byStatus['not-applicable'] === 0 ? null : Math.floor(s.ratio * 100);
}

/**
 * What 首页 answers at a glance, from what the app already holds: completion as the header counts it, the 体检's
 * points at risk, what is late and what comes due soon (the one overdue rule of next-due.ts, over the unit's own
 * current leaves), and the monthly trend. `today` is `YYYY-MM-DD`. Pure.
 */
export function homeSummary(input: {
  criteria: HomeCriterion[];
  pointsAtRisk: number | null;
  materials: MonthlyMaterial[] | null;
  today: string;
  period: Period;
}): HomeSummary {
  const { criteria, today, period } = input;
  const progress = summarizeProgress(criteria, today, period);
  const owned = criteria.filter((c) => c.leaf && c.mine && !c.removed);
  const points = effectivePoints(criteria);
  const late: DueItem[] = [];
  const soon: DueItem[] = [];
  let next: HomeSummary['next'] = null;
  for (const c of owned) {
    // dueOf's urgency is `isOverdue`'s rule; read here once for the date as well.
    const due = dueOf(c, today, period);
    if (due === null || due.urgency === null) continue;
    const days = daysBetween(today, due.date);
    const item = { code: c.code, title: c.title, due: due.date, points: points.get(c.code) ?? null };
    if (due.urgency === 'overdue') late.push({ ...item, days: -days, urgency: due.urgency });
    else if (days <= DUE_WINDOW_DAYS) soon.push({ ...item, days, urgency: due.urgency });
    else if (next === null || due.date < next.due) next = { due: due.date, count: 1 };
    else if (due.date === next.due) next.count++;
  }
  // Ties keep catalog order (the list is already in it), so equal dates read as in the ledger.
  late.sort((a, b) => b.days - a.days);
  soon.sort((a, b) => a.days - b.days);
  const applicable = progress.total - progress.byStatus['not-applicable'];
  return {
    progress,
    applicable,
    percent: completionPercent(progress),
    pointsAtRisk: input.pointsAtRisk,
    late,
    soon,
    next,
    trend: input.materials && monthlyTrend(owned, input.materials, today, period),
  };
}

/**
 * The trend by month. The app keeps no history of statuses (a criterion's status is computed from the materials it
 * holds now), so a "completion over time" line would be invented. What it does keep is the collection month every
 * material counts for — what the 创城办's 月收集 reads — so each bar is that month's real activity: how many of the
 * unit's applicable criteria have at least one file counting for it, and how many files. Months after today's are
 * left out (nothing can be owed for them yet); a period already over shows all its months.
 */
function monthlyTrend(
  owned: HomeCriterion[],
  materials: MonthlyMaterial[],
  today: string,
  period: Period,
): MonthActivity[] {
  const counted = new Set(owned.filter((c) => c.status !== 'not-applicable').map((c) => c.code));
  const byMonth = new Map<string, { criteria: Set<string>; materials: number }>();
  for (const m of materials) {
    if (!counted.has(m.criterionCode)) continue;
    const entry = byMonth.get(m.month) ?? { criteria: new Set<string>(), materials: 0 };
    entry.criteria.add(m.criterionCode);
    entry.materials += m.materials;
    byMonth.set(m.month, entry);
  }
  const thisMonth = today.slice(0, 7);
  return periodMonths(period)
    .filter((month) => month <= thisMonth)
    .map((month) => ({
      month,
      criteria: byMonth.get(month)?.criteria.size ?? 0,
      materials: byMonth.get(month)?.materials ?? 0,
      current: month === thisMonth,
    }));
}
