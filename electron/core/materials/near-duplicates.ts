import type Database from 'better-sqlite3';
import { hammingDistance } from '@shared/domain/image-measures';
import { MAX_BAND_DISTANCE, phashBands } from '@shared/domain/phash-bands';

/** Pairs up to this many differing bits are stored; the checker's profile picks its threshold (default 10) below it. */
export const NEAR_DUPLICATE_STORE = MAX_BAND_DISTANCE;

/**
 * Indexes a blob's pHash and records every stored blob within `NEAR_DUPLICATE_STORE` bits of it. Call inside the
 * transaction that inserts the blob's facts.
 */
export function indexPhash(db: Database.Database, sha256: string, phash: string): void {
  const values = phashBands(phash);
  // Candidates share a band value; their hashes come in the same query (one per band, not one per candidate).
  const find = db.prepare(
    `SELECT b.sha256, f.phash FROM phash_bands b JOIN blob_facts f ON f.sha256 = b.sha256
     WHERE b.band = ? AND b.value = ? AND b.sha256 <> ?`,
  );
  const candidates = new Map<string, string>();
  values.forEach((v, band) => {
    for (const r of find.all(band, v, sha256) as { sha256: string; phash: string | null }[])
      if (r.phash) candidates.set(r.sha256, r.phash);
  });
  const add = db.prepare('INSERT OR IGNORE INTO phash_bands (band, value, sha256) VALUES (?, ?, ?)');
  values.forEach((v, band) => add.run(band, v, sha256));
  const pair = db.prepare('INSERT OR IGNORE INTO near_duplicates (a, b, distance) VALUES (?, ?, ?)');
  for (const [other, h] of candidates) {
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
