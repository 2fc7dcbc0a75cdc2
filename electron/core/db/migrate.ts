import type Database from 'better-sqlite3';
import { AppError } from '@shared/ipc/errors';
import { migration0010 } from './migrations/0010-init';
import { migration0020 } from './migrations/0020-materials';
import { migration0030 } from './migrations/0030-search';
import { migration0040 } from './migrations/0040-near-duplicates';
import { migration0050 } from './migrations/0050-material-versions';
import { migration0060 } from './migrations/0060-checker';
import { migration0070 } from './migrations/0070-unit-id';
import { migration0080 } from './migrations/0080-requirement-kinds';
import { migration0090 } from './migrations/0090-signoff';
import { migration0100 } from './migrations/0100-collection';
import { migration0110 } from './migrations/0110-office';

export interface Migration {
  /** The `PRAGMA user_version` after it: the number of its file (`0010-init.ts` → 10). Append-only. */
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}

/** Every migration in order. A new one is a new numbered file appended here; an old one is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
];
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the database to `target` (default: the latest), every pending migration in one transaction: a failure
 * leaves the database as it was. A database newer than this app is refused, never touched.
 */
export function migrate(
  db: Database.Database,
  target = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new AppError(
      'workspace-newer',
      `该工作区由更新版本的网报通创建（数据版本 ${from}），本软件只能打开到版本 ${latest}。请升级网报通后再打开。`,
      `user_version ${from} > latest ${latest}`,
    );
  }
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: pending.at(-1)!.version };
}
