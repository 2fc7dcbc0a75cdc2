import { open } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { AppError } from '@shared/ipc/errors';
import { sqliteError } from '../db/open';
import { hashFile } from '../store/blob-store';
import { scrubCopy, type ScrubStatement } from './handover';

/** A consistent copy of a workspace's database, and what a backup needs to know of it. */
export interface DbSnapshot {
  sha256: string;
  bytes: number;
  schemaVersion: number;
  workspace: { unitId: string; unit: string; year: number };
  /** Live materials (the trash not counted). */
  materials: number;
  /** Every blob a row names (materials, their earlier versions, HEIC originals, the trash): all must be backed up. */
  blobs: { sha256: string; bytes: number }[];
  /** Tables a hand-over scrubbed. */
  scrubbed: string[];
}

/**
 * Copies the live database to `out` through SQLite's online backup API (never a file copy: the live file and its
 * WAL change under a copier), a single self-contained file. On the copy only: the hand-over scrub, an integrity
 * check, and the reads the manifest needs. The copy is synced before its hash is taken.
 */
export async function snapshotDatabase(
  live: Database.Database,
  out: string,
  opts: { scrub: readonly ScrubStatement[] | null; nativeBinding?: string | undefined },
): Promise<DbSnapshot> {
  await live.backup(out).catch((e: unknown) => {
    throw sqliteError(e, out);
  });
  let copy: Database.Database;
  try {
    copy = new Database(out, {
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw sqliteError(e, out);
  }
  let read: Omit<DbSnapshot, 'sha256' | 'bytes'>;
  try {
    // A hand-over's copy is rebuilt in rollback-journal mode, so no WAL file ever holds a removed secret; a backup's
    // copy keeps the header the backup API wrote (switching it costs a checkpoint and two syncs every day). Either
    // way the file alone is the whole database: its connection closes cleanly, leaving no -wal beside it.
    if (opts.scrub) copy.pragma('journal_mode = DELETE');
    const scrubbed = opts.scrub ? scrubCopy(copy, opts.scrub) : [];
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new AppError(
        'workspace-invalid',
        '工作区数据库有损坏，无法备份。请联系技术支持，或从较早的备份恢复。',
        `integrity_check: ${String(integrity)}`,
      );
    const setting = (key: string): unknown => {
      const v = copy.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
      return v === undefined ? undefined : JSON.parse(v);
    };
    const unit = setting('unit') as { name?: string } | undefined;
    read = {
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      workspace: {
        unitId: String(setting('unitId') ?? ''),
        unit: String(unit?.name ?? ''),
        year: Number(setting('year') ?? 0),
      },
      materials: copy.prepare('SELECT COUNT(*) FROM materials WHERE deleted_at IS NULL').pluck().get() as number,
      blobs: copy.prepare('SELECT sha256, bytes FROM blobs ORDER BY sha256').all() as DbSnapshot['blobs'],
      scrubbed,
    };
  } catch (e) {
    throw sqliteError(e, out);
  } finally {
    copy.close();
  }
  const fh = await open(out, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { ...(await hashFile(out)), ...read };
}
