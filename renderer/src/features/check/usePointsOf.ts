import { useMemo } from 'react';
import { effectivePoints } from '@shared/domain/rules/points';
import type { Criterion } from '@shared/ipc/types';

/**
 * Each criterion's effective points (a parent's shared among its leaves), as core's check caps them: what
 * `riskTotals` needs to total findings in the renderer the same way the report does.
 */
export function usePointsOf(criteria: Criterion[]): (code: string) => number | null | undefined {
  return useMemo(() => {
    const points = effectivePoints(criteria);
    return (code: string) => points.get(code);
  }, [criteria]);
}
