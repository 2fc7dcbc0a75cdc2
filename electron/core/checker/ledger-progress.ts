import { monthsDue } from '@shared/domain/collection';
import { requirementProgress, type CountedMaterial } from '@shared/domain/requirement-progress';
import { countedMaterial } from '@shared/domain/rules/scoring';
import type { CheckMaterial } from '@shared/domain/rules/types';
import { scopeReason } from '@shared/domain/scope';
import type { Period } from '@shared/domain/period';
import type { KindCounts } from '@shared/domain/status';
import type { Criterion } from '@shared/ipc/types';
import { listCriteria } from '../catalog/criteria-repo';
import { scopeUnitOf, type Workspace } from '../workspace/workspace';
import { liveMaterials } from '../materials/live-materials';
import { leafReviews, type LeafReview } from '../signoff/review-states';

/**
 * The criteria as the ledger shows them: per leaf its counts by kind, its requirement progress as the 体检 counts
 * it, why it is the unit's (scope) and its leaders' review. `materials` lets a caller that also runs the check read
 * them only once.
 */
export function ledgerCriteria(ws: Workspace, today: string, materials = liveMaterials(ws.db)): Criterion[] {
  return ledgerCriteriaAndReviews(ws, today, materials).criteria;
}

/** `ledgerCriteria` with each leaf's review as read (its latest valid rows: what a package carries). */
export function ledgerCriteriaAndReviews(
  ws: Workspace,
  today: string,
  materials: CheckMaterial[],
): { criteria: Criterion[]; reviews: Map<string, LeafReview> } {
  const settings = ws.settings();
  const counts = kindCountsOf(materials);
  const criteria = listCriteria(
    ws.db,
    (code) => counts.get(code) ?? {},
    ledgerProgress(settings.period, today, materials),
  );
  const unit = scopeUnitOf(settings);
  for (const c of criteria) c.scopeReason = scopeReason(c, unit);
  const leaves = criteria.filter((c) => c.leaf);
  const reviews = leafReviews(ws.db, settings.unitId, leaves, materials);
  for (const c of leaves) ({ review: c.review, reviewState: c.reviewState } = reviews.get(c.code)!);
  return { criteria, reviews };
}

/**
 * The ledger's requirement progress, counted exactly as the 体检 counts it: only materials that can score, a 每月
 * requirement in every collection month due by `today`. The ledger's counters and 已齐全 then never say complete
 * where the 体检 says 材料不足.
 */
function ledgerProgress(
  period: Period,
  today: string,
  materials: CheckMaterial[],
): (c: Criterion) => ReturnType<typeof requirementProgress> {
  const dueMonths = monthsDue(period, today);
  const byCode = new Map<string, CountedMaterial[]>();
  for (const m of materials) {
    const list = byCode.get(m.criterionCode) ?? [];
    list.push(countedMaterial(m, period));
    byCode.set(m.criterionCode, list);
  }
  return (c) => requirementProgress(c.requirements, byCode.get(c.code) ?? [], dueMonths);
}

function kindCountsOf(materials: CheckMaterial[]): Map<string, KindCounts> {
  const out = new Map<string, KindCounts>();
  for (const m of materials) {
    const counts = out.get(m.criterionCode) ?? {};
    counts[m.kind] = (counts[m.kind] ?? 0) + 1;
    out.set(m.criterionCode, counts);
  }
  return out;
}
