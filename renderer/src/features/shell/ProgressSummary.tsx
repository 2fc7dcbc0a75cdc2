import { Group, Progress, Text, Tooltip } from '@mantine/core';
import type { ProgressSummary as Summary } from '../../../../shared/domain/progress';

/** The header's progress: how many of the unit's criteria are complete, in progress, not started, overdue. */
export function ProgressSummary({ s }: { s: Summary }) {
  const pct = (n: number) => (s.total === 0 ? 0 : (n / s.total) * 100);
  return (
    <Group gap="sm" wrap="nowrap" data-testid="progress-summary">
      <Tooltip
        label={`已齐全 ${s.byStatus.complete}，进行中 ${s.byStatus['in-progress']}，未开始 ${s.byStatus['not-started']}，不适用 ${s.byStatus['not-applicable']}`}
      >
        <Progress.Root w={160} size="lg">
          <Progress.Section value={pct(s.byStatus.complete)} color="green" />
          <Progress.Section value={pct(s.byStatus['in-progress'])} color="blue" />
          <Progress.Section value={pct(s.byStatus['not-started'])} color="red" />
          <Progress.Section value={pct(s.byStatus['not-applicable'])} color="gray" />
        </Progress.Root>
      </Tooltip>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        已齐全 {s.byStatus.complete}/{s.total - s.byStatus['not-applicable']}
      </Text>
      {s.overdue > 0 && (
        <Text size="sm" c="red" fw={600} style={{ whiteSpace: 'nowrap' }}>
          逾期 {s.overdue}
        </Text>
      )}
    </Group>
  );
}
