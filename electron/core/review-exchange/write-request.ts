import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { localIsoDate } from '@shared/domain/period';
import { safeSegment } from '@shared/domain/naming/segment';
import { REVIEW_LEVELS, type ReviewLevel } from '@shared/domain/signoff';
import { AppError } from '@shared/ipc/errors';
import { REVIEW_REQUEST_ENTRY } from '@shared/schemas/review-exchange';
import { fsError } from '../fs-errors';
import { checkExportTarget } from '../package/export-target';
import { createFile, fsyncDir, renameWithRetry } from '../store/blob-store';
import { openReviewRequest } from './open-request';
import type { RequestPlan } from './plan-request';

/** The standard name of a 送审包: `{unit}_送审包_{分管领导|主要负责同志}_{YYYYMMDD}.zip`. */
export function requestFileName(unit: string, level: ReviewLevel, now: Date): string {
  return safeSegment(`${unit}_送审包_${REVIEW_LEVELS[level]}_${localIsoDate(now).replaceAll('-', '')}.zip`, 120).text;
}

/**
 * Writes a 送审包 as a package is written: the request first, then the materials streamed from the blob store
 * (never recompressed), under a temporary name beside `requested`, synced and renamed into place; then read back
 * as the leader's app will read it. A failed or unreadable write leaves nothing behind.
 */
export async function writeReviewRequest(
  plan: RequestPlan,
  requested: string,
): Promise<{ path: string; bytes: number }> {
  const target = await checkExportTarget(requested);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  const file = await createFile(tmp).catch((e: unknown) => {
    throw fsError(e, '写入送审包', target);
  });
  const zip = new yazl.ZipFile();
  zip.on('error', (e: Error) => file.sink.destroy(e));
  const mtime = new Date(Date.parse(plan.request.createdAt));
  zip.addBuffer(Buffer.from(`${JSON.stringify(plan.request, null, 1)}\n`), REVIEW_REQUEST_ENTRY, { mtime });
  for (const f of plan.files)
    zip.addReadStreamLazy(f.path, { mtime, compress: !f.store, size: f.bytes }, (cb) => {
      const stream = createReadStream(f.blob, { highWaterMark: 1 << 20 });
      stream.on('error', (e) => zip.emit('error', e));
      cb(null, stream);
    });
  zip.end();
  try {
    await pipeline(zip.outputStream, file.sink);
    await renameWithRetry(tmp, target);
    await fsyncDir(dirname(target));
  } catch (e) {
    await file.discard();
    throw fsError(e, '写入送审包', target);
  }
  try {
    await openReviewRequest(target);
  } catch (e) {
    await rm(target, { force: true });
    throw new AppError(
      'internal',
      '送审包写入后读取校验未通过，已删除。请检查磁盘空间或换一个保存位置后重试。',
      e instanceof AppError ? `${e.message} ${e.details ?? ''}` : String(e),
    );
  }
  return { path: target, bytes: (await stat(target)).size };
}
