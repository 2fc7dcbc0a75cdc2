import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';

/** sharp's default decompression-bomb guard (268 MP), above the 108–200 MP some phones now shoot. */
export const PIXEL_LIMIT = 268_402_689;
const THUMB_EDGE = 320;

export interface ImageFacts {
  width: number;
  height: number;
  orientation: number;
  exifDate: string | null;
  gps: boolean;
  camera: string | null;
  /** The data is damaged (libjpeg warned) but the image still decodes. */
  damaged: boolean;
}

export type ImageResult = { ok: true; facts: ImageFacts } | { ok: false; reason: string; detail: string };

/**
 * Reads an image's facts and writes its ~320 px upright thumbnail (JPEG) to `thumbPath`. An image over the pixel
 * limit or one that cannot be decoded at all is refused; one that decodes with warnings is accepted as damaged.
 */
export async function readImage(path: string, thumbPath: string): Promise<ImageResult> {
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (e) {
    return { ok: false, reason: '图片已损坏，无法打开。请重新从相机或手机导出原图。', detail: String(e) };
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > PIXEL_LIMIT)
    return {
      ok: false,
      reason: `图片像素过大（${w}×${h}，超过 2.68 亿像素），可能是异常文件。请缩小后再添加。`,
      detail: `${w}x${h} > ${PIXEL_LIMIT}`,
    };
  let damaged = false;
  try {
    await thumbnail(path, thumbPath, 'warning');
  } catch {
    try {
      await thumbnail(path, thumbPath, 'none');
      damaged = true;
    } catch (e) {
      return { ok: false, reason: '图片已损坏，无法解码。请重新从相机或手机导出原图。', detail: String(e) };
    }
  }
  const orientation = meta.orientation ?? 1;
  const swap = orientation >= 5 && orientation <= 8;
  const exif = await readExif(path);
  return {
    ok: true,
    facts: { width: swap ? h : w, height: swap ? w : h, orientation, ...exif, damaged },
  };
}

async function thumbnail(path: string, out: string, failOn: 'warning' | 'none'): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await sharp(path, { limitInputPixels: PIXEL_LIMIT, failOn })
      .rotate()
      .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toFile(tmp);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** DateTimeOriginal as local ISO (`YYYY-MM-DDTHH:mm:ss`), whether GPS is present, the camera. A broken EXIF block gives nulls. */
async function readExif(path: string): Promise<Pick<ImageFacts, 'exifDate' | 'gps' | 'camera'>> {
  try {
    const x = (await exifr.parse(path, {
      pick: ['DateTimeOriginal', 'CreateDate', 'Make', 'Model', 'GPSLatitude'],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
    const raw = String(x?.DateTimeOriginal ?? x?.CreateDate ?? '');
    const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/u.exec(raw);
    const make = typeof x?.Make === 'string' ? x.Make.trim() : '';
    const model = typeof x?.Model === 'string' ? x.Model.trim() : '';
    const camera = model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`.trim();
    return {
      exifDate: m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null,
      gps: x?.GPSLatitude !== undefined,
      camera: camera || null,
    };
  } catch {
    return { exifDate: null, gps: false, camera: null };
  }
}
