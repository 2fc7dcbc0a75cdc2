import type { CriterionStatus } from './value-sets';

/** The part of a criterion the progress summary reads. */
export interface ProgressInput {
  leaf: boolean;
  mine: boolean;
  removed: boolean;
  status: CriterionStatus;
  dueDate: string | null;
}

export interface ProgressSummary {
  /** Leaf criteria the unit answers for. */
  total: number;
  byStatus: Record<CriterionStatus, number>;
  /** Mine, needing material, past their due date and not complete. */
  overdue: number;
  /** complete ÷ (total − not-applicable), 0..1; 1 when nothing is applicable. */
  ratio: number;
}

/** True when a criterion's due date has passed (`today` is `YYYY-MM-DD`) and it is neither complete nor n/a. */
export function isOverdue(c: Pick<ProgressInput, 'status' | 'dueDate'>, today: string): boolean {
  return c.dueDate !== null && c.dueDate < today && (c.status === 'not-started' || c.status === 'in-progress');
}

/** The header's progress over the unit's own (mine, not removed) leaf criteria. */
export function summarizeProgress(criteria: ProgressInput[], today: string): ProgressSummary {
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
    if (isOverdue(c, today)) overdue++;
  }
  const applicable = total - byStatus['not-applicable'];
  return { total, byStatus, overdue, ratio: applicable === 0 ? 1 : byStatus.complete / applicable };
}
