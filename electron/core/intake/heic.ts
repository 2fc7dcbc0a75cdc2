import { readFile, rm, writeFile } from 'node:fs/promises';
import exifr from 'exifr';
import sharp from 'sharp';
import { PIXEL_LIMIT } from './image-facts';

export const HEIC_MIMES = new Set(['image/heic', 'image/heif']);

let quieted = 0;
let consoleLog: typeof console.log = console.log;

/**
 * Runs `work` with `console.log` silenced: libheif (wasm) reports a file it cannot decode with `console.log` — on the
 * CLI's stdout, which must carry nothing but the `--json` result (the worker thread's stdout is the process's). The
 * failure itself still reaches the caller as the rejected promise. Counted, so overlapping decodes restore it once.
 */
async function withoutConsoleLog<T>(work: () => Promise<T>): Promise<T> {
  if (quieted++ === 0) {
    consoleLog = console.log;
    console.log = () => undefined;
  }
  try {
    return await work();
  } finally {
    if (--quieted === 0) console.log = consoleLog;
  }
}

/**
 * iPhones' HEIC (HEVC) cannot be decoded by sharp's libvips: libheif (wasm, from heic-decode) decodes it and sharp
 * writes a JPEG carrying the original's date and camera in its EXIF, so the material is an ordinary photo while the
 * HEIC stays stored as its source. Returns null when the file cannot be decoded or is over the pixel limit.
 */
export async function heicToJpeg(
  heicPath: string,
  jpegPath: string,
): Promise<{ ok: true } | { ok: false; reason: string; detail: string }> {
  try {
    const meta = await sharp(heicPath, { limitInputPixels: false }).metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > PIXEL_LIMIT)
      return {
        ok: false,
        reason: '图片像素过大（超过 2.68 亿像素），可能是异常文件。请缩小后再添加。',
        detail: `${meta.width}x${meta.height}`,
      };
    const { default: decode } = await import('heic-decode'); // libheif (wasm), loaded on first HEIC
    const buffer = await readFile(heicPath);
    const img = await withoutConsoleLog(() => decode({ buffer }));
    const x = (await exifr
      .parse(heicPath, {
        pick: ['DateTimeOriginal', 'CreateDate', 'Make', 'Model', 'Orientation'],
        reviveValues: false,
      })
      .catch(() => undefined)) as Record<string, unknown> | undefined;
    const ifd0: Record<string, string> = {};
    if (typeof x?.Make === 'string') ifd0.Make = x.Make;
    if (typeof x?.Model === 'string') ifd0.Model = x.Model;
    const date = x?.DateTimeOriginal ?? x?.CreateDate;
    const jpeg = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
      raw: { width: img.width, height: img.height, channels: 4 },
    })
      .jpeg({ quality: 92 })
      .withExif({ IFD0: ifd0, ...(typeof date === 'string' ? { IFD2: { DateTimeOriginal: date } } : {}) })
      .toBuffer();
    await writeFile(jpegPath, jpeg);
    return { ok: true };
  } catch (e) {
    await rm(jpegPath, { force: true });
    return { ok: false, reason: 'HEIC 图片无法解码，可能已损坏。请在手机上导出为 JPG 后再添加。', detail: String(e) };
  }
}
