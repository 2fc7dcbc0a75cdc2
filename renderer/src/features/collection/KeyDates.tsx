import { Badge, Group, Stack, Text } from '@mantine/core';
import type { KeyDate } from '@shared/ipc/collection-types';
import { CM } from './messages';

/** The month's key dates (事前预告): the day, the occasion, the criteria to document, the office's note. */
export function KeyDates({ dates, today }: { dates: KeyDate[]; today: string }) {
  if (dates.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {CM.keyDatesEmpty}
      </Text>
    );
  return (
    <Stack gap={6} data-testid="key-dates">
      {dates.map((d, i) => (
        <Stack key={`${i}|${d.date}|${d.title}`} gap={0} data-testid="key-date">
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} c={d.date < today ? 'dimmed' : undefined} style={{ flex: 'none' }}>
              {Number(d.date.slice(5, 7))}月{Number(d.date.slice(8, 10))}日
            </Text>
            <Text size="sm" truncate="end">
              {d.title}
            </Text>
            {d.source === 'office' && (
              <Badge size="xs" variant="light" color="gray" style={{ flex: 'none' }}>
                {CM.office}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[d.criterionCodes.join('、'), d.note].filter(Boolean).join('：')}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
