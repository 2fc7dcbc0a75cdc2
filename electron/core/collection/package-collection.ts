import { indexMaterials } from '@shared/domain/monthly/owed';
import { requestCount } from '@shared/domain/monthly/request-state';
import type { Period } from '@shared/domain/period';
import { countedMaterial } from '@shared/domain/rules/scoring';
import type { CheckFacts } from '@shared/domain/rules/types';
import type { Requirement } from '@shared/domain/requirements';
import type { Material } from '@shared/ipc/types';
import type Database from 'better-sqlite3';
import { lastHandout } from '../handout/handouts-repo';
import { listRequests } from './requests-repo';

/** The manifest's `handout` (PACKAGE-FORMAT.md): the last hand-out the unit imported; null before any. */
export interface PackageHandout {
  officeFingerprint: string;
  sequence: number;
  unitId: string;
}

/** The manifest's `requests`: the state of each of the office's 要账 the unit holds. */
export interface PackageRequest {
  id: string;
  criterionCode: string;
  month: string;
  status: 'open' | 'met' | 'closed';
  /** The materials counted towards it now (all of them when met: which materials meet it). */
  materialIds: string[];
}

/**
 * What a package says of 月收集: the last hand-out and the office's 要账 only (`source: 'office'`) — the unit's own
 * requests are its internal chasing and stay home. Both are empty (`null`, `[]`) in a workspace that never
 * imported a hand-out. Counted from the materials the package carries, as the 月收集 screen counts them.
 */
export function packageCollection(
  db: Database.Database,
  materials: Material[],
  requirements: Map<string, Requirement[]>,
  period: Period,
  today: string,
): { handout: PackageHandout | null; requests: PackageRequest[] } {
  const h = lastHandout(db);
  const office = listRequests(db).filter((r) => r.source === 'office');
  if (office.length === 0) return { handout: h ? handoutOf(h) : null, requests: [] };
  const index = indexMaterials(
    materials.map((m) => ({
      ...countedMaterial({ ...m, facts: m.facts as unknown as CheckFacts }, period),
      id: m.id,
      criterionCode: m.criterionCode,
    })),
  );
  return {
    handout: h ? handoutOf(h) : null,
    requests: office.map((r) => {
      const n = requestCount(r, index, requirements.get(r.criterionCode), today);
      return { id: r.id, criterionCode: r.criterionCode, month: r.month, status: n.state, materialIds: n.materialIds };
    }),
  };
}

function handoutOf(h: { fingerprint: string; sequence: number; unitId: string }): PackageHandout {
  return { officeFingerprint: h.fingerprint, sequence: h.sequence, unitId: h.unitId };
}
