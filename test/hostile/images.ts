import { constants, crc32, deflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { fixtureBytes } from './bytes';

/** The corpus's camera photo (640×480, real EXIF) and its HEVC HEIF: what the image cases are made from. */
export const cameraJpeg = (): Buffer => fixtureBytes('photos', 'DSCN0010.jpg');
export const phoneHeif = (): Buffer => fixtureBytes('photos', 'samplefilehub.heif');

/**
 * A zlib stream of `n` zero bytes, built from one full-flushed block repeated (instant for any size, ~1 KB per MB):
 * the payload of a decompression bomb.
 */
export function zerosZlib(n: number): Buffer {
  const MB = 1 << 20;
  const block = deflateRawSync(Buffer.alloc(Math.min(n, MB)), { finishFlush: constants.Z_FULL_FLUSH });
  const parts = [Buffer.from([0x78, 0x9c])];
  let left = n;
  for (; left >= MB; left -= MB) parts.push(block);
  if (left > 0) parts.push(deflateRawSync(Buffer.alloc(left), { finishFlush: constants.Z_FULL_FLUSH }));
  parts.push(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])); // an empty final stored block
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n % 65521) << 16) | 1) >>> 0); // Adler-32 of n zeros
  parts.push(adler);
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/**
 * A grey 8-bit PNG of `w`×`h` whose pixels are all black — the rows inflate from a few hundred KB to w×h bytes —
 * or, with `idat` given, whatever data that is (none at all for `Buffer.alloc(0)`).
 */
export function blackPng(w: number, h: number, idat: Buffer | null = zerosZlib((w + 1) * h)): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(idat ? [pngChunk('IDAT', idat)] : []),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real PNG of the camera photo. */
export const cameraPng = (): Promise<Buffer> => sharp(cameraJpeg()).png().toBuffer();
export const cameraWebp = (): Promise<Buffer> => sharp(cameraJpeg()).webp().toBuffer();
export const cameraGif = (): Promise<Buffer> => sharp(cameraJpeg()).resize(200).gif().toBuffer();

/** A PNG whose IHDR CRC is wrong (one byte of the header's checksum flipped). */
export function badCrc(png: Buffer): Buffer {
  const out = Buffer.from(png);
  out[29] = out[29]! ^ 0xff; // the IHDR chunk's CRC: 8 (signature) + 8 (length, type) + 13 (data)
  return out;
}

/** A lossless WebP (VP8L) header claiming `w`×`h` (≤ 16384 each), followed by noise instead of image data. */
export function webpClaiming(w: number, h: number): Buffer {
  const vp8l = Buffer.alloc(5 + 64, 0x55);
  vp8l[0] = 0x2f;
  vp8l.writeUInt32LE(((w - 1) | ((h - 1) << 14)) >>> 0, 1);
  const chunk = Buffer.concat([Buffer.from('VP8L'), u32le(vp8l.length), vp8l]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

/** A little-endian TIFF header and one IFD of `entries` (tag, type, count, value), for EXIF blocks and TIFF files. */
export function tiff(entries: [number, number, number, number][], nextIfd = 0): Buffer {
  const b = Buffer.alloc(8 + 2 + entries.length * 12 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    if (type === 3 && count === 1) b.writeUInt16LE(value, at + 8);
    else b.writeUInt32LE(value, at + 8);
  });
  b.writeUInt32LE(nextIfd, 10 + entries.length * 12);
  return b;
}

/** A TIFF file claiming `w`×`h` pixels (no strips): an image bomb as a header tells it. */
export const tiffClaiming = (w: number, h: number): Buffer =>
  tiff([
    [0x100, 4, 1, w],
    [0x101, 4, 1, h],
    [0x102, 3, 1, 8],
    [0x106, 3, 1, 1],
    [0x115, 3, 1, 1],
  ]);

/** A BMP header claiming `w`×`h` 24-bit pixels, with a few bytes of data. */
export function bmpClaiming(w: number, h: number): Buffer {
  const b = Buffer.alloc(54 + 64);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(w, 18);
  b.writeInt32LE(h, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return b;
}

/** An APP1 segment carrying an EXIF block (`Exif\0\0` + TIFF) or any payload. */
export function app1(payload: Buffer, exif = true): Buffer {
  const body = exif ? Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), payload]) : payload;
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A JPEG with `segments` inserted right after its SOI marker (before its own EXIF). */
export const withSegments = (jpeg: Buffer, segments: Buffer[]): Buffer =>
  Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

/** A small JPEG of the camera photo whose EXIF says `DateTimeOriginal` is `date` (as written, unchecked). */
export const jpegDated = (date: string): Promise<Buffer> =>
  sharp(cameraJpeg())
    .resize(320)
    .withExif({ IFD0: { Make: 'Canon', Model: 'Canon EOS 40D' }, IFD2: { DateTimeOriginal: date } })
    .jpeg()
    .toBuffer();

/** EXIF whose IFD0 points to an Exif IFD that is IFD0 itself, and whose next IFD is IFD0 again: a loop. */
export const exifLoop = (): Buffer => tiff([[0x8769, 4, 1, 8]], 8);

/** EXIF whose IFD0 says it has 65,535 entries (the block holds one). */
export function exifHugeCount(): Buffer {
  const t = tiff([[0x010f, 2, 4, 0x41414141]]);
  t.writeUInt16LE(0xffff, 8);
  return t;
}

/** EXIF whose offsets point far past the block: a Make string at 4 GB, an Exif IFD at 2 GB. */
export const exifWildOffsets = (): Buffer =>
  tiff([
    [0x010f, 2, 4096, 0xfffffff0],
    [0x8769, 4, 1, 0x7fffffff],
    [0x0112, 3, 1, 200], // Orientation 200: there are 8
  ]);

/** The HEIF with its `ispe` (image size) box rewritten to `w`×`h`: a pixel bomb as the header tells it. */
export function heifClaiming(w: number, h: number): Buffer {
  const out = Buffer.from(phoneHeif());
  const at = out.indexOf('ispe');
  out.writeUInt32BE(w, at + 8);
  out.writeUInt32BE(h, at + 12);
  return out;
}

/** The HEIF's first box only (`ftyp`): a file that says HEIC and holds nothing. */
export function heifFtypOnly(): Buffer {
  const heif = phoneHeif();
  return heif.subarray(0, heif.readUInt32BE(0));
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
