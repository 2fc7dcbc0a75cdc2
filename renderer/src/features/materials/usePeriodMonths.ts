import { useQuery } from '@tanstack/react-query';
import { periodMonths } from '@shared/domain/collection';
import { invoke } from '../../api/client';

/** The 测评周期's months (a material's month must be one of them), from the ledger state the shell already holds. */
export function usePeriodMonths(): string[] {
  const { data } = useQuery({ queryKey: ['ledger'], queryFn: () => invoke('ledger:state', {}) });
  return data ? periodMonths(data.workspace.period) : [];
}
