import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { BackupResult } from '@shared/ipc/backup-types';
import { BACKUP_DATABASE, BACKUP_MANIFEST, type BackupFile } from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { fsError } from '../fs-errors';
import { createFile, fsyncDir, hashingTap, renameWithRetry } from '../store/blob-store';
import type { Workspace } from '../workspace/workspace';
import { damagedInWorkspace, type BackupOptions } from './backup-options';
import { manifestBytes } from './manifest';
import { openBackup, readAll } from './read-backup';
import { snapshotDatabase } from './snapshot-db';
import { checkBackupFileTarget } from './targets';
import { removePartials } from '../workspace/write-targets';
import { workspaceFiles } from './workspace-files';

/**
 * Writes a one-file backup (`.wbbak`, BACKUP-FORMAT.md) as a package is written: a zip streamed under a temporary
 * name beside the target — the database copy (online backup API), every blob and thumbnail, the manifest last with
 * every file's SHA-256 taken as it was read — synced, renamed into place, then read back and verified in full. A
 * cancelled, failed or unverifiable backup leaves nothing behind.
 */
export async function writeBackupFile(ws: Workspace, requested: string, opts: BackupOptions): Promise<BackupResult> {
  const target = await checkBackupFileTarget(requested);
  const base = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}`);
  const tmp = `${base}.partial`;
  const dbCopy = `${base}.db.partial`;
  const createdAt = opts.now.toISOString();
  const cleanUp = (): Promise<unknown> =>
    Promise.all([tmp, dbCopy, `${dbCopy}-journal`].map((p) => rm(p, { force: true })));
  let file: Awaited<ReturnType<typeof createFile>> | undefined;
  try {
    file = await createFile(tmp);
    if (opts.holdsLock) {
      const removed = await removePartials(target, base);
      if (removed > 0) opts.log.info(`removed ${removed} partial files of interrupted backups to ${target}`);
    }
    const snap = await snapshotDatabase(ws.db, dbCopy, { scrub: opts.scrub, nativeBinding: opts.nativeBinding });
    const files = await workspaceFiles(ws, snap);
    const total = files.length + 2;
    let done = 0;
    const entryDone = (): void => opts.onProgress?.(++done, total);
    const zip = new yazl.ZipFile();
    zip.on('error', (e: Error) => file!.sink.destroy(e));
    const mtime = opts.now;
    zip.addReadStreamLazy(BACKUP_DATABASE, { mtime, compress: true, size: snap.bytes }, (cb) => {
      const s = createReadStream(dbCopy, { highWaterMark: 1 << 20 });
      s.on('error', (e) => zip.emit('error', e));
      s.on('end', entryDone);
      cb(null, s);
    });
    const listed: BackupFile[] = [];
    // One file at a time, as the zip reaches it, hashed as it streams: a blob whose bytes are not its name is a
    // damaged workspace, said as such (the backup would only copy the damage).
    for (const f of files)
      zip.addReadStreamLazy(f.path, { mtime, compress: false, size: f.bytes }, (cb) => {
        if (opts.signal?.aborted) return cb(new Error('cancelled'), undefined as never);
        const tap = hashingTap();
        const s = createReadStream(f.src, { highWaterMark: 1 << 20 });
        s.on('error', (e) => zip.emit('error', e));
        tap.stream.on('end', () => {
          const { sha256 } = tap.result();
          if (f.sha256 !== null && sha256 !== f.sha256) return void zip.emit('error', damagedInWorkspace(f.path));
          listed.push({ path: f.path, sha256, bytes: f.bytes });
          entryDone();
        });
        cb(null, s.pipe(tap.stream));
      });
    let manifest: ReturnType<typeof manifestBytes> | undefined;
    zip.addReadStreamLazy(BACKUP_MANIFEST, { mtime, compress: true }, (cb) => {
      manifest = manifestBytes({
        snap,
        files: listed.sort((a, b) => a.path.localeCompare(b.path)),
        createdAt,
        appVersion: opts.appVersion,
        workspaceDir: ws.dir,
        handoverTo: opts.handoverTo,
      });
      entryDone();
      cb(null, Readable.from([manifest.bytes]));
    });
    zip.end();
    const tap = hashingTap();
    await pipeline(zip.outputStream, tap.stream, file.sink, { signal: opts.signal });
    await renameWithRetry(tmp, target);
    await fsyncDir(dirname(target));
    await rm(dbCopy, { force: true });
    const { sha256, bytes } = tap.result();
    await verifyWritten(target);
    opts.log.info(
      `backup ${target}: ${bytes} bytes, ${snap.blobs.length} blobs, ${files.length - snap.blobs.length} thumbnails`,
    );
    return {
      path: target,
      bytes,
      blobs: snap.blobs.length,
      blobsCopied: snap.blobs.length,
      sha256,
      kind: manifest!.manifest.kind,
      createdAt,
      folder: null,
    };
  } catch (e) {
    if (file) await file.discard();
    await cleanUp();
    if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未生成备份。');
    if (e instanceof AppError) throw e;
    throw fsError(e, '写入备份', target);
  }
}

/** Reads a written `.wbbak` back in full; one that does not read as written is removed and the backup fails. */
async function verifyWritten(target: string): Promise<void> {
  let problems: { path: string; reason: string }[];
  try {
    const src = await openBackup(target);
    try {
      problems = await readAll(src);
    } finally {
      src.close();
    }
  } catch (e) {
    problems = [{ path: target, reason: (e as Error).message }];
  }
  if (problems.length > 0) {
    await rm(target, { force: true });
    throw new AppError(
      'io',
      '备份写入后校验未通过，已删除。请检查磁盘空间或换一个保存位置后重试。',
      JSON.stringify(problems),
    );
  }
}
