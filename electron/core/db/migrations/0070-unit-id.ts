import type { Migration } from '../migrate';

/**
 * A stable id for the unit a workspace belongs to: packages carry it (`unit.id`), so the 创城办 knows a newer package
 * of the same unit replaces the older one even when the unit's name is written differently. Existing workspaces
 * get a random one here; new ones get theirs when their settings are first written.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'unit-id',
  up: `
    INSERT OR IGNORE INTO settings (key, value)
    SELECT 'unitId', json_quote(lower(hex(randomblob(16)))) WHERE EXISTS (SELECT 1 FROM settings);
  `,
};
