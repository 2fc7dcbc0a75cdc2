import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BACKUP_FOLDER_FORMAT,
  BACKUP_FOLDER_FORMAT_VERSION,
  BACKUP_FOLDER_MARKER,
  BACKUP_MANIFEST,
  BackupFolderMarker,
  BackupManifest,
} from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { fsyncDir, renameWithRetry } from '../store/blob-store';
import { acquireLock } from '../workspace/lock';

/**
 * A backup folder (BACKUP-FORMAT.md): `blobs/` — every file of every snapshot, named by its SHA-256 and shared by
 * all of them — and `snapshots/<id>/` (database + manifest), with a marker file at the root and a lock while a
 * backup writes. This file holds its layout and housekeeping; write-backup-folder.ts writes a snapshot.
 */
export const SNAPSHOTS = 'snapshots';
const BLOBS = 'blobs';
const LOCK = 'backup.lock';

/** Where the store keeps the file of this SHA-256. */
export function objectPath(store: string, sha256: string): string {
  return join(store, BLOBS, sha256.slice(0, 2), sha256.slice(2));
}

/** A fresh temp path inside the store (same disk: storing it is a rename). */
export function storeTempPath(store: string, name: string): string {
  return join(store, BLOBS, 'tmp', name);
}

/** A snapshot as found in a backup folder; `manifest` null when it cannot be read (damaged). */
export interface FoundSnapshot {
  id: string;
  dir: string;
  manifest: BackupManifest | null;
}

/**
 * Parsed manifests by path, with the size and time of the file parsed: a snapshot's manifest is written once and
 * never changed, so the daily backup does not parse (and validate) every kept manifest again.
 */
const parsed = new Map<string, { size: number; mtimeMs: number; manifest: BackupManifest | null }>();

/** The folder's snapshots, newest first (ids start with their UTC time). Unfinished ones (hidden) are not listed. */
export async function listSnapshots(store: string): Promise<FoundSnapshot[]> {
  const root = join(store, SNAPSHOTS);
  const names = (await readdir(root).catch(() => [] as string[]))
    .filter((n) => !n.startsWith('.'))
    .sort()
    .reverse();
  return Promise.all(
    names.map(async (id) => {
      const dir = join(root, id);
      const path = join(dir, BACKUP_MANIFEST);
      const info = await stat(path).catch(() => null);
      if (!info) return { id, dir, manifest: null };
      const cached = parsed.get(path);
      if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs)
        return { id, dir, manifest: cached.manifest };
      const raw = await readFile(path, 'utf8').catch(() => null);
      const manifest = raw === null ? null : parseQuietly(raw);
      parsed.set(path, { size: info.size, mtimeMs: info.mtimeMs, manifest });
      return { id, dir, manifest };
    }),
  );
}

