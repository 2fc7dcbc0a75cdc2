import type { Migration } from '../migrate';

/**
 * The lost-point checker's own data: the rule profiles (the latest row is in force; earlier ones stay, so the
 * hash a package carried can be traced), the 不属本单位职责 declarations, and 往年材料 kept as hashes only.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'checker',
  up: `
    CREATE TABLE rule_profiles (
      id                 INTEGER PRIMARY KEY,
      profile            TEXT NOT NULL,          -- JSON, every default resolved
      sha256             TEXT NOT NULL,          -- of the canonical JSON; goes into packages
      origin             TEXT NOT NULL CHECK (origin IN ('catalog', 'user')),
      catalog_version_id INTEGER REFERENCES catalog_versions(id),
      created_at         TEXT NOT NULL
    ) STRICT;

    -- A criterion the unit declares outside its duties, with the written statement that travels with the package.
    CREATE TABLE declarations (
      criterion_id INTEGER PRIMARY KEY REFERENCES criteria(id),
      statement    TEXT NOT NULL,
      declared_at  TEXT NOT NULL
    ) STRICT;

    -- Files of earlier years, for reference only: their hashes, never their bytes.
    CREATE TABLE reference_files (
      id          INTEGER PRIMARY KEY,
      sha256      TEXT NOT NULL,
      phash       TEXT,
      year        INTEGER NOT NULL,
      file_name   TEXT NOT NULL,
      source      TEXT NOT NULL,               -- the folder (or package) it was read from
      imported_at TEXT NOT NULL,
      UNIQUE (year, sha256)
    ) STRICT;
    CREATE INDEX reference_files_sha256 ON reference_files(sha256);
  `,
};
