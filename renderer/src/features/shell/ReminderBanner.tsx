import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReminderItem } from '@shared/ipc/collection-types';
import { invoke } from '../../api/client';
import { H } from './messages';
import { useReminders } from './useReminders';

/** Lines shown before 显示全部: the banner must not push the screen below it off a 768-pixel window. */
const FIRST_LINES = 3;
const TYPE_COLOR: Record<ReminderItem['type'], string> = { overdue: 'red', due: 'orange', keyDate: 'blue' };
/**
 * A key date first: the photos of an activity can only be taken on its day. Then what falls due within days, then
 * what is already late (月收集 and its badge keep that in view as well). Core's order holds within each.
 */
const TYPE_ORDER: Record<ReminderItem['type'], number> = { keyDate: 0, due: 1, overdue: 2 };

/**
 * The reminder banner above the screens: what is overdue, due within 3 days and the key dates within 3 days, each
 * with 今日不再提醒 (dismissed for today in core); a line opens 月收集.
 */
export function ReminderBanner(props: { onOpen(): void }) {
  const reminders = useReminders();
  const [all, setAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = [...(reminders.data?.items ?? [])].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
  if (items.length === 0 && !error) return null;
  const dismiss = (keys: string[]) =>
    void invoke('reminders:dismiss', { keys }).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const shown = all ? items : items.slice(0, FIRST_LINES);
  return (
    <Alert color="orange" title={H.remindersTitle(items.length)} mb="sm" data-testid="reminders" py="xs">
      <Stack gap={4}>
        {shown.map((r) => (
          <Group key={r.key} gap="xs" wrap="nowrap" justify="space-between" data-testid="reminder" data-type={r.type}>
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Badge size="sm" color={TYPE_COLOR[r.type]} variant="light" style={{ flex: 'none' }}>
                {H.reminderType[r.type]}
              </Badge>
              <Anchor component="button" size="sm" c="dark" onClick={props.onOpen} truncate="end" title={r.text}>
                {r.text}
              </Anchor>
            </Group>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => dismiss([r.key])}
              style={{ flex: 'none' }}
            >
              {H.dismissToday}
            </Button>
          </Group>
        ))}
        {(items.length > FIRST_LINES || items.length > 1) && (
          <Group gap="xs">
            {items.length > FIRST_LINES && (
              <Button size="compact-xs" variant="subtle" onClick={() => setAll(!all)}>
                {all ? H.showFewer : H.showAll(items.length)}
              </Button>
            )}
            {items.length > 1 && (
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => dismiss(items.map((r) => r.key))}>
                {H.dismissAllToday}
              </Button>
            )}
          </Group>
        )}
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
