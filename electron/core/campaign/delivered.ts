import type Database from 'better-sqlite3';
import { indexMaterials, type MaterialIndex, type MonthMaterial } from '@shared/domain/monthly/owed';
import { inPeriod, type Period } from '@shared/domain/period';
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
 * PACKAGE-FORMAT.md), by criterion and month. A listed material counts unless its event date lies outside the
 * period (the unit's own rule, rules/scoring.ts; verify proved each file is there and whole). What the office cannot
 * see without the unit's blob facts — a photo's EXIF date, a screenshot, an encrypted PDF — travels as the unit's
 * findings and is read by the status.
 */
export function deliveredIndex(db: Database.Database, unitId: string, period: Period): MaterialIndex {
  const manifest = db
    .prepare('SELECT manifest FROM office_packages WHERE unit_id = ? AND current = 1')
    .pluck()
    .get(unitId) as string | undefined;
  if (manifest === undefined) return new Map();
  return indexMaterials(materialsOf(manifest, period));
}

export function materialsOf(manifest: string, period: Period): MonthMaterial[] {
  const m = JSON.parse(manifest) as { materials?: ManifestMaterial[] };
  return (m.materials ?? []).map((x) => ({
    id: x.id,
    criterionCode: x.criterionCode,
    kind: x.kind,
    month: x.month,
    eventDate: x.eventDate,
    scores: x.eventDate === null || inPeriod(x.eventDate, period),
  }));
}
