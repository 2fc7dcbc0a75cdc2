import type Database from 'better-sqlite3';

/**
 * The `reminder_marks` table (migration 0100): which reminders were dismissed or notified on which local day, so
 * none repeats more than once a day.
 */

/** The keys dismissed on `day`. */
export function dismissedOn(db: Database.Database, day: string): Set<string> {
  return new Set(
    db.prepare("SELECT key FROM reminder_marks WHERE day = ? AND what = 'dismissed'").pluck().all(day) as string[],
  );
}

/**
 * The keys already notified on `day` or on any later day: a clock that jumps back (a wrong date corrected, a laptop
 * whose battery died) never brings back a notification already shown.
 */
export function notifiedSince(db: Database.Database, day: string): Set<string> {
  return new Set(
    db.prepare("SELECT key FROM reminder_marks WHERE day >= ? AND what = 'notified'").pluck().all(day) as string[],
  );
}

/** Records marks for `day` (an existing one stays as it is). */
export function mark(db: Database.Database, day: string, keys: string[], what: 'dismissed' | 'notified'): number {
  const add = db.prepare('INSERT OR IGNORE INTO reminder_marks (day, key, what) VALUES (?, ?, ?)');
  return db.transaction(() => keys.reduce((n, k) => n + add.run(day, k, what).changes, 0))();
}
