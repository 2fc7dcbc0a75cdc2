import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { OwedRequest } from '@shared/domain/campaign/owed-requests';
import type { MaterialKind } from '@shared/domain/value-sets';

/** A 要账 of the office as it stands. */
export interface OfficeRequest {
  id: string;
  unitId: string;
  criterionCode: string;
  month: string;
  text: string;
  kind: MaterialKind | null;
  min: number | null;
  due: string;
  source: 'owed' | 'office';
  closedAt: string | null;
  closedBy: 'auto' | 'office' | null;
  note: string | null;
}

interface Row {
  id: string;
  unit_id: string;
  criterion_code: string;
  month: string;
  text: string;
  kind: string | null;
  min: number | null;
  due: string;
  source: 'owed' | 'office';
  closed_at: string | null;
  closed_by: 'auto' | 'office' | null;
  note: string | null;
}

const fromRow = (r: Row): OfficeRequest => ({
  id: r.id,
  unitId: r.unit_id,
  criterionCode: r.criterion_code,
  month: r.month,
  text: r.text,
  kind: r.kind as MaterialKind | null,
  min: r.min,
  due: r.due,
  source: r.source,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  note: r.note,
});

/** A request's id from its key: the same owed item gets the same id in every hand-out (the unit upserts by it). */
export const requestIdOf = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** Records an owed 要账 once; a later hand-out of the same month finds it (closed or not) and keeps it as it is. */
export function recordOwed(db: Database.Database, unitId: string, r: OwedRequest, now: Date): void {
  db.prepare(
    `INSERT OR IGNORE INTO office_requests (id, unit_id, criterion_code, month, text, kind, min, due, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'owed', ?)`,
  ).run(requestIdOf(r.key), unitId, r.criterionCode, r.month, r.text, r.kind, r.min, r.due, now.toISOString());
}

export function requestsOfUnit(db: Database.Database, unitId: string): OfficeRequest[] {
  return (
    db
      .prepare('SELECT * FROM office_requests WHERE unit_id = ? ORDER BY month, criterion_code, id')
      .all(unitId) as Row[]
  ).map(fromRow);
}

export function requestById(db: Database.Database, id: string): OfficeRequest | undefined {
  const r = db.prepare('SELECT * FROM office_requests WHERE id = ?').get(id) as Row | undefined;
  return r && fromRow(r);
}

/** Closes (销号) or reopens a request; `by` auto: a verified package met it. */
export function setClosed(
  db: Database.Database,
  id: string,
  closed: { at: string; by: 'auto' | 'office'; note: string } | null,
): void {
  db.prepare('UPDATE office_requests SET closed_at = ?, closed_by = ?, note = ? WHERE id = ?').run(
    closed?.at ?? null,
    closed?.by ?? null,
    closed?.note ?? null,
    id,
  );
}
