import type Database from 'better-sqlite3';
import type { RequestSource } from '@shared/ipc/collection-types';
import type { MaterialKind } from '@shared/domain/value-sets';

/**
 * The `requests` table (要账; migration 0100) as rows. Whether a request is met is counted from its materials
 * elsewhere (collection/request-state): this file only stores what was asked and how it was closed.
 */
export interface RequestRow {
  id: string;
  source: RequestSource;
  criterionCode: string;
  month: string;
  text: string | null;
  kind: MaterialKind | null;
  min: number | null;
  assignee: string | null;
  phone: string | null;
  due: string;
  metByHand: boolean;
  closedAt: string | null;
  closedBy: RequestSource | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What is asked: the fields a new request, or an office's updated one, sets. */
export type RequestAsk = Pick<
  RequestRow,
  'id' | 'source' | 'criterionCode' | 'month' | 'text' | 'kind' | 'min' | 'assignee' | 'phone' | 'due'
>;

interface Raw {
  id: string;
  source: RequestSource;
  criterion_code: string;
  month: string;
  text: string | null;
  kind: string | null;
  min: number | null;
  assignee: string | null;
  phone: string | null;
  due: string;
  met_by_hand: number;
  closed_at: string | null;
  closed_by: RequestSource | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const toRow = (r: Raw): RequestRow => ({
  id: r.id,
  source: r.source,
  criterionCode: r.criterion_code,
  month: r.month,
  text: r.text,
  kind: r.kind as MaterialKind | null,
  min: r.min,
  assignee: r.assignee,
  phone: r.phone,
  due: r.due,
  metByHand: r.met_by_hand === 1,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every request (of one month when given), by due date then id. */
export function listRequests(db: Database.Database, month?: string): RequestRow[] {
  const rows =
    month === undefined
      ? db.prepare('SELECT * FROM requests ORDER BY due, id').all()
      : db.prepare('SELECT * FROM requests WHERE month = ? ORDER BY due, id').all(month);
  return (rows as Raw[]).map(toRow);
}

export function getRequest(db: Database.Database, id: string): RequestRow | undefined {
  const r = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as Raw | undefined;
  return r && toRow(r);
}

/**
 * Inserts a request, or — an office's, by its `id` — updates what it asks (text, kind, min, month, due…), keeping
 * how it was closed. Returns whether it was new.
 */
export function upsertRequest(db: Database.Database, ask: RequestAsk, now: Date): 'new' | 'updated' | 'same' {
  const before = getRequest(db, ask.id);
  const at = now.toISOString();
  if (before === undefined) {
    db.prepare(
      `INSERT INTO requests (id, source, criterion_code, month, text, kind, min, assignee, phone, due, created_at, updated_at)
       VALUES (@id, @source, @criterionCode, @month, @text, @kind, @min, @assignee, @phone, @due, @at, @at)`,
    ).run({ ...ask, at });
    return 'new';
  }
  const keys = ['criterionCode', 'month', 'text', 'kind', 'min', 'assignee', 'phone', 'due'] as const;
  if (keys.every((k) => before[k] === ask[k])) return 'same';
  db.prepare(
    `UPDATE requests SET criterion_code = @criterionCode, month = @month, text = @text, kind = @kind, min = @min,
       assignee = @assignee, phone = @phone, due = @due, updated_at = @at WHERE id = @id`,
  ).run({ ...ask, at });
  return 'updated';
}

/** 销号: closes a request (by the unit by hand, or by the office's `closed` list) with a note. */
export function closeRequest(
  db: Database.Database,
  id: string,
  by: RequestSource,
  closedAt: string,
  note: string | null,
  now: Date,
): void {
  db.prepare('UPDATE requests SET closed_at = ?, closed_by = ?, note = ?, updated_at = ? WHERE id = ?').run(
    closedAt,
    by,
    note,
    now.toISOString(),
    id,
  );
}

/** Takes a closing back (open again). */
export function reopenRequest(db: Database.Database, id: string, now: Date): void {
  db.prepare('UPDATE requests SET closed_at = NULL, closed_by = NULL, note = NULL, updated_at = ? WHERE id = ?').run(
    now.toISOString(),
    id,
  );
}

/** Marks a free-text request met (or not) by hand. */
export function setMetByHand(db: Database.Database, id: string, met: boolean, now: Date): void {
  db.prepare('UPDATE requests SET met_by_hand = ?, updated_at = ? WHERE id = ?').run(
    met ? 1 : 0,
    now.toISOString(),
    id,
  );
}
