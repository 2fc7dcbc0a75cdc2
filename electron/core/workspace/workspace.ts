import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { DEFAULT_COLLECTION_DAY } from '@shared/domain/collection';
import type { Period } from '@shared/domain/period';
import type { ScopeUnit } from '@shared/domain/scope';
import { guessUnitKind, type UnitKind } from '@shared/domain/unit-kind';
import { AppError } from '@shared/ipc/errors';
import { LATEST_VERSION } from '../db/migrate';
import { openDatabase } from '../db/open';
import { fsError } from '../fs-errors';
import { BlobStore, renameWithRetry } from '../store/blob-store';
import { appendAudit } from './audit';
import { acquireLock } from './lock';

export const DB_FILE = 'workspace.db';

export interface WorkspaceSettings {
  /** `kind` (市直单位, 区县…) decides which collective 责任单位 reach the unit; guessed from the name until set. */
  unit: { name: string; aliases: string[]; kind: UnitKind };
  /** The unit's stable id in packages (migration 0070 gives older workspaces one). */
  unitId: string;
  year: number;
  period: Period;
  createdAt: string;
  createdBy: string;
  /**
   * 联系人 and 联系电话 printed on the package's documents (目录, 签批单, 台账). Optional: workspaces made before
   * they existed have none, and the documents then leave a line to write on.
   */
  contact?: Contact;
  /**
   * The day of the month the 创城办 collects the month before (月收集; HANDOUT-FORMAT.md `collectionDay`, set by a
   * hand-out or in 设置). Optional: absent means `DEFAULT_COLLECTION_DAY`; read it with `collectionDayOf`.
   */
  collectionDay?: number;
  /** `office`: a 创城办's workspace (issue 17, electron/core/campaign); absent: a unit's. */
  mode?: 'unit' | 'office';
}

/** The workspace's collection day (the 5th unless a hand-out or the officer said otherwise). */
export function collectionDayOf(s: WorkspaceSettings): number {
  return s.collectionDay ?? DEFAULT_COLLECTION_DAY;
}

export interface Contact {
  name: string;
  phone: string;
}

export interface OpenOpts {
  nativeBinding?: string | undefined;
  /**
   * `write` (the default: the app, and every CLI command that changes something) takes the workspace's lock — one
   * writer at a time — and sweeps leftovers. `read` (CLI commands that only read) takes no lock and sweeps nothing,
   * so it never disturbs a writer; it opens the database read-only, unless it must first be upgraded (a write).
   */
  access?: 'write' | 'read';
}

/** What the start-up sweep of a writer found and removed. */
export interface SweepReport {
  tmpRemoved: number;
  orphansRemoved: number;
  bytesReclaimed: number;
}

/**
 * A workspace is one folder: `workspace.db` + `blobs/` (+ `thumbs/` later). It can be moved or backed up as a
 * folder. Create builds it in a temp folder beside the target and renames it into place, so a failure or crash
 * never leaves a half-made workspace.
 */
export class Workspace {
  private constructor(
    readonly dir: string,
    readonly db: Database.Database,
    readonly store: BlobStore,
    /** Releases the writer's lock; null for a read-only open. */
    private readonly release: (() => void) | null,
    /** What opening swept (null for a read-only open). */
    readonly swept: SweepReport | null,
  ) {}

  /** Whether this open may change the workspace (it holds the lock). */
  get writable(): boolean {
    return this.release !== null;
  }

