import type { Migration } from '../migrate';

/**
 * Leader sign-off (PACKAGE-FORMAT.md, "Sign-off"). A signer is a leader with an Ed25519 key; its private key is kept
 * only sealed under the leader's 口令 (`sealed_key`, JSON), or not at all when the leader keeps it on their own PC
 * (送审包). Wrong 口令 tries and the lock they earn survive a restart. Reviews are append-only, like the audit log:
 * each row carries the signature over the statement it records, and a row that no longer matches its signature is
 * never counted. `content` is the canonical JSON the review's `content_sha256` hashes, kept so the officer can be
 * told what changed since an approval.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'signoff',
  up: `
    CREATE TABLE signers (
      fingerprint  TEXT PRIMARY KEY,     -- hex SHA-256 of the SPKI DER
      name         TEXT NOT NULL,
      level        TEXT NOT NULL CHECK (level IN ('leader', 'principal')),
      public_key   TEXT NOT NULL,        -- base64 SPKI DER
      sealed_key   TEXT,                 -- JSON, the private key sealed under the 口令; NULL: kept elsewhere
      created_at   TEXT NOT NULL,
      retired_at   TEXT,
      failed_tries INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT
    ) STRICT;
    CREATE TABLE reviews (
      id             INTEGER PRIMARY KEY,
      criterion_code TEXT NOT NULL,
      level          TEXT NOT NULL CHECK (level IN ('leader', 'principal')),
      decision       TEXT NOT NULL CHECK (decision IN ('approve', 'return')),
      comment        TEXT NOT NULL,
      signer         TEXT NOT NULL,      -- the signer's name when signing
      fingerprint    TEXT NOT NULL REFERENCES signers (fingerprint),
      at             TEXT NOT NULL,      -- ISO 8601 with offset
      content_sha256 TEXT NOT NULL,
      content        TEXT NOT NULL,      -- the canonical JSON hashed by content_sha256
      signature      TEXT NOT NULL,      -- base64 Ed25519 over the review statement
      recorded_at    TEXT NOT NULL       -- when this workspace recorded it (a 送审包 answer arrives later)
    ) STRICT;
    CREATE INDEX reviews_by_criterion ON reviews (criterion_code, level, id);
    CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
    CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
  `,
};
