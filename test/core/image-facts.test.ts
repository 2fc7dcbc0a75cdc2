import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImage } from '../../electron/core/intake/image-facts';
import { jpegQuality } from '../../electron/core/intake/jpeg-quality';
import { hammingDistance } from '@shared/domain/image-measures';
import { FIXTURES } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

const photo = (n: string) => join(FIXTURES, 'photos', n);

async function facts(path: string) {
  const r = await readImage(path, join(tmpDir(), 't.jpg'));
  if (!r.ok) throw new Error(r.reason);
  return r.facts;
}

/** A photo-like test image with real detail: smooth gradients plus noise, `w`×`h`. */
async function detailed(path: string, w: number, h: number, seed = 1): Promise<void> {
  const px = Buffer.alloc(w * h * 3);
  let s = seed;
  for (let i = 0; i < w * h; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const x = i % w;
    const y = Math.floor(i / w);
    px[i * 3] = (x * 255) / w + (s % 40);
    px[i * 3 + 1] = (y * 255) / h + ((s >> 8) % 40);
    px[i * 3 + 2] = 128 + 100 * Math.sin((x + y * seed) / 37) + ((s >> 16) % 30);
  }
  await sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 92 })
    .toFile(path);
}

describe('image measures on real files', () => {
  it('sharpness: a blurred copy scores far lower than the original', async () => {
    const dir = tmpDir();
    await sharp(photo('DSCN0010.jpg')).blur(6).jpeg({ quality: 95 }).toFile(join(dir, 'blur.jpg'));
    const sharpF = await facts(photo('DSCN0010.jpg'));
    const blurF = await facts(join(dir, 'blur.jpg'));
    expect(blurF.sharpness).toBeLessThan(sharpF.sharpness / 10);
  });

  it('pHash: re-saved, resized and slightly trimmed copies stay close; unrelated photos do not', async () => {
    const dir = tmpDir();
    const src = photo('DSCN0010.jpg');
    await sharp(src).jpeg({ quality: 40 }).toFile(join(dir, 'resaved.jpg'));
    await sharp(src).resize(320).toFile(join(dir, 'small.png'));
    const m = await sharp(src).metadata();
    await sharp(src)
      .extract({ left: 10, top: 8, width: m.width! - 20, height: m.height! - 16 })
      .toFile(join(dir, 'trimmed.jpg'));
    const base = (await facts(src)).phash;
    for (const f of ['resaved.jpg', 'small.png', 'trimmed.jpg'])
      expect(hammingDistance(base, (await facts(join(dir, f))).phash)).toBeLessThanOrEqual(10);
    for (const other of ['Canon_40D.jpg', 'HMD_Nokia_8.3_5G.jpg', 'orientation_landscape_3.jpg'])
      expect(hammingDistance(base, (await facts(photo(other))).phash)).toBeGreaterThan(16);
  });

  it('JPEG quality is estimated from the quantisation tables', async () => {
    const dir = tmpDir();
    for (const q of [30, 60, 75, 90]) {
      await sharp(photo('DSCN0010.jpg'))
        .jpeg({ quality: q, mozjpeg: false })
        .toFile(join(dir, `q${q}.jpg`));
      expect(Math.abs((await jpegQuality(join(dir, `q${q}.jpg`)))! - q)).toBeLessThanOrEqual(2);
    }
    expect(await jpegQuality(photo('samplefilehub.heif'))).toBeNull();
  });

  it('screenshot signals: a flat PNG at a screen size without EXIF is screenshot-like; a photo is not', async () => {
    const dir = tmpDir();
    mkdirSync(dir, { recursive: true });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1366" height="768"><rect width="1366" height="768" fill="#f8f9fa"/><rect width="1366" height="56" fill="#c92a2a"/><rect x="200" y="100" width="900" height="400" fill="#ffffff" stroke="#dee2e6"/></svg>`;
    writeFileSync(join(dir, 's.svg'), svg);
    await sharp(join(dir, 's.svg')).png().toFile(join(dir, 'screen.png'));
    const s = await facts(join(dir, 'screen.png'));
    expect(s.screenshotSignals).toEqual(['png-without-exif', 'screen-size', 'few-colours']);
    expect(s.screenshotLike).toBe(true);
    await detailed(join(dir, 'photo.jpg'), 1200, 900);
    expect((await facts(join(dir, 'photo.jpg'))).screenshotLike).toBe(false);
  });
});
