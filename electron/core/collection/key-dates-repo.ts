import type Database from 'better-sqlite3';
import type { KeyDate } from '@shared/ipc/collection-types';

/** The `key_dates` table (事前预告; migration 0100). */

/** Every key date between two days (both included; all when absent), by date. */
export function listKeyDates(db: Database.Database, from?: string, to?: string): KeyDate[] {
  const rows = db
    .prepare(
      `SELECT source, date, title, criterion_codes, note FROM key_dates
       WHERE date >= ? AND date <= ? ORDER BY date, id`,
    )
    .all(from ?? '0000-00-00', to ?? '9999-99-99') as {
    source: KeyDate['source'];
    date: string;
    title: string;
    criterion_codes: string;
    note: string | null;
  }[];
  return rows.map((r) => ({
    date: r.date,
    title: r.title,
    criterionCodes: JSON.parse(r.criterion_codes) as string[],
    note: r.note,
    source: r.source,
  }));
}

/** Replaces the office's key dates with a hand-out's whole list (the unit's own stay). */
export function replaceOfficeKeyDates(db: Database.Database, dates: Omit<KeyDate, 'source'>[]): void {
  db.prepare("DELETE FROM key_dates WHERE source = 'office'").run();
  const add = db.prepare(
    "INSERT INTO key_dates (source, date, title, criterion_codes, note) VALUES ('office', ?, ?, ?, ?)",
  );
  for (const d of dates) add.run(d.date, d.title, JSON.stringify(d.criterionCodes), d.note);
}
