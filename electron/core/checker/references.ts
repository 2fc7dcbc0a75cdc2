import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import type { ReferenceImportResult, ReferenceYear } from '../../../shared/ipc/types';
import type { ReferenceFile } from '../../../shared/domain/rules/types';
import { fsError } from '../fs-errors';
import { HEIC_MIMES } from '../intake/heic';
import { typeOfFile } from '../intake/file-type';
import type { Readers } from '../intake/readers';
import { walk } from '../intake/walk';
import { inLanes } from '../lanes';
import type { Logger } from '../log';
import { hashFile } from '../store/blob-store';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';

export interface ReferenceImportOptions {
  folder: string;
  year: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Takes in an earlier year's materials (a folder, recursively) as 往年材料: each file's SHA-256 and, for images,
 * its perceptual hash — computed as intake does — are kept; the bytes are not copied. A file already known for
 * that year counts as `known`; what is not a material (an executable, an archive…) is skipped with the reason.
 * Rows are written in one transaction at the end, so a cancelled or failed import leaves nothing.
 */
export async function importReferences(
  ws: Workspace,
  opts: ReferenceImportOptions,
  now: Date,
  log: Logger,
  readers: Readers,
): Promise<ReferenceImportResult> {
  const thisYear = ws.settings().year;
  if (opts.year >= thisYear)
    throw new AppError(
      'input-refused',
      `往年材料的年度须早于本工作区的测评年度（${thisYear}年）。`,
      `reference year ${opts.year} >= ${thisYear}`,
    );
  if (overlaps(opts.folder, ws.dir))
    throw new AppError(
      'input-refused',
      '不能把本工作区的文件夹作为往年材料导入。请选择存放往年材料的文件夹。',
      `reference folder ${opts.folder} overlaps the workspace ${ws.dir}`,
    );
  const info = await stat(opts.folder).catch((e: unknown) => {
    throw fsError(e, '读取往年材料', opts.folder);
  });
  if (!info.isDirectory())
    throw new AppError('input-refused', `请选择存放往年材料的文件夹：${opts.folder}`, `not a folder: ${opts.folder}`);
  const walked = await walk([opts.folder]);
  const skipped = walked.skipped.map((file) => ({ file, reason: '系统或隐藏文件，已跳过。' }));
  let finished = 0;
  type Read = { file: string } & ({ sha256: string; phash: string | null } | { skip: string });
  const read = await inLanes(walked.files, async (f): Promise<Read> => {
    if (opts.signal?.aborted) return { file: f.path, skip: '已取消。' };
    const r = await readReference(ws, f.path, f.size, readers).catch((e: unknown): { skip: string } => {
      log.error(`reference ${f.path} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { skip: '读取这个文件时出错，已跳过。' };
    });
    opts.onProgress?.(++finished, walked.files.length);
    return { file: f.path, ...r };
  });
  if (opts.signal?.aborted) throw new AppError('cancelled', '已取消，未导入任何往年材料。');
  let added = 0;
  ws.db.transaction(() => {
    const insert = ws.db.prepare(
      `INSERT OR IGNORE INTO reference_files (sha256, phash, year, file_name, source, imported_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const r of read) {
      if ('skip' in r) skipped.push({ file: r.file, reason: r.skip });
      else added += insert.run(r.sha256, r.phash, opts.year, basename(r.file), opts.folder, now.toISOString()).changes;
    }
    appendAudit(ws.db, now, 'reference.import', { year: opts.year, source: opts.folder, added });
  })();
  const known = read.length - added - read.filter((r) => 'skip' in r).length;
  log.info(`references ${opts.year} from ${opts.folder}: ${added} added, ${known} known, ${skipped.length} skipped`);
  return { year: opts.year, added, known, skipped };
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
  const tmp = join(ws.store.root, 'tmp', `${randomUUID()}.jpg`);
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
