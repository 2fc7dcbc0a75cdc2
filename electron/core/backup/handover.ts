import type Database from 'better-sqlite3';

/** One statement removing a secret from a hand-over copy, run only when its table exists. */
export interface ScrubStatement {
  /** The table it changes: the statement is skipped while the table does not exist (an older workspace). */
  table: string;
  sql: string;
  /** Why it is a secret the colleague must not receive. */
  why: string;
}

/**
 * What a 移交 (hand-over) backup leaves out: statements run on the backup's copy of the database, never on the live
 * one. The signers' public keys and their reviews stay (the history must verify); their sealed private keys go.
 */
export const HANDOVER_SCRUB: readonly ScrubStatement[] = [
  {
    table: 'signers',
    sql: 'UPDATE signers SET sealed_key = NULL, failed_tries = 0, locked_until = NULL',
    why: 'a leader’s signing key stays with the leader: the colleague taking over must not be able to sign as them',
  },
];

/**
 * Runs the scrub statements whose table exists on a copy of the database, then rebuilds the file (VACUUM, with
 * secure_delete on), so no freed page keeps a removed secret. Returns the tables scrubbed.
 */
export function scrubCopy(copy: Database.Database, scrub: readonly ScrubStatement[]): string[] {
  const exists = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
  const present = scrub.filter((s) => exists.get(s.table) !== undefined);
  if (present.length === 0) return [];
  copy.pragma('secure_delete = ON');
  copy.transaction(() => {
    for (const s of present) copy.exec(s.sql);
  })();
  copy.exec('VACUUM');
  return [...new Set(present.map((s) => s.table))];
}
