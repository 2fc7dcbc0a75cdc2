import type { Migration } from '../migrate';

/**
 * 创城办 mode (issue 17): an office workspace is the same Workspace folder, its settings saying `mode: office`; these
 * tables hold what only the office has. A unit workspace has them too, empty.
 *
 * - `office`: the one row of the office itself, with its Ed25519 key sealed under the 口令 (signoff/keys.ts) and the
 *   last hand-out sequence used (a unit refuses a lower one than it last imported).
 * - `office_units`: the units the office hands out to, with their kind (collective 责任单位 reach units by it) and
 *   the principal signer's fingerprint on record (first sight recorded; a change refused until accepted).
 * - `office_assignments`: criterion × unit, 牵头 (`lead`) or 责任 (`responsible`).
 * - `office_catalogs`: every catalog the office handed out, by its RFC 8785 hash (a package's `catalog.sha256`).
 * - `office_requests`: the office's 要账, by unit; `closed_by` auto (销号 by a verified package) or office (by hand).
 * - `office_packages`: every package taken in, by its SHA-256 (the same file twice is stored once); one current per
 *   unit, every earlier one kept. `manifest` is manifest.json verbatim (also a blob); each file of the zip is a blob.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'office',
  up: `
    CREATE TABLE office (
      id            INTEGER PRIMARY KEY CHECK (id = 1),
      office_id     TEXT NOT NULL,
      name          TEXT NOT NULL,
      sealed_key    TEXT NOT NULL,      -- JSON of the sealed key (signoff/keys.ts)
      public_key    TEXT NOT NULL,      -- base64 SPKI DER
      fingerprint   TEXT NOT NULL,      -- hex SHA-256 of that DER
      last_sequence INTEGER NOT NULL DEFAULT 0,
      created_at    TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_units (
      id                    TEXT PRIMARY KEY,
      name                  TEXT NOT NULL UNIQUE,
      aliases               TEXT NOT NULL DEFAULT '[]',   -- JSON array
      kind                  TEXT NOT NULL,
      leader                TEXT,
      liaison               TEXT,
      phone                 TEXT,
      principal_fingerprint TEXT,
      created_at            TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_assignments (
      unit_id        TEXT NOT NULL REFERENCES office_units (id),
      criterion_code TEXT NOT NULL,
      role           TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
      PRIMARY KEY (unit_id, criterion_code)
    ) STRICT;
    CREATE TABLE office_catalogs (
      sha256      TEXT PRIMARY KEY,
      edition     TEXT NOT NULL,
      version_id  INTEGER,              -- catalog_versions.id it was made from
      first_at    TEXT NOT NULL
    ) STRICT;
    CREATE TABLE office_requests (
      id             TEXT PRIMARY KEY,
      unit_id        TEXT NOT NULL REFERENCES office_units (id),
      criterion_code TEXT NOT NULL,
      month          TEXT NOT NULL,
      text           TEXT NOT NULL,
      kind           TEXT,
      min            INTEGER CHECK (min IS NULL OR min >= 1),
      due            TEXT NOT NULL,
      source         TEXT NOT NULL CHECK (source IN ('owed', 'office')),
      closed_at      TEXT,
      closed_by      TEXT CHECK (closed_by IS NULL OR closed_by IN ('auto', 'office')),
      note           TEXT,
      created_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX office_requests_by_unit ON office_requests (unit_id, month);
    CREATE TABLE office_packages (
      sha256                TEXT PRIMARY KEY,
      unit_id               TEXT NOT NULL REFERENCES office_units (id),
      file                  TEXT NOT NULL,
      kind                  TEXT NOT NULL,
      month                 TEXT NOT NULL,
      created_at            TEXT NOT NULL,   -- the manifest's createdAt
      catalog_sha256        TEXT NOT NULL,
      principal_fingerprint TEXT,
      audit_rows            INTEGER,
      audit_head            TEXT,
      manifest              TEXT NOT NULL,
      problems              TEXT NOT NULL DEFAULT '[]',
      current               INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)),
      imported_at           TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX office_packages_current ON office_packages (unit_id) WHERE current = 1;
    CREATE TABLE office_package_files (
      package_sha256 TEXT NOT NULL REFERENCES office_packages (sha256),
      path           TEXT NOT NULL,
      sha256         TEXT NOT NULL,
      bytes          INTEGER NOT NULL,
      PRIMARY KEY (package_sha256, path)
    ) STRICT;
  `,
};
