import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BackupResult } from '@shared/ipc/backup-types';
import { BACKUP_DATABASE, BACKUP_MANIFEST, type BackupFile } from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { fsError } from '../fs-errors';
import { createFile, fsyncDir, hashFile, hashingTap, renameWithRetry } from '../store/blob-store';
import type { Workspace } from '../workspace/workspace';
import { damagedInWorkspace, type BackupOptions } from './backup-options';
import {
  SNAPSHOTS,
  initFolder,
  listSnapshots,
  mapLimit,
  objectPath,
  readMarker,
  storeTempPath,
  sweepFolder,
  withFolderLock,
  writeMarker,
  writeSynced,
} from './folder-store';
import { fileSizes } from './file-sizes';
import { checkFullStore, pruneFolder } from './folder-upkeep';
import { manifestBytes, parseManifest } from './manifest';
import { snapshotDatabase } from './snapshot-db';
import { checkBackupFolder } from './targets';
import { workspaceFiles, type SourceFile } from './workspace-files';

/** Every file of the store is hashed in full this often; in between, a file already there is checked by size. */
export const FULL_CHECK_DAYS = 7;

/**
 * Writes one snapshot into a backup folder (BACKUP-FORMAT.md): the database copy and the manifest in a new
 * `snapshots/<id>/`, and into the shared store only the files it does not have yet — a file already there (named by
 * its SHA-256) is checked by its size, so a daily backup of an unchanged workspace copies nothing but its database.
 * The snapshot is written hidden, synced and renamed into place, then read back; weekly, the whole store is hashed.
 * Then the retention (7 daily, 4 weekly per workspace) and the removal of files no snapshot names any more.
 */
export async function writeBackupFolder(ws: Workspace, folder: string, opts: BackupOptions): Promise<BackupResult> {
  if (opts.handoverTo !== null)
    throw new AppError(
      'input-refused',
      '移交只能生成单个备份文件（.wbbak），不能写入备份文件夹。',
      'handover to folder',
    );
  const { dir: store, fresh } = await checkBackupFolder(folder);
  try {
    if (fresh) await initFolder(store, opts.now);
    return await withFolderLock(store, opts.now, () => writeSnapshot(ws, store, opts));
  } catch (e) {
    if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未生成备份。');
    if (e instanceof AppError) throw e;
    throw fsError(e, '写入备份文件夹', store);
  }
}

