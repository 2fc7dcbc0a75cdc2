/**
 * Pure image measures over grey pixel arrays (one byte per pixel, row-major), used by intake and tested on their own.
 *
 * - `laplacianVariance` — sharpness: the variance of the 4-neighbour Laplacian over the interior pixels. Intake runs
 *   it on a grey copy whose long edge is 512 px, so the figure does not depend on the camera's resolution. Blurry
 *   photos score low (typically < 100), sharp ones in the hundreds or thousands.
 * - `perceptualHash` — pHash: a 32×32 grey copy, its 2-D DCT-II, the 8×8 lowest frequencies without the DC term
 *   compared with their median → 64 bits as 16 hex digits. Resizing, re-saving and light trimming change a few bits;
 *   unrelated photos differ in about half. `hammingDistance` counts differing bits.
 */

export function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const v = grey[i - width]! + grey[i + width]! + grey[i - 1]! + grey[i + 1]! - 4 * grey[i]!;
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

const N = 32;
const COS: Float64Array = (() => {
  const t = new Float64Array(N * N);
  for (let k = 0; k < N; k++)
    for (let i = 0; i < N; i++) t[k * N + i] = Math.cos(((2 * i + 1) * k * Math.PI) / (2 * N));
  return t;
})();

/** pHash of a 32×32 grey image (1024 bytes), as 16 hex digits. */
export function perceptualHash(grey32: Uint8Array): string {
  if (grey32.length !== N * N) throw new Error(`perceptualHash needs ${N}×${N} pixels`);
  // Rows then columns, only the 8 lowest frequencies are needed in each direction.
  const rows = new Float64Array(N * 8);
  for (let y = 0; y < N; y++)
    for (let k = 0; k < 8; k++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += grey32[y * N + x]! * COS[k * N + x]!;
      rows[y * 8 + k] = s;
    }
  const coeffs: number[] = [];
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += rows[y * 8 + u]! * COS[v * N + y]!;
      coeffs.push(s);
    }
  const ac = coeffs.slice(1);
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)]!;
  let hex = '';
  for (let i = 0; i < 64; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (coeffs[i + b]! > median ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

/** Number of differing bits between two hashes written in hex of the same length (16 digits for a pHash). */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  // Eight hex digits at a time: 32 bits fit an int, and the popcount is branch-free (this runs per candidate pair).
  for (let i = 0; i < a.length; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    d += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
  }
  return d;
}

/** Common screen sizes (either orientation) of PCs and phones: a photo of exactly this size is likely a screenshot. */
const SCREENS = new Set(
  [
    [1366, 768],
    [1920, 1080],
    [1440, 900],
    [1536, 864],
    [1280, 720],
    [1600, 900],
    [2560, 1440],
    [1280, 1024],
    [1680, 1050],
    [3840, 2160],
    [2880, 1800],
    [1080, 2340],
    [1080, 2400],
    [1170, 2532],
    [1179, 2556],
    [1284, 2778],
    [1290, 2796],
    [1125, 2436],
    [1242, 2688],
    [828, 1792],
    [750, 1334],
    [1080, 1920],
    [1440, 3200],
    [1440, 3120],
    [720, 1600],
  ].flatMap(([w, h]) => [`${w}x${h}`, `${h}x${w}`]),
);

/**
 * Signals that a "photo" is a screenshot: a PNG without EXIF, a screen-size resolution, few colours (distinct
 * colours at 4 bits per channel in a 64 px copy). Two or more signals make it `screenshotLike`.
 */
export function screenshotSignals(f: {
  mime: string;
  hasExif: boolean;
  width: number;
  height: number;
  colours: number;
}): string[] {
  const s: string[] = [];
  if (f.mime === 'image/png' && !f.hasExif) s.push('png-without-exif');
  if (SCREENS.has(`${f.width}x${f.height}`)) s.push('screen-size');
  if (f.colours < 120) s.push('few-colours');
  return s;
}
