import { createHash, hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditCriteria } from '@shared/domain/audit-actions';
import { localIsoDate } from '@shared/domain/period';
import type { AuditRow } from '@shared/ipc/types';

const GENESIS = '0'.repeat(64);

/**
 * Appends to the audit log; each row's hash covers the previous row's hash, so a removed or edited row breaks the
 * chain (`verifyAuditChain`). Call inside the transaction that makes the change it records.
 */
export function appendAudit(db: Database.Database, at: Date, action: string, details: unknown): void {
  const prev = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  const prevHash = prev ?? GENESIS;
  const row = { at: at.toISOString(), action, details: JSON.stringify(details) };
  const hash = createHash('sha256').update(`${prevHash}\n${row.at}\n${row.action}\n${row.details}`).digest('hex');
  db.prepare('INSERT INTO audit_log (at, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?)').run(
    row.at,
    row.action,
    row.details,
    prevHash,
    hash,
  );
}

/**
 * The id of the first row whose chain is broken, or null when the whole log is intact. Rows are streamed as arrays
 * and hashed with the one-shot `hash`: at 100,000 rows reading them is most of the time (row objects and
 * `createHash` took twice as long).
 */
export function verifyAuditChain(db: Database.Database): number | null {
  let prevHash = GENESIS;
  const rows = db
    .prepare('SELECT id, at, action, details, prev_hash, hash FROM audit_log ORDER BY id')
    .raw()
    .iterate() as Iterable<[id: number, at: string, action: string, details: string, prev: string, hash: string]>;
  for (const [id, at, action, details, prev, stored] of rows) {
    if (prev !== prevHash || hash('sha256', `${prevHash}\n${at}\n${action}\n${details}`) !== stored) return id;
    prevHash = stored;
  }
  return null;
}

/** The time of the newest row of the log, or null when it is empty. */
export function lastAuditAt(db: Database.Database): string | null {
  return (db.prepare('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
}

/** The log's length and the hash of its last row (the package's `audit`: a continued history or a rewritten one). */
export function auditHead(db: Database.Database): { rows: number; headSha256: string } {
  const rows = db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
  const head = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return { rows, headSha256: head ?? GENESIS };
}

/**
 * The log's rows, newest first, filtered by action, a range of local dates (`YYYY-MM-DD`: the rows store UTC
 * times) and a criterion; at most `limit`, with how many matched.
 */
export function listAudit(
  db: Database.Database,
  filter: {
    action?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    criterion?: string | undefined;
    limit: number;
  },
): { rows: AuditRow[]; total: number } {
  const raw = db
    .prepare(
      `SELECT id, at, action, details FROM audit_log
       WHERE @action IS NULL OR action = @action ORDER BY id DESC`,
    )
    .raw()
    .all({ action: filter.action ?? null }) as [number, string, string, string][];
  const rows: AuditRow[] = [];
  let total = 0;
  for (const [id, at, action, text] of raw) {
    const day = localIsoDate(new Date(at));
    if ((filter.from !== undefined && day < filter.from) || (filter.to !== undefined && day > filter.to)) continue;
    let details: unknown;
    try {
      details = JSON.parse(text);
    } catch {
      details = text; // a row edited by hand: shown as it is (验证记录 says where the chain broke)
    }
    const criteria = auditCriteria(details);
    if (filter.criterion !== undefined && !criteria.includes(filter.criterion)) continue;
    total++;
    if (rows.length < filter.limit) rows.push({ id, at, action, details, criteria });
  }
  return { rows, total };
}
