import type Database from 'better-sqlite3';
import { indexMaterials, type MaterialIndex, type MonthMaterial } from '@shared/domain/monthly/owed';
import type { MaterialKind } from '@shared/domain/value-sets';

interface ManifestMaterial {
  id: string;
  criterionCode: string;
  kind: MaterialKind;
  month: string | null;
  eventDate: string | null;
}

/**
 * The materials a unit delivered, as the office counts them: those of its current accepted package (cumulative:
 * PACKAGE-FORMAT.md), by criterion and month. Every listed material counts (verify proved each file is there and
 * whole); the unit's own 体检 findings travel in the package and are read by the status, not here.
 */
export function deliveredIndex(db: Database.Database, unitId: string): MaterialIndex {
  const manifest = db
    .prepare('SELECT manifest FROM office_packages WHERE unit_id = ? AND current = 1')
    .pluck()
    .get(unitId) as string | undefined;
  if (manifest === undefined) return new Map();
  return indexMaterials(materialsOf(manifest));
}

export function materialsOf(manifest: string): MonthMaterial[] {
  const m = JSON.parse(manifest) as { materials?: ManifestMaterial[] };
  return (m.materials ?? []).map((x) => ({
    id: x.id,
    criterionCode: x.criterionCode,
    kind: x.kind,
    month: x.month,
    eventDate: x.eventDate,
    scores: true,
  }));
}
