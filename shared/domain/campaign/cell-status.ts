/**
 * The completeness matrix's cell (criteria × units, issue 17): one status per assigned criterion of a unit, read from
 * the unit's package — its manifest's criterion status, its check report's findings, its reviews:
 * - `missing`: assigned, nothing received (no package, or the package holds nothing for the criterion);
 * - `incomplete`: received, requirements not all met (status not `complete`; a declared 不属本单位职责 counts as
 *   complete: the office reads the declaration in the drill-down);
 * - `at-risk`: complete, but the unit's own check found an error on it (a lost point);
 * - `unsigned`: complete, no error, but no current approval at both levels (分管领导 then 主要负责同志);
 * - `signed`: complete, approved, no errors.
 */

export const CELL_STATUSES = ['missing', 'incomplete', 'at-risk', 'unsigned', 'signed'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export interface CellFacts {
  /** The package lists the criterion with some material, or declared it. */
  received: boolean;
  /** The manifest's criterion status (`complete`, `in-progress`…), null when the criterion is not in it. */
  status: string | null;
  errors: number;
  /** A current `approve` at `leader` and at `principal` level. */
  approved: boolean;
}

export function cellStatus(f: CellFacts): CellStatus {
  if (!f.received) return 'missing';
  if (f.status !== 'complete' && f.status !== 'not-applicable') return 'incomplete';
  if (f.errors > 0) return 'at-risk';
  return f.approved ? 'signed' : 'unsigned';
}

/** Whether a cell's points are at risk: anything short of complete without errors. */
export const pointsAtRiskIn = (s: CellStatus): boolean => s === 'missing' || s === 'incomplete' || s === 'at-risk';
