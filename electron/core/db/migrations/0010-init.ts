import type { Migration } from '../migrate';

/** The foundation: workspace settings, catalog versions, criteria, the blob index and the audit log. */
export const migration0010: Migration = {
  version: 10,
  name: 'init',
  up: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL            -- JSON
    ) STRICT;

    CREATE TABLE catalog_versions (
      id          INTEGER PRIMARY KEY,
      edition     TEXT NOT NULL,
      name        TEXT,
      source_name TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      node_count  INTEGER NOT NULL,
      leaf_count  INTEGER NOT NULL
    ) STRICT;

    -- One row per criterion code ever seen: a re-import updates by code and marks vanished codes removed, so
    -- whatever hangs on a criterion (materials, reviews) survives a new catalog edition.
    CREATE TABLE criteria (
      id                 INTEGER PRIMARY KEY,
      code               TEXT NOT NULL UNIQUE,
      parent_code        TEXT,
      catalog_version_id INTEGER NOT NULL REFERENCES catalog_versions(id),
      label              TEXT,
      seq                TEXT,
      level              INTEGER NOT NULL,
      position           INTEGER NOT NULL,
      title              TEXT NOT NULL,
      text               TEXT NOT NULL,
      methods            TEXT NOT NULL,   -- JSON array of method ids
      points             REAL,
      needs_material     INTEGER NOT NULL,
      requirements       TEXT NOT NULL,   -- JSON [{kind, min, text}]
      lead_unit          TEXT,
      responsible_units  TEXT NOT NULL,   -- JSON array
      deadline           TEXT,
      due_date           TEXT,
      frequency          TEXT,
      mine_auto          INTEGER NOT NULL,
      mine_user          INTEGER,         -- NULL: follow mine_auto
      removed            INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX criteria_position ON criteria(removed, position);

    CREATE TABLE blobs (
      sha256     TEXT PRIMARY KEY,
      bytes      INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- Append-only; each row hashes the previous one, so an edited or deleted row shows.
    CREATE TABLE audit_log (
      id        INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      action    TEXT NOT NULL,
      details   TEXT NOT NULL,          -- JSON
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
