import { describe, expect, it } from 'vitest';
import { FULL_HD_125, useE2E } from './session';
import { tourEveryScreen } from './tour';

const e2e = useE2E(FULL_HD_125);

describe('every screen at 1920×1080 with Windows’ 125 % scaling', () => {
  it('is photographed, and axe finds no serious or critical barrier', async () => {
    expect(await tourEveryScreen(e2e, '1920-125')).toEqual([]);
  });
});
