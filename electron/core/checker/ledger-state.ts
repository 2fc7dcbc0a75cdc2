import type { LedgerState } from '@shared/ipc/types';
import type { Workspace } from '../workspace/workspace';
import { liveMaterials } from '../materials/live-materials';
import { checkWorkspace } from './check-workspace';
import { ledgerCriteriaAndReviews } from './ledger-progress';

/**
 * The criteria as the ledger shows them and the 体检 of the same moment, from one read of the criteria and the live
 * materials (at 20,000 materials that read is most of the time: `catalog:list` and `check:run` each did it).
 */
export function ledgerState(ws: Workspace, today: string): Omit<LedgerState, 'workspace'> {
  const { criteria, report } = ledgerSnapshot(ws, today);
  return { criteria, report };
}

/** `ledgerState` with the leaves' reviews it read, for a caller that needs them too (the package plan). */
export function ledgerSnapshot(ws: Workspace, today: string) {
  const materials = liveMaterials(ws.db);
  const { criteria, reviews } = ledgerCriteriaAndReviews(ws, today, materials);
  return { criteria, report: checkWorkspace(ws, today, { criteria, materials }), reviews };
}
