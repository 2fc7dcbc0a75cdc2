import type Database from 'better-sqlite3';
import type { ReviewLevel } from '@shared/domain/signoff';
import type { SignerInfo } from '@shared/ipc/types';
import { AppError } from '@shared/ipc/errors';
import type { SealedKey } from '@shared/schemas/signoff';
import { appendAudit } from '../workspace/audit';

/** A signer's row. */
export interface SignerRow {
  fingerprint: string;
  name: string;
  level: ReviewLevel;
  publicKey: string;
  /** The private key sealed under the 口令; null when the leader keeps it on their own PC. */
  sealed: SealedKey | null;
  createdAt: string;
  retiredAt: string | null;
  failedTries: number;
  lockedUntil: string | null;
}

interface Row {
  fingerprint: string;
  name: string;
  level: ReviewLevel;
  public_key: string;
  sealed_key: string | null;
  created_at: string;
  retired_at: string | null;
  failed_tries: number;
  locked_until: string | null;
}

const fromRow = (r: Row): SignerRow => ({
  fingerprint: r.fingerprint,
  name: r.name,
  level: r.level,
  publicKey: r.public_key,
  sealed: r.sealed_key === null ? null : (JSON.parse(r.sealed_key) as SealedKey),
  createdAt: r.created_at,
  retiredAt: r.retired_at,
  failedTries: r.failed_tries,
  lockedUntil: r.locked_until,
});

/** Every signer, the active ones first, then by when they were added. */
export function listSignerRows(db: Database.Database): SignerRow[] {
  return (db.prepare('SELECT * FROM signers ORDER BY retired_at IS NOT NULL, created_at, rowid').all() as Row[]).map(
    fromRow,
  );
}

/** What the screens and `wangbao signer list` show of a signer (never the sealed key). */
export function signerInfo(s: SignerRow, now: Date): SignerInfo {
  return {
    name: s.name,
    level: s.level,
    fingerprint: s.fingerprint,
    retired: s.retiredAt !== null,
    createdAt: s.createdAt,
    keyHere: s.sealed !== null,
    lockedUntil: s.lockedUntil !== null && Date.parse(s.lockedUntil) > now.getTime() ? s.lockedUntil : null,
  };
}

/**
 * The signer a caller names: by fingerprint, or by name among the active ones (a retired leader's name may return
 * with a new key). `unknown-signer` otherwise.
 */
export function requireSigner(db: Database.Database, who: string): SignerRow {
  const rows = listSignerRows(db);
  const found =
    rows.find((s) => s.fingerprint === who) ?? rows.find((s) => s.retiredAt === null && s.name === who.trim());
  if (!found) throw new AppError('unknown-signer', `没有名为“${who}”的审核人。`, `unknown signer ${who}`);
  return found;
}

/** Adds a signer; an active signer of the same name is refused (the name is how people pick a signer). */
export function insertSigner(
  db: Database.Database,
  s: { name: string; level: ReviewLevel; publicKey: string; fingerprint: string; sealed: SealedKey | null },
  now: Date,
): void {
  db.transaction(() => {
    const taken = db.prepare('SELECT 1 FROM signers WHERE name = ? AND retired_at IS NULL').get(s.name);
    if (taken) throw new AppError('input-refused', `已有名为“${s.name}”的审核人。`, `signer name ${s.name} taken`);
    db.prepare(
      `INSERT INTO signers (fingerprint, name, level, public_key, sealed_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(s.fingerprint, s.name, s.level, s.publicKey, s.sealed ? JSON.stringify(s.sealed) : null, now.toISOString());
    appendAudit(db, now, 'signer.add', { name: s.name, level: s.level, fingerprint: s.fingerprint });
  })();
}

/** Retires a signer: no new reviews by them; their earlier reviews stay valid. */
export function retireSigner(db: Database.Database, fingerprint: string, now: Date): void {
  db.transaction(() => {
    db.prepare('UPDATE signers SET retired_at = ? WHERE fingerprint = ? AND retired_at IS NULL').run(
      now.toISOString(),
      fingerprint,
    );
    appendAudit(db, now, 'signer.retire', { fingerprint });
  })();
}

/** Stores the key sealed under a new 口令. */
export function replaceSealedKey(db: Database.Database, fingerprint: string, sealed: SealedKey, now: Date): void {
  db.transaction(() => {
    db.prepare('UPDATE signers SET sealed_key = ? WHERE fingerprint = ?').run(JSON.stringify(sealed), fingerprint);
    appendAudit(db, now, 'signer.passphrase', { fingerprint });
  })();
}

/** Records the outcome of a 口令 try: a success clears the count; a failure counts and may lock until `lockedUntil`. */
export function recordTry(
  db: Database.Database,
  fingerprint: string,
  outcome: { ok: true } | { ok: false; failedTries: number; lockedUntil: string | null },
): void {
  if (outcome.ok)
    db.prepare('UPDATE signers SET failed_tries = 0, locked_until = NULL WHERE fingerprint = ?').run(fingerprint);
  else
    db.prepare('UPDATE signers SET failed_tries = ?, locked_until = ? WHERE fingerprint = ?').run(
      outcome.failedTries,
      outcome.lockedUntil,
      fingerprint,
    );
}

/** The public keys of every signer, by fingerprint (reviews are checked against them). */
export function publicKeys(
  db: Database.Database,
): Map<string, { name: string; level: ReviewLevel; publicKey: string }> {
  return new Map(
    listSignerRows(db).map((s) => [s.fingerprint, { name: s.name, level: s.level, publicKey: s.publicKey }]),
  );
}
