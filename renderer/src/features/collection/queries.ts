import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { invoke } from '../../api/client';

// 月收集's reads. Every key starts with `collection`, so whatever changes what is owed or what came in (attach, edit,
// 要账, a hand-out: shared/ipc/effects.ts) reads them again.

/** The 月收集 view of a month; `null`: the current collection month (the key the navigation's badge shares). */
export function useMonthView(month: string | null) {
  return useQuery({
    queryKey: ['collection', 'month', month ?? 'current'],
    queryFn: () => invoke('collection:month', month === null ? {} : { month }),
  });
}

/** The year grid (criteria × the period's months), read once its tab is open. */
export function useYearGrid(enabled: boolean) {
  return useQuery({ queryKey: ['collection', 'year'], queryFn: () => invoke('collection:year', {}), enabled });
}

/** The 要账 of a month, the office's and the unit's. */
export function useRequests(month: string | null) {
  return useQuery({
    queryKey: ['collection', 'requests', month],
    queryFn: () => invoke('request:list', { month: month ?? undefined }),
    enabled: month !== null,
  });
}

/** Thumbnails of the materials shown beside what is owed (one call for the whole month, at most 500). */
export function useThumbs(ids: string[]) {
  const key = ids.slice(0, 500);
  return useQuery({
    queryKey: ['collection', 'thumbs', key],
    queryFn: () => invoke('materials:thumbs', { ids: key }),
    enabled: key.length > 0,
  });
}

/** The codes owed in the current collection month (the 台账's filter 本月应交); null until read or when it fails. */
export function useOwedCodes(): ReadonlySet<string> | null {
  const { data } = useMonthView(null);
  return useMemo(() => (data ? new Set(data.owed.map((o) => o.criterionCode)) : null), [data]);
}
