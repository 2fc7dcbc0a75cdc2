import { useQuery } from '@tanstack/react-query';
import type { MonthlyMaterial } from '@shared/domain/home-summary';
import { invoke } from '../../api/client';

/** The materials as the trend counts them, or why they could not be read. */
export type MaterialMonths =
  { state: 'loading' } | { state: 'ready'; list: MonthlyMaterial[] } | { state: 'failed'; message: string };

/**
 * How many materials each criterion holds per collection month, read again after any change to materials, so the
 * trend moves with the files dropped in. Counted in core: a unit's year holds thousands of materials (listing all
 * 20,000 with their facts took 首页 seconds).
 */
export function useMaterialMonths(): MaterialMonths {
  const { data, error } = useQuery({
    queryKey: ['materials', 'months'],
    queryFn: async () => (await invoke('materials:months', {})).months,
  });
  if (error) return { state: 'failed', message: error.message };
  return data ? { state: 'ready', list: data } : { state: 'loading' };
}
