import { dueOf, type Schedule } from './next-due';
import type { Period } from './period';
import type { CriterionStatus } from './value-sets';

/** The part of a criterion the progress summary reads. */
export interface ProgressInput extends Schedule {
  leaf: boolean;
  mine: boolean;
  removed: boolean;
  status: CriterionStatus;
}

export interface ProgressSummary {
  /** Leaf criteria the unit answers for. */
  total: number;
  byStatus: Record<CriterionStatus, number>;
  /** Mine, past their next due date (next-due.ts: named days and passed 每月/每季度/常态 deadlines) and not done. */
  overdue: number;
  /** complete ÷ (total − not-applicable), 0..1; 1 when nothing is applicable. */
  ratio: number;
}

/**
 * True when a criterion's next due date has passed (`today` is `YYYY-MM-DD`) and it is neither complete nor n/a —
 * the rule the tree's date tags, the ledger's 已逾期 filter, the detail and the header all use.
 */
export function isOverdue(c: Schedule & { status: CriterionStatus }, today: string, period: Period): boolean {
  return dueOf(c, today, period)?.urgency === 'overdue';
}

/** The header's progress over the unit's own (mine, not removed) leaf criteria. */
export function summarizeProgress(criteria: ProgressInput[], today: string, period: Period): ProgressSummary {
  const byStatus: Record<CriterionStatus, number> = {
    'not-applicable': 0,
    'not-started': 0,
    'in-progress': 0,
    complete: 0,
  };
  let total = 0;
  let overdue = 0;
  for (const c of criteria) {
    if (!c.leaf || !c.mine || c.removed) continue;
    total++;
    byStatus[c.status]++;
    if (isOverdue(c, today, period)) overdue++;
  }
  const applicable = total - byStatus['not-applicable'];
  return { total, byStatus, overdue, ratio: applicable === 0 ? 1 : byStatus.complete / applicable };
}
