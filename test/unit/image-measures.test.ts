import { describe, expect, it } from 'vitest';
import { hammingDistance, laplacianVariance, perceptualHash, screenshotSignals } from '@shared/domain/image-measures';

describe('image measures', () => {
  it('a flat image has no sharpness, a checkerboard a lot', () => {
    expect(laplacianVariance(new Uint8Array(100).fill(90), 10, 10)).toBe(0);
    const board = new Uint8Array(100).map((_, i) => (((i % 10) + Math.floor(i / 10)) % 2 ? 255 : 0));
    expect(laplacianVariance(board, 10, 10)).toBeGreaterThan(100_000);
  });
  it('pHash is 16 hex digits, stable under a uniform brightness change, and hamming counts bits', () => {
    let seed = 7;
    const img = new Uint8Array(1024).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 40 + (seed % 150);
    });
    const h = perceptualHash(img);
    expect(h).toMatch(/^[0-9a-f]{16}$/u);
    expect(perceptualHash(img.map((v) => v + 20))).toBe(h);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0f00000000000001', '0000000000000000')).toBe(5);
    expect(() => perceptualHash(new Uint8Array(10))).toThrow();
  });
  it('screenshot signals', () => {
    expect(screenshotSignals({ mime: 'image/jpeg', hasExif: true, width: 4000, height: 3000, colours: 900 })).toEqual(
      [],
    );
    expect(screenshotSignals({ mime: 'image/png', hasExif: false, width: 2340, height: 1080, colours: 40 })).toEqual([
      'png-without-exif',
      'screen-size',
      'few-colours',
    ]);
  });
});
