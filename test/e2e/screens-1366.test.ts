import { describe, expect, it } from 'vitest';
import { OFFICE_SCREEN, useE2E } from './session';
import { tourEveryScreen } from './tour';

const e2e = useE2E(OFFICE_SCREEN);

describe('every screen at 1366×768, the commonest office screen', () => {
  it('is photographed, and axe finds no serious or critical barrier', async () => {
    expect(await tourEveryScreen(e2e, '1366')).toEqual([]);
  });
});
