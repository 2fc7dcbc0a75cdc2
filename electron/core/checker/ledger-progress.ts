import { monthsDue } from '@shared/domain/collection';
import { requirementProgress, type CountedMaterial } from '@shared/domain/requirement-progress';
import { countedMaterial } from '@shared/domain/rules/scoring';
import type { Criterion } from '@shared/ipc/types';
import type { Workspace } from '../workspace/workspace';
import { liveMaterials } from './check-workspace';

/**
 * The ledger's requirement progress, counted exactly as the 体检 counts it: only materials that can score, a 每月
 * requirement in every collection month due by `today`. The ledger's counters and 已齐全 then never say complete
 * where the 体检 says 材料不足.
 */
export function ledgerProgress(ws: Workspace, today: string): (c: Criterion) => ReturnType<typeof requirementProgress> {
  const { period } = ws.settings();
  const dueMonths = monthsDue(period, today);
  const byCode = new Map<string, CountedMaterial[]>();
  for (const m of liveMaterials(ws.db)) {
    const list = byCode.get(m.criterionCode) ?? [];
    list.push(countedMaterial(m, period));
    byCode.set(m.criterionCode, list);
  }
  return (c) => requirementProgress(c.requirements, byCode.get(c.code) ?? [], dueMonths);
}
