import type { Migration } from '../migrate';

/**
 * 月收集 (HANDOUT-FORMAT.md): the 创城办's hand-outs this workspace imported, the 要账 (requests) it holds — the
 * office's and the unit's own —, the key dates (事前预告) that feed reminders, and which reminders were dismissed or
 * notified on which day (none repeats more than once a day).
 *
 * - `handouts`: one row per imported hand-out, newest last. The last row says whose key is on record (a hand-out
 *   signed with another is refused until accepted), the last sequence (a lower one is refused), and which of the
 *   hand-out's units this workspace is (remembered once the officer chose it). `assignments` is this unit's share of
 *   the hand-out's assignments: while a hand-out is on record the automatic scope comes from it, so a later catalog
 *   file or a renamed unit does not undo the office's word. handout.json itself is kept verbatim as the blob named
 *   by `sha256`, and each attachment (附件) as a blob too, so a backup carries them.
 * - `requests`: `source` office rows are upserted by the hand-out's `id`; unit rows get a UUID. A request is met by
 *   its materials (counted, never stored) or, for a free-text one, by hand (`met_by_hand`); closing (销号) is by hand
 *   with a note or by the office's `closed` list. Never deleted: a closed request stays in the history.
 * - `key_dates`: the office's are replaced by each hand-out (it carries the whole list); the unit's own stay.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'collection',
  up: `
    CREATE TABLE handouts (
      id             INTEGER PRIMARY KEY,
      office_id      TEXT NOT NULL,
      office_name    TEXT NOT NULL,
      fingerprint    TEXT NOT NULL,      -- hex SHA-256 of the office key's SPKI DER
      public_key     TEXT NOT NULL,      -- base64 SPKI DER
      sequence       INTEGER NOT NULL,
      year           INTEGER NOT NULL,
      issued_at      TEXT NOT NULL,
      unit_id        TEXT NOT NULL,      -- the hand-out's id of this unit
      unit_name      TEXT NOT NULL,
      sha256         TEXT NOT NULL,      -- of handout.json's bytes
      catalog_sha256 TEXT NOT NULL,      -- RFC 8785 hash of its catalog (the packages' catalog.sha256)
      key_changed    INTEGER NOT NULL DEFAULT 0 CHECK (key_changed IN (0, 1)),  -- imported with a new key accepted
      imported_at    TEXT NOT NULL,
      signature      TEXT NOT NULL,      -- handout.sig as received (its bytes, UTF-8)
      assignments    TEXT NOT NULL DEFAULT '[]',  -- JSON [{criterionCode, role}]: this unit's, codes normalised
      attachments    TEXT NOT NULL DEFAULT '[]'   -- JSON [{path, sha256, bytes}]: 附件/…, each a blob
    ) STRICT;
    CREATE TABLE requests (
      id             TEXT PRIMARY KEY,
      source         TEXT NOT NULL CHECK (source IN ('unit', 'office')),
      criterion_code TEXT NOT NULL,
      month          TEXT NOT NULL,      -- YYYY-MM, the collection month it asks for
      text           TEXT,
      kind           TEXT,               -- a material kind, or NULL: any kind
      min            INTEGER CHECK (min IS NULL OR min >= 1),
      assignee       TEXT,               -- 科室 / person
      phone          TEXT,
      due            TEXT NOT NULL,      -- YYYY-MM-DD
      met_by_hand    INTEGER NOT NULL DEFAULT 0 CHECK (met_by_hand IN (0, 1)),
      closed_at      TEXT,
      closed_by      TEXT CHECK (closed_by IS NULL OR closed_by IN ('unit', 'office')),
      note           TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX requests_by_month ON requests (month, criterion_code);
    CREATE TABLE key_dates (
      id              INTEGER PRIMARY KEY,
      source          TEXT NOT NULL CHECK (source IN ('unit', 'office')),
      date            TEXT NOT NULL,     -- YYYY-MM-DD
      title           TEXT NOT NULL,
      criterion_codes TEXT NOT NULL,     -- JSON array
      note            TEXT
    ) STRICT;
    CREATE INDEX key_dates_by_date ON key_dates (date);
    CREATE TABLE reminder_marks (
      day  TEXT NOT NULL,                -- the local day it applies to
      key  TEXT NOT NULL,                -- the reminder's key (type, date and what it is about)
      what TEXT NOT NULL CHECK (what IN ('dismissed', 'notified')),
      PRIMARY KEY (day, key, what)
    ) STRICT, WITHOUT ROWID;
  `,
};
