import { createHash, type Hash } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative } from 'node:path';
import type Database from 'better-sqlite3';
import type { ZipFile } from 'yauzl';
import { AppError } from '@shared/ipc/errors';
import type { ReferenceImportResult, ReferenceYear } from '@shared/ipc/types';
import type { ReferenceFile } from '@shared/domain/rules/types';
import { fsError } from '../fs-errors';
import { HEIC_MIMES } from '../intake/heic';
import { typeOfFile } from '../intake/file-type';
import type { Readers } from '../intake/readers';
import { SPECIAL_FILE, UNDECODABLE_NAME, WORKSPACE_ITSELF } from '../intake/attach';
import { walk } from '../intake/walk';
import { inLanes } from '../lanes';
import type { Logger } from '../log';
import { hashFile } from '../store/blob-store';
import { Manifest } from '@shared/schemas/package-manifest';
import { LIMITS, verifyPackage } from '../package/verify-package';
import {
  openZip,
  readEntries,
  readEntryChecked,
  streamEntry,
  type DataRead,
  type ZipEntryInfo,
} from '../package/zip-reader';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';

export interface ReferenceImportOptions {
  /** A folder of an earlier year's materials, or an earlier year's package (.zip). */
  source: string;
  /** The year they are from; absent: a package's own year, a folder's the one before the workspace's. */
  year?: number | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Takes in an earlier year's materials as 往年材料 — a folder (recursively) or a package (verified first) — keeping
 * each file's SHA-256 and, for images, its perceptual hash computed as intake does; never the bytes. A file
 * already known for that year counts as `known`; what is not a material is skipped with the reason. Rows are
 * written in one transaction at the end, so a cancelled or failed import leaves nothing.
 */
export async function importReferences(
  ws: Workspace,
  opts: ReferenceImportOptions,
  now: Date,
  log: Logger,
  readers: Readers,
): Promise<ReferenceImportResult> {
  if (overlaps(opts.source, ws.dir))
    throw new AppError(
      'input-refused',
      '不能把本工作区的文件夹作为往年材料导入。请选择存放往年材料的文件夹或往年的申报包。',
      `reference source ${opts.source} overlaps the workspace ${ws.dir}`,
    );
  const info = await stat(opts.source).catch((e: unknown) => {
    throw fsError(e, '读取往年材料', opts.source);
  });
  const read = info.isDirectory()
    ? { year: undefined, ...(await readFolder(ws, opts, log, readers)) }
    : await readPackage(ws, opts, readers);
  const thisYear = ws.settings().year;
  const year = opts.year ?? read.year ?? thisYear - 1;
  if (year >= thisYear)
    throw new AppError(
      'input-refused',
      `往年材料的年度须早于本工作区的测评年度（${thisYear}年）。`,
      `reference year ${year} >= ${thisYear}`,
    );
  if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未导入任何往年材料。');
  let added = 0;
  ws.db.transaction(() => {
    const insert = ws.db.prepare(
      `INSERT OR IGNORE INTO reference_files (sha256, phash, year, file_name, source, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const r of read.files)
      added += insert.run(r.sha256, r.phash, year, basename(r.file), opts.source, now.toISOString()).changes;
    appendAudit(ws.db, now, 'reference.import', { year, source: opts.source, added });
  })();
  const known = read.files.length - added;
  log.info(`references ${year} from ${opts.source}: ${added} added, ${known} known, ${read.skipped.length} skipped`);
  return { year, added, known, skipped: read.skipped };
}

interface ReadReferences {
  files: { file: string; sha256: string; phash: string | null }[];
  skipped: { file: string; reason: string }[];
}

async function readFolder(
  ws: Workspace,
  opts: ReferenceImportOptions,
  log: Logger,
  readers: Readers,
): Promise<ReadReferences> {
  const walked = await walk([opts.source], opts.signal, ws.dir);
  const out: ReadReferences = {
    files: [],
    skipped: [
      ...walked.skipped.map((file) => ({ file, reason: '系统或隐藏文件，已跳过。' })),
      ...walked.special.map((file) => ({ file, reason: SPECIAL_FILE })),
      ...walked.undecodable.map((file) => ({ file, reason: UNDECODABLE_NAME })),
      ...walked.avoided.map((file) => ({ file, reason: WORKSPACE_ITSELF })),
      ...walked.missing.map((file) => ({ file, reason: '找不到这个文件（可能是失效的快捷方式或链接）。' })),
    ],
  };
  let finished = 0;
  const read = await inLanes(walked.files, async (f) => {
    if (opts.signal?.aborted) return { skip: '已取消。' };
    const r = await readReference(ws, f.path, f.size, readers).catch((e: unknown): { skip: string } => {
      log.error(`reference ${f.path} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { skip: '读取这个文件时出错，已跳过。' };
    });
    opts.onProgress?.(++finished, walked.files.length);
    return r;
  });
  read.forEach((r, i) => {
    const file = walked.files[i]!.path;
    if ('skip' in r) out.skipped.push({ file, reason: r.skip });
    else out.files.push({ file, ...r });
  });
  return out;
}

