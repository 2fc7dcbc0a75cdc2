import { useQuery } from '@tanstack/react-query';
import type { MonthlyMaterial } from '@shared/domain/home-summary';
import { invoke } from '../../api/client';

/** The materials as the trend counts them, or why they could not be read. */
export type MaterialMonths =
  { state: 'loading' } | { state: 'ready'; list: MonthlyMaterial[] } | { state: 'failed'; message: string };

/**
 * Every material's criterion and collection month, read again after any change to materials, so the trend moves
 * with the files dropped in. Only the two fields are kept: a unit's year can hold thousands of materials and their
 * facts are not needed here.
 */
export function useMaterialMonths(): MaterialMonths {
  const { data, error } = useQuery({
    queryKey: ['materials', 'all'],
    queryFn: async () =>
      (await invoke('materials:list', {})).materials.map((m) => ({ criterionCode: m.criterionCode, month: m.month })),
  });
  if (error) return { state: 'failed', message: error.message };
  return data ? { state: 'ready', list: data } : { state: 'loading' };
}
