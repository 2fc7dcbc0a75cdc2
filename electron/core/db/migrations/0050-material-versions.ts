import type { Migration } from '../migrate';

/**
 * Earlier versions of a material's file: an edit such as 优化图片 makes a new blob and keeps the old one here, so
 * nothing the officer handed in is ever lost and the change can be seen (and undone).
 */
export const migration0050: Migration = {
  version: 50,
  name: 'material-versions',
  up: `
    CREATE TABLE material_versions (
      id          INTEGER PRIMARY KEY,
      material_id TEXT NOT NULL REFERENCES materials(id),
      sha256      TEXT NOT NULL REFERENCES blobs(sha256),
      replaced_at TEXT NOT NULL,
      reason      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX material_versions_material ON material_versions(material_id);
  `,
};
