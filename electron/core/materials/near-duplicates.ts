import type Database from 'better-sqlite3';
import { hammingDistance } from '../../../shared/domain/image-measures';
import { MAX_BAND_DISTANCE, phashBands } from '../../../shared/domain/phash-bands';

/** Pairs up to this many differing bits are stored; the checker's profile picks its threshold (default 10) below it. */
export const NEAR_DUPLICATE_STORE = MAX_BAND_DISTANCE;

/**
 * Indexes a blob's pHash and records every stored blob within `NEAR_DUPLICATE_STORE` bits of it. Call inside the
 * transaction that inserts the blob's facts.
 */
export function indexPhash(db: Database.Database, sha256: string, phash: string): void {
  const values = phashBands(phash);
  const candidates = new Set<string>();
  const find = db.prepare('SELECT sha256 FROM phash_bands WHERE band = ? AND value = ?').pluck();
  values.forEach((v, band) => {
    for (const other of find.all(band, v) as string[]) if (other !== sha256) candidates.add(other);
  });
  const add = db.prepare('INSERT OR IGNORE INTO phash_bands (band, value, sha256) VALUES (?, ?, ?)');
  values.forEach((v, band) => add.run(band, v, sha256));
  if (candidates.size === 0) return;
  const phashOf = db.prepare('SELECT phash FROM blob_facts WHERE sha256 = ?').pluck();
  const pair = db.prepare('INSERT OR IGNORE INTO near_duplicates (a, b, distance) VALUES (?, ?, ?)');
  for (const other of candidates) {
    const h = phashOf.get(other) as string | null | undefined;
    if (!h) continue;
    const d = hammingDistance(phash, h);
    if (d <= NEAR_DUPLICATE_STORE) pair.run(...(sha256 < other ? [sha256, other] : [other, sha256]), d);
  }
}

/** The stored near-duplicates of a blob, closest first. */
export function nearDuplicatesOf(db: Database.Database, sha256: string): { sha256: string; distance: number }[] {
  return db
    .prepare(
      `SELECT CASE WHEN a = @sha THEN b ELSE a END AS sha256, distance FROM near_duplicates WHERE a = @sha OR b = @sha
       ORDER BY distance`,
    )
    .all({ sha: sha256 }) as { sha256: string; distance: number }[];
}