/**
 * An earlier package: verified first, then each material read from the zip and hashed — its SHA-256 is the one of
 * the bytes read, never the manifest's word for them — and images' pHashes taken from the same bytes. A package
 * that no longer agrees with itself (changed since it verified) is refused whole, like one that does not verify.
 */
async function readPackage(
  ws: Workspace,
  opts: ReferenceImportOptions,
  readers: Readers,
): Promise<ReadReferences & { year: number }> {
  const verified = await verifyPackage(opts.source);
  if (!verified.valid)
    throw new AppError(
      'input-refused',
      '这个文件不是有效的申报包（校验未通过），不能作为往年材料导入。请先用“校验申报包”或 wangbao verify 查看原因。',
      JSON.stringify(verified.problems.filter((p) => p.severity === 'error')),
    );
  const { zip } = await openZip(opts.source).catch((e: unknown) => {
    throw changedPackage(opts.source, String(e));
  });
  try {
    const all = await readEntries(zip).catch((e: unknown) => {
      throw changedPackage(opts.source, String(e));
    });
    const entries = new Map(all.filter((e) => !e.isDirectory).map((e) => [e.name.normalize('NFC'), e]));
    const manifest = await readManifest(zip, entries.get('manifest.json'), opts.source);
    let finished = 0;
    const files = await inLanes(manifest.materials, async (m) => {
      const entry = entries.get(m.path.normalize('NFC'));
      if (!entry) throw changedPackage(opts.source, `${m.path}: no such file`);
      const image = /\.(jpe?g|png)$/iu.test(m.path) && !opts.signal?.aborted;
      const r = await readMaterial(ws, zip, entry, image ? readers : null);
      if (!r.ok) throw changedPackage(opts.source, `${m.path}: ${r.reason}`);
      if (r.sha256 !== m.sha256) throw changedPackage(opts.source, `${m.path}: sha256 ${r.sha256} != ${m.sha256}`);
      opts.onProgress?.(++finished, manifest.materials.length);
      return { file: m.path, sha256: r.sha256, phash: r.phash };
    });
    return { year: manifest.year, files, skipped: [] };
  } finally {
    zip.close();
  }
}

/** The refusal of a package that verified but then read differently (changed meanwhile, or a damaged disk). */
function changedPackage(source: string, details: string): AppError {
  return new AppError(
    'input-refused',
    '读取这个申报包时内容与清单不符（可能刚被改动或磁盘损坏），未导入任何往年材料。请重新校验后再试。',
    `${source}: ${details}`,
  );
}

