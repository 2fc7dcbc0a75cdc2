import { useQuery } from '@tanstack/react-query';
import type { SignerInfo } from '@shared/ipc/types';
import { invoke } from '../../api/client';

/** The workspace's signers, read again after any signer:* or review:decide call (api/query-client.ts). */
export function useSigners(): { signers: SignerInfo[] | null; error: string | null } {
  const q = useQuery({ queryKey: ['signers'], queryFn: () => invoke('signer:list', {}) });
  return { signers: q.data?.signers ?? null, error: q.error?.message ?? null };
}
