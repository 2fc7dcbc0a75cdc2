import { rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative } from 'node:path';
import { AppError } from '@shared/ipc/errors';
import type { ReferenceImportResult } from '@shared/ipc/types';
import { insertReferences, type ReferenceRow } from '../checker/references-repo';
import { fsError } from '../fs-errors';
import { inLanes } from '../lanes';
import type { Logger } from '../log';
import { openVerifiedPackage } from '../package/read-package';
import { hashFile } from '../store/blob-store';
import type { Workspace } from '../workspace/workspace';
import { SPECIAL_FILE, UNDECODABLE_NAME, WORKSPACE_ITSELF } from './attach';
import { typeOfFile } from './file-type';
import { HEIC_MIMES } from './heic';
import type { Readers } from './readers';
import { walk } from './walk';

export interface ReferenceImportOptions {
  /** A folder of an earlier year's materials, or an earlier year's package (.zip). */
  source: string;
  /** The year they are from; absent: a package's own year, a folder's the one before the workspace's. */
  year?: number | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

interface ReadReferences {
  files: ReferenceRow[];
  skipped: { file: string; reason: string }[];
}

/**
 * Takes in an earlier year's materials as 往年材料 through intake's own steps — the walk, the typing, the HEIC
 * conversion and the pHash readers, with a sink that keeps only fingerprints: each file's SHA-256 and, for images,
 * its perceptual hash as intake computes it, never the bytes. A package is verified first and read through
 * package/read-package.ts. A file already known for that year counts as `known`; what is not a material is skipped
 * with the reason. Rows are written in one transaction at the end, so a cancelled or failed import leaves nothing.
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
  const added = insertReferences(ws.db, read.files, year, opts.source, now, basename);
  const known = read.files.length - added;
  log.info(`references ${year} from ${opts.source}: ${added} added, ${known} known, ${read.skipped.length} skipped`);
  return { year, added, known, skipped: read.skipped };
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
    const r = await readFile(ws, f.path, f.size, readers).catch((e: unknown): { skip: string } => {
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

/** An earlier package's materials: each read from the zip and hashed, images' pHashes from the same bytes. */
async function readPackage(
  ws: Workspace,
  opts: ReferenceImportOptions,
  readers: Readers,
): Promise<ReadReferences & { year: number }> {
  const pkg = await openVerifiedPackage(opts.source);
  try {
    const { materials } = pkg.manifest;
    let finished = 0;
    const files = await inLanes(materials, async (m): Promise<ReferenceRow> => {
      const image = /\.(jpe?g|png)$/iu.test(m.path) && !opts.signal?.aborted;
      const tmp = image ? ws.store.tempPath() : undefined;
      try {
        await pkg.read(m, tmp);
        opts.onProgress?.(++finished, materials.length);
        return { file: m.path, sha256: m.sha256, phash: tmp ? await readers.readPhash(tmp) : null };
      } finally {
        if (tmp) await rm(tmp, { force: true });
      }
    });
    return { year: pkg.manifest.year, files, skipped: [] };
  } finally {
    pkg.close();
  }
}

/** A file of a folder as intake types it: its SHA-256 and, for an image, the pHash intake would give it. */
async function readFile(
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

/** One folder is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  const inside = (x: string, y: string) => {
    const r = relative(y, x);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  return inside(a, b) || inside(b, a);
}