async function writeSnapshot(ws: Workspace, store: string, opts: BackupOptions): Promise<BackupResult> {
  const marker = await readMarker(store);
  const swept = await sweepFolder(store);
  if (swept > 0) opts.log.info(`backup folder ${store}: removed ${swept} leftovers of interrupted backups`);
  const id = await snapshotId(store, opts.now, ws.settings().unitId);
  const partial = join(store, SNAPSHOTS, `.${id}.partial`);
  await mkdir(partial);
  try {
    const snap = await snapshotDatabase(ws.db, join(partial, BACKUP_DATABASE), {
      scrub: null,
      nativeBinding: opts.nativeBinding,
    });
    const files = await workspaceFiles(ws, snap);
    const known = await knownThumbs(store, snap.workspace.unitId);
    const fullCheck =
      marker.lastFullCheck === null ||
      opts.now.getTime() - Date.parse(marker.lastFullCheck) >= FULL_CHECK_DAYS * 86_400_000;
    const listed: BackupFile[] = [];
    const copied = new Set<string>();
    const touched = new Set<string>();
    let done = 0;
    const total = files.length + 2;
    opts.onProgress?.(++done, total);
    // The usual day: every file is in the store already, found by its SHA-256 (a blob's name, a known thumbnail's
    // recorded hash) at its size — one stat each. The rest (and, on the weekly full check, all) are stored.
    const shaOf = (f: SourceFile): string | null => {
      const prior = known.get(f.path);
      return f.sha256 ?? (prior && prior.bytes === f.bytes ? prior.sha256 : null);
    };
    const sizes = await fileSizes(files.map((f) => (shaOf(f) === null ? null : objectPath(store, shaOf(f)!))));
    const toStore: SourceFile[] = [];
    files.forEach((f, i) => {
      if (fullCheck || sizes[i] !== f.bytes) return void toStore.push(f);
      listed.push({ path: f.path, sha256: shaOf(f)!, bytes: f.bytes });
      opts.onProgress?.(++done, total);
    });
    await mapLimit(toStore, 4, async (f) => {
      if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未生成备份。');
      const { copied: wasCopied, ...r } = await storeFile(store, f, shaOf(f), fullCheck);
      listed.push(r);
      if (wasCopied) {
        copied.add(r.sha256);
        touched.add(dirname(objectPath(store, r.sha256)));
      }
      opts.onProgress?.(++done, total);
    });
    for (const d of touched) await fsyncDir(d);
    const m = manifestBytes({
      snap,
      files: listed.sort((a, b) => a.path.localeCompare(b.path)),
      createdAt: opts.now.toISOString(),
      appVersion: opts.appVersion,
      workspaceDir: ws.dir,
      handoverTo: null,
    });
    await writeSynced(join(partial, BACKUP_MANIFEST), m.bytes);
    await fsyncDir(partial);
    const dir = join(store, SNAPSHOTS, id);
    await renameWithRetry(partial, dir);
    await fsyncDir(join(store, SNAPSHOTS));
    await readBack(store, dir, copied);
    opts.onProgress?.(++done, total);
    if (fullCheck) {
      const damaged = await checkFullStore(store, new Set(listed.map((f) => f.sha256)));
      if (damaged > 0) opts.log.warn(`backup folder ${store}: ${damaged} damaged files removed by the weekly check`);
      await writeMarker(store, { ...marker, lastFullCheck: opts.now.toISOString() });
    }
    // Every file of the store is looked at after a killed backup (its copies have no snapshot) and weekly;
    // otherwise only those of the snapshots the retention deletes.
    await pruneFolder(store, snap.workspace.unitId, swept > 0 || fullCheck, opts.log);
    const blobsCopied = listed.filter((f) => f.path.startsWith('blobs/') && copied.has(f.sha256)).length;
    opts.log.info(
      `backup snapshot ${dir}: ${snap.blobs.length} blobs (${blobsCopied} copied), ${copied.size} files copied` +
        (fullCheck ? ', store hashed in full' : ''),
    );
    return {
      path: dir,
      bytes: snap.bytes + m.bytes.length + listed.reduce((a, f) => a + f.bytes, 0),
      blobs: snap.blobs.length,
      blobsCopied,
      sha256: m.sha256,
      kind: 'backup',
      createdAt: m.manifest.createdAt,
      folder: store,
    };
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
}

/** `20260520T020000Z-<first 8 of the unit id>`: sorts by time, tells workspaces sharing a folder apart. */
async function snapshotId(store: string, now: Date, unitId: string): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/gu, '').replace(/\.\d+/u, '');
  const base = `${stamp}-${unitId.slice(0, 8)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await stat(join(store, SNAPSHOTS, id)).catch(() => null))) return id;
  }
}

/**
 * Thumbnails by path with their size and SHA-256, from this workspace's newest readable snapshot: a thumbnail of
 * the same size there is known without reading it (a blob's own name is its SHA-256; a thumbnail's is not).
 */
async function knownThumbs(store: string, unitId: string): Promise<Map<string, BackupFile>> {
  const newest = (await listSnapshots(store)).find((s) => s.manifest?.workspace.unitId === unitId);
  return new Map((newest?.manifest?.files ?? []).filter((f) => f.path.startsWith('thumbs/')).map((f) => [f.path, f]));
}

/**
 * Puts one workspace file into the store unless it is there: by its SHA-256 when known (`sha`) and its size; on the
 * weekly full check, by hashing it. Copies go through `blobs/tmp/`, hashed as they stream, synced and renamed into
 * place.
 */
async function storeFile(
  store: string,
  f: SourceFile,
  sha: string | null,
  fullCheck: boolean,
): Promise<BackupFile & { copied: boolean }> {
  if (sha !== null && (await present(objectPath(store, sha), f.bytes, fullCheck ? sha : null)))
    return { path: f.path, sha256: sha, bytes: f.bytes, copied: false };
  const tmp = storeTempPath(store, randomBytes(8).toString('hex'));
  const out = await createFile(tmp);
  try {
    const tap = hashingTap();
    await pipeline(createReadStream(f.src, { highWaterMark: 1 << 20 }), tap.stream, out.sink);
    const r = tap.result();
    // A blob must hash to its name; a thumbnail (derived) is taken as it is now.
    if (f.sha256 !== null && (r.bytes !== f.bytes || r.sha256 !== f.sha256)) throw damagedInWorkspace(f.path);
    const target = objectPath(store, r.sha256);
    if (f.sha256 === null && (await present(target, r.bytes, fullCheck ? r.sha256 : null))) {
      await out.discard();
      return { path: f.path, sha256: r.sha256, bytes: r.bytes, copied: false };
    }
    await mkdir(dirname(target), { recursive: true });
    await renameWithRetry(tmp, target);
    return { path: f.path, sha256: r.sha256, bytes: r.bytes, copied: true };
  } catch (e) {
    await out.discard();
    throw e;
  }
}

/** The store holds a file at `path` of `bytes` (and, when `sha256` is given, hashing to it). */
async function present(path: string, bytes: number, sha256: string | null): Promise<boolean> {
  const have = await stat(path).catch(() => null);
  if (!have?.isFile() || have.size !== bytes) return false;
  return sha256 === null || (await hashFile(path)).sha256 === sha256;
}

/**
 * Reads the new snapshot back: its manifest parses, its database hashes as listed, and the files copied this time
 * are there at their size and hash to their names (the others were found at their size a moment ago).
 */
async function readBack(store: string, dir: string, copied: Set<string>): Promise<void> {
  const fail = (what: string): AppError =>
    new AppError('io', '备份写入后校验未通过。请检查备份文件夹所在磁盘后重试。', `${dir}: ${what}`);
  const manifest = parseManifest(await readFile(join(dir, BACKUP_MANIFEST)), dir);
  const db = await hashFile(join(dir, BACKUP_DATABASE));
  if (db.sha256 !== manifest.database.sha256 || db.bytes !== manifest.database.bytes) throw fail('database');
  for (const f of manifest.files) {
    if (!copied.has(f.sha256)) continue;
    const r = await hashFile(objectPath(store, f.sha256)).catch(() => null);
    if (r?.sha256 !== f.sha256 || r.bytes !== f.bytes) throw fail(`${f.path}`);
  }
}
