import type Database from 'better-sqlite3';
import type { ReferenceFile } from '@shared/domain/rules/types';
import type { ReferenceYear } from '@shared/ipc/types';
import { appendAudit } from '../workspace/audit';

/** A file of an earlier year as kept: its fingerprints and name, never its bytes. */
export interface ReferenceRow {
  file: string;
  sha256: string;
  phash: string | null;
}

/**
 * Records one year's 往年材料 in one transaction (a file already on record for that year is left as it is);
 * returns how many were new.
 */
export function insertReferences(
  db: Database.Database,
  rows: ReferenceRow[],
  year: number,
  source: string,
  now: Date,
  fileName: (path: string) => string,
): number {
  let added = 0;
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT OR IGNORE INTO reference_files (sha256, phash, year, file_name, source, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows)
      added += insert.run(r.sha256, r.phash, year, fileName(r.file), source, now.toISOString()).changes;
    appendAudit(db, now, 'reference.import', { year, source, added });
  })();
  return added;
}

/** The 往年材料 on record, per year. */
export function listReferenceYears(db: Database.Database): ReferenceYear[] {
  return db
    .prepare(
      `SELECT year, COUNT(*) AS files, MAX(imported_at) AS importedAt FROM reference_files GROUP BY year ORDER BY year DESC`,
    )
    .all() as ReferenceYear[];
}

/** Forgets one year's 往年材料 (logged); returns how many were removed. */
export function removeReferenceYear(db: Database.Database, year: number, now: Date): number {
  return db.transaction(() => {
    const removed = db.prepare('DELETE FROM reference_files WHERE year = ?').run(year).changes;
    appendAudit(db, now, 'reference.remove', { year, removed });
    return removed;
  })();
}

/** Every reference file, for the checker. */
export function loadReferences(db: Database.Database): ReferenceFile[] {
  return db.prepare('SELECT sha256, phash, year, file_name AS fileName FROM reference_files').all() as ReferenceFile[];
}
