import { open } from 'node:fs/promises';

/** The IJG standard luminance quantisation table (quality 50), in zig-zag order as stored in DQT segments. */
const STD_LUMA = [
  16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51, 61,
  60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103, 62, 77, 113, 121,
  112, 100, 120, 92, 101, 103, 99,
];

/**
 * Estimates a JPEG's quality (1–100) from its luminance quantisation table, the way libjpeg scales the standard
 * table: scale = 100·Σtable/Σstandard, quality = (200 − scale)/2 below 100, 5000/scale above. Null when the file
 * has no readable DQT before the image data.
 */
export async function jpegQuality(path: string): Promise<number | null> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return qualityFromBytes(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export function qualityFromBytes(b: Buffer): number | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const len = b.readUInt16BE(i + 2);
    if (marker === 0xda) return null; // start of scan: no table found before the data
    if (marker === 0xdb) {
      let j = i + 4;
      while (j < i + 2 + len) {
        const pq = b[j]! >> 4;
        const tq = b[j]! & 0x0f;
        const table: number[] = [];
        for (let k = 0; k < 64; k++) table.push(pq ? b.readUInt16BE(j + 1 + 2 * k) : b[j + 1 + k]!);
        if (tq === 0) {
          const scale = (100 * table.reduce((a, c) => a + c, 0)) / STD_LUMA.reduce((a, c) => a + c, 0);
          const q = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
          return Math.max(1, Math.min(100, Math.round(q)));
        }
        j += 1 + 64 * (pq ? 2 : 1);
      }
    }
    i += 2 + len;
  }
  return null;
}
