import type Database from 'better-sqlite3';
import { indexMaterials } from '@shared/domain/monthly/owed';
import { requestCount } from '@shared/domain/monthly/request-state';
import { localIsoDate, type Period } from '@shared/domain/period';
import type { Manifest } from '@shared/schemas/package-manifest';
import { materialsOf } from './delivered';
import { owingLeaves } from './office-catalog';
import { requestsOfUnit, setClosed } from './office-requests-repo';

/**
 * 销号 by itself: an open 要账 of the unit is closed (`auto`) when the package — verified and accepted — says `met`
 * for it AND the office's own count of the package's materials (by kind and month, the unit's own rule:
 * monthly/request-state.ts) agrees. The unit's word alone closes nothing; a count alone does not either (the unit may
 * have meant those materials for another request). Runs in the take-in's transaction. Returns the ids closed.
 */
export function closeMetRequests(
  db: Database.Database,
  unitId: string,
  m: Manifest,
  period: Period,
  now: Date,
): string[] {
  const said = new Set((m.requests ?? []).filter((r) => r.status === 'met').map((r) => r.id));
  if (said.size === 0) return [];
  const index = indexMaterials(materialsOf(JSON.stringify({ materials: m.materials }), period));
  const leaves = owingLeaves(db);
  const today = localIsoDate(now);
  const closed: string[] = [];
  for (const r of requestsOfUnit(db, unitId)) {
    if (r.closedAt !== null || !said.has(r.id)) continue;
    const facts = { ...r, metByHand: false, closedAt: null };
    if (requestCount(facts, index, leaves.get(r.criterionCode)?.requirements, today).state !== 'met') continue;
    setClosed(db, r.id, { at: now.toISOString(), by: 'auto', note: `已收到${m.month}申报包` });
    closed.push(r.id);
  }
  return closed;
}
