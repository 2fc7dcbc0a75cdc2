import { Badge, ColorSwatch, Tooltip } from '@mantine/core';
import type { CriterionStatus } from '../../../../shared/domain/value-sets';
import { M, STATUS_COLOR } from './messages';

export function StatusDot({ status }: { status: CriterionStatus }) {
  return (
    <Tooltip label={M.statusLabel(status)} openDelay={400}>
      <ColorSwatch
        color={`var(--mantine-color-${STATUS_COLOR[status]}-6)`}
        size={10}
        withShadow={false}
        aria-label={M.statusLabel(status)}
      />
    </Tooltip>
  );
}

export function StatusBadge({ status }: { status: CriterionStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {M.statusLabel(status)}
    </Badge>
  );
}
