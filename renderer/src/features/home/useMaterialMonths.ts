import { useEffect, useState } from 'react';
import type { MonthlyMaterial } from '@shared/domain/home-summary';
import type { Criterion } from '@shared/ipc/types';
import { invoke } from '../../api/client';

/** The materials as the trend counts them, or why they could not be read. */
export type MaterialMonths =
  { state: 'loading' } | { state: 'ready'; list: MonthlyMaterial[] } | { state: 'failed'; message: string };

/**
 * Every material's criterion and collection month, read again whenever the criteria are (the shell reloads them
 * after every change), so the trend moves with the files dropped in. Only the two fields are kept: a unit's year
 * can hold thousands of materials and their facts are not needed here.
 */
export function useMaterialMonths(criteria: Criterion[]): MaterialMonths {
  const [months, setMonths] = useState<MaterialMonths>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    invoke('materials:list', {}).then(
      ({ materials }) => {
        if (current)
          setMonths({
            state: 'ready',
            list: materials.map((m) => ({ criterionCode: m.criterionCode, month: m.month })),
          });
      },
      (e: Error) => {
        if (current) setMonths({ state: 'failed', message: e.message });
      },
    );
    return () => {
      current = false;
    };
  }, [criteria]);
  return months;
}
