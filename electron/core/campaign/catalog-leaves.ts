import type Database from 'better-sqlite3';
import type { LedgerLeaf } from '@shared/domain/campaign/assign-units';

/** The office catalog's current leaves needing online materials, in catalog order, with their 牵头/责任单位. */
export function catalogLeaves(db: Database.Database): (LedgerLeaf & { title: string; points: number | null })[] {
  const rows = db
    .prepare(
      `SELECT c.code, c.title, c.points, c.lead_unit, c.responsible_units FROM criteria c
       WHERE c.removed = 0 AND c.needs_material = 1
         AND NOT EXISTS (SELECT 1 FROM criteria k WHERE k.parent_code = c.code AND k.removed = 0)
       ORDER BY c.position`,
    )
    .all() as {
    code: string;
    title: string;
    points: number | null;
    lead_unit: string | null;
    responsible_units: string;
  }[];
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    points: r.points,
    leadUnit: r.lead_unit,
    responsibleUnits: JSON.parse(r.responsible_units) as string[],
  }));
}