function parseQuietly(raw: string): BackupManifest | null {
  try {
    return BackupManifest.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Creates a backup folder's layout and marker (the folder may exist, empty). */
export async function initFolder(store: string, now: Date): Promise<void> {
  await mkdir(join(store, BLOBS, 'tmp'), { recursive: true });
  await mkdir(join(store, SNAPSHOTS), { recursive: true });
  await writeMarker(store, {
    format: BACKUP_FOLDER_FORMAT,
    formatVersion: BACKUP_FOLDER_FORMAT_VERSION,
    createdAt: now.toISOString(),
    lastFullCheck: null,
  });
}

export async function readMarker(store: string): Promise<BackupFolderMarker> {
  const raw = await readFile(join(store, BACKUP_FOLDER_MARKER), 'utf8');
  const parsed = BackupFolderMarker.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new AppError('input-refused', `备份文件夹的标记文件已损坏：${store}`, parsed.error.message);
  if (parsed.data.formatVersion > BACKUP_FOLDER_FORMAT_VERSION)
    throw new AppError(
      'workspace-newer',
      `这个备份文件夹由更新版本的网报通使用，本软件不能向其中写入。请升级网报通，或换一个备份文件夹。`,
      `${store}: folder format ${parsed.data.formatVersion}`,
    );
  return parsed.data;
}

/** The marker, written whole (temp file, sync, rename, folder sync). */
export async function writeMarker(store: string, marker: BackupFolderMarker): Promise<void> {
  const tmp = storeTempPath(store, `marker-${process.pid}-${Date.now()}`);
  try {
    await writeSynced(tmp, Buffer.from(`${JSON.stringify(marker, null, 1)}\n`));
    await renameWithRetry(tmp, join(store, BACKUP_FOLDER_MARKER));
    await fsyncDir(store);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Backups of one process to one folder run one after another (the scheduler's and the user's). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` as the folder's only writer: after this process's earlier work on it, and under the folder's
 * `backup.lock` against other processes (a live holder is refused with a message; a dead one's lock is taken over).
 */
export async function withFolderLock<T>(store: string, now: Date, work: () => Promise<T>): Promise<T> {
  const before = queues.get(store) ?? Promise.resolve();
  const run = before.then(async () => {
    const release = await acquireLock(store, now, LOCK).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'workspace-locked')
        throw new AppError(
          'workspace-locked',
          '备份文件夹正被另一个网报通窗口或命令使用（正在备份）。请等它完成后再试。',
          e.details,
        );
      throw e;
    });
    try {
      return await work();
    } finally {
      release();
    }
  });
  const settled = run.catch(() => undefined);
  queues.set(store, settled);
  try {
    return await run;
  } finally {
    if (queues.get(store) === settled) queues.delete(store);
  }
}

/** Removes what killed backups left: unfinished snapshots, snapshots half deleted, temp files. Under the lock. */
export async function sweepFolder(store: string): Promise<number> {
  let removed = 0;
  const root = join(store, SNAPSHOTS);
  for (const name of await readdir(root).catch(() => [] as string[]))
    if (name.startsWith('.')) {
      await rm(join(root, name), { recursive: true, force: true });
      removed++;
    }
  for (const name of await readdir(join(store, BLOBS, 'tmp')).catch(() => [] as string[])) {
    await rm(join(store, BLOBS, 'tmp', name), { force: true });
    removed++;
  }
  return removed;
}

/** Deletes a snapshot: renamed hidden first (gone from listings at once), then removed. */
export async function deleteSnapshot(store: string, id: string): Promise<void> {
  const hidden = join(store, SNAPSHOTS, `.${id}.deleting`);
  await rename(join(store, SNAPSHOTS, id), hidden);
  await rm(hidden, { recursive: true, force: true });
}

/**
 * Removes the store's files that no snapshot names any more: among `candidates` (the files of snapshots just
 * deleted), or, with `candidates` null, every file of the store (after a killed backup, and weekly). Skipped (null)
 * when a snapshot's manifest cannot be read: what it names is unknown, and removing it could ruin a good backup.
 */
export async function collectGarbage(
  store: string,
  candidates: Set<string> | null,
): Promise<{ removed: number; bytes: number } | null> {
  const snaps = await listSnapshots(store);
  if (snaps.some((s) => s.manifest === null)) return null;
  const named = new Set(snaps.flatMap((s) => s.manifest!.files.map((f) => f.sha256)));
  let removed = 0;
  let bytes = 0;
  for (const sha of candidates ?? (await storedObjects(store))) {
    if (named.has(sha)) continue;
    const path = objectPath(store, sha);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    bytes += info.size;
    await rm(path, { force: true });
    removed++;
  }
  return { removed, bytes };
}

/** Runs `fn` over `items`, at most `limit` at a time, in order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The SHA-256 of every file in the store. */
export async function storedObjects(store: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(join(store, BLOBS)).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/u.test(d)) continue;
    for (const rest of await readdir(join(store, BLOBS, d))) if (/^[0-9a-f]{62}$/u.test(rest)) out.push(d + rest);
  }
  return out;
}

/** Writes a small file whole and synced (a snapshot's manifest). */
export async function writeSynced(path: string, bytes: Buffer): Promise<void> {
  await writeFile(path, bytes, { flush: true });
}
