import type { Criterion } from '@shared/ipc/types';

/** The criteria a material may be moved or copied to: current leaves that take online materials. */
export function moveTargets(criteria: Criterion[]): { value: string; label: string }[] {
  return criteria
    .filter((c) => c.leaf && c.needsMaterial && !c.removed)
    .map((c) => ({ value: c.code, label: `${c.code} ${c.title}` }));
}
