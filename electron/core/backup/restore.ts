import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RestoreResult } from '@shared/ipc/backup-types';
import { AppError } from '@shared/ipc/errors';
import { fsError } from '../fs-errors';
import type { Logger } from '../log';
import { fsyncDir, renameWithRetry } from '../store/blob-store';
import { LOCK_FILE, acquireLock } from '../workspace/lock';
import { damaged } from './manifest';
import { openBackup, readAll, type FileProblem, type Sink } from './read-backup';
import { checkStagedDatabase, materialNames } from './staged-db';
import { checkRestoreTarget } from './targets';

export interface RestoreOptions {
  /** A backup folder's snapshot by id (default: its newest). */
  snapshot?: string | undefined;
  nativeBinding?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  log: Logger;
}

/**
 * Restores a backup into a new folder — never over a workspace, never into a folder holding anything. Every file is
 * written into a hidden staging folder beside the target while its size and SHA-256 are checked against the
 * manifest; then the database is checked (ours, its version, SQLite's integrity check, the audit chain, every blob
 * it names present); only then is the staging folder renamed into place. A damaged backup, a cancel or a failure
 * leaves nothing: no target, no staging folder.
 */
export async function restoreBackup(source: string, target: string, opts: RestoreOptions): Promise<RestoreResult> {
  const dir = await checkRestoreTarget(target);
  const src = await openBackup(source, opts.snapshot);
  const staging = join(dirname(dir), `.${basename(dir)}.restoring-${randomBytes(4).toString('hex')}`);
  let release: (() => void) | null = null;
  try {
    await mkdir(dirname(dir), { recursive: true });
    await removeStaleStaging(dir, opts.log);
    await mkdir(join(staging, 'blobs', 'tmp'), { recursive: true });
    // A restore killed half-way leaves its staging folder; its lock tells the next restore that its owner is gone.
    release = await acquireLock(staging);
    const dirs = new Set<string>([staging, join(staging, 'blobs')]);
    const problems = await readAll(src, {
      open: (path) => fileSink(join(staging, path), dirs),
      onProgress: opts.onProgress,
      signal: opts.signal,
    });
    const hard = problems.filter((p) => !p.thumb);
    if (hard.length > 0) throw damaged(src.path, await describe(hard, staging, opts.nativeBinding));
    for (const p of problems) opts.log.warn(`restore ${src.path}: thumbnail ${p.path} left out: ${p.reason}`);
    const { materials } = checkStagedDatabase(staging, src.manifest, src.path, opts.nativeBinding);
    for (const d of dirs) await fsyncDir(d);
    release();
    release = null;
    await rm(join(staging, LOCK_FILE), { force: true });
    await rmdir(dir).catch(() => undefined); // an empty target folder: replaced by the restored one
    await renameWithRetry(staging, dir);
    await fsyncDir(dirname(dir));
    opts.log.info(`restored ${src.path} (${src.manifest.createdAt}) into ${dir}: ${materials} materials`);
    return {
      workspace: dir,
      materials,
      verified: true,
      kind: src.manifest.kind,
      createdAt: src.manifest.createdAt,
      unit: src.manifest.workspace.unit,
      thumbsSkipped: problems.length,
    };
  } catch (e) {
    release?.();
    await rm(staging, { recursive: true, force: true });
    if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未恢复任何内容。');
    if (e instanceof AppError) throw e;
    throw fsError(e, '恢复备份', dir);
  } finally {
    src.close();
  }
}

/** A new file written chunk by chunk, synced when kept, removed when not. */
async function fileSink(path: string, dirs: Set<string>): Promise<Sink> {
  if (!dirs.has(dirname(path))) {
    await mkdir(dirname(path), { recursive: true });
    dirs.add(dirname(path));
    dirs.add(dirname(dirname(path)));
  }
  const fh = await open(path, 'wx');
  return {
    write: async (chunk) => {
      for (let at = 0; at < chunk.length;) at += (await fh.write(chunk, at, chunk.length - at)).bytesWritten;
    },
    finish: async (ok) => {
      try {
        if (ok) await fh.sync();
      } finally {
        await fh.close();
      }
      if (!ok) await rm(path, { force: true });
    },
  };
}

/** What is damaged, in the message: each file (a blob with the materials it holds) and why, the first ten. */
async function describe(problems: FileProblem[], staging: string, nativeBinding: string | undefined): Promise<string> {
  const names = problems.some((p) => p.path === 'workspace.db')
    ? new Map<string, string>()
    : materialNames(
        staging,
        problems.map((p) => p.path.replace(/^blobs\/(..)\//u, '$1')),
        nativeBinding,
      );
  const lines = problems.slice(0, 10).map((p) => {
    const of = names.get(p.path.replace(/^blobs\/(..)\//u, '$1'));
    return `${p.path}${of ? `（材料：${of}）` : ''}：${p.reason}`;
  });
  if (problems.length > 10) lines.push(`……共 ${problems.length} 个文件有问题`);
  return `${problems.length} 个文件有问题，未恢复任何内容。\n${lines.join('\n')}`;
}

/**
 * Removes staging folders killed restores into the same target left (`.{name}.restoring-{8 hex}`): any whose lock
 * is not held by a live process. (One without a lock was killed between its creation and its lock; were its owner
 * alive after all — two restores into one target at once — it fails cleanly when its folder goes.)
 */
async function removeStaleStaging(dir: string, log: Logger): Promise<void> {
  const prefix = `.${basename(dir)}.restoring-`;
  for (const name of await readdir(dirname(dir)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{8}$/u.test(name.slice(prefix.length))) continue;
    const path = join(dirname(dir), name);
    const release = await acquireLock(path).catch(() => null); // a live restore's lock is refused: left alone
    if (!release) continue;
    release();
    await rm(path, { recursive: true, force: true });
    log.info(`removed ${path}, left by an interrupted restore`);
  }
}
