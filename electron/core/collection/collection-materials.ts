import type Database from 'better-sqlite3';
import type { MonthMaterial } from '@shared/domain/monthly/owed';
import type { Period } from '@shared/domain/period';
import { whyNotScoring } from '@shared/domain/rules/scoring';
import type { MaterialKind } from '@shared/domain/value-sets';
import { blobFacts } from '../materials/live-materials';

type Row = [
  id: string,
  criterionId: number,
  position: number,
  kind: MaterialKind,
  month: string | null,
  eventDate: string | null,
  sha256: string,
];

/**
 * The live materials as 月收集 counts them — criterion, kind, month, event date and whether they can score
 * (`whyNotScoring`, the 体检's rule) — each criterion's in attachment order. The 月收集 needs none of what
 * `liveMaterials` also builds for the rules (captions, statement texts, sizes): at 20,000 materials that took longer
 * than the figure `month --json` must meet (≤ 150 ms). As there, whole tables are scanned as arrays (a join with an
 * ORDER BY across tables cost more than the rest together) and the blobs' facts parsed once per open database.
 */
export function collectionMaterials(db: Database.Database, period: Period): MonthMaterial[] {
  const codes = new Map(db.prepare('SELECT id, code FROM criteria').raw().all() as [number, string][]);
  const rows = (
    db
      .prepare(
        'SELECT id, criterion_id, position, kind, month, event_date, sha256 FROM materials WHERE deleted_at IS NULL',
      )
      .raw()
      .all() as Row[]
  ).sort((a, b) => a[2] - b[2]);
  // Blob facts never change once written: parsed once per open database, shared with the 体检 (live-materials).
  const factsOf = blobFacts(db, rows, 6);
  return rows.map(([id, criterionId, , kind, month, eventDate, sha256]) => ({
    id,
    criterionCode: codes.get(criterionId)!,
    kind,
    month,
    eventDate,
    scores: whyNotScoring({ kind, eventDate, facts: factsOf(sha256) }, period) === null,
  }));
}