  static async create(dir: string, settings: WorkspaceSettings, opts: OpenOpts = {}): Promise<Workspace> {
    await assertCanCreate(dir);
    const staging = join(dirname(dir), `.${basename(dir)}.creating-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(join(staging, 'blobs', 'tmp'), { recursive: true });
      const db = openDatabase(join(staging, DB_FILE), { create: true, nativeBinding: opts.nativeBinding });
      try {
        db.transaction(() => {
          writeSettings(db, settings);
          appendAudit(db, new Date(settings.createdAt), 'workspace.create', {
            unit: settings.unit.name,
            year: settings.year,
          });
        })();
      } finally {
        db.close();
      }
      await rmdir(dir).catch(() => undefined);
      await renameWithRetry(staging, dir);
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      throw fsError(e, '创建工作区', dir);
    }
    return Workspace.open(dir, opts);
  }

  static async open(dir: string, opts: OpenOpts = {}): Promise<Workspace> {
    const dbFile = await assertIsWorkspace(dir);
    const store = new BlobStore(join(dir, 'blobs'));
    if (opts.access === 'read') {
      const db = openDatabase(dbFile, { create: false, readonly: true, nativeBinding: opts.nativeBinding });
      if (db.pragma('user_version', { simple: true }) === LATEST_VERSION) {
        try {
          readSettings(db);
        } catch (e) {
          db.close();
          throw e;
        }
        return new Workspace(dir, db, store, null, null);
      }
      db.close(); // it must be upgraded first: that is a write
    }
    const release = await acquireLock(dir).catch((e: unknown) => {
      throw fsError(e, '打开工作区', dir);
    });
    let db: Database.Database | undefined;
    try {
      db = openDatabase(dbFile, { create: false, nativeBinding: opts.nativeBinding });
      await store.init();
      readSettings(db);
      const known = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck();
      // Only under the lock: another writer's files in blobs/tmp are never touched.
      const swept = await store.sweep((sha) => known.get(sha) !== undefined, new Date());
      return new Workspace(dir, db, store, release, swept);
    } catch (e) {
      db?.close();
      release();
      throw fsError(e, '打开工作区', dir);
    }
  }

  settings(): WorkspaceSettings {
    return readSettings(this.db);
  }

  /** Changes unit, aliases, year, period, contact or collection day; `also` runs in the same transaction (e.g. re-deriving `mine`). */
  updateSettings(
    patch: Partial<Pick<WorkspaceSettings, 'unit' | 'year' | 'period' | 'contact' | 'collectionDay'>>,
    now: Date,
    also?: () => void,
  ): WorkspaceSettings {
    const next = { ...this.settings(), ...patch };
    this.db.transaction(() => {
      writeSettings(this.db, next);
      appendAudit(this.db, now, 'workspace.settings', patch);
      also?.();
    })();
    return next;
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.release?.();
  }
}

/** The folder must exist and hold a workspace database; returns the database's path. */
async function assertIsWorkspace(dir: string): Promise<string> {
  const info = await stat(dir).catch((e: unknown) => {
    throw fsError(e, '打开工作区', dir);
  });
  if (!info.isDirectory())
    throw new AppError('workspace-invalid', `这不是一个文件夹：${dir}`, `not a directory: ${dir}`);
  const dbFile = join(dir, DB_FILE);
  const isFile = await stat(dbFile).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile)
    throw new AppError('workspace-invalid', `该文件夹不是网报通工作区（缺少 ${DB_FILE}）：${dir}`, `no ${dbFile}`);
  return dbFile;
}

/** The target must not exist yet, or be an empty folder (so nothing of the user's is mixed in or overwritten). */
async function assertCanCreate(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw fsError(e, '创建工作区', dir);
  });
  if (entries.includes(DB_FILE))
    throw new AppError(
      'workspace-exists',
      `这里已经有一个工作区：${dir}。请直接打开它，或换一个文件夹。`,
      `exists: ${dir}`,
    );
  if (entries.length > 0)
    throw new AppError(
      'workspace-exists',
      `文件夹不是空的：${dir}。请选择一个空文件夹或新文件夹名。`,
      `not empty: ${dir}`,
    );
  await mkdir(dirname(dir), { recursive: true }).catch((e: unknown) => {
    throw fsError(e, '创建工作区', dir);
  });
}

function writeSettings(db: Database.Database, s: WorkspaceSettings): void {
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  for (const [k, v] of Object.entries(s)) put.run(k, JSON.stringify(v));
}

function readSettings(db: Database.Database): WorkspaceSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const s = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])) as Partial<WorkspaceSettings>;
  if (!s.unit || !s.year || !s.period)
    throw new AppError(
      'workspace-invalid',
      '工作区设置不完整，可能已损坏。请从备份恢复。',
      `settings: ${JSON.stringify(s)}`,
    );
  // Workspaces made before unit kinds existed: the guess from the name, until the officer sets one in 设置.
  s.unit.kind ??= guessUnitKind(s.unit.name);
  return s as WorkspaceSettings;
}

/** The unit as the scope preselection sees it (shared/domain/scope.ts). */
export function scopeUnitOf(s: WorkspaceSettings): ScopeUnit {
  return { names: [s.unit.name, ...s.unit.aliases], kind: s.unit.kind };
}
