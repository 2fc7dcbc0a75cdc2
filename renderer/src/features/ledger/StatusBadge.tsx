import { Badge } from '@mantine/core';
import type { CriterionStatus } from '../../../../shared/domain/value-sets';
import { M, STATUS_COLOR } from './messages';

export function StatusBadge({ status }: { status: CriterionStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {M.statusLabel(status)}
    </Badge>
  );
}
