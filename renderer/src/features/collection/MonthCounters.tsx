import { Group, Paper, Text } from '@mantine/core';
import type { MonthView } from '@shared/ipc/collection-types';
import { CM } from './messages';

/** 本月应交 / 已交 / 逾期: three numbers at the top of the month, 逾期 in red once there is any. */
export function MonthCounters({ counts }: { counts: MonthView['counts'] }) {
  const items = [
    { key: 'owed', label: CM.counters.owed, value: counts.owed, color: undefined },
    { key: 'met', label: CM.counters.met, value: counts.met, color: counts.met > 0 ? 'green.8' : undefined },
    {
      key: 'overdue',
      label: CM.counters.overdue,
      value: counts.overdue,
      color: counts.overdue > 0 ? 'red.8' : undefined,
    },
  ] as const;
  return (
    <Group gap="xs" wrap="nowrap" data-testid="month-counters">
      {items.map((i) => (
        <Paper key={i.key} withBorder px="sm" py={4} data-testid={`count-${i.key}`}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {i.label}
            </Text>
            <Text fw={700} size="lg" c={i.color} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {i.value}
            </Text>
          </Group>
        </Paper>
      ))}
    </Group>
  );
}
