import type Database from 'better-sqlite3';

/** A hand-out this workspace imported (the `handouts` table; migration 0100). */
export interface HandoutRecord {
  officeId: string;
  officeName: string;
  fingerprint: string;
  publicKey: string;
  sequence: number;
  year: number;
  issuedAt: string;
  unitId: string;
  unitName: string;
  /** SHA-256 of handout.json's bytes. */
  sha256: string;
  /** The RFC 8785 hash of its catalog: what the unit's packages carry as `catalog.sha256`. */
  catalogSha256: string;
  keyChanged: boolean;
  importedAt: string;
}

/** The last hand-out imported, or undefined before any: whose key is on record, the sequence, this unit's id. */
export function lastHandout(db: Database.Database): HandoutRecord | undefined {
  const r = db.prepare('SELECT * FROM handouts ORDER BY id DESC LIMIT 1').get() as
    | {
        office_id: string;
        office_name: string;
        fingerprint: string;
        public_key: string;
        sequence: number;
        year: number;
        issued_at: string;
        unit_id: string;
        unit_name: string;
        sha256: string;
        catalog_sha256: string;
        key_changed: number;
        imported_at: string;
      }
    | undefined;
  return (
    r && {
      officeId: r.office_id,
      officeName: r.office_name,
      fingerprint: r.fingerprint,
      publicKey: r.public_key,
      sequence: r.sequence,
      year: r.year,
      issuedAt: r.issued_at,
      unitId: r.unit_id,
      unitName: r.unit_name,
      sha256: r.sha256,
      catalogSha256: r.catalog_sha256,
      keyChanged: r.key_changed === 1,
      importedAt: r.imported_at,
    }
  );
}

/** Records an imported hand-out (inside the import's transaction). */
export function recordHandout(db: Database.Database, h: HandoutRecord): void {
  db.prepare(
    `INSERT INTO handouts (office_id, office_name, fingerprint, public_key, sequence, year, issued_at, unit_id,
       unit_name, sha256, catalog_sha256, key_changed, imported_at)
     VALUES (@officeId, @officeName, @fingerprint, @publicKey, @sequence, @year, @issuedAt, @unitId, @unitName,
       @sha256, @catalogSha256, @keyChanged, @importedAt)`,
  ).run({ ...h, keyChanged: h.keyChanged ? 1 : 0 });
}