/** The manifest of a package that verified, read again and checked again (its entry may have changed). */
async function readManifest(zip: ZipFile, entry: ZipEntryInfo | undefined, source: string): Promise<Manifest> {
  if (!entry) throw changedPackage(source, 'no manifest.json');
  const read = await readEntryChecked(zip, entry, LIMITS.manifestBytes);
  if (!read.ok || !read.crcOk) throw changedPackage(source, `manifest.json: ${read.ok ? 'CRC-32' : read.reason}`);
  let parsed;
  try {
    parsed = Manifest.safeParse(JSON.parse(read.bytes.toString('utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw changedPackage(source, 'manifest.json does not parse');
  return parsed.data;
}

/**
 * One material's SHA-256, streamed from the zip; for an image (`readers` given) also its pHash, read from a
 * temporary copy written as the bytes are hashed. A failed read (damaged data, a wrong CRC-32) is returned.
 */
async function readMaterial(
  ws: Workspace,
  zip: ZipFile,
  entry: ZipEntryInfo,
  readers: Readers | null,
): Promise<{ ok: true; sha256: string; phash: string | null } | { ok: false; reason: string }> {
  const hash = createHash('sha256');
  if (!readers) return digest(await streamEntry(zip, entry, (c) => void hash.update(c)), hash);
  const tmp = ws.store.tempPath();
  try {
    const out = await open(tmp, 'w');
    let read: DataRead;
    try {
      read = await streamEntry(zip, entry, async (c) => {
        hash.update(c);
        for (let at = 0; at < c.length;) at += (await out.write(c, at)).bytesWritten;
      });
    } finally {
      await out.close();
    }
    const r = digest(read, hash);
    return r.ok ? { ...r, phash: await readers.readPhash(tmp) } : r;
  } finally {
    await rm(tmp, { force: true });
  }
}

/** A finished read as the material's SHA-256, or why it failed (damaged data, or a CRC-32 that does not match). */
function digest(read: DataRead, hash: Hash): { ok: true; sha256: string; phash: null } | { ok: false; reason: string } {
  if (!read.ok) return read;
  if (!read.crcOk) return { ok: false, reason: 'CRC-32 mismatch' };
  return { ok: true, sha256: hash.digest('hex'), phash: null };
}

/** One folder is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  const inside = (x: string, y: string) => {
    const r = relative(y, x);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  return inside(a, b) || inside(b, a);
}

async function readReference(
  ws: Workspace,
  path: string,
  size: number,
  readers: Readers,
): Promise<{ sha256: string; phash: string | null } | { skip: string }> {
  const typed = await typeOfFile(path, size);
  if (!typed.ok) return { skip: typed.reason };
  const { sha256 } = await hashFile(path);
  if (typed.family !== 'image') return { sha256, phash: null };
  if (!HEIC_MIMES.has(typed.mime)) return { sha256, phash: await readers.readPhash(path) };
  // The converted JPEG is what intake hashes for a HEIC, so the reference's pHash is taken from the same.
  const tmp = ws.store.tempPath('.jpg');
  try {
    const converted = await readers.heicToJpeg(path, tmp);
    return { sha256, phash: converted.ok ? await readers.readPhash(tmp) : null };
  } finally {
    await rm(tmp, { force: true });
  }
}

/** The 往年材料 on record, per year. */
export function listReferenceYears(db: Database.Database): ReferenceYear[] {
  return db
    .prepare(
      `SELECT year, COUNT(*) AS files, MAX(imported_at) AS importedAt FROM reference_files GROUP BY year ORDER BY year DESC`,
    )
    .all() as ReferenceYear[];
}

/** Forgets one year's 往年材料 (logged); returns how many were removed. */
export function removeReferenceYear(db: Database.Database, year: number, now: Date): number {
  return db.transaction(() => {
    const removed = db.prepare('DELETE FROM reference_files WHERE year = ?').run(year).changes;
    appendAudit(db, now, 'reference.remove', { year, removed });
    return removed;
  })();
}

/** Every reference file, for the checker. */
export function loadReferences(db: Database.Database): ReferenceFile[] {
  return db.prepare('SELECT sha256, phash, year, file_name AS fileName FROM reference_files').all() as ReferenceFile[];
}
