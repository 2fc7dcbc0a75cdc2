import type Database from 'better-sqlite3';
import { indexPhash } from './near-duplicates';

/** The blobs table family: a stored file's row, its facts (read once at intake), and a material's earlier versions. */

export function hasBlobRow(db: Database.Database, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
}

export type BlobFacts = { mime: string; width?: number; height?: number; exifDate?: string | null } & Record<
  string,
  unknown
>;

/** Records a stored blob and its facts (first time only; the pHash is indexed then). */
export function insertBlob(
  db: Database.Database,
  sha256: string,
  bytes: number,
  at: Date | string,
  f: BlobFacts,
): void {
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?, ?, ?)').run(
    sha256,
    bytes,
    typeof at === 'string' ? at : at.toISOString(),
  );
  const phash = typeof f.phash === 'string' ? f.phash : null;
  const fresh = db
    .prepare(
      'INSERT OR IGNORE INTO blob_facts (sha256, mime, width, height, exif_date, phash, facts) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(sha256, f.mime, f.width ?? null, f.height ?? null, f.exifDate ?? null, phash, JSON.stringify(f));
  if (fresh.changes > 0 && phash) indexPhash(db, sha256, phash);
}

/** Points a material at a new blob, keeping the old one as an earlier version. */
export function replaceBlob(db: Database.Database, id: string, sha256: string, now: Date, reason: string): void {
  db.prepare(
    `INSERT INTO material_versions (material_id, sha256, replaced_at, reason)
     SELECT id, sha256, ?, ? FROM materials WHERE id = ?`,
  ).run(now.toISOString(), reason, id);
  db.prepare('UPDATE materials SET sha256 = ? WHERE id = ?').run(sha256, id);
}
