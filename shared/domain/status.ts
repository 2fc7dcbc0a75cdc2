import { progressFromCounts, type RequirementProgress } from './requirement-progress';
import type { Requirement } from './requirements';
import type { CriterionStatus, MaterialKind } from './value-sets';

/** How many materials of each kind a criterion holds. */
export type KindCounts = Partial<Record<MaterialKind, number>>;

/**
 * The computed status of one leaf criterion (DOMAIN.md): `not-applicable` when it needs no online material (or is
 * declared 不属本单位职责), `not-started` with nothing attached, `complete` when every requirement is met — by
 * `progress`, the 体检's own count (what can score, month by month: requirement-progress.ts), or without it from
 * the per-kind totals — with no requirement written, one material of any kind; else `in-progress`.
 */
export function leafStatus(
  c: { needsMaterial: boolean; requirements: Requirement[]; declaration?: unknown },
  counts: KindCounts,
  progress: RequirementProgress[] = progressFromCounts(c.requirements, counts),
): CriterionStatus {
  if (!c.needsMaterial || (c.declaration !== undefined && c.declaration !== null)) return 'not-applicable';
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  if (total === 0) return 'not-started';
  return progress.every((p) => p.met) ? 'complete' : 'in-progress';
}

/** The status of a parent node from its children's: the applicable ones decide; none applicable → not-applicable. */
export function aggregateStatus(children: CriterionStatus[]): CriterionStatus {
  const applicable = children.filter((s) => s !== 'not-applicable');
  if (applicable.length === 0) return 'not-applicable';
  if (applicable.every((s) => s === 'complete')) return 'complete';
  if (applicable.every((s) => s === 'not-started')) return 'not-started';
  return 'in-progress';
}
