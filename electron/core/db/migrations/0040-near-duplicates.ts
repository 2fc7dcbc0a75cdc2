import type { Migration } from '../migrate';

/**
 * Near-duplicate candidates, found at intake rather than by comparing all pairs at check time. Multi-index hashing:
 * the 64-bit pHash is cut into 13 bands (materials/near-duplicates.ts); two hashes within 12 bits of each other
 * agree exactly on at least one band, so a new photo is compared only with the blobs sharing a band value. Pairs
 * within 12 bits are kept; the checker applies its own threshold (default 10).
 */
export const migration0040: Migration = {
  version: 40,
  name: 'near-duplicates',
  up: `
    CREATE TABLE phash_bands (
      band   INTEGER NOT NULL,
      value  INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      PRIMARY KEY (band, value, sha256)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE near_duplicates (
      a        TEXT NOT NULL REFERENCES blobs(sha256),
      b        TEXT NOT NULL REFERENCES blobs(sha256),
      distance INTEGER NOT NULL,
      PRIMARY KEY (a, b),
      CHECK (a < b)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX near_duplicates_b ON near_duplicates(b);
  `,
};
