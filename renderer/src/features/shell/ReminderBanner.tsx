import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReminderItem } from '@shared/ipc/collection-types';
import { invoke } from '../../api/client';
import { H } from './messages';
import { useReminders } from './useReminders';

/** Lines shown until 另有 N 条 is opened: on a 768-pixel screen the banner must not push the work below away. */
const FIRST_LINES = 1;
const TYPE_COLOR: Record<ReminderItem['type'], string> = { overdue: 'red', due: 'orange', keyDate: 'blue' };

/**
 * The reminder banner above the screens: what is overdue, due within 3 days and the key dates within 3 days, one
 * line each (the most pressing shown, the rest one click away), each with 今日不再提醒 (dismissed for today in
 * core); a line opens 月收集.
 */
export function ReminderBanner(props: { onOpen(): void }) {
  const reminders = useReminders();
  const [all, setAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // In core's order: key dates first, then what falls due, then what is late (the notification has the same).
  const items = reminders.data?.items ?? [];
  if (items.length === 0 && !error) return null;
  const dismiss = (keys: string[]) =>
    void invoke('reminders:dismiss', { keys }).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const shown = all ? items : items.slice(0, FIRST_LINES);
  const more = items.length - FIRST_LINES;
  return (
    <Alert color="orange" py={6} px="sm" mb="xs" data-testid="reminders" aria-label={H.remindersTitle(items.length)}>
      <Stack gap={2}>
        {shown.map((r, i) => (
          <Group key={r.key} gap="xs" wrap="nowrap" justify="space-between" data-testid="reminder" data-type={r.type}>
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Badge size="sm" color={TYPE_COLOR[r.type]} variant="light" style={{ flex: 'none' }}>
                {H.reminderType[r.type]}
              </Badge>
              <Anchor component="button" size="sm" c="dark" onClick={props.onOpen} truncate="end" title={r.text}>
                {r.text}
              </Anchor>
            </Group>
            <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => dismiss([r.key])}>
                {H.dismissToday}
              </Button>
              {i === shown.length - 1 && more > 0 && (
                <Button size="compact-xs" variant="subtle" onClick={() => setAll(!all)}>
                  {all ? H.showFewer : H.more(more)}
                </Button>
              )}
              {i === shown.length - 1 && all && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => dismiss(items.map((x) => x.key))}
                >
                  {H.dismissAllToday}
                </Button>
              )}
            </Group>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
