import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type yauzl from 'yauzl';
import {
  BACKUP_DATABASE,
  BACKUP_FOLDER_MARKER,
  BACKUP_MANIFEST,
  type BackupManifest,
} from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { unreadableDetail } from '../package/zip-errors';
import { openZip, readEntries, readEntryChecked, streamEntry, type ZipEntryInfo } from '../package/zip-reader';
import { damaged, parseManifest } from './manifest';
import { listSnapshots, objectPath } from './folder-store';

/** A read of one file of a backup: its SHA-256 and size, or why it could not be read. */
export type FileRead = { ok: true; sha256: string; bytes: number } | { ok: false; reason: string };

/** A backup opened for reading: a `.wbbak`, or one snapshot of a backup folder. */
export interface BackupSource {
  kind: 'file' | 'folder';
  /** The `.wbbak`, or the snapshot's folder. */
  path: string;
  manifest: BackupManifest;
  /** Streams a listed file (the database or one of `files`) to `onChunk`, hashing what it reads. Never rejects for
   * damage (only when `onChunk` fails). */
  read(path: string, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<FileRead>;
  close(): void;
}

/** What is wrong with one file of a backup. */
export interface FileProblem {
  path: string;
  reason: string;
  /** A thumbnail: derived data, left out of a restore rather than refusing it. */
  thumb: boolean;
}

const MISSING = '备份中缺少这个文件';

/**
 * Opens a backup: a `.wbbak` file, a backup folder (its newest snapshot, or `snapshot` by id) or one snapshot's
 * folder inside a backup folder. The manifest is read and validated here; the files are read by `readAll`.
 */
export async function openBackup(path: string, snapshot?: string): Promise<BackupSource> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('io', `找不到备份：${path}。`, `${path}: ${e.code ?? String(e)}`);
  });
  if (info.isDirectory()) return openSnapshot(await snapshotDir(path, snapshot));
  return openBackupFile(path);
}

/** The snapshot folder a path names: a backup folder's newest (or the one named), or a snapshot's own folder. */
async function snapshotDir(path: string, id: string | undefined): Promise<string> {
  const isFolder = (dir: string): Promise<boolean> =>
    stat(join(dir, BACKUP_FOLDER_MARKER)).then(
      () => true,
      () => false,
    );
  if (await isFolder(path)) {
    const all = await listSnapshots(path);
    if (id !== undefined) {
      const s = all.find((x) => x.id === id);
      if (!s) throw new AppError('input-refused', `备份文件夹中没有这个备份：${id}`, `${path}: no snapshot ${id}`);
      return s.dir;
    }
    const newest = all[0];
    if (!newest) throw new AppError('input-refused', `备份文件夹中还没有任何备份：${path}`, `${path}: no snapshots`);
    return newest.dir;
  }
  if (basename(dirname(path)) === 'snapshots' && (await isFolder(dirname(dirname(path))))) return path;
  throw new AppError(
    'input-refused',
    `这个文件夹不是网报通的备份文件夹（缺少 ${BACKUP_FOLDER_MARKER}）：${path}`,
    `${path}: not a backup folder`,
  );
}

async function openSnapshot(dir: string): Promise<BackupSource> {
  const store = dirname(dirname(dir));
  const bytes = await readFile(join(dir, BACKUP_MANIFEST)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw damaged(dir, `缺少 ${BACKUP_MANIFEST}`);
    throw new AppError('io', `无法读取备份：${dir}。`, `${dir}: ${e.code ?? String(e)}`);
  });
  const manifest = parseManifest(bytes, dir);
  const shaOf = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  return {
    kind: 'folder',
    path: dir,
    manifest,
    read: (path, onChunk) => {
      if (path === BACKUP_DATABASE) return readPlain(join(dir, BACKUP_DATABASE), onChunk);
      const sha = shaOf.get(path);
      return sha ? readPlain(objectPath(store, sha), onChunk) : Promise.resolve({ ok: false, reason: MISSING });
    },
    close: () => undefined,
  };
}

