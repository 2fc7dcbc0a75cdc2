import type Database from 'better-sqlite3';

/** One of the hand-out's assignments of this unit (HANDOUT-FORMAT.md `assignments`), its code normalised. */
export interface UnitAssignment {
  criterionCode: string;
  role: 'lead' | 'responsible';
}

/** An attachment (附件/…) of a hand-out, kept as a blob and copied under `handouts/<sequence>/`. */
export interface HandoutAttachment {
  /** As the hand-out lists it (`附件/…`). */
  path: string;
  sha256: string;
  bytes: number;
}

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
  /** SHA-256 of handout.json's bytes (kept verbatim as the blob of that name). */
  sha256: string;
  /** The RFC 8785 hash of its catalog: what the unit's packages carry as `catalog.sha256`. */
  catalogSha256: string;
  keyChanged: boolean;
  importedAt: string;
  /** handout.sig as received. */
  signature: string;
  /** This unit's assignments: the automatic scope while this hand-out is the last one. */
  assignments: UnitAssignment[];
  attachments: HandoutAttachment[];
}

interface Raw {
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
  signature: string;
  assignments: string;
  attachments: string;
}

/** The last hand-out imported, or undefined before any: whose key is on record, the sequence, this unit's id. */
export function lastHandout(db: Database.Database): HandoutRecord | undefined {
  const r = db.prepare('SELECT * FROM handouts ORDER BY id DESC LIMIT 1').get() as Raw | undefined;
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
      signature: r.signature,
      assignments: JSON.parse(r.assignments) as UnitAssignment[],
      attachments: JSON.parse(r.attachments) as HandoutAttachment[],
    }
  );
}

/** Records an imported hand-out (inside the import's transaction). */
export function recordHandout(db: Database.Database, h: HandoutRecord): void {
  db.prepare(
    `INSERT INTO handouts (office_id, office_name, fingerprint, public_key, sequence, year, issued_at, unit_id,
       unit_name, sha256, catalog_sha256, key_changed, imported_at, signature, assignments, attachments)
     VALUES (@officeId, @officeName, @fingerprint, @publicKey, @sequence, @year, @issuedAt, @unitId, @unitName,
       @sha256, @catalogSha256, @keyChanged, @importedAt, @signature, @assignments, @attachments)`,
  ).run({
    ...h,
    keyChanged: h.keyChanged ? 1 : 0,
    assignments: JSON.stringify(h.assignments),
    attachments: JSON.stringify(h.attachments),
  });
}
