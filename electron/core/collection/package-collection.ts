import type { PackageCollection } from '../package/plan-package';
import type { Workspace } from '../workspace/workspace';
import { readCollectionFacts } from './collection-facts';

/**
 * What a package says of 月收集 (PACKAGE-FORMAT.md): `handout`, the last hand-out the unit imported (null before
 * any), and `requests`, the **office's** 要账 only (`source: 'office'`) — the unit's own requests are its internal
 * chasing and stay home — each with its state counted from the materials as the 月收集 screen counts them, and the
 * ids of the materials counted towards it. Both are empty (`null`, `[]`) in a workspace that never imported a
 * hand-out. The hand-out on record is passed in by the caller (core/handout builds on this folder, not the reverse).
 */
export function packageCollection(
  ws: Workspace,
  handout: { fingerprint: string; sequence: number; unitId: string } | undefined,
  now: Date,
): PackageCollection {
  const office = readCollectionFacts(ws, now).requests.filter((r) => r.source === 'office');
  return {
    handout: handout
      ? { officeFingerprint: handout.fingerprint, sequence: handout.sequence, unitId: handout.unitId }
      : null,
    requests: office
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({
        id: r.id,
        criterionCode: r.criterionCode,
        month: r.month,
        status: r.state,
        materialIds: r.materialIds,
      })),
  };
}
