import exifr from 'exifr';
import sharp from 'sharp';
import { isIsoDate } from '@shared/domain/period';
import { laplacianVariance, perceptualHash, screenshotSignals } from '@shared/domain/image-measures';
import { diskTrouble } from '../fs-errors';
import { logLibvipsWarnings, threadLog } from '../log';
import { writeAtomically } from '../store/atomic-write';
import { jpegQuality } from './jpeg-quality';

/** sharp's default decompression-bomb guard (268 MP), above the 108–200 MP some phones now shoot. */
export const PIXEL_LIMIT = 268_402_689;
// Every image is decoded once; libvips' operation cache would only hold memory (and, on Windows, open files that
// block deleting or moving them).
sharp.cache(false);

const THUMB_EDGE = 320;
const MEASURE_EDGE = 512;

export interface ImageFacts {
  width: number;
  height: number;
  orientation: number;
  exifDate: string | null;
  gps: boolean;
  camera: string | null;
  /** Variance of the Laplacian of a grey copy with a long edge of (at most) 512 px: low means blurry. */
  sharpness: number;
  /** 64-bit DCT perceptual hash, 16 hex digits (shared/domain/image-measures.ts). */
  phash: string;
  /** Estimated from the quantisation tables; null for other formats. */
  jpegQuality: number | null;
  screenshotLike: boolean;
  screenshotSignals: string[];
  /** The data is damaged (libjpeg warned) but the image still decodes. */
  damaged: boolean;
}

export type ImageResult = { ok: true; facts: ImageFacts } | { ok: false; reason: string; detail: string };

/**
 * Reads an image's facts (size, EXIF, sharpness, perceptual hash, JPEG quality, screenshot signals) and writes its
 * ~320 px upright thumbnail (JPEG) to `thumbPath`. An image over the pixel
 * limit or one that cannot be decoded at all is refused; one that decodes with warnings is accepted as damaged.
 */
export async function readImage(path: string, thumbPath: string): Promise<ImageResult> {
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await logLibvipsWarnings(sharp(path, { limitInputPixels: false }), path).metadata();
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
  let measured: Measured;
  try {
    measured = await measure(path, thumbPath, 'warning');
  } catch (warning) {
    // A thumbnail that cannot be written (a full disk) is no fault of the picture.
    const disk = diskTrouble(warning);
    if (disk) return { ok: false, reason: disk, detail: String(warning) };
    // What libvips warned about (libjpeg's `VipsJpeg: Corrupt JPEG data…`) goes to the log, never to stderr.
    threadLog().warn(`libvips ${path}: damaged, decoding anyway: ${String(warning)}`);
    try {
      measured = await measure(path, thumbPath, 'none');
      damaged = true;
    } catch (e) {
      const reason = diskTrouble(e) ?? '图片已损坏，无法解码。请重新从相机或手机导出原图。';
      return { ok: false, reason, detail: String(e) };
    }
  }
  const orientation = meta.orientation ?? 1;
  const swap = orientation >= 5 && orientation <= 8;
  const width = swap ? h : w;
  const height = swap ? w : h;
  const exif = await readExif(path);
  const mime = meta.format === 'png' ? 'image/png' : `image/${meta.format ?? ''}`;
  const signals = screenshotSignals({
    mime,
    hasExif: meta.exif !== undefined,
    width,
    height,
    colours: measured.colours,
  });
  return {
    ok: true,
    facts: {
      width,
      height,
      orientation,
      ...exif,
      sharpness: Math.round(measured.sharpness * 10) / 10,
      phash: measured.phash,
      jpegQuality: meta.format === 'jpeg' ? await jpegQuality(path) : null,
      screenshotLike: signals.length >= 2,
      screenshotSignals: signals,
      damaged,
    },
  };
}

interface Measured {
  sharpness: number;
  phash: string;
  colours: number;
}

/** An upright grey copy with a long edge of at most 512 px (shrink-on-load), with the colour pixels it came from. */
async function decodeSmall(path: string, failOn: 'warning' | 'none') {
  const { data, info } = await logLibvipsWarnings(sharp(path, { limitInputPixels: PIXEL_LIMIT, failOn }), path)
    .rotate()
    .resize(MEASURE_EDGE, MEASURE_EDGE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(info.width * info.height);
  for (let i = 0, j = 0; i < grey.length; i++, j += info.channels)
    grey[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114) / 1000;
  return { data, info, grey };
}

/** The pHash of a grey image (the 32×32 copy it is computed from is made here). */
async function phashOf(grey: Uint8Array, width: number, height: number): Promise<string> {
  const g32 = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(32, 32, { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return perceptualHash(new Uint8Array(g32));
}

/**
 * The perceptual hash alone, computed exactly as intake does (so it compares with the stored ones): for 往年材料,
 * which are hashed but never stored. null when the image cannot be decoded.
 */
export async function readPhash(path: string): Promise<string | null> {
  try {
    const { info, grey } = await decodeSmall(path, 'none');
    return await phashOf(grey, info.width, info.height);
  } catch {
    return null;
  }
}

/**
 * One decode (shrink-on-load to a long edge of 512 px, upright) serves everything: the thumbnail, the sharpness,
 * the perceptual hash and the colour count.
 */
async function measure(path: string, thumbOut: string, failOn: 'warning' | 'none'): Promise<Measured> {
  const { data, info, grey } = await decodeSmall(path, failOn);
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  await writeThumbnail(sharp(data, raw), thumbOut);
  const small = await sharp(data, raw).resize(64, 64, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  // Colours counted at 4 bits per channel, so a photo's noise does not pass for variety.
  const colours = new Set<number>();
  for (let j = 0; j < small.data.length; j += small.info.channels)
    colours.add(((small.data[j]! >> 4) << 8) | ((small.data[j + 1]! >> 4) << 4) | (small.data[j + 2]! >> 4));
  return {
    sharpness: laplacianVariance(grey, info.width, info.height),
    phash: await phashOf(grey, info.width, info.height),
    colours: colours.size,
  };
}

async function writeThumbnail(image: ReturnType<typeof sharp>, out: string): Promise<void> {
  await writeAtomically(out, (tmp) =>
    image.resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 78 }).toFile(tmp),
  );
}

/**
 * An EXIF date's parts as local ISO, or null when they name no real moment: cameras whose clock was never set write
 * `0000:00:00 00:00:00`, and a forged file can say `9999:99:99` — such a date must not become the event date (nor
 * its month `9999-99`, which no package may carry).
 */
function exifDateOf(m: RegExpExecArray): string | null {
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  return isIsoDate(day) && h < 24 && min < 60 && s < 60 ? `${day}T${m[4]}:${m[5]}:${m[6]}` : null;
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
      exifDate: m ? exifDateOf(m) : null,
      gps: x?.GPSLatitude !== undefined,
      camera: camera || null,
    };
  } catch {
    return { exifDate: null, gps: false, camera: null };
  }
}
