import type { Migration } from '../migrate';

/** Evidence: the facts read from each blob, and the materials that attach blobs to criteria. */
export const migration0020: Migration = {
  version: 20,
  name: 'materials',
  up: `
    -- What intake read from a blob's bytes; one row per blob, shared by every material using it.
    CREATE TABLE blob_facts (
      sha256    TEXT PRIMARY KEY REFERENCES blobs(sha256),
      mime      TEXT NOT NULL,
      width     INTEGER,              -- upright, after EXIF orientation
      height    INTEGER,
      exif_date TEXT,                 -- local ISO YYYY-MM-DDTHH:mm:ss
      phash     TEXT,                 -- 16 hex digits, for near-duplicate search
      facts     TEXT NOT NULL         -- JSON: every fact, named as in the CLI's "facts"
    ) STRICT;
    CREATE INDEX blob_facts_phash ON blob_facts(phash) WHERE phash IS NOT NULL;

    CREATE TABLE materials (
      id            TEXT PRIMARY KEY,
      criterion_id  INTEGER NOT NULL REFERENCES criteria(id),
      sha256        TEXT NOT NULL REFERENCES blobs(sha256),
      kind          TEXT NOT NULL,
      title         TEXT NOT NULL,
      caption       TEXT,             -- JSON {text, date, place, people, subject, reason}
      event_date    TEXT,             -- YYYY-MM-DD
      month         TEXT NOT NULL,    -- YYYY-MM, the collection month it counts for
      file_name     TEXT NOT NULL,
      source_sha256 TEXT REFERENCES blobs(sha256),  -- the original a converted material came from (HEIC → JPEG)
      position      INTEGER NOT NULL,
      created_at    TEXT NOT NULL,
      deleted_at    TEXT              -- in the trash (undo) when set
    ) STRICT;
    CREATE INDEX materials_criterion ON materials(criterion_id, deleted_at, position);
    CREATE INDEX materials_sha256 ON materials(sha256);
  `,
};
