import { Badge } from '@mantine/core';
import type { CriterionStatus } from '@shared/domain/value-sets';
import { M, STATUS_COLOR } from './messages';

/** A criterion's status in words; 不适用 outlined, so the two grey states (未开始, 不适用) differ at a glance. */
export function StatusBadge({ status }: { status: CriterionStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'not-applicable' ? 'outline' : 'light'}>
      {M.statusLabel(status)}
    </Badge>
  );
}
