import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import type { Logger } from '../log';
import { insertBlob, replaceBlob } from '../materials/blobs-repo';
import { getMaterial } from '../materials/materials-repo';
import { appendAudit } from '../workspace/audit';
import type { Workspace } from '../workspace/workspace';
import { thumbPath } from './attach';
import { PIXEL_LIMIT, readImage } from './image-facts';

/** The long edge and quality of an optimised photo: sharp enough for the 网报 system, a fraction of the size. */
export const OPTIMIZED_EDGE = 2560;
export const OPTIMIZED_QUALITY = 85;

/**
 * 优化图片: makes a smaller JPEG of a photo (long edge ≤ 2560 px, quality 85, upright, EXIF kept) as a new blob and
 * points the material at it; the original blob stays, recorded in `material_versions`. Refused when it would not
 * make the file smaller.
 */
export async function optimizePhoto(
  ws: Workspace,
  id: string,
  now: Date,
  log: Logger,
): Promise<{ before: number; after: number } | { refused: string }> {
  const m = getMaterial(ws.db, id);
  if (!m || !String(m.facts.mime).startsWith('image/')) return { refused: '只有图片可以优化。' };
  const longEdge = Math.max(Number(m.facts.width ?? 0), Number(m.facts.height ?? 0));
  const quality = typeof m.facts.jpegQuality === 'number' ? m.facts.jpegQuality : 100;
  // Re-encoding an already optimised JPEG only loses detail.
  if (longEdge <= OPTIMIZED_EDGE && quality <= OPTIMIZED_QUALITY + 2)
    return { refused: '这张图片已经足够小，不需要再优化。' };
  const tmp = ws.store.tempPath('.jpg');
  try {
    await sharp(ws.store.path(m.sha256), { limitInputPixels: PIXEL_LIMIT, failOn: 'none' })
      .rotate()
      .resize(OPTIMIZED_EDGE, OPTIMIZED_EDGE, { fit: 'inside', withoutEnlargement: true })
      .keepExif()
      .jpeg({ quality: OPTIMIZED_QUALITY, mozjpeg: true })
      .toFile(tmp);
    const put = await ws.store.putFile(tmp);
    if (put.bytes >= m.bytes) {
      if (!put.existed) await rm(ws.store.path(put.sha256), { force: true });
      return { refused: '这张图片已经足够小，优化不会让它更小。' };
    }
    const img = await readImage(ws.store.path(put.sha256), thumbPath(ws, put.sha256));
    if (!img.ok) throw new Error(img.detail);
    ws.db.transaction(() => {
      insertBlob(ws.db, put.sha256, put.bytes, now, {
        mime: 'image/jpeg',
        bytes: put.bytes,
        readable: true,
        ...img.facts,
      });
      replaceBlob(ws.db, id, put.sha256, now, 'optimize');
      appendAudit(ws.db, now, 'materials.optimize', {
        id,
        before: m.bytes,
        after: put.bytes,
        from: m.sha256,
        to: put.sha256,
      });
    })();
    log.info(`optimized ${id}: ${m.bytes} → ${put.bytes} bytes`);
    return { before: m.bytes, after: put.bytes };
  } finally {
    await rm(tmp, { force: true });
  }
}
