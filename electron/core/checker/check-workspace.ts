import { monthsDue } from '@shared/domain/collection';
import { runCheck } from '@shared/domain/rules/check';
import { effectivePoints } from '@shared/domain/rules/points';
import type { CheckInput, CheckMaterial } from '@shared/domain/rules/types';
import type { CheckReport, Criterion } from '@shared/ipc/types';
import type { Workspace } from '../workspace/workspace';
import { profileInForce } from '../catalog/profile-repo';
import { liveMaterials } from '../materials/live-materials';
import { ledgerCriteria } from './ledger-progress';
import { loadReferences } from './references-repo';

/**
 * Runs the lost-point check over the workspace as it is now (authoritative: the CLI, the 体检 view, export);
 * `today` (`YYYY-MM-DD`) decides which months' collections are due.
 */
export function checkWorkspace(ws: Workspace, today: string, read: AlreadyRead = {}): CheckReport {
  const { input, profile } = loadCheckInput(ws, today, read);
  return {
    ...runCheck(input),
    ruleProfile: { name: profile.profile.name, sha256: profile.sha256, origin: profile.origin },
  };
}

/** What a caller has read already this moment (the ledger's criteria and materials), so the check reads it once. */
export interface AlreadyRead {
  criteria?: Criterion[];
  materials?: CheckMaterial[];
}

/**
 * Reads the rules' plain facts from the workspace in a few queries: the leaf criteria with their effective points
 * and declarations, every live material with its blob's facts (and the text of 情况说明), the stored
 * near-duplicate pairs within the profile's distance, and the 往年材料.
 */
export function loadCheckInput(ws: Workspace, today: string, read: AlreadyRead = {}) {
  const db = ws.db;
  const profile = profileInForce(db);
  const materials = read.materials ?? liveMaterials(db);
  // The ledger's criteria carry their review state (what the review rules read).
  const criteria = read.criteria ?? ledgerCriteria(ws, today, materials);
  const points = effectivePoints(criteria);
  const period = ws.settings().period;
  const input: CheckInput = {
    period,
    dueMonths: monthsDue(period, today),
    profile: profile.profile,
    criteria: criteria
      .filter((c) => c.leaf)
      .map((c) => ({
        code: c.code,
        title: c.title,
        points: points.get(c.code) ?? null,
        mine: c.mine,
        needsMaterial: c.needsMaterial,
        removed: c.removed,
        requirements: c.requirements,
        declared: c.declaration !== null,
        review: c.reviewState,
      })),
    materials,
    nearDuplicates: db
      .prepare('SELECT a, b, distance FROM near_duplicates WHERE distance <= ?')
      .all(profile.profile.thresholds.nearDuplicateMaxDistance) as CheckInput['nearDuplicates'],
    references: loadReferences(db),
  };
  return { input, profile };
}
