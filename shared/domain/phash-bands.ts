import { hammingDistance } from './image-measures';

/**
 * Multi-index hashing for perceptual hashes: the 64 bits cut into 13 bands (twelve of 5 bits, one of 4). By the
 * pigeonhole principle two hashes differing in at most 12 bits agree exactly on at least one band, so a search
 * within 12 bits only compares the hashes sharing a band value.
 */
export const MAX_BAND_DISTANCE = 12;

const BANDS: [start: number, width: number][] = Array.from({ length: 13 }, (_, i) => [i * 5, i === 12 ? 4 : 5]);

/** The 13 band values of a 16-hex-digit hash, band 0 first. */
export function phashBands(phash: string): number[] {
  const bits = BigInt(`0x${phash}`);
  return BANDS.map(([start, width]) => Number((bits >> BigInt(64 - start - width)) & ((1n << BigInt(width)) - 1n)));
}

/** An in-memory index of hashes (with a value each) answering "which are within `d` bits" for d ≤ 12. */
export class PhashIndex<T> {
  private readonly bands = BANDS.map(() => new Map<number, { phash: string; value: T }[]>());

  add(phash: string, value: T): void {
    const entry = { phash, value };
    phashBands(phash).forEach((v, band) => {
      const list = this.bands[band]!.get(v);
      if (list) list.push(entry);
      else this.bands[band]!.set(v, [entry]);
    });
  }

  /** Every value whose hash is within `maxDistance` bits of `phash` (at most 12), closest first. */
  near(phash: string, maxDistance: number): { value: T; distance: number }[] {
    if (maxDistance > MAX_BAND_DISTANCE) throw new Error(`PhashIndex searches within ${MAX_BAND_DISTANCE} bits`);
    const seen = new Set<{ phash: string; value: T }>();
    const out: { value: T; distance: number }[] = [];
    phashBands(phash).forEach((v, band) => {
      for (const e of this.bands[band]!.get(v) ?? []) {
        if (seen.has(e)) continue;
        seen.add(e);
        const distance = hammingDistance(phash, e.phash);
        if (distance <= maxDistance) out.push({ value: e.value, distance });
      }
    });
    return out.sort((a, b) => a.distance - b.distance);
  }
}