async function readPlain(file: string, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<FileRead> {
  const hash = createHash('sha256');
  let bytes = 0;
  let sinkFailed = false;
  try {
    for await (const c of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(c);
      bytes += c.length;
      try {
        await onChunk(c);
      } catch (e) {
        sinkFailed = true;
        throw e;
      }
    }
  } catch (e) {
    if (sinkFailed) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? MISSING : `无法读取（${code ?? String(e)}）` };
  }
  return { ok: true, sha256: hash.digest('hex'), bytes };
}

async function openBackupFile(file: string): Promise<BackupSource> {
  let zip: yauzl.ZipFile;
  try {
    ({ zip } = await openZip(file));
  } catch (e) {
    const why = unreadableDetail(e) || '（无法作为备份文件打开）';
    throw damaged(file, `文件不完整或不是网报通备份${why}`);
  }
  try {
    const entries = new Map<string, ZipEntryInfo>();
    for (const e of await readEntries(zip)) {
      if (entries.has(e.name)) throw damaged(file, `文件名重复：${e.name}`);
      entries.set(e.name, e);
    }
    const m = entries.get(BACKUP_MANIFEST);
    if (!m) throw damaged(file, `缺少 ${BACKUP_MANIFEST}（备份的清单）`);
    const read = await readEntryChecked(zip, m, 256 * 2 ** 20);
    if (!read.ok || !read.crcOk) throw damaged(file, `${BACKUP_MANIFEST} 已损坏，无法读取`);
    const manifest = parseManifest(read.bytes, file);
    return {
      kind: 'file',
      path: file,
      manifest,
      read: async (path, onChunk) => {
        const entry = entries.get(path);
        if (!entry) return { ok: false, reason: MISSING };
        const hash = createHash('sha256');
        let bytes = 0;
        const r = await streamEntry(zip, entry, async (c) => {
          hash.update(c);
          bytes += c.length;
          await onChunk(c);
        });
        if (!r.ok) return { ok: false, reason: r.reason };
        if (!r.crcOk) return { ok: false, reason: 'CRC-32 校验失败（内容已损坏）' };
        return { ok: true, sha256: hash.digest('hex'), bytes };
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    if (e instanceof AppError) throw e;
    throw damaged(file, `文件不完整或已损坏${unreadableDetail(e)}`);
  }
}

/** Where a read's bytes go (a restore's new file), and what becomes of it once the read is judged. */
export interface Sink {
  write(chunk: Buffer): Promise<void>;
  /** `ok`: keep it (synced); otherwise remove it. */
  finish(ok: boolean): Promise<void>;
}

/**
 * Reads every file a backup lists — the database first, then the blobs and thumbnails — checking each one's size
 * and SHA-256 against the manifest, optionally writing it through `open`'s sink. Returns every problem found.
 */
export async function readAll(
  src: BackupSource,
  opts: {
    open?: (path: string) => Promise<Sink>;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal | undefined;
  } = {},
): Promise<FileProblem[]> {
  const m = src.manifest;
  const all = [{ ...m.database, thumb: false }, ...m.files.map((f) => ({ ...f, thumb: f.path.startsWith('thumbs/') }))];
  const problems: FileProblem[] = [];
  let done = 0;
  for (const f of all) {
    if (opts.signal?.aborted) throw new AppError('cancelled', '已取消。');
    const sink = opts.open ? await opts.open(f.path) : null;
    let r: FileRead;
    try {
      r = await src.read(f.path, (c) => sink?.write(c));
    } catch (e) {
      await sink?.finish(false);
      throw e;
    }
    const reason = !r.ok
      ? r.reason
      : r.bytes !== f.bytes
        ? `大小不符（清单记录 ${f.bytes} 字节，实为 ${r.bytes} 字节）`
        : r.sha256 !== f.sha256
          ? '内容与清单记录的 SHA-256 不符（已损坏）'
          : null;
    await sink?.finish(reason === null);
    if (reason !== null) problems.push({ path: f.path, reason, thumb: f.thumb });
    opts.onProgress?.(++done, all.length);
  }
  return problems;
}
